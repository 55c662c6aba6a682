//! Errors of the store, classified so that core can answer users without database details.

use sea_orm::{DbErr, RuntimeErr, SqlErr, sqlx};

/// A unique column whose violation the user can fix by choosing another value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UniqueField {
    Ags,
    Slug,
    Email,
    OrganisationName,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unique value already taken: {0:?}")]
    Conflict(UniqueField),
    /// The database cannot be reached (down, restarting, pool exhausted); worth retrying.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] DbErr),
    #[error("database error: {0}")]
    Database(#[source] DbErr),
    /// A row that the database holds but that breaks an invariant of the code.
    #[error("corrupt record: {0}")]
    Corrupt(String),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        if is_unavailable(&err) {
            StoreError::Unavailable(err)
        } else {
            StoreError::Database(err)
        }
    }
}

fn is_unavailable(err: &DbErr) -> bool {
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            matches!(
                **e,
                sqlx::Error::Io(_)
                    | sqlx::Error::PoolTimedOut
                    | sqlx::Error::PoolClosed
                    | sqlx::Error::Tls(_)
                    | sqlx::Error::WorkerCrashed
            )
        }
        _ => false,
    }
}

/// Maps a unique violation to the field the user must change; other errors pass through.
///
/// The constraint names come from the migrations (`municipalities_ags_key`, ...) on
/// PostgreSQL and the column names (`municipalities.ags`) on SQLite.
pub(crate) fn classify_unique(err: DbErr) -> StoreError {
    if let Some(SqlErr::UniqueConstraintViolation(message)) = err.sql_err() {
        if message.contains("organisations") {
            return StoreError::Conflict(UniqueField::OrganisationName);
        }
        if message.contains("ags") {
            return StoreError::Conflict(UniqueField::Ags);
        }
        if message.contains("slug") {
            return StoreError::Conflict(UniqueField::Slug);
        }
        if message.contains("email") {
            return StoreError::Conflict(UniqueField::Email);
        }
    }
    StoreError::from(err)
}
