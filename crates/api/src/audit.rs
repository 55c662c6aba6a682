//! The audit log in the API.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_core::audit::AuditEntry as DomainEntry;
use praevnet_core::page_bounds;

use crate::context::ContextExt;

/// One recorded change.
#[derive(SimpleObject)]
pub(crate) struct AuditEntry {
    at: DateTime<Utc>,
    /// Who: an e-mail address, or "System" for the platform itself.
    actor: String,
    /// What, e.g. `municipality.updated`.
    action: String,
    /// Which kind of record, e.g. `municipality`.
    entity: String,
    entity_id: Option<String>,
    municipality_id: Option<ID>,
    /// A German description without personal data.
    summary: String,
}

impl From<DomainEntry> for AuditEntry {
    fn from(e: DomainEntry) -> Self {
        AuditEntry {
            at: e.at,
            actor: e.actor,
            action: e.action,
            entity: e.entity,
            entity_id: e.entity_id,
            municipality_id: e.municipality_id.map(|m| ID(m.to_string())),
            summary: e.summary,
        }
    }
}

#[derive(SimpleObject)]
pub(crate) struct AuditPage {
    items: Vec<AuditEntry>,
    total_count: u64,
    offset: u64,
}

#[derive(Default, Debug)]
pub(crate) struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Changes in the caller's scope, newest first (administrators and state offices).
    #[graphql(complexity = "10 + child_complexity")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] first: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<AuditPage> {
        let (limit, offset) = page_bounds(first.into(), offset.into())?;
        let page = ctx
            .services()
            .audit()
            .audit_log(ctx.principal(), offset, limit)
            .await?;
        Ok(AuditPage {
            items: page.items.into_iter().map(AuditEntry::from).collect(),
            total_count: page.total,
            offset: page.offset,
        })
    }
}
