//! Municipalities' applications to funding programmes: written by one tenant, read across the
//! Land by its state office through a [`Scope`], and summed for a programme's budget.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::entity::funding_application::{self, ActiveModel, Column, Entity};
use crate::scope::Scope;
use crate::tenant::Tenant;
use crate::{ApplicationId, MunicipalityId, ProgrammeId, StoreError};

/// An application as stored; amounts in whole euros.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationRecord {
    pub id: ApplicationId,
    pub municipality_id: MunicipalityId,
    pub programme_id: ProgrammeId,
    pub project_title: String,
    pub project_description: String,
    pub funding_year: i32,
    pub requested_amount: i64,
    /// `requested`, `granted`, `rejected`, `reported` or `withdrawn`.
    pub status: String,
    pub granted_amount: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    pub decision_note: String,
    pub report_due: Option<NaiveDate>,
    pub reported_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// The states in which an application's granted amount is spent from the budget.
pub const COMMITTED_STATES: [&str; 2] = ["granted", "reported"];

impl From<funding_application::Model> for ApplicationRecord {
    fn from(m: funding_application::Model) -> Self {
        Self {
            id: ApplicationId::from_uuid(m.id),
            municipality_id: MunicipalityId::from_uuid(m.municipality_id),
            programme_id: ProgrammeId::from_uuid(m.programme_id),
            project_title: m.project_title,
            project_description: m.project_description,
            funding_year: m.funding_year,
            requested_amount: m.requested_amount,
            status: m.status,
            granted_amount: m.granted_amount,
            decided_on: m.decided_on,
            decision_note: m.decision_note,
            report_due: m.report_due,
            reported_on: m.reported_on,
            created_at: m.created_at,
        }
    }
}

/// What a budget has committed: in all, and per funding year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commitments {
    pub total: i64,
    pub by_year: Vec<(i32, i64)>,
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The municipality's applications, newest first.
    pub async fn funding_applications(&self) -> Result<Vec<ApplicationRecord>, StoreError> {
        let tx = self.begin().await?;
        let rows = Entity::find()
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .order_by_desc(Column::CreatedAt)
            .order_by_desc(Column::Id)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn funding_application(
        &self,
        id: ApplicationId,
    ) -> Result<Option<ApplicationRecord>, StoreError> {
        let tx = self.begin().await?;
        let row = Entity::find_by_id(id.as_uuid())
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(Into::into))
    }

    /// Stores a new application (`record.id` is ignored and generated).
    pub async fn insert_funding_application(
        &self,
        record: ApplicationRecord,
    ) -> Result<ApplicationRecord, StoreError> {
        let record = ApplicationRecord {
            id: ApplicationId::generate(),
            municipality_id: self.municipality(),
            ..record
        };
        let tx = self.begin().await?;
        Entity::insert(self.application_model(&record))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Replaces an application's state and decision; `false` when it is not this tenant's.
    pub async fn update_funding_application(
        &self,
        record: &ApplicationRecord,
    ) -> Result<bool, StoreError> {
        let mut model = self.application_model(record);
        model.id = NotSet;
        model.created_at = NotSet;
        let tx = self.begin().await?;
        let result = Entity::update_many()
            .set(model)
            .filter(Column::Id.eq(record.id.as_uuid()))
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(result.rows_affected > 0)
    }

    fn application_model(&self, r: &ApplicationRecord) -> ActiveModel {
        ActiveModel {
            id: Set(r.id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            programme_id: Set(r.programme_id.as_uuid()),
            project_title: Set(r.project_title.clone()),
            project_description: Set(r.project_description.clone()),
            funding_year: Set(r.funding_year),
            requested_amount: Set(r.requested_amount),
            status: Set(r.status.clone()),
            granted_amount: Set(r.granted_amount),
            decided_on: Set(r.decided_on),
            decision_note: Set(r.decision_note.clone()),
            report_due: Set(r.report_due),
            reported_on: Set(r.reported_on),
            created_at: Set(r.created_at),
            updated_at: Set(Utc::now()),
        }
    }
}

impl<C: ConnectionTrait + TransactionTrait> Scope<'_, C> {
    /// The applications of the scope's municipalities, to one programme or to all, oldest
    /// first.
    pub async fn funding_applications(
        &self,
        programme: Option<ProgrammeId>,
    ) -> Result<Vec<ApplicationRecord>, StoreError> {
        let tx = self.begin().await?;
        let mut query = Entity::find()
            .filter(self.covers(Column::MunicipalityId))
            .order_by_asc(Column::CreatedAt)
            .order_by_asc(Column::Id);
        if let Some(programme) = programme {
            query = query.filter(Column::ProgrammeId.eq(programme.as_uuid()));
        }
        let rows = query.all(&tx).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// What the scope's granted applications take from a programme's budget.
    pub async fn commitments(&self, programme: ProgrammeId) -> Result<Commitments, StoreError> {
        let tx = self.begin().await?;
        let rows: Vec<(i32, Option<i64>)> = Entity::find()
            .select_only()
            .column(Column::FundingYear)
            .column_as(Column::GrantedAmount.sum().cast_as("bigint"), "committed")
            .filter(self.covers(Column::MunicipalityId))
            .filter(Column::ProgrammeId.eq(programme.as_uuid()))
            .filter(Column::Status.is_in(COMMITTED_STATES))
            .group_by(Column::FundingYear)
            .order_by_asc(Column::FundingYear)
            .into_tuple()
            .all(&tx)
            .await?;
        tx.commit().await?;
        let by_year: Vec<(i32, i64)> = rows
            .into_iter()
            .map(|(year, sum)| (year, sum.unwrap_or(0)))
            .collect();
        Ok(Commitments {
            total: by_year.iter().map(|(_, sum)| sum).sum(),
            by_year,
        })
    }

    /// Granted funding per municipality of the scope, over all programmes.
    pub(crate) async fn granted_by_municipality(
        &self,
        tx: &impl ConnectionTrait,
    ) -> Result<Vec<(Uuid, i64)>, StoreError> {
        let rows: Vec<(Uuid, Option<i64>)> = Entity::find()
            .select_only()
            .column(Column::MunicipalityId)
            .column_as(Column::GrantedAmount.sum().cast_as("bigint"), "granted")
            .filter(self.covers(Column::MunicipalityId))
            .filter(Column::Status.is_in(COMMITTED_STATES))
            .group_by(Column::MunicipalityId)
            .into_tuple()
            .all(tx)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, sum)| (id, sum.unwrap_or(0)))
            .collect())
    }
}
