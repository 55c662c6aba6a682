//! Reads of one statement at the fewest round trips the tenant wall allows.
//!
//! A read on its own used to be a transaction of four round trips on PostgreSQL (BEGIN, the
//! tenant setting, the SELECT, COMMIT). PostgreSQL runs the statements of one simple-protocol
//! message as one implicit transaction, so the setting and the SELECT sent together are as
//! walled as before, at one round trip. The simple protocol carries no parameters: the
//! statement goes with its values written into the text, which is done only for values that
//! cannot carry SQL (numbers, ids, dates, truth values, and codes of letters and digits), never
//! for other text. A read with other text in it takes the transaction as before. On SQLite, which has no row-level security, one statement
//! is atomic by itself and needs no transaction around it.

use futures_util::TryStreamExt;
use sea_orm::sea_query::{PostgresQueryBuilder, SelectStatement, Value};
use sea_orm::sqlx::{self, Either, PgPool};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    FromQueryResult, QueryResult, QueryTrait, RuntimeErr, Select, TransactionTrait,
};

use crate::StoreError;

/// How a connection handle reads on its own.
#[derive(Debug)]
pub enum ReadPath<'a> {
    /// One message with the tenant setting, on PostgreSQL's pool.
    Postgres(&'a PgPool),
    /// The statement alone.
    Sqlite,
    /// Inside a transaction a tenant handle did not open: through a savepoint of its own.
    Transaction,
}

/// The connections a tenant handle works on: the pool, or a unit of work's transaction.
pub trait TenantConnection: ConnectionTrait + TransactionTrait {
    fn read_path(&self) -> ReadPath<'_>;
}

impl TenantConnection for DatabaseConnection {
    fn read_path(&self) -> ReadPath<'_> {
        match self.get_database_backend() {
            DbBackend::Postgres => ReadPath::Postgres(self.get_postgres_connection_pool()),
            _ => ReadPath::Sqlite,
        }
    }
}

impl TenantConnection for DatabaseTransaction {
    fn read_path(&self) -> ReadPath<'_> {
        ReadPath::Transaction
    }
}

/// Text that cannot leave a string literal: letters, digits and a few separators (codes,
/// ids, the scope setting).
fn plain(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | ','))
}

/// Values that are safe in the text of a statement: they print as digits, dates, ids, truth
/// values or [`plain`] codes whatever a user sent.
fn inlinable(value: &Value) -> bool {
    if let Value::String(text) = value {
        return text.as_deref().is_none_or(plain);
    }
    matches!(
        value,
        Value::Bool(_)
            | Value::TinyInt(_)
            | Value::SmallInt(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::TinyUnsigned(_)
            | Value::SmallUnsigned(_)
            | Value::Unsigned(_)
            | Value::BigUnsigned(_)
            | Value::Uuid(_)
            | Value::ChronoDate(_)
            | Value::ChronoDateTimeUtc(_)
    )
}

/// Runs `query` with the setting `name` (one of the tenancy constants) at `value` in one round
/// trip; `None` when the value or a value of the query is not safe in the text of a statement
/// (the caller then reads in a transaction).
pub(super) async fn with_setting<E: EntityTrait>(
    pool: &PgPool,
    name: &'static str,
    value: &str,
    query: &Select<E>,
) -> Option<Result<Vec<E::Model>, StoreError>> {
    let rows = several(pool, name, value, std::slice::from_ref(query.as_query())).await?;
    Some(rows.and_then(|mut groups| models::<E::Model>(groups.pop().unwrap_or_default())))
}

/// Runs `statements` with the setting in one round trip and one implicit transaction, so
/// that they read one state of the database; the rows of each, in order. `None` as for
/// [`with_setting`].
pub(super) async fn several(
    pool: &PgPool,
    name: &'static str,
    value: &str,
    statements: &[SelectStatement],
) -> Option<Result<Vec<Vec<QueryResult>>, StoreError>> {
    if !plain(name) || !plain(value) {
        return None;
    }
    let mut sql = format!("SELECT set_config('{name}', '{value}', true)");
    for statement in statements {
        let (_, values) = statement.build(PostgresQueryBuilder);
        if !values.iter().all(inlinable) {
            return None;
        }
        sql.push_str("; ");
        sql.push_str(&statement.to_string(PostgresQueryBuilder));
    }
    Some(run(pool, sql).await)
}

/// The rows of each statement of `sql` but the first (the setting's).
async fn run(pool: &PgPool, sql: String) -> Result<Vec<Vec<QueryResult>>, StoreError> {
    let failed =
        |err: sqlx::Error| StoreError::from(DbErr::Query(RuntimeErr::SqlxError(err.into())));
    let mut answers = sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).fetch_many(pool);
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    while let Some(answer) = answers.try_next().await.map_err(failed)? {
        match answer {
            // The end of a statement.
            Either::Left(_) => groups.push(std::mem::take(&mut rows)),
            Either::Right(row) => rows.push(QueryResult::from(row)),
        }
    }
    if !groups.is_empty() {
        groups.remove(0);
    }
    Ok(groups)
}

/// Rows read as the models of a table.
pub(crate) fn models<M: FromQueryResult>(rows: Vec<QueryResult>) -> Result<Vec<M>, StoreError> {
    rows.iter()
        .map(|row| Ok(M::from_query_result(row, "")?))
        .collect()
}
