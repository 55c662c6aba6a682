//! The audit log: who changed what, in which scope, when. Append-only: on PostgreSQL the
//! application role may insert and read, never update or delete.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::tenancy::APP_ROLE;

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
                    .col(ColumnDef::new(AuditLog::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(AuditLog::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    // No foreign key: entries outlive the accounts they name.
                    .col(ColumnDef::new(AuditLog::ActorUserId).uuid().null())
                    .col(
                        ColumnDef::new(AuditLog::ActorKind)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuditLog::MunicipalityId).uuid().null())
                    .col(ColumnDef::new(AuditLog::FederalState).string_len(2).null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Entity).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::EntityId).string_len(64).null())
                    .col(
                        ColumnDef::new(AuditLog::Summary)
                            .string_len(1000)
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("audit_log_municipality_at_idx", AuditLog::MunicipalityId),
            ("audit_log_state_at_idx", AuditLog::FederalState),
            ("audit_log_actor_at_idx", AuditLog::ActorUserId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(column)
                        .col(AuditLog::At)
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(&format!("GRANT SELECT, INSERT ON audit_log TO {APP_ROLE}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditLog::Table).to_owned())
            .await
    }
}
