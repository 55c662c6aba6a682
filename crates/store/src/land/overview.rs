//! A state office's overview of its municipalities' councils: aggregates only, one row per
//! municipality that has anything to show, read in one transaction of a [`Scope`].

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};

use crate::audit::entity as audit;
use crate::tenant::{Scope, TenantConnection, body, council, membership};
use crate::{MunicipalityId, StoreError};

/// What the overview shows of one municipality's council.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CouncilSummary {
    /// `None` when the municipality has no council record.
    pub status: Option<String>,
    pub structure_template: Option<String>,
    /// Bodies not dissolved on the day asked for.
    pub bodies: u64,
    /// People with a running membership on that day.
    pub active_people: u64,
    /// The newest audit entry of the municipality.
    pub last_activity: Option<DateTime<Utc>>,
    /// Euros granted (granted or reported applications), over all programmes.
    pub funding_granted: i64,
    /// Meetings held (not called off) in the twelve months up to the day asked for.
    pub meetings_last_year: u64,
}

/// The counts the overview reads per municipality, before they are merged.
type Counts = Vec<(MunicipalityId, i64)>;

impl<C: TenantConnection> Scope<'_, C> {
    /// A summary per municipality of the scope that has anything to show (the others have the
    /// default), in seven statements whatever its size.
    pub async fn summaries(
        &self,
        on: NaiveDate,
    ) -> Result<HashMap<MunicipalityId, CouncilSummary>, StoreError> {
        let year_before = on
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(on)
            .succ_opt()
            .unwrap_or(on);
        let (councils, bodies, people, activity, granted, held) = self
            .transaction(async |tx| {
                let councils: Vec<(MunicipalityId, String, Option<String>)> = self
                    .rows::<council::Model>()
                    .select_only()
                    .column(council::Column::MunicipalityId)
                    .column(council::Column::Status)
                    .column(council::Column::StructureTemplate)
                    .into_tuple()
                    .all(tx)
                    .await?;
                let bodies: Counts = self
                    .rows::<body::Model>()
                    .select_only()
                    .column(body::Column::MunicipalityId)
                    .column_as(body::Column::Id.count(), "bodies")
                    .filter(
                        Condition::any()
                            .add(body::Column::DissolvedOn.is_null())
                            .add(body::Column::DissolvedOn.gt(on)),
                    )
                    .group_by(body::Column::MunicipalityId)
                    .into_tuple()
                    .all(tx)
                    .await?;
                let people: Counts = self
                    .rows::<membership::Model>()
                    .select_only()
                    .column(membership::Column::MunicipalityId)
                    .column_as(
                        Expr::from(Func::count_distinct(Expr::col(
                            membership::Column::PersonId,
                        ))),
                        "people",
                    )
                    .filter(membership::Column::TermStart.lte(on))
                    .filter(
                        Condition::any()
                            .add(membership::Column::TermEnd.is_null())
                            .add(membership::Column::TermEnd.gte(on)),
                    )
                    .group_by(membership::Column::MunicipalityId)
                    .into_tuple()
                    .all(tx)
                    .await?;
                // The audit log is shared (not every entry names a municipality): its filter is
                // the scope's condition itself.
                let activity: Vec<(MunicipalityId, Option<DateTime<Utc>>)> = audit::Entity::find()
                    .select_only()
                    .column(audit::Column::MunicipalityId)
                    .column_as(audit::Column::At.max(), "last")
                    .filter(self.covers(audit::Column::MunicipalityId))
                    .group_by(audit::Column::MunicipalityId)
                    .into_tuple()
                    .all(tx)
                    .await?;
                let granted = self.granted_by_municipality(tx).await?;
                let held = self.meetings_held(tx, year_before, on).await?;
                Ok((councils, bodies, people, activity, granted, held))
            })
            .await?;

        let mut found: HashMap<MunicipalityId, CouncilSummary> = HashMap::new();
        for (id, status, template) in councils {
            let summary = found.entry(id).or_default();
            summary.status = Some(status);
            summary.structure_template = template;
        }
        for (id, count) in bodies {
            found.entry(id).or_default().bodies = u64::try_from(count).unwrap_or(0);
        }
        for (id, count) in people {
            found.entry(id).or_default().active_people = u64::try_from(count).unwrap_or(0);
        }
        for (id, last) in activity {
            found.entry(id).or_default().last_activity = last;
        }
        for (id, count) in held {
            found.entry(id).or_default().meetings_last_year = u64::try_from(count).unwrap_or(0);
        }
        for (id, sum) in granted {
            found.entry(id).or_default().funding_granted = sum;
        }
        Ok(found)
    }
}
