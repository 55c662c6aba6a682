//! The change log of the shared records that the search index holds. Every write that changes
//! what the network can find adds a row in its own transaction; each server replica applies
//! the rows after its index's checkpoint, so all replicas converge on the database's state.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::tenancy::{self, APP_ROLE};

#[derive(DeriveIden, Clone, Copy)]
enum SearchChanges {
    Table,
    Id,
    Kind,
    RecordId,
    ChangedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SearchChanges as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(
                        ColumnDef::new(S::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(S::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(S::RecordId).uuid().not_null())
                    .col(
                        ColumnDef::new(S::ChangedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("search_changes_changed_at_idx")
                    .table(S::Table)
                    .col(S::ChangedAt)
                    .to_owned(),
            )
            .await?;
        tenancy::grant_shared_table(manager, "search_changes").await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "GRANT USAGE, SELECT ON SEQUENCE search_changes_id_seq TO {APP_ROLE}"
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SearchChanges::Table).to_owned())
            .await
    }
}
