//! The tenant-owned tables: those under row-level security on PostgreSQL (see
//! `migrations/src/tenancy.rs`).
//!
//! Each table is a module that shows the rest of the store its `Column` (to filter and order),
//! its `Model` (to read rows) and `New` (a row to insert, without its tenant). The sea-orm
//! entity and active model stay in a private inner module: the rest of the store cannot name
//! them, so every statement on a tenant table starts at [`Tenant`](super::Tenant), which puts
//! the tenant into it.

use sea_orm::EntityTrait;

use crate::MunicipalityId;

/// A table whose rows each belong to one municipality.
pub(crate) trait TenantOwned: EntityTrait {
    fn tenant_column() -> Self::Column;
}

/// A row to insert into a tenant table; the handle adds the tenant.
pub(crate) trait NewRow {
    type Table: TenantOwned;

    /// Columns that record when a row was made, which a replacement leaves as they are.
    const KEPT: &'static [<Self::Table as EntityTrait>::Column];

    fn into_row(self, tenant: MunicipalityId) -> <Self::Table as EntityTrait>::ActiveModel;
}

/// Declares a tenant table from its columns in their order, `@tenant` standing for
/// `municipality_id`, which every tenant table has (with `#[...]` where it is part of the key).
/// The columns are listed once, for the model and for `New`: `@defaulted` ones are left to the
/// database's default on insert, and `keep` names the columns of [`NewRow::KEPT`].
macro_rules! tenant_table {
    (
        $(#[$doc:meta])*
        $module:ident in $table:literal {
            $($(#[$key_attr:meta])* $key:ident: $key_ty:ty,)*
            @tenant $(#[$tenant:meta])?,
            $($(#[$attr:meta])* $field:ident: $ty:ty,)*
            $(@defaulted { $($default:ident: $default_ty:ty,)* }
            $($late:ident: $late_ty:ty,)*)?
        }
        $(keep [$($kept:ident),*])?
    ) => {
        $(#[$doc])*
        pub(crate) mod $module {
            pub(crate) use self::table::{Column, Model, New};

            mod table {
                use sea_orm::ActiveValue::Set;
                use sea_orm::entity::prelude::*;

                use crate::ids::*;
                use crate::tenant::tables::{NewRow, TenantOwned};

                #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
                #[sea_orm(table_name = $table)]
                pub struct Model {
                    $($(#[$key_attr])* pub $key: $key_ty,)*
                    $(#[$tenant])?
                    pub municipality_id: MunicipalityId,
                    $($(#[$attr])* pub $field: $ty,)*
                    $($(pub $default: $default_ty,)* $(pub $late: $late_ty,)*)?
                }

                #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
                pub enum Relation {}

                impl ActiveModelBehavior for ActiveModel {}

                impl TenantOwned for Entity {
                    fn tenant_column() -> Column {
                        Column::MunicipalityId
                    }
                }

                #[derive(Debug)]
                pub struct New {
                    $(pub $key: $key_ty,)*
                    $(pub $field: $ty,)*
                    $($(pub $late: $late_ty,)*)?
                }

                impl NewRow for New {
                    type Table = Entity;

                    const KEPT: &'static [Column] = &[$($(Column::$kept),*)?];

                    fn into_row(self, tenant: MunicipalityId) -> ActiveModel {
                        ActiveModel {
                            $($key: Set(self.$key),)*
                            municipality_id: Set(tenant),
                            $($field: Set(self.$field),)*
                            $(
                                $($default: sea_orm::ActiveValue::NotSet,)*
                                $($late: Set(self.$late),)*
                            )?
                        }
                    }
                }
            }
        }
    };
}

tenant_table! {
    /// A municipality's prevention council; at most one, by a unique tenant column.
    council in "councils" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: CouncilId,
        @tenant,
        name: String,
        founding_resolution: Option<String>,
        founding_date: Option<ChronoDate>,
        @defaulted {
            status: String,
            founding_path: Option<String>,
            structure_template: Option<String>,
            chair_person_id: Option<PersonId>,
            deputy_chair_person_id: Option<PersonId>,
        }
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    /// The steps of a council's founding; the tenant is part of the key.
    founding_step in "founding_steps" {
        @tenant #[sea_orm(primary_key, auto_increment = false)],
        #[sea_orm(primary_key, auto_increment = false)]
        step: String,
        completed_on: Option<ChronoDate>,
        notes: String,
        updated_at: ChronoDateTimeUtc,
    }
}

tenant_table! {
    body in "bodies" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: BodyId,
        @tenant,
        parent_id: Option<BodyId>,
        reports_to_id: Option<BodyId>,
        name: String,
        kind: String,
        own_kind: Option<String>,
        scope: Option<String>,
        district: Option<String>,
        tasks: String,
        chair_rule: Option<String>,
        meetings_per_year: Option<i32>,
        min_members: Option<i32>,
        max_members: Option<i32>,
        term_months: Option<i32>,
        appointment_procedure: Option<String>,
        is_public: bool,
        moderators_are_members: bool,
        moderator_takes_seat: bool,
        founded_on: Option<ChronoDate>,
        founding_resolution: Option<String>,
        dissolved_on: Option<ChronoDate>,
        dissolution_resolution: Option<String>,
        position: i32,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    body_seat in "body_seats" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: Uuid,
        @tenant,
        body_id: BodyId,
        label: String,
        sector: String,
        seats: i32,
    }
}

tenant_table! {
    organisation in "organisations" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: OrganisationId,
        @tenant,
        name: String,
        sector: String,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    person in "people" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: PersonId,
        @tenant,
        name: String,
        function_title: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        user_id: Option<UserId>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    membership in "memberships" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: MembershipId,
        @tenant,
        body_id: BodyId,
        person_id: PersonId,
        role: String,
        organisation_id: Option<OrganisationId>,
        term_start: ChronoDate,
        term_end: Option<ChronoDate>,
        appointed_by: Option<String>,
        derived_from: Option<MembershipId>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    rules_of_procedure in "rules_of_procedure" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: RulesId,
        @tenant,
        version: i32,
        title: String,
        body: String,
        adopted_by: Option<BodyId>,
        adopted_on: ChronoDate,
        resolution: Option<String>,
        council_informed_on: Option<ChronoDate>,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    meeting in "meetings" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: MeetingId,
        @tenant,
        body_id: BodyId,
        title: String,
        starts_on: ChronoDate,
        start_time: Option<String>,
        end_time: Option<String>,
        location: String,
        online_link: Option<String>,
        is_public: bool,
        status: String,
        topic: String,
        number: Option<i32>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
        sequence: i32,
    }
    keep [CreatedAt]
}

tenant_table! {
    agenda_item in "agenda_items" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: AgendaItemId,
        @tenant,
        meeting_id: MeetingId,
        position: i32,
        title: String,
        description: String,
        presenter: Option<String>,
        is_public: bool,
        result: String,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    meeting_participant in "meeting_participants" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: ParticipantId,
        @tenant,
        meeting_id: MeetingId,
        person_id: Option<PersonId>,
        name: String,
        email: Option<String>,
        is_guest: bool,
        invited_at: Option<ChronoDateTimeUtc>,
        token_hash: Option<String>,
        token_expires_on: Option<ChronoDate>,
        response: String,
        responded_at: Option<ChronoDateTimeUtc>,
        attendance: Option<String>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    minutes in "minutes" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: MinutesId,
        @tenant,
        meeting_id: MeetingId,
        version: i32,
        status: String,
        notes: String,
        circulated_at: Option<ChronoDateTimeUtc>,
        approved_on: Option<ChronoDate>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    minutes_entry in "minutes_entries" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: Uuid,
        @tenant,
        minutes_id: MinutesId,
        agenda_item_id: Option<AgendaItemId>,
        position: i32,
        title: String,
        text: String,
    }
}

tenant_table! {
    recommendation in "recommendations" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: RecommendationId,
        @tenant,
        title: String,
        text: String,
        source_body_id: Option<BodyId>,
        source_meeting_id: Option<MeetingId>,
        source_agenda_item_id: Option<AgendaItemId>,
        adopting_body_id: Option<BodyId>,
        addressee: String,
        paper_reference: Option<String>,
        status: String,
        due_on: Option<ChronoDate>,
        answer: String,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    recommendation_step in "recommendation_steps" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: Uuid,
        @tenant,
        recommendation_id: RecommendationId,
        status: String,
        on: ChronoDate,
        note: String,
        recorded_at: ChronoDateTimeUtc,
    }
}

tenant_table! {
    agenda_document in "agenda_documents" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: DocumentId,
        @tenant,
        agenda_item_id: AgendaItemId,
        file_name: String,
        content_type: String,
        size_bytes: i64,
        created_at: ChronoDateTimeUtc,
    }
}

tenant_table! {
    funding_application in "funding_applications" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: ApplicationId,
        @tenant,
        programme_id: ProgrammeId,
        project_title: String,
        project_description: String,
        funding_year: i32,
        requested_amount: i64,
        status: String,
        granted_amount: Option<i64>,
        decided_on: Option<ChronoDate>,
        decision_note: String,
        report_due: Option<ChronoDate>,
        reported_on: Option<ChronoDate>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    support_request in "support_requests" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: SupportRequestId,
        @tenant,
        offer_id: OfferId,
        message: String,
        status: String,
        scheduled_on: Option<ChronoDate>,
        office_note: String,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    practice in "practices" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: PracticeId,
        @tenant,
        title: String,
        problem: String,
        causes: String,
        goals: String,
        measures: String,
        concept: String,
        evaluation: String,
        conclusions: String,
        topics: String,
        target_groups: String,
        settings: String,
        evidence_level: Option<String>,
        duration: String,
        costs: String,
        partners: String,
        funding_programme_id: Option<ProgrammeId>,
        contact: String,
        status: String,
        published_at: Option<ChronoDateTimeUtc>,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    practice_attachment in "practice_attachments" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: AttachmentId,
        @tenant,
        practice_id: PracticeId,
        file_name: String,
        content_type: String,
        size_bytes: i64,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    /// Each of the two municipalities of a conversation keeps its own copy of a message.
    contact_message in "contact_messages" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: Uuid,
        @tenant,
        thread_id: ThreadId,
        other_municipality_id: MunicipalityId,
        practice_id: PracticeId,
        practice_title: String,
        sent: bool,
        sender_name: String,
        body: String,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    /// A field of action of a council's strategy, in the city's own numbering.
    action_field in "action_fields" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: ActionFieldId,
        @tenant,
        code: String,
        name: String,
        description: String,
        position: i32,
    }
}

tenant_table! {
    safety_figure in "safety_figures" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: SafetyFigureId,
        @tenant,
        year: i32,
        area: String,
        kind: String,
        category: String,
        value_milli: i64,
        unit: String,
        source: String,
        is_public: bool,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    hot_spot in "hot_spots" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: HotSpotId,
        @tenant,
        year: i32,
        name: String,
        area: String,
        address: String,
        latitude_micro: Option<i32>,
        longitude_micro: Option<i32>,
        reasons: String,
        is_public: bool,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    demand in "demands" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: DemandId,
        @tenant,
        title: String,
        description: String,
        source_kind: String,
        source: String,
        hot_spot_id: Option<HotSpotId>,
        place: String,
        responsible_body_id: Option<BodyId>,
        responsible: String,
        status: String,
        due_on: Option<ChronoDate>,
        reminded_on: Option<ChronoDate>,
        is_public: bool,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt, RemindedOn]
}

tenant_table! {
    inventory_item in "inventory_items" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: InventoryItemId,
        @tenant,
        kind: String,
        name: String,
        action_field_id: Option<ActionFieldId>,
        practice_id: Option<PracticeId>,
        catalogue_offer_id: Option<CatalogueOfferId>,
        provider: String,
        assessment: String,
        note: String,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    goal in "goals" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: GoalId,
        @tenant,
        action_field_id: Option<ActionFieldId>,
        title: String,
        what: String,
        how: String,
        place: String,
        demand_id: Option<DemandId>,
        adopting_body_id: Option<BodyId>,
        adopted_on: Option<ChronoDate>,
        is_public: bool,
        created_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt]
}

tenant_table! {
    project in "projects" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: ProjectId,
        @tenant,
        title: String,
        description: String,
        goal_id: Option<GoalId>,
        owner_body_id: Option<BodyId>,
        starts_on: Option<ChronoDate>,
        ends_on: Option<ChronoDate>,
        budget_euros: Option<i64>,
        application_id: Option<ApplicationId>,
        status: String,
        evaluated_on: Option<ChronoDate>,
        evaluation: String,
        practice_id: Option<PracticeId>,
        is_public: bool,
        created_at: ChronoDateTimeUtc,
        updated_at: ChronoDateTimeUtc,
    }
    keep [CreatedAt, EvaluatedOn, Evaluation, PracticeId]
}

tenant_table! {
    project_partner in "project_partners" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: Uuid,
        @tenant,
        project_id: ProjectId,
        organisation_id: OrganisationId,
    }
}

tenant_table! {
    indicator in "indicators" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: IndicatorId,
        @tenant,
        project_id: ProjectId,
        position: i32,
        name: String,
        unit: String,
        baseline_milli: i64,
        target_milli: i64,
    }
}

tenant_table! {
    indicator_value in "indicator_values" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: IndicatorValueId,
        @tenant,
        indicator_id: IndicatorId,
        on: ChronoDate,
        value_milli: i64,
        note: String,
    }
}

tenant_table! {
    milestone in "milestones" {
        #[sea_orm(primary_key, auto_increment = false)]
        id: MilestoneId,
        @tenant,
        project_id: ProjectId,
        kind: String,
        title: String,
        due_on: ChronoDate,
        done_on: Option<ChronoDate>,
        reminded_on: Option<ChronoDate>,
    }
    keep [RemindedOn]
}
