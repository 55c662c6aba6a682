//! Configuration from the environment and an optional TOML file.
//!
//! Every setting is listed in [`SETTINGS`] (and in the README's table, which a test keeps in
//! step). An unknown or malformed setting stops start-up with a message that names it: a typo
//! in a deployment must not silently fall back to a default.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use praevnet_store::Backend;

/// Variables with this prefix belong to the test suite and are not the server's settings.
const TEST_PREFIX: &str = "PRAEVNET_TEST_";

/// One setting: its environment variable, its key in the TOML file, default and meaning.
#[derive(Debug)]
pub struct Setting {
    pub env: &'static str,
    pub key: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

pub const SETTINGS: &[Setting] = &[
    Setting {
        env: "PRAEVNET_CONFIG",
        key: "",
        default: "(none)",
        help: "Path of an optional TOML file with the settings below (keys in lower case without the PRAEVNET_ prefix); the environment overrides it. Also `--config`.",
    },
    Setting {
        env: "PRAEVNET_LISTEN",
        key: "listen",
        default: "127.0.0.1:8080",
        help: "Address and port the HTTP server binds to; port 0 picks a free one.",
    },
    Setting {
        env: "DATABASE_URL",
        key: "database_url",
        default: "sqlite://data/praevnet.db",
        help: "Database the server works with: `sqlite://PATH` or `postgres://USER@HOST:PORT/DB`. On PostgreSQL each connection switches to the role `praevnet_app`, which neither owns the tables nor bypasses row-level security.",
    },
    Setting {
        env: "PRAEVNET_MIGRATION_DATABASE_URL",
        key: "migration_database_url",
        default: "(DATABASE_URL)",
        help: "Database URL of the table owner, used only to migrate; lets production run the server under a login that owns nothing.",
    },
    Setting {
        env: "PRAEVNET_MODE",
        key: "mode",
        default: "development",
        help: "`development` (readable logs, GraphiQL on GET /graphql, introspection) or `production` (JSON logs, no GraphiQL, no introspection).",
    },
    Setting {
        env: "PRAEVNET_DEMO_DATA",
        key: "demo_data",
        default: "true",
        help: "Load the seed cities (Halle (Saale), Zwickau, Leipzig, Chemnitz) when the database has no municipality yet.",
    },
    Setting {
        env: "PRAEVNET_LOG",
        key: "log",
        default: "info",
        help: "Log filter in `tracing` syntax, e.g. `info,praevnet_core=debug`.",
    },
    Setting {
        env: "PRAEVNET_DATABASE_MAX_CONNECTIONS",
        key: "database_max_connections",
        default: "16",
        help: "Size of the connection pool (1 to 1000).",
    },
    Setting {
        env: "PRAEVNET_REQUEST_BODY_LIMIT",
        key: "request_body_limit",
        default: "262144",
        help: "Largest request body in bytes; larger requests get 413.",
    },
    Setting {
        env: "PRAEVNET_GRAPHQL_MAX_DEPTH",
        key: "graphql_max_depth",
        default: "10",
        help: "Deepest nesting of a GraphQL query.",
    },
    Setting {
        env: "PRAEVNET_GRAPHQL_MAX_COMPLEXITY",
        key: "graphql_max_complexity",
        default: "500",
        help: "Highest complexity (sum of field costs) of a GraphQL query.",
    },
    Setting {
        env: "PRAEVNET_PUBLIC_URL",
        key: "public_url",
        default: "http://127.0.0.1:8080",
        help: "The address users reach the platform at; used in links of e-mails. With `https://` session cookies are marked Secure and HSTS is sent.",
    },
    Setting {
        env: "PRAEVNET_SESSION_IDLE_MINUTES",
        key: "session_idle_minutes",
        default: "480",
        help: "A session ends after this many minutes without a request (5 to 10080).",
    },
    Setting {
        env: "PRAEVNET_SESSION_ABSOLUTE_HOURS",
        key: "session_absolute_hours",
        default: "336",
        help: "A session ends this many hours after login, active or not (1 to 8760).",
    },
    Setting {
        env: "PRAEVNET_TRUST_PROXY_HEADERS",
        key: "trust_proxy_headers",
        default: "false",
        help: "Take the client address from `X-Forwarded-For` (set only behind a proxy that overwrites it); used for login throttling.",
    },
    Setting {
        env: "PRAEVNET_SMTP_HOST",
        key: "smtp_host",
        default: "(none)",
        help: "Mail server for invitations and password resets. Without it these mails cannot be sent and the operations say so.",
    },
    Setting {
        env: "PRAEVNET_SMTP_PORT",
        key: "smtp_port",
        default: "587",
        help: "Port of the mail server.",
    },
    Setting {
        env: "PRAEVNET_SMTP_TLS",
        key: "smtp_tls",
        default: "starttls",
        help: "`starttls` (upgrade, required), `tls` (implicit TLS, usually port 465) or `none` (only for a relay on the same host or in tests).",
    },
    Setting {
        env: "PRAEVNET_SMTP_USERNAME",
        key: "smtp_username",
        default: "(none)",
        help: "Login at the mail server, if it needs one.",
    },
    Setting {
        env: "PRAEVNET_SMTP_PASSWORD",
        key: "smtp_password",
        default: "(none)",
        help: "Password for `PRAEVNET_SMTP_USERNAME`.",
    },
    Setting {
        env: "PRAEVNET_MAIL_FROM",
        key: "mail_from",
        default: "praevnet <noreply@localhost>",
        help: "Sender of the platform's e-mails.",
    },
    Setting {
        env: "PRAEVNET_MAIL_RETRY_SECONDS",
        key: "mail_retry_seconds",
        default: "30",
        help: "Pause before a mail that the mail server refused is tried again; it doubles with each attempt (up to six hours, ten attempts).",
    },
    Setting {
        env: "PRAEVNET_REMINDER_DAYS",
        key: "reminder_days",
        default: "7",
        help: "Days before a deadline of the prevention cycle (a citizens' demand, a milestone, an interim report) that the people responsible get a reminder mail; 0 turns reminders off.",
    },
    Setting {
        env: "PRAEVNET_REMINDER_INTERVAL_SECONDS",
        key: "reminder_interval_seconds",
        default: "3600",
        help: "How often each replica looks for deadlines to remind of (each is reminded of once, whichever replica finds it).",
    },
    Setting {
        env: "PRAEVNET_FILES_DIR",
        key: "files_dir",
        default: "data/files",
        help: "Folder of uploaded files (attachments of good practices). With several replicas it must be a volume they share.",
    },
    Setting {
        env: "PRAEVNET_SEARCH_INDEX_DIR",
        key: "search_index_dir",
        default: "(none: in memory)",
        help: "Folder of this replica's search index. Without it the index lives in memory and is built from the database at every start; with it a restart only applies the changes since the last run. Each replica needs its own folder.",
    },
    Setting {
        env: "OTEL_EXPORTER_OTLP_ENDPOINT",
        key: "",
        default: "(none)",
        help: "When set, traces are exported over OTLP/HTTP (protobuf) to this collector, e.g. `http://127.0.0.1:4318`. The other standard `OTEL_*` variables (`OTEL_SERVICE_NAME`, `OTEL_EXPORTER_OTLP_HEADERS`, ...) apply as usual.",
    },
];

/// How the server presents itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Development,
    Production,
}

