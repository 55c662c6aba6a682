//! Good practices: the municipality's own records (tenant-owned) and the shared copies of the
//! published ones that every city reads (the network's read model).

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionSession, TransactionTrait,
};

use crate::entity::{network_practice, practice};
use crate::tenant::Tenant;
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

/// A published practice as every city reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkPracticeRecord {
    pub id: PracticeId,
    pub municipality_id: MunicipalityId,
    pub municipality_name: String,
    pub federal_state: String,
    pub data: PracticeData,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Both tables have the same practice columns; one macro reads them from either model.
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
            funding_programme_id: $m.funding_programme_id.map(ProgrammeId::from_uuid),
            contact: $m.contact,
        }
    };
}

/// And writes them into either active model.
macro_rules! set_practice_data {
    ($active:ident, $d:expr) => {{
        let d = $d;
        $active.title = Set(d.title.clone());
        $active.problem = Set(d.problem.clone());
        $active.causes = Set(d.causes.clone());
        $active.goals = Set(d.goals.clone());
        $active.measures = Set(d.measures.clone());
        $active.concept = Set(d.concept.clone());
        $active.evaluation = Set(d.evaluation.clone());
        $active.conclusions = Set(d.conclusions.clone());
        $active.topics = Set(d.topics.clone());
        $active.target_groups = Set(d.target_groups.clone());
        $active.settings = Set(d.settings.clone());
        $active.evidence_level = Set(d.evidence_level.clone());
        $active.duration = Set(d.duration.clone());
        $active.costs = Set(d.costs.clone());
        $active.partners = Set(d.partners.clone());
        $active.funding_programme_id = Set(d.funding_programme_id.map(|p| p.as_uuid()));
        $active.contact = Set(d.contact.clone());
    }};
}

impl From<practice::Model> for PracticeRecord {
    fn from(m: practice::Model) -> Self {
        Self {
            id: PracticeId::from_uuid(m.id),
            municipality_id: MunicipalityId::from_uuid(m.municipality_id),
            status: m.status.clone(),
            published_at: m.published_at,
            updated_at: m.updated_at,
            data: practice_data!(m),
        }
    }
}

