//! Contact between cities about a published practice. Each message is kept twice, once in the
//! sender's and once in the recipient's records, so that every row belongs to exactly one
//! tenant like all tenant data (a thread is the set of messages with one `thread_id`).

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum ContactMessages {
    Table,
    Id,
    MunicipalityId,
    ThreadId,
    OtherMunicipalityId,
    PracticeId,
    PracticeTitle,
    Sent,
    SenderName,
    Body,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Municipalities {
    Table,
    Id,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ContactMessages as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .col(ColumnDef::new(C::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(C::MunicipalityId).uuid().not_null())
                    .col(ColumnDef::new(C::ThreadId).uuid().not_null())
                    .col(ColumnDef::new(C::OtherMunicipalityId).uuid().not_null())
                    // No reference: the practice may be withdrawn; its title stays here.
                    .col(ColumnDef::new(C::PracticeId).uuid().not_null())
                    .col(ColumnDef::new(C::PracticeTitle).string_len(200).not_null())
                    .col(ColumnDef::new(C::Sent).boolean().not_null())
                    .col(ColumnDef::new(C::SenderName).string_len(200).not_null())
                    .col(ColumnDef::new(C::Body).text().not_null())
                    .col(
                        ColumnDef::new(C::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(C::Table, C::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(C::Table, C::OtherMunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("contact_messages_thread_idx")
                    .table(C::Table)
                    .col(C::MunicipalityId)
                    .col(C::ThreadId)
                    .col(C::CreatedAt)
                    .to_owned(),
            )
            .await?;
        tenancy::protect_tenant_table(manager, "contact_messages").await?;
        tenancy::allow_scoped_reads(manager, "contact_messages").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ContactMessages::Table).to_owned())
            .await
    }
}
