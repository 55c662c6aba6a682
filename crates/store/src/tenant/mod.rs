//! The tenant handle: the one door to tenant-owned tables.

mod reads;
mod scope;
mod tables;
#[cfg(test)]
mod tests;

use std::sync::{Mutex, PoisonError};

use praevnet_migrations::tenancy::TENANT_SETTING;
use sea_orm::sea_query::{SelectStatement, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DeleteMany,
    EntityTrait, Insert, InsertMany, Iterable, ModelTrait, PrimaryKeyToColumn, PrimaryKeyTrait,
    QueryFilter, QueryResult, QuerySelect, Select, Statement, TransactionSession, UpdateMany,
};

use reads::ReadPath;
pub(crate) use reads::{TenantConnection, models};
pub use scope::{Reach, Scope};
use tables::{NewRow, TenantOwned};
pub(crate) use tables::{
    action_field, agenda_document, agenda_item, body, body_seat, contact_message, council, demand,
    founding_step, funding_application, goal, hot_spot, indicator, indicator_value, inventory_item,
    meeting, meeting_participant, membership, milestone, minutes, minutes_entry, organisation,
    person, practice, practice_attachment, project, project_partner, recommendation,
    recommendation_step, rules_of_procedure, safety_figure, support_request,
};

use crate::{MunicipalityId, StoreError};

/// Rows per insert statement: the widest tenant table has about 25 columns, so that a batch
/// stays below SQLite's 32,766 bound parameters (PostgreSQL allows 65,535).
const ROWS_PER_STATEMENT: usize = 500;

/// The active model that a new row of a tenant table becomes.
type RowOf<N> = <<N as NewRow>::Table as EntityTrait>::ActiveModel;

/// The primary key of the table of a model.
type KeyOf<M> =
    <<<M as ModelTrait>::Entity as EntityTrait>::PrimaryKey as PrimaryKeyTrait>::ValueType;

/// Access to the tenant-owned data of one municipality.
///
/// Tenant-owned tables are walled off twice. On PostgreSQL, row-level security shows and lets
/// change only the rows of the municipality that a transaction names with `set_config`, which
/// the handle does for every transaction it opens, so that a query missing its filter finds
/// nothing rather than another city's rows. SQLite has no such policies; there the wall is the
/// structure of this crate: the entities of tenant tables are private to the `tenant` module,
/// the rest of the store can start a statement on one only with the handle's `rows`,
/// `row_by_id`, `update`, `delete`, `insert` or `replace`, which put the municipality into it,
/// and code outside the store has nothing but the handle's public methods:
///
/// ```compile_fail,E0624
/// # async fn leak(store: &praevnet_store::Store, other: praevnet_store::MunicipalityId) {
/// // Not even the handle's own statements are open to code outside the store.
/// let _ = store.tenant(other).rows::<_>();
/// # }
/// ```
#[derive(Debug)]
pub struct Tenant<'a, C = DatabaseConnection> {
    db: &'a C,
    municipality: MunicipalityId,
    /// Inside a unit of work: which tenant its transaction is set to.
    unit_of_work: Option<&'a SetTenant>,
}

/// The tenant a unit of work's transaction is set to, so that it is set once per tenant and
/// transaction instead of once per call.
#[derive(Debug, Default)]
pub(crate) struct SetTenant(Mutex<Option<MunicipalityId>>);

impl SetTenant {
    fn is(&self, municipality: MunicipalityId) -> bool {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) == Some(municipality)
    }

    fn remember(&self, municipality: MunicipalityId) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(municipality);
    }
}

impl<'a, C: TenantConnection> Tenant<'a, C> {
    /// A handle whose every call is a transaction of its own.
    pub(crate) fn new(db: &'a C, municipality: MunicipalityId) -> Self {
        Self {
            db,
            municipality,
            unit_of_work: None,
        }
    }

    /// A handle inside the transaction `db` of a unit of work.
    pub(crate) fn within(db: &'a C, municipality: MunicipalityId, set: &'a SetTenant) -> Self {
        Self {
            db,
            municipality,
            unit_of_work: Some(set),
        }
    }

    pub fn municipality(&self) -> MunicipalityId {
        self.municipality
    }

