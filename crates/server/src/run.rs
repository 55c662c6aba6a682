//! Starting and stopping the server: bind first, then reach the database in the background,
//! so a database that is down at start means "not ready", not a crash loop.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use praevnet_api::{SchemaOptions, build_schema};
use praevnet_core::SessionSettings;
use praevnet_core::index::SearchSetup;
use praevnet_core::kernel::files::LocalFiles;
use praevnet_core::kernel::mail::Mailer;
use praevnet_core::kernel::outbox::OutboxSettings;
use praevnet_core::{Services, demo};
use praevnet_store::{Store, StoreOptions, migrate_up};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::router;
use crate::config::{Config, Mode};
use crate::mail::SmtpMailer;
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("Adresse {addr} kann nicht gebunden werden: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("E-Mail-Versand kann nicht eingerichtet werden: {0}")]
    Mail(String),
    #[error("Datenbank kann nicht vorbereitet werden: {0}")]
    Store(#[from] praevnet_store::StoreError),
    #[error("Suchindex kann nicht geöffnet werden: {0}")]
    Search(String),
}

/// A running server. Dropping it starts a graceful shutdown; [`Server::shutdown`] also waits
/// for it to finish.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    serving: JoinHandle<std::io::Result<()>>,
    bootstrap: JoinHandle<()>,
    bootstrapped: Arc<AtomicBool>,
    services: Services,
}

impl Server {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn is_bootstrapped(&self) -> bool {
        self.bootstrapped.load(Ordering::Acquire)
    }

    /// Stops accepting connections, waits until the requests in flight are answered, then
    /// closes the database pool.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        self.bootstrap.abort();
        if let Some(stop) = self.stop.take() {
            // The receiver is gone only if serving already ended; then there is nothing to stop.
            let _ = stop.send(());
        }
        let served = match (&mut self.serving).await {
            Ok(result) => result,
            Err(join) => Err(std::io::Error::other(join)),
        };
        if let Err(err) = self.services.close().await {
            tracing::warn!(error = %err, "closing the database pool failed");
        }
        served
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.bootstrap.abort();
    }
}

/// Binds the listener and starts serving; migrations and demo data follow in the background.
pub async fn start(config: Config) -> Result<Server, StartError> {
    let store = Store::connect(
        &config.database_url,
        &StoreOptions {
            max_connections: config.database_max_connections,
            ..StoreOptions::default()
        },
    )
    .await?;
    let sessions = SessionSettings {
        idle: chrono::Duration::minutes(config.session_idle_minutes),
        absolute: chrono::Duration::hours(config.session_absolute_hours),
    };
    let mailer = match &config.smtp {
        Some(smtp) => Some(Arc::new(
            SmtpMailer::new(smtp, &config.mail_from).map_err(StartError::Mail)?,
        ) as Arc<dyn Mailer>),
        None => None,
    };
    let search = match &config.search_index_dir {
        Some(folder) => SearchSetup::in_folder(folder),
        None => SearchSetup::in_memory(),
    }
    .map_err(|e| StartError::Search(e.message(praevnet_core::Lang::De)))?;
    let services = Services::new(store, sessions, search)
        .with_mail(mailer, config.public_url.clone())
        .with_files(LocalFiles::new(&config.files_dir));
    let schema = build_schema(
        services.clone(),
        SchemaOptions {
            introspection: config.mode == Mode::Development,
            max_depth: config.graphql_max_depth,
            max_complexity: config.graphql_max_complexity,
        },
    );
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Bind {
            addr: config.listen,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Bind {
        addr: config.listen,
        source,
    })?;
    let config = Arc::new(config);
    let bootstrapped = Arc::new(AtomicBool::new(false));
    let state = AppState {
        config: config.clone(),
        services: services.clone(),
        schema,
        bootstrapped: bootstrapped.clone(),
    };
    let bootstrap = tokio::spawn(bootstrap_until_done(
        config,
        services.clone(),
        bootstrapped.clone(),
    ));

    let (stop, stopped) = oneshot::channel::<()>();
    let app = router(state);
    let serving = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            // A dropped sender also means stop.
            let _ = stopped.await;
        })
        .await
    });
    tracing::info!(%addr, "praevnet listening");
    Ok(Server {
        addr,
        stop: Some(stop),
        serving,
        bootstrap,
        bootstrapped,
        services,
    })
}

/// Migrates, seeds and builds the search index, retrying with growing pauses while the
/// database is unreachable; then keeps the index following the change log.
async fn bootstrap_until_done(config: Arc<Config>, services: Services, done: Arc<AtomicBool>) {
    let mut pause = Duration::from_millis(250);
    loop {
        match bootstrap(&config, &services).await {
            Ok(()) => {
                done.store(true, Ordering::Release);
                tracing::info!("database ready");
                let outbox = OutboxSettings {
                    first_retry: Duration::from_secs(config.mail_retry_seconds),
                    ..OutboxSettings::default()
                };
                // They run until the task is aborted at shutdown.
                tokio::join!(
                    follow_changes(&services),
                    services.deliver_mail_forever(outbox),
                    remind_forever(&services, &config),
                );
                return;
            }
            Err(err) => {
                tracing::warn!(error = %err, retry_in_ms = pause.as_millis() as u64, "database not ready");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(30));
            }
        }
    }
}

async fn bootstrap(config: &Config, services: &Services) -> Result<(), String> {
    praevnet_core::accounts::password::prepare()
        .await
        .map_err(|e| e.to_string())?;
    migrate_up(config.migration_url())
        .await
        .map_err(|e| e.to_string())?;
    if config.demo_data
        && demo::load_if_empty(services)
            .await
            .map_err(|e| e.to_string())?
    {
        tracing::info!("loaded demo data of the seed cities");
    }
    let start = services
        .index()
        .start()
        .await
        .map_err(|e| e.message(praevnet_core::Lang::De))?;
    tracing::info!(
        rebuilt = start.rebuilt,
        documents = start.documents,
        took_ms = start.took.as_millis() as u64,
        "search index ready"
    );
    Ok(())
}

/// Reminds of the prevention cycle's deadlines at every interval, for as long as the server
/// runs; a failing round is logged and tried again at the next.
async fn remind_forever(services: &Services, config: &Config) {
    if config.reminder_days == 0 {
        return;
    }
    let every = Duration::from_secs(config.reminder_interval_seconds);
    loop {
        let today = chrono::Utc::now().date_naive();
        if let Err(err) = services.remind_deadlines(today, config.reminder_days).await {
            tracing::warn!(error = %err, "deadline reminders: round failed");
        }
        tokio::time::sleep(every).await;
    }
}

/// How often a replica looks for changes of the other replicas.
const FOLLOW_EVERY: Duration = Duration::from_secs(1);
/// Rounds between two prunings of the change log (an hour).
const PRUNE_EVERY: u32 = 3_600;

/// Applies the other replicas' changes to this replica's index, once a second, for as long
/// as the server runs (the task is aborted at shutdown).
async fn follow_changes(services: &Services) {
    let mut rounds: u32 = 0;
    loop {
        tokio::time::sleep(FOLLOW_EVERY).await;
        if let Err(err) = services.index().catch_up().await {
            tracing::warn!(error = %err, "search index: catching up failed; retrying");
        }
        rounds = rounds.wrapping_add(1);
        if rounds.is_multiple_of(PRUNE_EVERY) {
            match services.index().prune().await {
                Ok(removed) => tracing::debug!(removed, "search change log pruned"),
                Err(err) => tracing::warn!(error = %err, "search change log: pruning failed"),
            }
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, the signals a terminal and Kubernetes send.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
