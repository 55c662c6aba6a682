//! The council record of a municipality in the API.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::registry::council::{Council as DomainCouncil, CouncilInput as DomainInput};

use crate::context::ContextExt;
use crate::error::ResultExt;

/// Der Kommunale Präventionsrat (prevention council) of a municipality.
pub(crate) struct Council(pub DomainCouncil);

#[Object]
impl Council {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The council resolution that founded it, e.g. `B-41/1998`.
    async fn founding_resolution(&self) -> Option<&str> {
        self.0.founding_resolution.as_deref()
    }
    async fn founding_date(&self) -> Option<NaiveDate> {
        self.0.founding_date
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
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
            .await
            .gql(ctx)?;
        Ok(Council(saved))
    }
}