    /// Opens a transaction (a savepoint inside a unit of work) in which PostgreSQL's row-level
    /// security sees this tenant.
    ///
    /// The setting is local to the transaction, so that a pooled connection never carries one
    /// tenant into another's request. Inside a unit of work it goes on the unit's own
    /// transaction, before the savepoint, so that a savepoint rolled back cannot take it
    /// along, and it is sent again only when another tenant's handle was used in between.
    /// That relies on the handles of a unit of work taking turns, as they do: its transaction
    /// runs one statement at a time, and no caller awaits two of them at once.
    async fn begin(&self) -> Result<C::Transaction, StoreError> {
        let Some(set) = self.unit_of_work else {
            let tx = self.db.begin().await?;
            set_tenant(&tx, self.municipality).await?;
            return Ok(tx);
        };
        self.set_in_unit_of_work(set).await?;
        Ok(self.db.begin().await?)
    }

    async fn set_in_unit_of_work(&self, set: &SetTenant) -> Result<(), StoreError> {
        if !set.is(self.municipality) {
            set_tenant(self.db, self.municipality).await?;
            set.remember(self.municipality);
        }
        Ok(())
    }

    /// Runs `work` in a transaction of this tenant: committed when it succeeds, rolled back
    /// when it fails.
    pub(crate) async fn transaction<T>(
        &self,
        work: impl AsyncFnOnce(&C::Transaction) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.begin().await?;
        let value = work(&tx).await?;
        tx.commit().await?;
        Ok(value)
    }

    /// A read of one statement at the fewest round trips (see [`reads`]): inside a unit of
    /// work on its transaction, without a savepoint, since a read leaves nothing to roll back.
    pub(crate) async fn all<E: EntityTrait>(
        &self,
        query: Select<E>,
    ) -> Result<Vec<E::Model>, StoreError> {
        if let Some(set) = self.unit_of_work {
            self.set_in_unit_of_work(set).await?;
            return Ok(query.all(self.db).await?);
        }
        match self.db.read_path() {
            ReadPath::Sqlite => return Ok(query.all(self.db).await?),
            ReadPath::Postgres(pool) => {
                let tenant = self.municipality.to_string();
                if let Some(rows) = reads::with_setting(pool, TENANT_SETTING, &tenant, &query).await
                {
                    return rows;
                }
            }
            ReadPath::Transaction => {}
        }
        self.transaction(async |tx| Ok(query.all(tx).await?)).await
    }

    /// Reads several statements that must agree with each other (one state of the database):
    /// on PostgreSQL in one round trip where it can, else in a transaction of this tenant (on
    /// its unit of work's transaction inside one); the rows of each, in order.
    pub(crate) async fn all_together(
        &self,
        statements: Vec<SelectStatement>,
    ) -> Result<Vec<Vec<QueryResult>>, StoreError> {
        if let Some(set) = self.unit_of_work {
            self.set_in_unit_of_work(set).await?;
            return each_of(self.db, &statements).await;
        }
        if let ReadPath::Postgres(pool) = self.db.read_path() {
            let tenant = self.municipality.to_string();
            if let Some(groups) = reads::several(pool, TENANT_SETTING, &tenant, &statements).await {
                return groups;
            }
        }
        self.transaction(async |tx| each_of(tx, &statements).await)
            .await
    }

    /// [`Tenant::all`], each row turned into the record the store hands out.
    pub(crate) async fn records<E: EntityTrait, R: From<E::Model>>(
        &self,
        query: Select<E>,
    ) -> Result<Vec<R>, StoreError> {
        Ok(self.all(query).await?.into_iter().map(R::from).collect())
    }

    pub(crate) async fn one<E: EntityTrait>(
        &self,
        query: Select<E>,
    ) -> Result<Option<E::Model>, StoreError> {
        Ok(self.all(query.limit(1)).await?.into_iter().next())
    }

    /// Inserts `row` in a transaction of its own.
    pub(crate) async fn add_row<N: NewRow>(&self, row: N) -> Result<(), StoreError> {
        let insert = self.insert(row);
        self.transaction(async |tx| {
            insert.exec(tx).await?;
            Ok(())
        })
        .await
    }

    /// Runs `update` in a transaction of its own; whether it changed a row.
    pub(crate) async fn changed<E: EntityTrait>(
        &self,
        update: UpdateMany<E>,
    ) -> Result<bool, StoreError> {
        self.transaction(async |tx| Ok(update.exec(tx).await?.rows_affected > 0))
            .await
    }

