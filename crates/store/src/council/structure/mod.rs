//! The council's structure as stored: bodies with their seats, organisations, people and
//! memberships, and the versions of the rules of procedure. Values are stored as the domain
//! spells them (`working_group`, `moderator`); `core` parses them.

mod bodies;
mod members;
mod rules;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, QueryOrder, QueryResult, QueryTrait, Statement};

pub use rules::{RulesData, RulesRecord};

use crate::tenant::{
    Tenant, TenantConnection, body, body_seat, membership, models, organisation, person,
};
use crate::{BodyId, MembershipId, OrganisationId, PersonId, StoreError, UserId};

/// A required seat of a body, e.g. one from the police.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatRecord {
    pub label: String,
    pub sector: String,
    pub seats: i32,
}

/// The configurable fields of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyData {
    pub parent_id: Option<BodyId>,
    /// Another body this one reports to than the one it is placed under.
    pub reports_to_id: Option<BodyId>,
    pub name: String,
    pub kind: String,
    pub own_kind: Option<String>,
    pub scope: Option<String>,
    pub district: Option<String>,
    pub tasks: String,
    pub chair_rule: Option<String>,
    pub meetings_per_year: Option<i32>,
    pub min_members: Option<i32>,
    pub max_members: Option<i32>,
    pub term_months: Option<i32>,
    pub appointment_procedure: Option<String>,
    pub is_public: bool,
    pub moderators_are_members: bool,
    /// For a working group: its moderator sits in the bodies that take moderators.
    pub moderator_takes_seat: bool,
    pub founded_on: Option<NaiveDate>,
    pub founding_resolution: Option<String>,
    pub dissolved_on: Option<NaiveDate>,
    pub dissolution_resolution: Option<String>,
    pub position: i32,
    pub seats: Vec<SeatRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyRecord {
    pub id: BodyId,
    pub data: BodyData,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationData {
    pub name: String,
    pub sector: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub id: OrganisationId,
    pub data: OrganisationData,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonData {
    pub name: String,
    pub function_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub user_id: Option<UserId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRecord {
    pub id: PersonId,
    pub data: PersonData,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MembershipData {
    pub body_id: BodyId,
    pub person_id: PersonId,
    pub role: String,
    pub organisation_id: Option<OrganisationId>,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    pub appointed_by: Option<String>,
    /// The membership this one follows from (a moderator's seat in the steering group).
    pub derived_from: Option<MembershipId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MembershipRecord {
    pub id: MembershipId,
    pub data: MembershipData,
}

/// What an import adds to a structure at once. The ids are the caller's, so that new
/// memberships can name new people and organisations before any of them is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewMembers {
    pub organisations: Vec<OrganisationRecord>,
    pub people: Vec<PersonRecord>,
    pub memberships: Vec<MembershipRecord>,
}

/// Everything of a council's structure, loaded together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructureRecord {
    pub bodies: Vec<BodyRecord>,
    pub organisations: Vec<OrganisationRecord>,
    pub people: Vec<PersonRecord>,
    pub memberships: Vec<MembershipRecord>,
}

fn body_record(m: body::Model, seats: Vec<SeatRecord>) -> BodyRecord {
    BodyRecord {
        id: m.id,
        data: BodyData {
            parent_id: m.parent_id,
            reports_to_id: m.reports_to_id,
            name: m.name,
            kind: m.kind,
            own_kind: m.own_kind,
            scope: m.scope,
            district: m.district,
            tasks: m.tasks,
            chair_rule: m.chair_rule,
            meetings_per_year: m.meetings_per_year,
            min_members: m.min_members,
            max_members: m.max_members,
            term_months: m.term_months,
            appointment_procedure: m.appointment_procedure,
            is_public: m.is_public,
            moderators_are_members: m.moderators_are_members,
            moderator_takes_seat: m.moderator_takes_seat,
            founded_on: m.founded_on,
            founding_resolution: m.founding_resolution,
            dissolved_on: m.dissolved_on,
            dissolution_resolution: m.dissolution_resolution,
            position: m.position,
            seats,
        },
    }
}

impl From<organisation::Model> for OrganisationRecord {
    fn from(m: organisation::Model) -> Self {
        OrganisationRecord {
            id: m.id,
            data: OrganisationData {
                name: m.name,
                sector: m.sector,
            },
        }
    }
}

impl From<person::Model> for PersonRecord {
    fn from(m: person::Model) -> Self {
        PersonRecord {
            id: m.id,
            data: PersonData {
                name: m.name,
                function_title: m.function_title,
                email: m.email,
                phone: m.phone,
                user_id: m.user_id,
            },
        }
    }
}

impl From<membership::Model> for MembershipRecord {
    fn from(m: membership::Model) -> Self {
        MembershipRecord {
            id: m.id,
            data: MembershipData {
                body_id: m.body_id,
                person_id: m.person_id,
                role: m.role,
                organisation_id: m.organisation_id,
                term_start: m.term_start,
                term_end: m.term_end,
                appointed_by: m.appointed_by,
                derived_from: m.derived_from,
            },
        }
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The whole structure in five statements, whatever its size, read together (on
    /// PostgreSQL in one round trip).
    pub async fn structure(&self) -> Result<StructureRecord, StoreError> {
        let groups = self
            .all_together(vec![
                self.rows::<body::Model>()
                    .order_by_asc(body::Column::Position)
                    .order_by_asc(body::Column::Id)
                    .into_query(),
                self.rows::<body_seat::Model>()
                    .order_by_asc(body_seat::Column::Id)
                    .into_query(),
                self.rows::<organisation::Model>()
                    .order_by_asc(organisation::Column::Name)
                    .into_query(),
                self.rows::<person::Model>()
                    .order_by_asc(person::Column::Name)
                    .order_by_asc(person::Column::Id)
                    .into_query(),
                self.rows::<membership::Model>()
                    .order_by_asc(membership::Column::Id)
                    .into_query(),
            ])
            .await?;
        let Ok([bodies, seats, organisations, people, memberships]) =
            <[Vec<QueryResult>; 5]>::try_from(groups)
        else {
            return Err(StoreError::Corrupt(
                "the structure's five reads did not answer five times".into(),
            ));
        };
        let bodies: Vec<body::Model> = models(bodies)?;
        let seats: Vec<body_seat::Model> = models(seats)?;
        let organisations: Vec<organisation::Model> = models(organisations)?;
        let people: Vec<person::Model> = models(people)?;
        let memberships: Vec<membership::Model> = models(memberships)?;
        let bodies = bodies
            .into_iter()
            .map(|b| {
                let own = seats
                    .iter()
                    .filter(|s| s.body_id == b.id)
                    .map(|s| SeatRecord {
                        label: s.label.clone(),
                        sector: s.sector.clone(),
                        seats: s.seats,
                    })
                    .collect();
                body_record(b, own)
            })
            .collect();
        Ok(StructureRecord {
            bodies,
            organisations: organisations.into_iter().map(Into::into).collect(),
            people: people.into_iter().map(Into::into).collect(),
            memberships: memberships.into_iter().map(Into::into).collect(),
        })
    }

    /// Serialises changes to one council's structure, so that two concurrent additions cannot
    /// both pass a size limit. SQLite's write transactions are serial already.
    pub async fn lock_structure(&self) -> Result<(), StoreError> {
        let key = format!("structure:{}", self.municipality());
        self.transaction(async |tx| {
            if tx.get_database_backend() == DbBackend::Postgres {
                tx.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                    [key.into()],
                ))
                .await?;
            }
            Ok(())
        })
        .await
    }
}
