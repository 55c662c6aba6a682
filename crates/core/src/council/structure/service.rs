//! The use cases of council structures: who may see and change what, and every change as one
//! unit of work that keeps the rules (derived seats, size limits) and records itself.

use chrono::{NaiveDate, Utc};
use praevnet_store::{
    BodyId, CouncilRecord, DatabaseTransaction, MembershipId, MunicipalityId, OrganisationData,
    OrganisationId, PersonId, RulesData, RulesId, RulesRecord, Tenant, Writes,
};

use super::input::{BodyInput, MembershipInput, OrganisationInput, PersonInput, RulesInput};
use super::model::{Body, Membership, Organisation, Person, Structure};
use super::rules::{DerivedChange, apply_derived, check_parent, check_size, derived_changes};
use super::templates::template;
use super::visibility::{StructureView, access, visible};
use crate::access::CouncilAccess;
use crate::audit::{self, Change};
use crate::council::CouncilProblem;
use crate::council::CouncilWork;
use crate::registry::municipality::Municipality;
use crate::{Error, Principal, Problem, Result};

pub(super) fn today() -> NaiveDate {
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
        access,
    }
}

/// A change of a council's structure with the structure after it, as the caller may now see
/// it: transports answer with it instead of loading the structure again.
#[derive(Debug)]
pub struct Changed<T> {
    pub value: T,
    pub structure: StructureView,
}

