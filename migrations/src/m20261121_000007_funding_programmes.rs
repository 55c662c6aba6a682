//! Funding programmes that a state office publishes for the municipalities of its Land (and,
//! through the network, for everyone to read). Not tenant-owned: a programme belongs to a Land.

use sea_orm_migration::prelude::*;

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
        let text = |c: FundingProgrammes| ColumnDef::new(c).text().not_null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(FundingProgrammes::Table)
                    .col(
                        ColumnDef::new(FundingProgrammes::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::FederalState)
                            .string_len(2)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::Provider)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::TotalBudget)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::YearlyBudget)
                            .big_integer()
                            .null(),
                    )
                    .col(text(FundingProgrammes::FieldsOfAction))
                    .col(text(FundingProgrammes::EligibleApplicants))
                    .col(
                        ColumnDef::new(FundingProgrammes::FundingRatePercent)
                            .integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::MinAmount)
                            .big_integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::MaxAmount)
                            .big_integer()
                            .null(),
                    )
                    .col(ColumnDef::new(FundingProgrammes::Deadline).date().null())
                    .col(text(FundingProgrammes::Procedure))
                    .col(text(FundingProgrammes::Contact))
                    .col(text(FundingProgrammes::Documents))
                    .col(
                        ColumnDef::new(FundingProgrammes::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(FundingProgrammes::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("funding_programmes_state_idx")
                    .table(FundingProgrammes::Table)
                    .col(FundingProgrammes::FederalState)
                    .col(FundingProgrammes::Name)
                    .to_owned(),
            )
            .await?;
        tenancy::grant_shared_table(manager, "funding_programmes").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingProgrammes::Table).to_owned())
            .await
    }
}
