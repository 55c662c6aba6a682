//! Founding a council with the state office: seed 002's guide as a checklist that both the
//! state office and the city see and edit, the council's status, and the state office's
//! overview of all municipalities of its Land.

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_store::{FoundingStepRecord, MunicipalityFilter, Reach};

use crate::audit::Change;
use crate::council::CouncilInput;
use crate::federal_state::FederalState;
use crate::municipality::Municipality;
use crate::{Error, Lang, MunicipalityId, Principal, Problem, Result, Services};

codes!(
    /// Where a council stands.
    CouncilStatus {
        Founding = "founding", "in Gründung", "founding";
        Active = "active", "aktiv", "active";
        Dormant = "dormant", "ruhend", "dormant";
    }
);

codes!(
    /// How a council comes about (seed 002).
    FoundingPath {
        Rebuild = "rebuild", "Neuaufbau eines bestehenden Rates", "rebuilding an existing council";
        BottomUp = "bottom_up", "von unten (Bottom-up)", "bottom-up";
        TopDown = "top_down", "von oben (Top-down)", "top-down";
    }
);

codes!(
    /// The steps of the founding guide, in order (seed 002).
    FoundingStep {
        Awareness = "awareness", "Problembewusstsein", "Problem awareness";
        NeedsAnalysis = "needs_analysis", "Bedarfsanalyse", "Needs analysis";
        Actors = "actors", "Akteure definieren", "Define the actors";
        Structure = "structure", "Organisationsstruktur", "Organisational structure";
        ConstituentMeeting = "constituent_meeting", "Konstituierende Sitzung", "Constituent meeting";
    }
);

impl FoundingStep {
    /// What the guide asks at this step.
    pub fn guidance(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FoundingStep::Awareness, Lang::De) => {
                "Wo besteht Handlungsbedarf? Wer initiiert, wer entscheidet? Welche Argumente tragen? Gibt es den Willen, Probleme nachhaltig zu lösen?"
            }
            (FoundingStep::Awareness, Lang::En) => {
                "Where is action needed? Who initiates, who decides? Which arguments carry? Is there a will to solve problems sustainably?"
            }
            (FoundingStep::NeedsAnalysis, Lang::De) => {
                "Zuständigkeit in der Kommune, Koordinierungsstelle, Unterstützung durch LPR/ASSKOMM: Förderung, Beratung, Fortbildung, Coaching."
            }
            (FoundingStep::NeedsAnalysis, Lang::En) => {
                "Responsibility in the municipality, a coordination office, support from the state office: funding, advice, training, coaching."
            }
            (FoundingStep::Actors, Lang::De) => {
                "Wer gehört dazu: Polizei, Verwaltung, Justiz, Bildung, Soziales, Wissenschaft, Zivilgesellschaft, Wirtschaft?"
            }
            (FoundingStep::Actors, Lang::En) => {
                "Who takes part: police, administration, justice, education, social services, science, civil society, business?"
            }
            (FoundingStep::Structure, Lang::De) => {
                "Organisationsstruktur und Geschäftsordnung: eine Strukturvorlage wählen und anpassen."
            }
            (FoundingStep::Structure, Lang::En) => {
                "Organisational structure and rules of procedure: choose a structure template and adapt it."
            }
            (FoundingStep::ConstituentMeeting, Lang::De) => {
                "Wo, wer wird eingeladen, wer moderiert, welche ersten konkreten Schritte? Mit dieser Sitzung ist der Rat aktiv."
            }
            (FoundingStep::ConstituentMeeting, Lang::En) => {
                "Where, who is invited, who moderates, which first concrete steps? With this meeting the council is active."
            }
        }
    }
}

/// One step of a municipality's checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepState {
    pub step: FoundingStep,
    pub completed_on: Option<NaiveDate>,
    pub notes: String,
}

/// A municipality's founding: the council's status and path, the template, the steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Founding {
    pub status: Option<CouncilStatus>,
    pub path: Option<FoundingPath>,
    pub structure_template: Option<String>,
    pub steps: Vec<StepState>,
}

/// One row of the state office's overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewRow {
    pub municipality: Municipality,
    /// `None`: no council recorded.
    pub status: Option<CouncilStatus>,
    pub structure_template: Option<String>,
    pub bodies: u64,
    pub active_people: u64,
    pub last_activity: Option<DateTime<Utc>>,
    /// Euros granted from funding programmes (granted or reported applications).
    pub funding_granted: i64,
    /// Meetings held in the last twelve months.
    pub meetings_last_year: u64,
}

/// How the overview is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverviewSort {
    Name,
    Population,
    Bodies,
    ActivePeople,
    LastActivity,
    FundingGranted,
    Meetings,
}

