//! The catalogue of prevention offers that a certifying council keeps (as Chemnitz's
//! Steuerungsgruppe Prävention does), with the quality seal of each offer. The catalogue is
//! published on purpose and read by every city, so the table is shared, not tenant-owned; it
//! names its certifier like the network's practices name their publisher.

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum PreventionOffers {
    Table,
    Id,
    CertifierId,
    CertifierName,
    FederalState,
    Title,
    Provider,
    Format,
    TargetGroups,
    Topics,
    Description,
    Contact,
    SealStatus,
    SealGrantedOn,
    SealValidUntil,
    SealNote,
    CreatedAt,
    UpdatedAt,
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
        use PreventionOffers as P;
        let text = |c: P| ColumnDef::new(c).text().not_null().to_owned();
        let short = |c: P, n: u32| ColumnDef::new(c).string_len(n).not_null().to_owned();
        let timestamp = |c: P| {
            ColumnDef::new(c)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(ColumnDef::new(P::Id).uuid().not_null().primary_key())
                    .col(ColumnDef::new(P::CertifierId).uuid().not_null())
                    .col(short(P::CertifierName, 200))
                    .col(short(P::FederalState, 2))
                    .col(short(P::Title, 200))
                    .col(short(P::Provider, 200))
                    .col(short(P::Format, 32))
                    .col(text(P::TargetGroups))
                    .col(text(P::Topics))
                    .col(text(P::Description))
                    .col(text(P::Contact))
                    .col(short(P::SealStatus, 16))
                    .col(ColumnDef::new(P::SealGrantedOn).date().null())
                    .col(ColumnDef::new(P::SealValidUntil).date().null())
                    .col(text(P::SealNote))
                    .col(timestamp(P::CreatedAt))
                    .col(timestamp(P::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(P::Table, P::CertifierId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("prevention_offers_certifier_idx")
                    .table(P::Table)
                    .col(P::CertifierId)
                    .col(P::Title)
                    .to_owned(),
            )
            .await?;
        tenancy::grant_shared_table(manager, "prevention_offers").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PreventionOffers::Table).to_owned())
            .await
    }
}
