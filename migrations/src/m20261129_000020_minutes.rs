//! Minutes of meetings (Niederschriften): versions, each a draft, circulated to the body, or
//! approved on a date and then frozen (a correction is a new version, the old one kept); and
//! per version the text of each agenda item, with the item's title as it was.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, integer, pk_uuid, string_len, text, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{drop_tables, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Meetings {
    Table,
    MunicipalityId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Minutes {
    Table,
    Id,
    MunicipalityId,
    MeetingId,
    Version,
    Status,
    Notes,
    CirculatedAt,
    ApprovedOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MinutesEntries {
    Table,
    Id,
    MunicipalityId,
    MinutesId,
    AgendaItemId,
    Position,
    Title,
    Text,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Minutes as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .col(pk_uuid(N::Id))
                    .col(uuid(N::MunicipalityId))
                    .col(uuid(N::MeetingId))
                    .col(integer(N::Version))
                    // `draft`, `circulated` or `approved`.
                    .col(string_len(N::Status, 12))
                    // What is not an agenda item's: opening, quorum, closing.
                    .col(text(N::Notes))
                    .col(timestamp_with_time_zone_null(N::CirculatedAt))
                    .col(date_null(N::ApprovedOn))
                    .col(timestamp_with_time_zone(N::CreatedAt))
                    .col(timestamp_with_time_zone(N::UpdatedAt))
                    .foreign_key(&mut references(
                        N::Table,
                        (N::MunicipalityId, N::MeetingId),
                        Meetings::Table,
                        (Meetings::MunicipalityId, Meetings::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "minutes_version_key",
                N::Table,
                [N::MunicipalityId, N::MeetingId, N::Version],
            ))
            .await?;
        manager
            .create_index(unique_index(
                "minutes_tenant_key",
                N::Table,
                [N::MunicipalityId, N::Id],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "minutes").await?;

        use MinutesEntries as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(pk_uuid(E::Id))
                    .col(uuid(E::MunicipalityId))
                    .col(uuid(E::MinutesId))
                    // The item it records, without a reference: the item may be taken off
                    // the agenda later, and the entry stays with the title it had.
                    .col(uuid_null(E::AgendaItemId))
                    .col(integer(E::Position))
                    .col(string_len(E::Title, 300))
                    .col(text(E::Text))
                    .foreign_key(&mut references(
                        E::Table,
                        (E::MunicipalityId, E::MinutesId),
                        N::Table,
                        (N::MunicipalityId, N::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "minutes_entries_minutes_idx",
                E::Table,
                [E::MunicipalityId, E::MinutesId, E::Position],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "minutes_entries").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, ["minutes_entries", "minutes"].map(Alias::new)).await
    }
}
