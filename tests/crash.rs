//! Crash test: every write the server acknowledged is still there after `kill -9`.
//!
//! Four writers create municipalities through the real binary as fast as it answers, while
//! the server is killed with SIGKILL after a few hundred milliseconds: no graceful shutdown,
//! no flush, no destructor runs. The server is started again on the same database, the
//! writers go on, five times in all; afterwards every municipality whose creation was
//! answered with data and without errors (acknowledged) must be stored, under its id, name
//! and AGS. Writes in flight at the kill may or may not have landed: nobody was told they
//! did, so both outcomes are correct and only counted.
//!
//! Why: the server may answer only after the transaction (record and audit entry) committed.
//! An answer before the commit, a write-behind cache or a commit outside the request's
//! transaction would show up here as a missing record. Runs on SQLite (WAL with
//! `synchronous = NORMAL`, which is durable against a crash of the process; a power loss is
//! not simulated) and on PostgreSQL when `PRAEVNET_TEST_POSTGRES_URL` names a server.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");
const EMAIL: &str = "absturz@praevnet.test";
const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
/// How long the writers run before each kill (a fixed, uneven sequence instead of chance).
const KILL_AFTER_MS: [u64; 5] = [230, 610, 370, 480, 290];
const WRITERS: usize = 4;
const PAGE_SIZE: usize = 200;

/// The server's log (all starts, appended) and its files folder, for one test.
#[derive(Debug)]
struct Workspace {
    dir: TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temporary folder for the crash test"),
        }
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("server.log")
    }

    fn log_file(&self) -> File {
        File::options()
            .create(true)
            .append(true)
            .open(self.log_path())
            .expect("server log file")
    }

    fn log(&self) -> String {
        std::fs::read(self.log_path())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// The last lines of the log, for failure messages.
    fn tail(&self) -> String {
        let log = self.log();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!("--- last lines of the server log ---\n{tail}")
    }
}

/// The binary with the database set and no stray settings of the calling environment
/// (the server refuses unknown `PRAEVNET_*` variables).
fn praevnet(db: &TestDatabase) -> Command {
    let mut command = Command::new(BIN);
    for (name, _) in std::env::vars_os() {
        if is_stray_setting(&name.to_string_lossy()) {
            command.env_remove(name);
        }
    }
    command.env("DATABASE_URL", &db.url);
    command
}

fn is_stray_setting(name: &str) -> bool {
    (name.starts_with("PRAEVNET_") && !name.starts_with("PRAEVNET_TEST_"))
        || name.starts_with("OTEL_")
}

