//! The cycle as one caller may see it: who sees and changes which record, each record with
//! the names of what it links to, how far indicators have come, the open deadlines and the
//! state of each strand.
//!
//! Every record is internal unless marked public: the public sees what is marked, the
//! council's members everything but the records of bodies they cannot see, its managers all.
//! Managers change everything; a body's leads the records that body answers for (its demands,
//! the goals it adopts, the projects it runs), and any lead the council's own records that
//! belong to no body (figures, hot spots, the inventory). The fields of action are the
//! managers' vocabulary.

use std::collections::HashMap;

use chrono::NaiveDate;
use praevnet_store::{
    ApplicationId, ApplicationRecord, BodyId, CycleRecord, IndicatorValueRecord, ProjectRecord,
};

use super::model::{
    ActionField, Assessment, CycleSummary, Deadline, DeadlineKind, Demand, DemandSource,
    DemandStatus, FigureKind, Funding, Goal, HotSpot, Indicator, InventoryItem, InventoryKind,
    Measurement, Milestone, MilestoneKind, Partner, PreventionCycle, Project, ProjectStatus,
    SafetyFigure, Strand,
};
use crate::access::CouncilAccess;
use crate::council::recommendations::NamedBody;
use crate::council::structure::Structure;

/// The caller's rights over one council's cycle.
pub(super) struct Policy<'a> {
    pub(super) access: &'a CouncilAccess,
    pub(super) structure: &'a Structure,
}

impl Policy<'_> {
    /// A record answered for by `owner` (or by no body), marked `public` or not.
    pub(super) fn sees(&self, owner: Option<BodyId>, public: bool) -> bool {
        if public || self.access.manages() {
            return true;
        }
        match (self.access, owner) {
            (CouncilAccess::Public, _) => false,
            (_, None) => true,
            (access, Some(body)) => self
                .structure
                .body(body)
                .is_some_and(|b| access.sees(b.id, b.public)),
        }
    }

    pub(super) fn edits(&self, owner: Option<BodyId>) -> bool {
        match owner {
            Some(body) => self.access.edits(body),
            None => self.access.leads_any(),
        }
    }

    /// The body's name, for a body the caller sees: a public record of an internal body does
    /// not name it to the public.
    fn named(&self, body: Option<BodyId>) -> Option<NamedBody> {
        body.and_then(|id| self.structure.body(id))
            .filter(|b| self.access.sees(b.id, b.public))
            .map(|b| NamedBody {
                id: b.id,
                name: b.name.clone(),
            })
    }
}

/// Codes come from this module's writes; an unknown one reads as the list's first.
fn code<T: Copy>(parse: fn(&str) -> Option<T>, all: &[T], stored: &str) -> T {
    parse(stored).unwrap_or(all[0])
}

/// How far the latest value has come from baseline to target, in percent, and whether it
/// reached the target in the target's direction.
pub(super) fn progress(baseline: i64, target: i64, latest: Option<i64>) -> (Option<i64>, bool) {
    let Some(latest) = latest else {
        return (None, false);
    };
    let reached = if target >= baseline {
        latest >= target
    } else {
        latest <= target
    };
    let way = i128::from(target) - i128::from(baseline);
    if way == 0 {
        return (None, reached);
    }
    let done = (i128::from(latest) - i128::from(baseline)) * 100;
    // Values are at most 10^15 in size: the quotient is far inside an i64.
    let percent = i64::try_from(done / way).unwrap_or(i64::MAX);
    (Some(percent), reached)
}

