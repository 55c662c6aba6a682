//! The wall around tenant rows, on both databases.

mod isolation;
mod reads;

use praevnet_testkit::TestDatabase;
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};

use crate::{CouncilData, MunicipalityData, MunicipalityId, Store, StoreOptions, migrate_up};

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

async fn two_tenants(db: &TestDatabase) -> (Store, MunicipalityId, MunicipalityId) {
    migrate_up(&db.url).await.expect("migrate");
    let store = Store::connect(&db.url, &StoreOptions::default())
        .await
        .expect("connect");
    let leipzig = store
        .municipalities()
        .insert(city("Leipzig", "14713000"))
        .await
        .expect("insert");
    let chemnitz = store
        .municipalities()
        .insert(city("Chemnitz", "14511000"))
        .await
        .expect("insert");
    for id in [leipzig.id, chemnitz.id] {
        let data = CouncilData {
            name: format!("Rat {id}"),
            founding_resolution: None,
            founding_date: None,
        };
        store
            .tenant(id)
            .save_council(data)
            .await
            .expect("save council");
    }
    (store, leipzig.id, chemnitz.id)
}

/// Municipalities whose councils an unfiltered query sees in one transaction, after
/// `setting` (if any) was bound as the tenant.
async fn visible_councils(
    store: &Store,
    setting: Option<&str>,
) -> Result<Vec<String>, sea_orm::DbErr> {
    let tx = store.connection().begin().await?;
    if let Some(value) = setting {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('praevnet.municipality_id', $1, true)",
            [value.into()],
        ))
        .await?;
    }
    // Deliberately no WHERE clause: the application's filter is left out.
    let rows = tx
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT municipality_id::text AS m FROM councils",
        ))
        .await?;
    tx.rollback().await?;
    rows.iter()
        .map(|row| row.try_get::<String>("", "m"))
        .collect()
}

#[tokio::test]
async fn row_level_security_hides_other_tenants_without_the_app_filter() {
    let Some(db) = TestDatabase::postgres().await else {
        eprintln!(
            "skipped: row-level security exists only on PostgreSQL; set PRAEVNET_TEST_POSTGRES_URL"
        );
        return;
    };
    let (store, leipzig, chemnitz) = two_tenants(&db).await;

    // The pool works as the application role: not the owner, no superuser, no bypass.
    let role = store
        .connection()
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT current_user::text AS who, r.rolsuper AS sup, r.rolbypassrls AS bypass,
                    pg_get_userbyid(c.relowner)::text AS owner
             FROM pg_roles r, pg_class c
             WHERE r.rolname = current_user AND c.relname = 'councils'",
        ))
        .await
        .expect("query role")
        .expect("one row");
    let who: String = role.try_get("", "who").expect("who");
    let owner: String = role.try_get("", "owner").expect("owner");
    assert_eq!(who, "praevnet_app");
    assert_ne!(
        owner, who,
        "the application role must not own tenant tables"
    );
    assert!(!role.try_get::<bool>("", "sup").expect("sup"));
    assert!(!role.try_get::<bool>("", "bypass").expect("bypass"));

    assert_eq!(
        visible_councils(&store, None).await.expect("missing"),
        Vec::<String>::new()
    );
    let unknown = uuid::Uuid::now_v7().to_string();
    assert_eq!(
        visible_councils(&store, Some(&unknown))
            .await
            .expect("wrong"),
        Vec::<String>::new()
    );
    assert_eq!(
        visible_councils(&store, Some("")).await.expect("empty"),
        Vec::<String>::new()
    );
    assert_eq!(
        visible_councils(&store, Some(&leipzig.to_string()))
            .await
            .expect("leipzig"),
        vec![leipzig.to_string()]
    );
    assert!(
        visible_councils(&store, Some("not-a-uuid")).await.is_err(),
        "garbage must fail, not leak"
    );

    // Writing another tenant's row under one's own tenant is refused by the policy.
    let tx = store.connection().begin().await.expect("begin");
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('praevnet.municipality_id', $1, true)",
        [leipzig.to_string().into()],
    ))
    .await
    .expect("set tenant");
    let foreign = tx
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE councils SET name = 'gekapert' WHERE municipality_id = $1",
            [chemnitz.as_uuid().into()],
        ))
        .await
        .expect("update runs");
    assert_eq!(
        foreign.rows_affected(),
        0,
        "another tenant's row is invisible to UPDATE"
    );
    let insert = tx
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO councils (id, municipality_id, name, created_at, updated_at)
             VALUES ($1, $2, 'fremd', now(), now())",
            [uuid::Uuid::now_v7().into(), chemnitz.as_uuid().into()],
        ))
        .await;
    assert!(
        insert.is_err(),
        "inserting for another tenant violates the policy"
    );
    tx.rollback().await.expect("rollback");

    // A read scope (a state office's overview) shows the named tenants and writes nothing.
    let tx = store.connection().begin().await.expect("begin");
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('praevnet.municipality_scope', $1, true)",
        [format!("{leipzig},{chemnitz}").into()],
    ))
    .await
    .expect("set scope");
    let seen = tx
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT municipality_id::text AS m FROM councils ORDER BY 1",
        ))
        .await
        .expect("scoped read");
    assert_eq!(seen.len(), 2, "both tenants of the scope are readable");
    let written = tx
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE councils SET name = 'gekapert' WHERE municipality_id = $1",
            [chemnitz.as_uuid().into()],
        ))
        .await
        .expect("update runs");
    assert_eq!(written.rows_affected(), 0, "a read scope cannot write");
    tx.rollback().await.expect("rollback");

    // A Land's scope names the Land: its municipalities are readable, another Land's not.
    for (land, expected) in [("land:SN", 2), ("land:ST", 0), ("land:ST,SN", 2)] {
        let tx = store.connection().begin().await.expect("begin");
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('praevnet.municipality_scope', $1, true)",
            [land.into()],
        ))
        .await
        .expect("set scope");
        let seen = tx
            .query_all_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT municipality_id::text AS m FROM councils",
            ))
            .await
            .expect("scoped read");
        assert_eq!(seen.len(), expected, "councils seen in the scope {land}");
        tx.rollback().await.expect("rollback");
    }

    // The handle itself sees exactly its own council.
    let own = store
        .tenant(chemnitz)
        .council()
        .await
        .expect("council")
        .expect("exists");
    assert_eq!(own.municipality_id, chemnitz);
    store.close().await.expect("close");
}

#[tokio::test]
async fn handle_scopes_every_query_on_sqlite_too() {
    let db = TestDatabase::sqlite();
    let (store, leipzig, chemnitz) = two_tenants(&db).await;
    for id in [leipzig, chemnitz] {
        let council = store
            .tenant(id)
            .council()
            .await
            .expect("council")
            .expect("exists");
        assert_eq!(council.municipality_id, id);
        assert_eq!(council.name, format!("Rat {id}"));
    }
    let nobody = MunicipalityId::from_uuid(uuid::Uuid::now_v7());
    assert_eq!(store.tenant(nobody).council().await.expect("query"), None);
}
