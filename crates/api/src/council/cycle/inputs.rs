//! What clients send to record the cycle; ids are parsed here, everything else in core.

use async_graphql::{Context, ID, InputObject};
use chrono::NaiveDate;
use praevnet_core::council::cycle as domain;
use praevnet_core::{
    ActionFieldId, ApplicationId, BodyId, CatalogueOfferId, DemandId, GoalId, HotSpotId,
    IndicatorId, MilestoneId, OrganisationId, PracticeId,
};

use super::objects::{
    Assessment, DemandSource, DemandStatus, FigureKind, InventoryKind, MilestoneKind, ProjectStatus,
};
use crate::context::ContextExt;

type Parsed<T> = async_graphql::Result<T>;

#[derive(InputObject)]
pub(crate) struct ActionFieldInput {
    /// The city's own numbering, e.g. "I".
    code: String,
    name: String,
    #[graphql(default)]
    description: String,
    #[graphql(default)]
    position: i32,
}

impl ActionFieldInput {
    pub(crate) fn parse(self) -> domain::ActionFieldInput {
        domain::ActionFieldInput {
            code: self.code,
            name: self.name,
            description: self.description,
            position: self.position,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct SafetyFigureInput {
    year: i32,
    area: String,
    /// Required; the API says so at this field when it is missing.
    kind: Option<FigureKind>,
    category: String,
    value: f64,
    #[graphql(default)]
    unit: String,
    /// E.g. "Polizeiliche Kriminalstatistik 2025".
    source: String,
    #[graphql(default)]
    public: bool,
}

impl SafetyFigureInput {
    pub(crate) fn parse(self) -> domain::SafetyFigureInput {
        domain::SafetyFigureInput {
            year: self.year,
            area: self.area,
            kind: self.kind.map(Into::into),
            category: self.category,
            value: self.value,
            unit: self.unit,
            source: self.source,
            public: self.public,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct HotSpotInput {
    year: i32,
    name: String,
    #[graphql(default)]
    area: String,
    #[graphql(default)]
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    /// What makes it hot.
    #[graphql(default)]
    reasons: String,
    #[graphql(default)]
    public: bool,
}

impl HotSpotInput {
    pub(crate) fn parse(self) -> domain::HotSpotInput {
        domain::HotSpotInput {
            year: self.year,
            name: self.name,
            area: self.area,
            address: self.address,
            latitude: self.latitude,
            longitude: self.longitude,
            reasons: self.reasons,
            public: self.public,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct DemandInput {
    title: String,
    #[graphql(default)]
    description: String,
    /// Required; the API says so at this field when it is missing.
    source_kind: Option<DemandSource>,
    #[graphql(default)]
    source: String,
    hot_spot_id: Option<ID>,
    #[graphql(default)]
    place: String,
    responsible_body_id: Option<ID>,
    #[graphql(default)]
    responsible: String,
    /// OPEN when left out.
    status: Option<DemandStatus>,
    due_on: Option<NaiveDate>,
    #[graphql(default)]
    public: bool,
}

impl DemandInput {
    pub(crate) fn parse(self, ctx: &Context<'_>) -> Parsed<domain::DemandInput> {
        Ok(domain::DemandInput {
            hot_spot_id: ctx.optional_id::<HotSpotId>(self.hot_spot_id.as_ref(), "hotSpotId")?,
            responsible_body_id: ctx
                .optional_id::<BodyId>(self.responsible_body_id.as_ref(), "responsibleBodyId")?,
            title: self.title,
            description: self.description,
            source_kind: self.source_kind.map(Into::into),
            source: self.source,
            place: self.place,
            responsible: self.responsible,
            status: self.status.map(Into::into),
            due_on: self.due_on,
            public: self.public,
        })
    }
}

#[derive(InputObject)]
pub(crate) struct InventoryItemInput {
    /// Required; the API says so at this field when it is missing.
    kind: Option<InventoryKind>,
    name: String,
    action_field_id: Option<ID>,
    practice_id: Option<ID>,
    catalogue_offer_id: Option<ID>,
    #[graphql(default)]
    provider: String,
    /// COVERED when left out.
    assessment: Option<Assessment>,
    #[graphql(default)]
    note: String,
}

impl InventoryItemInput {
    pub(crate) fn parse(self, ctx: &Context<'_>) -> Parsed<domain::InventoryItemInput> {
        Ok(domain::InventoryItemInput {
            action_field_id: ctx
                .optional_id::<ActionFieldId>(self.action_field_id.as_ref(), "actionFieldId")?,
            practice_id: ctx.optional_id::<PracticeId>(self.practice_id.as_ref(), "practiceId")?,
            catalogue_offer_id: ctx.optional_id::<CatalogueOfferId>(
                self.catalogue_offer_id.as_ref(),
                "catalogueOfferId",
            )?,
            kind: self.kind.map(Into::into),
            name: self.name,
            provider: self.provider,
            assessment: self.assessment.map(Into::into),
            note: self.note,
        })
    }
}

#[derive(InputObject)]
pub(crate) struct GoalInput {
    action_field_id: Option<ID>,
    title: String,
    #[graphql(default)]
    what: String,
    #[graphql(default)]
    how: String,
    /// Where.
    #[graphql(default)]
    place: String,
    demand_id: Option<ID>,
    adopting_body_id: Option<ID>,
    adopted_on: Option<NaiveDate>,
    #[graphql(default)]
    public: bool,
}

impl GoalInput {
    pub(crate) fn parse(self, ctx: &Context<'_>) -> Parsed<domain::GoalInput> {
        Ok(domain::GoalInput {
            action_field_id: ctx
                .optional_id::<ActionFieldId>(self.action_field_id.as_ref(), "actionFieldId")?,
            demand_id: ctx.optional_id::<DemandId>(self.demand_id.as_ref(), "demandId")?,
            adopting_body_id: ctx
                .optional_id::<BodyId>(self.adopting_body_id.as_ref(), "adoptingBodyId")?,
            title: self.title,
            what: self.what,
            how: self.how,
            place: self.place,
            adopted_on: self.adopted_on,
            public: self.public,
        })
    }
}

#[derive(InputObject)]
pub(crate) struct IndicatorInput {
    /// The indicator's id to change it; left out for a new one.
    id: Option<ID>,
    name: String,
    #[graphql(default)]
    unit: String,
    baseline: f64,
    target: f64,
}

#[derive(InputObject)]
pub(crate) struct MilestoneInput {
    /// The milestone's id to change it; left out for a new one.
    id: Option<ID>,
    /// MILESTONE when left out.
    kind: Option<MilestoneKind>,
    title: String,
    due_on: NaiveDate,
    done_on: Option<NaiveDate>,
}

#[derive(InputObject)]
pub(crate) struct ProjectInput {
    title: String,
    #[graphql(default)]
    description: String,
    goal_id: Option<ID>,
    owner_body_id: Option<ID>,
    #[graphql(default)]
    partner_ids: Vec<ID>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    budget_euros: Option<i64>,
    /// The funding application (to a programme of the state office) that finances it.
    application_id: Option<ID>,
    /// PLANNED when left out.
    status: Option<ProjectStatus>,
    /// All of the project's indicators: one left out is deleted with its values.
    #[graphql(default)]
    indicators: Vec<IndicatorInput>,
    /// All of its milestones and interim reports: one left out is deleted.
    #[graphql(default)]
    milestones: Vec<MilestoneInput>,
    #[graphql(default)]
    public: bool,
}

impl ProjectInput {
    pub(crate) fn parse(self, ctx: &Context<'_>) -> Parsed<domain::ProjectInput> {
        Ok(domain::ProjectInput {
            goal_id: ctx.optional_id::<GoalId>(self.goal_id.as_ref(), "goalId")?,
            owner_body_id: ctx.optional_id::<BodyId>(self.owner_body_id.as_ref(), "ownerBodyId")?,
            partner_ids: self
                .partner_ids
                .iter()
                .map(|id| ctx.id::<OrganisationId>(id, "partnerIds"))
                .collect::<Parsed<_>>()?,
            application_id: ctx
                .optional_id::<ApplicationId>(self.application_id.as_ref(), "applicationId")?,
            indicators: self
                .indicators
                .into_iter()
                .map(|i| {
                    Ok(domain::IndicatorInput {
                        id: ctx.optional_id::<IndicatorId>(i.id.as_ref(), "indicators.id")?,
                        name: i.name,
                        unit: i.unit,
                        baseline: i.baseline,
                        target: i.target,
                    })
                })
                .collect::<Parsed<_>>()?,
            milestones: self
                .milestones
                .into_iter()
                .map(|m| {
                    Ok(domain::MilestoneInput {
                        id: ctx.optional_id::<MilestoneId>(m.id.as_ref(), "milestones.id")?,
                        kind: m.kind.map(Into::into),
                        title: m.title,
                        due_on: m.due_on,
                        done_on: m.done_on,
                    })
                })
                .collect::<Parsed<_>>()?,
            title: self.title,
            description: self.description,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            budget_euros: self.budget_euros,
            status: self.status.map(Into::into),
            public: self.public,
        })
    }
}

#[derive(InputObject)]
pub(crate) struct EvaluationInput {
    on: NaiveDate,
    /// What the evaluation found, against the indicators.
    text: String,
    /// COMPLETED when left out; or STOPPED.
    status: Option<ProjectStatus>,
}

impl EvaluationInput {
    pub(crate) fn parse(self) -> domain::EvaluationInput {
        domain::EvaluationInput {
            on: self.on,
            text: self.text,
            status: self.status.map(Into::into),
        }
    }
}
