//! The catalogue of prevention offers that a certifying council keeps (as Chemnitz's
//! Steuerungsgruppe Prävention does), with the quality seal of each offer. The catalogue is
//! published on purpose and read by every city, so the table is shared, not tenant-owned; it
//! names its certifier like the network's practices name their publisher.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, pk_uuid, string_len, text, timestamp_with_time_zone, uuid,
};

use crate::common::{index, references_municipality};
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

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PreventionOffers as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(pk_uuid(P::Id))
                    .col(uuid(P::CertifierId))
                    .col(string_len(P::CertifierName, 200))
                    .col(string_len(P::FederalState, 2))
                    .col(string_len(P::Title, 200))
                    .col(string_len(P::Provider, 200))
                    .col(string_len(P::Format, 32))
                    .col(text(P::TargetGroups))
                    .col(text(P::Topics))
                    .col(text(P::Description))
                    .col(text(P::Contact))
                    .col(string_len(P::SealStatus, 16))
                    .col(date_null(P::SealGrantedOn))
                    .col(date_null(P::SealValidUntil))
                    .col(text(P::SealNote))
                    .col(timestamp_with_time_zone(P::CreatedAt))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .foreign_key(&mut references_municipality(P::Table, P::CertifierId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "prevention_offers_certifier_idx",
                P::Table,
                [P::CertifierId, P::Title],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "prevention_offers").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PreventionOffers::Table).to_owned())
            .await
    }
}