const NOTES_MAX: usize = 10_000;

impl Services {
    pub(crate) async fn manageable(
        &self,
        principal: &Principal,
        id: MunicipalityId,
    ) -> Result<Municipality> {
        let target = self.municipality(principal, id).await?;
        principal.require_can_manage(&target)?;
        Ok(target)
    }

    /// The founding checklist of a municipality (its administrators, its Land's office).
    pub async fn founding(&self, principal: &Principal, id: MunicipalityId) -> Result<Founding> {
        self.manageable(principal, id).await?;
        let tenant = self.store.tenant(id);
        let council = tenant.council().await?;
        let stored = tenant.founding_steps().await?;
        let steps = FoundingStep::ALL
            .iter()
            .map(|step| {
                let found = stored.iter().find(|s| s.step == step.code());
                StepState {
                    step: *step,
                    completed_on: found.and_then(|s| s.completed_on),
                    notes: found.map(|s| s.notes.clone()).unwrap_or_default(),
                }
            })
            .collect();
        Ok(Founding {
            status: council
                .as_ref()
                .and_then(|c| CouncilStatus::parse(&c.status)),
            path: council
                .as_ref()
                .and_then(|c| c.founding_path.as_deref())
                .and_then(FoundingPath::parse),
            structure_template: council.and_then(|c| c.structure_template),
            steps,
        })
    }

    /// Starts (or restarts) the founding of a council on a path; a council record is created
    /// when the municipality has none.
    pub async fn start_founding(
        &self,
        principal: &Principal,
        id: MunicipalityId,
        path: FoundingPath,
    ) -> Result<Founding> {
        let target = self.manageable(principal, id).await?;
        let writes = self.store.writes().await?;
        let tenant = writes.tenant(id);
        if tenant.council().await?.is_none() {
            let input = CouncilInput {
                name: format!("Kommunaler Präventionsrat {}", target.name),
                founding_resolution: None,
                founding_date: None,
            };
            tenant.save_council(input.parse()?).await?;
        }
        tenant
            .set_council_state(CouncilStatus::Founding.code(), Some(path.code()))
            .await?;
        self.record(
            &writes,
            principal,
            Change {
                action: "council.founding_started",
                entity: "council",
                entity_id: None,
                municipality: Some(&target),
                federal_state: None,
                summary: format!("Gründung begonnen: {}", path.label(Lang::De)),
            },
        )
        .await?;
        writes.commit().await?;
        self.founding(principal, id).await
    }

    /// Records a step's date and notes; completing the constituent meeting makes the council
    /// active.
    pub async fn save_founding_step(
        &self,
        principal: &Principal,
        id: MunicipalityId,
        step: FoundingStep,
        completed_on: Option<NaiveDate>,
        notes: String,
    ) -> Result<Founding> {
        let target = self.manageable(principal, id).await?;
        if notes.chars().count() > NOTES_MAX {
            return Err(Error::validation(
                "notes",
                Problem::TooLong { max: NOTES_MAX },
            ));
        }
        let writes = self.store.writes().await?;
        let tenant = writes.tenant(id);
        let council = tenant.council().await?;
        if council
            .as_ref()
            .and_then(|c| CouncilStatus::parse(&c.status))
            != Some(CouncilStatus::Founding)
        {
            return Err(Error::Conflict {
                field: "step",
                problem: Problem::NotFounding,
            });
        }
        tenant
            .save_founding_step(&FoundingStepRecord {
                step: step.code().to_owned(),
                completed_on,
                notes: notes.trim().to_owned(),
            })
            .await?;
        let activated = step == FoundingStep::ConstituentMeeting && completed_on.is_some();
        if activated {
            let path = council.as_ref().and_then(|c| c.founding_path.clone());
            tenant
                .set_council_state(CouncilStatus::Active.code(), path.as_deref())
                .await?;
            if let Some(council) = council.filter(|c| c.founding_date.is_none()) {
                let input = CouncilInput {
                    name: council.name,
                    founding_resolution: council.founding_resolution,
                    founding_date: completed_on,
                };
                tenant.save_council(input.parse()?).await?;
            }
        }
        let summary = if activated {
            "Konstituierende Sitzung eingetragen: der Präventionsrat ist aktiv".to_owned()
        } else {
            format!("Gründungsschritt gespeichert: {}", step.label(Lang::De))
        };
        self.record(
            &writes,
            principal,
            Change {
                action: "council.founding_step",
                entity: "council",
                entity_id: None,
                municipality: Some(&target),
                federal_state: None,
                summary,
            },
        )
        .await?;
        writes.commit().await?;
        self.founding(principal, id).await
    }

