//! The prevention cycle as clients read it: numbers as decimals (kept in thousandths),
//! coordinates in degrees, every code with its label in the caller's language.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::Lang;
use praevnet_core::council::cycle as domain;

use crate::ids::id_of;

/// What a figure of the security analysis measures.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::FigureKind")]
pub(crate) enum FigureKind {
    Crime,
    Survey,
}

/// Where a citizens' demand comes from.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::DemandSource")]
pub(crate) enum DemandSource {
    Survey,
    Petition,
    Resolution,
    Other,
}

/// Where a citizens' demand stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::DemandStatus")]
pub(crate) enum DemandStatus {
    Open,
    InProgress,
    Done,
    Rejected,
}

/// What an entry of the inventory is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::InventoryKind")]
pub(crate) enum InventoryKind {
    Offer,
    Project,
    Initiative,
    Body,
}

/// What the needs analysis found for an entry's field of action.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::Assessment")]
pub(crate) enum Assessment {
    Covered,
    Gap,
    Overlap,
}

/// Where a measure or project stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::ProjectStatus")]
pub(crate) enum ProjectStatus {
    Planned,
    Running,
    Completed,
    Stopped,
}

/// A milestone, or an interim report to the city council.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::MilestoneKind")]
pub(crate) enum MilestoneKind {
    Milestone,
    InterimReport,
}

/// What a deadline belongs to.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::cycle::DeadlineKind")]
pub(crate) enum DeadlineKind {
    Demand,
    Milestone,
    InterimReport,
}

/// A number kept in thousandths, as the decimal clients read.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn decimal(milli: i64) -> f64 {
    // At most 10^15 in size: exact in an f64.
    milli as f64 / 1000.0
}

#[allow(clippy::cast_precision_loss)]
fn degrees(micro: Option<i32>) -> Option<f64> {
    micro.map(|m| f64::from(m) / 1_000_000.0)
}

/// A field of action (Handlungsfeld) of the strategy, in the city's own numbering.
#[derive(SimpleObject)]
pub(crate) struct ActionField {
    id: ID,
    code: String,
    name: String,
    description: String,
}

/// A figure of the security analysis with its source.
#[derive(SimpleObject)]
pub(crate) struct SafetyFigure {
    id: ID,
    year: i32,
    /// The city, or one of its districts.
    area: String,
    kind: FigureKind,
    kind_label: String,
    category: String,
    value: f64,
    unit: String,
    source: String,
    public: bool,
    editable: bool,
}

/// A hot spot: a place of crime or fear, and what makes it one.
#[derive(SimpleObject)]
pub(crate) struct HotSpot {
    id: ID,
    year: i32,
    name: String,
    area: String,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    reasons: String,
    public: bool,
    editable: bool,
}

/// A citizens' demand (Bürgeranliegen).
#[derive(SimpleObject)]
pub(crate) struct Demand {
    id: ID,
    title: String,
    description: String,
    source_kind: DemandSource,
    source_kind_label: String,
    /// E.g. the survey's or the petition's name.
    source: String,
    /// The hot spot it is about.
    hot_spot_id: Option<ID>,
    place: String,
    responsible_body_id: Option<ID>,
    responsible_body_name: Option<String>,
    /// Who outside the council answers for it, e.g. "Ordnungsamt".
    responsible: String,
    status: DemandStatus,
    status_label: String,
    due_on: Option<NaiveDate>,
    overdue: bool,
    public: bool,
    editable: bool,
}

/// An entry of the inventory of needs and resources.
#[derive(SimpleObject)]
pub(crate) struct InventoryItem {
    id: ID,
    kind: InventoryKind,
    kind_label: String,
    name: String,
    action_field_id: Option<ID>,
    /// The city's own good practice it is.
    practice_id: Option<ID>,
    /// The network catalogue's offer it is.
    catalogue_offer_id: Option<ID>,
    provider: String,
    assessment: Assessment,
    assessment_label: String,
    note: String,
    editable: bool,
}

/// A goal of the strategy: what, how and where.
#[derive(SimpleObject)]
pub(crate) struct Goal {
    id: ID,
    action_field_id: Option<ID>,
    title: String,
    what: String,
    how: String,
    place: String,
    /// The citizens' demand it answers.
    demand_id: Option<ID>,
    adopting_body_id: Option<ID>,
    adopting_body_name: Option<String>,
    adopted_on: Option<NaiveDate>,
    public: bool,
    editable: bool,
}

/// A value measured for an indicator.
#[derive(SimpleObject)]
pub(crate) struct Measurement {
    id: ID,
    on: NaiveDate,
    value: f64,
    note: String,
}

