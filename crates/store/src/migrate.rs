//! Applying the schema history, on a connection of its own as the owner of the tables.

use praevnet_migrations::{Migrator, MigratorTrait};
use sea_orm::{Database, DatabaseConnection};

use crate::StoreError;
use crate::connection::{Backend, connect_options, create_sqlite_parent_dir};

/// Where a database stands in the schema history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationState {
    pub applied: Vec<String>,
    pub pending: Vec<String>,
}

async fn owner_connection(url: &str) -> Result<DatabaseConnection, StoreError> {
    let backend = Backend::of_url(url).ok_or_else(|| {
        StoreError::Corrupt(format!("unsupported database URL scheme in {url:?}"))
    })?;
    if backend == Backend::Sqlite {
        create_sqlite_parent_dir(url)?;
    }
    let db = Database::connect(connect_options(url, backend)).await?;
    Ok(db)
}

/// Applies all pending migrations.
pub async fn migrate_up(url: &str) -> Result<(), StoreError> {
    let db = owner_connection(url).await?;
    let result = Migrator::up(&db, None).await;
    db.close().await?;
    result.map_err(StoreError::from)
}

/// Rolls back the last `steps` migrations (all of them with `None`).
pub async fn migrate_down(url: &str, steps: Option<u32>) -> Result<(), StoreError> {
    let db = owner_connection(url).await?;
    let result = Migrator::down(&db, steps).await;
    db.close().await?;
    result.map_err(StoreError::from)
}

pub async fn migrate_status(url: &str) -> Result<MigrationState, StoreError> {
    let db = owner_connection(url).await?;
    let applied = Migrator::get_applied_migrations(&db).await;
    let pending = Migrator::get_pending_migrations(&db).await;
    db.close().await?;
    let names = |list: Vec<praevnet_migrations::Migration>| {
        list.iter().map(|m| m.name().to_owned()).collect::<Vec<_>>()
    };
    Ok(MigrationState {
        applied: names(applied?),
        pending: names(pending?),
    })
}