    /// Every municipality of a Land with its council's figures: its state office and the
    /// operator; all Länder (`state` = `None`) for the operator only. Filtered by council
    /// status (`Some(None)` asks for municipalities without a council) and by part of the name.
    pub async fn state_overview(
        &self,
        principal: &Principal,
        state: Option<FederalState>,
        status: Option<Option<CouncilStatus>>,
        name_contains: Option<String>,
        sort: OverviewSort,
        descending: bool,
    ) -> Result<Vec<OverviewRow>> {
        match state {
            Some(state) => principal.require_can_create_in(state)?,
            None => principal.require_platform_admin()?,
        }
        let filter = MunicipalityFilter {
            federal_state: state.map(|s| s.code().to_owned()),
            name_contains,
        };
        let municipalities = self.all_municipalities(&filter).await?;
        let summaries = self
            .store
            .scope(Reach::Lands(match state {
                Some(state) => vec![state.code().to_owned()],
                None => FederalState::ALL
                    .iter()
                    .map(|s| s.code().to_owned())
                    .collect(),
            }))
            .summaries(Utc::now().date_naive())
            .await?;
        let mut rows: Vec<OverviewRow> = municipalities
            .into_iter()
            .map(|m| {
                let s = summaries.get(&m.id).cloned().unwrap_or_default();
                OverviewRow {
                    status: s.status.as_deref().and_then(CouncilStatus::parse),
                    structure_template: s.structure_template,
                    bodies: s.bodies,
                    active_people: s.active_people,
                    last_activity: s.last_activity,
                    funding_granted: s.funding_granted,
                    meetings_last_year: s.meetings_last_year,
                    municipality: m,
                }
            })
            .filter(|row| status.is_none_or(|wanted| row.status == wanted))
            .collect();
        rows.sort_by(|a, b| {
            let primary = match sort {
                OverviewSort::Name => a.municipality.name.cmp(&b.municipality.name),
                OverviewSort::Population => {
                    a.municipality.population.cmp(&b.municipality.population)
                }
                OverviewSort::Bodies => a.bodies.cmp(&b.bodies),
                OverviewSort::ActivePeople => a.active_people.cmp(&b.active_people),
                OverviewSort::LastActivity => a.last_activity.cmp(&b.last_activity),
                OverviewSort::FundingGranted => a.funding_granted.cmp(&b.funding_granted),
                OverviewSort::Meetings => a.meetings_last_year.cmp(&b.meetings_last_year),
            };
            // Equal rows stay in name order either way.
            let primary = if descending {
                primary.reverse()
            } else {
                primary
            };
            primary.then_with(|| a.municipality.name.cmp(&b.municipality.name))
        });
        Ok(rows)
    }
}

/// The overview as CSV for spreadsheets (`;`, German headers, UTF-8 with BOM so that Excel
/// reads the umlauts).
pub fn overview_csv(rows: &[OverviewRow]) -> Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let io = |e: csv::Error| Error::Internal(format!("csv: {e}"));
    writer
        .write_record([
            "Kommune",
            "AGS",
            "Einwohner",
            "Präventionsrat",
            "Strukturmodell",
            "Gremien",
            "Aktive Mitglieder",
            "Sitzungen (12 Monate)",
            "Letzte Aktivität",
            "Bewilligte Förderung (EUR)",
        ])
        .map_err(io)?;
    for row in rows {
        writer
            .write_record([
                row.municipality.name.clone(),
                row.municipality.ags.to_string(),
                row.municipality.population.to_string(),
                row.status
                    .map_or("kein Rat".to_owned(), |s| s.label(Lang::De).to_owned()),
                row.structure_template.clone().unwrap_or_default(),
                row.bodies.to_string(),
                row.active_people.to_string(),
                row.meetings_last_year.to_string(),
                row.last_activity
                    .map(|t| t.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                row.funding_granted.to_string(),
            ])
            .map_err(io)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Internal(format!("csv: {e}")))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_has_five_steps_in_order() {
        let labels: Vec<_> = FoundingStep::ALL
            .iter()
            .map(|s| s.label(Lang::De))
            .collect();
        assert_eq!(
            labels,
            [
                "Problembewusstsein",
                "Bedarfsanalyse",
                "Akteure definieren",
                "Organisationsstruktur",
                "Konstituierende Sitzung"
            ]
        );
        for step in FoundingStep::ALL {
            assert_eq!(FoundingStep::parse(step.code()), Some(*step));
            assert!(!step.guidance(Lang::En).is_empty());
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in CouncilStatus::ALL {
            assert_eq!(CouncilStatus::parse(s.code()), Some(*s));
        }
        for p in FoundingPath::ALL {
            assert_eq!(FoundingPath::parse(p.code()), Some(*p));
        }
    }
}
