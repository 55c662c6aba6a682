//! A change of a council's structure as one unit of work: who may make it (the caller's
//! access level), the structure as it is, and how it ends: derived seats kept in line, size
//! limits checked, the audit entry recorded and the structure read back for the answer.

use chrono::{NaiveDate, Utc};
use praevnet_store::{
    BodyId, CouncilRecord, DatabaseTransaction, MembershipId, MunicipalityId, PersonId,
    RulesRecord, Tenant, Writes,
};

use super::model::{Body, Structure};
use super::rules::{DerivedChange, apply_derived, check_size, derived_changes};
use super::visibility::{StructureView, access, redacted, visible};
use crate::access::CouncilAccess;
use crate::audit::{self, Change};
use crate::council::CouncilWork;
use crate::registry::municipality::Municipality;
use crate::{Error, Principal, Result};

pub(crate) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The structure as `principal` may see it; the council's name falls back to the
/// municipality's while no council is recorded.
fn view(
    principal: &Principal,
    target: &Municipality,
    structure: Structure,
    council: Option<CouncilRecord>,
    rules: Vec<RulesRecord>,
) -> StructureView {
    let access = access(principal, target, &structure);
    let chair = |id: Option<PersonId>| {
        id.and_then(|id| {
            let person = structure.person(id)?.clone();
            Some((id, redacted(person, &access)))
        })
    };
    let (chair, deputy_chair) = match &council {
        Some(c) => (chair(c.chair_person_id), chair(c.deputy_chair_person_id)),
        None => (None, None),
    };
    let council_name = match council {
        Some(council) => council.name,
        None => format!("Präventionsrat {}", target.name),
    };
    let warnings = if access.manages() {
        super::rules::warnings(&structure, today())
    } else {
        Vec::new()
    };
    StructureView {
        rules,
        council_name,
        structure: visible(structure, &access),
        warnings,
        chair,
        deputy_chair,
        access,
    }
}

/// A change of a council's structure with the structure after it, as the caller may now see
/// it: transports answer with it instead of loading the structure again. `None` when the
/// caller said it would not need it ([`CouncilWork::without_structure`]).
#[derive(Debug)]
pub struct Changed<T> {
    pub value: T,
    pub structure: Option<StructureView>,
}

pub(super) fn placeholder_id() -> MembershipId {
    MembershipId::from_uuid(uuid::Uuid::now_v7())
}

/// What a change of a structure writes to the audit log; the municipality is the edit's.
pub(super) struct Record {
    action: &'static str,
    entity: &'static str,
    entity_id: Option<String>,
    summary: String,
    /// The bodies whose size limits the change may affect, and the dates from which.
    touched: Vec<BodyId>,
    dates: Vec<NaiveDate>,
}

impl Record {
    pub(super) fn new(
        action: &'static str,
        entity: &'static str,
        entity_id: Option<impl ToString>,
        summary: String,
    ) -> Record {
        Record {
            action,
            entity,
            entity_id: entity_id.map(|id| id.to_string()),
            summary,
            touched: Vec::new(),
            dates: Vec::new(),
        }
    }

    pub(super) fn touching(mut self, bodies: Vec<BodyId>, dates: Vec<NaiveDate>) -> Record {
        self.touched = bodies;
        self.dates = dates;
        self
    }
}

/// An open change of one council's structure: the unit of work, the tenant, the structure
/// as it is, and what the caller may do.
pub(super) struct Edit {
    pub(super) writes: Writes,
    pub(super) municipality: Municipality,
    pub(super) structure: Structure,
    pub(super) access: CouncilAccess,
}

impl Edit {
    pub(super) fn tenant(&self) -> Tenant<'_, DatabaseTransaction> {
        self.writes.tenant(self.municipality.id)
    }

    pub(super) fn require_manage(&self) -> Result<()> {
        self.access.require_manage()
    }

    pub(super) fn require_edit(&self, id: BodyId) -> Result<&Body> {
        let body = self.structure.body(id);
        self.access.require_edit(body.map(|b| (b.id, b.public)))?;
        body.ok_or(Error::NotFound)
    }
}

impl CouncilWork<'_> {
    pub(super) async fn edit(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<Edit> {
        // Rights come first: another tenant's id is answered like an unknown one.
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        if matches!(principal, Principal::Anonymous) {
            return Err(Error::Unauthenticated);
        }
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        tenant.lock_structure().await?;
        let structure: Structure = tenant.structure().await?.try_into()?;
        let access = access(principal, &target, &structure);
        access.require_internal()?;
        Ok(Edit {
            writes,
            municipality: target,
            structure,
            access,
        })
    }

    /// Keeps the derived seats in line, checks the size limits of every body the change
    /// touched, and commits the change with its audit entry.
    pub(super) async fn finish<T>(
        &self,
        mut edit: Edit,
        principal: &Principal,
        record: Record,
        value: T,
    ) -> Result<Changed<T>> {
        let today = today();
        let derived = derived_changes(&edit.structure, today, placeholder_id);
        apply_derived(&mut edit.structure, &derived);
        let mut bodies = record.touched;
        for change in &derived {
            match change {
                DerivedChange::Insert(m) | DerivedChange::Update(m) => bodies.push(m.body),
                DerivedChange::Delete(_) => {}
            }
        }
        bodies.sort();
        bodies.dedup();
        for body in bodies {
            check_size(&edit.structure, body, &record.dates, today)?;
        }
        let mut stored_ids = Vec::new();
        {
            let tenant = edit.tenant();
            for change in &derived {
                match change {
                    DerivedChange::Insert(m) => {
                        let stored = tenant.insert_membership(m.data()).await?;
                        stored_ids.push((m.id, stored.id));
                    }
                    DerivedChange::Update(m) => {
                        tenant.update_membership(m.id, m.data()).await?;
                    }
                    DerivedChange::Delete(id) => {
                        tenant.delete_membership(*id).await?;
                    }
                }
            }
        }
        // The structure in memory is the one stored: derived seats lose their placeholders.
        for (placeholder, stored) in stored_ids {
            if let Some(m) = edit
                .structure
                .memberships
                .iter_mut()
                .find(|m| m.id == placeholder)
            {
                m.id = stored;
            }
        }
        let change = Change {
            action: record.action,
            entity: record.entity,
            entity_id: record.entity_id,
            municipality: Some(&edit.municipality),
            federal_state: None,
            summary: record.summary,
        };
        audit::record(&edit.writes, principal, change).await?;
        // The edit holds the structure as it now is; only the council's heading and its rules
        // of procedure, which few changes touch, are read for the answer.
        let after = if self.answer_with_structure {
            let tenant = edit.tenant();
            let council = tenant.council().await?;
            let rules = tenant.rules_of_procedure().await?;
            let mut structure = edit.structure;
            structure.order();
            Some(view(
                principal,
                &edit.municipality,
                structure,
                council,
                rules,
            ))
        } else {
            None
        };
        edit.writes.commit().await?;
        Ok(Changed {
            value,
            structure: after,
        })
    }

    /// The council's structure as the caller may see it (public bodies for everyone).
    pub async fn council_structure(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<StructureView> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        let tenant = self.services.store.tenant(municipality);
        let structure: Structure = tenant.structure().await?.try_into()?;
        let council = tenant.council().await?;
        let rules = tenant.rules_of_procedure().await?;
        Ok(view(principal, &target, structure, council, rules))
    }
}
