//! Meetings of a council's bodies: the date, the body, where, and whether it was called off.
//! Enough for a council's calendar and for the state office's count of meetings in the last
//! twelve months; agendas and minutes build on it.

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Meetings {
    Table,
    Id,
    MunicipalityId,
    BodyId,
    Title,
    StartsOn,
    StartTime,
    Location,
    Cancelled,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Bodies {
    Table,
    MunicipalityId,
    Id,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Meetings as M;
        let timestamp = |c: M| {
            ColumnDef::new(c)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(ColumnDef::new(M::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(M::MunicipalityId).uuid().not_null())
                    .col(ColumnDef::new(M::BodyId).uuid().not_null())
                    .col(ColumnDef::new(M::Title).string_len(200).not_null())
                    .col(ColumnDef::new(M::StartsOn).date().not_null())
                    .col(ColumnDef::new(M::StartTime).string_len(5).null())
                    .col(ColumnDef::new(M::Location).text().not_null())
                    .col(ColumnDef::new(M::Cancelled).boolean().not_null())
                    .col(timestamp(M::CreatedAt))
                    .col(timestamp(M::UpdatedAt))
                    // The body must be of the same municipality.
                    .foreign_key(
                        ForeignKey::create()
                            .from_tbl(M::Table)
                            .from_col(M::MunicipalityId)
                            .from_col(M::BodyId)
                            .to_tbl(Bodies::Table)
                            .to_col(Bodies::MunicipalityId)
                            .to_col(Bodies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("meetings_date_idx")
                    .table(M::Table)
                    .col(M::MunicipalityId)
                    .col(M::StartsOn)
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "meetings").await?;
        tenancy::allow_scoped_reads(manager, "meetings").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Meetings::Table).to_owned())
            .await
    }
}
