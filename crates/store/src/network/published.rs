//! The network's read model: a copy of every published practice, shared by all tenants, so
//! that every city reads them without seeing the publishers' own records.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Value,
};

use super::entity::network_practice::{self, ActiveModel, Column, Entity};
use super::practices::{practice_columns, practice_data};
use crate::{MunicipalityId, PracticeData, PracticeId, StoreError};

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

impl From<network_practice::Model> for NetworkPracticeRecord {
    fn from(m: network_practice::Model) -> Self {
        Self {
            id: m.practice_id,
            municipality_id: m.municipality_id,
            municipality_name: m.municipality_name.clone(),
            federal_state: m.federal_state.clone(),
            published_at: m.published_at,
            updated_at: m.updated_at,
            data: practice_data!(m),
        }
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
        Ok(Entity::find_by_id(id).one(self.db).await?.map(Into::into))
    }

    /// The next `limit` published practices after `after` by id, for streaming all of them.
    pub async fn page_after(
        &self,
        after: Option<PracticeId>,
        limit: u64,
    ) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        let mut query = Entity::find().order_by_asc(Column::PracticeId).limit(limit);
        if let Some(after) = after {
            query = query.filter(Column::PracticeId.gt(after));
        }
        crate::read::records(query, self.db).await
    }

    /// Those of `ids` that are published.
    pub async fn get_many(
        &self,
        ids: &[PracticeId],
    ) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        crate::read::records(
            Entity::find().filter(Column::PracticeId.is_in(ids.iter().copied())),
            self.db,
        )
        .await
    }

    /// The ids of a publisher's published practices.
    pub async fn ids_of(
        &self,
        municipality: MunicipalityId,
    ) -> Result<Vec<PracticeId>, StoreError> {
        Ok(Entity::find()
            .select_only()
            .column(Column::PracticeId)
            .filter(Column::MunicipalityId.eq(municipality))
            .into_tuple()
            .all(self.db)
            .await?)
    }

    /// The newest published first.
    pub async fn list(&self) -> Result<Vec<NetworkPracticeRecord>, StoreError> {
        crate::read::records(
            Entity::find()
                .order_by_desc(Column::PublishedAt)
                .order_by_asc(Column::PracticeId),
            self.db,
        )
        .await
    }

    /// Publishes a practice or replaces its published copy.
    pub async fn put(&self, record: &NetworkPracticeRecord) -> Result<(), StoreError> {
        let mut active = ActiveModel {
            practice_id: Set(record.id),
            municipality_id: Set(record.municipality_id),
            municipality_name: Set(record.municipality_name.clone()),
            federal_state: Set(record.federal_state.clone()),
            published_at: Set(record.published_at),
            updated_at: Set(record.updated_at),
            ..Default::default()
        };
        let mut replaced = vec![
            Column::MunicipalityName,
            Column::FederalState,
            Column::UpdatedAt,
        ];
        for (column, value) in practice_columns!(network_practice, &record.data) {
            active.try_set(column, value)?;
            replaced.push(column);
        }
        Entity::insert(active)
            .on_conflict(
                OnConflict::column(Column::PracticeId)
                    .update_columns(replaced)
                    .to_owned(),
            )
            .exec(self.db)
            .await?;
        Ok(())
    }

    /// Takes a practice out of the network; `false` when it was not in it.
    pub async fn remove(&self, id: PracticeId) -> Result<bool, StoreError> {
        let result = Entity::delete_many()
            .filter(Column::PracticeId.eq(id))
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
        Entity::update_many()
            .col_expr(Column::MunicipalityName, Expr::value(name))
            .col_expr(Column::FederalState, Expr::value(federal_state))
            .filter(Column::MunicipalityId.eq(municipality))
            .exec(self.db)
            .await?;
        Ok(())
    }
}
