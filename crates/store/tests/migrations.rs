//! The one schema history goes up, all the way down, and up again on both databases.

use praevnet_store::{Store, StoreOptions, migrate_down, migrate_status, migrate_up};
use praevnet_testkit::{TestDatabase, on_both_databases};

async fn up_down_up(db: TestDatabase) {
    migrate_up(&db.url).await.expect("first up");
    let state = migrate_status(&db.url).await.expect("status");
    assert!(state.pending.is_empty(), "{state:?}");
    assert!(!state.applied.is_empty());

    migrate_down(&db.url, None).await.expect("down");
    let state = migrate_status(&db.url).await.expect("status");
    assert!(state.applied.is_empty(), "{state:?}");

    migrate_up(&db.url).await.expect("second up");
    let state = migrate_status(&db.url).await.expect("status");
    assert!(state.pending.is_empty(), "{state:?}");

    // The schema works after the round trip, through the application's own connection.
    let store = Store::connect(&db.url, &StoreOptions::default())
        .await
        .expect("connect");
    assert_eq!(store.municipalities().count().await.expect("count"), 0);
    store.close().await.expect("close");
}

on_both_databases!(up_down_up);
