//! Good practices (Praxisbeispiele): a municipality's own records, written along the Beccaria
//! quality steps, and the shared read model of those it chose to publish to the network. The
//! shared copy holds only what is published, with the functional contact given for it.

use sea_orm_migration::prelude::*;

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
enum Municipalities {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum FundingProgrammes {
    Table,
    Id,
}

fn fields() -> Vec<ColumnDef> {
    let text = |f: Field| ColumnDef::new(f).text().not_null().to_owned();
    vec![
        ColumnDef::new(Field::Title)
            .string_len(200)
            .not_null()
            .to_owned(),
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
        ColumnDef::new(Field::EvidenceLevel)
            .string_len(32)
            .null()
            .to_owned(),
        ColumnDef::new(Field::Duration)
            .string_len(200)
            .not_null()
            .to_owned(),
        ColumnDef::new(Field::Costs)
            .string_len(200)
            .not_null()
            .to_owned(),
        text(Field::Partners),
        ColumnDef::new(Field::FundingProgrammeId)
            .uuid()
            .null()
            .to_owned(),
        text(Field::Contact),
    ]
}

fn timestamp<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut practices = Table::create();
        practices
            .table(Practices::Table)
            .col(
                ColumnDef::new(Practices::Id)
                    .uuid()
                    .not_null()
                    .primary_key(),
            )
            .col(ColumnDef::new(Practices::MunicipalityId).uuid().not_null());
        for column in fields() {
            practices.col(column);
        }
        practices
            .col(ColumnDef::new(Practices::Status).string_len(16).not_null())
            .col(
                ColumnDef::new(Practices::PublishedAt)
                    .timestamp_with_time_zone()
                    .null(),
            )
            .col(timestamp(Practices::CreatedAt))
            .col(timestamp(Practices::UpdatedAt))
            .foreign_key(
                ForeignKey::create()
                    .from(Practices::Table, Practices::MunicipalityId)
                    .to(Municipalities::Table, Municipalities::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Practices::Table, Field::FundingProgrammeId)
                    .to(FundingProgrammes::Table, FundingProgrammes::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        manager.create_table(practices.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("practices_updated_idx")
                    .table(Practices::Table)
                    .col(Practices::MunicipalityId)
                    .col(Practices::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "practices").await?;
        tenancy::allow_scoped_reads(manager, "practices").await?;

        let mut shared = Table::create();
        shared
            .table(NetworkPractices::Table)
            .col(
                ColumnDef::new(NetworkPractices::PracticeId)
                    .uuid()
                    .not_null()
                    .primary_key(),
            )
            .col(
                ColumnDef::new(NetworkPractices::MunicipalityId)
                    .uuid()
                    .not_null(),
            )
            .col(
                ColumnDef::new(NetworkPractices::MunicipalityName)
                    .string_len(200)
                    .not_null(),
            )
            .col(
                ColumnDef::new(NetworkPractices::FederalState)
                    .string_len(2)
                    .not_null(),
            );
        for column in fields() {
            shared.col(column);
        }
        shared
            .col(timestamp(NetworkPractices::PublishedAt))
            .col(timestamp(NetworkPractices::UpdatedAt))
            .foreign_key(
                ForeignKey::create()
                    .from(NetworkPractices::Table, NetworkPractices::PracticeId)
                    .to(Practices::Table, Practices::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(NetworkPractices::Table, NetworkPractices::MunicipalityId)
                    .to(Municipalities::Table, Municipalities::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(NetworkPractices::Table, Field::FundingProgrammeId)
                    .to(FundingProgrammes::Table, FundingProgrammes::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        manager.create_table(shared.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("network_practices_published_idx")
                    .table(NetworkPractices::Table)
                    .col(NetworkPractices::PublishedAt)
                    .to_owned(),
            )
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
