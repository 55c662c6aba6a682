//! Recommendations (Handlungsempfehlungen): raised from a working group, a meeting's item or a
//! conference, adopted by the steering body, addressed to the city council or the
//! administration with its paper reference (Drucksache), tracked to the answer and its
//! implementation; and the timeline of their steps.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date, date_null, pk_uuid, string_len, string_len_null, text, timestamp_with_time_zone, uuid,
    uuid_null,
};

use crate::common::{drop_tables, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Recommendations {
    Table,
    Id,
    MunicipalityId,
    Title,
    Text,
    SourceBodyId,
    SourceMeetingId,
    SourceAgendaItemId,
    AdoptingBodyId,
    Addressee,
    PaperReference,
    Status,
    DueOn,
    Answer,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecommendationSteps {
    Table,
    Id,
    MunicipalityId,
    RecommendationId,
    Status,
    On,
    Note,
    RecordedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Recommendations as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(pk_uuid(R::Id))
                    .col(uuid(R::MunicipalityId))
                    .col(string_len(R::Title, 300))
                    .col(text(R::Text))
                    // Where it comes from: a body (a working group, a conference) and
                    // perhaps one of its meetings and an item of it; checked by the
                    // application within the tenant, and kept when the meeting is deleted.
                    .col(uuid_null(R::SourceBodyId))
                    .col(uuid_null(R::SourceMeetingId))
                    .col(uuid_null(R::SourceAgendaItemId))
                    .col(uuid_null(R::AdoptingBodyId))
                    // `city_council` or `administration`.
                    .col(string_len(R::Addressee, 20))
                    // The city council's paper (Drucksache), e.g. "VII-F-00741".
                    .col(string_len_null(R::PaperReference, 60))
                    // `draft`, `adopted`, `submitted`, `answered`, `implemented`, `rejected`.
                    .col(string_len(R::Status, 12))
                    // The answer is expected by then.
                    .col(date_null(R::DueOn))
                    .col(text(R::Answer))
                    .col(timestamp_with_time_zone(R::CreatedAt))
                    .col(timestamp_with_time_zone(R::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "recommendations_tenant_key",
                R::Table,
                [R::MunicipalityId, R::Id],
            ))
            .await?;
        manager
            .create_index(index(
                "recommendations_status_idx",
                R::Table,
                [R::MunicipalityId, R::Status, R::DueOn],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "recommendations").await?;

        use RecommendationSteps as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(pk_uuid(S::Id))
                    .col(uuid(S::MunicipalityId))
                    .col(uuid(S::RecommendationId))
                    .col(string_len(S::Status, 12))
                    .col(date(S::On))
                    .col(text(S::Note))
                    .col(timestamp_with_time_zone(S::RecordedAt))
                    .foreign_key(&mut references(
                        S::Table,
                        (S::MunicipalityId, S::RecommendationId),
                        R::Table,
                        (R::MunicipalityId, R::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "recommendation_steps_idx",
                S::Table,
                [S::MunicipalityId, S::RecommendationId, S::On],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "recommendation_steps").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            ["recommendation_steps", "recommendations"].map(Alias::new),
        )
        .await
    }
}
