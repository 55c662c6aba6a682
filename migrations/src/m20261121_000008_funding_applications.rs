//! Applications of municipalities to funding programmes, and the advice, training and coaching a
//! state office offers with the requests for them. Applications and requests belong to the
//! municipality (tenant-owned, RLS, readable by a state office's scope); offers, like
//! programmes, belong to a Land.

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum FundingApplications {
    Table,
    Id,
    MunicipalityId,
    ProgrammeId,
    ProjectTitle,
    ProjectDescription,
    FundingYear,
    RequestedAmount,
    Status,
    GrantedAmount,
    DecidedOn,
    DecisionNote,
    ReportDue,
    ReportedOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupportOffers {
    Table,
    Id,
    FederalState,
    Kind,
    Title,
    Description,
    Contact,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupportRequests {
    Table,
    Id,
    MunicipalityId,
    OfferId,
    Message,
    Status,
    ScheduledOn,
    OfficeNote,
    CreatedAt,
    UpdatedAt,
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

fn timestamp<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn uuid<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column).uuid().not_null().to_owned()
}

fn text<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column).text().not_null().to_owned()
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use FundingApplications as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .col(uuid(A::Id).primary_key())
                    .col(uuid(A::MunicipalityId))
                    .col(uuid(A::ProgrammeId))
                    .col(ColumnDef::new(A::ProjectTitle).string_len(200).not_null())
                    .col(text(A::ProjectDescription))
                    .col(ColumnDef::new(A::FundingYear).integer().not_null())
                    .col(ColumnDef::new(A::RequestedAmount).big_integer().not_null())
                    .col(ColumnDef::new(A::Status).string_len(16).not_null())
                    .col(ColumnDef::new(A::GrantedAmount).big_integer().null())
                    .col(ColumnDef::new(A::DecidedOn).date().null())
                    .col(text(A::DecisionNote))
                    .col(ColumnDef::new(A::ReportDue).date().null())
                    .col(ColumnDef::new(A::ReportedOn).date().null())
                    .col(timestamp(A::CreatedAt))
                    .col(timestamp(A::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(A::Table, A::ProgrammeId)
                            .to(FundingProgrammes::Table, FundingProgrammes::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("funding_applications_programme_idx")
                    .table(A::Table)
                    .col(A::MunicipalityId)
                    .col(A::ProgrammeId)
                    .to_owned(),
            )
            .await?;

        use SupportOffers as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .col(uuid(O::Id).primary_key())
                    .col(ColumnDef::new(O::FederalState).string_len(2).not_null())
                    .col(ColumnDef::new(O::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(O::Title).string_len(200).not_null())
                    .col(text(O::Description))
                    .col(text(O::Contact))
                    .col(ColumnDef::new(O::Active).boolean().not_null())
                    .col(timestamp(O::CreatedAt))
                    .col(timestamp(O::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("support_offers_state_idx")
                    .table(O::Table)
                    .col(O::FederalState)
                    .col(O::Title)
                    .to_owned(),
            )
            .await?;
        tenancy::grant_shared_table(manager, "support_offers").await?;

        use SupportRequests as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(uuid(R::Id).primary_key())
                    .col(uuid(R::MunicipalityId))
                    .col(uuid(R::OfferId))
                    .col(text(R::Message))
                    .col(ColumnDef::new(R::Status).string_len(16).not_null())
                    .col(ColumnDef::new(R::ScheduledOn).date().null())
                    .col(text(R::OfficeNote))
                    .col(timestamp(R::CreatedAt))
                    .col(timestamp(R::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(R::Table, R::MunicipalityId)
                            .to(Municipalities::Table, Municipalities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(R::Table, R::OfferId)
                            .to(O::Table, O::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("support_requests_offer_idx")
                    .table(R::Table)
                    .col(R::MunicipalityId)
                    .col(R::OfferId)
                    .to_owned(),
            )
            .await?;
        for table in ["funding_applications", "support_requests"] {
            tenancy::protect_tenant_table(manager, table).await?;
            tenancy::allow_scoped_reads(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            FundingApplications::Table.into_iden(),
            SupportRequests::Table.into_iden(),
            SupportOffers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
