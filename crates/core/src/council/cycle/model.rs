//! The prevention cycle as the council sees it: its code lists, its records with what they
//! link to, the deadlines, and what callers send to record them.

use chrono::NaiveDate;
use praevnet_common::codes;
use praevnet_store::{
    ActionFieldId, ApplicationId, CatalogueOfferId, DemandId, GoalId, HotSpotId, IndicatorId,
    IndicatorValueId, InventoryItemId, MilestoneId, OrganisationId, PracticeId, ProjectId,
    SafetyFigureId,
};

use crate::council::recommendations::NamedBody;

codes!(
    /// What a figure of the security analysis measures.
    FigureKind {
        Crime = "crime", "Kriminalitätslage", "crime situation";
        Survey = "survey", "Sicherheitsgefühl", "feeling of safety";
    }
);

codes!(
    /// Where a citizens' demand comes from.
    DemandSource {
        Survey = "survey", "Befragung", "survey";
        Petition = "petition", "Petition", "petition";
        Resolution = "resolution", "Ratsbeschluss", "council resolution";
        Other = "other", "Sonstiges", "other";
    }
);

codes!(
    /// Where a citizens' demand stands.
    DemandStatus {
        Open = "open", "offen", "open";
        InProgress = "in_progress", "in Bearbeitung", "in progress";
        Done = "done", "erledigt", "done";
        Rejected = "rejected", "abgelehnt", "rejected";
    }
);

codes!(
    /// What an entry of the inventory is.
    InventoryKind {
        Offer = "offer", "Angebot", "offer";
        Project = "project", "Projekt", "project";
        Initiative = "initiative", "Initiative", "initiative";
        Body = "body", "Gremium", "body";
    }
);

codes!(
    /// What the needs analysis found for an entry's field of action.
    Assessment {
        Covered = "covered", "abgedeckt", "covered";
        Gap = "gap", "Lücke", "gap";
        Overlap = "overlap", "Überschneidung", "overlap";
    }
);

codes!(
    /// Where a measure or project stands.
    ProjectStatus {
        Planned = "planned", "geplant", "planned";
        Running = "running", "laufend", "running";
        Completed = "completed", "abgeschlossen", "completed";
        Stopped = "stopped", "abgebrochen", "stopped";
    }
);

codes!(
    /// A project's date to keep: a milestone, or an interim report to the city council.
    MilestoneKind {
        Milestone = "milestone", "Meilenstein", "milestone";
        InterimReport = "interim_report", "Zwischenbericht", "interim report";
    }
);

codes!(
    /// What a deadline of the cycle belongs to.
    DeadlineKind {
        Demand = "demand", "Bürgeranliegen", "citizens' demand";
        Milestone = "milestone", "Meilenstein", "milestone";
        InterimReport = "interim_report", "Zwischenbericht", "interim report";
    }
);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionField {
    pub id: ActionFieldId,
    pub code: String,
    pub name: String,
    pub description: String,
}

/// A figure of the security analysis; `value` in thousandths of `unit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyFigure {
    pub id: SafetyFigureId,
    pub year: i32,
    pub area: String,
    pub kind: FigureKind,
    pub category: String,
    pub value_milli: i64,
    pub unit: String,
    pub source: String,
    pub public: bool,
    pub editable: bool,
}

