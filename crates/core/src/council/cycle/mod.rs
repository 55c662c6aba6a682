//! The prevention cycle (Zwickau guide): Sicherheitsanalyse → Bedarfs- und Ressourcenanalyse →
//! Präventionsstrategie → Maßnahmen und Projekte → Evaluation, as linked records of one council:
//! figures and hot spots, citizens' demands, the inventory of offers with its gaps and
//! overlaps, goals per field of action, projects with partners, funding, indicators, measured
//! values and milestones, and their evaluation, which can become a good practice of the
//! network. Each record names what it came from (hot spot → demand → goal → project), always
//! within the tenant.

mod input;
mod model;
mod projects;
mod records;
mod reminders;
mod view;

use std::collections::HashMap;

use praevnet_store::{CycleRecord, MunicipalityId};

pub use input::{
    ActionFieldInput, DemandInput, GoalInput, HotSpotInput, IndicatorInput, InventoryItemInput,
    MilestoneInput, ProjectInput, SafetyFigureInput,
};
pub use model::{
    ActionField, Assessment, CycleSummary, Deadline, DeadlineKind, Demand, DemandSource,
    DemandStatus, FigureKind, Funding, Goal, HotSpot, Indicator, InventoryItem, InventoryKind,
    Measurement, Milestone, MilestoneKind, Partner, PreventionCycle, Project, ProjectStatus,
    SafetyFigure, Strand,
};
pub use projects::EvaluationInput;
pub use reminders::Reminded;

use crate::audit::{self, Change};
use crate::council::CouncilWork;
use crate::council::internal::{CouncilRead, InternalEdit};
use crate::council::structure::today;
use crate::{Principal, Result};
use view::{FundingNames, Policy};

impl CouncilWork<'_> {
    /// The council's prevention cycle as the caller may see it: to the public what is marked
    /// public, to the council's members and managers the rest as their rights allow.
    pub async fn prevention_cycle(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<PreventionCycle> {
        let CouncilRead {
            target,
            structure,
            access,
        } = self.council_read(principal, municipality).await?;
        let record = self
            .services
            .store
            .tenant(municipality)
            .prevention_cycle()
            .await?;
        let funding = self.funding_names(&record, municipality, &target).await?;
        let policy = Policy {
            access: &access,
            structure: &structure,
        };
        Ok(view::cycle(record, &policy, &funding, today()))
    }

    /// The applications projects name, with their programmes' names; read only when a
    /// project names one.
    async fn funding_names(
        &self,
        record: &CycleRecord,
        municipality: MunicipalityId,
        target: &crate::registry::municipality::Municipality,
    ) -> Result<FundingNames> {
        if record
            .projects
            .iter()
            .all(|p| p.data.application_id.is_none())
        {
            return Ok(FundingNames {
                applications: Vec::new(),
                programmes: HashMap::new(),
            });
        }
        let store = &self.services.store;
        let applications = store.tenant(municipality).funding_applications().await?;
        let programmes = store
            .funding_programmes()
            .list(Some(target.federal_state.code()))
            .await?
            .into_iter()
            .map(|p| (p.id, p.data.name))
            .collect();
        Ok(FundingNames {
            applications,
            programmes,
        })
    }
}

/// A change of the cycle: the unit of work with the caller's rights, and the cycle as it
/// stands in it.
struct CycleEdit {
    edit: InternalEdit,
    cycle: CycleRecord,
}

impl CycleEdit {
    fn policy(&self) -> Policy<'_> {
        Policy {
            access: &self.edit.access,
            structure: &self.edit.structure,
        }
    }

    /// Audits and commits; then the cycle as the caller sees it now.
    async fn finish(
        self,
        work: &CouncilWork<'_>,
        principal: &Principal,
        change: (&'static str, &'static str, String, String),
    ) -> Result<PreventionCycle> {
        let (action, entity, id, summary) = change;
        let municipality = self.edit.target.id;
        let record = self
            .edit
            .writes
            .tenant(municipality)
            .prevention_cycle()
            .await?;
        let funding = work
            .funding_names(&record, municipality, &self.edit.target)
            .await?;
        let policy = Policy {
            access: &self.edit.access,
            structure: &self.edit.structure,
        };
        let view = view::cycle(record, &policy, &funding, today());
        let change = Change::of_municipality(&self.edit.target, action, entity, id, summary);
        audit::commit(self.edit.writes, principal, change).await?;
        Ok(view)
    }
}

impl CouncilWork<'_> {
    async fn cycle_edit(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<CycleEdit> {
        let edit = self.internal_edit(principal, municipality).await?;
        let cycle = edit.writes.tenant(municipality).prevention_cycle().await?;
        Ok(CycleEdit { edit, cycle })
    }
}
