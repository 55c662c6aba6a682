//! Attachments of good practices (a flyer, a concept, an evaluation report). The file lies in
//! the file store; the tenant-owned row says whose it is; a published practice's attachments
//! are mirrored into the network's read model like the practice itself.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, pk_uuid, string_len, timestamp_with_time_zone, uuid};

use crate::common::{index, references};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum PracticeAttachments {
    Table,
    Id,
    MunicipalityId,
    PracticeId,
    FileName,
    ContentType,
    SizeBytes,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkAttachments {
    Table,
    Id,
    PracticeId,
    FileName,
    ContentType,
    SizeBytes,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Practices {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkPractices {
    Table,
    PracticeId,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PracticeAttachments as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(pk_uuid(A::Id))
                    .col(uuid(A::MunicipalityId))
                    .col(uuid(A::PracticeId))
                    .col(string_len(A::FileName, 200))
                    .col(string_len(A::ContentType, 100))
                    .col(big_integer(A::SizeBytes))
                    .col(timestamp_with_time_zone(A::CreatedAt))
                    .foreign_key(&mut references(
                        A::Table,
                        A::PracticeId,
                        Practices::Table,
                        Practices::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "practice_attachments_practice_idx",
                A::Table,
                [A::MunicipalityId, A::PracticeId],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "practice_attachments").await?;
        tenancy::allow_scoped_reads(manager, "practice_attachments").await?;

        use NetworkAttachments as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .col(pk_uuid(N::Id))
                    .col(uuid(N::PracticeId))
                    .col(string_len(N::FileName, 200))
                    .col(string_len(N::ContentType, 100))
                    .col(big_integer(N::SizeBytes))
                    .col(timestamp_with_time_zone(N::CreatedAt))
                    .foreign_key(&mut references(
                        N::Table,
                        N::PracticeId,
                        NetworkPractices::Table,
                        NetworkPractices::PracticeId,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "network_attachments_practice_idx",
                N::Table,
                [N::PracticeId],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "network_attachments").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NetworkAttachments::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PracticeAttachments::Table).to_owned())
            .await
    }
}
