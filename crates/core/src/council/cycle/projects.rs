//! Measures and projects: recording them with their partners, funding, indicators and
//! milestones; measured values; the evaluation; and the good practice a project becomes.

use chrono::NaiveDate;
use praevnet_common::money;
use praevnet_store::{
    Deadline, IndicatorId, IndicatorValueId, MilestoneId, MunicipalityId, PracticeId, ProjectId,
    ProjectRecord,
};

use super::CycleEdit;
use super::input::{ProjectInput, milli};
use super::model::{PreventionCycle, ProjectStatus};
use super::records::{changeable, known_body};
use super::view::progress;
use crate::audit::{self, Change};
use crate::council::structure::today;
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::text::{bounded_text, required_text};
use crate::network::practices::{PracticeContent, SHORT_MAX, TEXT_MAX};
use crate::{Error, Lang, Principal, Result};

const EVALUATION_MAX: usize = 50_000;
const NOTE_MAX: usize = 300;

/// A project's evaluation: when, what it found, and how the project ended.
#[derive(Clone, Debug)]
pub struct EvaluationInput {
    pub on: NaiveDate,
    pub text: String,
    /// `Completed` or `Stopped`; completed when left out.
    pub status: Option<ProjectStatus>,
}

impl CycleEdit {
    /// The project `id` if the caller may change it: one they cannot see is unknown to them,
    /// one they see but may not change is forbidden.
    fn editable_project(&self, id: ProjectId) -> Result<&ProjectRecord> {
        changeable(
            &self.policy(),
            self.cycle.projects.iter().find(|p| p.id == id),
            |p| (p.data.owner_body_id, p.data.is_public),
        )
    }

    /// The project whose indicator `id` is, if the caller may change it.
    fn project_of_indicator(&self, id: IndicatorId) -> Result<&ProjectRecord> {
        let project = self
            .cycle
            .projects
            .iter()
            .find(|p| p.data.indicators.iter().any(|i| i.id == Some(id)))
            .ok_or(Error::NotFound)?;
        self.editable_project(project.id)
    }
}

