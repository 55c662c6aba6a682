//! PostgreSQL's second tenancy wall: the application role and row-level security.
//!
//! The application never connects as the owner of the tables. Its connections switch to
//! [`APP_ROLE`], which owns nothing and cannot bypass row-level security, so a tenant table
//! shows only the rows of the municipality set for the current transaction with
//! `set_config('praevnet.municipality_id', $1, true)`. A missing or wrong setting shows no rows.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// The role the application works as on PostgreSQL; it is shared by all databases of a cluster.
pub const APP_ROLE: &str = "praevnet_app";

/// The transaction-local setting that names the tenant; read by [`TENANT_FUNCTION`].
pub const TENANT_SETTING: &str = "praevnet.municipality_id";

/// SQL function every tenant policy compares with; NULL (no row matches) when unset.
pub const TENANT_FUNCTION: &str = "praevnet_current_municipality";

/// The transaction-local setting that names several tenants for reading at once (a state
/// office's overview of its municipalities): comma-separated ids, read by [`SCOPE_FUNCTION`].
pub const SCOPE_SETTING: &str = "praevnet.municipality_scope";

/// SQL function of the read-only scope policies; an empty array when unset.
pub const SCOPE_FUNCTION: &str = "praevnet_current_scope";

fn is_postgres(manager: &SchemaManager<'_>) -> bool {
    manager.get_database_backend() == DbBackend::Postgres
}

/// Runs `sql` on PostgreSQL only: SQLite has no roles, policies or SQL functions, so there
/// each step of this wall is skipped.
pub(crate) async fn execute_on_postgres(
    manager: &SchemaManager<'_>,
    sql: &str,
) -> Result<(), DbErr> {
    if is_postgres(manager) {
        manager.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

/// Creates the application role (once per cluster) and the tenant function.
///
/// The role is created in a block that tolerates a concurrent creation, because test runs
/// migrate many databases of one cluster at the same time.
pub async fn install(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let db = manager.get_connection();
    db.execute_unprepared(&format!(
        "DO $$ BEGIN
           IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
             CREATE ROLE {APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
           END IF;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
         END $$;"
    ))
    .await?;
    // A migrator that is not a superuser needs membership to hand its connections to the role.
    db.execute_unprepared(&format!(
        "DO $$ BEGIN
           IF NOT pg_has_role(current_user, '{APP_ROLE}', 'MEMBER') THEN
             EXECUTE format('GRANT {APP_ROLE} TO %I', current_user);
           END IF;
         EXCEPTION WHEN unique_violation THEN NULL;
         END $$;"
    ))
    .await?;
    db.execute_unprepared(&format!(
        "CREATE OR REPLACE FUNCTION {TENANT_FUNCTION}() RETURNS uuid
         LANGUAGE sql STABLE PARALLEL SAFE
         AS $$ SELECT NULLIF(current_setting('{TENANT_SETTING}', true), '')::uuid $$"
    ))
    .await?;
    Ok(())
}

/// Removes what [`install`] added to this database; the cluster-wide role stays for others.
pub async fn uninstall(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    execute_on_postgres(
        manager,
        &format!("DROP FUNCTION IF EXISTS {TENANT_FUNCTION}()"),
    )
    .await
}

/// Lets the application role read and write a table shared by all tenants.
pub async fn grant_shared_table(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    execute_on_postgres(
        manager,
        &format!("GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE}"),
    )
    .await
}

/// Makes a table tenant-owned: grants plus forced row-level security on `municipality_id`.
pub async fn protect_tenant_table(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    grant_shared_table(manager, table).await?;
    let db = manager.get_connection();
    for sql in [
        format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"),
        format!("ALTER TABLE {table} FORCE ROW LEVEL SECURITY"),
        format!(
            "CREATE POLICY {table}_tenant ON {table}
             USING (municipality_id = {TENANT_FUNCTION}())
             WITH CHECK (municipality_id = {TENANT_FUNCTION}())"
        ),
    ] {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Installs [`SCOPE_FUNCTION`].
pub async fn install_scope(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    execute_on_postgres(
        manager,
        &format!(
            "CREATE OR REPLACE FUNCTION {SCOPE_FUNCTION}() RETURNS uuid[]
             LANGUAGE sql STABLE PARALLEL SAFE
             AS $$ SELECT COALESCE(string_to_array(NULLIF(current_setting('{SCOPE_SETTING}', true), ''), ',')::uuid[], '{{}}'::uuid[]) $$"
        ),
    )
    .await
}

/// Installs [`SCOPE_FUNCTION`] in its second form: the setting names either municipalities
/// (their ids, comma-separated) or Länder (`land:SN,ST`), whose municipalities the function
/// looks up, so that a state office's scope is a few bytes instead of hundreds of ids.
pub async fn install_land_scope(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    execute_on_postgres(
        manager,
        &format!(
            "CREATE OR REPLACE FUNCTION {SCOPE_FUNCTION}() RETURNS uuid[]
             LANGUAGE sql STABLE PARALLEL SAFE
             AS $$
               SELECT CASE
                 WHEN s LIKE 'land:%' THEN (
                   SELECT COALESCE(array_agg(m.id), '{{}}'::uuid[]) FROM municipalities m
                   WHERE m.federal_state = ANY(string_to_array(substr(s, 6), ',')))
                 ELSE COALESCE(string_to_array(NULLIF(s, ''), ',')::uuid[], '{{}}'::uuid[])
               END
               FROM (SELECT current_setting('{SCOPE_SETTING}', true) AS s) AS setting
             $$"
        ),
    )
    .await
}

/// Lets a transaction that set [`SCOPE_SETTING`] read (never write) the rows of those
/// tenants: a second, permissive policy for SELECT only. The function sits in a scalar
/// subquery so that PostgreSQL parses the list once per statement, not once per row (which
/// made the overview of all 10,800 municipalities take seconds).
pub async fn allow_scoped_reads(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    execute_on_postgres(
        manager,
        &format!(
            "CREATE POLICY {table}_scope ON {table} FOR SELECT
             USING (municipality_id = ANY((SELECT {SCOPE_FUNCTION}())::uuid[]))"
        ),
    )
    .await
}

/// Removes what [`install_scope`] and [`allow_scoped_reads`] added.
pub async fn uninstall_scope(manager: &SchemaManager<'_>, tables: &[&str]) -> Result<(), DbErr> {
    if !is_postgres(manager) {
        return Ok(());
    }
    let db = manager.get_connection();
    for table in tables {
        db.execute_unprepared(&format!("DROP POLICY IF EXISTS {table}_scope ON {table}"))
            .await?;
    }
    db.execute_unprepared(&format!("DROP FUNCTION IF EXISTS {SCOPE_FUNCTION}()"))
        .await?;
    Ok(())
}
