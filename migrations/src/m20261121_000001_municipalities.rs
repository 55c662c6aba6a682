//! The tenant registry (municipalities) and the first tenant-owned table (councils).

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Municipalities {
    Table,
    Id,
    Name,
    Slug,
    Ags,
    FederalState,
    Population,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Councils {
    Table,
    Id,
    MunicipalityId,
    Name,
    FoundingResolution,
    FoundingDate,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tenancy::install(manager).await?;
        manager
            .create_table(
                Table::create()
                    .table(Municipalities::Table)
                    .col(
                        ColumnDef::new(Municipalities::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::Slug)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Municipalities::Ags).char_len(8).not_null())
                    .col(
                        ColumnDef::new(Municipalities::FederalState)
                            .string_len(2)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::Population)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::Status)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Municipalities::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("municipalities_ags_key", Municipalities::Ags),
            ("municipalities_slug_key", Municipalities::Slug),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Municipalities::Table)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("municipalities_state_name_idx")
                    .table(Municipalities::Table)
                    .col(Municipalities::FederalState)
                    .col(Municipalities::Name)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("municipalities_name_idx")
                    .table(Municipalities::Table)
                    .col(Municipalities::Name)
                    .col(Municipalities::Id)
                    .to_owned(),
            )
            .await?;
        tenancy::grant_shared_table(manager, "municipalities").await?;

        manager
            .create_table(
                Table::create()
                    .table(Councils::Table)
                    .col(ColumnDef::new(Councils::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(Councils::MunicipalityId).uuid().not_null())
                    .col(ColumnDef::new(Councils::Name).string_len(200).not_null())
                    .col(
                        ColumnDef::new(Councils::FoundingResolution)
                            .string_len(100)
                            .null(),
                    )
                    .col(ColumnDef::new(Councils::FoundingDate).date().null())
                    .col(
                        ColumnDef::new(Councils::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Councils::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("councils_municipality_fk")
                            .from(Councils::Table, Councils::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One council per municipality; the index leads with the tenant column.
        manager
            .create_index(
                Index::create()
                    .name("councils_municipality_key")
                    .table(Councils::Table)
                    .col(Councils::MunicipalityId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "councils").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Councils::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Municipalities::Table).to_owned())
            .await?;
        tenancy::uninstall(manager).await
    }
}
