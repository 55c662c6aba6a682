//! Contact between cities about a published practice. Each message is kept twice, once in the
//! sender's and once in the recipient's records, so that every row belongs to exactly one
//! tenant like all tenant data (a thread is the set of messages with one `thread_id`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, pk_uuid, string_len, text, timestamp_with_time_zone, uuid,
};

use crate::common::{index, references_municipality};
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
                    .col(pk_uuid(C::Id))
                    .col(uuid(C::MunicipalityId))
                    .col(uuid(C::ThreadId))
                    .col(uuid(C::OtherMunicipalityId))
                    // No reference: the practice may be withdrawn; its title stays here.
                    .col(uuid(C::PracticeId))
                    .col(string_len(C::PracticeTitle, 200))
                    .col(boolean(C::Sent))
                    .col(string_len(C::SenderName, 200))
                    .col(text(C::Body))
                    .col(timestamp_with_time_zone(C::CreatedAt))
                    .foreign_key(&mut references_municipality(C::Table, C::MunicipalityId))
                    .foreign_key(&mut references_municipality(
                        C::Table,
                        C::OtherMunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "contact_messages_thread_idx",
                C::Table,
                [C::MunicipalityId, C::ThreadId, C::CreatedAt],
            ))
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
