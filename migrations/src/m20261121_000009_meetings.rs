//! Meetings of a council's bodies: the date, the body, where, and whether it was called off.
//! Enough for a council's calendar and for the state office's count of meetings in the last
//! twelve months; agendas and minutes build on it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, date, pk_uuid, string_len, string_len_null, text, timestamp_with_time_zone, uuid,
};

use crate::common::{index, references};
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
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(pk_uuid(M::Id))
                    .col(uuid(M::MunicipalityId))
                    .col(uuid(M::BodyId))
                    .col(string_len(M::Title, 200))
                    .col(date(M::StartsOn))
                    .col(string_len_null(M::StartTime, 5))
                    .col(text(M::Location))
                    .col(boolean(M::Cancelled))
                    .col(timestamp_with_time_zone(M::CreatedAt))
                    .col(timestamp_with_time_zone(M::UpdatedAt))
                    // The body must be of the same municipality.
                    .foreign_key(&mut references(
                        M::Table,
                        (M::MunicipalityId, M::BodyId),
                        Bodies::Table,
                        (Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "meetings_date_idx",
                M::Table,
                [M::MunicipalityId, M::StartsOn],
            ))
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
