//! Documents on agenda items (a presentation, a draft resolution): what is known of each file;
//! the bytes are in the file store under the document's id. A document goes with its item.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, pk_uuid, string_len, timestamp_with_time_zone, uuid};

use crate::common::{drop_tables, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum AgendaItems {
    Table,
    MunicipalityId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AgendaDocuments {
    Table,
    Id,
    MunicipalityId,
    AgendaItemId,
    FileName,
    ContentType,
    SizeBytes,
    CreatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(unique_index(
                "agenda_items_tenant_key",
                AgendaItems::Table,
                [AgendaItems::MunicipalityId, AgendaItems::Id],
            ))
            .await?;
        use AgendaDocuments as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(pk_uuid(D::Id))
                    .col(uuid(D::MunicipalityId))
                    .col(uuid(D::AgendaItemId))
                    .col(string_len(D::FileName, 200))
                    .col(string_len(D::ContentType, 120))
                    .col(big_integer(D::SizeBytes))
                    .col(timestamp_with_time_zone(D::CreatedAt))
                    .foreign_key(&mut references(
                        D::Table,
                        (D::MunicipalityId, D::AgendaItemId),
                        AgendaItems::Table,
                        (AgendaItems::MunicipalityId, AgendaItems::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "agenda_documents_item_idx",
                D::Table,
                [D::MunicipalityId, D::AgendaItemId],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "agenda_documents").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, ["agenda_documents"].map(Alias::new)).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("agenda_items_tenant_key")
                    .table(AgendaItems::Table)
                    .to_owned(),
            )
            .await
    }
}
