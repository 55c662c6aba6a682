//! The prevention cycle of a council (Zwickau guide): the security analysis (figures by
//! category and source, hot spots), citizens' demands, the inventory of needs and resources,
//! the strategy (fields of action and their goals), measures and projects with indicators,
//! measured values and milestones, and the projects' evaluation.
//!
//! Measured numbers are stored in thousandths (`…_milli`) and coordinates in millionths of a
//! degree: exact, comparable in SQL on both databases, and free of floating-point equality.
//! Links between records of one strand and the next (a demand's hot spot, a goal's demand, a
//! project's goal) are checked by the application within the tenant, like a recommendation's
//! origin; a project's own parts (partners, indicators, values, milestones) reference it with
//! the tenant in the key and go with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, boolean, date, date_null, integer, integer_null, pk_uuid,
    string_len, text, timestamp_with_time_zone, uuid, uuid_null,
};

use crate::common::{drop_tables, index, references, unique_index};
use crate::tenancy;

#[derive(DeriveIden, Clone, Copy)]
enum ActionFields {
    Table,
    Id,
    MunicipalityId,
    Code,
    Name,
    Description,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum SafetyFigures {
    Table,
    Id,
    MunicipalityId,
    Year,
    Area,
    Kind,
    Category,
    ValueMilli,
    Unit,
    Source,
    IsPublic,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum HotSpots {
    Table,
    Id,
    MunicipalityId,
    Year,
    Name,
    Area,
    Address,
    LatitudeMicro,
    LongitudeMicro,
    Reasons,
    IsPublic,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Demands {
    Table,
    Id,
    MunicipalityId,
    Title,
    Description,
    SourceKind,
    Source,
    HotSpotId,
    Place,
    ResponsibleBodyId,
    Responsible,
    Status,
    DueOn,
    RemindedOn,
    IsPublic,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum InventoryItems {
    Table,
    Id,
    MunicipalityId,
    Kind,
    Name,
    ActionFieldId,
    PracticeId,
    CatalogueOfferId,
    Provider,
    Assessment,
    Note,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Goals {
    Table,
    Id,
    MunicipalityId,
    ActionFieldId,
    Title,
    What,
    How,
    Place,
    DemandId,
    AdoptingBodyId,
    AdoptedOn,
    IsPublic,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Projects {
    Table,
    Id,
    MunicipalityId,
    Title,
    Description,
    GoalId,
    OwnerBodyId,
    StartsOn,
    EndsOn,
    BudgetEuros,
    ApplicationId,
    Status,
    EvaluatedOn,
    Evaluation,
    PracticeId,
    IsPublic,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjectPartners {
    Table,
    Id,
    MunicipalityId,
    ProjectId,
    OrganisationId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Indicators {
    Table,
    Id,
    MunicipalityId,
    ProjectId,
    Position,
    Name,
    Unit,
    BaselineMilli,
    TargetMilli,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorValues {
    Table,
    Id,
    MunicipalityId,
    IndicatorId,
    On,
    ValueMilli,
    Note,
}

#[derive(DeriveIden, Clone, Copy)]
enum Milestones {
    Table,
    Id,
    MunicipalityId,
    ProjectId,
    Kind,
    Title,
    DueOn,
    DoneOn,
    RemindedOn,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The unique `(municipality_id, id)` key that references within the tenant point at.
async fn tenant_key<T: IntoIden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    id: T,
    tenant: T,
) -> Result<(), DbErr> {
    manager
        .create_index(unique_index(name, table, [tenant, id]))
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ActionFields as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .col(pk_uuid(F::Id))
                    .col(uuid(F::MunicipalityId))
                    // The city's own numbering, e.g. Chemnitz's "I" to "IV".
                    .col(string_len(F::Code, 20))
                    .col(string_len(F::Name, 200))
                    .col(text(F::Description))
                    .col(integer(F::Position))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "action_fields_tenant_key",
            F::Table,
            F::Id,
            F::MunicipalityId,
        )
        .await?;
        tenancy::protect_tenant_table(manager, "action_fields").await?;

        use SafetyFigures as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(pk_uuid(S::Id))
                    .col(uuid(S::MunicipalityId))
                    .col(integer(S::Year))
                    // The city, or one of its districts.
                    .col(string_len(S::Area, 200))
                    // `crime` (an objective figure) or `survey` (the feeling of safety).
                    .col(string_len(S::Kind, 12))
                    .col(string_len(S::Category, 200))
                    .col(big_integer(S::ValueMilli))
                    .col(string_len(S::Unit, 40))
                    // E.g. "Polizeiliche Kriminalstatistik 2025".
                    .col(string_len(S::Source, 300))
                    .col(boolean(S::IsPublic))
                    .col(timestamp_with_time_zone(S::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "safety_figures_year_idx",
                S::Table,
                [S::MunicipalityId, S::Year],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "safety_figures").await?;

        use HotSpots as H;
        manager
            .create_table(
                Table::create()
                    .table(H::Table)
                    .col(pk_uuid(H::Id))
                    .col(uuid(H::MunicipalityId))
                    .col(integer(H::Year))
                    .col(string_len(H::Name, 200))
                    .col(string_len(H::Area, 200))
                    .col(string_len(H::Address, 300))
                    .col(integer_null(H::LatitudeMicro))
                    .col(integer_null(H::LongitudeMicro))
                    // What makes it hot: dark paths, drug dealing, fear at night.
                    .col(text(H::Reasons))
                    .col(boolean(H::IsPublic))
                    .col(timestamp_with_time_zone(H::CreatedAt))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "hot_spots_tenant_key",
            H::Table,
            H::Id,
            H::MunicipalityId,
        )
        .await?;
        tenancy::protect_tenant_table(manager, "hot_spots").await?;

        use Demands as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(pk_uuid(D::Id))
                    .col(uuid(D::MunicipalityId))
                    .col(string_len(D::Title, 300))
                    .col(text(D::Description))
                    // `survey`, `petition`, `resolution` or `other`.
                    .col(string_len(D::SourceKind, 12))
                    .col(string_len(D::Source, 300))
                    .col(uuid_null(D::HotSpotId))
                    .col(string_len(D::Place, 300))
                    .col(uuid_null(D::ResponsibleBodyId))
                    // Who outside the council answers for it, e.g. "Ordnungsamt".
                    .col(string_len(D::Responsible, 200))
                    // `open`, `in_progress`, `done` or `rejected`.
                    .col(string_len(D::Status, 12))
                    .col(date_null(D::DueOn))
                    // The day the reminder went out, so that replicas send it once.
                    .col(date_null(D::RemindedOn))
                    .col(boolean(D::IsPublic))
                    .col(timestamp_with_time_zone(D::CreatedAt))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "demands_tenant_key",
            D::Table,
            D::Id,
            D::MunicipalityId,
        )
        .await?;
        manager
            .create_index(index(
                "demands_due_idx",
                D::Table,
                [D::MunicipalityId, D::Status, D::DueOn],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "demands").await?;
        // The reminder job finds what falls due across the municipalities in one read.
        tenancy::allow_scoped_reads(manager, "demands").await?;

        use InventoryItems as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .col(pk_uuid(I::Id))
                    .col(uuid(I::MunicipalityId))
                    // `offer`, `project`, `initiative` or `body`.
                    .col(string_len(I::Kind, 12))
                    .col(string_len(I::Name, 300))
                    .col(uuid_null(I::ActionFieldId))
                    // The city's own practice, or an offer of the network's catalogue.
                    .col(uuid_null(I::PracticeId))
                    .col(uuid_null(I::CatalogueOfferId))
                    .col(string_len(I::Provider, 200))
                    // `covered`, `gap` or `overlap`.
                    .col(string_len(I::Assessment, 12))
                    .col(text(I::Note))
                    .col(timestamp_with_time_zone(I::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "inventory_items_field_idx",
                I::Table,
                [I::MunicipalityId, I::ActionFieldId],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "inventory_items").await?;

        use Goals as G;
        manager
            .create_table(
                Table::create()
                    .table(G::Table)
                    .col(pk_uuid(G::Id))
                    .col(uuid(G::MunicipalityId))
                    .col(uuid_null(G::ActionFieldId))
                    .col(string_len(G::Title, 300))
                    // What, how and where (the strategy's three questions).
                    .col(text(G::What))
                    .col(text(G::How))
                    .col(string_len(G::Place, 300))
                    .col(uuid_null(G::DemandId))
                    .col(uuid_null(G::AdoptingBodyId))
                    .col(date_null(G::AdoptedOn))
                    .col(boolean(G::IsPublic))
                    .col(timestamp_with_time_zone(G::CreatedAt))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "goals_tenant_key",
            G::Table,
            G::Id,
            G::MunicipalityId,
        )
        .await?;
        tenancy::protect_tenant_table(manager, "goals").await?;

        use Projects as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(pk_uuid(P::Id))
                    .col(uuid(P::MunicipalityId))
                    .col(string_len(P::Title, 300))
                    .col(text(P::Description))
                    .col(uuid_null(P::GoalId))
                    // The body or working group that runs it.
                    .col(uuid_null(P::OwnerBodyId))
                    .col(date_null(P::StartsOn))
                    .col(date_null(P::EndsOn))
                    .col(big_integer_null(P::BudgetEuros))
                    // Its funding: an application to a programme of the state office.
                    .col(uuid_null(P::ApplicationId))
                    // `planned`, `running`, `completed` or `stopped`.
                    .col(string_len(P::Status, 12))
                    .col(date_null(P::EvaluatedOn))
                    .col(text(P::Evaluation))
                    // The good practice it became in the network.
                    .col(uuid_null(P::PracticeId))
                    .col(boolean(P::IsPublic))
                    .col(timestamp_with_time_zone(P::CreatedAt))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "projects_tenant_key",
            P::Table,
            P::Id,
            P::MunicipalityId,
        )
        .await?;
        tenancy::protect_tenant_table(manager, "projects").await?;

        use ProjectPartners as PP;
        manager
            .create_table(
                Table::create()
                    .table(PP::Table)
                    .col(pk_uuid(PP::Id))
                    .col(uuid(PP::MunicipalityId))
                    .col(uuid(PP::ProjectId))
                    .col(uuid(PP::OrganisationId))
                    .foreign_key(&mut references(
                        PP::Table,
                        (PP::MunicipalityId, PP::ProjectId),
                        P::Table,
                        (P::MunicipalityId, P::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique_index(
                "project_partners_key",
                PP::Table,
                [PP::MunicipalityId, PP::ProjectId, PP::OrganisationId],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "project_partners").await?;

        use Indicators as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .col(pk_uuid(N::Id))
                    .col(uuid(N::MunicipalityId))
                    .col(uuid(N::ProjectId))
                    .col(integer(N::Position))
                    .col(string_len(N::Name, 200))
                    .col(string_len(N::Unit, 40))
                    .col(big_integer(N::BaselineMilli))
                    .col(big_integer(N::TargetMilli))
                    .foreign_key(&mut references(
                        N::Table,
                        (N::MunicipalityId, N::ProjectId),
                        P::Table,
                        (P::MunicipalityId, P::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        tenant_key(
            manager,
            "indicators_tenant_key",
            N::Table,
            N::Id,
            N::MunicipalityId,
        )
        .await?;
        tenancy::protect_tenant_table(manager, "indicators").await?;

        use IndicatorValues as V;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .col(pk_uuid(V::Id))
                    .col(uuid(V::MunicipalityId))
                    .col(uuid(V::IndicatorId))
                    .col(date(V::On))
                    .col(big_integer(V::ValueMilli))
                    .col(string_len(V::Note, 300))
                    .foreign_key(&mut references(
                        V::Table,
                        (V::MunicipalityId, V::IndicatorId),
                        N::Table,
                        (N::MunicipalityId, N::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "indicator_values_idx",
                V::Table,
                [V::MunicipalityId, V::IndicatorId, V::On],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "indicator_values").await?;

        use Milestones as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(pk_uuid(M::Id))
                    .col(uuid(M::MunicipalityId))
                    .col(uuid(M::ProjectId))
                    // `milestone` or `interim_report` (to the city council, by a date).
                    .col(string_len(M::Kind, 16))
                    .col(string_len(M::Title, 300))
                    .col(date(M::DueOn))
                    .col(date_null(M::DoneOn))
                    // The day the reminder went out, so that replicas send it once.
                    .col(date_null(M::RemindedOn))
                    .foreign_key(&mut references(
                        M::Table,
                        (M::MunicipalityId, M::ProjectId),
                        P::Table,
                        (P::MunicipalityId, P::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "milestones_due_idx",
                M::Table,
                [M::MunicipalityId, M::ProjectId, M::DueOn],
            ))
            .await?;
        tenancy::protect_tenant_table(manager, "milestones").await?;
        tenancy::allow_scoped_reads(manager, "milestones").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            [
                "milestones",
                "indicator_values",
                "indicators",
                "project_partners",
                "projects",
                "goals",
                "inventory_items",
                "demands",
                "hot_spots",
                "safety_figures",
                "action_fields",
            ]
            .map(Alias::new),
        )
        .await
    }
}