/// A measurable indicator of a project.
#[derive(SimpleObject)]
pub(crate) struct Indicator {
    id: ID,
    name: String,
    unit: String,
    baseline: f64,
    target: f64,
    /// Oldest first.
    values: Vec<Measurement>,
    /// Of the way from baseline to target by the latest value, in percent.
    progress_percent: Option<i64>,
    /// The latest value reached the target (a reduction counts downwards).
    reached: bool,
}

#[derive(SimpleObject)]
pub(crate) struct Milestone {
    id: ID,
    kind: MilestoneKind,
    kind_label: String,
    title: String,
    due_on: NaiveDate,
    done_on: Option<NaiveDate>,
    overdue: bool,
}

/// A partner organisation of a project.
#[derive(SimpleObject)]
pub(crate) struct Partner {
    id: ID,
    name: String,
}

/// The funding application a project is financed by.
#[derive(SimpleObject)]
pub(crate) struct ProjectFunding {
    application_id: ID,
    programme_name: String,
    /// The application's status code (`requested`, `granted`, ...).
    status: String,
    requested_amount: i64,
    granted_amount: Option<i64>,
}

/// A measure or project of the council.
#[derive(SimpleObject)]
pub(crate) struct Project {
    id: ID,
    title: String,
    description: String,
    /// The goal of the strategy it serves.
    goal_id: Option<ID>,
    owner_body_id: Option<ID>,
    owner_body_name: Option<String>,
    partners: Vec<Partner>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    budget_euros: Option<i64>,
    funding: Option<ProjectFunding>,
    status: ProjectStatus,
    status_label: String,
    indicators: Vec<Indicator>,
    milestones: Vec<Milestone>,
    evaluated_on: Option<NaiveDate>,
    evaluation: String,
    /// The good practice it became in the network.
    practice_id: Option<ID>,
    public: bool,
    editable: bool,
}

/// A date to keep.
#[derive(SimpleObject)]
pub(crate) struct Deadline {
    kind: DeadlineKind,
    kind_label: String,
    title: String,
    due_on: NaiveDate,
    overdue: bool,
    demand_id: Option<ID>,
    project_id: Option<ID>,
    responsible: String,
}

/// How many records one strand of the cycle has, and how many are still open.
#[derive(SimpleObject)]
pub(crate) struct Strand {
    records: i32,
    open: i32,
}

/// The cycle at a glance.
#[derive(SimpleObject)]
pub(crate) struct CycleSummary {
    analysis_year: Option<i32>,
    analysis: Strand,
    /// Open: demands neither done nor rejected.
    demands: Strand,
    /// Open: inventory entries assessed as gaps.
    resources: Strand,
    /// Open: goals not adopted yet.
    strategy: Strand,
    /// Open: projects planned or running.
    projects: Strand,
    /// Completed or stopped projects; open: those not evaluated yet.
    evaluation: Strand,
}

/// A council's prevention cycle as the caller may see it.
#[derive(SimpleObject)]
pub(crate) struct PreventionCycle {
    summary: CycleSummary,
    action_fields: Vec<ActionField>,
    figures: Vec<SafetyFigure>,
    hot_spots: Vec<HotSpot>,
    demands: Vec<Demand>,
    inventory: Vec<InventoryItem>,
    goals: Vec<Goal>,
    projects: Vec<Project>,
    /// Open deadlines, soonest first.
    deadlines: Vec<Deadline>,
    /// Whether the caller may record figures, hot spots, demands and the inventory.
    can_record: bool,
    /// Whether the caller may change the fields of action.
    can_manage: bool,
}

fn strand(s: domain::Strand) -> Strand {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    Strand {
        records: count(s.records),
        open: count(s.open),
    }
}

fn project(p: domain::Project, lang: Lang) -> Project {
    Project {
        id: id_of(p.id),
        title: p.title,
        description: p.description,
        goal_id: p.goal_id.map(id_of),
        owner_body_id: p.owner_body.as_ref().map(|b| id_of(b.id)),
        owner_body_name: p.owner_body.map(|b| b.name),
        partners: p
            .partners
            .into_iter()
            .map(|o| Partner {
                id: id_of(o.id),
                name: o.name,
            })
            .collect(),
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        budget_euros: p.budget_euros,
        funding: p.funding.map(|f| ProjectFunding {
            application_id: id_of(f.application_id),
            programme_name: f.programme_name,
            status: f.status,
            requested_amount: f.requested_amount,
            granted_amount: f.granted_amount,
        }),
        status: p.status.into(),
        status_label: p.status.label(lang).to_owned(),
        indicators: p
            .indicators
            .into_iter()
            .map(|i| Indicator {
                id: id_of(i.id),
                name: i.name,
                unit: i.unit,
                baseline: decimal(i.baseline_milli),
                target: decimal(i.target_milli),
                values: i
                    .values
                    .into_iter()
                    .map(|v| Measurement {
                        id: id_of(v.id),
                        on: v.on,
                        value: decimal(v.value_milli),
                        note: v.note,
                    })
                    .collect(),
                progress_percent: i.progress_percent,
                reached: i.reached,
            })
            .collect(),
        milestones: p
            .milestones
            .into_iter()
            .map(|m| Milestone {
                id: id_of(m.id),
                kind: m.kind.into(),
                kind_label: m.kind.label(lang).to_owned(),
                title: m.title,
                due_on: m.due_on,
                done_on: m.done_on,
                overdue: m.overdue,
            })
            .collect(),
        evaluated_on: p.evaluated_on,
        evaluation: p.evaluation,
        practice_id: p.practice_id.map(id_of),
        public: p.public,
        editable: p.editable,
    }
}