fn indicators(project: &ProjectRecord) -> Vec<Indicator> {
    let mut values: HashMap<_, Vec<&IndicatorValueRecord>> = HashMap::new();
    for v in &project.values {
        values.entry(v.indicator_id).or_default().push(v);
    }
    project
        .data
        .indicators
        .iter()
        .filter_map(|i| {
            let id = i.id?;
            let own = values.remove(&id).unwrap_or_default();
            let latest = own.last().map(|v| v.value_milli);
            let (progress_percent, reached) = progress(i.baseline_milli, i.target_milli, latest);
            Some(Indicator {
                id,
                name: i.name.clone(),
                unit: i.unit.clone(),
                baseline_milli: i.baseline_milli,
                target_milli: i.target_milli,
                values: own
                    .into_iter()
                    .map(|v| Measurement {
                        id: v.id,
                        on: v.on,
                        value_milli: v.value_milli,
                        note: v.note.clone(),
                    })
                    .collect(),
                progress_percent,
                reached,
            })
        })
        .collect()
}

/// What the view needs beside the cycle: the municipality's applications and its Land's
/// programme names.
pub(super) struct FundingNames {
    pub(super) applications: Vec<ApplicationRecord>,
    pub(super) programmes: HashMap<praevnet_store::ProgrammeId, String>,
}

impl FundingNames {
    fn of(&self, id: Option<ApplicationId>) -> Option<Funding> {
        let a = self.applications.iter().find(|a| Some(a.id) == id)?;
        Some(Funding {
            application_id: a.id,
            programme_name: self
                .programmes
                .get(&a.programme_id)
                .cloned()
                .unwrap_or_default(),
            status: a.status.clone(),
            requested_amount: a.requested_amount,
            granted_amount: a.granted_amount,
        })
    }
}

fn project(
    p: &ProjectRecord,
    policy: &Policy<'_>,
    funding: &FundingNames,
    today: NaiveDate,
) -> Project {
    let d = &p.data;
    let status = code(ProjectStatus::parse, ProjectStatus::ALL, &d.status);
    // A project that ended has no dates to keep.
    let running = matches!(status, ProjectStatus::Planned | ProjectStatus::Running);
    Project {
        id: p.id,
        title: d.title.clone(),
        description: d.description.clone(),
        goal_id: d.goal_id,
        owner_body: policy.named(d.owner_body_id),
        partners: d
            .partners
            .iter()
            .filter_map(|id| policy.structure.organisation(*id))
            .map(|o| Partner {
                id: o.id,
                name: o.name.clone(),
            })
            .collect(),
        starts_on: d.starts_on,
        ends_on: d.ends_on,
        budget_euros: d.budget_euros,
        // Applications (amounts, decisions) are the managers' and the state office's.
        funding: policy
            .access
            .manages()
            .then(|| funding.of(d.application_id))
            .flatten(),
        status,
        indicators: indicators(p),
        milestones: d
            .milestones
            .iter()
            .filter_map(|m| {
                Some(Milestone {
                    id: m.id?,
                    kind: code(MilestoneKind::parse, MilestoneKind::ALL, &m.kind),
                    title: m.title.clone(),
                    due_on: m.due_on,
                    done_on: m.done_on,
                    overdue: running && m.done_on.is_none() && m.due_on < today,
                })
            })
            .collect(),
        evaluated_on: p.evaluated_on,
        evaluation: p.evaluation.clone(),
        practice_id: p.practice_id,
        public: d.is_public,
        editable: policy.edits(d.owner_body_id),
    }
}

/// The project as the caller may see it; `None` when it is not for their eyes.
fn visible_project(
    p: &ProjectRecord,
    policy: &Policy<'_>,
    funding: &FundingNames,
    today: NaiveDate,
) -> Option<Project> {
    policy
        .sees(p.data.owner_body_id, p.data.is_public)
        .then(|| project(p, policy, funding, today))
}

