//! Meetings of a council's bodies with their agendas, and how many a state office's
//! municipalities held.

use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::tenant::{Scope, Tenant, TenantConnection, agenda_item, meeting};
use crate::{AgendaItemId, BodyId, MeetingId, MunicipalityId, StoreError};

/// A meeting's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingData {
    pub body_id: BodyId,
    pub title: String,
    pub starts_on: NaiveDate,
    /// `HH:MM`, local time of the municipality; so is `end_time`.
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: String,
    pub online_link: Option<String>,
    pub is_public: bool,
    /// `planned`, `invited`, `held` or `called_off`.
    pub status: String,
    pub topic: String,
    /// The meeting's number in its body's series (Leipzig's 41st Sicherheitskonferenz).
    pub number: Option<i32>,
    /// The revision invitees were last told of (iCalendar `SEQUENCE`).
    pub sequence: i32,
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
                end_time: m.end_time,
                location: m.location,
                online_link: m.online_link,
                is_public: m.is_public,
                status: m.status,
                topic: m.topic,
                number: m.number,
                sequence: m.sequence,
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
        end_time: d.end_time.clone(),
        location: d.location.clone(),
        online_link: d.online_link.clone(),
        is_public: d.is_public,
        status: d.status.clone(),
        topic: d.topic.clone(),
        number: d.number,
        sequence: d.sequence,
        created_at: now,
        updated_at: now,
    }
}

/// An agenda item's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItemData {
    pub meeting_id: MeetingId,
    /// Items are shown by position, then by id.
    pub position: i32,
    pub title: String,
    pub description: String,
    pub presenter: Option<String>,
    pub is_public: bool,
    /// The item's result or decision.
    pub result: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItemRecord {
    pub id: AgendaItemId,
    pub data: AgendaItemData,
}

impl From<agenda_item::Model> for AgendaItemRecord {
    fn from(m: agenda_item::Model) -> Self {
        Self {
            id: m.id,
            data: AgendaItemData {
                meeting_id: m.meeting_id,
                position: m.position,
                title: m.title,
                description: m.description,
                presenter: m.presenter,
                is_public: m.is_public,
                result: m.result,
            },
        }
    }
}

fn agenda_row(id: AgendaItemId, d: &AgendaItemData) -> agenda_item::New {
    let now = Utc::now();
    agenda_item::New {
        id,
        meeting_id: d.meeting_id,
        position: d.position,
        title: d.title.clone(),
        description: d.description.clone(),
        presenter: d.presenter.clone(),
        is_public: d.is_public,
        result: d.result.clone(),
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
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

    /// Deletes a meeting recorded in error, with its agenda.
    pub async fn delete_meeting(&self, id: MeetingId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<meeting::Model>()
            .filter(meeting::Column::Id.eq(id));
        self.removed(delete).await
    }

    /// The highest number of a body's meetings, to propose the next in its series.
    pub async fn last_meeting_number(&self, body: BodyId) -> Result<Option<i32>, StoreError> {
        let query = self
            .rows::<meeting::Model>()
            .filter(meeting::Column::BodyId.eq(body))
            .filter(meeting::Column::Number.is_not_null())
            .order_by_desc(meeting::Column::Number);
        Ok(self.one(query).await?.and_then(|m| m.number))
    }

    /// The meeting of `body` that carries `number` in the body's series, if any.
    pub async fn meeting_numbered(
        &self,
        body: BodyId,
        number: i32,
    ) -> Result<Option<MeetingId>, StoreError> {
        let query = self
            .rows::<meeting::Model>()
            .filter(meeting::Column::BodyId.eq(body))
            .filter(meeting::Column::Number.eq(number));
        Ok(self.one(query).await?.map(|m| m.id))
    }

    /// The agenda items of the given meetings, in their order.
    pub async fn agenda_items(
        &self,
        meetings: &[MeetingId],
    ) -> Result<Vec<AgendaItemRecord>, StoreError> {
        let query = self
            .rows::<agenda_item::Model>()
            .filter(agenda_item::Column::MeetingId.is_in(meetings.iter().copied()))
            .order_by_asc(agenda_item::Column::Position)
            .order_by_asc(agenda_item::Column::Id);
        self.records(query).await
    }

    pub async fn agenda_item(
        &self,
        id: AgendaItemId,
    ) -> Result<Option<AgendaItemRecord>, StoreError> {
        let row = self.one(self.row_by_id::<agenda_item::Model>(id)).await?;
        Ok(row.map(Into::into))
    }

    pub async fn insert_agenda_item(
        &self,
        data: AgendaItemData,
    ) -> Result<AgendaItemRecord, StoreError> {
        let id = AgendaItemId::generate();
        self.add_row(agenda_row(id, &data)).await?;
        Ok(AgendaItemRecord { id, data })
    }

    /// Replaces an agenda item's fields; `false` when it is not this tenant's.
    pub async fn update_agenda_item(
        &self,
        id: AgendaItemId,
        data: &AgendaItemData,
    ) -> Result<bool, StoreError> {
        self.changed(self.replace(agenda_row(id, data))).await
    }

    pub async fn delete_agenda_item(&self, id: AgendaItemId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<agenda_item::Model>()
            .filter(agenda_item::Column::Id.eq(id));
        self.removed(delete).await
    }
}

impl<C: TenantConnection> Scope<'_, C> {
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
            .filter(meeting::Column::Status.ne("called_off"))
            .group_by(meeting::Column::MunicipalityId)
            .into_tuple()
            .all(tx)
            .await?)
    }
}
