//! Errors of the store, classified so that core can answer users without database details.

use sea_orm::{DbErr, RuntimeErr, sqlx};

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
            match &**e {
                sqlx::Error::Io(_)
                | sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Tls(_)
                | sqlx::Error::WorkerCrashed
                // A connection cut while a statement was on the wire.
                | sqlx::Error::Protocol(_) => true,
                sqlx::Error::Database(db) => db.code().is_some_and(|code| passing(&code)),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Database errors that say "try again shortly" rather than "this is wrong": PostgreSQL's
/// connection exceptions (class 08), a server shutting down or starting (57P01–57P03) and too
/// many connections (53300); SQLite's busy and locked database (5, 6 and their extended codes).
fn passing(code: &str) -> bool {
    code.starts_with("08")
        || matches!(code, "57P01" | "57P02" | "57P03" | "53300")
        || matches!(code, "5" | "6" | "261" | "517" | "262")
}

/// A unique index (see the migrations) whose violation the user can resolve.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UniqueIndex {
    /// The index's name, which PostgreSQL reports.
    pub(crate) name: &'static str,
    /// Its columns as SQLite reports them (`table.column, ...`), for SQLite names no index.
    pub(crate) columns: &'static str,
    pub(crate) field: UniqueField,
}

/// Maps a violation of one of `indexes` to [`StoreError::Conflict`]; other errors pass through.
///
/// Each statement names the indexes it can violate, so that a new unique index elsewhere can
/// never be mistaken for one of these by a word in the database's message.
pub(crate) fn on_unique(indexes: &'static [UniqueIndex]) -> impl Fn(DbErr) -> StoreError {
    move |err| match indexes.iter().find(|index| violates(&err, index)) {
        Some(index) => StoreError::Conflict(index.field),
        None => StoreError::from(err),
    }
}

fn violates(err: &DbErr, index: &UniqueIndex) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err
    else {
        return false;
    };
    let sqlx::Error::Database(db) = &**e else {
        return false;
    };
    if !db.is_unique_violation() {
        return false;
    }
    match db.constraint() {
        Some(name) => name == index.name,
        None => db.message().strip_prefix("UNIQUE constraint failed: ") == Some(index.columns),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shutdowns_and_busy_databases_are_passing() {
        assert!(super::passing("57P01"));
        assert!(super::passing("08006"));
        assert!(super::passing("5"));
        assert!(!super::passing("23505"));
        assert!(!super::passing("2067"));
    }

    use praevnet_testkit::{TestDatabase, on_both_databases};

    use super::{StoreError, UniqueField};
    use crate::{MunicipalityData, OrganisationData, Store, StoreOptions, migrate_up};

    fn city(name: &str, ags: &str) -> MunicipalityData {
        MunicipalityData {
            name: name.into(),
            slug: name.to_lowercase(),
            ags: ags.into(),
            federal_state: "SN".into(),
            population: 1000,
            status: "ACTIVE".into(),
        }
    }

    fn conflict<T: std::fmt::Debug>(result: Result<T, StoreError>) -> UniqueField {
        match result {
            Err(StoreError::Conflict(field)) => field,
            other => panic!("expected a conflict, got {other:?}"),
        }
    }

    /// Each statement that can violate a unique index names the field, on inserts and updates
    /// alike, whether the database reports the index (PostgreSQL) or its columns (SQLite).
    async fn unique_violations_name_the_field(db: TestDatabase) {
        migrate_up(&db.url).await.expect("migrate");
        let store = Store::connect(&db.url, &StoreOptions::default())
            .await
            .expect("connect");
        let registry = store.municipalities();
        let leipzig = registry.insert(city("Leipzig", "14713000")).await;
        let leipzig = leipzig.expect("insert");
        registry
            .insert(city("Chemnitz", "14511000"))
            .await
            .expect("insert");
        let ags = registry.insert(city("Dresden", "14713000")).await;
        assert_eq!(conflict(ags), UniqueField::Ags);
        let slug = registry.insert(city("Leipzig", "14612000")).await;
        assert_eq!(conflict(slug), UniqueField::Slug);
        let moved = registry
            .update(leipzig.id, city("Chemnitz", "14713000"))
            .await;
        assert_eq!(conflict(moved), UniqueField::Slug);

        let accounts = store.accounts();
        accounts
            .insert_user("a@example.org", "A")
            .await
            .expect("user");
        let email = accounts.insert_user("a@example.org", "B").await;
        assert_eq!(conflict(email), UniqueField::Email);

        let tenant = store.tenant(leipzig.id);
        let named = |name: &str| OrganisationData {
            name: name.into(),
            sector: "police".into(),
        };
        tenant
            .insert_organisation(named("Polizei"))
            .await
            .expect("organisation");
        let school = tenant.insert_organisation(named("Schule")).await;
        let school = school.expect("organisation");
        let same = tenant.insert_organisation(named("Polizei")).await;
        assert_eq!(conflict(same), UniqueField::OrganisationName);
        let renamed = tenant
            .update_organisation(school.id, named("Polizei"))
            .await;
        assert_eq!(conflict(renamed), UniqueField::OrganisationName);
        store.close().await.expect("close");
    }

    on_both_databases!(unique_violations_name_the_field);
}