/// `praevnet admin create`, as an operator runs it: the password on stdin.
fn create_operator(db: &TestDatabase) {
    let mut admin = praevnet(db)
        .args(["admin", "create", "--email", EMAIL, "--name", "Absturz"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("admin create starts");
    admin
        .stdin
        .take()
        .expect("stdin of admin create")
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .expect("password written");
    let out = admin.wait_with_output().expect("admin create ends");
    assert!(
        out.status.success(),
        "admin create failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Where and as whom the writers talk to the running server.
#[derive(Clone, Debug)]
struct Session {
    client: reqwest::Client,
    base: String,
    cookie: String,
}

impl Session {
    async fn post(&self, query: &str, variables: Value) -> reqwest::Result<reqwest::Response> {
        self.client
            .post(format!("{}/graphql", self.base))
            .header("cookie", &self.cookie)
            .header("x-praevnet-csrf", "1")
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
    }

    /// A request that must succeed (outside the crash window).
    async fn call(&self, query: &str, variables: Value) -> Value {
        self.post(query, variables)
            .await
            .expect("request answered")
            .json()
            .await
            .expect("JSON answer")
    }
}

/// A running `praevnet serve`; killed when dropped, so a failing test leaves none behind.
#[derive(Debug)]
struct Server {
    child: Child,
    session: Session,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts the server on a new port, waits for `/readyz` and logs in as the operator.
    async fn start(db: &TestDatabase, workspace: &Workspace) -> Server {
        let port = free_port();
        let log = workspace.log_file();
        let child = praevnet(db)
            .env("PRAEVNET_LISTEN", format!("127.0.0.1:{port}"))
            .env("PRAEVNET_DEMO_DATA", "false")
            .env("PRAEVNET_MODE", "production")
            .env("PRAEVNET_LOG", "info")
            .env("PRAEVNET_FILES_DIR", workspace.dir.path().join("files"))
            .stdout(log.try_clone().expect("second handle of the log"))
            .stderr(log)
            .spawn()
            .expect("server starts");
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("HTTP client");
        let mut server = Server {
            child,
            session: Session {
                client,
                base: format!("http://127.0.0.1:{port}"),
                cookie: String::new(),
            },
        };
        server.wait_ready(workspace).await;
        server.session.cookie = login(&server.session).await;
        server
    }

    async fn wait_ready(&mut self, workspace: &Workspace) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let url = format!("{}/readyz", self.session.base);
        loop {
            let ready = self.session.client.get(url.as_str()).send().await;
            if ready.is_ok_and(|r| r.status() == 200) {
                return;
            }
            if let Some(status) = self.child.try_wait().expect("server status") {
                panic!(
                    "server ended ({status}) before it was ready\n{}",
                    workspace.tail()
                );
            }
            assert!(
                Instant::now() < deadline,
                "server not ready within 60 s\n{}",
                workspace.tail()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// SIGKILL, after checking that the server had not ended by itself.
    fn kill_9(mut self, workspace: &Workspace) {
        if let Some(status) = self.child.try_wait().expect("server status") {
            panic!(
                "server ended by itself ({status}) before the kill\n{}",
                workspace.tail()
            );
        }
        self.child.kill().expect("SIGKILL sent");
        self.child.wait().expect("killed server reaped");
    }
}

/// Logs in as the operator; the session cookie (`name=value`).
async fn login(session: &Session) -> String {
    let response = session
        .client
        .post(format!("{}/graphql", session.base))
        .json(&json!({
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }",
            "variables": { "e": EMAIL, "p": PASSWORD }
        }))
        .send()
        .await
        .expect("login answered");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("praevnet_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie after login")
        .to_owned()
}

/// A municipality as written and as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Written {
    id: String,
    name: String,
    ags: String,
}

impl Written {
    fn from_json(item: &Value) -> Written {
        let field = |name: &str| {
            item[name]
                .as_str()
                .unwrap_or_else(|| panic!("municipality without {name}: {item}"))
                .to_owned()
        };
        Written {
            id: field("id"),
            name: field("name"),
            ags: field("ags"),
        }
    }
}

/// What became of one attempted write.
#[derive(Debug)]
enum Outcome {
    /// Answered with the new record and no errors: it must survive.
    Acknowledged(Written),
    /// No (complete) answer: refused connection, reset, timeout, cut-off body.
    Unanswered,
    /// Answered, but with errors or without the record.
    Refused(String),
}

/// The writes of one or more writers.
#[derive(Debug, Default)]
struct Tally {
    acknowledged: Vec<Written>,
    unanswered: usize,
    refused: usize,
    first_refusal: Option<String>,
}

impl Tally {
    fn count_refusal(&mut self, answer: String) {
        self.refused += 1;
        if self.first_refusal.is_none() {
            self.first_refusal = Some(answer);
        }
    }

    fn merge(&mut self, other: Tally) {
        self.acknowledged.extend(other.acknowledged);
        self.unanswered += other.unanswered;
        self.refused += other.refused;
        if self.first_refusal.is_none() {
            self.first_refusal = other.first_refusal;
        }
    }
}

/// Creates municipality number `n` (unique name and AGS in Saxony-Anhalt, `15……`).
async fn create(session: &Session, n: u32) -> Outcome {
    let name = format!("Absturzprobe {n:06}");
    let ags = format!("15{n:06}");
    let sent = session
        .post(
            "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id name ags } }",
            json!({ "i": { "name": name, "ags": ags, "federalState": "ST", "population": 1000 } }),
        )
        .await;
    let Ok(response) = sent else {
        return Outcome::Unanswered;
    };
    let status = response.status();
    let Ok(body) = response.json::<Value>().await else {
        return Outcome::Unanswered;
    };
    let created = &body["data"]["createMunicipality"];
    if status.is_success() && body.get("errors").is_none() && created.is_object() {
        let written = Written::from_json(created);
        assert_eq!(
            (written.name.as_str(), written.ags.as_str()),
            (name.as_str(), ags.as_str()),
            "the answer names another municipality: {body}"
        );
        Outcome::Acknowledged(written)
    } else {
        Outcome::Refused(format!("{status}: {body}"))
    }
}

/// One writer: creates municipalities one after the other until `stop`.
async fn write_until(session: Session, next: Arc<AtomicU32>, stop: Arc<AtomicBool>) -> Tally {
    let mut tally = Tally::default();
    while !stop.load(Ordering::SeqCst) {
        match create(&session, next.fetch_add(1, Ordering::SeqCst)).await {
            Outcome::Acknowledged(written) => tally.acknowledged.push(written),
            Outcome::Unanswered => {
                tally.unanswered += 1;
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Outcome::Refused(answer) => {
                tally.count_refusal(answer);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    }
    tally
}

/// Runs the writers against `server` and kills it under them after `after`.
async fn crash_cycle(
    server: Server,
    next: &Arc<AtomicU32>,
    after: Duration,
    workspace: &Workspace,
) -> Tally {
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|_| {
            tokio::spawn(write_until(
                server.session.clone(),
                Arc::clone(next),
                Arc::clone(&stop),
            ))
        })
        .collect();
    tokio::time::sleep(after).await;
    server.kill_9(workspace);
    stop.store(true, Ordering::SeqCst);
    let mut tally = Tally::default();
    for writer in writers {
        tally.merge(writer.await.expect("writer task ends"));
    }
    tally
}

/// Every municipality stored, by id, read page by page.
async fn all_municipalities(session: &Session) -> HashMap<String, Written> {
    let mut found = HashMap::new();
    let mut offset = 0;
    loop {
        let body = session
            .call(
                "query($n: Int!, $o: Int!) { municipalities(first: $n, offset: $o) { totalCount items { id name ags } } }",
                json!({ "n": PAGE_SIZE, "o": offset }),
            )
            .await;
        let page = &body["data"]["municipalities"];
        let items = page["items"]
            .as_array()
            .unwrap_or_else(|| panic!("municipalities not listed: {body}"));
        for item in items {
            let written = Written::from_json(item);
            found.insert(written.id.clone(), written);
        }
        offset += items.len();
        let total = page["totalCount"].as_u64().expect("totalCount");
        let total = usize::try_from(total).expect("totalCount fits");
        if items.is_empty() || offset >= total {
            assert_eq!(found.len(), total, "ids listed twice or left out");
            return found;
        }
    }
}

async fn acknowledged_writes_survive_kill_9(db: TestDatabase) {
    let kind = if db.is_postgres() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let workspace = Workspace::new();
    create_operator(&db);
    let next = Arc::new(AtomicU32::new(1));
    let mut total = Tally::default();
    for (cycle, after) in KILL_AFTER_MS.into_iter().enumerate() {
        let server = Server::start(&db, &workspace).await;
        let tally = crash_cycle(server, &next, Duration::from_millis(after), &workspace).await;
        println!(
            "{kind}, kill {}: after {after} ms; {} acknowledged, {} unanswered, {} refused",
            cycle + 1,
            tally.acknowledged.len(),
            tally.unanswered,
            tally.refused
        );
        total.merge(tally);
    }

    let server = Server::start(&db, &workspace).await;
    let stored = all_municipalities(&server.session).await;
    drop(server);
    let missing: Vec<&Written> = total
        .acknowledged
        .iter()
        .filter(|written| stored.get(&written.id) != Some(*written))
        .collect();
    let attempted = next.load(Ordering::SeqCst) - 1;
    println!(
        "{kind}: {} kills, {attempted} writes attempted, {} acknowledged, {} unanswered \
         (in flight at a kill or sent to a dead server), {} refused, {} stored \
         ({} committed without an acknowledgement), {} missing",
        KILL_AFTER_MS.len(),
        total.acknowledged.len(),
        total.unanswered,
        total.refused,
        stored.len(),
        stored.len().saturating_sub(total.acknowledged.len()),
        missing.len()
    );
    if let Some(refusal) = &total.first_refusal {
        println!("{kind}: first refused write: {refusal}");
    }

    assert!(
        total.acknowledged.len() >= KILL_AFTER_MS.len(),
        "the writers hardly wrote: {} acknowledged\n{}",
        total.acknowledged.len(),
        workspace.tail()
    );
    assert!(
        missing.is_empty(),
        "{kind}: {} of {} acknowledged writes lost after kill -9, e.g. {:?}\n{}",
        missing.len(),
        total.acknowledged.len(),
        missing.iter().take(5).collect::<Vec<_>>(),
        workspace.tail()
    );
    assert!(
        !workspace.log().contains("panicked"),
        "{kind}: the server panicked\n{}",
        workspace.tail()
    );
}

on_both_databases!(acknowledged_writes_survive_kill_9);
