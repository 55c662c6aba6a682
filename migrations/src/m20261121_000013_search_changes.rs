//! The change log of the shared records that the search index holds. Every write that changes
//! what the network can find adds a row in its own transaction; each server replica applies
//! the rows after its index's checkpoint, so all replicas converge on the database's state.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_pk_auto, string_len, timestamp_with_time_zone, uuid};

use crate::common::index;
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
                    .col(big_pk_auto(S::Id))
                    .col(string_len(S::Kind, 16))
                    .col(uuid(S::RecordId))
                    .col(timestamp_with_time_zone(S::ChangedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "search_changes_changed_at_idx",
                S::Table,
                [S::ChangedAt],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "search_changes").await?;
        tenancy::execute_on_postgres(
            manager,
            &format!("GRANT USAGE, SELECT ON SEQUENCE search_changes_id_seq TO {APP_ROLE}"),
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SearchChanges::Table).to_owned())
            .await
    }
}
