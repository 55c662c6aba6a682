//! Who sits where: organisations, people, memberships, and importing them from CSV.

use chrono::NaiveDate;
use praevnet_store::{
    BodyId, MembershipId, MembershipRecord, MunicipalityId, NewMembers, OrganisationData,
    OrganisationId, OrganisationRecord, PersonId, PersonRecord,
};
use uuid::Uuid;

use super::edit::{Changed, Edit, Record, placeholder_id, today};
use super::input::{MembershipInput, OrganisationInput, PersonInput};
use super::model::{Membership, Organisation, Person};
use crate::council::CouncilProblem;
use crate::council::CouncilWork;
use crate::{Error, Principal, Problem, Result};

/// The membership a checked `input` describes, under `id` (never a derived one: those are the
/// platform's).
fn membership_of(
    input: MembershipInput,
    id: MembershipId,
    appointed_by: Option<String>,
) -> Membership {
    Membership {
        id,
        body: input.body,
        person: input.person,
        role: input.role,
        organisation: input.organisation,
        term_start: input.term_start,
        term_end: input.term_end,
        appointed_by,
        derived_from: None,
    }
}

impl CouncilWork<'_> {
    pub async fn save_organisation(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<OrganisationId>,
        input: OrganisationInput,
    ) -> Result<Changed<Organisation>> {
        let mut edit = self.edit(principal, municipality).await?;
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
        let organisation = Organisation {
            id: saved.id,
            name,
            sector,
        };
        edit.structure.put_organisation(organisation.clone());
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
                format!("Organisation gespeichert: {}", organisation.name),
            ),
            organisation,
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
        let mut edit = self.edit(principal, municipality).await?;
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
        edit.structure.put_person(saved.id, saved.data.clone());
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

    /// Stores a membership of a checked `input` and adds it to the edit's structure.
    async fn insert_membership(
        edit: &mut Edit,
        input: MembershipInput,
        appointed_by: Option<String>,
    ) -> Result<Membership> {
        let mut membership = membership_of(input, placeholder_id(), appointed_by);
        membership.id = edit.tenant().insert_membership(membership.data()).await?.id;
        edit.structure.memberships.push(membership.clone());
        Ok(membership)
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
        let membership = Self::insert_membership(&mut edit, input, appointed_by).await?;
        let body_name = edit
            .structure
            .body(membership.body)
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
    /// Another person in a term that has begun is a hand-over, not a correction: see
    /// [`CouncilWork::hand_over`].
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
        let today = today();
        if input.person != current.person && current.term_start < today {
            return self.hand_over(edit, principal, current, input, today).await;
        }
        let appointed_by = Self::check_membership(&edit, &input)?;
        let membership = membership_of(input, id, appointed_by);
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

    /// Gives a seat to another person: the old term ends the day before the new one begins
    /// (today, or the later start asked for) and the new person's term is a membership of its
    /// own, so that the record says truly who sat when (and derived seats follow each term).
    /// A term that has ended keeps its person; one recorded in error is deleted instead.
    async fn hand_over(
        &self,
        mut edit: Edit,
        principal: &Principal,
        current: Membership,
        input: MembershipInput,
        today: NaiveDate,
    ) -> Result<Changed<Membership>> {
        if current.term_end.is_some_and(|end| end < today) {
            return Err(Error::validation(
                "personId",
                CouncilProblem::EndedTermHandOver,
            ));
        }
        let input = MembershipInput {
            term_start: input.term_start.max(today),
            ..input
        };
        let appointed_by = Self::check_membership(&edit, &input)?;
        // A start of today or later always has a day before it.
        let last_day = input.term_start.pred_opt().unwrap_or(input.term_start);
        let ended = Membership {
            term_end: Some(current.term_end.map_or(last_day, |end| end.min(last_day))),
            ..current.clone()
        };
        edit.tenant()
            .update_membership(ended.id, ended.data())
            .await?
            .ok_or(Error::NotFound)?;
        if let Some(slot) = edit
            .structure
            .memberships
            .iter_mut()
            .find(|m| m.id == ended.id)
        {
            *slot = ended;
        }
        let successor = Self::insert_membership(&mut edit, input, appointed_by).await?;
        self.finish(
            edit,
            principal,
            Record::new(
                "membership.handed_over",
                "membership",
                Some(successor.id),
                format!(
                    "Mitgliedschaft übergeben ({}) ab {}",
                    successor.role.label(crate::Lang::De),
                    successor.term_start.format("%d.%m.%Y")
                ),
            )
            .touching(
                vec![current.body, successor.body],
                vec![successor.term_start],
            ),
            successor,
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
        // Built in memory first and stored in batches: new rows name each other by the ids
        // given here.
        let mut new = NewMembers::default();
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
                            let id = OrganisationId::from_uuid(Uuid::now_v7());
                            new.organisations.push(OrganisationRecord {
                                id,
                                data: OrganisationData {
                                    name: name.clone(),
                                    sector: sector.code().to_owned(),
                                },
                            });
                            edit.structure.organisations.push(Organisation {
                                id,
                                name: name.clone(),
                                sector: *sector,
                            });
                            Some(id)
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
                    let id = PersonId::from_uuid(Uuid::now_v7());
                    let data = Person {
                        name: row.name.clone(),
                        function_title: row.function_title.clone(),
                        email: row.email.clone(),
                        phone: row.phone.clone(),
                        user_id: None,
                    };
                    new.people.push(PersonRecord {
                        id,
                        data: data.clone(),
                    });
                    edit.structure.people.push((id, data));
                    id
                }
            };
            let membership = Membership {
                id: MembershipId::from_uuid(Uuid::now_v7()),
                body: row.body,
                person,
                role: row.role,
                organisation,
                term_start: row.term_start,
                term_end: row.term_end,
                appointed_by: row.appointed_by.clone(),
                derived_from: None,
            };
            new.memberships.push(MembershipRecord {
                id: membership.id,
                data: membership.data(),
            });
            edit.structure.memberships.push(membership);
            touched.push(row.body);
            dates.push(row.term_start);
        }
        edit.tenant().insert_members(&new).await?;
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
