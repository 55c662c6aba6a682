//! A municipality's own good practices (tenant-owned), from draft to published and withdrawn;
//! the published ones are copied into the network's shared read model (see `published.rs`).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, Value};

use crate::tenant::{Tenant, TenantConnection, practice};
use crate::{MunicipalityId, PracticeId, ProgrammeId, StoreError};

/// The fields of a practice, the same in the own record and in the published copy. Lists of
/// the shared vocabulary are comma-separated codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PracticeData {
    pub title: String,
    pub problem: String,
    pub causes: String,
    pub goals: String,
    pub measures: String,
    pub concept: String,
    pub evaluation: String,
    pub conclusions: String,
    pub topics: String,
    pub target_groups: String,
    pub settings: String,
    pub evidence_level: Option<String>,
    pub duration: String,
    pub costs: String,
    pub partners: String,
    pub funding_programme_id: Option<ProgrammeId>,
    /// The functional contact published with the practice (an office, not a person's name).
    pub contact: String,
}

/// A municipality's own practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeRecord {
    pub id: PracticeId,
    pub municipality_id: MunicipalityId,
    pub data: PracticeData,
    /// `draft`, `published` or `withdrawn`.
    pub status: String,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// Both practice tables have the same practice columns; this reads them from either model.
macro_rules! practice_data {
    ($m:expr) => {
        PracticeData {
            title: $m.title,
            problem: $m.problem,
            causes: $m.causes,
            goals: $m.goals,
            measures: $m.measures,
            concept: $m.concept,
            evaluation: $m.evaluation,
            conclusions: $m.conclusions,
            topics: $m.topics,
            target_groups: $m.target_groups,
            settings: $m.settings,
            evidence_level: $m.evidence_level,
            duration: $m.duration,
            costs: $m.costs,
            partners: $m.partners,
            funding_programme_id: $m.funding_programme_id,
            contact: $m.contact,
        }
    };
}

/// And this gives their values for either table (by its module), to update or upsert them.
macro_rules! practice_columns {
    ($table:ident, $d:expr) => {{
        let d: &PracticeData = $d;
        [
            ($table::Column::Title, Value::from(d.title.clone())),
            ($table::Column::Problem, d.problem.clone().into()),
            ($table::Column::Causes, d.causes.clone().into()),
            ($table::Column::Goals, d.goals.clone().into()),
            ($table::Column::Measures, d.measures.clone().into()),
            ($table::Column::Concept, d.concept.clone().into()),
            ($table::Column::Evaluation, d.evaluation.clone().into()),
            ($table::Column::Conclusions, d.conclusions.clone().into()),
            ($table::Column::Topics, d.topics.clone().into()),
            ($table::Column::TargetGroups, d.target_groups.clone().into()),
            ($table::Column::Settings, d.settings.clone().into()),
            (
                $table::Column::EvidenceLevel,
                d.evidence_level.clone().into(),
            ),
            ($table::Column::Duration, d.duration.clone().into()),
            ($table::Column::Costs, d.costs.clone().into()),
            ($table::Column::Partners, d.partners.clone().into()),
            (
                $table::Column::FundingProgrammeId,
                d.funding_programme_id.into(),
            ),
            ($table::Column::Contact, d.contact.clone().into()),
        ]
    }};
}

pub(super) use {practice_columns, practice_data};

impl From<practice::Model> for PracticeRecord {
    fn from(m: practice::Model) -> Self {
        Self {
            id: m.id,
            municipality_id: m.municipality_id,
            status: m.status.clone(),
            published_at: m.published_at,
            updated_at: m.updated_at,
            data: practice_data!(m),
        }
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The municipality's practices, the latest changed first.
    pub async fn practices(&self) -> Result<Vec<PracticeRecord>, StoreError> {
        let query = self
            .rows::<practice::Model>()
            .order_by_desc(practice::Column::UpdatedAt)
            .order_by_desc(practice::Column::Id);
        self.records(query).await
    }

    pub async fn practice(&self, id: PracticeId) -> Result<Option<PracticeRecord>, StoreError> {
        let row = self.one(self.row_by_id::<practice::Model>(id)).await?;
        Ok(row.map(Into::into))
    }

    /// Stores a new practice as a draft.
    pub async fn insert_practice(&self, data: &PracticeData) -> Result<PracticeRecord, StoreError> {
        let now = Utc::now();
        let d = data.clone();
        let row = practice::New {
            id: PracticeId::generate(),
            title: d.title,
            problem: d.problem,
            causes: d.causes,
            goals: d.goals,
            measures: d.measures,
            concept: d.concept,
            evaluation: d.evaluation,
            conclusions: d.conclusions,
            topics: d.topics,
            target_groups: d.target_groups,
            settings: d.settings,
            evidence_level: d.evidence_level,
            duration: d.duration,
            costs: d.costs,
            partners: d.partners,
            funding_programme_id: d.funding_programme_id,
            contact: d.contact,
            status: "draft".to_owned(),
            published_at: None,
            created_at: now,
            updated_at: now,
        };
        let saved = self
            .transaction(async |tx| Ok(self.insert(row).exec_with_returning(tx).await?))
            .await?;
        Ok(saved.into())
    }

    /// Replaces a practice's fields; `None` when it is not this tenant's.
    pub async fn update_practice(
        &self,
        id: PracticeId,
        data: &PracticeData,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let changes = practice_columns!(practice, data)
            .into_iter()
            .chain([(practice::Column::UpdatedAt, Utc::now().into())]);
        self.write_practice(id, changes).await
    }

    /// Sets a practice's status (and when it was first published).
    pub async fn set_practice_status(
        &self,
        id: PracticeId,
        status: &str,
        published_at: Option<DateTime<Utc>>,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let changes = [
            (practice::Column::Status, status.into()),
            (practice::Column::UpdatedAt, Utc::now().into()),
        ]
        .into_iter()
        .chain(published_at.map(|at| (practice::Column::PublishedAt, at.into())));
        self.write_practice(id, changes).await
    }

    async fn write_practice(
        &self,
        id: PracticeId,
        changes: impl IntoIterator<Item = (practice::Column, Value)>,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let update = changes.into_iter().fold(
            self.update::<practice::Model>()
                .filter(practice::Column::Id.eq(id)),
            |update, (column, value)| update.col_expr(column, Expr::value(value)),
        );
        let updated = self
            .transaction(async |tx| Ok(update.exec_with_returning(tx).await?))
            .await?;
        Ok(updated.into_iter().next().map(Into::into))
    }
}
