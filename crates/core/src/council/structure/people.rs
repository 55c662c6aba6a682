//! A council's people as persons with rights: inviting one to an account, and exporting or
//! erasing what the council's records hold about them (GDPR Art. 15, 17).

use chrono::Utc;

use super::edit::{Changed, Record, today};
use super::model::{Membership, Person};
use crate::audit::{self, Change};
use crate::council::CouncilWork;
use crate::{Error, MunicipalityId, PersonId, Principal, Problem, Result};

impl CouncilWork<'_> {
    /// Gives a person of the council an account (or links their existing one) and mails the
    /// invitation: from then on their memberships give them the rights of their roles.
    pub async fn invite_person(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PersonId,
    ) -> Result<Changed<()>> {
        // Counted before the unit of work opens: on SQLite a second writer would wait for it.
        self.services
            .accounts()
            .require_inviter_quota(principal)
            .await?;
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let person = edit.structure.person(id).cloned().ok_or(Error::NotFound)?;
        let email = person
            .email
            .as_deref()
            .ok_or_else(|| Error::validation("email", Problem::Required))
            .and_then(crate::kernel::email::EmailAddress::parse)?;
        if self.services.mailer.is_none() {
            return Err(Error::MailNotConfigured);
        }
        let (user, secret) = self
            .services
            .accounts()
            .prepare_invitation(&edit.writes, &email, &person.name)
            .await?;
        let linked = Person {
            user_id: Some(user.id),
            ..person
        };
        edit.tenant()
            .update_person(id, linked.clone())
            .await?
            .ok_or(Error::NotFound)?;
        edit.structure.put_person(id, linked);
        let changed = self
            .finish(
                edit,
                principal,
                Record::new(
                    "person.invited",
                    "person",
                    Some(id),
                    "Person zu praevnet eingeladen".to_owned(),
                ),
                (),
            )
            .await?;
        self.services
            .accounts()
            .send_invitation(&email, &user.display_name, secret)
            .await?;
        Ok(changed)
    }

    /// Everything the council's records hold about a person, as JSON (GDPR Art. 15).
    pub async fn export_council_person(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PersonId,
    ) -> Result<String> {
        let edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        let person = edit.structure.person(id).cloned().ok_or(Error::NotFound)?;
        let memberships: Vec<serde_json::Value> = edit
            .structure
            .memberships
            .iter()
            .filter(|m| m.person == id)
            .map(|m| {
                serde_json::json!({
                    "body": edit.structure.body(m.body).map(|b| b.name.clone()),
                    "role": m.role.label(crate::Lang::De),
                    "organisation": m.organisation.and_then(|o| edit.structure.organisation(o)).map(|o| o.name.clone()),
                    "termStart": m.term_start,
                    "termEnd": m.term_end,
                    "appointedBy": m.appointed_by,
                    "derived": m.derived_from.is_some(),
                })
            })
            .collect();
        let document = serde_json::json!({
            "exportedAt": Utc::now(),
            "municipality": edit.municipality.name,
            "person": {
                "id": id.to_string(),
                "name": person.name,
                "functionTitle": person.function_title,
                "email": person.email,
                "phone": person.phone,
                "account": person.user_id.map(|u| u.to_string()),
            },
            "memberships": memberships,
        });
        // Reading changes nothing: the export is recorded, but no structure is kept in line or
        // read back for an answer.
        let change = Change::of_municipality(
            &edit.municipality,
            "person.exported",
            "person",
            id,
            "Daten einer Person des Präventionsrats exportiert".to_owned(),
        );
        audit::commit(edit.writes, principal, change).await?;
        serde_json::to_string_pretty(&document).map_err(|e| Error::Internal(format!("export: {e}")))
    }

    /// Erases a person from the council's records (GDPR Art. 17): past memberships stay with a
    /// pseudonym (they are the record of who sat in a body); running terms end today, and so
    /// does a chair of the council; terms not yet begun, contact data and the link to an
    /// account are deleted.
    pub async fn erase_council_person(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: PersonId,
    ) -> Result<Changed<()>> {
        let mut edit = self.edit(principal, municipality).await?;
        edit.require_manage()?;
        edit.structure.person(id).ok_or(Error::NotFound)?;
        let today = today();
        let own: Vec<Membership> = edit
            .structure
            .memberships
            .iter()
            .filter(|m| m.person == id && m.derived_from.is_none())
            .cloned()
            .collect();
        for mut m in own {
            if m.term_start > today {
                edit.tenant().delete_membership(m.id).await?;
                edit.structure.memberships.retain(|x| x.id != m.id);
            } else if m.term_end.is_none_or(|end| end > today) {
                m.term_end = Some(today);
                edit.tenant().update_membership(m.id, m.data()).await?;
                if let Some(slot) = edit.structure.memberships.iter_mut().find(|x| x.id == m.id) {
                    *slot = m;
                }
            }
        }
        if let Some(council) = edit.tenant().council().await? {
            let keep = |held: Option<PersonId>| held.filter(|p| *p != id);
            let (chair, deputy) = (council.chair_person_id, council.deputy_chair_person_id);
            if keep(chair) != chair || keep(deputy) != deputy {
                edit.tenant()
                    .set_council_chair(keep(chair), keep(deputy))
                    .await?;
            }
        }
        let pseudonym = Person {
            name: format!("Gelöschte Person {}", &id.to_string()[..8]),
            function_title: None,
            email: None,
            phone: None,
            user_id: None,
        };
        edit.tenant()
            .update_person(id, pseudonym.clone())
            .await?
            .ok_or(Error::NotFound)?;
        // Invitations keep the pseudonym and lose the address and the answer link.
        edit.tenant().erase_participant(id, &pseudonym.name).await?;
        edit.structure.put_person(id, pseudonym);
        self.finish(
            edit,
            principal,
            Record::new(
                "person.erased",
                "person",
                Some(id),
                "Person des Präventionsrats gelöscht (pseudonymisiert)".to_owned(),
            ),
            (),
        )
        .await
    }
}