impl CouncilWork<'_> {
    /// Records a measure or project with its partners, funding, indicators and milestones, or
    /// changes one (`id`); indicators and milestones left out are deleted, an indicator with
    /// its measured values.
    pub async fn save_project(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<ProjectId>,
        input: ProjectInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let current = id.map(|id| c.editable_project(id)).transpose()?;
        // An evaluated project stays ended: its evaluation speaks of a project that ended.
        let ended = matches!(
            input.status,
            Some(ProjectStatus::Completed | ProjectStatus::Stopped)
        );
        if current.is_some_and(|p| p.evaluated_on.is_some()) && !ended {
            return Err(Error::validation(
                "status",
                CouncilProblem::EvaluationStatus,
            ));
        }
        let policy = c.policy();
        known_body(&policy, input.owner_body_id)?;
        if !policy.edits(input.owner_body_id) {
            return Err(Error::Forbidden);
        }
        // The goal it serves is one the caller sees (one of a hidden body is unknown).
        if let Some(goal) = input.goal_id
            && !c
                .cycle
                .goals
                .iter()
                .any(|g| g.id == goal && policy.sees(g.data.adopting_body_id, g.data.is_public))
        {
            return Err(Error::NotFound);
        }
        if input
            .partner_ids
            .iter()
            .any(|o| c.edit.structure.organisation(*o).is_none())
        {
            return Err(Error::NotFound);
        }
        // Parts are this project's own: an indicator or milestone of another project is
        // unknown here.
        let own_indicators = current
            .map(|p| p.data.indicators.as_slice())
            .unwrap_or_default();
        let own_milestones = current
            .map(|p| p.data.milestones.as_slice())
            .unwrap_or_default();
        if input
            .indicators
            .iter()
            .filter_map(|i| i.id)
            .any(|id| own_indicators.iter().all(|i| i.id != Some(id)))
            || input
                .milestones
                .iter()
                .filter_map(|m| m.id)
                .any(|id| own_milestones.iter().all(|m| m.id != Some(id)))
        {
            return Err(Error::NotFound);
        }
        // Funding applications are the managers' (as everywhere on the platform): others keep
        // the one a project names.
        let named = current.and_then(|p| p.data.application_id);
        if !c.edit.access.manages() && input.application_id != named {
            return Err(Error::Forbidden);
        }
        let tenant = c.edit.writes.tenant(municipality);
        if let Some(application) = input.application_id
            && tenant.funding_application(application).await?.is_none()
        {
            return Err(Error::NotFound);
        }
        let data = input.parse()?;
        let saved = tenant
            .save_project(id, &data)
            .await?
            .ok_or(Error::NotFound)?;
        // A milestone whose date moved is reminded of again before its new date.
        for m in &data.milestones {
            let moved = own_milestones
                .iter()
                .any(|o| o.id.is_some() && o.id == m.id && o.due_on != m.due_on);
            if let (true, Some(id)) = (moved, m.id) {
                tenant.reset_reminder(Deadline::Milestone(id)).await?;
            }
        }
        let summary = format!("Projekt „{}“", data.title);
        c.finish(
            self,
            principal,
            ("cycle.project_saved", "project", saved.to_string(), summary),
        )
        .await
    }

    /// Deletes a project with its parts; one that became a good practice stays on record.
    pub async fn delete_project(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ProjectId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let project = c.editable_project(id)?;
        if project.practice_id.is_some() {
            return Err(Error::validation("id", CouncilProblem::CycleRecordLinked));
        }
        let summary = format!("Projekt „{}“", project.data.title);
        c.edit
            .writes
            .tenant(municipality)
            .delete_project(id)
            .await?;
        c.finish(
            self,
            principal,
            ("cycle.project_deleted", "project", id.to_string(), summary),
        )
        .await
    }

    /// Records a value measured for an indicator on a day (not in the future).
    pub async fn record_measurement(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        indicator: IndicatorId,
        on: NaiveDate,
        value: f64,
        note: String,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let project = c.project_of_indicator(indicator)?;
        if on > today() {
            return Err(Error::validation("on", CouncilProblem::MeasuredInFuture));
        }
        let value_milli = milli("value", value)?;
        let note = bounded_text("note", &note, NOTE_MAX)?;
        let summary = format!("Messwert im Projekt „{}“", project.data.title);
        let tenant = c.edit.writes.tenant(municipality);
        let id = tenant
            .add_indicator_value(indicator, on, value_milli, note)
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.value_recorded",
                "indicator_value",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    pub async fn delete_measurement(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: IndicatorValueId,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let indicator = c
            .cycle
            .projects
            .iter()
            .flat_map(|p| &p.values)
            .find(|v| v.id == id)
            .ok_or(Error::NotFound)?
            .indicator_id;
        let project = c.project_of_indicator(indicator)?;
        let summary = format!("Messwert im Projekt „{}“", project.data.title);
        c.edit
            .writes
            .tenant(municipality)
            .delete_indicator_value(id)
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.value_deleted",
                "indicator_value",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Records that a milestone or interim report was done on `on` (not in the future).
    pub async fn complete_milestone(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: MilestoneId,
        on: NaiveDate,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let project = c
            .cycle
            .projects
            .iter()
            .find(|p| p.data.milestones.iter().any(|m| m.id == Some(id)))
            .ok_or(Error::NotFound)?;
        let project = c.editable_project(project.id)?;
        if on > today() {
            return Err(Error::validation("doneOn", CouncilProblem::DoneInFuture));
        }
        let title = project
            .data
            .milestones
            .iter()
            .find(|m| m.id == Some(id))
            .map(|m| m.title.clone())
            .unwrap_or_default();
        let summary = format!(
            "Meilenstein „{title}“ im Projekt „{}“ erledigt",
            project.data.title
        );
        c.edit
            .writes
            .tenant(municipality)
            .complete_milestone(id, on)
            .await?;
        c.finish(
            self,
            principal,
            ("cycle.milestone_done", "milestone", id.to_string(), summary),
        )
        .await
    }

    /// Evaluates a project against its indicators: the evaluation's text and day, and the
    /// project completed (or stopped).
    pub async fn evaluate_project(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ProjectId,
        input: EvaluationInput,
    ) -> Result<PreventionCycle> {
        let c = self.cycle_edit(principal, municipality).await?;
        let project = c.editable_project(id)?;
        let status = input.status.unwrap_or(ProjectStatus::Completed);
        if !matches!(status, ProjectStatus::Completed | ProjectStatus::Stopped) {
            return Err(Error::validation(
                "status",
                CouncilProblem::EvaluationStatus,
            ));
        }
        if input.on > today() || project.data.starts_on.is_some_and(|s| input.on < s) {
            return Err(Error::validation("on", CouncilProblem::EvaluationDate));
        }
        let text = required_text("text", &input.text, EVALUATION_MAX)?;
        let summary = format!("Evaluation des Projekts „{}“", project.data.title);
        c.edit
            .writes
            .tenant(municipality)
            .evaluate_project(id, input.on, text, status.code())
            .await?;
        c.finish(
            self,
            principal,
            (
                "cycle.project_evaluated",
                "project",
                id.to_string(),
                summary,
            ),
        )
        .await
    }

    /// Opens the good practice a project becomes in the network: a draft filled from the
    /// project and what it came from (Beccaria's steps: problem, causes, goals, measures,
    /// evaluation), for the council's managers to complete and publish. A project that became
    /// one already answers with it.
    pub async fn practice_from_project(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: ProjectId,
    ) -> Result<PracticeId> {
        let c = self.cycle_edit(principal, municipality).await?;
        c.edit.access.require_manage()?;
        let project = c.editable_project(id)?;
        let tenant = c.edit.writes.tenant(municipality);
        if let Some(practice) = project.practice_id
            && tenant.practice(practice).await?.is_some()
        {
            return Ok(practice);
        }
        let funding = match project.data.application_id {
            Some(a) => tenant.funding_application(a).await?.map(|a| a.programme_id),
            None => None,
        };
        let content = practice_content(&c, project, funding);
        // The practice is saved through the network's own use case, with its checks, after
        // this unit of work is done with: the two do not share a transaction.
        drop(c);
        let practice = self
            .services
            .network()
            .save_practice(principal, municipality, None, content)
            .await?;
        let c = self.cycle_edit(principal, municipality).await?;
        let linked = c
            .edit
            .writes
            .tenant(municipality)
            .link_project_practice(id, practice.id)
            .await?;
        if !linked {
            // Another request drafted one in the meantime: that one is the project's (this
            // draft stays among the city's practices, to be deleted or used).
            let current = c.cycle.projects.iter().find(|p| p.id == id);
            return current.and_then(|p| p.practice_id).ok_or(Error::NotFound);
        }
        // Only the link is written here and the caller answers with the practice: the audit
        // entry is committed without reading the cycle for an answer.
        let summary = format!(
            "Praxisbeispiel aus dem Projekt „{}“",
            practice.content.title
        );
        let change = Change::of_municipality(
            &c.edit.target,
            "cycle.practice_drafted",
            "project",
            id,
            summary,
        );
        audit::commit(c.edit.writes, principal, change).await?;
        Ok(practice.id)
    }
}

/// The practice's Beccaria steps from the project, its goal, the goal's demand and that
/// demand's hot spot, as far as they are recorded.
fn practice_content(
    c: &CycleEdit,
    project: &ProjectRecord,
    programme: Option<praevnet_store::ProgrammeId>,
) -> PracticeContent {
    let d = &project.data;
    let goal = d
        .goal_id
        .and_then(|g| c.cycle.goals.iter().find(|x| x.id == g));
    let demand = goal
        .and_then(|g| g.data.demand_id)
        .and_then(|id| c.cycle.demands.iter().find(|x| x.id == id));
    let spot = demand
        .and_then(|d| d.data.hot_spot_id)
        .and_then(|id| c.cycle.hot_spots.iter().find(|x| x.id == id));
    let lines = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let indicators: Vec<String> = d
        .indicators
        .iter()
        .map(|i| {
            let latest =
                i.id.and_then(|id| project.values.iter().rfind(|v| v.indicator_id == id))
                    .map(|v| v.value_milli);
            let (percent, reached) = progress(i.baseline_milli, i.target_milli, latest);
            let mut line = format!(
                "{}: Ausgangswert {}, Ziel {} {}",
                i.name,
                decimal(i.baseline_milli),
                decimal(i.target_milli),
                i.unit
            );
            if let Some(latest) = latest {
                line.push_str(&format!(", zuletzt gemessen {}", decimal(latest)));
            }
            if let Some(percent) = percent {
                line.push_str(&format!(" ({percent} % des Wegs"));
                line.push_str(if reached { ", erreicht)" } else { ")" });
            }
            line
        })
        .collect();
    let partners: Vec<String> = d
        .partners
        .iter()
        .filter_map(|o| c.edit.structure.organisation(*o))
        .map(|o| o.name.clone())
        .collect();
    let period = match (d.starts_on, d.ends_on) {
        (Some(s), Some(e)) => format!("{} bis {}", s.format("%d.%m.%Y"), e.format("%d.%m.%Y")),
        (Some(s), None) => format!("seit {}", s.format("%d.%m.%Y")),
        _ => String::new(),
    };
    PracticeContent {
        title: fit(&d.title, SHORT_MAX),
        problem: fit(
            &lines(vec![
                demand
                    .map(|x| format!("{}: {}", x.data.title, x.data.description))
                    .unwrap_or_default(),
                spot.map(|s| format!("Ort: {} ({})", s.data.name, s.data.address))
                    .unwrap_or_default(),
            ]),
            TEXT_MAX,
        ),
        causes: fit(
            &spot.map(|s| s.data.reasons.clone()).unwrap_or_default(),
            TEXT_MAX,
        ),
        goals: fit(
            &lines(vec![
                goal.map(|g| format!("{}: {}", g.data.title, g.data.what))
                    .unwrap_or_default(),
                indicators.join("\n"),
            ]),
            TEXT_MAX,
        ),
        measures: fit(&d.description, TEXT_MAX),
        concept: fit(
            &lines(vec![
                goal.map(|g| g.data.how.clone()).unwrap_or_default(),
                goal.map(|g| g.data.place.clone()).unwrap_or_default(),
            ]),
            TEXT_MAX,
        ),
        evaluation: fit(&project.evaluation, TEXT_MAX),
        duration: fit(&period, SHORT_MAX),
        costs: d
            .budget_euros
            .map(|b| money::euros(b, Lang::De))
            .unwrap_or_default(),
        partners: fit(&partners.join(", "), TEXT_MAX),
        funding_programme_id: programme,
        ..PracticeContent::default()
    }
}

/// `text` cut to `max` characters (a practice's limit, tighter than the cycle's), marked with
/// an ellipsis where it was cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A number kept in thousandths as German readers write it: "12,5".
fn decimal(milli: i64) -> String {
    let sign = if milli < 0 { "-" } else { "" };
    let abs = milli.unsigned_abs();
    let (whole, fraction) = (abs / 1000, abs % 1000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{fraction:03}");
    format!("{sign}{whole},{}", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn long_texts_are_cut_to_the_practice_limits() {
        assert_eq!(super::fit("Licht", 10), "Licht");
        assert_eq!(super::fit("Lichtkonzept", 6), "Licht…");
        assert_eq!(super::fit("Lichtkonzept", 6).chars().count(), 6);
    }

    #[test]
    fn thousandths_read_as_decimals() {
        assert_eq!(decimal(12_500), "12,5");
        assert_eq!(decimal(-250), "-0,25");
        assert_eq!(decimal(40_000), "40");
    }
}
