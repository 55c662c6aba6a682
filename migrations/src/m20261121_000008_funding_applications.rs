//! Applications of municipalities to funding programmes, and the advice, training and coaching a
//! state office offers with the requests for them. Applications and requests belong to the
//! municipality (tenant-owned, RLS, readable by a state office's scope); offers, like
//! programmes, belong to a Land.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, boolean, date_null, integer, pk_uuid, string_len, text,
    timestamp_with_time_zone, uuid,
};

use crate::common::{drop_tables, index, references, references_municipality};
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
enum FundingProgrammes {
    Table,
    Id,
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
                    .col(pk_uuid(A::Id))
                    .col(uuid(A::MunicipalityId))
                    .col(uuid(A::ProgrammeId))
                    .col(string_len(A::ProjectTitle, 200))
                    .col(text(A::ProjectDescription))
                    .col(integer(A::FundingYear))
                    .col(big_integer(A::RequestedAmount))
                    .col(string_len(A::Status, 16))
                    .col(big_integer_null(A::GrantedAmount))
                    .col(date_null(A::DecidedOn))
                    .col(text(A::DecisionNote))
                    .col(date_null(A::ReportDue))
                    .col(date_null(A::ReportedOn))
                    .col(timestamp_with_time_zone(A::CreatedAt))
                    .col(timestamp_with_time_zone(A::UpdatedAt))
                    .foreign_key(&mut references_municipality(A::Table, A::MunicipalityId))
                    .foreign_key(&mut references(
                        A::Table,
                        A::ProgrammeId,
                        FundingProgrammes::Table,
                        FundingProgrammes::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "funding_applications_programme_idx",
                A::Table,
                [A::MunicipalityId, A::ProgrammeId],
            ))
            .await?;

        use SupportOffers as O;
        manager
            .create_table(
                Table::create()
                    .table(O::Table)
                    .col(pk_uuid(O::Id))
                    .col(string_len(O::FederalState, 2))
                    .col(string_len(O::Kind, 16))
                    .col(string_len(O::Title, 200))
                    .col(text(O::Description))
                    .col(text(O::Contact))
                    .col(boolean(O::Active))
                    .col(timestamp_with_time_zone(O::CreatedAt))
                    .col(timestamp_with_time_zone(O::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "support_offers_state_idx",
                O::Table,
                [O::FederalState, O::Title],
            ))
            .await?;
        tenancy::grant_shared_table(manager, "support_offers").await?;

        use SupportRequests as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .col(pk_uuid(R::Id))
                    .col(uuid(R::MunicipalityId))
                    .col(uuid(R::OfferId))
                    .col(text(R::Message))
                    .col(string_len(R::Status, 16))
                    .col(date_null(R::ScheduledOn))
                    .col(text(R::OfficeNote))
                    .col(timestamp_with_time_zone(R::CreatedAt))
                    .col(timestamp_with_time_zone(R::UpdatedAt))
                    .foreign_key(&mut references_municipality(R::Table, R::MunicipalityId))
                    .foreign_key(&mut references(
                        R::Table,
                        R::OfferId,
                        O::Table,
                        O::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "support_requests_offer_idx",
                R::Table,
                [R::MunicipalityId, R::OfferId],
            ))
            .await?;
        for table in ["funding_applications", "support_requests"] {
            tenancy::protect_tenant_table(manager, table).await?;
            tenancy::allow_scoped_reads(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            FundingApplications::Table.into_iden(),
            SupportRequests::Table.into_iden(),
            SupportOffers::Table.into_iden(),
        ];
        drop_tables(manager, tables).await
    }
}
