//! Municipalities' applications to funding programmes: written by one tenant, read across the
//! Land by its state office through a [`Scope`], and summed for a programme's budget.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::tenant::{Scope, Tenant, TenantConnection, funding_application};
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

/// A new application, as a municipality sends it; the store gives it its id and time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewApplication {
    pub programme_id: ProgrammeId,
    pub project_title: String,
    pub project_description: String,
    pub funding_year: i32,
    pub requested_amount: i64,
    /// The state it starts in (`requested`).
    pub status: String,
}

/// The states in which an application's granted amount is spent from the budget.
pub const COMMITTED_STATES: [&str; 2] = ["granted", "reported"];

impl From<funding_application::Model> for ApplicationRecord {
    fn from(m: funding_application::Model) -> Self {
        Self {
            id: m.id,
            municipality_id: m.municipality_id,
            programme_id: m.programme_id,
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

/// The row of an application; its tenant is the handle's, whatever the record says.
fn application_row(r: &ApplicationRecord) -> funding_application::New {
    funding_application::New {
        id: r.id,
        programme_id: r.programme_id,
        project_title: r.project_title.clone(),
        project_description: r.project_description.clone(),
        funding_year: r.funding_year,
        requested_amount: r.requested_amount,
        status: r.status.clone(),
        granted_amount: r.granted_amount,
        decided_on: r.decided_on,
        decision_note: r.decision_note.clone(),
        report_due: r.report_due,
        reported_on: r.reported_on,
        created_at: r.created_at,
        updated_at: Utc::now(),
    }
}

/// What a budget has committed: in all, and per funding year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commitments {
    pub total: i64,
    pub by_year: Vec<(i32, i64)>,
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The municipality's applications, newest first.
    pub async fn funding_applications(&self) -> Result<Vec<ApplicationRecord>, StoreError> {
        let query = self
            .rows::<funding_application::Model>()
            .order_by_desc(funding_application::Column::CreatedAt)
            .order_by_desc(funding_application::Column::Id);
        self.records(query).await
    }

    pub async fn funding_application(
        &self,
        id: ApplicationId,
    ) -> Result<Option<ApplicationRecord>, StoreError> {
        let row = self
            .one(self.row_by_id::<funding_application::Model>(id))
            .await?;
        Ok(row.map(Into::into))
    }

    pub async fn insert_funding_application(
        &self,
        new: NewApplication,
    ) -> Result<ApplicationRecord, StoreError> {
        let record = ApplicationRecord {
            id: ApplicationId::generate(),
            municipality_id: self.municipality(),
            programme_id: new.programme_id,
            project_title: new.project_title,
            project_description: new.project_description,
            funding_year: new.funding_year,
            requested_amount: new.requested_amount,
            status: new.status,
            granted_amount: None,
            decided_on: None,
            decision_note: String::new(),
            report_due: None,
            reported_on: None,
            created_at: Utc::now(),
        };
        self.add_row(application_row(&record)).await?;
        Ok(record)
    }

    /// Replaces an application's state and decision; `false` when it is not this tenant's.
    pub async fn update_funding_application(
        &self,
        record: &ApplicationRecord,
    ) -> Result<bool, StoreError> {
        self.changed(self.replace(application_row(record))).await
    }
}

impl<C: TenantConnection> Scope<'_, C> {
    /// The applications of the scope's municipalities to these programmes, oldest first.
    pub async fn funding_applications(
        &self,
        programmes: &[ProgrammeId],
    ) -> Result<Vec<ApplicationRecord>, StoreError> {
        let query = self
            .rows::<funding_application::Model>()
            .filter(funding_application::Column::ProgrammeId.is_in(programmes.iter().copied()))
            .order_by_asc(funding_application::Column::CreatedAt)
            .order_by_asc(funding_application::Column::Id);
        self.records(query).await
    }

    /// What the scope's granted applications take from a programme's budget.
    pub async fn commitments(&self, programme: ProgrammeId) -> Result<Commitments, StoreError> {
        let mut all = self.commitments_of(&[programme]).await?;
        Ok(all.remove(&programme).unwrap_or_default())
    }

    /// What the scope's granted applications take from each of these programmes' budgets, in
    /// one read; a programme without grants has no entry.
    pub async fn commitments_of(
        &self,
        programmes: &[ProgrammeId],
    ) -> Result<HashMap<ProgrammeId, Commitments>, StoreError> {
        use funding_application::Column;
        let query = self
            .rows::<funding_application::Model>()
            .select_only()
            .column(Column::ProgrammeId)
            .column(Column::FundingYear)
            .column_as(Column::GrantedAmount.sum().cast_as("bigint"), "committed")
            .filter(Column::ProgrammeId.is_in(programmes.iter().copied()))
            .filter(Column::Status.is_in(COMMITTED_STATES))
            .group_by(Column::ProgrammeId)
            .group_by(Column::FundingYear)
            .order_by_asc(Column::FundingYear)
            .into_tuple::<(ProgrammeId, i32, Option<i64>)>();
        let rows = self
            .transaction(async |tx| Ok(query.all(tx).await?))
            .await?;
        let mut all: HashMap<ProgrammeId, Commitments> = HashMap::new();
        for (programme, year, sum) in rows {
            let sum = sum.unwrap_or(0);
            let entry = all.entry(programme).or_default();
            entry.total += sum;
            entry.by_year.push((year, sum));
        }
        Ok(all)
    }

    /// Granted funding per municipality of the scope, over all programmes.
    pub(crate) async fn granted_by_municipality(
        &self,
        tx: &impl ConnectionTrait,
    ) -> Result<Vec<(MunicipalityId, i64)>, StoreError> {
        use funding_application::Column;
        let rows: Vec<(MunicipalityId, Option<i64>)> = self
            .rows::<funding_application::Model>()
            .select_only()
            .column(Column::MunicipalityId)
            .column_as(Column::GrantedAmount.sum().cast_as("bigint"), "granted")
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
