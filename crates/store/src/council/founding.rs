//! A council's founding on the platform: the steps of seed 002's guide, as the municipality
//! checks them off.

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;

use crate::StoreError;
use crate::tenant::{Tenant, TenantConnection, founding_step};

/// One step of the founding checklist as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundingStepRecord {
    pub step: String,
    pub completed_on: Option<NaiveDate>,
    pub notes: String,
}

impl<C: TenantConnection> Tenant<'_, C> {
    pub async fn founding_steps(&self) -> Result<Vec<FoundingStepRecord>, StoreError> {
        let rows = self.all(self.rows::<founding_step::Model>()).await?;
        Ok(rows
            .into_iter()
            .map(|r| FoundingStepRecord {
                step: r.step,
                completed_on: r.completed_on,
                notes: r.notes,
            })
            .collect())
    }

    /// Records a step, or records it anew (a step is kept once per municipality).
    pub async fn save_founding_step(&self, record: &FoundingStepRecord) -> Result<(), StoreError> {
        let row = founding_step::New {
            step: record.step.clone(),
            completed_on: record.completed_on,
            notes: record.notes.clone(),
            updated_at: Utc::now(),
        };
        let upsert = self.insert(row).on_conflict(
            OnConflict::columns([
                founding_step::Column::MunicipalityId,
                founding_step::Column::Step,
            ])
            .update_columns([
                founding_step::Column::CompletedOn,
                founding_step::Column::Notes,
                founding_step::Column::UpdatedAt,
            ])
            .to_owned(),
        );
        self.transaction(async |tx| {
            upsert.exec(tx).await?;
            Ok(())
        })
        .await
    }
}
