//! The infrastructure the use cases run on: the store, the mailer, the file store, this
//! replica's search index and the session settings. It knows no area; each area adds its
//! handle (`services.council()`) in its own folder, so no arrow runs from here up to them.

use std::sync::Arc;

use chrono::Duration;
use praevnet_store::Store;

use crate::Result;
use crate::index::{SearchSetup, SearchState};
use crate::kernel::files::LocalFiles;
use crate::kernel::mail::Mailer;
use crate::kernel::outbox::MailReady;

/// How long a session lives: `idle` after the last request, at most `absolute` after login.
#[derive(Clone, Copy, Debug)]
pub struct SessionSettings {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle: Duration::hours(8),
            absolute: Duration::days(14),
        }
    }
}

/// Entry point of every transport into the domain: the infrastructure every use case needs.
/// The use cases are on the areas' handles (`services.council()`, `services.network()`, ...),
/// each in its own folder, so that this type does not grow with every feature.
#[derive(Clone, Debug)]
pub struct Services {
    pub(crate) store: Store,
    pub(crate) sessions: SessionSettings,
    pub(crate) mailer: Option<Arc<dyn Mailer>>,
    /// Where users reach the platform; links in mails start with it.
    pub(crate) public_url: String,
    /// This replica's search index of the network.
    pub(crate) search: Arc<SearchState>,
    /// Where uploaded files are kept.
    pub(crate) files: LocalFiles,
    /// Rung when a commit put mail into the outbox.
    pub(crate) mail_ready: MailReady,
}

impl Services {
    pub fn new(store: Store, sessions: SessionSettings, search: SearchSetup) -> Self {
        Self {
            store,
            sessions,
            mailer: None,
            public_url: "http://127.0.0.1:8080".into(),
            search: Arc::new(SearchState::new(search)),
            files: LocalFiles::new("data/files"),
            mail_ready: MailReady::default(),
        }
    }

    /// Keeps uploaded files in `files` instead of `data/files`.
    pub fn with_files(mut self, files: LocalFiles) -> Self {
        self.files = files;
        self
    }

    /// Enables mail (invitations, password resets) with links to `public_url`.
    pub fn with_mail(
        mut self,
        mailer: Option<Arc<dyn Mailer>>,
        public_url: impl Into<String>,
    ) -> Self {
        self.mailer = mailer;
        self.public_url = public_url.into();
        self
    }

    /// Whether the database answers, for readiness probes.
    /// Refuses at once while the database is known to be down (see the store's outage).
    pub fn require_database(&self) -> Result<()> {
        Ok(self.store.require_up()?)
    }

    pub async fn ping(&self) -> Result<()> {
        Ok(self.store.ping().await?)
    }

    /// Closes the database pool: connections end cleanly (SQLite checkpoints its log) and
    /// release what they hold, such as the spans of their last statement.
    pub async fn close(&self) -> Result<()> {
        Ok(self.store.clone().close().await?)
    }
}
