//! The bodies (Gremien) of a council, each written together with its required seats.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

use super::{BodyData, BodyRecord, SeatRecord};
use crate::tenant::{Tenant, TenantConnection, body, body_seat};
use crate::{BodyId, StoreError};

fn body_row(id: BodyId, data: &BodyData) -> body::New {
    let now = Utc::now();
    body::New {
        id,
        parent_id: data.parent_id,
        reports_to_id: data.reports_to_id,
        name: data.name.clone(),
        kind: data.kind.clone(),
        own_kind: data.own_kind.clone(),
        scope: data.scope.clone(),
        district: data.district.clone(),
        tasks: data.tasks.clone(),
        chair_rule: data.chair_rule.clone(),
        meetings_per_year: data.meetings_per_year,
        min_members: data.min_members,
        max_members: data.max_members,
        term_months: data.term_months,
        appointment_procedure: data.appointment_procedure.clone(),
        is_public: data.is_public,
        moderators_are_members: data.moderators_are_members,
        moderator_takes_seat: data.moderator_takes_seat,
        founded_on: data.founded_on,
        founding_resolution: data.founding_resolution.clone(),
        dissolved_on: data.dissolved_on,
        dissolution_resolution: data.dissolution_resolution.clone(),
        position: data.position,
        created_at: now,
        updated_at: now,
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    pub async fn insert_body(&self, data: BodyData) -> Result<BodyRecord, StoreError> {
        let id = BodyId::generate();
        let row = body_row(id, &data);
        self.transaction(async |tx| {
            self.insert(row).exec(tx).await?;
            self.replace_seats(tx, id, &data.seats).await
        })
        .await?;
        Ok(BodyRecord { id, data })
    }

    /// Replaces the configuration of a body; `None` when the tenant has no such body.
    pub async fn update_body(
        &self,
        id: BodyId,
        data: BodyData,
    ) -> Result<Option<BodyRecord>, StoreError> {
        let update = self.replace(body_row(id, &data));
        let updated = self
            .transaction(async |tx| {
                if update.exec(tx).await?.rows_affected == 0 {
                    return Ok(false);
                }
                self.replace_seats(tx, id, &data.seats).await?;
                Ok(true)
            })
            .await?;
        Ok(updated.then_some(BodyRecord { id, data }))
    }

    /// Seats are not edited one by one: a body's seats are replaced with its configuration.
    async fn replace_seats(
        &self,
        tx: &impl ConnectionTrait,
        body: BodyId,
        seats: &[SeatRecord],
    ) -> Result<(), StoreError> {
        self.delete::<body_seat::Model>()
            .filter(body_seat::Column::BodyId.eq(body))
            .exec(tx)
            .await?;
        if seats.is_empty() {
            return Ok(());
        }
        let rows = seats.iter().map(|s| body_seat::New {
            id: Uuid::now_v7(),
            body_id: body,
            label: s.label.clone(),
            sector: s.sector.clone(),
            seats: s.seats,
        });
        self.insert_many(rows).exec(tx).await?;
        Ok(())
    }
}
