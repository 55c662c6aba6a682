//! A certifying council's catalogue of prevention offers and their quality seals.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::CatalogueOfferId;
use praevnet_core::network::catalogue::{
    CatalogueOffer as DomainOffer, CatalogueOfferInput as DomainInput, SealDecision,
};

use crate::codes::FederalState;
use crate::codes::{TargetGroup, Topic};
use crate::context::ContextExt;
use crate::ids::id_of;

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

#[derive(SimpleObject)]
pub(crate) struct CatalogueOffer {
    id: ID,
    /// The certifying municipality whose catalogue this is.
    certifier_id: ID,
    certifier_name: String,
    federal_state: FederalState,
    title: String,
    provider: String,
    format: OfferFormat,
    target_groups: Vec<TargetGroup>,
    topics: Vec<Topic>,
    description: String,
    contact: String,
    seal_status: SealStatus,
    /// Whether the seal holds today (UTC date).
    seal_validity: SealValidity,
    seal_granted_on: Option<NaiveDate>,
    seal_valid_until: Option<NaiveDate>,
    seal_note: String,
    updated_at: DateTime<Utc>,
}

impl From<DomainOffer> for CatalogueOffer {
    fn from(o: DomainOffer) -> Self {
        Self {
            id: id_of(o.id),
            certifier_id: id_of(o.certifier_id),
            certifier_name: o.certifier_name,
            federal_state: o.federal_state.into(),
            title: o.title,
            provider: o.provider,
            format: o.format.into(),
            target_groups: o.target_groups.into_iter().map(Into::into).collect(),
            topics: o.topics.into_iter().map(Into::into).collect(),
            description: o.description,
            contact: o.contact,
            seal_status: o.seal.status.into(),
            seal_validity: o.seal.validity_on(Utc::now().date_naive()).into(),
            seal_granted_on: o.seal.granted_on,
            seal_valid_until: o.seal.valid_until,
            seal_note: o.seal.note,
            updated_at: o.updated_at,
        }
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
            .await?;
        Ok(found.into_iter().map(CatalogueOffer::from).collect())
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
            .await?;
        Ok(found.into())
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
            .await?;
        Ok(saved.into())
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
            .await?;
        Ok(saved.into())
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
            .await?;
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