/// A value that must not end up in logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub migration_database_url: Option<String>,
    pub mode: Mode,
    pub demo_data: bool,
    pub log: String,
    pub database_max_connections: u32,
    pub request_body_limit: usize,
    pub graphql_max_depth: usize,
    pub graphql_max_complexity: usize,
    pub public_url: String,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    pub trust_proxy_headers: bool,
    pub smtp: Option<SmtpConfig>,
    pub mail_from: String,
    pub mail_retry_seconds: u64,
    pub reminder_days: i64,
    pub reminder_interval_seconds: u64,
    pub search_index_dir: Option<PathBuf>,
    pub files_dir: PathBuf,
}

/// How mail leaves the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    StartTls,
    Tls,
    None,
}

#[derive(Clone, Debug)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub credentials: Option<(String, Secret)>,
}

impl Config {
    /// Whether users reach the platform over HTTPS (Secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

impl Config {
    /// The URL migrations run with: the owner's when configured, else the server's own.
    pub fn migration_url(&self) -> &str {
        self.migration_database_url
            .as_deref()
            .unwrap_or(&self.database_url)
    }

    /// Defaults for a server on `database_url`, as tests and benchmarks start them.
    pub fn with_database(database_url: impl Into<String>) -> Config {
        // `defaults_parse` below proves that the built-in defaults are valid.
        let mut config = Config::parse(BTreeMap::new()).expect("built-in defaults are valid");
        config.database_url = database_url.into();
        config
    }

