//! Founding a council with the state office: seed 002's guide as a checklist that both the
//! state office and the city see and edit, the council's status, and the state office's
//! overview of all municipalities of its Land.

use chrono::NaiveDate;
use praevnet_common::codes;
use praevnet_store::FoundingStepRecord;

use crate::audit::{self, Change};
use crate::council::CouncilProblem;
use crate::council::CouncilWork;
use crate::registry::council::CouncilInput;
use crate::{Error, Lang, MunicipalityId, Principal, Problem, Result};

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

const NOTES_MAX: usize = 10_000;

impl CouncilWork<'_> {
    /// The founding checklist of a municipality (its administrators, its Land's office).
    pub async fn founding(&self, principal: &Principal, id: MunicipalityId) -> Result<Founding> {
        self.services.registry().manageable(principal, id).await?;
        let tenant = self.services.store.tenant(id);
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
    /// when the municipality has none. An active council is not sent back into founding: its
    /// bodies meet and its work goes on (a dormant one may be founded anew).
    pub async fn start_founding(
        &self,
        principal: &Principal,
        id: MunicipalityId,
        path: FoundingPath,
    ) -> Result<Founding> {
        let target = self.services.registry().manageable(principal, id).await?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(id);
        let council = tenant.council().await?;
        if council
            .as_ref()
            .is_some_and(|c| c.status == CouncilStatus::Active.code())
        {
            return Err(Error::conflict("path", CouncilProblem::AlreadyActive));
        }
        if council.is_none() {
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
        audit::commit(
            writes,
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
        let target = self.services.registry().manageable(principal, id).await?;
        if notes.chars().count() > NOTES_MAX {
            return Err(Error::validation(
                "notes",
                Problem::TooLong { max: NOTES_MAX },
            ));
        }
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(id);
        let council = tenant.council().await?;
        if council
            .as_ref()
            .and_then(|c| CouncilStatus::parse(&c.status))
            != Some(CouncilStatus::Founding)
        {
            return Err(Error::conflict("step", CouncilProblem::NotFounding));
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
        audit::commit(
            writes,
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
        self.founding(principal, id).await
    }
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