pub(super) fn cycle(
    record: CycleRecord,
    policy: &Policy<'_>,
    funding: &FundingNames,
    today: NaiveDate,
) -> PreventionCycle {
    let records = policy.access.leads_any();
    let figures: Vec<SafetyFigure> = record
        .figures
        .into_iter()
        .filter(|f| policy.sees(None, f.data.is_public))
        .map(|f| SafetyFigure {
            id: f.id,
            year: f.data.year,
            area: f.data.area,
            kind: code(FigureKind::parse, FigureKind::ALL, &f.data.kind),
            category: f.data.category,
            value_milli: f.data.value_milli,
            unit: f.data.unit,
            source: f.data.source,
            public: f.data.is_public,
            editable: records,
        })
        .collect();
    let hot_spots: Vec<HotSpot> = record
        .hot_spots
        .into_iter()
        .filter(|h| policy.sees(None, h.data.is_public))
        .map(|h| HotSpot {
            id: h.id,
            year: h.data.year,
            name: h.data.name,
            area: h.data.area,
            address: h.data.address,
            latitude_micro: h.data.latitude_micro,
            longitude_micro: h.data.longitude_micro,
            reasons: h.data.reasons,
            public: h.data.is_public,
            editable: records,
        })
        .collect();
    let demands: Vec<Demand> = record
        .demands
        .into_iter()
        .filter(|d| policy.sees(d.data.responsible_body_id, d.data.is_public))
        .map(|d| {
            let status = code(DemandStatus::parse, DemandStatus::ALL, &d.data.status);
            let open = matches!(status, DemandStatus::Open | DemandStatus::InProgress);
            Demand {
                id: d.id,
                overdue: open && d.data.due_on.is_some_and(|due| due < today),
                responsible_body: policy.named(d.data.responsible_body_id),
                editable: policy.edits(d.data.responsible_body_id),
                title: d.data.title,
                description: d.data.description,
                source_kind: code(DemandSource::parse, DemandSource::ALL, &d.data.source_kind),
                source: d.data.source,
                hot_spot_id: d.data.hot_spot_id,
                place: d.data.place,
                responsible: d.data.responsible,
                status,
                due_on: d.data.due_on,
                public: d.data.is_public,
            }
        })
        .collect();
    let internal = !matches!(policy.access, CouncilAccess::Public);
    let inventory: Vec<InventoryItem> = record
        .inventory
        .into_iter()
        .filter(|_| internal)
        .map(|i| InventoryItem {
            id: i.id,
            kind: code(InventoryKind::parse, InventoryKind::ALL, &i.data.kind),
            name: i.data.name,
            action_field_id: i.data.action_field_id,
            practice_id: i.data.practice_id,
            catalogue_offer_id: i.data.catalogue_offer_id,
            provider: i.data.provider,
            assessment: code(Assessment::parse, Assessment::ALL, &i.data.assessment),
            note: i.data.note,
            editable: records,
        })
        .collect();
    let goals: Vec<Goal> = record
        .goals
        .into_iter()
        .filter(|g| policy.sees(g.data.adopting_body_id, g.data.is_public))
        .map(|g| Goal {
            id: g.id,
            adopting_body: policy.named(g.data.adopting_body_id),
            editable: policy.edits(g.data.adopting_body_id),
            action_field_id: g.data.action_field_id,
            title: g.data.title,
            what: g.data.what,
            how: g.data.how,
            place: g.data.place,
            demand_id: g.data.demand_id,
            adopted_on: g.data.adopted_on,
            public: g.data.is_public,
        })
        .collect();
    let projects: Vec<Project> = record
        .projects
        .iter()
        .filter_map(|p| visible_project(p, policy, funding, today))
        .collect();
    let deadlines = if internal {
        deadlines(&demands, &projects, today)
    } else {
        Vec::new()
    };
    PreventionCycle {
        summary: summary(
            &figures, &hot_spots, &demands, &inventory, &goals, &projects,
        ),
        action_fields: record
            .action_fields
            .into_iter()
            .map(|f| ActionField {
                id: f.id,
                code: f.data.code,
                name: f.data.name,
                description: f.data.description,
            })
            .collect(),
        figures,
        hot_spots,
        demands,
        inventory,
        goals,
        projects,
        deadlines,
        can_record: records,
        can_manage: policy.access.manages(),
    }
}

