//! Failing fast while the database is known to be down.
//!
//! While the database is unreachable, every request that needs a connection would wait the
//! pool's whole acquire timeout (the pool keeps trying to connect until then) before it is
//! told to retry: users wait seconds for an error, and requests pile up. Once a unit of work,
//! a session lookup or the readiness probe finds the database unreachable, the store answers
//! "unavailable" at once, and one background task pings the database until it answers again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sea_orm::{DatabaseConnection, DbErr};

use crate::StoreError;

/// How often the watcher asks a database that is down whether it is back.
const PROBE_INTERVAL: Duration = Duration::from_millis(500);

/// How long a ping may take before the database counts as unreachable: well under the
/// readiness probe's own timeout, so that the probe's unanswered ping is noticed rather than
/// cancelled, and short enough that the watcher asks again soon.
pub(crate) const PING_TIMEOUT: Duration = Duration::from_millis(1500);

/// Whether the database is known to be down; shared by the clones of one store.
#[derive(Debug, Default)]
pub(crate) struct Outage {
    down: AtomicBool,
}

impl Outage {
    /// The error for a request while the database is known to be down.
    pub(crate) fn check(&self) -> Result<(), StoreError> {
        if self.down.load(Ordering::Acquire) {
            return Err(StoreError::Unavailable(DbErr::Custom(
                "the database is known to be down; waiting for it to answer again".into(),
            )));
        }
        Ok(())
    }

    /// Takes note of an error: an unreachable database marks the outage and starts the
    /// watcher (once, however many requests notice it).
    pub(crate) fn notice(self: &Arc<Self>, err: &StoreError, db: &DatabaseConnection) {
        if !matches!(err, StoreError::Unavailable(_)) || self.down.swap(true, Ordering::AcqRel) {
            return;
        }
        tracing::warn!(%err, "database unavailable: requests are refused at once until it answers");
        let outage = Arc::clone(self);
        let db = db.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(PROBE_INTERVAL).await;
                if let Ok(Ok(())) = tokio::time::timeout(PING_TIMEOUT, db.ping()).await {
                    outage.down.store(false, Ordering::Release);
                    tracing::info!("database answers again");
                    return;
                }
            }
        });
    }
}
