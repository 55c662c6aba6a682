//! The founding of a council as a tracked checklist (seed 002's steps), the council's status,
//! founding path and structure model, and read-only multi-tenant scopes for a state office's
//! overview of its municipalities.

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Councils {
    Table,
    Status,
    FoundingPath,
    StructureTemplate,
}

#[derive(DeriveIden, Clone, Copy)]
enum Municipalities {
    Table,
    Id,
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
            ColumnDef::new(Councils::Status)
                .string_len(16)
                .not_null()
                .default("active")
                .to_owned(),
            ColumnDef::new(Councils::FoundingPath)
                .string_len(16)
                .null()
                .to_owned(),
            ColumnDef::new(Councils::StructureTemplate)
                .string_len(64)
                .null()
                .to_owned(),
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
                    .col(
                        ColumnDef::new(FoundingSteps::MunicipalityId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FoundingSteps::Step)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(FoundingSteps::CompletedOn).date().null())
                    .col(ColumnDef::new(FoundingSteps::Notes).text().not_null())
                    .col(
                        ColumnDef::new(FoundingSteps::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(FoundingSteps::MunicipalityId)
                            .col(FoundingSteps::Step),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FoundingSteps::Table, FoundingSteps::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
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