/// Open demands with a due date, and milestones and interim reports not done: soonest first.
pub(super) fn deadlines(
    demands: &[Demand],
    projects: &[Project],
    today: NaiveDate,
) -> Vec<Deadline> {
    let mut list: Vec<Deadline> = demands
        .iter()
        .filter(|d| matches!(d.status, DemandStatus::Open | DemandStatus::InProgress))
        .filter_map(|d| {
            let due_on = d.due_on?;
            Some(Deadline {
                kind: DeadlineKind::Demand,
                title: d.title.clone(),
                due_on,
                overdue: due_on < today,
                demand_id: Some(d.id),
                project_id: None,
                responsible: d
                    .responsible_body
                    .as_ref()
                    .map_or_else(|| d.responsible.clone(), |b| b.name.clone()),
            })
        })
        .collect();
    let running = projects
        .iter()
        .filter(|p| matches!(p.status, ProjectStatus::Planned | ProjectStatus::Running));
    for p in running {
        for m in p.milestones.iter().filter(|m| m.done_on.is_none()) {
            list.push(Deadline {
                kind: match m.kind {
                    MilestoneKind::Milestone => DeadlineKind::Milestone,
                    MilestoneKind::InterimReport => DeadlineKind::InterimReport,
                },
                title: format!("{}: {}", p.title, m.title),
                due_on: m.due_on,
                overdue: m.due_on < today,
                demand_id: None,
                project_id: Some(p.id),
                responsible: p
                    .owner_body
                    .as_ref()
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
            });
        }
    }
    list.sort_by(|a, b| a.due_on.cmp(&b.due_on).then_with(|| a.title.cmp(&b.title)));
    list
}

fn summary(
    figures: &[SafetyFigure],
    hot_spots: &[HotSpot],
    demands: &[Demand],
    inventory: &[InventoryItem],
    goals: &[Goal],
    projects: &[Project],
) -> CycleSummary {
    let strand = |records: usize, open: usize| Strand { records, open };
    let ended: Vec<&Project> = projects
        .iter()
        .filter(|p| matches!(p.status, ProjectStatus::Completed | ProjectStatus::Stopped))
        .collect();
    CycleSummary {
        analysis_year: figures
            .iter()
            .map(|f| f.year)
            .chain(hot_spots.iter().map(|h| h.year))
            .max(),
        analysis: strand(figures.len() + hot_spots.len(), 0),
        demands: strand(
            demands.len(),
            demands
                .iter()
                .filter(|d| matches!(d.status, DemandStatus::Open | DemandStatus::InProgress))
                .count(),
        ),
        resources: strand(
            inventory.len(),
            inventory
                .iter()
                .filter(|i| i.assessment == Assessment::Gap)
                .count(),
        ),
        strategy: strand(
            goals.len(),
            goals.iter().filter(|g| g.adopted_on.is_none()).count(),
        ),
        projects: strand(
            projects.len(),
            projects
                .iter()
                .filter(|p| matches!(p.status, ProjectStatus::Planned | ProjectStatus::Running))
                .count(),
        ),
        evaluation: strand(
            ended.len(),
            ended.iter().filter(|p| p.evaluated_on.is_none()).count(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::progress;

    #[test]
    fn progress_runs_from_baseline_to_target_in_either_direction() {
        // More is better: from 40 % to 60 %, now 50 %.
        assert_eq!(progress(40_000, 60_000, Some(50_000)), (Some(50), false));
        assert_eq!(progress(40_000, 60_000, Some(65_000)), (Some(125), true));
        // Fewer is better: from 120 offences to 90, now 80.
        assert_eq!(progress(120_000, 90_000, Some(80_000)), (Some(133), true));
        assert_eq!(progress(120_000, 90_000, Some(130_000)), (Some(-33), false));
        assert_eq!(progress(5, 5, Some(5)), (None, true));
        assert_eq!(progress(1, 2, None), (None, false));
    }
}
