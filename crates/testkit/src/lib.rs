//! Fresh databases for tests, one per test, on SQLite always and on PostgreSQL when
//! `PRAEVNET_TEST_POSTGRES_URL` names a server (any database on it; the tests create their own).
//! With `PRAEVNET_TEST_REQUIRE_POSTGRES=1` (as in CI) a missing server fails the tests
//! instead of skipping the PostgreSQL half.

mod smtp;

use sea_orm::{ConnectionTrait, Database};
pub use smtp::{ReceivedMail, SmtpSink, decode_quoted_printable};
use tempfile::TempDir;

pub const POSTGRES_URL_VAR: &str = "PRAEVNET_TEST_POSTGRES_URL";
pub const REQUIRE_POSTGRES_VAR: &str = "PRAEVNET_TEST_REQUIRE_POSTGRES";

/// A database that exists for one test and is removed afterwards.
#[derive(Debug)]
pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Folder(#[allow(dead_code, reason = "held only to delete the folder on drop")] TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("temporary folder for SQLite");
        let url = format!("sqlite://{}/praevnet.db", dir.path().display());
        TestDatabase {
            url,
            cleanup: Cleanup::Folder(dir),
        }
    }

    /// A new, empty PostgreSQL database; `None` when no server is configured (the caller
    /// skips), a panic when one is required but missing.
    pub async fn postgres() -> Option<TestDatabase> {
        let Some(admin_url) = std::env::var(POSTGRES_URL_VAR)
            .ok()
            .filter(|v| !v.is_empty())
        else {
            assert!(
                std::env::var_os(REQUIRE_POSTGRES_VAR).is_none(),
                "{REQUIRE_POSTGRES_VAR} is set but {POSTGRES_URL_VAR} is not"
            );
            return None;
        };
        let name = format!("praevnet_test_{}", uuid::Uuid::now_v7().simple());
        let admin = Database::connect(&admin_url)
            .await
            .expect("connect to the PostgreSQL test server");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.expect("close admin connection");
        let url = with_database_name(&admin_url, &name);
        Some(TestDatabase {
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Cleanup::Postgres { admin_url, name } = &self.cleanup else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on; a thread with a
        // runtime of its own removes the database.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let admin = Database::connect(&admin_url).await.ok()?;
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                admin.execute_unprepared(&sql).await.ok()?;
                admin.close().await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(()))) {
            eprintln!("warning: test database was not dropped (the CI script drops leftovers)");
        }
    }
}

/// Replaces the database of a PostgreSQL URL, keeping user, host and parameters. A URL that
/// does not parse is a mistake in the test setup's environment, said as such.
pub fn with_database_name(url: &str, name: &str) -> String {
    let mut parsed = url::Url::parse(url)
        .unwrap_or_else(|e| panic!("PRAEVNET_TEST_POSTGRES_URL is not a URL ({e}): {url}"));
    parsed.set_path(&format!("/{name}"));
    parsed.into()
}

/// Runs each listed `async fn name(db: TestDatabase)` as a test on SQLite and on PostgreSQL.
///
/// The PostgreSQL tests return early, saying so, when no server is configured: the suite
/// must run on a machine with only the Rust toolchain.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::TestDatabase::sqlite()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = $crate::TestDatabase::postgres().await else {
                        eprintln!("skipped: set {} to run this test on PostgreSQL", $crate::POSTGRES_URL_VAR);
                        return;
                    };
                    super::$name(db).await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_database_name;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database_name("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database_name("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(
            with_database_name("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
    }
}
