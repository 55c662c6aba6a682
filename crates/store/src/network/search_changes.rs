//! The change log the search index follows (see migration 13). Positions are handed out in
//! commit order: on PostgreSQL a writer takes a transaction-scoped advisory lock before it
//! appends, so no transaction can commit a lower position after a higher one became visible
//! (a replica that has read up to N never misses a late N-1). SQLite has one writer anyway.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};
use uuid::Uuid;

use super::entity::search_change::{ActiveModel, Column, Entity};
use crate::StoreError;

/// One entry: which record changed (or, for kind `all`, that everything is to be re-read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchChange {
    pub position: i64,
    pub kind: String,
    pub record_id: Uuid,
}

#[derive(Debug)]
pub struct SearchChanges<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> SearchChanges<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// Appends an entry inside the caller's transaction.
    pub async fn record(&self, kind: &str, record_id: Uuid) -> Result<(), StoreError> {
        if self.db.get_database_backend() == DbBackend::Postgres {
            self.db
                .execute_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtextextended('search_changes', 0))",
                ))
                .await?;
        }
        Entity::insert(ActiveModel {
            id: NotSet,
            kind: Set(kind.to_owned()),
            record_id: Set(record_id),
            changed_at: Set(Utc::now()),
        })
        .exec(self.db)
        .await?;
        Ok(())
    }

    /// Up to `limit` entries after `position`, oldest first.
    pub async fn after(&self, position: i64, limit: u64) -> Result<Vec<SearchChange>, StoreError> {
        Ok(Entity::find()
            .filter(Column::Id.gt(position))
            .order_by_asc(Column::Id)
            .limit(limit)
            .all(self.db)
            .await?
            .into_iter()
            .map(|m| SearchChange {
                position: m.id,
                kind: m.kind,
                record_id: m.record_id,
            })
            .collect())
    }

    /// The last position, 0 for an empty log.
    pub async fn latest(&self) -> Result<i64, StoreError> {
        self.bound(true).await
    }

    /// The first position still kept, 0 for an empty log.
    pub async fn oldest(&self) -> Result<i64, StoreError> {
        self.bound(false).await
    }

    async fn bound(&self, last: bool) -> Result<i64, StoreError> {
        let expr = if last {
            Column::Id.max()
        } else {
            Column::Id.min()
        };
        let value: Option<Option<i64>> = Entity::find()
            .select_only()
            .column_as(expr, "bound")
            .into_tuple()
            .one(self.db)
            .await?;
        Ok(value.flatten().unwrap_or(0))
    }

    /// Forgets entries older than `before`, except the last (positions must never restart);
    /// a replica further behind rebuilds its index.
    pub async fn prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let latest = self.latest().await?;
        Ok(Entity::delete_many()
            .filter(Column::ChangedAt.lt(before))
            .filter(Column::Id.lt(latest))
            .exec(self.db)
            .await?
            .rows_affected)
    }
}
