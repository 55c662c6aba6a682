//! Starting the release binary on a fresh database with an administrator, for the benchmarks.

use std::io::Write as _;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");
const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";

/// A running server; stopped when dropped.
#[derive(Debug)]
pub struct Server {
    pub child: Child,
    pub base: String,
    pub cookie: String,
    pub client: reqwest::Client,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Creates the operator with `praevnet admin create`, starts the server (its log, with
    /// every SQL statement, goes to `log`) and logs in.
    /// `settings` adds to the benchmark's configuration (a mail server, say).
    pub async fn start(
        db: &TestDatabase,
        log: &std::path::Path,
        settings: &[(&str, String)],
    ) -> Server {
        let mut admin = Command::new(BIN)
            .args([
                "admin",
                "create",
                "--email",
                "bench@praevnet.test",
                "--name",
                "Bench",
            ])
            .env("DATABASE_URL", &db.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("admin create");
        admin
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{PASSWORD}\n").as_bytes())
            .expect("password");
        assert!(
            admin.wait().expect("admin").success(),
            "admin create failed"
        );

        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let child = Command::new(BIN)
            .env("DATABASE_URL", &db.url)
            .env("PRAEVNET_LISTEN", format!("127.0.0.1:{port}"))
            .env("PRAEVNET_DEMO_DATA", "false")
            .env("PRAEVNET_MODE", "production")
            .env(
                "PRAEVNET_LOG",
                "warn,praevnet_server::run=info,sqlx::query=debug",
            )
            .env("PRAEVNET_DATABASE_MAX_CONNECTIONS", "32")
            .envs(settings.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::fs::File::create(log).expect("log file"))
            .spawn()
            .expect("server");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while !client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            assert!(Instant::now() < deadline, "not ready");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let login = client
            .post(format!("{base}/graphql"))
            .json(&json!({ "query": "mutation($p: String!) { login(email: \"bench@praevnet.test\", password: $p) { id } }", "variables": { "p": PASSWORD } }))
            .send()
            .await
            .expect("login");
        let cookie = login
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("praevnet_session="))
            .and_then(|v| v.split(';').next())
            .expect("session cookie")
            .to_owned();
        Server {
            child,
            base,
            cookie,
            client,
        }
    }

    /// Runs a GraphQL request as the operator.
    pub async fn call(&self, query: &str, variables: Value) -> Value {
        self.client
            .post(format!("{}/graphql", self.base))
            .header("cookie", &self.cookie)
            .header("x-praevnet-csrf", "1")
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json")
    }
}

/// The value at a share `p` of sorted milliseconds.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Runs `bench` on SQLite, then on PostgreSQL when `PRAEVNET_TEST_POSTGRES_URL` names a server.
#[allow(dead_code, reason = "the search bench runs on SQLite only")]
pub fn on_both_databases(bench: impl AsyncFn(&'static str, TestDatabase)) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        bench("SQLite", TestDatabase::sqlite()).await;
        match TestDatabase::postgres().await {
            Some(db) => bench("PostgreSQL", db).await,
            None => println!("PostgreSQL skipped: set PRAEVNET_TEST_POSTGRES_URL"),
        }
    });
}
