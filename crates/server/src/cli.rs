//! The `praevnet` command line.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use std::io::IsTerminal;

use clap::{Parser, Subcommand, ValueEnum};
use praevnet_core::SessionSettings;
use praevnet_core::access::principal::Grant;
use praevnet_core::index::SearchSetup;
use praevnet_core::{Lang, Principal, Services};
use praevnet_store::{Store, StoreOptions};

use crate::config::{Config, SETTINGS};
use crate::{run, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "praevnet",
    version,
    about = "praevnet: die Plattform für Kommunale Präventionsräte"
)]
pub struct Cli {
    /// TOML file with settings (the environment overrides it); same as PRAEVNET_CONFIG.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the server (the default): migrate, load demo data on first start, serve HTTP.
    #[command(after_long_help = settings_help())]
    Serve,
    /// Apply the database migrations, roll them back, or show where the database stands.
    Migrate {
        #[arg(value_enum, default_value_t = Direction::Up)]
        direction: Direction,
        /// With `down`: how many migrations to roll back.
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// Print the GraphQL schema as SDL (the committed crates/api/schema.graphql).
    Schema,
    /// Make every replica rebuild its search index from the database (running replicas
    /// within a second, stopped ones at their next start).
    SearchRebuild,
    /// Manage platform administrators from the operator's shell.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
}

#[derive(Debug, Subcommand)]
enum AdminAction {
    /// Create a platform administrator (the first one, or when nobody can log in). The
    /// password is read from the first line of standard input.
    Create {
        #[arg(long)]
        email: String,
        /// The name shown in the platform.
        #[arg(long)]
        name: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Direction {
    Up,
    Down,
    Status,
}

fn settings_help() -> String {
    let mut help = String::from("Settings (environment variables):\n");
    for setting in SETTINGS {
        help.push_str(&format!(
            "  {} [default: {}]\n      {}\n",
            setting.env, setting.default, setting.help
        ));
    }
    help
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Schema = command {
        print!("{}", praevnet_api::sdl());
        return ExitCode::SUCCESS;
    }
    // Non-UTF-8 variables cannot be settings of ours; they are skipped rather than panicking.
    let env = std::env::vars_os().filter_map(|(k, v)| Some((os(k)?, os(v)?)));
    let config = match Config::load(cli.config.as_deref(), env) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("praevnet: {err}");
            return ExitCode::from(2);
        }
    };
    let _telemetry = match telemetry::init(&config) {
        Ok(telemetry) => telemetry,
        Err(err) => {
            eprintln!("praevnet: {err}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("praevnet: Laufzeitumgebung kann nicht gestartet werden: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match command {
            Command::Serve => serve(config).await,
            Command::Migrate { direction, steps } => migrate(&config, direction, steps).await,
            Command::Admin {
                action: AdminAction::Create { email, name },
            } => create_admin(&config, &email, &name).await,
            Command::SearchRebuild => search_rebuild(&config).await,
            Command::Schema => Ok(()),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!(%message, "praevnet stopped");
            eprintln!("praevnet: {message}");
            ExitCode::FAILURE
        }
    }
}

fn os(value: OsString) -> Option<String> {
    value.into_string().ok()
}

async fn serve(config: Config) -> Result<(), String> {
    let server = run::start(config).await.map_err(|e| e.to_string())?;
    run::shutdown_signal().await;
    server.shutdown().await.map_err(|e| e.to_string())?;
    tracing::info!("praevnet stopped");
    Ok(())
}

async fn create_admin(config: &Config, email: &str, name: &str) -> Result<(), String> {
    if std::io::stdin().is_terminal() {
        eprint!("Passwort für {email}: ");
    }
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .map_err(|e| format!("Passwort kann nicht gelesen werden: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    praevnet_store::migrate_up(config.migration_url())
        .await
        .map_err(|e| e.to_string())?;
    let store = Store::connect(&config.database_url, &StoreOptions::default())
        .await
        .map_err(|e| e.to_string())?;
    let services = Services::new(
        store,
        SessionSettings::default(),
        SearchSetup::in_memory().map_err(|e| e.message(Lang::De))?,
    );
    let account = services
        .accounts()
        .create_account(
            &Principal::System,
            email,
            name,
            Grant::PlatformAdmin,
            Some(password),
        )
        .await
        .map_err(|e| match e.field() {
            Some(field) => format!("{field}: {}", e.message(Lang::De)),
            None => e.message(Lang::De),
        });
    services.close().await.map_err(|e| e.message(Lang::De))?;
    println!("Plattform-Administration angelegt: {}", account?.email);
    Ok(())
}

async fn search_rebuild(config: &Config) -> Result<(), String> {
    let store = Store::connect(&config.database_url, &StoreOptions::default())
        .await
        .map_err(|e| e.to_string())?;
    let services = Services::new(
        store,
        SessionSettings::default(),
        SearchSetup::in_memory().map_err(|e| e.message(Lang::De))?,
    );
    let requested = services.index().request_rebuild().await;
    services.close().await.map_err(|e| e.message(Lang::De))?;
    requested.map_err(|e| e.message(Lang::De))?;
    println!(
        "Neuaufbau des Suchindex angefordert: jede Instanz baut ihn aus der Datenbank neu auf."
    );
    Ok(())
}

async fn migrate(config: &Config, direction: Direction, steps: u32) -> Result<(), String> {
    let url = config.migration_url();
    match direction {
        Direction::Up => praevnet_store::migrate_up(url)
            .await
            .map_err(|e| e.to_string())?,
        Direction::Down => praevnet_store::migrate_down(url, Some(steps))
            .await
            .map_err(|e| e.to_string())?,
        Direction::Status => {}
    }
    let state = praevnet_store::migrate_status(url)
        .await
        .map_err(|e| e.to_string())?;
    for name in &state.applied {
        println!("applied  {name}");
    }
    for name in &state.pending {
        println!("pending  {name}");
    }
    Ok(())
}
