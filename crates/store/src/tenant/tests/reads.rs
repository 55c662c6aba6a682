//! Reads on their own: on PostgreSQL the tenant setting travels with the statement in one
//! message, and is still the wall; text that could leave a string literal takes the
//! transaction instead and finds the same rows.

use praevnet_testkit::{TestDatabase, on_both_databases};
use sea_orm::{ColumnTrait, EntityTrait, ModelTrait, QueryFilter};

use super::two_tenants;
use crate::OrganisationData;
use crate::tenant::{council, organisation};

/// Without the handle's filter, PostgreSQL's row-level security alone keeps a read on its own
/// to the tenant the message names.
async fn a_read_on_its_own_is_walled_by_its_setting(db: TestDatabase) {
    let (store, leipzig, chemnitz) = two_tenants(&db).await;
    for (own, other) in [(leipzig, chemnitz), (chemnitz, leipzig)] {
        let tenant = store.tenant(own);
        let seen: Vec<_> = tenant
            .all(<council::Model as ModelTrait>::Entity::find())
            .await
            .expect("read")
            .into_iter()
            .map(|c| c.municipality_id)
            .collect();
        if db.is_postgres() {
            assert_eq!(seen, vec![own], "row-level security");
        } else {
            // SQLite has no policies: there the wall is the handle's `rows`, which this
            // read leaves out on purpose.
            assert!(seen.contains(&own) && seen.contains(&other));
        }
        let walled = tenant.all(tenant.rows::<council::Model>()).await;
        let walled: Vec<_> = walled
            .expect("read")
            .into_iter()
            .map(|c| c.municipality_id)
            .collect();
        assert_eq!(walled, vec![own]);
    }
}

/// Names with quotes, backslashes and statement separators are read as the values they are,
/// whichever way the read goes.
async fn text_in_a_read_is_a_value(db: TestDatabase) {
    let (store, leipzig, chemnitz) = two_tenants(&db).await;
    let names = [
        "Polizeirevier",
        "O'Brien \\ Söhne'; SELECT set_config('praevnet.municipality_id', '', true); --",
        "Verein \"Nachbarschaft\" e.V.",
    ];
    for name in names {
        for id in [leipzig, chemnitz] {
            let data = OrganisationData {
                name: name.into(),
                sector: "police".into(),
            };
            store
                .tenant(id)
                .insert_organisation(data)
                .await
                .expect("organisation");
        }
    }
    for name in names {
        let tenant = store.tenant(leipzig);
        let query = tenant
            .rows::<organisation::Model>()
            .filter(organisation::Column::Name.eq(name));
        let found = tenant.all(query).await.expect("read");
        assert_eq!(found.len(), 1, "{name}");
        assert_eq!(found[0].name, name);
        assert_eq!(found[0].municipality_id, leipzig);
    }
}

on_both_databases!(
    a_read_on_its_own_is_walled_by_its_setting,
    text_in_a_read_is_a_value
);
