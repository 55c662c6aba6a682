//! Invitations to meetings: who is invited or took part (members and guests, their answer and
//! their attendance), the revision of a meeting that calendar apps compare (`SEQUENCE`), and
//! the outbox that mail leaves through, durable and shared by all replicas.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, char_len_null, date_null, integer, pk_uuid, string_len, string_len_null, text,
    text_null, timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{add_column, drop_column, drop_tables, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Meetings {
    Table,
    MunicipalityId,
    Id,
    Sequence,
}

#[derive(DeriveIden, Clone, Copy)]
enum MeetingParticipants {
    Table,
    Id,
    MunicipalityId,
    MeetingId,
    PersonId,
    Name,
    Email,
    IsGuest,
    InvitedAt,
    TokenHash,
    TokenExpiresOn,
    Response,
    RespondedAt,
    Attendance,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MailOutbox {
    Table,
    Id,
    MunicipalityId,
    Recipient,
    Subject,
    Body,
    Calendar,
    CalendarMethod,
    CreatedAt,
    DueAt,
    Attempts,
    LeaseUntil,
    SentAt,
    FailedAt,
    LastError,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Meetings as M;
        // Raised with every change invitees were told of; calendar apps keep the highest.
        add_column(
            manager,
            M::Table,
            integer(M::Sequence).default(0).to_owned(),
        )
        .await?;

        use MeetingParticipants as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(pk_uuid(P::Id))
                    .col(uuid(P::MunicipalityId))
                    .col(uuid(P::MeetingId))
                    // A member of the structure, or none for a guest.
                    .col(uuid_null(P::PersonId))
                    .col(string_len(P::Name, 200))
                    .col(string_len_null(P::Email, 320))
                    .col(boolean(P::IsGuest))
                    .col(timestamp_with_time_zone_null(P::InvitedAt))
                    // The answer link's secret, kept as its SHA-256 like every secret.
                    .col(char_len_null(P::TokenHash, 64))
                    .col(date_null(P::TokenExpiresOn))
                    // '', `yes`, `no` or `maybe`.
                    .col(string_len(P::Response, 10).default(""))
                    .col(timestamp_with_time_zone_null(P::RespondedAt))
                    // `present`, `excused` or `absent`, once recorded.
                    .col(string_len_null(P::Attendance, 10))
                    .col(timestamp_with_time_zone(P::CreatedAt))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .foreign_key(&mut references(
                        P::Table,
                        (P::MunicipalityId, P::MeetingId),
                        M::Table,
                        (M::MunicipalityId, M::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "meeting_participants_meeting_idx",
                P::Table,
                [P::MunicipalityId, P::MeetingId],
            ))
            .await?;
        manager
            .create_index(unique_index(
                "meeting_participants_token_key",
                P::Table,
                [P::TokenHash],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "meeting_participants").await?;

        use MailOutbox as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .col(pk_uuid(O::Id))
                    // The tenant the mail was written for, for the log; none for account mail.
                    .col(uuid_null(O::MunicipalityId))
                    .col(string_len(O::Recipient, 320))
                    .col(string_len(O::Subject, 500))
                    .col(text(O::Body))
                    // An iCalendar object sent along (an invitation or a call-off).
                    .col(text_null(O::Calendar))
                    .col(string_len_null(O::CalendarMethod, 10))
                    .col(timestamp_with_time_zone(O::CreatedAt))
                    // Not sent before: the next attempt after a failure.
                    .col(timestamp_with_time_zone(O::DueAt))
                    .col(integer(O::Attempts).default(0))
                    // While a replica sends the mail, no other takes it.
                    .col(timestamp_with_time_zone_null(O::LeaseUntil))
                    .col(timestamp_with_time_zone_null(O::SentAt))
                    // Given up after the last attempt.
                    .col(timestamp_with_time_zone_null(O::FailedAt))
                    .col(text_null(O::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "mail_outbox_due_idx",
                O::Table,
                [O::SentAt, O::FailedAt, O::DueAt],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "mail_outbox").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            ["mail_outbox", "meeting_participants"].map(Alias::new),
        )
        .await?;
        drop_column(manager, Meetings::Table, Meetings::Sequence).await
    }
}
