//! The council's structure as stored: bodies with their seats, organisations, people and
//! memberships, and the versions of the rules of procedure. Values are stored as the domain
//! spells them (`working_group`, `moderator`); `core` parses them.
//!
//! Like every tenant-owned table, these are reached only through a [`Tenant`] handle.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, Statement,
    TransactionSession, TransactionTrait,
};

use crate::entity::{body, body_seat, membership, organisation, person, rules_of_procedure};
use crate::error::classify_unique;
use crate::tenant::Tenant;
use crate::{BodyId, MembershipId, OrganisationId, PersonId, RulesId, StoreError, UserId};

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

/// Everything of a council's structure, loaded together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructureRecord {
    pub bodies: Vec<BodyRecord>,
    pub organisations: Vec<OrganisationRecord>,
    pub people: Vec<PersonRecord>,
    pub memberships: Vec<MembershipRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesData {
    pub title: String,
    pub body: String,
    pub adopted_by: Option<BodyId>,
    pub adopted_on: NaiveDate,
    pub resolution: Option<String>,
    pub council_informed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesRecord {
    pub id: RulesId,
    pub version: i32,
    pub data: RulesData,
}

fn body_record(m: body::Model, seats: Vec<SeatRecord>) -> BodyRecord {
    BodyRecord {
        id: BodyId::from_uuid(m.id),
        data: BodyData {
            parent_id: m.parent_id.map(BodyId::from_uuid),
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
            founded_on: m.founded_on,
            founding_resolution: m.founding_resolution,
            dissolved_on: m.dissolved_on,
            dissolution_resolution: m.dissolution_resolution,
            position: m.position,
            seats,
        },
    }
}

fn membership_record(m: membership::Model) -> MembershipRecord {
    MembershipRecord {
        id: MembershipId::from_uuid(m.id),
        data: MembershipData {
            body_id: BodyId::from_uuid(m.body_id),
            person_id: PersonId::from_uuid(m.person_id),
            role: m.role,
            organisation_id: m.organisation_id.map(OrganisationId::from_uuid),
            term_start: m.term_start,
            term_end: m.term_end,
            appointed_by: m.appointed_by,
            derived_from: m.derived_from.map(MembershipId::from_uuid),
        },
    }
}

fn person_record(m: person::Model) -> PersonRecord {
    PersonRecord {
        id: PersonId::from_uuid(m.id),
        data: PersonData {
            name: m.name,
            function_title: m.function_title,
            email: m.email,
            phone: m.phone,
            user_id: m.user_id.map(UserId::from_uuid),
        },
    }
}

fn rules_record(m: rules_of_procedure::Model) -> RulesRecord {
    RulesRecord {
        id: RulesId::from_uuid(m.id),
        version: m.version,
        data: RulesData {
            title: m.title,
            body: m.body,
            adopted_by: m.adopted_by.map(BodyId::from_uuid),
            adopted_on: m.adopted_on,
            resolution: m.resolution,
            council_informed_on: m.council_informed_on,
        },
    }
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The whole structure in five statements, whatever its size.
    pub async fn structure(&self) -> Result<StructureRecord, StoreError> {
        let tenant = self.municipality().as_uuid();
        let tx = self.begin().await?;
        let bodies = body::Entity::find()
            .filter(body::Column::MunicipalityId.eq(tenant))
            .order_by_asc(body::Column::Position)
            .order_by_asc(body::Column::Id)
            .all(&tx)
            .await?;
        let seats = body_seat::Entity::find()
            .filter(body_seat::Column::MunicipalityId.eq(tenant))
            .order_by_asc(body_seat::Column::Id)
            .all(&tx)
            .await?;
        let organisations = organisation::Entity::find()
            .filter(organisation::Column::MunicipalityId.eq(tenant))
            .order_by_asc(organisation::Column::Name)
            .all(&tx)
            .await?;
        let people = person::Entity::find()
            .filter(person::Column::MunicipalityId.eq(tenant))
            .order_by_asc(person::Column::Name)
            .order_by_asc(person::Column::Id)
            .all(&tx)
            .await?;
        let memberships = membership::Entity::find()
            .filter(membership::Column::MunicipalityId.eq(tenant))
            .order_by_asc(membership::Column::Id)
            .all(&tx)
            .await?;
        tx.commit().await?;

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
            organisations: organisations
                .into_iter()
                .map(|o| OrganisationRecord {
                    id: OrganisationId::from_uuid(o.id),
                    data: OrganisationData {
                        name: o.name,
                        sector: o.sector,
                    },
                })
                .collect(),
            people: people.into_iter().map(person_record).collect(),
            memberships: memberships.into_iter().map(membership_record).collect(),
        })
    }

    /// Serialises changes to one council's structure, so that two concurrent additions cannot
    /// both pass a size limit. SQLite's write transactions are serial already.
    pub async fn lock_structure(&self) -> Result<(), StoreError> {
        let tx = self.begin().await?;
        if tx.get_database_backend() == DbBackend::Postgres {
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                [format!("structure:{}", self.municipality()).into()],
            ))
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    fn body_model(&self, id: BodyId, data: &BodyData) -> body::ActiveModel {
        let now = Utc::now();
        body::ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            parent_id: Set(data.parent_id.map(|p| p.as_uuid())),
            name: Set(data.name.clone()),
            kind: Set(data.kind.clone()),
            own_kind: Set(data.own_kind.clone()),
            scope: Set(data.scope.clone()),
            district: Set(data.district.clone()),
            tasks: Set(data.tasks.clone()),
            chair_rule: Set(data.chair_rule.clone()),
            meetings_per_year: Set(data.meetings_per_year),
            min_members: Set(data.min_members),
            max_members: Set(data.max_members),
            term_months: Set(data.term_months),
            appointment_procedure: Set(data.appointment_procedure.clone()),
            is_public: Set(data.is_public),
            moderators_are_members: Set(data.moderators_are_members),
            founded_on: Set(data.founded_on),
            founding_resolution: Set(data.founding_resolution.clone()),
            dissolved_on: Set(data.dissolved_on),
            dissolution_resolution: Set(data.dissolution_resolution.clone()),
            position: Set(data.position),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }

    async fn replace_seats<T: ConnectionTrait>(
        &self,
        tx: &T,
        body: BodyId,
        seats: &[SeatRecord],
    ) -> Result<(), StoreError> {
        let tenant = self.municipality().as_uuid();
        body_seat::Entity::delete_many()
            .filter(body_seat::Column::MunicipalityId.eq(tenant))
            .filter(body_seat::Column::BodyId.eq(body.as_uuid()))
            .exec(tx)
            .await?;
        if seats.is_empty() {
            return Ok(());
        }
        let rows = seats.iter().map(|s| body_seat::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            municipality_id: Set(tenant),
            body_id: Set(body.as_uuid()),
            label: Set(s.label.clone()),
            sector: Set(s.sector.clone()),
            seats: Set(s.seats),
        });
        body_seat::Entity::insert_many(rows).exec(tx).await?;
        Ok(())
    }

    pub async fn insert_body(&self, data: BodyData) -> Result<BodyRecord, StoreError> {
        let id = BodyId::generate();
        let tx = self.begin().await?;
        body::Entity::insert(self.body_model(id, &data))
            .exec(&tx)
            .await?;
        self.replace_seats(&tx, id, &data.seats).await?;
        tx.commit().await?;
        Ok(BodyRecord { id, data })
    }

    /// Replaces the configuration of a body; `None` when the tenant has no such body.
    pub async fn update_body(
        &self,
        id: BodyId,
        data: BodyData,
    ) -> Result<Option<BodyRecord>, StoreError> {
        let mut model = self.body_model(id, &data);
        model.created_at = NotSet;
        let tx = self.begin().await?;
        let updated = body::Entity::update_many()
            .set(model)
            .filter(body::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(body::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await?
            .rows_affected
            > 0;
        if !updated {
            return Ok(None);
        }
        self.replace_seats(&tx, id, &data.seats).await?;
        tx.commit().await?;
        Ok(Some(BodyRecord { id, data }))
    }

    pub async fn insert_organisation(
        &self,
        data: OrganisationData,
    ) -> Result<OrganisationRecord, StoreError> {
        let id = OrganisationId::generate();
        let now = Utc::now();
        let tx = self.begin().await?;
        organisation::Entity::insert(organisation::ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            name: Set(data.name.clone()),
            sector: Set(data.sector.clone()),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(&tx)
        .await
        .map_err(classify_unique)?;
        tx.commit().await?;
        Ok(OrganisationRecord { id, data })
    }

    pub async fn update_organisation(
        &self,
        id: OrganisationId,
        data: OrganisationData,
    ) -> Result<Option<OrganisationRecord>, StoreError> {
        let tx = self.begin().await?;
        let updated = organisation::Entity::update_many()
            .set(organisation::ActiveModel {
                id: Set(id.as_uuid()),
                municipality_id: Set(self.municipality().as_uuid()),
                name: Set(data.name.clone()),
                sector: Set(data.sector.clone()),
                created_at: NotSet,
                updated_at: Set(Utc::now()),
            })
            .filter(organisation::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(organisation::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await
            .map_err(classify_unique)?
            .rows_affected
            > 0;
        tx.commit().await?;
        Ok(updated.then_some(OrganisationRecord { id, data }))
    }

    fn person_model(&self, id: PersonId, data: &PersonData) -> person::ActiveModel {
        let now = Utc::now();
        person::ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            name: Set(data.name.clone()),
            function_title: Set(data.function_title.clone()),
            email: Set(data.email.clone()),
            phone: Set(data.phone.clone()),
            user_id: Set(data.user_id.map(|u| u.as_uuid())),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }

    pub async fn insert_person(&self, data: PersonData) -> Result<PersonRecord, StoreError> {
        let id = PersonId::generate();
        let tx = self.begin().await?;
        person::Entity::insert(self.person_model(id, &data))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(PersonRecord { id, data })
    }

    pub async fn update_person(
        &self,
        id: PersonId,
        data: PersonData,
    ) -> Result<Option<PersonRecord>, StoreError> {
        let mut model = self.person_model(id, &data);
        model.created_at = NotSet;
        let tx = self.begin().await?;
        let updated = person::Entity::update_many()
            .set(model)
            .filter(person::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(person::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await?
            .rows_affected
            > 0;
        tx.commit().await?;
        Ok(updated.then_some(PersonRecord { id, data }))
    }

    fn membership_model(&self, id: MembershipId, data: &MembershipData) -> membership::ActiveModel {
        let now = Utc::now();
        membership::ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            body_id: Set(data.body_id.as_uuid()),
            person_id: Set(data.person_id.as_uuid()),
            role: Set(data.role.clone()),
            organisation_id: Set(data.organisation_id.map(|o| o.as_uuid())),
            term_start: Set(data.term_start),
            term_end: Set(data.term_end),
            appointed_by: Set(data.appointed_by.clone()),
            derived_from: Set(data.derived_from.map(|d| d.as_uuid())),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }

    pub async fn insert_membership(
        &self,
        data: MembershipData,
    ) -> Result<MembershipRecord, StoreError> {
        let id = MembershipId::generate();
        let tx = self.begin().await?;
        membership::Entity::insert(self.membership_model(id, &data))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(MembershipRecord { id, data })
    }

    pub async fn update_membership(
        &self,
        id: MembershipId,
        data: MembershipData,
    ) -> Result<Option<MembershipRecord>, StoreError> {
        let mut model = self.membership_model(id, &data);
        model.created_at = NotSet;
        let tx = self.begin().await?;
        let updated = membership::Entity::update_many()
            .set(model)
            .filter(membership::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(membership::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await?
            .rows_affected
            > 0;
        tx.commit().await?;
        Ok(updated.then_some(MembershipRecord { id, data }))
    }

    /// Deletes a membership recorded in error; `false` when the tenant has no such one.
    pub async fn delete_membership(&self, id: MembershipId) -> Result<bool, StoreError> {
        let tx = self.begin().await?;
        let deleted = membership::Entity::delete_many()
            .filter(membership::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(membership::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(deleted.rows_affected > 0)
    }

    /// Every version of the rules of procedure, oldest first.
    pub async fn rules_of_procedure(&self) -> Result<Vec<RulesRecord>, StoreError> {
        let tx = self.begin().await?;
        let rows = rules_of_procedure::Entity::find()
            .filter(rules_of_procedure::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .order_by_asc(rules_of_procedure::Column::Version)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(rules_record).collect())
    }

    /// Stores a new version, numbered one above the latest.
    pub async fn insert_rules(&self, data: RulesData) -> Result<RulesRecord, StoreError> {
        let tenant = self.municipality().as_uuid();
        let tx = self.begin().await?;
        let latest = rules_of_procedure::Entity::find()
            .filter(rules_of_procedure::Column::MunicipalityId.eq(tenant))
            .order_by_desc(rules_of_procedure::Column::Version)
            .one(&tx)
            .await?;
        let version = latest.map_or(1, |r| r.version + 1);
        let id = RulesId::generate();
        rules_of_procedure::Entity::insert(rules_of_procedure::ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(tenant),
            version: Set(version),
            title: Set(data.title.clone()),
            body: Set(data.body.clone()),
            adopted_by: Set(data.adopted_by.map(|b| b.as_uuid())),
            adopted_on: Set(data.adopted_on),
            resolution: Set(data.resolution.clone()),
            council_informed_on: Set(data.council_informed_on),
            created_at: Set(Utc::now()),
        })
        .exec(&tx)
        .await?;
        tx.commit().await?;
        Ok(RulesRecord { id, version, data })
    }

    /// Records when the city council was informed of a version.
    pub async fn set_rules_informed(
        &self,
        id: RulesId,
        informed_on: Option<NaiveDate>,
    ) -> Result<bool, StoreError> {
        let tx = self.begin().await?;
        let result = rules_of_procedure::Entity::update_many()
            .col_expr(
                rules_of_procedure::Column::CouncilInformedOn,
                sea_orm::sea_query::Expr::value(informed_on),
            )
            .filter(rules_of_procedure::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(rules_of_procedure::Column::Id.eq(id.as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(result.rows_affected > 0)
    }
}
