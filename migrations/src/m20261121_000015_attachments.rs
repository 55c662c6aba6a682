//! Attachments of good practices (a flyer, a concept, an evaluation report). The file lies in
//! the file store; the tenant-owned row says whose it is; a published practice's attachments
//! are mirrored into the network's read model like the practice itself.

use sea_orm_migration::prelude::*;

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
                    .col(ColumnDef::new(A::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(A::MunicipalityId).uuid().not_null())
                    .col(ColumnDef::new(A::PracticeId).uuid().not_null())
                    .col(ColumnDef::new(A::FileName).string_len(200).not_null())
                    .col(ColumnDef::new(A::ContentType).string_len(100).not_null())
                    .col(ColumnDef::new(A::SizeBytes).big_integer().not_null())
                    .col(
                        ColumnDef::new(A::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::PracticeId)
                            .to(Practices::Table, Practices::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("practice_attachments_practice_idx")
                    .table(A::Table)
                    .col(A::MunicipalityId)
                    .col(A::PracticeId)
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "practice_attachments").await?;
        tenancy::allow_scoped_reads(manager, "practice_attachments").await?;

        use NetworkAttachments as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .col(ColumnDef::new(N::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(N::PracticeId).uuid().not_null())
                    .col(ColumnDef::new(N::FileName).string_len(200).not_null())
                    .col(ColumnDef::new(N::ContentType).string_len(100).not_null())
                    .col(ColumnDef::new(N::SizeBytes).big_integer().not_null())
                    .col(
                        ColumnDef::new(N::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(N::Table, N::PracticeId)
                            .to(NetworkPractices::Table, NetworkPractices::PracticeId)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("network_attachments_practice_idx")
                    .table(N::Table)
                    .col(N::PracticeId)
                    .to_owned(),
            )
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
