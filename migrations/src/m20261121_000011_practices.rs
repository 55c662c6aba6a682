//! Good practices (Praxisbeispiele): a municipality's own records, written along the Beccaria
//! quality steps, and the shared read model of those it chose to publish to the network. The
//! shared copy holds only what is published, with the functional contact given for it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    pk_uuid, string_len, string_len_null, text, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{index, references, references_municipality};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Practices {
    Table,
    Id,
    MunicipalityId,
    Status,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkPractices {
    Table,
    PracticeId,
    MunicipalityId,
    MunicipalityName,
    FederalState,
    PublishedAt,
    UpdatedAt,
}

/// The fields a practice has in both tables.
#[derive(DeriveIden, Clone, Copy)]
enum Field {
    Title,
    Problem,
    Causes,
    Goals,
    Measures,
    Concept,
    Evaluation,
    Conclusions,
    Topics,
    TargetGroups,
    Settings,
    EvidenceLevel,
    Duration,
    Costs,
    Partners,
    FundingProgrammeId,
    Contact,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundingProgrammes {
    Table,
    Id,
}

fn fields() -> Vec<ColumnDef> {
    vec![
        string_len(Field::Title, 200),
        text(Field::Problem),
        text(Field::Causes),
        text(Field::Goals),
        text(Field::Measures),
        text(Field::Concept),
        text(Field::Evaluation),
        text(Field::Conclusions),
        // Codes of the shared vocabulary, comma-separated.
        text(Field::Topics),
        text(Field::TargetGroups),
        text(Field::Settings),
        string_len_null(Field::EvidenceLevel, 32),
        string_len(Field::Duration, 200),
        string_len(Field::Costs, 200),
        text(Field::Partners),
        uuid_null(Field::FundingProgrammeId),
        text(Field::Contact),
    ]
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut practices = Table::create();
        practices
            .table(Practices::Table)
            .col(pk_uuid(Practices::Id))
            .col(uuid(Practices::MunicipalityId));
        for column in fields() {
            practices.col(column);
        }
        practices
            .col(string_len(Practices::Status, 16))
            .col(timestamp_with_time_zone_null(Practices::PublishedAt))
            .col(timestamp_with_time_zone(Practices::CreatedAt))
            .col(timestamp_with_time_zone(Practices::UpdatedAt))
            .foreign_key(&mut references_municipality(
                Practices::Table,
                Practices::MunicipalityId,
            ))
            .foreign_key(&mut references(
                Practices::Table,
                Field::FundingProgrammeId,
                FundingProgrammes::Table,
                FundingProgrammes::Id,
                ForeignKeyAction::SetNull,
            ));
        manager.create_table(practices.to_owned()).await?;
        manager
            .create_index(index(
                "practices_updated_idx",
                Practices::Table,
                [Practices::MunicipalityId, Practices::UpdatedAt],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "practices").await?;
        tenancy::allow_scoped_reads(manager, "practices").await?;

        let mut shared = Table::create();
        shared
            .table(NetworkPractices::Table)
            .col(pk_uuid(NetworkPractices::PracticeId))
            .col(uuid(NetworkPractices::MunicipalityId))
            .col(string_len(NetworkPractices::MunicipalityName, 200))
            .col(string_len(NetworkPractices::FederalState, 2));
        for column in fields() {
            shared.col(column);
        }
        shared
            .col(timestamp_with_time_zone(NetworkPractices::PublishedAt))
            .col(timestamp_with_time_zone(NetworkPractices::UpdatedAt))
            .foreign_key(&mut references(
                NetworkPractices::Table,
                NetworkPractices::PracticeId,
                Practices::Table,
                Practices::Id,
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut references_municipality(
                NetworkPractices::Table,
                NetworkPractices::MunicipalityId,
            ))
            .foreign_key(&mut references(
                NetworkPractices::Table,
                Field::FundingProgrammeId,
                FundingProgrammes::Table,
                FundingProgrammes::Id,
                ForeignKeyAction::SetNull,
            ));
        manager.create_table(shared.to_owned()).await?;
        manager
            .create_index(index(
                "network_practices_published_idx",
                NetworkPractices::Table,
                [NetworkPractices::PublishedAt],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "network_practices").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NetworkPractices::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Practices::Table).to_owned())
            .await
    }
}
