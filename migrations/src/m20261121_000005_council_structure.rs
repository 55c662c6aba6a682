//! The council's structure: bodies (Gremien) with their required seats, organisations, people,
//! memberships, and the versions of the rules of procedure (Geschäftsordnung).
//!
//! Every table is tenant-owned. References between them are composite foreign keys that
//! include `municipality_id`, so even a bug cannot make a membership point at another city's
//! body or person.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, date, date_null, integer, integer_null, pk_uuid, string_len, string_len_null, text,
    timestamp_with_time_zone, uuid, uuid_null,
};

use crate::common::{drop_tables, index, references, references_municipality, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Bodies {
    Table,
    Id,
    MunicipalityId,
    ParentId,
    Name,
    Kind,
    OwnKind,
    Scope,
    District,
    Tasks,
    ChairRule,
    MeetingsPerYear,
    MinMembers,
    MaxMembers,
    TermMonths,
    AppointmentProcedure,
    IsPublic,
    ModeratorsAreMembers,
    FoundedOn,
    FoundingResolution,
    DissolvedOn,
    DissolutionResolution,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BodySeats {
    Table,
    Id,
    MunicipalityId,
    BodyId,
    Label,
    Sector,
    Seats,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
    MunicipalityId,
    Name,
    Sector,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum People {
    Table,
    Id,
    MunicipalityId,
    Name,
    FunctionTitle,
    Email,
    Phone,
    UserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Memberships {
    Table,
    Id,
    MunicipalityId,
    BodyId,
    PersonId,
    Role,
    OrganisationId,
    TermStart,
    TermEnd,
    AppointedBy,
    DerivedFrom,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RulesOfProcedure {
    Table,
    Id,
    MunicipalityId,
    Version,
    Title,
    Body,
    AdoptedBy,
    AdoptedOn,
    Resolution,
    CouncilInformedOn,
    CreatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bodies::Table)
                    .col(pk_uuid(Bodies::Id))
                    .col(uuid(Bodies::MunicipalityId))
                    .col(uuid_null(Bodies::ParentId))
                    .col(string_len(Bodies::Name, 200))
                    .col(string_len(Bodies::Kind, 32))
                    .col(string_len_null(Bodies::OwnKind, 100))
                    .col(string_len_null(Bodies::Scope, 16))
                    .col(string_len_null(Bodies::District, 100))
                    .col(text(Bodies::Tasks))
                    .col(string_len_null(Bodies::ChairRule, 500))
                    .col(integer_null(Bodies::MeetingsPerYear))
                    .col(integer_null(Bodies::MinMembers))
                    .col(integer_null(Bodies::MaxMembers))
                    .col(integer_null(Bodies::TermMonths))
                    .col(string_len_null(Bodies::AppointmentProcedure, 500))
                    .col(boolean(Bodies::IsPublic))
                    .col(boolean(Bodies::ModeratorsAreMembers))
                    .col(date_null(Bodies::FoundedOn))
                    .col(string_len_null(Bodies::FoundingResolution, 100))
                    .col(date_null(Bodies::DissolvedOn))
                    .col(string_len_null(Bodies::DissolutionResolution, 100))
                    .col(integer(Bodies::Position))
                    .col(timestamp_with_time_zone(Bodies::CreatedAt))
                    .col(timestamp_with_time_zone(Bodies::UpdatedAt))
                    .foreign_key(&mut references_municipality(
                        Bodies::Table,
                        Bodies::MunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        // The target of the composite references; it leads with the tenant column.
        manager
            .create_index(unique_index(
                "bodies_tenant_key",
                Bodies::Table,
                [Bodies::MunicipalityId, Bodies::Id],
            ))
            .await?;
        manager
            .create_index(index(
                "bodies_parent_idx",
                Bodies::Table,
                [Bodies::MunicipalityId, Bodies::ParentId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(BodySeats::Table)
                    .col(pk_uuid(BodySeats::Id))
                    .col(uuid(BodySeats::MunicipalityId))
                    .col(uuid(BodySeats::BodyId))
                    .col(string_len(BodySeats::Label, 200))
                    .col(string_len(BodySeats::Sector, 32))
                    .col(integer(BodySeats::Seats))
                    // A reference to a row of the same municipality.
                    .foreign_key(&mut references(
                        BodySeats::Table,
                        (BodySeats::MunicipalityId, BodySeats::BodyId),
                        Bodies::Table,
                        (Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "body_seats_body_idx",
                BodySeats::Table,
                [BodySeats::MunicipalityId, BodySeats::BodyId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(pk_uuid(Organisations::Id))
                    .col(uuid(Organisations::MunicipalityId))
                    .col(string_len(Organisations::Name, 200))
                    .col(string_len(Organisations::Sector, 32))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .col(timestamp_with_time_zone(Organisations::UpdatedAt))
                    .foreign_key(&mut references_municipality(
                        Organisations::Table,
                        Organisations::MunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "organisations_tenant_key",
                Organisations::Table,
                [Organisations::MunicipalityId, Organisations::Id],
            ))
            .await?;
        manager
            .create_index(unique_index(
                "organisations_name_key",
                Organisations::Table,
                [Organisations::MunicipalityId, Organisations::Name],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(People::Table)
                    .col(pk_uuid(People::Id))
                    .col(uuid(People::MunicipalityId))
                    .col(string_len(People::Name, 200))
                    .col(string_len_null(People::FunctionTitle, 200))
                    .col(string_len_null(People::Email, 254))
                    .col(string_len_null(People::Phone, 50))
                    .col(uuid_null(People::UserId))
                    .col(timestamp_with_time_zone(People::CreatedAt))
                    .col(timestamp_with_time_zone(People::UpdatedAt))
                    .foreign_key(&mut references_municipality(
                        People::Table,
                        People::MunicipalityId,
                    ))
                    .foreign_key(&mut references(
                        People::Table,
                        People::UserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "people_tenant_key",
                People::Table,
                [People::MunicipalityId, People::Id],
            ))
            .await?;
        manager
            .create_index(index(
                "people_user_idx",
                People::Table,
                [People::MunicipalityId, People::UserId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(pk_uuid(Memberships::Id))
                    .col(uuid(Memberships::MunicipalityId))
                    .col(uuid(Memberships::BodyId))
                    .col(uuid(Memberships::PersonId))
                    .col(string_len(Memberships::Role, 32))
                    .col(uuid_null(Memberships::OrganisationId))
                    .col(date(Memberships::TermStart))
                    .col(date_null(Memberships::TermEnd))
                    .col(string_len_null(Memberships::AppointedBy, 100))
                    .col(uuid_null(Memberships::DerivedFrom))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .col(timestamp_with_time_zone(Memberships::UpdatedAt))
                    .foreign_key(&mut references(
                        Memberships::Table,
                        (Memberships::MunicipalityId, Memberships::BodyId),
                        Bodies::Table,
                        (Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut references(
                        Memberships::Table,
                        (Memberships::MunicipalityId, Memberships::PersonId),
                        People::Table,
                        (People::MunicipalityId, People::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut references(
                        Memberships::Table,
                        (Memberships::MunicipalityId, Memberships::OrganisationId),
                        Organisations::Table,
                        (Organisations::MunicipalityId, Organisations::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "memberships_body_idx",
                Memberships::Table,
                [Memberships::MunicipalityId, Memberships::BodyId],
            ))
            .await?;
        manager
            .create_index(index(
                "memberships_person_idx",
                Memberships::Table,
                [Memberships::MunicipalityId, Memberships::PersonId],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RulesOfProcedure::Table)
                    .col(pk_uuid(RulesOfProcedure::Id))
                    .col(uuid(RulesOfProcedure::MunicipalityId))
                    .col(integer(RulesOfProcedure::Version))
                    .col(string_len(RulesOfProcedure::Title, 200))
                    .col(text(RulesOfProcedure::Body))
                    .col(uuid_null(RulesOfProcedure::AdoptedBy))
                    .col(date(RulesOfProcedure::AdoptedOn))
                    .col(string_len_null(RulesOfProcedure::Resolution, 100))
                    .col(date_null(RulesOfProcedure::CouncilInformedOn))
                    .col(timestamp_with_time_zone(RulesOfProcedure::CreatedAt))
                    .foreign_key(&mut references_municipality(
                        RulesOfProcedure::Table,
                        RulesOfProcedure::MunicipalityId,
                    ))
                    .foreign_key(&mut references(
                        RulesOfProcedure::Table,
                        (
                            RulesOfProcedure::MunicipalityId,
                            RulesOfProcedure::AdoptedBy,
                        ),
                        Bodies::Table,
                        (Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "rules_of_procedure_version_key",
                RulesOfProcedure::Table,
                [RulesOfProcedure::MunicipalityId, RulesOfProcedure::Version],
            ))
            .await?;

        for table in [
            "bodies",
            "body_seats",
            "organisations",
            "people",
            "memberships",
            "rules_of_procedure",
        ] {
            tenancy::protect_tenant_table(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            RulesOfProcedure::Table.into_iden(),
            Memberships::Table.into_iden(),
            People::Table.into_iden(),
            Organisations::Table.into_iden(),
            BodySeats::Table.into_iden(),
            Bodies::Table.into_iden(),
        ];
        drop_tables(manager, tables).await
    }
}
