//! The append-only audit log: entries are inserted and read, never changed.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use self::entity::{ActiveModel, Column, Entity, Model};
use crate::{MunicipalityId, StoreError, UserId};

/// The log's table: shared, as entries of the platform and of Länder name no municipality,
/// and read across municipalities by a [`Scope`](crate::Scope)'s overview.
pub(crate) mod entity {
    use sea_orm::entity::prelude::*;

    use crate::{MunicipalityId, UserId};

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub at: ChronoDateTimeUtc,
        pub actor_user_id: Option<UserId>,
        pub actor_kind: String,
        pub municipality_id: Option<MunicipalityId>,
        pub federal_state: Option<String>,
        pub action: String,
        pub entity: String,
        pub entity_id: Option<String>,
        pub summary: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One entry, as written and as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<UserId>,
    /// `USER` or `SYSTEM`.
    pub actor_kind: String,
    pub municipality_id: Option<MunicipalityId>,
    pub federal_state: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub summary: String,
}

impl From<Model> for AuditRecord {
    fn from(m: Model) -> Self {
        Self {
            at: m.at,
            actor_user_id: m.actor_user_id,
            actor_kind: m.actor_kind,
            municipality_id: m.municipality_id,
            federal_state: m.federal_state,
            action: m.action,
            entity: m.entity,
            entity_id: m.entity_id,
            summary: m.summary,
        }
    }
}

/// Which entries a reader may see.
#[derive(Clone, Debug)]
pub enum AuditScope {
    All,
    /// Entries of these Länder or of these municipalities.
    Within {
        federal_states: Vec<String>,
        municipalities: Vec<MunicipalityId>,
    },
    /// Entries a person caused or that name their account (for their data export).
    Person(UserId),
}

#[derive(Debug)]
pub struct AuditLog<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait + TransactionTrait> AuditLog<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    pub async fn append(&self, entry: AuditRecord) -> Result<(), StoreError> {
        let model = ActiveModel {
            id: Set(Uuid::now_v7()),
            at: Set(entry.at),
            actor_user_id: Set(entry.actor_user_id),
            actor_kind: Set(entry.actor_kind),
            municipality_id: Set(entry.municipality_id),
            federal_state: Set(entry.federal_state),
            action: Set(entry.action),
            entity: Set(entry.entity),
            entity_id: Set(entry.entity_id),
            summary: Set(entry.summary),
        };
        Entity::insert(model)
            .exec_without_returning(self.db)
            .await?;
        Ok(())
    }

    /// Newest first, with the number of all entries in scope.
    pub async fn list(
        &self,
        scope: &AuditScope,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<AuditRecord>, u64), StoreError> {
        let condition = match scope {
            AuditScope::All => Condition::all(),
            AuditScope::Within {
                federal_states,
                municipalities,
            } => Condition::any()
                .add(Column::FederalState.is_in(federal_states.clone()))
                .add(Column::MunicipalityId.is_in(municipalities.iter().copied())),
            AuditScope::Person(user) => Condition::any()
                .add(Column::ActorUserId.eq(*user))
                .add(Column::EntityId.eq(user.to_string())),
        };
        let query = Entity::find().filter(condition);
        let total = query.clone().count(self.db).await?;
        let rows = crate::read::records(
            query
                .order_by_desc(Column::At)
                .order_by_desc(Column::Id)
                .offset(offset)
                .limit(limit),
            self.db,
        )
        .await?;
        Ok((rows, total))
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use praevnet_testkit::TestDatabase;
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

    use super::AuditRecord;
    use crate::{Store, StoreOptions, migrate_up};

    #[tokio::test]
    async fn the_application_cannot_change_or_delete_entries() {
        let Some(db) = TestDatabase::postgres().await else {
            eprintln!("skipped: the grants are PostgreSQL's; set PRAEVNET_TEST_POSTGRES_URL");
            return;
        };
        migrate_up(&db.url).await.expect("migrate");
        let store = Store::connect(&db.url, &StoreOptions::default())
            .await
            .expect("connect");
        let entry = AuditRecord {
            at: Utc::now(),
            actor_user_id: None,
            actor_kind: "SYSTEM".into(),
            municipality_id: None,
            federal_state: None,
            action: "test.appended".into(),
            entity: "test".into(),
            entity_id: None,
            summary: "Eintrag".into(),
        };
        store
            .audit()
            .append(entry)
            .await
            .expect("insert is allowed");
        for sql in [
            "UPDATE audit_log SET summary = 'geändert'",
            "DELETE FROM audit_log",
        ] {
            let result = store
                .connection()
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await;
            let err = result.expect_err(sql).to_string();
            assert!(err.contains("permission denied"), "{sql}: {err}");
        }
        let (rows, total) = store
            .audit()
            .list(&super::AuditScope::All, 0, 10)
            .await
            .expect("list");
        assert_eq!((total, rows[0].summary.as_str()), (1, "Eintrag"));
    }
}