impl From<network_practice::Model> for NetworkPracticeRecord {
    fn from(m: network_practice::Model) -> Self {
        Self {
            id: PracticeId::from_uuid(m.practice_id),
            municipality_id: MunicipalityId::from_uuid(m.municipality_id),
            municipality_name: m.municipality_name.clone(),
            federal_state: m.federal_state.clone(),
            published_at: m.published_at,
            updated_at: m.updated_at,
            data: practice_data!(m),
        }
    }
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The municipality's practices, the latest changed first.
    pub async fn practices(&self) -> Result<Vec<PracticeRecord>, StoreError> {
        let tx = self.begin().await?;
        let rows = practice::Entity::find()
            .filter(practice::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .order_by_desc(practice::Column::UpdatedAt)
            .order_by_desc(practice::Column::Id)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn practice(&self, id: PracticeId) -> Result<Option<PracticeRecord>, StoreError> {
        let tx = self.begin().await?;
        let row = practice::Entity::find_by_id(id.as_uuid())
            .filter(practice::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(Into::into))
    }

    /// Stores a new practice as a draft.
    pub async fn insert_practice(&self, data: &PracticeData) -> Result<PracticeRecord, StoreError> {
        let now = Utc::now();
        let mut active = practice::ActiveModel {
            id: Set(PracticeId::generate().as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            status: Set("draft".to_owned()),
            published_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        set_practice_data!(active, data);
        let tx = self.begin().await?;
        let saved = practice::Entity::insert(active)
            .exec_with_returning(&tx)
            .await?;
        tx.commit().await?;
        Ok(saved.into())
    }

    /// Replaces a practice's fields; `None` when it is not this tenant's.
    pub async fn update_practice(
        &self,
        id: PracticeId,
        data: &PracticeData,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let mut active = practice::ActiveModel {
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        set_practice_data!(active, data);
        self.write_practice(id, active).await
    }

    /// Sets a practice's status (and when it was first published).
    pub async fn set_practice_status(
        &self,
        id: PracticeId,
        status: &str,
        published_at: Option<DateTime<Utc>>,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let active = practice::ActiveModel {
            status: Set(status.to_owned()),
            published_at: published_at.map_or(NotSet, |at| Set(Some(at))),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        self.write_practice(id, active).await
    }

    async fn write_practice(
        &self,
        id: PracticeId,
        active: practice::ActiveModel,
    ) -> Result<Option<PracticeRecord>, StoreError> {
        let tx = self.begin().await?;
        let updated = practice::Entity::update_many()
            .set(active)
            .filter(practice::Column::Id.eq(id.as_uuid()))
            .filter(practice::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .exec_with_returning(&tx)
            .await?;
        tx.commit().await?;
        Ok(updated.into_iter().next().map(Into::into))
    }
}

/// The network's published practices, shared by all tenants.
#[derive(Debug)]
pub struct NetworkPractices<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> NetworkPractices<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    pub async fn get(&self, id: PracticeId) -> Result<Option<NetworkPracticeRecord>, StoreError> {
        Ok(network_practice::Entity::find_by_id(id.as_uuid())
            .one(self.db)
            .await?
            .map(Into::into))
    }

    /// The next `limit` published practices after `after` by id, for streaming all of them.
    pub async fn page_after(
        &self,
        after: Option<PracticeId>,
        limit: u64,
    ) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        let mut query = network_practice::Entity::find()
            .order_by_asc(network_practice::Column::PracticeId)
            .limit(limit);
        if let Some(after) = after {
            query = query.filter(network_practice::Column::PracticeId.gt(after.as_uuid()));
        }
        Ok(query
            .all(self.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Those of `ids` that are published.
    pub async fn get_many(
        &self,
        ids: &[PracticeId],
    ) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        Ok(network_practice::Entity::find()
            .filter(network_practice::Column::PracticeId.is_in(ids.iter().map(|i| i.as_uuid())))
            .all(self.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The ids of a publisher's published practices.
    pub async fn ids_of(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<PracticeId>, StoreError> {
        let ids: Vec<uuid::Uuid> = network_practice::Entity::find()
            .select_only()
            .column(network_practice::Column::PracticeId)
            .filter(network_practice::Column::MunicipalityId.eq(municipality.as_uuid()))
            .into_tuple()
            .all(self.db)
            .await?;
        Ok(ids.into_iter().map(PracticeId::from_uuid).collect())
    }

    /// The newest published first.
    pub async fn list(&self) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        Ok(network_practice::Entity::find()
            .order_by_desc(network_practice::Column::PublishedAt)
            .order_by_asc(network_practice::Column::PracticeId)
            .all(self.db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Publishes a practice or replaces its published copy.
    pub async fn put(&self, record: &NetworkPracticeRecord) -> Result<(), StoreError> {
        let mut active = network_practice::ActiveModel {
            practice_id: Set(record.id.as_uuid()),
            municipality_id: Set(record.municipality_id.as_uuid()),
            municipality_name: Set(record.municipality_name.clone()),
            federal_state: Set(record.federal_state.clone()),
            published_at: Set(record.published_at),
            updated_at: Set(record.updated_at),
            ..Default::default()
        };
        set_practice_data!(active, &record.data);
        let mut columns: Vec<network_practice::Column> = vec![
            network_practice::Column::MunicipalityName,
            network_practice::Column::FederalState,
            network_practice::Column::UpdatedAt,
        ];
        columns.extend([
            network_practice::Column::Title,
            network_practice::Column::Problem,
            network_practice::Column::Causes,
            network_practice::Column::Goals,
            network_practice::Column::Measures,
            network_practice::Column::Concept,
            network_practice::Column::Evaluation,
            network_practice::Column::Conclusions,
            network_practice::Column::Topics,
            network_practice::Column::TargetGroups,
            network_practice::Column::Settings,
            network_practice::Column::EvidenceLevel,
            network_practice::Column::Duration,
            network_practice::Column::Costs,
            network_practice::Column::Partners,
            network_practice::Column::FundingProgrammeId,
            network_practice::Column::Contact,
        ]);
        network_practice::Entity::insert(active)
            .on_conflict(
                OnConflict::column(network_practice::Column::PracticeId)
                    .update_columns(columns)
                    .to_owned(),
            )
            .exec(self.db)
            .await?;
        Ok(())
    }

    /// Takes a practice out of the network; `false` when it was not in it.
    pub async fn remove(&self, id: PracticeId) -> Result<bool, StoreError> {
        let result = network_practice::Entity::delete_many()
            .filter(network_practice::Column::PracticeId.eq(id.as_uuid()))
            .exec(self.db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// Names the publisher anew in its published copies (its name or Land changed).
    pub async fn update_publisher(
        &self,
        municipality: MunicipalityId,
        name: &str,
        federal_state: &str,
    ) -> Result<(), StoreError> {
        network_practice::Entity::update_many()
            .col_expr(
                network_practice::Column::MunicipalityName,
                Expr::value(name),
            )
            .col_expr(
                network_practice::Column::FederalState,
                Expr::value(federal_state),
            )
            .filter(network_practice::Column::MunicipalityId.eq(municipality.as_uuid()))
            .exec(self.db)
            .await?;
        Ok(())
    }
}