fn placeholder_id() -> MembershipId {
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

    fn require_edit(&self, id: BodyId) -> Result<&Body> {
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
        {
            let tenant = edit.tenant();
            for change in &derived {
                match change {
                    DerivedChange::Insert(m) => {
                        tenant.insert_membership(m.data()).await?;
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
        let change = Change {
            action: record.action,
            entity: record.entity,
            entity_id: record.entity_id,
            municipality: Some(&edit.municipality),
            federal_state: None,
            summary: record.summary,
        };
        audit::record(&edit.writes, principal, change).await?;
        // Read back inside the unit of work: the store's order (names under the database's
        // collation) stays the one a query answers with, at no extra transaction.
        let tenant = edit.tenant();
        let structure: Structure = tenant.structure().await?.try_into()?;
        let council = tenant.council().await?;
        let rules = tenant.rules_of_procedure().await?;
        let after = view(principal, &edit.municipality, structure, council, rules);
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

    /// Starts an empty council from a template; returns the bodies created.
    pub async fn apply_template(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        template_id: &str,
    ) -> Result<Changed<Vec<Body>>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let template = template(template_id)?;
        if !edit.structure.bodies.is_empty() {
            return Err(Error::conflict(
                "templateId",
                CouncilProblem::StructureNotEmpty,
            ));
        }
        let mut created: Vec<(String, Body)> = Vec::new();
        for item in &template.bodies {
            let parent = item
                .parent
                .as_ref()
                .and_then(|key| created.iter().find(|(k, _)| k == key))
                .map(|(_, b)| b.id);
            let mut body = item.body.clone();
            body.parent = parent;
            let stored = edit.tenant().insert_body(body.data()).await?;
            body.id = stored.id;
            created.push((item.key.clone(), body));
        }
        let bodies: Vec<Body> = created.into_iter().map(|(_, b)| b).collect();
        edit.structure.bodies.clone_from(&bodies);
        // The overview shows which model a council started from.
        if !edit.tenant().set_structure_template(&template.id).await? {
            let input = crate::registry::council::CouncilInput {
                name: format!("Kommunaler Präventionsrat {}", edit.municipality.name),
                founding_resolution: None,
                founding_date: None,
            };
            edit.tenant().save_council(input.parse()?).await?;
            edit.tenant().set_structure_template(&template.id).await?;
        }
        let summary = format!(
            "Strukturvorlage „{}“ (Version {}) übernommen: {} Gremien",
            template.name,
            template.version,
            bodies.len()
        );
        self.finish(
            edit,
            principal,
            Record::new(
                "structure.template_applied",
                "council",
                None::<BodyId>,
                summary,
            ),
            bodies,
        )
        .await
    }

    fn check_parent_in(edit: &Edit, body: BodyId, parent: Option<BodyId>) -> Result<()> {
        if let Some(p) = parent
            && edit.structure.body(p).is_none()
        {
            return Err(Error::NotFound);
        }
        check_parent(&edit.structure, body, parent)
    }

    pub async fn create_body(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: BodyInput,
    ) -> Result<Changed<Body>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let position = edit
            .structure
            .bodies
            .iter()
            .map(|b| b.position)
            .max()
            .map_or(0, |p| p.saturating_add(1));
        let placeholder = BodyId::from_uuid(uuid::Uuid::now_v7());
        let mut body = input.parse(placeholder, position)?;
        Self::check_parent_in(&edit, placeholder, body.parent)?;
        body.id = edit.tenant().insert_body(body.data()).await?.id;
        edit.structure.bodies.push(body.clone());
        self.finish(
            edit,
            principal,
            Record::new(
                "body.created",
                "body",
                Some(body.id),
                format!("Gremium angelegt: {}", body.name),
            )
            .touching(vec![body.id], Vec::new()),
            body,
        )
        .await
    }

    /// Changes a body: rename, move, reconfigure, dissolve. Its chair, deputy or moderator may
    /// change what describes it; moving, dissolving and the rules of seats are for managers.
    pub async fn update_body(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: BodyId,
        input: BodyInput,
    ) -> Result<Changed<Body>> {
        let mut edit = self.edit(principal, municipality).await?;
        let current = edit.require_edit(id)?.clone();
        let body = input.parse(id, current.position)?;
        let structural = body.parent != current.parent
            || body.kind != current.kind
            || body.dissolved_on != current.dissolved_on
            || body.moderators_are_members != current.moderators_are_members
            || body.max_members != current.max_members
            || body.seats != current.seats;
        if structural {
            edit.require_manage().map_err(|_| Error::Forbidden)?;
        }
        Self::check_parent_in(&edit, id, body.parent)?;
        let mut dates = Vec::new();
        // Dissolving ends the terms that run past the dissolution.
        if let Some(end) = body.dissolved_on
            && current.dissolved_on != body.dissolved_on
        {
            let ending: Vec<Membership> = edit
                .structure
                .memberships
                .iter()
                .filter(|m| m.body == id && m.term_end.is_none_or(|e| e > end))
                .cloned()
                .collect();
            for mut m in ending {
                m.term_end = Some(end.max(m.term_start));
                edit.tenant().update_membership(m.id, m.data()).await?;
                if let Some(slot) = edit.structure.memberships.iter_mut().find(|x| x.id == m.id) {
                    *slot = m;
                }
            }
            dates.push(end);
        }
        edit.tenant()
            .update_body(id, body.data())
            .await?
            .ok_or(Error::NotFound)?;
        if let Some(slot) = edit.structure.bodies.iter_mut().find(|b| b.id == id) {
            *slot = body.clone();
        }
        let summary = if body.dissolved_on.is_some() && current.dissolved_on.is_none() {
            format!("Gremium aufgelöst: {}", body.name)
        } else {
            format!("Gremium geändert: {}", body.name)
        };
        self.finish(
            edit,
            principal,
            Record::new("body.updated", "body", Some(id), summary).touching(vec![id], dates),
            body,
        )
        .await
    }

    pub async fn save_organisation(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<OrganisationId>,
        input: OrganisationInput,
    ) -> Result<Changed<Organisation>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let (name, sector) = input.parse()?;
        let data = OrganisationData {
            name: name.clone(),
            sector: sector.code().to_owned(),
        };
        let saved = match id {
            None => edit.tenant().insert_organisation(data).await?,
            Some(id) => edit
                .tenant()
                .update_organisation(id, data)
                .await?
                .ok_or(Error::NotFound)?,
        };
        self.finish(
            edit,
            principal,
            Record::new(
                if id.is_some() {
                    "organisation.updated"
                } else {
                    "organisation.created"
                },
                "organisation",
                Some(saved.id),
                format!("Organisation gespeichert: {name}"),
            ),
            Organisation {
                id: saved.id,
                name,
                sector,
            },
        )
        .await
    }

    /// Creates or changes a person. The audit entry names no one: people are personal data.
    pub async fn save_person(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<PersonId>,
        input: PersonInput,
    ) -> Result<Changed<(PersonId, Person)>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let mut data = input.parse()?;
        let saved = match id {
            None => edit.tenant().insert_person(data).await?,
            Some(id) => {
                // The link to an account is kept by the platform, not by this form.
                data.user_id = edit.structure.person(id).ok_or(Error::NotFound)?.user_id;
                edit.tenant()
                    .update_person(id, data)
                    .await?
                    .ok_or(Error::NotFound)?
            }
        };
        self.finish(
            edit,
            principal,
            Record::new(
                if id.is_some() {
                    "person.updated"
                } else {
                    "person.created"
                },
                "person",
                Some(saved.id),
                "Person gespeichert".to_owned(),
            ),
            (saved.id, saved.data),
        )
        .await
    }

    /// Checks a membership's references within the tenant: an id of another municipality is
    /// answered like an unknown one.
    fn check_membership(edit: &Edit, input: &MembershipInput) -> Result<Option<String>> {
        let appointed_by = input.check()?;
        let body = edit.require_edit(input.body)?;
        edit.structure.person(input.person).ok_or(Error::NotFound)?;
        if let Some(org) = input.organisation {
            edit.structure.organisation(org).ok_or(Error::NotFound)?;
        }
        if body.is_dissolved(input.term_start) {
            return Err(Error::validation(
                "bodyId",
                CouncilProblem::BodyDissolved {
                    body: body.name.clone(),
                },
            ));
        }
        Ok(appointed_by)
    }

    pub async fn add_membership(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: MembershipInput,
    ) -> Result<Changed<Membership>> {
        let mut edit = self.edit(principal, municipality).await?;
        let appointed_by = Self::check_membership(&edit, &input)?;
        let mut membership = Membership {
            id: placeholder_id(),
            body: input.body,
            person: input.person,
            role: input.role,
            organisation: input.organisation,
            term_start: input.term_start,
            term_end: input.term_end,
            appointed_by,
            derived_from: None,
        };
        membership.id = edit.tenant().insert_membership(membership.data()).await?.id;
        edit.structure.memberships.push(membership.clone());
        let body_name = edit
            .structure
            .body(input.body)
            .map(|b| b.name.clone())
            .unwrap_or_default();
        self.finish(
            edit,
            principal,
            Record::new(
                "membership.created",
                "membership",
                Some(membership.id),
                format!(
                    "Mitgliedschaft in {body_name} eingetragen ({})",
                    membership.role.label(crate::Lang::De)
                ),
            )
            .touching(vec![membership.body], vec![membership.term_start]),
            membership,
        )
        .await
    }

    /// Changes a membership (role, term, organisation); ending a term is setting its end.
    pub async fn update_membership(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: MembershipId,
        input: MembershipInput,
    ) -> Result<Changed<Membership>> {
        let mut edit = self.edit(principal, municipality).await?;
        let current = edit
            .structure
            .membership(id)
            .cloned()
            .ok_or(Error::NotFound)?;
        edit.require_edit(current.body)?;
        if current.derived_from.is_some() {
            return Err(Error::validation("id", CouncilProblem::DerivedMembership));
        }
        let appointed_by = Self::check_membership(&edit, &input)?;
        let membership = Membership {
            id,
            body: input.body,
            person: input.person,
            role: input.role,
            organisation: input.organisation,
            term_start: input.term_start,
            term_end: input.term_end,
            appointed_by,
            derived_from: None,
        };
        edit.tenant()
            .update_membership(id, membership.data())
            .await?
            .ok_or(Error::NotFound)?;
        if let Some(slot) = edit.structure.memberships.iter_mut().find(|m| m.id == id) {
            *slot = membership.clone();
        }
        self.finish(
            edit,
            principal,
            Record::new(
                "membership.updated",
                "membership",
                Some(id),
                format!(
                    "Mitgliedschaft geändert ({})",
                    membership.role.label(crate::Lang::De)
                ),
            )
            .touching(
                vec![current.body, membership.body],
                vec![membership.term_start],
            ),
            membership,
        )
        .await
    }

    /// Deletes a membership recorded in error (a term that ended is ended, not deleted).
    pub async fn delete_membership(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: MembershipId,
    ) -> Result<Changed<()>> {
        let mut edit = self.edit(principal, municipality).await?;
        let current = edit
            .structure
            .membership(id)
            .cloned()
            .ok_or(Error::NotFound)?;
        edit.require_edit(current.body)?;
        if current.derived_from.is_some() {
            return Err(Error::validation("id", CouncilProblem::DerivedMembership));
        }
        edit.tenant().delete_membership(id).await?;
        edit.structure.memberships.retain(|m| m.id != id);
        self.finish(
            edit,
            principal,
            Record::new(
                "membership.deleted",
                "membership",
                Some(id),
                "Mitgliedschaft gelöscht".to_owned(),
            ),
            (),
        )
        .await
    }

    /// Records a new version of the rules of procedure, adopted by a body on a date.
    pub async fn adopt_rules(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        input: RulesInput,
    ) -> Result<Changed<RulesRecord>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let data: RulesData = input.parse()?;
        if let Some(body) = data.adopted_by {
            edit.structure.body(body).ok_or(Error::NotFound)?;
        }
        let saved = edit.tenant().insert_rules(data).await?;
        self.finish(
            edit,
            principal,
            Record::new(
                "rules_of_procedure.adopted",
                "rules_of_procedure",
                Some(saved.id),
                format!(
                    "Geschäftsordnung Version {} beschlossen am {}",
                    saved.version, saved.data.adopted_on
                ),
            ),
            saved,
        )
        .await
    }

    /// Records when the city council was informed of a version (Halle: "zur Kenntnis").
    pub async fn record_rules_informed(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: RulesId,
        informed_on: Option<NaiveDate>,
    ) -> Result<Changed<()>> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        if !edit.tenant().set_rules_informed(id, informed_on).await? {
            return Err(Error::NotFound);
        }
        self.finish(
            edit,
            principal,
            Record::new(
                "rules_of_procedure.informed",
                "rules_of_procedure",
                Some(id),
                "Kenntnisnahme des Stadtrats zur Geschäftsordnung eingetragen".to_owned(),
            ),
            (),
        )
        .await
    }

    /// Imports members from CSV (see [`super::import`]): all rows or none. People and
    /// organisations are matched by name (people also by e-mail when given) or created.
    pub async fn import_members(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        text: &str,
    ) -> Result<Changed<usize>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let rows = super::import::parse(text, &edit.structure, today())?;
        let mut touched = Vec::new();
        let mut dates = Vec::new();
        for row in &rows {
            let organisation = match &row.organisation {
                None => None,
                Some((name, sector)) => {
                    let known = edit
                        .structure
                        .organisations
                        .iter()
                        .find(|o| o.name.eq_ignore_ascii_case(name))
                        .map(|o| o.id);
                    match (known, sector) {
                        (Some(id), _) => Some(id),
                        (None, Some(sector)) => {
                            let data = OrganisationData {
                                name: name.clone(),
                                sector: sector.code().to_owned(),
                            };
                            let saved = edit.tenant().insert_organisation(data).await?;
                            edit.structure.organisations.push(Organisation {
                                id: saved.id,
                                name: name.clone(),
                                sector: *sector,
                            });
                            Some(saved.id)
                        }
                        // The parser refuses a new organisation without a sector.
                        (None, None) => return Err(Error::validation("csv", Problem::Required)),
                    }
                }
            };
            let known = edit
                .structure
                .people
                .iter()
                .find(|(_, p)| {
                    p.name.eq_ignore_ascii_case(&row.name)
                        && (row.email.is_none() || p.email == row.email)
                })
                .map(|(id, _)| *id);
            let person = match known {
                Some(id) => id,
                None => {
                    let data = Person {
                        name: row.name.clone(),
                        function_title: row.function_title.clone(),
                        email: row.email.clone(),
                        phone: row.phone.clone(),
                        user_id: None,
                    };
                    let saved = edit.tenant().insert_person(data.clone()).await?;
                    edit.structure.people.push((saved.id, data));
                    saved.id
                }
            };
            let mut membership = Membership {
                id: placeholder_id(),
                body: row.body,
                person,
                role: row.role,
                organisation,
                term_start: row.term_start,
                term_end: row.term_end,
                appointed_by: row.appointed_by.clone(),
                derived_from: None,
            };
            membership.id = edit.tenant().insert_membership(membership.data()).await?.id;
            edit.structure.memberships.push(membership);
            touched.push(row.body);
            dates.push(row.term_start);
        }
        self.finish(
            edit,
            principal,
            Record::new(
                "membership.imported",
                "membership",
                None::<BodyId>,
                format!("{} Mitgliedschaften aus CSV importiert", rows.len()),
            )
            .touching(touched, dates),
            rows.len(),
        )
        .await
    }
}
