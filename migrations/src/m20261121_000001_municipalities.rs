//! The tenant registry (municipalities) and the first tenant-owned table (councils).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, char_len, date_null, pk_uuid, string_len, string_len_null,
    timestamp_with_time_zone, uuid,
};

use crate::common::{index, references_municipality, unique_index};
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
                    .col(pk_uuid(Municipalities::Id))
                    .col(string_len(Municipalities::Name, 200))
                    .col(string_len(Municipalities::Slug, 64))
                    .col(char_len(Municipalities::Ags, 8))
                    .col(string_len(Municipalities::FederalState, 2))
                    .col(big_integer(Municipalities::Population))
                    .col(string_len(Municipalities::Status, 16))
                    .col(timestamp_with_time_zone(Municipalities::CreatedAt))
                    .col(timestamp_with_time_zone(Municipalities::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("municipalities_ags_key", Municipalities::Ags),
            ("municipalities_slug_key", Municipalities::Slug),
        ] {
            manager
                .create_index(unique_index(name, Municipalities::Table, [column]))
                .await?;
        }
        manager
            .create_index(index(
                "municipalities_state_name_idx",
                Municipalities::Table,
                [Municipalities::FederalState, Municipalities::Name],
            ))
            .await?;
        manager
            .create_index(index(
                "municipalities_name_idx",
                Municipalities::Table,
                [Municipalities::Name, Municipalities::Id],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "municipalities").await?;

        manager
            .create_table(
                Table::create()
                    .table(Councils::Table)
                    .col(pk_uuid(Councils::Id))
                    .col(uuid(Councils::MunicipalityId))
                    .col(string_len(Councils::Name, 200))
                    .col(string_len_null(Councils::FoundingResolution, 100))
                    .col(date_null(Councils::FoundingDate))
                    .col(timestamp_with_time_zone(Councils::CreatedAt))
                    .col(timestamp_with_time_zone(Councils::UpdatedAt))
                    .foreign_key(
                        references_municipality(Councils::Table, Councils::MunicipalityId)
                            .name("councils_municipality_fk"),
                    )
                    .to_owned(),
            )
            .await?;
        // One council per municipality; the index leads with the tenant column.
        manager
            .create_index(unique_index(
                "councils_municipality_key",
                Councils::Table,
                [Councils::MunicipalityId],
            ))
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
