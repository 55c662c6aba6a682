//! A state office's advice, training and coaching offers, the municipalities' requests for them,
//! and the office's answers.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::land::support::{Answer, Offer, OfferInput, SupportRequest as Request};
use praevnet_core::{Lang, OfferId, SupportRequestId};

use crate::codes::FederalState;
use crate::context::ContextExt;
use crate::ids::id_of;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::land::support::SupportKind")]
pub(crate) enum SupportKind {
    Advice,
    Training,
    Coaching,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::land::support::RequestStatus")]
pub(crate) enum SupportRequestStatus {
    Requested,
    Scheduled,
    Done,
    Declined,
}

/// Advice, training or coaching offered by a state office.
#[derive(SimpleObject)]
pub(crate) struct SupportOffer {
    id: ID,
    federal_state: FederalState,
    kind: SupportKind,
    /// The kind in the caller's language.
    kind_label: &'static str,
    title: String,
    description: String,
    contact: String,
    /// Inactive offers take no new requests.
    active: bool,
}

impl SupportOffer {
    fn new(o: Offer, lang: Lang) -> Self {
        Self {
            id: id_of(o.id),
            federal_state: o.federal_state.into(),
            kind: o.kind.into(),
            kind_label: o.kind.label(lang),
            title: o.title,
            description: o.description,
            contact: o.contact,
            active: o.active,
        }
    }
}

/// A municipality's request for an offer, with the office's answer.
#[derive(SimpleObject)]
pub(crate) struct SupportRequest {
    id: ID,
    municipality_id: ID,
    municipality_name: String,
    offer: SupportOffer,
    message: String,
    status: SupportRequestStatus,
    /// The status in the caller's language.
    status_label: &'static str,
    scheduled_on: Option<NaiveDate>,
    office_note: String,
    created_at: DateTime<Utc>,
}

impl SupportRequest {
    fn new(r: Request, lang: Lang) -> Self {
        Self {
            id: id_of(r.id),
            municipality_id: id_of(r.municipality_id),
            municipality_name: r.municipality_name,
            offer: SupportOffer::new(r.offer, lang),
            message: r.message,
            status: r.status.into(),
            status_label: r.status.label(lang),
            scheduled_on: r.scheduled_on,
            office_note: r.office_note,
            created_at: r.created_at,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct SupportOfferInput {
    federal_state: FederalState,
    kind: SupportKind,
    title: String,
    #[graphql(default)]
    description: String,
    #[graphql(default)]
    contact: String,
    #[graphql(default = true)]
    active: bool,
}

#[derive(InputObject)]
pub(crate) struct SupportAnswerInput {
    status: SupportRequestStatus,
    scheduled_on: Option<NaiveDate>,
    #[graphql(default)]
    note: String,
}

#[derive(Default, Debug)]
pub(crate) struct SupportQuery;

#[Object]
impl SupportQuery {
    /// Offers of advice, training and coaching, of one Land or of all.
    async fn support_offers(
        &self,
        ctx: &Context<'_>,
        federal_state: Option<FederalState>,
    ) -> async_graphql::Result<Vec<SupportOffer>> {
        let found = ctx
            .services()
            .land()
            .support_offers(ctx.principal(), federal_state.map(Into::into))
            .await?;
        Ok(found
            .into_iter()
            .map(|o| SupportOffer::new(o, ctx.request().lang))
            .collect())
    }

    /// A municipality's requests (its administrators, its Land's office), newest first.
    async fn support_requests(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<Vec<SupportRequest>> {
        let m = ctx.municipality(&municipality_id)?;
        let found = ctx
            .services()
            .land()
            .municipality_support_requests(ctx.principal(), m)
            .await?;
        Ok(found
            .into_iter()
            .map(|r| SupportRequest::new(r, ctx.request().lang))
            .collect())
    }

    /// Every request of a Land's municipalities, oldest first (its state office, the operator).
    async fn state_support_requests(
        &self,
        ctx: &Context<'_>,
        federal_state: FederalState,
    ) -> async_graphql::Result<Vec<SupportRequest>> {
        let found = ctx
            .services()
            .land()
            .state_support_requests(ctx.principal(), federal_state.into())
            .await?;
        Ok(found
            .into_iter()
            .map(|r| SupportRequest::new(r, ctx.request().lang))
            .collect())
    }
}

#[derive(Default, Debug)]
pub(crate) struct SupportMutation;

#[Object]
impl SupportMutation {
    /// Publishes an offer, or changes one when `id` is given (the Land's state office, the
    /// operator).
    async fn save_support_offer(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        input: SupportOfferInput,
    ) -> async_graphql::Result<SupportOffer> {
        let id = ctx.optional_id::<OfferId>(id.as_ref(), "id")?;
        let input = OfferInput {
            federal_state: input.federal_state.into(),
            kind: input.kind.into(),
            title: input.title,
            description: input.description,
            contact: input.contact,
            active: input.active,
        };
        let saved = ctx
            .services()
            .land()
            .save_support_offer(ctx.principal(), id, input)
            .await?;
        Ok(SupportOffer::new(saved, ctx.request().lang))
    }

    /// A municipality asks for an offer of its Land.
    async fn request_support(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        offer_id: ID,
        #[graphql(default)] message: String,
    ) -> async_graphql::Result<SupportRequest> {
        let m = ctx.municipality(&municipality_id)?;
        let offer = ctx.id::<OfferId>(&offer_id, "offerId")?;
        let saved = ctx
            .services()
            .land()
            .request_support(ctx.principal(), m, offer, message)
            .await?;
        Ok(SupportRequest::new(saved, ctx.request().lang))
    }

    /// The state office answers a request: scheduled (with a date), done or declined.
    async fn answer_support_request(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        input: SupportAnswerInput,
    ) -> async_graphql::Result<SupportRequest> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<SupportRequestId>(&id, "id")?;
        let answer = Answer {
            status: input.status.into(),
            scheduled_on: input.scheduled_on,
            note: input.note,
        };
        let saved = ctx
            .services()
            .land()
            .answer_support_request(ctx.principal(), m, id, answer)
            .await?;
        Ok(SupportRequest::new(saved, ctx.request().lang))
    }
}