    /// Reads the settings from the TOML file (if any) and the environment, which wins.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let env: Vec<(String, String)> = env.into_iter().collect();
        let file = file.map(Path::to_path_buf).or_else(|| {
            env.iter()
                .find(|(k, _)| k == "PRAEVNET_CONFIG")
                .map(|(_, v)| PathBuf::from(v))
        });
        let mut values: BTreeMap<&'static str, (String, Origin)> = BTreeMap::new();
        if let Some(path) = file {
            read_file(&path, &mut values)?;
        }
        for (name, value) in env {
            let known = SETTINGS.iter().find(|s| s.env == name);
            match known {
                Some(setting) if !setting.key.is_empty() => {
                    values.insert(setting.env, (value, Origin::Environment));
                }
                Some(_) => {}
                None if name.starts_with("PRAEVNET_") && !name.starts_with(TEST_PREFIX) => {
                    return Err(ConfigError::Unknown {
                        name,
                        origin: Origin::Environment,
                    });
                }
                None => {}
            }
        }
        Config::parse(values)
    }

    fn parse(values: BTreeMap<&'static str, (String, Origin)>) -> Result<Config, ConfigError> {
        let get = |env: &'static str| -> Raw {
            match values.get(env) {
                Some((value, origin)) => Raw {
                    env,
                    value: value.clone(),
                    origin: *origin,
                },
                None => Raw {
                    env,
                    value: default_of(env).to_owned(),
                    origin: Origin::Default,
                },
            }
        };
        let database_url = get("DATABASE_URL").database_url()?;
        let migration_database_url = match values.contains_key("PRAEVNET_MIGRATION_DATABASE_URL") {
            true => Some(get("PRAEVNET_MIGRATION_DATABASE_URL").database_url()?),
            false => None,
        };
        let smtp = match values.contains_key("PRAEVNET_SMTP_HOST") {
            true => {
                let credentials = match values.contains_key("PRAEVNET_SMTP_USERNAME") {
                    true => Some((
                        get("PRAEVNET_SMTP_USERNAME").value.trim().to_owned(),
                        Secret::new(get("PRAEVNET_SMTP_PASSWORD").value),
                    )),
                    false => None,
                };
                Some(SmtpConfig {
                    host: get("PRAEVNET_SMTP_HOST").value.trim().to_owned(),
                    port: get("PRAEVNET_SMTP_PORT").in_range(1, 65_535)?,
                    tls: get("PRAEVNET_SMTP_TLS").smtp_tls()?,
                    credentials,
                })
            }
            false => None,
        };
        Ok(Config {
            listen: get("PRAEVNET_LISTEN")
                .parse_with("eine Adresse mit Port, z. B. 127.0.0.1:8080")?,
            database_url,
            migration_database_url,
            mode: get("PRAEVNET_MODE").mode()?,
            demo_data: get("PRAEVNET_DEMO_DATA").boolean()?,
            log: get("PRAEVNET_LOG").log_filter()?,
            database_max_connections: get("PRAEVNET_DATABASE_MAX_CONNECTIONS").in_range(1, 1000)?,
            request_body_limit: get("PRAEVNET_REQUEST_BODY_LIMIT")
                .in_range(1024, 64 * 1024 * 1024)?,
            graphql_max_depth: get("PRAEVNET_GRAPHQL_MAX_DEPTH").in_range(2, 100)?,
            public_url: get("PRAEVNET_PUBLIC_URL").url()?,
            session_idle_minutes: get("PRAEVNET_SESSION_IDLE_MINUTES").in_range(5, 10_080)?,
            session_absolute_hours: get("PRAEVNET_SESSION_ABSOLUTE_HOURS").in_range(1, 8_760)?,
            trust_proxy_headers: get("PRAEVNET_TRUST_PROXY_HEADERS").boolean()?,
            smtp,
            mail_from: get("PRAEVNET_MAIL_FROM").mailbox()?,
            mail_retry_seconds: get("PRAEVNET_MAIL_RETRY_SECONDS").in_range(1, 86_400)?,
            reminder_days: get("PRAEVNET_REMINDER_DAYS").in_range(0, 60)?,
            reminder_interval_seconds: get("PRAEVNET_REMINDER_INTERVAL_SECONDS")
                .in_range(1, 86_400)?,
            files_dir: PathBuf::from(get("PRAEVNET_FILES_DIR").value.trim()),
            search_index_dir: values
                .get("PRAEVNET_SEARCH_INDEX_DIR")
                .map(|(v, _)| PathBuf::from(v.trim()))
                .filter(|p| !p.as_os_str().is_empty()),
            graphql_max_complexity: get("PRAEVNET_GRAPHQL_MAX_COMPLEXITY")
                .in_range(10, 1_000_000)?,
        })
    }
}

