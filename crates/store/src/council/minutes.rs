//! Minutes of meetings: versions with their entries, one per agenda item, stored and replaced
//! together.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::tenant::{Tenant, TenantConnection, minutes, minutes_entry};
use crate::{AgendaItemId, MeetingId, MinutesId, StoreError};

/// The text of one agenda item in a version of the minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesEntryData {
    /// The item recorded (no reference: the item may have been taken off the agenda since,
    /// and the entry stays with the title it had).
    pub agenda_item_id: Option<AgendaItemId>,
    pub position: i32,
    /// The item's title as it was when the entry was written.
    pub title: String,
    pub text: String,
}

/// A version of a meeting's minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesData {
    pub meeting_id: MeetingId,
    pub version: i32,
    /// `draft`, `circulated` or `approved`.
    pub status: String,
    pub notes: String,
    pub circulated_at: Option<DateTime<Utc>>,
    pub approved_on: Option<NaiveDate>,
    pub entries: Vec<MinutesEntryData>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesRecord {
    pub id: MinutesId,
    pub data: MinutesData,
}

fn minutes_row(id: MinutesId, d: &MinutesData) -> minutes::New {
    let now = Utc::now();
    minutes::New {
        id,
        meeting_id: d.meeting_id,
        version: d.version,
        status: d.status.clone(),
        notes: d.notes.clone(),
        circulated_at: d.circulated_at,
        approved_on: d.approved_on,
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The minutes of the given meetings, every version, newest first.
    pub async fn minutes(&self, meetings: &[MeetingId]) -> Result<Vec<MinutesRecord>, StoreError> {
        let versions = self
            .all(
                self.rows::<minutes::Model>()
                    .filter(minutes::Column::MeetingId.is_in(meetings.iter().copied()))
                    .order_by_desc(minutes::Column::Version),
            )
            .await?;
        if versions.is_empty() {
            return Ok(Vec::new());
        }
        let entries = self
            .all(
                self.rows::<minutes_entry::Model>()
                    .filter(minutes_entry::Column::MinutesId.is_in(versions.iter().map(|v| v.id)))
                    .order_by_asc(minutes_entry::Column::Position),
            )
            .await?;
        Ok(versions
            .into_iter()
            .map(|v| MinutesRecord {
                id: v.id,
                data: MinutesData {
                    meeting_id: v.meeting_id,
                    version: v.version,
                    status: v.status,
                    notes: v.notes,
                    circulated_at: v.circulated_at,
                    approved_on: v.approved_on,
                    entries: entries
                        .iter()
                        .filter(|e| e.minutes_id == v.id)
                        .map(|e| MinutesEntryData {
                            agenda_item_id: e.agenda_item_id,
                            position: e.position,
                            title: e.title.clone(),
                            text: e.text.clone(),
                        })
                        .collect(),
                },
            })
            .collect())
    }

    /// Saves a version with its entries: a new one (`id` `None`) or a replacement.
    pub async fn save_minutes(
        &self,
        id: Option<MinutesId>,
        data: &MinutesData,
    ) -> Result<MinutesId, StoreError> {
        let id = id.unwrap_or_else(MinutesId::generate);
        let exists = self
            .one(self.row_by_id::<minutes::Model>(id))
            .await?
            .is_some();
        self.transaction(async |tx| {
            if exists {
                self.replace(minutes_row(id, data)).exec(tx).await?;
                self.delete::<minutes_entry::Model>()
                    .filter(minutes_entry::Column::MinutesId.eq(id))
                    .exec(tx)
                    .await?;
            } else {
                self.insert(minutes_row(id, data)).exec(tx).await?;
            }
            if !data.entries.is_empty() {
                let rows = data.entries.iter().map(|e| minutes_entry::New {
                    id: Uuid::now_v7(),
                    minutes_id: id,
                    agenda_item_id: e.agenda_item_id,
                    position: e.position,
                    title: e.title.clone(),
                    text: e.text.clone(),
                });
                self.insert_many(rows).exec(tx).await?;
            }
            Ok(())
        })
        .await?;
        Ok(id)
    }
}
