//! Recommendations (Handlungsempfehlungen) and the Beschlusskontrolle.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::recommendations::{
    Recommendation as DomainRecommendation, RecommendationInput as DomainInput, StepInput,
};
use praevnet_core::{AgendaItemId, BodyId, Lang, MeetingId, RecommendationId};

use crate::context::ContextExt;
use crate::ids::id_of;

/// Where a recommendation stands on its way.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::recommendations::RecommendationStatus")]
pub(crate) enum RecommendationStatus {
    Draft,
    Adopted,
    Submitted,
    Answered,
    Implemented,
    Rejected,
}

/// Whom a recommendation is addressed to.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::recommendations::Addressee")]
pub(crate) enum Addressee {
    CityCouncil,
    Administration,
}

/// One step of a recommendation's way.
#[derive(SimpleObject)]
pub(crate) struct RecommendationStep {
    status: RecommendationStatus,
    status_label: String,
    on: NaiveDate,
    note: String,
}

/// A recommendation (Handlungsempfehlung) of a council.
#[derive(SimpleObject)]
pub(crate) struct Recommendation {
    id: ID,
    title: String,
    text: String,
    /// The body it came from (a working group, a conference).
    source_body_id: Option<ID>,
    source_body_name: Option<String>,
    /// The meeting it came from, and the item it was raised under.
    source_meeting_id: Option<ID>,
    source_agenda_item_id: Option<ID>,
    /// The steering body that adopts it.
    adopting_body_id: Option<ID>,
    adopting_body_name: Option<String>,
    addressee: Addressee,
    addressee_label: String,
    /// The city council's paper (Drucksache), e.g. "VII-F-00741".
    paper_reference: Option<String>,
    status: RecommendationStatus,
    status_label: String,
    /// The answer is expected by then.
    due_on: Option<NaiveDate>,
    answer: String,
    /// The answer was due and has not come.
    overdue: bool,
    /// Its way so far, oldest step first.
    steps: Vec<RecommendationStep>,
    /// The steps that may follow.
    next_steps: Vec<RecommendationStatus>,
    editable: bool,
}

impl Recommendation {
    fn new(r: DomainRecommendation, lang: Lang) -> Self {
        Self {
            id: id_of(r.id),
            title: r.title,
            text: r.text,
            source_body_id: r.source_body.as_ref().map(|b| id_of(b.id)),
            source_body_name: r.source_body.map(|b| b.name),
            source_meeting_id: r.source_meeting_id.map(id_of),
            source_agenda_item_id: r.source_agenda_item_id.map(id_of),
            adopting_body_id: r.adopting_body.as_ref().map(|b| id_of(b.id)),
            adopting_body_name: r.adopting_body.map(|b| b.name),
            addressee: r.addressee.into(),
            addressee_label: r.addressee.label(lang).to_owned(),
            paper_reference: r.paper_reference,
            status: r.status.into(),
            status_label: r.status.label(lang).to_owned(),
            due_on: r.due_on,
            answer: r.answer,
            overdue: r.overdue,
            steps: r
                .steps
                .into_iter()
                .map(|s| RecommendationStep {
                    status: s.status.into(),
                    status_label: s.status.label(lang).to_owned(),
                    on: s.on,
                    note: s.note,
                })
                .collect(),
            next_steps: if r.editable {
                r.status.next().iter().map(|s| (*s).into()).collect()
            } else {
                Vec::new()
            },
            editable: r.editable,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct RecommendationInput {
    title: String,
    #[graphql(default)]
    text: String,
    source_body_id: Option<ID>,
    /// The meeting it came from (its body is then the body it came from).
    source_meeting_id: Option<ID>,
    /// The meeting's item it was raised under (its meeting is then the meeting it came from).
    source_agenda_item_id: Option<ID>,
    adopting_body_id: Option<ID>,
    /// Required; the API says so at this field when it is missing.
    addressee: Option<Addressee>,
    paper_reference: Option<String>,
    due_on: Option<NaiveDate>,
}

#[derive(InputObject)]
pub(crate) struct RecommendationStepInput {
    status: RecommendationStatus,
    on: NaiveDate,
    #[graphql(default)]
    note: String,
    /// The answer's text: required for ANSWERED.
    answer: Option<String>,
}

#[derive(Default, Debug)]
pub(crate) struct RecommendationQuery;

#[Object]
impl RecommendationQuery {
    /// A council's recommendations the caller may see, newest first; with `openOnly`, those
    /// still on their way (the Beschlusskontrolle), overdue ones first.
    async fn recommendations(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        open_only: Option<bool>,
    ) -> async_graphql::Result<Vec<Recommendation>> {
        let m = ctx.municipality(&municipality_id)?;
        let list = ctx
            .services()
            .council()
            .recommendations(ctx.principal(), m, open_only.unwrap_or(false))
            .await?;
        let lang = ctx.request().lang;
        Ok(list
            .into_iter()
            .map(|r| Recommendation::new(r, lang))
            .collect())
    }
}

#[derive(Default, Debug)]
pub(crate) struct RecommendationMutation;

#[Object]
impl RecommendationMutation {
    /// Records a recommendation as a draft, or changes one (`id`) still on its way.
    async fn save_recommendation(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: RecommendationInput,
    ) -> async_graphql::Result<Recommendation> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<RecommendationId>(id.as_ref(), "id")?;
        let input = DomainInput {
            title: input.title,
            text: input.text,
            source_body_id: ctx
                .optional_id::<BodyId>(input.source_body_id.as_ref(), "sourceBodyId")?,
            source_meeting_id: ctx
                .optional_id::<MeetingId>(input.source_meeting_id.as_ref(), "sourceMeetingId")?,
            source_agenda_item_id: ctx.optional_id::<AgendaItemId>(
                input.source_agenda_item_id.as_ref(),
                "sourceAgendaItemId",
            )?,
            adopting_body_id: ctx
                .optional_id::<BodyId>(input.adopting_body_id.as_ref(), "adoptingBodyId")?,
            addressee: input.addressee.map(Into::into),
            paper_reference: input.paper_reference,
            due_on: input.due_on,
        };
        let saved = ctx
            .services()
            .council()
            .save_recommendation(ctx.principal(), m, id, input)
            .await?;
        Ok(Recommendation::new(saved, ctx.request().lang))
    }

    /// Takes a recommendation a step further: ADOPTED, SUBMITTED, ANSWERED (with the
    /// answer), IMPLEMENTED or REJECTED.
    async fn advance_recommendation(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
        step: RecommendationStepInput,
    ) -> async_graphql::Result<Recommendation> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<RecommendationId>(&id, "id")?;
        let step = StepInput {
            status: step.status.into(),
            on: step.on,
            note: step.note,
            answer: step.answer,
        };
        let saved = ctx
            .services()
            .council()
            .advance_recommendation(ctx.principal(), m, id, step)
            .await?;
        Ok(Recommendation::new(saved, ctx.request().lang))
    }

    /// Deletes a draft recorded in error.
    async fn delete_recommendation(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<RecommendationId>(&id, "id")?;
        ctx.services()
            .council()
            .delete_recommendation(ctx.principal(), m, id)
            .await?;
        Ok(true)
    }
}
