//! Meetings of a council's bodies, and how many a state office's municipalities held.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use crate::tenant::{Scope, Tenant, meeting};
use crate::{BodyId, MeetingId, MunicipalityId, StoreError};

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
            id: m.id,
            data: MeetingData {
                body_id: m.body_id,
                title: m.title,
                starts_on: m.starts_on,
                start_time: m.start_time,
                location: m.location,
                cancelled: m.cancelled,
            },
        }
    }
}

fn meeting_row(id: MeetingId, d: &MeetingData) -> meeting::New {
    let now = Utc::now();
    meeting::New {
        id,
        body_id: d.body_id,
        title: d.title.clone(),
        starts_on: d.starts_on,
        start_time: d.start_time.clone(),
        location: d.location.clone(),
        cancelled: d.cancelled,
        created_at: now,
        updated_at: now,
    }
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The municipality's meetings from `since` on (all when `None`), by date.
    pub async fn meetings(
        &self,
        since: Option<NaiveDate>,
    ) -> Result<Vec<MeetingRecord>, StoreError> {
        let mut query = self
            .rows::<meeting::Model>()
            .order_by_asc(meeting::Column::StartsOn)
            .order_by_asc(meeting::Column::StartTime)
            .order_by_asc(meeting::Column::Id);
        if let Some(since) = since {
            query = query.filter(meeting::Column::StartsOn.gte(since));
        }
        self.records(query).await
    }

    pub async fn meeting(&self, id: MeetingId) -> Result<Option<MeetingRecord>, StoreError> {
        let row = self.one(self.row_by_id::<meeting::Model>(id)).await?;
        Ok(row.map(Into::into))
    }

    pub async fn insert_meeting(&self, data: MeetingData) -> Result<MeetingRecord, StoreError> {
        let id = MeetingId::generate();
        self.add_row(meeting_row(id, &data)).await?;
        Ok(MeetingRecord { id, data })
    }

    /// Replaces a meeting's fields; `false` when it is not this tenant's.
    pub async fn update_meeting(
        &self,
        id: MeetingId,
        data: &MeetingData,
    ) -> Result<bool, StoreError> {
        self.changed(self.replace(meeting_row(id, data))).await
    }
}

impl<C: ConnectionTrait + TransactionTrait> Scope<'_, C> {
    /// Meetings held (not called off) per municipality in `from..=to`.
    pub(crate) async fn meetings_held(
        &self,
        tx: &impl ConnectionTrait,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(MunicipalityId, i64)>, StoreError> {
        Ok(self
            .rows::<meeting::Model>()
            .select_only()
            .column(meeting::Column::MunicipalityId)
            .column_as(meeting::Column::Id.count(), "held")
            .filter(meeting::Column::StartsOn.between(from, to))
            .filter(meeting::Column::Cancelled.eq(false))
            .group_by(meeting::Column::MunicipalityId)
            .into_tuple()
            .all(tx)
            .await?)
    }
}
