//! The council's structure: bodies (Gremien) with their required seats, organisations, people,
//! memberships, and the versions of the rules of procedure (Geschäftsordnung).
//!
//! Every table is tenant-owned. References between them are composite foreign keys that
//! include `municipality_id`, so even a bug cannot make a membership point at another city's
//! body or person.

use sea_orm_migration::prelude::*;

use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum Municipalities {
    Table,
    Id,
}

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

fn id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

fn uuid(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column).uuid().not_null().to_owned()
}

fn text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).not_null().to_owned()
}

fn optional_text(column: impl IntoIden, len: u32) -> ColumnDef {
    ColumnDef::new(column).string_len(len).null().to_owned()
}

fn timestamp(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

/// The tenant's municipality, deleted with it.
fn owned_by_municipality(
    table: impl IntoIden + Clone,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Municipalities::Table, Municipalities::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A reference to a row of the same municipality.
fn same_tenant(
    from: (impl IntoIden + Clone, impl IntoIden, impl IntoIden),
    to: (impl IntoIden + Clone, impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    let (from_table, from_tenant, from_column) = from;
    let (to_table, to_tenant, to_column) = to;
    ForeignKey::create()
        .from_tbl(from_table)
        .from_col(from_tenant)
        .from_col(from_column)
        .to_tbl(to_table)
        .to_col(to_tenant)
        .to_col(to_column)
        .on_delete(on_delete)
        .to_owned()
}

async fn index<const N: usize>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: [DynIden; N],
    unique: bool,
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for column in columns {
        statement.col(column);
    }
    if unique {
        statement.unique();
    }
    manager.create_index(statement).await
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
                    .col(id(Bodies::Id))
                    .col(uuid(Bodies::MunicipalityId))
                    .col(ColumnDef::new(Bodies::ParentId).uuid().null())
                    .col(text(Bodies::Name, 200))
                    .col(text(Bodies::Kind, 32))
                    .col(optional_text(Bodies::OwnKind, 100))
                    .col(optional_text(Bodies::Scope, 16))
                    .col(optional_text(Bodies::District, 100))
                    .col(ColumnDef::new(Bodies::Tasks).text().not_null())
                    .col(optional_text(Bodies::ChairRule, 500))
                    .col(ColumnDef::new(Bodies::MeetingsPerYear).integer().null())
                    .col(ColumnDef::new(Bodies::MinMembers).integer().null())
                    .col(ColumnDef::new(Bodies::MaxMembers).integer().null())
                    .col(ColumnDef::new(Bodies::TermMonths).integer().null())
                    .col(optional_text(Bodies::AppointmentProcedure, 500))
                    .col(ColumnDef::new(Bodies::IsPublic).boolean().not_null())
                    .col(
                        ColumnDef::new(Bodies::ModeratorsAreMembers)
                            .boolean()
                            .not_null(),
                    )
                    .col(ColumnDef::new(Bodies::FoundedOn).date().null())
                    .col(optional_text(Bodies::FoundingResolution, 100))
                    .col(ColumnDef::new(Bodies::DissolvedOn).date().null())
                    .col(optional_text(Bodies::DissolutionResolution, 100))
                    .col(ColumnDef::new(Bodies::Position).integer().not_null())
                    .col(timestamp(Bodies::CreatedAt))
                    .col(timestamp(Bodies::UpdatedAt))
                    .foreign_key(&mut owned_by_municipality(
                        Bodies::Table,
                        Bodies::MunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        // The target of the composite references; it leads with the tenant column.
        index(
            manager,
            "bodies_tenant_key",
            Bodies::Table,
            [Bodies::MunicipalityId.into_iden(), Bodies::Id.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "bodies_parent_idx",
            Bodies::Table,
            [
                Bodies::MunicipalityId.into_iden(),
                Bodies::ParentId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(BodySeats::Table)
                    .col(id(BodySeats::Id))
                    .col(uuid(BodySeats::MunicipalityId))
                    .col(uuid(BodySeats::BodyId))
                    .col(text(BodySeats::Label, 200))
                    .col(text(BodySeats::Sector, 32))
                    .col(ColumnDef::new(BodySeats::Seats).integer().not_null())
                    .foreign_key(&mut same_tenant(
                        (
                            BodySeats::Table,
                            BodySeats::MunicipalityId,
                            BodySeats::BodyId,
                        ),
                        (Bodies::Table, Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "body_seats_body_idx",
            BodySeats::Table,
            [
                BodySeats::MunicipalityId.into_iden(),
                BodySeats::BodyId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(id(Organisations::Id))
                    .col(uuid(Organisations::MunicipalityId))
                    .col(text(Organisations::Name, 200))
                    .col(text(Organisations::Sector, 32))
                    .col(timestamp(Organisations::CreatedAt))
                    .col(timestamp(Organisations::UpdatedAt))
                    .foreign_key(&mut owned_by_municipality(
                        Organisations::Table,
                        Organisations::MunicipalityId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "organisations_tenant_key",
            Organisations::Table,
            [
                Organisations::MunicipalityId.into_iden(),
                Organisations::Id.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "organisations_name_key",
            Organisations::Table,
            [
                Organisations::MunicipalityId.into_iden(),
                Organisations::Name.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(People::Table)
                    .col(id(People::Id))
                    .col(uuid(People::MunicipalityId))
                    .col(text(People::Name, 200))
                    .col(optional_text(People::FunctionTitle, 200))
                    .col(optional_text(People::Email, 254))
                    .col(optional_text(People::Phone, 50))
                    .col(ColumnDef::new(People::UserId).uuid().null())
                    .col(timestamp(People::CreatedAt))
                    .col(timestamp(People::UpdatedAt))
                    .foreign_key(&mut owned_by_municipality(
                        People::Table,
                        People::MunicipalityId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(People::Table, People::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "people_tenant_key",
            People::Table,
            [People::MunicipalityId.into_iden(), People::Id.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "people_user_idx",
            People::Table,
            [
                People::MunicipalityId.into_iden(),
                People::UserId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(id(Memberships::Id))
                    .col(uuid(Memberships::MunicipalityId))
                    .col(uuid(Memberships::BodyId))
                    .col(uuid(Memberships::PersonId))
                    .col(text(Memberships::Role, 32))
                    .col(ColumnDef::new(Memberships::OrganisationId).uuid().null())
                    .col(ColumnDef::new(Memberships::TermStart).date().not_null())
                    .col(ColumnDef::new(Memberships::TermEnd).date().null())
                    .col(optional_text(Memberships::AppointedBy, 100))
                    .col(ColumnDef::new(Memberships::DerivedFrom).uuid().null())
                    .col(timestamp(Memberships::CreatedAt))
                    .col(timestamp(Memberships::UpdatedAt))
                    .foreign_key(&mut same_tenant(
                        (
                            Memberships::Table,
                            Memberships::MunicipalityId,
                            Memberships::BodyId,
                        ),
                        (Bodies::Table, Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_tenant(
                        (
                            Memberships::Table,
                            Memberships::MunicipalityId,
                            Memberships::PersonId,
                        ),
                        (People::Table, People::MunicipalityId, People::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_tenant(
                        (
                            Memberships::Table,
                            Memberships::MunicipalityId,
                            Memberships::OrganisationId,
                        ),
                        (
                            Organisations::Table,
                            Organisations::MunicipalityId,
                            Organisations::Id,
                        ),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "memberships_body_idx",
            Memberships::Table,
            [
                Memberships::MunicipalityId.into_iden(),
                Memberships::BodyId.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "memberships_person_idx",
            Memberships::Table,
            [
                Memberships::MunicipalityId.into_iden(),
                Memberships::PersonId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(RulesOfProcedure::Table)
                    .col(id(RulesOfProcedure::Id))
                    .col(uuid(RulesOfProcedure::MunicipalityId))
                    .col(
                        ColumnDef::new(RulesOfProcedure::Version)
                            .integer()
                            .not_null(),
                    )
                    .col(text(RulesOfProcedure::Title, 200))
                    .col(ColumnDef::new(RulesOfProcedure::Body).text().not_null())
                    .col(ColumnDef::new(RulesOfProcedure::AdoptedBy).uuid().null())
                    .col(
                        ColumnDef::new(RulesOfProcedure::AdoptedOn)
                            .date()
                            .not_null(),
                    )
                    .col(optional_text(RulesOfProcedure::Resolution, 100))
                    .col(
                        ColumnDef::new(RulesOfProcedure::CouncilInformedOn)
                            .date()
                            .null(),
                    )
                    .col(timestamp(RulesOfProcedure::CreatedAt))
                    .foreign_key(&mut owned_by_municipality(
                        RulesOfProcedure::Table,
                        RulesOfProcedure::MunicipalityId,
                    ))
                    .foreign_key(&mut same_tenant(
                        (
                            RulesOfProcedure::Table,
                            RulesOfProcedure::MunicipalityId,
                            RulesOfProcedure::AdoptedBy,
                        ),
                        (Bodies::Table, Bodies::MunicipalityId, Bodies::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "rules_of_procedure_version_key",
            RulesOfProcedure::Table,
            [
                RulesOfProcedure::MunicipalityId.into_iden(),
                RulesOfProcedure::Version.into_iden(),
            ],
            true,
        )
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
        for table in [
            RulesOfProcedure::Table.into_iden(),
            Memberships::Table.into_iden(),
            People::Table.into_iden(),
            Organisations::Table.into_iden(),
            BodySeats::Table.into_iden(),
            Bodies::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
