//! What the reminder job needs: the deadlines of all municipalities that fall due soon and
//! were not reminded of, in one read of a scope; and marking one reminded, once however many
//! replicas try.

use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};

use crate::tenant::{Scope, Tenant, TenantConnection, demand, milestone};
use crate::{DemandId, MilestoneId, MunicipalityId, StoreError};

/// A deadline of the prevention cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    Demand(DemandId),
    Milestone(MilestoneId),
}

/// A deadline falling due soon in a municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueDeadline {
    pub municipality_id: MunicipalityId,
    pub deadline: Deadline,
}

impl From<demand::Model> for DueDeadline {
    fn from(m: demand::Model) -> Self {
        DueDeadline {
            municipality_id: m.municipality_id,
            deadline: Deadline::Demand(m.id),
        }
    }
}

impl From<milestone::Model> for DueDeadline {
    fn from(m: milestone::Model) -> Self {
        DueDeadline {
            municipality_id: m.municipality_id,
            deadline: Deadline::Milestone(m.id),
        }
    }
}

impl<C: TenantConnection> Scope<'_, C> {
    /// Open demands and milestones not done, due from `from` to `until`, that no reminder
    /// went out for.
    pub async fn due_deadlines(
        &self,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<DueDeadline>, StoreError> {
        let demands = self
            .rows::<demand::Model>()
            .filter(demand::Column::Status.is_in(["open", "in_progress"]))
            .filter(demand::Column::DueOn.between(from, until))
            .filter(demand::Column::RemindedOn.is_null());
        let milestones = self
            .rows::<milestone::Model>()
            .filter(milestone::Column::DoneOn.is_null())
            .filter(milestone::Column::DueOn.between(from, until))
            .filter(milestone::Column::RemindedOn.is_null());
        let mut due: Vec<DueDeadline> = self.records(demands).await?;
        due.extend(self.records::<_, DueDeadline>(milestones).await?);
        Ok(due)
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// Notes that the reminder of `deadline` went out `on`, if it is still due from `on` to
    /// `until` (still open, its date not moved away) and no reminder went out for it; `false`
    /// when another replica (or an earlier round) reminded of it, or it is no longer due.
    pub async fn mark_reminded(
        &self,
        deadline: Deadline,
        on: NaiveDate,
        until: NaiveDate,
    ) -> Result<bool, StoreError> {
        match deadline {
            Deadline::Demand(id) => {
                let update = self
                    .update::<demand::Model>()
                    .filter(demand::Column::Id.eq(id))
                    .filter(demand::Column::RemindedOn.is_null())
                    .filter(demand::Column::Status.is_in(["open", "in_progress"]))
                    .filter(demand::Column::DueOn.between(on, until))
                    .col_expr(demand::Column::RemindedOn, Expr::value(on));
                self.changed(update).await
            }
            Deadline::Milestone(id) => {
                let update = self
                    .update::<milestone::Model>()
                    .filter(milestone::Column::Id.eq(id))
                    .filter(milestone::Column::RemindedOn.is_null())
                    .filter(milestone::Column::DoneOn.is_null())
                    .filter(milestone::Column::DueOn.between(on, until))
                    .col_expr(milestone::Column::RemindedOn, Expr::value(on));
                self.changed(update).await
            }
        }
    }

    /// Forgets the reminder of `deadline`, whose date moved: the new date is reminded of.
    pub async fn reset_reminder(&self, deadline: Deadline) -> Result<(), StoreError> {
        match deadline {
            Deadline::Demand(id) => {
                let update = self
                    .update::<demand::Model>()
                    .filter(demand::Column::Id.eq(id))
                    .col_expr(
                        demand::Column::RemindedOn,
                        Expr::value(Option::<NaiveDate>::None),
                    );
                self.changed(update).await?;
            }
            Deadline::Milestone(id) => {
                let update = self
                    .update::<milestone::Model>()
                    .filter(milestone::Column::Id.eq(id))
                    .col_expr(
                        milestone::Column::RemindedOn,
                        Expr::value(Option::<NaiveDate>::None),
                    );
                self.changed(update).await?;
            }
        }
        Ok(())
    }
}
