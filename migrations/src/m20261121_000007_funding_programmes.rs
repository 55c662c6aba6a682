//! Funding programmes that a state office publishes for the municipalities of its Land (and,
//! through the network, for everyone to read). Not tenant-owned: a programme belongs to a Land.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, date_null, integer_null, pk_uuid, string_len, text,
    timestamp_with_time_zone,
};

use crate::common::index;
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum FundingProgrammes {
    Table,
    Id,
    FederalState,
    Name,
    Provider,
    TotalBudget,
    YearlyBudget,
    FieldsOfAction,
    EligibleApplicants,
    FundingRatePercent,
    MinAmount,
    MaxAmount,
    Deadline,
    Procedure,
    Contact,
    Documents,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use FundingProgrammes as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(pk_uuid(P::Id))
                    .col(string_len(P::FederalState, 2))
                    .col(string_len(P::Name, 200))
                    .col(string_len(P::Provider, 200))
                    .col(big_integer(P::TotalBudget))
                    .col(big_integer_null(P::YearlyBudget))
                    .col(text(P::FieldsOfAction))
                    .col(text(P::EligibleApplicants))
                    .col(integer_null(P::FundingRatePercent))
                    .col(big_integer_null(P::MinAmount))
                    .col(big_integer_null(P::MaxAmount))
                    .col(date_null(P::Deadline))
                    .col(text(P::Procedure))
                    .col(text(P::Contact))
                    .col(text(P::Documents))
                    .col(timestamp_with_time_zone(P::CreatedAt))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "funding_programmes_state_idx",
                P::Table,
                [P::FederalState, P::Name],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "funding_programmes").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingProgrammes::Table).to_owned())
            .await
    }
}