    /// Runs `delete` in a transaction of its own; whether it deleted a row.
    pub(crate) async fn removed<E: EntityTrait>(
        &self,
        delete: DeleteMany<E>,
    ) -> Result<bool, StoreError> {
        self.transaction(async |tx| Ok(delete.exec(tx).await?.rows_affected > 0))
            .await
    }

    /// This tenant's rows of the table of `M`: where every read of a tenant table starts.
    pub(crate) fn rows<M: ModelTrait<Entity: TenantOwned>>(&self) -> Select<M::Entity> {
        M::Entity::find().filter(self.owns::<M::Entity>())
    }

    /// By key, and still by tenant: on SQLite a key alone would find another tenant's row.
    pub(crate) fn row_by_id<M: ModelTrait<Entity: TenantOwned>>(
        &self,
        id: KeyOf<M>,
    ) -> Select<M::Entity> {
        M::Entity::find_by_id(id).filter(self.owns::<M::Entity>())
    }

    /// Changes to this tenant's rows of the table of `M`; like [`Tenant::delete`], filtered by
    /// the tenant before the caller adds anything, so that no filter of the caller's can be the
    /// only one.
    pub(crate) fn update<M: ModelTrait<Entity: TenantOwned>>(&self) -> UpdateMany<M::Entity> {
        M::Entity::update_many().filter(self.owns::<M::Entity>())
    }

    pub(crate) fn delete<M: ModelTrait<Entity: TenantOwned>>(&self) -> DeleteMany<M::Entity> {
        M::Entity::delete_many().filter(self.owns::<M::Entity>())
    }

    /// The tenant column comes from the handle, never from the caller's row.
    pub(crate) fn insert<N: NewRow>(&self, row: N) -> Insert<RowOf<N>> {
        N::Table::insert(row.into_row(self.municipality))
    }

    pub(crate) fn insert_many<N: NewRow>(
        &self,
        rows: impl IntoIterator<Item = N>,
    ) -> InsertMany<RowOf<N>> {
        N::Table::insert_many(rows.into_iter().map(|row| row.into_row(self.municipality)))
    }

    /// Inserts `rows` in statements of at most [`ROWS_PER_STATEMENT`] rows each, inside the
    /// caller's transaction `tx`.
    pub(crate) async fn insert_batches<N: NewRow>(
        &self,
        tx: &C::Transaction,
        rows: impl IntoIterator<Item = N>,
    ) -> Result<(), sea_orm::DbErr> {
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let batch: Vec<N> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
            self.insert_many(batch).exec(tx).await?;
        }
        Ok(())
    }

    /// Overwrites this tenant's row that has `row`'s key with `row`, all but the columns that
    /// record when the row was made; a key of another tenant matches nothing.
    pub(crate) fn replace<N: NewRow>(&self, row: N) -> UpdateMany<N::Table> {
        let mut active = row.into_row(self.municipality);
        let mut update = N::Table::update_many().filter(self.owns::<N::Table>());
        for key in <<N::Table as EntityTrait>::PrimaryKey as Iterable>::iter() {
            let column = key.into_column();
            if let Some(value) = active.get(column).into_value() {
                update = update.filter(column.eq(value));
            }
            active.not_set(column);
        }
        active.not_set(N::Table::tenant_column());
        for column in N::KEPT {
            active.not_set(*column);
        }
        update.set(active)
    }

    fn owns<E: TenantOwned>(&self) -> SimpleExpr {
        E::tenant_column().eq(self.municipality)
    }
}

/// The rows of each statement, one statement after another on `db`.
async fn each_of(
    db: &impl ConnectionTrait,
    statements: &[SelectStatement],
) -> Result<Vec<Vec<QueryResult>>, StoreError> {
    let mut groups = Vec::with_capacity(statements.len());
    for statement in statements {
        let statement = db.get_database_backend().build(statement);
        groups.push(db.query_all_raw(statement).await?);
    }
    Ok(groups)
}

/// Names the tenant for PostgreSQL's row-level security until the transaction ends.
async fn set_tenant(
    db: &impl ConnectionTrait,
    municipality: MunicipalityId,
) -> Result<(), StoreError> {
    if db.get_database_backend() == DbBackend::Postgres {
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config($1, $2, true)",
            [TENANT_SETTING.into(), municipality.to_string().into()],
        ))
        .await?;
    }
    Ok(())
}
