//! Municipalities in the API: the registry query and the operator's mutations.

use async_graphql::{ComplexObject, Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_core::registry::Council as DomainCouncil;
use praevnet_core::registry::municipality::{
    Municipality as DomainMunicipality, MunicipalityInput, MunicipalityPatch,
    MunicipalityStatus as DomainStatus,
};
use praevnet_core::{MunicipalityId, page_bounds};

use crate::codes::FederalState;
use crate::context::ContextExt;
use crate::ids::id_of;
use crate::registry::council::Council;

/// Where a municipality stands on the platform.
#[derive(Enum, Copy, Clone, Debug, Eq, PartialEq)]
#[graphql(remote = "praevnet_core::registry::municipality::MunicipalityStatus")]
pub(crate) enum MunicipalityStatus {
    Onboarding,
    Active,
    Inactive,
}

/// Eine Kommune: the tenant of the platform.
#[derive(SimpleObject)]
#[graphql(complex)]
pub(crate) struct Municipality {
    id: ID,
    name: String,
    /// The name used in addresses, e.g. `halle-saale`.
    slug: String,
    /// Amtlicher Gemeindeschlüssel: eight digits.
    ags: String,
    federal_state: FederalState,
    /// The German name of the federal state, for display.
    federal_state_name: &'static str,
    population: i64,
    status: MunicipalityStatus,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[graphql(skip)]
    key: MunicipalityId,
    /// The council as read with the whole page it stands on, when the query asked for it.
    #[graphql(skip)]
    preloaded: Option<Option<DomainCouncil>>,
}

impl From<DomainMunicipality> for Municipality {
    fn from(m: DomainMunicipality) -> Self {
        Self {
            id: id_of(m.id),
            name: m.name,
            slug: m.slug.as_str().to_owned(),
            ags: m.ags.as_str().to_owned(),
            federal_state: m.federal_state.into(),
            federal_state_name: m.federal_state.name_de(),
            population: m.population,
            status: m.status.into(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            key: m.id,
            preloaded: None,
        }
    }
}

#[ComplexObject]
impl Municipality {
    /// The prevention council, if the municipality has one.
    async fn council(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Council>> {
        if let Some(council) = &self.preloaded {
            return Ok(council.clone().map(Council::from));
        }
        let request = ctx.request();
        let council = ctx
            .services()
            .registry()
            .council(&request.principal, self.key)
            .await?;
        Ok(council.map(Council::from))
    }
}

/// One page of municipalities, ordered by name.
#[derive(SimpleObject)]
pub(crate) struct MunicipalityPage {
    items: Vec<Municipality>,
    /// How many municipalities match the filter in all.
    total_count: u64,
    offset: u64,
}

#[derive(InputObject)]
pub(crate) struct CreateMunicipalityInput {
    name: String,
    ags: String,
    federal_state: FederalState,
    population: i64,
    /// Derived from the name when left out.
    slug: Option<String>,
    #[graphql(default_with = "MunicipalityStatus::Active")]
    status: MunicipalityStatus,
}

/// Fields left out keep their value.
#[derive(InputObject)]
pub(crate) struct UpdateMunicipalityInput {
    name: Option<String>,
    ags: Option<String>,
    federal_state: Option<FederalState>,
    population: Option<i64>,
    slug: Option<String>,
    status: Option<MunicipalityStatus>,
}

#[derive(Default, Debug)]
pub(crate) struct MunicipalityQuery;

#[Object]
impl MunicipalityQuery {
    /// Municipalities on the platform, filtered by federal state and by part of the name.
    #[graphql(complexity = "10 + child_complexity")]
    async fn municipalities(
        &self,
        ctx: &Context<'_>,
        federal_state: Option<FederalState>,
        search: Option<String>,
        #[graphql(default = 50)] first: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<MunicipalityPage> {
        let (limit, offset) = page_bounds(first.into(), offset.into())?;
        let request = ctx.request();
        let page = ctx
            .services()
            .registry()
            .municipalities(
                &request.principal,
                federal_state.map(Into::into),
                search,
                offset,
                limit,
            )
            .await?;
        let mut items: Vec<Municipality> = page.items.into_iter().map(Municipality::from).collect();
        if ctx.look_ahead().field("items").field("council").exists() {
            // One read for the page's councils instead of one per row.
            let keys: Vec<MunicipalityId> = items.iter().map(|m| m.key).collect();
            let mut councils = ctx
                .services()
                .registry()
                .councils(&request.principal, &keys)
                .await?;
            for item in &mut items {
                let at = councils.iter().position(|c| c.municipality_id == item.key);
                item.preloaded = Some(at.map(|at| councils.swap_remove(at)));
            }
        }
        Ok(MunicipalityPage {
            items,
            total_count: page.total,
            offset: page.offset,
        })
    }

    async fn municipality(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Municipality> {
        let id = ctx.municipality_named(&id, "id")?;
        let found = ctx
            .services()
            .registry()
            .municipality(ctx.principal(), id)
            .await?;
        ctx.record_municipality(found.id);
        Ok(found.into())
    }

    async fn municipality_by_slug(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<Municipality> {
        let found = ctx
            .services()
            .registry()
            .municipality_by_slug(ctx.principal(), &slug)
            .await?;
        ctx.record_municipality(found.id);
        Ok(found.into())
    }
}

#[derive(Default, Debug)]
pub(crate) struct MunicipalityMutation;

#[Object]
impl MunicipalityMutation {
    /// The operator, or the state office of the municipality's Land.
    async fn create_municipality(
        &self,
        ctx: &Context<'_>,
        input: CreateMunicipalityInput,
    ) -> async_graphql::Result<Municipality> {
        let input = MunicipalityInput {
            name: input.name,
            ags: input.ags,
            federal_state: input.federal_state.into(),
            population: input.population,
            slug: input.slug,
            status: DomainStatus::from(input.status),
        };
        let created = ctx
            .services()
            .registry()
            .create_municipality(ctx.principal(), input)
            .await?;
        ctx.record_municipality(created.id);
        Ok(created.into())
    }

    /// The operator, or the state office of the municipality's Land (moving it to another
    /// Land needs that Land's office too).
    async fn update_municipality(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateMunicipalityInput,
    ) -> async_graphql::Result<Municipality> {
        let id = ctx.municipality_named(&id, "id")?;
        let patch = MunicipalityPatch {
            name: input.name,
            ags: input.ags,
            federal_state: input.federal_state.map(Into::into),
            population: input.population,
            slug: input.slug,
            status: input.status.map(Into::into),
        };
        let updated = ctx
            .services()
            .registry()
            .update_municipality(ctx.principal(), id, patch)
            .await?;
        ctx.record_municipality(updated.id);
        Ok(updated.into())
    }
}
