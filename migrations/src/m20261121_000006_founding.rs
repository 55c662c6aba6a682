//! The founding of a council as a tracked checklist (seed 002's steps), the council's status,
//! founding path and structure model, and read-only multi-tenant scopes for a state office's
//! overview of its municipalities.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, string_len, string_len_null, text, timestamp_with_time_zone, uuid,
};

use crate::common::references_municipality;
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Councils {
    Table,
    Status,
    FoundingPath,
    StructureTemplate,
}

#[derive(DeriveIden, Clone, Copy)]
enum FoundingSteps {
    Table,
    MunicipalityId,
    Step,
    CompletedOn,
    Notes,
    UpdatedAt,
}

/// Every tenant-owned table, for the scope policies.
const TENANT_TABLES: [&str; 8] = [
    "councils",
    "bodies",
    "body_seats",
    "organisations",
    "people",
    "memberships",
    "rules_of_procedure",
    "founding_steps",
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for column in [
            string_len(Councils::Status, 16)
                .default("active")
                .to_owned(),
            string_len_null(Councils::FoundingPath, 16),
            string_len_null(Councils::StructureTemplate, 64),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Councils::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(FoundingSteps::Table)
                    .col(uuid(FoundingSteps::MunicipalityId))
                    .col(string_len(FoundingSteps::Step, 32))
                    .col(date_null(FoundingSteps::CompletedOn))
                    .col(text(FoundingSteps::Notes))
                    .col(timestamp_with_time_zone(FoundingSteps::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(FoundingSteps::MunicipalityId)
                            .col(FoundingSteps::Step),
                    )
                    .foreign_key(&mut references_municipality(
                        FoundingSteps::Table,
                        FoundingSteps::MunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "founding_steps").await?;
        tenancy::install_scope(manager).await?;
        for table in TENANT_TABLES {
            tenancy::allow_scoped_reads(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tenancy::uninstall_scope(manager, &TENANT_TABLES).await?;
        manager
            .drop_table(Table::drop().table(FoundingSteps::Table).to_owned())
            .await?;
        for column in [
            Councils::StructureTemplate,
            Councils::FoundingPath,
            Councils::Status,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Councils::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
