//! Funding programmes, shared by all tenants: a programme belongs to the Land whose state
//! office publishes it.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, Statement,
};

use super::entity::funding_programme::{self, ActiveModel, Column, Entity};
use crate::{ProgrammeId, StoreError};

/// A programme's fields; amounts in whole euros.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeData {
    pub federal_state: String,
    pub name: String,
    pub provider: String,
    pub total_budget: i64,
    pub yearly_budget: Option<i64>,
    /// One field of action per line.
    pub fields_of_action: String,
    pub eligible_applicants: String,
    pub funding_rate_percent: Option<i32>,
    pub min_amount: Option<i64>,
    pub max_amount: Option<i64>,
    pub deadline: Option<NaiveDate>,
    pub procedure: String,
    pub contact: String,
    /// One document (title or address) per line.
    pub documents: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeRecord {
    pub id: ProgrammeId,
    pub data: ProgrammeData,
    pub updated_at: DateTime<Utc>,
}

fn record(m: funding_programme::Model) -> ProgrammeRecord {
    ProgrammeRecord {
        id: m.id,
        updated_at: m.updated_at,
        data: ProgrammeData {
            federal_state: m.federal_state,
            name: m.name,
            provider: m.provider,
            total_budget: m.total_budget,
            yearly_budget: m.yearly_budget,
            fields_of_action: m.fields_of_action,
            eligible_applicants: m.eligible_applicants,
            funding_rate_percent: m.funding_rate_percent,
            min_amount: m.min_amount,
            max_amount: m.max_amount,
            deadline: m.deadline,
            procedure: m.procedure,
            contact: m.contact,
            documents: m.documents,
        },
    }
}

fn model(id: ProgrammeId, d: &ProgrammeData) -> ActiveModel {
    let now = Utc::now();
    ActiveModel {
        id: Set(id),
        federal_state: Set(d.federal_state.clone()),
        name: Set(d.name.clone()),
        provider: Set(d.provider.clone()),
        total_budget: Set(d.total_budget),
        yearly_budget: Set(d.yearly_budget),
        fields_of_action: Set(d.fields_of_action.clone()),
        eligible_applicants: Set(d.eligible_applicants.clone()),
        funding_rate_percent: Set(d.funding_rate_percent),
        min_amount: Set(d.min_amount),
        max_amount: Set(d.max_amount),
        deadline: Set(d.deadline),
        procedure: Set(d.procedure.clone()),
        contact: Set(d.contact.clone()),
        documents: Set(d.documents.clone()),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Access to the programmes.
#[derive(Debug)]
pub struct FundingProgrammes<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> FundingProgrammes<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// The programmes of a Land, or of all, by name.
    pub async fn list(
        &self,
        federal_state: Option<&str>,
    ) -> Result<Vec<ProgrammeRecord>, StoreError> {
        let mut query = Entity::find()
            .order_by_asc(Column::Name)
            .order_by_asc(Column::Id);
        if let Some(state) = federal_state {
            query = query.filter(Column::FederalState.eq(state));
        }
        Ok(query.all(self.db).await?.into_iter().map(record).collect())
    }

    pub async fn get(&self, id: ProgrammeId) -> Result<Option<ProgrammeRecord>, StoreError> {
        Ok(Entity::find_by_id(id).one(self.db).await?.map(record))
    }

    /// Serialises the grants of one programme until the transaction ends, so that two grants
    /// at once cannot both fit a budget that has room for one. (SQLite's write transactions
    /// are serialised already.)
    pub async fn lock(&self, id: ProgrammeId) -> Result<(), StoreError> {
        if self.db.get_database_backend() == DbBackend::Postgres {
            self.db
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                    [format!("programme:{id}").into()],
                ))
                .await?;
        }
        Ok(())
    }

    pub async fn insert(&self, data: ProgrammeData) -> Result<ProgrammeRecord, StoreError> {
        let id = ProgrammeId::generate();
        Ok(record(
            Entity::insert(model(id, &data))
                .exec_with_returning(self.db)
                .await?,
        ))
    }

    /// Replaces a programme's fields; `None` when there is no such programme.
    pub async fn update(
        &self,
        id: ProgrammeId,
        data: ProgrammeData,
    ) -> Result<Option<ProgrammeRecord>, StoreError> {
        let mut active = model(id, &data);
        active.created_at = NotSet;
        Ok(Entity::update_many()
            .set(active)
            .filter(Column::Id.eq(id))
            .exec_with_returning(self.db)
            .await?
            .into_iter()
            .next()
            .map(record))
    }
}
