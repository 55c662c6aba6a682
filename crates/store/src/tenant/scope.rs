//! Reading several tenants at once, for a state office's overview of its municipalities and the
//! records it follows: in transactions that name their tenants for PostgreSQL's read-only scope
//! policies (writes stay single-tenant). Every query of a tenant table starts at
//! [`Scope::rows`], which filters by the scope: the wall on SQLite.
//!
//! A scope is a set of Länder (a state office's, or all for the operator) or a short list of
//! municipalities (those a caller administers). Länder are named by their codes, not by their
//! municipalities' ids: 500 ids made a parameter of 18 KB, which sqlx (no TCP_NODELAY) sent in
//! pieces that met PostgreSQL's delayed acknowledgement, 40 ms per scoped transaction.

use praevnet_migrations::tenancy::SCOPE_SETTING;
use sea_orm::sea_query::{Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, ModelTrait,
    QueryFilter, Select, Statement, TransactionSession,
};

use super::reads::{self, ReadPath, TenantConnection};
use super::tables::TenantOwned;
use crate::registry::entity::municipality;
use crate::{MunicipalityId, StoreError};

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

impl<'a, C: TenantConnection> Scope<'a, C> {
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
            Reach::Municipalities(ids) => column.is_in(ids.iter().copied()),
        }
    }

    /// The scope's rows of the tenant table of `M`: where every read of several tenants
    /// starts.
    pub(crate) fn rows<M: ModelTrait<Entity: TenantOwned>>(&self) -> Select<M::Entity> {
        M::Entity::find().filter(self.covers(M::Entity::tenant_column()))
    }

    /// Opens a transaction (a savepoint inside a unit of work) that names the scope's tenants
    /// for PostgreSQL's read policies. The tenant set by a unit of work stays the only one
    /// its writes may touch.
    async fn begin(&self) -> Result<C::Transaction, StoreError> {
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

    /// Runs `work` in a transaction of the scope, committed when it succeeds.
    pub(crate) async fn transaction<T>(
        &self,
        work: impl AsyncFnOnce(&C::Transaction) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.begin().await?;
        let value = work(&tx).await?;
        tx.commit().await?;
        Ok(value)
    }

    /// Reads `query` for the scope: in one round trip where it can (see [`super::reads`]),
    /// else in a transaction of the scope.
    async fn all<E: EntityTrait>(&self, query: Select<E>) -> Result<Vec<E::Model>, StoreError> {
        match self.db.read_path() {
            ReadPath::Sqlite => return Ok(query.all(self.db).await?),
            ReadPath::Postgres(pool) => {
                let scope = self.reach.setting();
                if let Some(rows) = reads::with_setting(pool, SCOPE_SETTING, &scope, &query).await {
                    return rows;
                }
            }
            ReadPath::Transaction => {}
        }
        self.transaction(async |tx| Ok(query.all(tx).await?)).await
    }

    /// [`Scope::all`], each row turned into the record the store hands out.
    pub(crate) async fn records<E: EntityTrait, R: From<E::Model>>(
        &self,
        query: Select<E>,
    ) -> Result<Vec<R>, StoreError> {
        Ok(self.all(query).await?.into_iter().map(R::from).collect())
    }
}
