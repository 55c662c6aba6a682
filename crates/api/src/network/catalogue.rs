//! A certifying council's catalogue of prevention offers and their quality seals.

use async_graphql::{Context, Enum, ID, InputObject, Object};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::CatalogueOfferId;
use praevnet_core::network::catalogue::{
    CatalogueOffer as DomainOffer, CatalogueOfferInput as DomainInput, SealDecision,
};

use crate::codes::FederalState;
use crate::codes::{TargetGroup, Topic};
use crate::context::ContextExt;
use crate::error::ResultExt;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_common::vocabulary::OfferFormat")]
pub(crate) enum OfferFormat {
    Workshop,
    Training,
    Project,
    Exhibition,
    Counselling,
    TheatrePlay,
    Course,
    Campaign,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::network::catalogue::SealStatus")]
pub(crate) enum SealStatus {
    None,
    Granted,
    Withdrawn,
}

/// Whether the seal holds today.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::network::catalogue::SealValidity")]
pub(crate) enum SealValidity {
    NoSeal,
    Valid,
    Expired,
    Withdrawn,
}

pub(crate) struct CatalogueOffer(DomainOffer);

#[Object]
impl CatalogueOffer {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The certifying municipality whose catalogue this is.
    async fn certifier_id(&self) -> ID {
        ID(self.0.certifier_id.to_string())
    }
    async fn certifier_name(&self) -> &str {
        &self.0.certifier_name
    }
    async fn federal_state(&self) -> FederalState {
        self.0.federal_state.into()
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn provider(&self) -> &str {
        &self.0.provider
    }
    async fn format(&self) -> OfferFormat {
        self.0.format.into()
    }
    async fn target_groups(&self) -> Vec<TargetGroup> {
        self.0.target_groups.iter().map(|t| (*t).into()).collect()
    }
    async fn topics(&self) -> Vec<Topic> {
        self.0.topics.iter().map(|t| (*t).into()).collect()
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn contact(&self) -> &str {
        &self.0.contact
    }
    async fn seal_status(&self) -> SealStatus {
        self.0.seal.status.into()
    }
    /// Whether the seal holds today (UTC date).
    async fn seal_validity(&self) -> SealValidity {
        self.0.seal.validity_on(Utc::now().date_naive()).into()
    }
    async fn seal_granted_on(&self) -> Option<NaiveDate> {
        self.0.seal.granted_on
    }
    async fn seal_valid_until(&self) -> Option<NaiveDate> {
        self.0.seal.valid_until
    }
    async fn seal_note(&self) -> &str {
        &self.0.seal.note
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub(crate) struct CatalogueOfferInput {
    title: String,
    provider: String,
    format: Option<OfferFormat>,
    #[graphql(default)]
    target_groups: Vec<TargetGroup>,
    #[graphql(default)]
    topics: Vec<Topic>,
    #[graphql(default)]
    description: String,
    #[graphql(default)]
    contact: String,
}

#[derive(Default, Debug)]
pub(crate) struct CatalogueQuery;

#[Object]
impl CatalogueQuery {
    /// A certifier's catalogue, or all catalogues (anyone logged in).
    async fn catalogue(
        &self,
        ctx: &Context<'_>,
        certifier_id: Option<ID>,
    ) -> async_graphql::Result<Vec<CatalogueOffer>> {
        let certifier = certifier_id.map(|id| ctx.municipality(&id)).transpose()?;
        let found = ctx
            .services()
            .network()
            .catalogue(ctx.principal(), certifier)
            .await
            .gql(ctx)?;
        Ok(found.into_iter().map(CatalogueOffer).collect())
    }

    async fn catalogue_offer(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<CatalogueOffer> {
        let id = ctx.id::<CatalogueOfferId>(&id, "id")?;
        let found = ctx
            .services()
            .network()
            .catalogue_offer(ctx.principal(), id)
            .await
            .gql(ctx)?;
        Ok(CatalogueOffer(found))
    }
}

#[derive(Default, Debug)]
pub(crate) struct CatalogueMutation;

impl CatalogueMutation {
    async fn decide(
        ctx: &Context<'_>,
        certifier_id: &ID,
        id: &ID,
        decision: SealDecision,
    ) -> async_graphql::Result<CatalogueOffer> {
        let certifier = ctx.municipality(certifier_id)?;
        let id = ctx.id::<CatalogueOfferId>(id, "id")?;
        let saved = ctx
            .services()
            .network()
            .decide_seal(ctx.principal(), certifier, id, decision)
            .await
            .gql(ctx)?;
        Ok(CatalogueOffer(saved))
    }
}

#[Object]
impl CatalogueMutation {
    /// Adds an offer to the certifier's catalogue, or changes one (`id`): the certifying
    /// municipality's administrators and its Land's office.
    async fn save_catalogue_offer(
        &self,
        ctx: &Context<'_>,
        certifier_id: ID,
        id: Option<ID>,
        input: CatalogueOfferInput,
    ) -> async_graphql::Result<CatalogueOffer> {
        let certifier = ctx.municipality(&certifier_id)?;
        let id = ctx.optional_id::<CatalogueOfferId>(id.as_ref(), "id")?;
        let saved = ctx
            .services()
            .network()
            .save_catalogue_offer(
                ctx.principal(),
                certifier,
                id,
                DomainInput {
                    title: input.title,
                    provider: input.provider,
                    format: input.format.map(Into::into),
                    target_groups: input.target_groups.into_iter().map(Into::into).collect(),
                    topics: input.topics.into_iter().map(Into::into).collect(),
                    description: input.description,
                    contact: input.contact,
                },
            )
            .await
            .gql(ctx)?;
        Ok(CatalogueOffer(saved))
    }

    /// Takes an offer out of the catalogue.
    async fn remove_catalogue_offer(
        &self,
        ctx: &Context<'_>,
        certifier_id: ID,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let certifier = ctx.municipality(&certifier_id)?;
        let id = ctx.id::<CatalogueOfferId>(&id, "id")?;
        ctx.services()
            .network()
            .remove_catalogue_offer(ctx.principal(), certifier, id)
            .await
            .gql(ctx)?;
        Ok(true)
    }

    /// Grants the quality seal for a period (not while a granted one still holds).
    async fn grant_seal(
        &self,
        ctx: &Context<'_>,
        certifier_id: ID,
        id: ID,
        granted_on: NaiveDate,
        valid_until: NaiveDate,
        #[graphql(default)] note: String,
    ) -> async_graphql::Result<CatalogueOffer> {
        let decision = SealDecision::Grant {
            granted_on,
            valid_until,
            note,
        };
        Self::decide(ctx, &certifier_id, &id, decision).await
    }

    /// Extends a granted seal (also one that has just expired) to a later end.
    async fn renew_seal(
        &self,
        ctx: &Context<'_>,
        certifier_id: ID,
        id: ID,
        valid_until: NaiveDate,
        #[graphql(default)] note: String,
    ) -> async_graphql::Result<CatalogueOffer> {
        let decision = SealDecision::Renew { valid_until, note };
        Self::decide(ctx, &certifier_id, &id, decision).await
    }

    /// Withdraws a granted seal, with the reason.
    async fn withdraw_seal(
        &self,
        ctx: &Context<'_>,
        certifier_id: ID,
        id: ID,
        #[graphql(default)] note: String,
    ) -> async_graphql::Result<CatalogueOffer> {
        let decision = SealDecision::Withdraw { note };
        Self::decide(ctx, &certifier_id, &id, decision).await
    }
}
