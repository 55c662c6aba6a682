//! A council's founding on the platform: its state and the steps of seed 002's guide.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

use crate::StoreError;
use crate::entity::{council, founding_step};
use crate::tenant::Tenant;

/// One step of the founding checklist as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundingStepRecord {
    pub step: String,
    pub completed_on: Option<NaiveDate>,
    pub notes: String,
}

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// Sets the council's state and founding path; `false` when there is no council.
    pub async fn set_council_state(
        &self,
        status: &str,
        founding_path: Option<&str>,
    ) -> Result<bool, StoreError> {
        let tx = self.begin().await?;
        let result = council::Entity::update_many()
            .col_expr(council::Column::Status, Expr::value(status))
            .col_expr(council::Column::FoundingPath, Expr::value(founding_path))
            .col_expr(council::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(council::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(result.rows_affected > 0)
    }

    /// Records the structure template the council started from.
    pub async fn set_structure_template(&self, template: &str) -> Result<bool, StoreError> {
        let tx = self.begin().await?;
        let result = council::Entity::update_many()
            .col_expr(council::Column::StructureTemplate, Expr::value(template))
            .filter(council::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(result.rows_affected > 0)
    }

    pub async fn founding_steps(&self) -> Result<Vec<FoundingStepRecord>, StoreError> {
        let tx = self.begin().await?;
        let rows = founding_step::Entity::find()
            .filter(founding_step::Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|r| FoundingStepRecord {
                step: r.step,
                completed_on: r.completed_on,
                notes: r.notes,
            })
            .collect())
    }

    pub async fn save_founding_step(&self, record: &FoundingStepRecord) -> Result<(), StoreError> {
        let model = founding_step::ActiveModel {
            municipality_id: Set(self.municipality().as_uuid()),
            step: Set(record.step.clone()),
            completed_on: Set(record.completed_on),
            notes: Set(record.notes.clone()),
            updated_at: Set(Utc::now()),
        };
        let tx = self.begin().await?;
        founding_step::Entity::insert(model)
            .on_conflict(
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
            )
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
