//! Meetings as a council holds them: an end, a place or an online link, public or internal, a
//! status (planned, invited, held, called off) instead of a cancelled flag, a topic and a
//! number in a body's series; and their agendas, item by item with the result of each.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, integer, integer_null, pk_uuid, string_len, string_len_null, text,
    timestamp_with_time_zone, uuid,
};

use crate::common::{add_column, drop_column, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Meetings {
    Table,
    MunicipalityId,
    Id,
    EndTime,
    OnlineLink,
    IsPublic,
    Status,
    Topic,
    Number,
    Cancelled,
}

#[derive(DeriveIden, Clone, Copy)]
enum AgendaItems {
    Table,
    Id,
    MunicipalityId,
    MeetingId,
    Position,
    Title,
    Description,
    Presenter,
    IsPublic,
    Result,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Meetings as M;
        add_column(manager, M::Table, string_len_null(M::EndTime, 5)).await?;
        add_column(manager, M::Table, string_len_null(M::OnlineLink, 500)).await?;
        // Until now a meeting was as public as its body.
        add_column(
            manager,
            M::Table,
            boolean(M::IsPublic).default(true).to_owned(),
        )
        .await?;
        add_column(
            manager,
            M::Table,
            string_len(M::Status, 20).default("planned").to_owned(),
        )
        .await?;
        add_column(manager, M::Table, text(M::Topic).default("").to_owned()).await?;
        add_column(manager, M::Table, integer_null(M::Number)).await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE meetings SET status = 'called_off' WHERE cancelled")
            .await?;
        drop_column(manager, M::Table, M::Cancelled).await?;
        manager
            .create_index(unique_index(
                "meetings_tenant_key",
                M::Table,
                [M::MunicipalityId, M::Id],
            ))
            .await?;

        use AgendaItems as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(pk_uuid(A::Id))
                    .col(uuid(A::MunicipalityId))
                    .col(uuid(A::MeetingId))
                    .col(integer(A::Position))
                    .col(string_len(A::Title, 300))
                    .col(text(A::Description))
                    .col(string_len_null(A::Presenter, 200))
                    .col(boolean(A::IsPublic))
                    // The item's result or decision, written at or after the meeting.
                    .col(text(A::Result))
                    .col(timestamp_with_time_zone(A::CreatedAt))
                    .col(timestamp_with_time_zone(A::UpdatedAt))
                    // The meeting must be of the same municipality; its agenda goes with it.
                    .foreign_key(&mut references(
                        A::Table,
                        (A::MunicipalityId, A::MeetingId),
                        M::Table,
                        (M::MunicipalityId, M::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "agenda_items_meeting_idx",
                A::Table,
                [A::MunicipalityId, A::MeetingId, A::Position],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "agenda_items").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Meetings as M;
        manager
            .drop_table(Table::drop().table(AgendaItems::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("meetings_tenant_key")
                    .table(M::Table)
                    .to_owned(),
            )
            .await?;
        add_column(
            manager,
            M::Table,
            boolean(M::Cancelled).default(false).to_owned(),
        )
        .await?;
        manager
            .get_connection()
            .execute_unprepared("UPDATE meetings SET cancelled = (status = 'called_off')")
            .await?;
        for column in [
            M::Number,
            M::Topic,
            M::Status,
            M::IsPublic,
            M::OnlineLink,
            M::EndTime,
        ] {
            drop_column(manager, M::Table, column).await?;
        }
        Ok(())
    }
}