fn default_of(env: &str) -> &'static str {
    match env {
        "DATABASE_URL" => "sqlite://data/praevnet.db",
        _ => SETTINGS
            .iter()
            .find(|s| s.env == env)
            .map_or("", |s| s.default),
    }
}

fn read_file(
    path: &Path,
    values: &mut BTreeMap<&'static str, (String, Origin)>,
) -> Result<(), ConfigError> {
    let origin = Origin::File;
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| ConfigError::File {
        path: path.to_path_buf(),
        reason: e.message().to_owned(),
    })?;
    for (key, value) in table {
        let Some(setting) = SETTINGS.iter().find(|s| !s.key.is_empty() && s.key == key) else {
            return Err(ConfigError::Unknown { name: key, origin });
        };
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            _ => {
                return Err(ConfigError::Malformed {
                    name: setting.env,
                    origin,
                    expected: "einen Text, eine Zahl oder true/false".into(),
                });
            }
        };
        values.insert(setting.env, (text, origin));
    }
    Ok(())
}

/// Where a value came from, so the message tells the operator where to fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    Environment,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Default => "Voreinstellung",
            Origin::File => "Konfigurationsdatei",
            Origin::Environment => "Umgebungsvariable",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "Unbekannte Einstellung {name} ({origin}). Bekannte Einstellungen stehen in der README und in `praevnet serve --help`."
    )]
    Unknown { name: String, origin: Origin },
    #[error("Ungültige Einstellung {name} ({origin}): erwartet wird {expected}.")]
    Malformed {
        name: &'static str,
        origin: Origin,
        expected: String,
    },
    #[error("Die Konfigurationsdatei {path} kann nicht gelesen werden: {reason}")]
    File { path: PathBuf, reason: String },
}

/// A raw value with what is needed to report it.
struct Raw {
    env: &'static str,
    value: String,
    origin: Origin,
}

impl Raw {
    fn malformed(&self, expected: impl Into<String>) -> ConfigError {
        ConfigError::Malformed {
            name: self.env,
            origin: self.origin,
            expected: expected.into(),
        }
    }

    fn parse_with<T: std::str::FromStr>(&self, expected: &str) -> Result<T, ConfigError> {
        self.value
            .trim()
            .parse()
            .map_err(|_| self.malformed(expected))
    }

    fn in_range<T>(&self, min: T, max: T) -> Result<T, ConfigError>
    where
        T: std::str::FromStr + PartialOrd + fmt::Display + Copy,
    {
        let expected = format!("eine ganze Zahl von {min} bis {max}");
        let value: T = self.parse_with(&expected)?;
        if value < min || value > max {
            return Err(self.malformed(expected));
        }
        Ok(value)
    }