impl PreventionCycle {
    pub(crate) fn new(c: domain::PreventionCycle, lang: Lang) -> Self {
        let s = c.summary;
        Self {
            summary: CycleSummary {
                analysis_year: s.analysis_year,
                analysis: strand(s.analysis),
                demands: strand(s.demands),
                resources: strand(s.resources),
                strategy: strand(s.strategy),
                projects: strand(s.projects),
                evaluation: strand(s.evaluation),
            },
            action_fields: c
                .action_fields
                .into_iter()
                .map(|f| ActionField {
                    id: id_of(f.id),
                    code: f.code,
                    name: f.name,
                    description: f.description,
                })
                .collect(),
            figures: c
                .figures
                .into_iter()
                .map(|f| SafetyFigure {
                    id: id_of(f.id),
                    year: f.year,
                    area: f.area,
                    kind: f.kind.into(),
                    kind_label: f.kind.label(lang).to_owned(),
                    category: f.category,
                    value: decimal(f.value_milli),
                    unit: f.unit,
                    source: f.source,
                    public: f.public,
                    editable: f.editable,
                })
                .collect(),
            hot_spots: c
                .hot_spots
                .into_iter()
                .map(|h| HotSpot {
                    id: id_of(h.id),
                    year: h.year,
                    name: h.name,
                    area: h.area,
                    address: h.address,
                    latitude: degrees(h.latitude_micro),
                    longitude: degrees(h.longitude_micro),
                    reasons: h.reasons,
                    public: h.public,
                    editable: h.editable,
                })
                .collect(),
            demands: c
                .demands
                .into_iter()
                .map(|d| Demand {
                    id: id_of(d.id),
                    title: d.title,
                    description: d.description,
                    source_kind: d.source_kind.into(),
                    source_kind_label: d.source_kind.label(lang).to_owned(),
                    source: d.source,
                    hot_spot_id: d.hot_spot_id.map(id_of),
                    place: d.place,
                    responsible_body_id: d.responsible_body.as_ref().map(|b| id_of(b.id)),
                    responsible_body_name: d.responsible_body.map(|b| b.name),
                    responsible: d.responsible,
                    status: d.status.into(),
                    status_label: d.status.label(lang).to_owned(),
                    due_on: d.due_on,
                    overdue: d.overdue,
                    public: d.public,
                    editable: d.editable,
                })
                .collect(),
            inventory: c
                .inventory
                .into_iter()
                .map(|i| InventoryItem {
                    id: id_of(i.id),
                    kind: i.kind.into(),
                    kind_label: i.kind.label(lang).to_owned(),
                    name: i.name,
                    action_field_id: i.action_field_id.map(id_of),
                    practice_id: i.practice_id.map(id_of),
                    catalogue_offer_id: i.catalogue_offer_id.map(id_of),
                    provider: i.provider,
                    assessment: i.assessment.into(),
                    assessment_label: i.assessment.label(lang).to_owned(),
                    note: i.note,
                    editable: i.editable,
                })
                .collect(),
            goals: c
                .goals
                .into_iter()
                .map(|g| Goal {
                    id: id_of(g.id),
                    action_field_id: g.action_field_id.map(id_of),
                    title: g.title,
                    what: g.what,
                    how: g.how,
                    place: g.place,
                    demand_id: g.demand_id.map(id_of),
                    adopting_body_id: g.adopting_body.as_ref().map(|b| id_of(b.id)),
                    adopting_body_name: g.adopting_body.map(|b| b.name),
                    adopted_on: g.adopted_on,
                    public: g.public,
                    editable: g.editable,
                })
                .collect(),
            projects: c.projects.into_iter().map(|p| project(p, lang)).collect(),
            deadlines: c
                .deadlines
                .into_iter()
                .map(|d| Deadline {
                    kind: d.kind.into(),
                    kind_label: d.kind.label(lang).to_owned(),
                    title: d.title,
                    due_on: d.due_on,
                    overdue: d.overdue,
                    demand_id: d.demand_id.map(id_of),
                    project_id: d.project_id.map(id_of),
                    responsible: d.responsible,
                })
                .collect(),
            can_record: c.can_record,
            can_manage: c.can_manage,
        }
    }
}
