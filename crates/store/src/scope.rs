//! Reading several tenants at once, for a state office's overview of its municipalities:
//! aggregates only, in one transaction that names its tenants for PostgreSQL's read-only
//! scope policies (writes stay single-tenant). Every query also filters by the scope, which is
//! the wall on SQLite.
//!
//! A scope is a set of Länder (a state office's, or all for the operator) or a short list of
//! municipalities (those a caller administers). Länder are named by their codes, not by their
//! municipalities' ids: 500 ids made a parameter of 18 KB, which sqlx (no TCP_NODELAY) sent in
//! pieces that met PostgreSQL's delayed acknowledgement, 40 ms per scoped transaction.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_migrations::tenancy::SCOPE_SETTING;
use sea_orm::sea_query::{Expr, Func, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QuerySelect, Statement, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{audit, body, council, membership, municipality};
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

/// Which tenants a scope reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Every municipality of these Länder (codes such as `SN`).
    Lands(Vec<String>),
    /// These municipalities.
    Municipalities(Vec<MunicipalityId>),
}

impl Reach {
    /// The value of the scope setting that PostgreSQL's `praevnet_current_scope()` reads.
    fn setting(&self) -> String {
        match self {
            Reach::Lands(codes) => format!("land:{}", codes.join(",")),
            Reach::Municipalities(ids) => ids
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(","),
        }
    }
}

/// Read access to several tenants: aggregates for the overview, and the records a state
/// office follows (applications, requests for its offers).
#[derive(Debug)]
pub struct Scope<'a, C = DatabaseConnection> {
    db: &'a C,
    reach: Reach,
}

impl<'a, C: ConnectionTrait + TransactionTrait> Scope<'a, C> {
    pub(crate) fn new(db: &'a C, reach: Reach) -> Self {
        Self { db, reach }
    }

    /// The condition that keeps a query to the scope's municipalities.
    pub(crate) fn covers(&self, column: impl ColumnTrait) -> SimpleExpr {
        match &self.reach {
            Reach::Lands(codes) => column.in_subquery(
                Query::select()
                    .column(municipality::Column::Id)
                    .from(municipality::Entity)
                    .and_where(municipality::Column::FederalState.is_in(codes.clone()))
                    .to_owned(),
            ),
            Reach::Municipalities(ids) => column.is_in(ids.iter().map(|m| m.as_uuid())),
        }
    }

    /// Opens a transaction (a savepoint inside a unit of work) that names the scope's tenants
    /// for PostgreSQL's read policies. The tenant set by a unit of work stays the only one
    /// its writes may touch.
    pub(crate) async fn begin(&self) -> Result<C::Transaction, StoreError> {
        let tx = self.db.begin().await?;
        if tx.get_database_backend() == DbBackend::Postgres {
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config($1, $2, true)",
                [SCOPE_SETTING.into(), self.reach.setting().into()],
            ))
            .await?;
        }
        Ok(tx)
    }

    /// A summary per municipality of the scope that has anything to show (the others have the
    /// default), in seven statements whatever its size.
    pub async fn summaries(
        &self,
        on: NaiveDate,
    ) -> Result<HashMap<MunicipalityId, CouncilSummary>, StoreError> {
        let mut found: HashMap<MunicipalityId, CouncilSummary> = HashMap::new();
        let tx = self.begin().await?;
        let councils: Vec<(Uuid, String, Option<String>)> = council::Entity::find()
            .select_only()
            .column(council::Column::MunicipalityId)
            .column(council::Column::Status)
            .column(council::Column::StructureTemplate)
            .filter(self.covers(council::Column::MunicipalityId))
            .into_tuple()
            .all(&tx)
            .await?;
        let bodies: Vec<(Uuid, i64)> = body::Entity::find()
            .select_only()
            .column(body::Column::MunicipalityId)
            .column_as(body::Column::Id.count(), "bodies")
            .filter(self.covers(body::Column::MunicipalityId))
            .filter(
                Condition::any()
                    .add(body::Column::DissolvedOn.is_null())
                    .add(body::Column::DissolvedOn.gt(on)),
            )
            .group_by(body::Column::MunicipalityId)
            .into_tuple()
            .all(&tx)
            .await?;
        let people: Vec<(Uuid, i64)> = membership::Entity::find()
            .select_only()
            .column(membership::Column::MunicipalityId)
            .column_as(
                Expr::from(Func::count_distinct(Expr::col(
                    membership::Column::PersonId,
                ))),
                "people",
            )
            .filter(self.covers(membership::Column::MunicipalityId))
            .filter(membership::Column::TermStart.lte(on))
            .filter(
                Condition::any()
                    .add(membership::Column::TermEnd.is_null())
                    .add(membership::Column::TermEnd.gte(on)),
            )
            .group_by(membership::Column::MunicipalityId)
            .into_tuple()
            .all(&tx)
            .await?;
        let activity: Vec<(Uuid, Option<DateTime<Utc>>)> = audit::Entity::find()
            .select_only()
            .column(audit::Column::MunicipalityId)
            .column_as(audit::Column::At.max(), "last")
            .filter(self.covers(audit::Column::MunicipalityId))
            .group_by(audit::Column::MunicipalityId)
            .into_tuple()
            .all(&tx)
            .await?;
        let granted = self.granted_by_municipality(&tx).await?;
        let year_before = on
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(on)
            .succ_opt()
            .unwrap_or(on);
        let held = self.meetings_held(&tx, year_before, on).await?;
        tx.commit().await?;

        for (id, status, template) in councils {
            let summary = found.entry(MunicipalityId::from_uuid(id)).or_default();
            summary.status = Some(status);
            summary.structure_template = template;
        }
        for (id, count) in bodies {
            found
                .entry(MunicipalityId::from_uuid(id))
                .or_default()
                .bodies = u64::try_from(count).unwrap_or(0);
        }
        for (id, count) in people {
            found
                .entry(MunicipalityId::from_uuid(id))
                .or_default()
                .active_people = u64::try_from(count).unwrap_or(0);
        }
        for (id, last) in activity {
            found
                .entry(MunicipalityId::from_uuid(id))
                .or_default()
                .last_activity = last;
        }
        for (id, count) in held {
            found
                .entry(MunicipalityId::from_uuid(id))
                .or_default()
                .meetings_last_year = u64::try_from(count).unwrap_or(0);
        }
        for (id, sum) in granted {
            found
                .entry(MunicipalityId::from_uuid(id))
                .or_default()
                .funding_granted = sum;
        }
        Ok(found)
    }
}