    fn boolean(&self) -> Result<bool, ConfigError> {
        match self.value.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(self.malformed("true oder false")),
        }
    }

    fn mode(&self) -> Result<Mode, ConfigError> {
        match self.value.trim() {
            "development" => Ok(Mode::Development),
            "production" => Ok(Mode::Production),
            _ => Err(self.malformed("development oder production")),
        }
    }

    fn database_url(&self) -> Result<String, ConfigError> {
        let value = self.value.trim();
        // The value may hold a password, so the message does not repeat it.
        match Backend::of_url(value) {
            Some(_) => Ok(value.to_owned()),
            None => {
                Err(self
                    .malformed("eine Datenbank-URL, die mit sqlite:// oder postgres:// beginnt"))
            }
        }
    }

    fn url(&self) -> Result<String, ConfigError> {
        let value = self.value.trim().trim_end_matches('/');
        let rest = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
                Ok(value.to_owned())
            }
            _ => Err(self.malformed("eine Adresse wie https://praevnet.example.de")),
        }
    }

    fn smtp_tls(&self) -> Result<SmtpTls, ConfigError> {
        match self.value.trim() {
            "starttls" => Ok(SmtpTls::StartTls),
            "tls" => Ok(SmtpTls::Tls),
            "none" => Ok(SmtpTls::None),
            _ => Err(self.malformed("starttls, tls oder none")),
        }
    }

    fn mailbox(&self) -> Result<String, ConfigError> {
        let value = self.value.trim();
        if value.contains('@') && !value.contains(['\r', '\n']) {
            Ok(value.to_owned())
        } else {
            Err(self.malformed("eine Absenderadresse wie praevnet <noreply@example.de>"))
        }
    }

    fn log_filter(&self) -> Result<String, ConfigError> {
        tracing_subscriber::EnvFilter::try_new(self.value.trim())
            .map(|_| self.value.trim().to_owned())
            .map_err(|_| self.malformed("ein Log-Filter wie info oder warn,praevnet_core=debug"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_parse() {
        let config = Config::load(None, env(&[])).expect("defaults");
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://data/praevnet.db");
        assert_eq!(config.mode, Mode::Development);
        assert!(config.demo_data);
    }

    #[test]
    fn environment_overrides_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("praevnet.toml");
        std::fs::write(
            &path,
            "listen = \"0.0.0.0:9000\"\ndemo_data = false\ndatabase_max_connections = 4\n",
        )
        .expect("write");
        let config = Config::load(Some(&path), env(&[("PRAEVNET_LISTEN", "127.0.0.1:9001")]))
            .expect("valid");
        assert_eq!(config.listen.to_string(), "127.0.0.1:9001");
        assert!(!config.demo_data);
        assert_eq!(config.database_max_connections, 4);
    }

    #[test]
    fn unknown_settings_are_named() {
        let err = Config::load(None, env(&[("PRAEVNET_LISTN", "x")])).expect_err("typo");
        assert!(err.to_string().contains("PRAEVNET_LISTN"), "{err}");
        // Other programs' variables and the test suite's own are not ours to judge.
        Config::load(
            None,
            env(&[("PATH", "/bin"), ("PRAEVNET_TEST_POSTGRES_URL", "x")]),
        )
        .expect("foreign variables are ignored");

        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("praevnet.toml");
        std::fs::write(&path, "lissen = \"x\"\n").expect("write");
        let err = Config::load(Some(&path), env(&[])).expect_err("typo in file");
        assert!(err.to_string().contains("lissen"), "{err}");
    }

    #[test]
    fn malformed_settings_are_named_without_echoing_secrets() {
        for (name, value) in [
            ("PRAEVNET_LISTEN", "localhost"),
            ("PRAEVNET_MODE", "prod"),
            ("PRAEVNET_DEMO_DATA", "maybe"),
            ("PRAEVNET_DATABASE_MAX_CONNECTIONS", "0"),
            ("PRAEVNET_REQUEST_BODY_LIMIT", "lots"),
            ("PRAEVNET_LOG", "info,[[["),
            ("DATABASE_URL", "mysql://secret-password@db/x"),
        ] {
            let err = Config::load(None, env(&[(name, value)])).expect_err(name);
            let text = err.to_string();
            assert!(text.contains(name), "{text}");
            assert!(!text.contains("secret"), "{text}");
        }
    }
}
