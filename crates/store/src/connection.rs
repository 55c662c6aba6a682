//! Opening the application's connection pool.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use praevnet_migrations::tenancy::APP_ROLE;
use sea_orm::sqlx::{self, Executor};
use sea_orm::{ConnAcquireErr, ConnectOptions, Database, DatabaseConnection, DbErr};

use crate::accounts::Accounts;
use crate::audit::AuditLog;
use crate::outage::{Outage, PING_TIMEOUT};
use crate::registry::Municipalities;
use crate::tenant::Tenant;
use crate::writes::Writes;
use crate::{MunicipalityId, StoreError};

/// Which database engine a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the engine from a database URL; `None` for engines praevnet does not support.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// Pool settings that operators tune; the rest follows from the engine.
#[derive(Clone, Debug)]
pub struct StoreOptions {
    pub max_connections: u32,
    /// How long a request waits for a free connection before it is told to retry.
    pub acquire_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            max_connections: 16,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// The application's handle on the database.
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    backend: Backend,
    outage: Arc<Outage>,
}

impl Store {
    /// Prepares a pool without connecting, so that a server can start (and report itself not
    /// ready) while its database is still down.
    ///
    /// On PostgreSQL every new connection switches to the application role, which neither owns
    /// the tables nor bypasses row-level security.
    pub async fn connect(url: &str, options: &StoreOptions) -> Result<Store, StoreError> {
        let backend = Backend::of_url(url).ok_or_else(|| {
            StoreError::Corrupt(format!("unsupported database URL scheme in {url:?}"))
        })?;
        if backend == Backend::Sqlite {
            create_sqlite_parent_dir(url)?;
        }
        let mut connect = connect_options(url, backend);
        connect
            .max_connections(options.max_connections)
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy(true);
        if backend == Backend::Postgres {
            connect.map_sqlx_postgres_pool_opts(|pool| {
                pool.after_connect(|conn, _meta| {
                    Box::pin(async move {
                        conn.execute(sqlx::AssertSqlSafe(format!("SET ROLE {APP_ROLE}")))
                            .await
                            .map(|_| ())
                    })
                })
            });
        }
        let db = Database::connect(connect).await?;
        Ok(Store {
            db,
            backend,
            outage: Arc::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers, for the readiness probe (which asks even during an
    /// outage, so that it reports the database back as soon as it is).
    /// A database that does not answer within [`PING_TIMEOUT`] counts as unreachable.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let answer = match tokio::time::timeout(PING_TIMEOUT, self.db.ping()).await {
            Ok(answer) => answer,
            Err(_) => Err(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout)),
        };
        answer.map_err(|err| self.noticed(StoreError::from(err)))
    }

    /// Refuses at once while the database is known to be down, instead of letting the
    /// request wait the pool's acquire timeout.
    pub fn require_up(&self) -> Result<(), StoreError> {
        self.outage.check()
    }

    /// Passes an error on, taking note when it says the database is unreachable.
    pub fn noticed(&self, err: StoreError) -> StoreError {
        self.outage.notice(&err, &self.db);
        err
    }

    /// Opens a unit of work: changes and their audit entry commit together.
    pub async fn writes(&self) -> Result<Writes, StoreError> {
        self.require_up()?;
        Writes::begin(&self.db)
            .await
            .map_err(|err| self.noticed(err))
    }

    /// Users, grants, sessions and login throttling.
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts::new(&self.db)
    }

    /// The append-only record of changes.
    pub fn audit(&self) -> AuditLog<'_> {
        AuditLog::new(&self.db)
    }

    /// The registry of municipalities, which is shared by all tenants.
    pub fn municipalities(&self) -> Municipalities<'_> {
        Municipalities::new(&self.db)
    }

    /// The only way to tenant-owned data: everything done through the handle is scoped to
    /// `municipality`, in the query and (on PostgreSQL) by row-level security.
    pub fn tenant(&self, municipality: MunicipalityId) -> Tenant<'_> {
        Tenant::new(&self.db, municipality)
    }

    /// Funding programmes, shared by all tenants.
    pub fn funding_programmes(&self) -> crate::FundingProgrammes<'_> {
        crate::FundingProgrammes::new(&self.db)
    }

    pub fn network_practices(&self) -> crate::NetworkPractices<'_> {
        crate::NetworkPractices::new(&self.db)
    }

    /// The mail outbox, for the worker that sends it.
    pub fn outbox(&self) -> crate::Outbox<'_> {
        crate::Outbox::new(&self.db)
    }

    pub fn search_changes(&self) -> crate::SearchChanges<'_> {
        crate::SearchChanges::new(&self.db)
    }

    pub fn catalogue_offers(&self) -> crate::CatalogueOffers<'_> {
        crate::CatalogueOffers::new(&self.db)
    }

    pub fn network_attachments(&self) -> crate::NetworkAttachments<'_> {
        crate::NetworkAttachments::new(&self.db)
    }

    pub fn support_offers(&self) -> crate::SupportOffers<'_> {
        crate::SupportOffers::new(&self.db)
    }

    /// Aggregates of several tenants at once (read-only), for overviews across municipalities.
    pub fn scope(&self, reach: crate::Reach) -> crate::Scope<'_> {
        crate::Scope::new(&self.db, reach)
    }

    pub async fn close(self) -> Result<(), StoreError> {
        self.db.close().await.map_err(StoreError::from)
    }

    #[cfg(test)]
    pub(crate) fn connection(&self) -> &DatabaseConnection {
        &self.db
    }
}

/// Options shared by the application pool and the migrating connection.
pub(crate) fn connect_options(url: &str, backend: Backend) -> ConnectOptions {
    let mut options = ConnectOptions::new(url);
    options
        .connect_timeout(Duration::from_secs(5))
        // Each statement is a debug event of target `sqlx::query`: off by default, and what
        // `PRAEVNET_LOG=info,sqlx::query=debug` shows an operator (or counts a benchmark).
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug);
    if backend == Backend::Sqlite {
        options.map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    }
    options
}

/// A new user's first start must not fail because `./data/` does not exist yet.
pub(crate) fn create_sqlite_parent_dir(url: &str) -> Result<(), StoreError> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            StoreError::Corrupt(format!("cannot create directory {}: {e}", parent.display()))
        })?;
    }
    Ok(())
}
