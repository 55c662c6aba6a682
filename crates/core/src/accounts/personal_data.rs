//! A person's rights over their data (GDPR Art. 15 and 17): export everything the platform
//! holds about them, and erase them.
//!
//! Erasure keeps the account row, because records that must stay intact refer to it (the
//! audit log now, minutes of past meetings later); the row loses name, address, password,
//! roles, sessions and links. The README lists what is kept and why.

use chrono::Utc;
use praevnet_store::{AuditScope, UserId, UserRecord};
use serde_json::json;

use crate::access::principal::Grant;
use crate::accounts::Accounts;
use crate::audit::{self, Change};
use crate::registry::municipality::Municipality;
use crate::{Error, Principal, Result};

impl Accounts<'_> {
    /// The person, if the caller may act on their data: the operator always; a municipality's
    /// administrators or state office when every role of the person lies within their reach.
    /// Everyone else gets NOT_FOUND, as for an unknown person. Also returns the municipality
    /// the person works for (the first one), so the audit entry lands in its log.
    async fn person_in_reach(
        &self,
        principal: &Principal,
        user: UserId,
    ) -> Result<(UserRecord, Option<Municipality>)> {
        if *principal == Principal::Anonymous {
            return Err(Error::Unauthenticated);
        }
        let person = self.active_user(user).await?;
        let grants = self.services.store.accounts().grants(user).await?;
        let admin = principal.is_platform_admin();
        if grants.is_empty() && !admin {
            return Err(Error::NotFound);
        }
        let mut home = None;
        for grant in &grants {
            match Grant::from_record(grant)? {
                Grant::MunicipalityAdmin(id) => {
                    let municipality = self.services.registry().municipality(principal, id).await?;
                    if !admin {
                        principal.require_can_manage(&municipality)?;
                    }
                    home.get_or_insert(municipality);
                }
                Grant::PlatformAdmin | Grant::StateOffice(_) if !admin => {
                    return Err(Error::NotFound);
                }
                Grant::PlatformAdmin | Grant::StateOffice(_) => {}
            }
        }
        Ok((person, home))
    }

    /// Everything the platform holds about a person, as JSON.
    pub async fn export_person(&self, principal: &Principal, user: UserId) -> Result<String> {
        let (person, home) = self.person_in_reach(principal, user).await?;
        let accounts = self.services.store.accounts();
        let grants = accounts.grants(user).await?;
        let sessions = accounts.sessions_of(user).await?;
        let (audit, _) = self
            .services
            .store
            .audit()
            .list(&AuditScope::Person(user), 0, 10_000)
            .await?;
        let document = json!({
            "exportedAt": Utc::now(),
            "account": {
                "id": person.id.to_string(),
                "email": person.email,
                "displayName": person.display_name,
                "createdAt": person.created_at,
                "hasPassword": person.password_hash.is_some(),
            },
            "roles": grants.iter().map(|g| json!({
                "role": g.role,
                "federalState": g.federal_state,
                "municipalityId": g.municipality_id.map(|m| m.to_string()),
            })).collect::<Vec<_>>(),
            "sessions": sessions.iter().map(|s| json!({
                "createdAt": s.created_at,
                "lastSeenAt": s.last_seen_at,
            })).collect::<Vec<_>>(),
            "auditEntries": audit.iter().map(|e| json!({
                "at": e.at,
                "action": e.action,
                "entity": e.entity,
                "entityId": e.entity_id,
                "summary": e.summary,
            })).collect::<Vec<_>>(),
        });
        let writes = self.services.store.writes().await?;
        let change = person_change(
            "person.exported",
            user,
            home.as_ref(),
            "Daten einer Person exportiert",
        );
        audit::commit(writes, principal, change).await?;
        serde_json::to_string_pretty(&document).map_err(|e| Error::Internal(format!("export: {e}")))
    }

    /// Erases a person: access and personal data go, the pseudonymous account row stays.
    pub async fn erase_person(&self, principal: &Principal, user: UserId) -> Result<()> {
        let (person, home) = self.person_in_reach(principal, user).await?;
        let writes = self.services.store.writes().await?;
        let accounts = writes.accounts();
        accounts
            .clear_throttle(&format!("account:{}", person.email))
            .await?;
        accounts.erase_user(user, Utc::now()).await?;
        tracing::info!(%user, "person erased");
        let change = person_change(
            "person.erased",
            user,
            home.as_ref(),
            "Person gelöscht (pseudonymisiert)",
        );
        audit::commit(writes, principal, change).await
    }
}

fn person_change<'a>(
    action: &'static str,
    user: UserId,
    home: Option<&'a Municipality>,
    summary: &str,
) -> Change<'a> {
    Change {
        action,
        entity: "user",
        entity_id: Some(user.to_string()),
        municipality: home.map(|m| m as &dyn crate::access::Jurisdiction),
        federal_state: None,
        summary: format!("{summary}: Konto {user}"),
    }
}
