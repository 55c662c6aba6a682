//! The audit log of every change: who, what, which record, when. Entries name people by
//! account id only, so erasing a person never requires changing the log.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use praevnet_store::{AuditRecord, AuditScope, UserId, Writes};

use crate::access::Jurisdiction;
use crate::access::principal::Grant;
use crate::kernel::page::require_page_size;
use crate::{Error, MunicipalityId, Page, Principal, Result, Services};

/// What an administrator reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The actor as shown: an e-mail address, or "System" for the platform itself.
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub municipality_id: Option<MunicipalityId>,
    pub summary: String,
}

/// A change to record; the actor and time are added by [`record`].
pub(crate) struct Change<'a> {
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: Option<String>,
    pub municipality: Option<&'a dyn Jurisdiction>,
    /// For changes of a Land's scope without a municipality (a state office grant).
    pub federal_state: Option<&'static str>,
    pub summary: String,
}

impl<'a> Change<'a> {
    /// The entry of a change to one of `municipality`'s own records (its practices,
    /// attachments, catalogue, applications, requests): filed under the municipality, so that
    /// its administrators and its Land's office find it in their log.
    pub(crate) fn of_municipality(
        municipality: &'a (dyn Jurisdiction + 'a),
        action: &'static str,
        entity: &'static str,
        id: impl ToString,
        summary: String,
    ) -> Change<'a> {
        Change {
            action,
            entity,
            entity_id: Some(id.to_string()),
            municipality: Some(municipality),
            federal_state: None,
            summary,
        }
    }
}

/// Records `change` and commits the unit of work, so that a change is never kept without its
/// entry (nor an entry without its change).
pub(crate) async fn commit(
    writes: Writes,
    principal: &Principal,
    change: Change<'_>,
) -> Result<()> {
    record(&writes, principal, change).await?;
    Ok(writes.commit().await?)
}

/// Appends a change to the audit log, in the unit of work that makes the change, so that
/// both are committed or neither.
pub(crate) async fn record(
    writes: &Writes,
    principal: &Principal,
    change: Change<'_>,
) -> Result<()> {
    let (actor_user_id, actor_kind) = match principal {
        Principal::User(account) => (Some(account.user), "USER"),
        Principal::System | Principal::Anonymous => (None, "SYSTEM"),
    };
    record_as(writes, actor_user_id, actor_kind, change).await
}

pub(crate) async fn record_as(
    writes: &Writes,
    actor_user_id: Option<UserId>,
    actor_kind: &str,
    change: Change<'_>,
) -> Result<()> {
    let entry = AuditRecord {
        at: Utc::now(),
        actor_user_id,
        actor_kind: actor_kind.to_owned(),
        municipality_id: change.municipality.map(|m| m.id()),
        federal_state: change
            .municipality
            .map(|m| m.federal_state().code())
            .or(change.federal_state)
            .map(str::to_owned),
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        summary: change.summary,
    };
    Ok(writes.audit().append(entry).await?)
}

/// Reading the audit log.
#[derive(Clone, Copy, Debug)]
pub struct Audit<'a> {
    services: &'a Services,
}

impl Services {
    /// The audit log, as those responsible may read it.
    pub fn audit(&self) -> Audit<'_> {
        Audit { services: self }
    }
}

impl Audit<'_> {
    /// The entries the caller may see, newest first: all for the operator, a Land's for its
    /// state office, a municipality's for its administrators.
    pub async fn audit_log(
        &self,
        principal: &Principal,
        offset: u64,
        limit: u64,
    ) -> Result<Page<AuditEntry>> {
        require_page_size(limit)?;
        let scope = match principal {
            Principal::Anonymous => return Err(Error::Unauthenticated),
            p if p.is_platform_admin() => AuditScope::All,
            Principal::User(account) => {
                let mut federal_states = Vec::new();
                let mut municipalities = Vec::new();
                for grant in &account.grants {
                    match grant {
                        Grant::StateOffice(state) => federal_states.push(state.code().to_owned()),
                        Grant::MunicipalityAdmin(id) => municipalities.push(*id),
                        Grant::PlatformAdmin => {}
                    }
                }
                if federal_states.is_empty() && municipalities.is_empty() {
                    return Err(Error::Forbidden);
                }
                AuditScope::Within {
                    federal_states,
                    municipalities,
                }
            }
            _ => return Err(Error::Forbidden),
        };
        let (rows, total) = self
            .services
            .store
            .audit()
            .list(&scope, offset, limit)
            .await?;
        let mut names: HashMap<UserId, String> = HashMap::new();
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let actor = match (row.actor_kind.as_str(), row.actor_user_id) {
                ("USER", Some(user)) => match names.get(&user) {
                    Some(name) => name.clone(),
                    None => {
                        let name = match self.services.store.accounts().user(user).await? {
                            Some(u) if u.erased_at.is_none() => u.email,
                            _ => format!("Gelöschte Person (Konto {user})"),
                        };
                        names.insert(user, name.clone());
                        name
                    }
                },
                _ => "System".to_owned(),
            };
            items.push(AuditEntry {
                at: row.at,
                actor,
                action: row.action,
                entity: row.entity,
                entity_id: row.entity_id,
                municipality_id: row.municipality_id,
                summary: row.summary,
            });
        }
        Ok(Page {
            items,
            offset,
            total,
        })
    }
}
