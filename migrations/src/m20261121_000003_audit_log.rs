//! The audit log: who changed what, in which scope, when. Append-only: on PostgreSQL the
//! application role may insert and read, never update or delete.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    pk_uuid, string_len, string_len_null, timestamp_with_time_zone, uuid_null,
};

use crate::common::index;
use crate::tenancy::{self, APP_ROLE};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorUserId,
    ActorKind,
    MunicipalityId,
    FederalState,
    Action,
    Entity,
    EntityId,
    Summary,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_uuid(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    // No foreign key: entries outlive the accounts they name.
                    .col(uuid_null(AuditLog::ActorUserId))
                    .col(string_len(AuditLog::ActorKind, 16))
                    .col(uuid_null(AuditLog::MunicipalityId))
                    .col(string_len_null(AuditLog::FederalState, 2))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::Entity, 64))
                    .col(string_len_null(AuditLog::EntityId, 64))
                    .col(string_len(AuditLog::Summary, 1000))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("audit_log_municipality_at_idx", AuditLog::MunicipalityId),
            ("audit_log_state_at_idx", AuditLog::FederalState),
            ("audit_log_actor_at_idx", AuditLog::ActorUserId),
        ] {
            manager
                .create_index(index(name, AuditLog::Table, [column, AuditLog::At]))
                .await?;
        }
        tenancy::execute_on_postgres(
            manager,
            &format!("GRANT SELECT, INSERT ON audit_log TO {APP_ROLE}"),
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}
