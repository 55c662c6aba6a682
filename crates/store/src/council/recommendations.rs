//! Recommendations of a council and the timeline of their steps.

use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::tenant::{Tenant, TenantConnection, recommendation, recommendation_step as step};
use crate::{AgendaItemId, BodyId, MeetingId, RecommendationId, StoreError};

/// A recommendation's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationData {
    pub title: String,
    pub text: String,
    pub source_body_id: Option<BodyId>,
    pub source_meeting_id: Option<MeetingId>,
    pub source_agenda_item_id: Option<AgendaItemId>,
    pub adopting_body_id: Option<BodyId>,
    /// `city_council` or `administration`.
    pub addressee: String,
    pub paper_reference: Option<String>,
    /// `draft`, `adopted`, `submitted`, `answered`, `implemented` or `rejected`.
    pub status: String,
    pub due_on: Option<NaiveDate>,
    pub answer: String,
}

/// One step of a recommendation's way: its new status, when, and a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRecord {
    pub status: String,
    pub on: NaiveDate,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecommendationRecord {
    pub id: RecommendationId,
    pub data: RecommendationData,
    pub steps: Vec<StepRecord>,
}

fn row(id: RecommendationId, d: &RecommendationData) -> recommendation::New {
    let now = Utc::now();
    recommendation::New {
        id,
        title: d.title.clone(),
        text: d.text.clone(),
        source_body_id: d.source_body_id,
        source_meeting_id: d.source_meeting_id,
        source_agenda_item_id: d.source_agenda_item_id,
        adopting_body_id: d.adopting_body_id,
        addressee: d.addressee.clone(),
        paper_reference: d.paper_reference.clone(),
        status: d.status.clone(),
        due_on: d.due_on,
        answer: d.answer.clone(),
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The council's recommendations with their steps, newest first.
    pub async fn recommendations(&self) -> Result<Vec<RecommendationRecord>, StoreError> {
        let rows = self
            .all(
                self.rows::<recommendation::Model>()
                    .order_by_desc(recommendation::Column::CreatedAt)
                    .order_by_desc(recommendation::Column::Id),
            )
            .await?;
        let steps = self
            .all(
                // In the order recorded, which is the way's order (it only runs forward);
                // the dates may be earlier than the day the draft was entered.
                self.rows::<step::Model>()
                    .order_by_asc(step::Column::RecordedAt)
                    .order_by_asc(step::Column::Id),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|m| RecommendationRecord {
                id: m.id,
                steps: steps
                    .iter()
                    .filter(|s| s.recommendation_id == m.id)
                    .map(|s| StepRecord {
                        status: s.status.clone(),
                        on: s.on,
                        note: s.note.clone(),
                    })
                    .collect(),
                data: RecommendationData {
                    title: m.title,
                    text: m.text,
                    source_body_id: m.source_body_id,
                    source_meeting_id: m.source_meeting_id,
                    source_agenda_item_id: m.source_agenda_item_id,
                    adopting_body_id: m.adopting_body_id,
                    addressee: m.addressee,
                    paper_reference: m.paper_reference,
                    status: m.status,
                    due_on: m.due_on,
                    answer: m.answer,
                },
            })
            .collect())
    }

    /// Saves a recommendation (new when `id` is `None`) and, if given, a step of its way.
    /// Answers its id; `None` when `id` is not this tenant's.
    pub async fn save_recommendation(
        &self,
        id: Option<RecommendationId>,
        data: &RecommendationData,
        step: Option<(NaiveDate, String)>,
    ) -> Result<Option<RecommendationId>, StoreError> {
        let new = id.is_none();
        let id = id.unwrap_or_else(RecommendationId::generate);
        self.transaction(async |tx| {
            if new {
                self.insert(row(id, data)).exec(tx).await?;
            } else if self.replace(row(id, data)).exec(tx).await?.rows_affected == 0 {
                return Ok(None);
            }
            if let Some((on, note)) = step {
                self.insert(step::New {
                    id: Uuid::now_v7(),
                    recommendation_id: id,
                    status: data.status.clone(),
                    on,
                    note,
                    recorded_at: Utc::now(),
                })
                .exec(tx)
                .await?;
            }
            Ok(Some(id))
        })
        .await
    }

    pub async fn delete_recommendation(&self, id: RecommendationId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<recommendation::Model>()
            .filter(recommendation::Column::Id.eq(id));
        self.removed(delete).await
    }
}