/// A place of crime or fear; coordinates in millionths of a degree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HotSpot {
    pub id: HotSpotId,
    pub year: i32,
    pub name: String,
    pub area: String,
    pub address: String,
    pub latitude_micro: Option<i32>,
    pub longitude_micro: Option<i32>,
    pub reasons: String,
    pub public: bool,
    pub editable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demand {
    pub id: DemandId,
    pub title: String,
    pub description: String,
    pub source_kind: DemandSource,
    pub source: String,
    pub hot_spot_id: Option<HotSpotId>,
    pub place: String,
    pub responsible_body: Option<NamedBody>,
    pub responsible: String,
    pub status: DemandStatus,
    pub due_on: Option<NaiveDate>,
    /// Due and still open.
    pub overdue: bool,
    pub public: bool,
    pub editable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InventoryItem {
    pub id: InventoryItemId,
    pub kind: InventoryKind,
    pub name: String,
    pub action_field_id: Option<ActionFieldId>,
    pub practice_id: Option<PracticeId>,
    pub catalogue_offer_id: Option<CatalogueOfferId>,
    pub provider: String,
    pub assessment: Assessment,
    pub note: String,
    pub editable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: GoalId,
    pub action_field_id: Option<ActionFieldId>,
    pub title: String,
    pub what: String,
    pub how: String,
    pub place: String,
    pub demand_id: Option<DemandId>,
    pub adopting_body: Option<NamedBody>,
    pub adopted_on: Option<NaiveDate>,
    pub public: bool,
    pub editable: bool,
}

/// A measured value of an indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measurement {
    pub id: IndicatorValueId,
    pub on: NaiveDate,
    pub value_milli: i64,
    pub note: String,
}

/// An indicator with its values, oldest first, and how far the latest has come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    pub id: IndicatorId,
    pub name: String,
    pub unit: String,
    pub baseline_milli: i64,
    pub target_milli: i64,
    pub values: Vec<Measurement>,
    /// Of the way from baseline to target, in percent, by the latest value (below 0 when it
    /// went the wrong way; above 100 when it went further); `None` without values or when
    /// target and baseline are equal.
    pub progress_percent: Option<i64>,
    /// The latest value reached the target (a reduction counts downwards).
    pub reached: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub id: MilestoneId,
    pub kind: MilestoneKind,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
}

/// A partner organisation of a project, with its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    pub id: OrganisationId,
    pub name: String,
}

/// A funding application a project is financed by, with its programme's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funding {
    pub application_id: ApplicationId,
    pub programme_name: String,
    pub status: String,
    pub requested_amount: i64,
    pub granted_amount: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub id: ProjectId,
    pub title: String,
    pub description: String,
    pub goal_id: Option<GoalId>,
    pub owner_body: Option<NamedBody>,
    pub partners: Vec<Partner>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget_euros: Option<i64>,
    pub funding: Option<Funding>,
    pub status: ProjectStatus,
    pub indicators: Vec<Indicator>,
    pub milestones: Vec<Milestone>,
    pub evaluated_on: Option<NaiveDate>,
    pub evaluation: String,
    /// The good practice it became in the network.
    pub practice_id: Option<PracticeId>,
    pub public: bool,
    pub editable: bool,
}

/// A date to keep, in one list per council.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub title: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
    /// The demand, or the project of the milestone.
    pub demand_id: Option<DemandId>,
    pub project_id: Option<ProjectId>,
    /// Who answers for it: a body's name or the responsible office.
    pub responsible: String,
}

/// Where one strand of the cycle stands: how many records, and how many still open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strand {
    pub records: usize,
    pub open: usize,
}

/// The cycle at a glance, strand by strand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CycleSummary {
    /// The latest year with figures or hot spots.
    pub analysis_year: Option<i32>,
    pub analysis: Strand,
    /// Open: demands neither done nor rejected.
    pub demands: Strand,
    /// Open: inventory entries assessed as gaps.
    pub resources: Strand,
    /// Open: goals not adopted yet.
    pub strategy: Strand,
    /// Open: projects planned or running.
    pub projects: Strand,
    /// Records: completed or stopped projects; open: those of them not evaluated yet.
    pub evaluation: Strand,
}

/// A council's prevention cycle as the caller may see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreventionCycle {
    pub summary: CycleSummary,
    pub action_fields: Vec<ActionField>,
    pub figures: Vec<SafetyFigure>,
    pub hot_spots: Vec<HotSpot>,
    pub demands: Vec<Demand>,
    pub inventory: Vec<InventoryItem>,
    pub goals: Vec<Goal>,
    pub projects: Vec<Project>,
    /// Open deadlines, soonest first.
    pub deadlines: Vec<Deadline>,
    /// Whether the caller may record analysis, demands and inventory.
    pub can_record: bool,
    /// Whether the caller may change the fields of action.
    pub can_manage: bool,
}
