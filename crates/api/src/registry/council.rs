//! The council record of a municipality in the API.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::registry::council::{Council as DomainCouncil, CouncilInput as DomainInput};

use crate::context::ContextExt;
use crate::ids::id_of;

/// Der Kommunale Präventionsrat (prevention council) of a municipality.
#[derive(SimpleObject)]
pub(crate) struct Council {
    id: ID,
    name: String,
    /// The council resolution that founded it, e.g. `B-41/1998`.
    founding_resolution: Option<String>,
    founding_date: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<DomainCouncil> for Council {
    fn from(c: DomainCouncil) -> Self {
        Self {
            id: id_of(c.id),
            name: c.name,
            founding_resolution: c.founding_resolution,
            founding_date: c.founding_date,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct CouncilInput {
    name: String,
    founding_resolution: Option<String>,
    founding_date: Option<NaiveDate>,
}

#[derive(Default, Debug)]
pub(crate) struct CouncilMutation;

#[Object]
impl CouncilMutation {
    /// Creates or replaces the council record of a municipality: its administrators, its
    /// Land's state office, or the operator.
    async fn save_council(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        input: CouncilInput,
    ) -> async_graphql::Result<Council> {
        let municipality = ctx.municipality(&municipality_id)?;
        let input = DomainInput {
            name: input.name,
            founding_resolution: input.founding_resolution,
            founding_date: input.founding_date,
        };
        let saved = ctx
            .services()
            .registry()
            .save_council(ctx.principal(), municipality, input)
            .await?;
        Ok(saved.into())
    }
}
