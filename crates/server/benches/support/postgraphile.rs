//! PostGraphile, an off-the-shelf GraphQL server, on the benchmark's PostgreSQL database, so that
//! praevnet's throughput is compared with it in one run on the same data. It is installed from
//! npm into `tests/postgraphile` (pinned by its lock file) the first time a bench needs it and
//! connects as the database's superuser, as it would be run without a tenant wall.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

/// The version pinned in `tests/postgraphile/package.json`.
pub const VERSION: &str = "4.14.1";

/// A running PostGraphile; stopped when dropped.
pub struct PostGraphile {
    child: Child,
    /// Its GraphQL endpoint.
    pub url: String,
}

impl Drop for PostGraphile {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn folder() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/postgraphile"
    ))
}

/// Installs PostGraphile when missing and starts it on `database_url`; why not, when it cannot.
pub async fn start(database_url: &str) -> Result<PostGraphile, String> {
    let folder = folder();
    let binary = folder.join("node_modules/.bin/postgraphile");
    if !binary.exists() {
        let installed = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(&folder)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("npm is not available ({e})"))?;
        if !installed.success() {
            return Err(format!("npm ci in {} failed", folder.display()));
        }
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let child = Command::new(&binary)
        .args(["--connection", database_url, "--schema", "public"])
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .arg("--disable-query-log")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let peer = PostGraphile {
        child,
        url: format!("http://127.0.0.1:{port}/graphql"),
    };
    let client = reqwest::Client::new();
    let started = Instant::now();
    loop {
        let answer = client
            .post(&peer.url)
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await;
        if answer.is_ok_and(|a| a.status().is_success()) {
            return Ok(peer);
        }
        if started.elapsed() > Duration::from_secs(60) {
            return Err("PostGraphile did not answer within 60 s".to_owned());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
