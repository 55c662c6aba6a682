//! Meetings of a council's bodies, and how many a state office's municipalities held.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::entity::meeting::{self, ActiveModel, Column, Entity};
use crate::scope::Scope;
use crate::tenant::Tenant;
use crate::{BodyId, MeetingId, StoreError};

/// A meeting's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingData {
    pub body_id: BodyId,
    pub title: String,
    pub starts_on: NaiveDate,
    /// `HH:MM`, local time of the municipality.
    pub start_time: Option<String>,
    pub location: String,
    pub cancelled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    pub id: MeetingId,
    pub data: MeetingData,
}

impl From<meeting::Model> for MeetingRecord {
    fn from(m: meeting::Model) -> Self {
        Self {
            id: MeetingId::from_uuid(m.id),
            data: MeetingData {
                body_id: BodyId::from_uuid(m.body_id),
                title: m.title,
                starts_on: m.starts_on,
                start_time: m.start_time,
                location: m.location,
                cancelled: m.cancelled,
            },
        }
    }
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The municipality's meetings from `since` on (all when `None`), by date.
    pub async fn meetings(
        &self,
        since: Option<NaiveDate>,
    ) -> Result<Vec<MeetingRecord>, StoreError> {
        let tx = self.begin().await?;
        let mut query = Entity::find()
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .order_by_asc(Column::StartsOn)
            .order_by_asc(Column::StartTime)
            .order_by_asc(Column::Id);
        if let Some(since) = since {
            query = query.filter(Column::StartsOn.gte(since));
        }
        let rows = query.all(&tx).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn meeting(&self, id: MeetingId) -> Result<Option<MeetingRecord>, StoreError> {
        let tx = self.begin().await?;
        let row = Entity::find_by_id(id.as_uuid())
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(Into::into))
    }

    pub async fn insert_meeting(&self, data: MeetingData) -> Result<MeetingRecord, StoreError> {
        let id = MeetingId::generate();
        let tx = self.begin().await?;
        Entity::insert(self.meeting_model(id, &data))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(MeetingRecord { id, data })
    }

    /// Replaces a meeting's fields; `false` when it is not this tenant's.
    pub async fn update_meeting(
        &self,
        id: MeetingId,
        data: &MeetingData,
    ) -> Result<bool, StoreError> {
        let mut model = self.meeting_model(id, data);
        model.id = NotSet;
        model.created_at = NotSet;
        let tx = self.begin().await?;
        let result = Entity::update_many()
            .set(model)
            .filter(Column::Id.eq(id.as_uuid()))
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(result.rows_affected > 0)
    }

    fn meeting_model(&self, id: MeetingId, d: &MeetingData) -> ActiveModel {
        let now = Utc::now();
        ActiveModel {
            id: Set(id.as_uuid()),
            municipality_id: Set(self.municipality().as_uuid()),
            body_id: Set(d.body_id.as_uuid()),
            title: Set(d.title.clone()),
            starts_on: Set(d.starts_on),
            start_time: Set(d.start_time.clone()),
            location: Set(d.location.clone()),
            cancelled: Set(d.cancelled),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }
}

impl<C: ConnectionTrait + TransactionTrait> Scope<'_, C> {
    /// Meetings held (not called off) per municipality in `from..=to`.
    pub(crate) async fn meetings_held(
        &self,
        tx: &impl ConnectionTrait,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Uuid, i64)>, StoreError> {
        Ok(Entity::find()
            .select_only()
            .column(Column::MunicipalityId)
            .column_as(Column::Id.count(), "held")
            .filter(self.covers(Column::MunicipalityId))
            .filter(Column::StartsOn.between(from, to))
            .filter(Column::Cancelled.eq(false))
            .group_by(Column::MunicipalityId)
            .into_tuple()
            .all(tx)
            .await?)
    }
}
