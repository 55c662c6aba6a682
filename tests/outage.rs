//! A database outage as users meet it, on PostgreSQL behind a TCP proxy that the test switches
//! off and on (so the server's connections are cut and new ones refused, as when the database
//! goes away, while the database itself keeps its data).
//!
//! It proves that
//! - the readiness probe notices the outage (503) within its bound;
//! - while the database is known to be down, writes and reads are refused at once with HTTP 503
//!   and code UNAVAILABLE, instead of each waiting the pool's acquire timeout (5 s);
//! - no answer during the outage is a 500 or has code INTERNAL, not even for requests that were
//!   waiting for the database when the connections were cut;
//! - once the database answers again, the server takes writes again by itself, and what was
//!   acknowledged before and after the outage is stored (and what was refused is not).
//!
//! PostgreSQL only: SQLite is a file, it does not go away. Skipped (saying so) without
//! `PRAEVNET_TEST_POSTGRES_URL`.

mod support;

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use praevnet_testkit::{POSTGRES_URL_VAR, TestDatabase};
use serde_json::{Value, json};
use support::{TestApp, error_code, error_message, test_config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinError, JoinHandle, JoinSet};

const CREATE: &str = "mutation($i: CreateMunicipalityInput!) {
    createMunicipality(input: $i) { id name ags federalState } }";
const COUNT: &str = "{ municipalities { totalCount } }";
const LIST: &str = "{ municipalities { totalCount items { name ags } } }";

/// Without the outage mark, each request waits the pool's acquire timeout (5 s) before it is
/// refused; with it, a refusal takes milliseconds. Well between the two, so that a slow test
/// machine does not fail the test and a request that waits for the pool does.
const FAST: Duration = Duration::from_secs(3);

/// How long the server may take to notice that the database is back (its watcher pings every
/// 500 ms; a ping in progress retries connecting with pauses of at most a second).
const RECOVERY: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_is_answered_at_once_with_503_and_recovered_from() {
    let Some(db) = TestDatabase::postgres().await else {
        eprintln!("skipped: set {POSTGRES_URL_VAR} to run this test on PostgreSQL");
        return;
    };
    let mut proxy = Proxy::start(upstream(&db.url));
    let mut config = test_config(&db);
    // The server reaches the database through the proxy only; the test database itself (and
    // the support module's direct connection that creates the operator) keeps the real URL.
    config.database_url = via(&db.url, proxy.addr);
    let app = TestApp::spawn_with(db, config).await;

    // The setup works: the operator writes through the proxy.
    let (status, body) = as_admin(&app, create("Leipzig", "14713000")).await;
    assert_eq!((status, error_code(&body)), (200, None), "{body}");
    assert_eq!(
        body["data"]["createMunicipality"]["name"], "Leipzig",
        "{body}"
    );

    // The database goes away: open connections are cut, new ones refused.
    proxy.switch_off().await;
    let mut outage: Vec<(&str, u16, Value)> = Vec::new();

    let started = Instant::now();
    let ready = app.get("/readyz").await;
    let ready_status = ready.status().as_u16();
    let text = ready.text().await.expect("readiness body");
    println!(
        "readiness answered {ready_status} after {} ms in the outage",
        started.elapsed().as_millis()
    );
    assert_eq!(ready_status, 503, "{text}");
    outage.push(("readiness", ready_status, json!({ "raw": text })));

    let started = Instant::now();
    let (status, body) = as_admin(&app, create("Chemnitz", "14511000")).await;
    let elapsed = started.elapsed();
    println!(
        "a write in the outage was refused after {} ms",
        elapsed.as_millis()
    );
    assert_eq!(
        (status, error_code(&body)),
        (503, Some("UNAVAILABLE")),
        "{body}"
    );
    assert!(error_message(&body).contains("vorübergehend"), "{body}");
    // The difference between failing fast and waiting for the pool: milliseconds against the
    // whole acquire timeout of 5 s.
    assert!(
        elapsed < FAST,
        "a write in a known outage took {} ms; it should be refused at once",
        elapsed.as_millis()
    );
    outage.push(("write", status, body));

    let started = Instant::now();
    let (status, body) = app.post(json!({ "query": COUNT }), &[]).await;
    let elapsed = started.elapsed();
    println!(
        "an anonymous read in the outage was refused after {} ms",
        elapsed.as_millis()
    );
    assert_eq!(
        (status, error_code(&body)),
        (503, Some("UNAVAILABLE")),
        "{body}"
    );
    assert!(
        elapsed < FAST,
        "a read in a known outage took {} ms; it should be refused at once",
        elapsed.as_millis()
    );
    outage.push(("read", status, body));

    for (what, status, body) in &outage {
        assert_ne!(*status, 500, "{what} in the outage: {body}");
        assert_ne!(error_code(body), Some("INTERNAL"), "{what}: {body}");
    }

    // The database is back: the server notices by itself and takes the refused write now.
    proxy.switch_on().await;
    let (body, waited) = once_back(&app, create("Chemnitz", "14511000")).await;
    println!(
        "writes were taken again {} ms after the database came back",
        waited.as_millis()
    );
    let created = &body["data"]["createMunicipality"];
    assert_eq!(created["name"], "Chemnitz", "{body}");
    assert_eq!(created["ags"], "14511000", "{body}");
    assert_eq!(created["federalState"], "SN", "{body}");
    assert!(
        created["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{body}"
    );
    assert_eq!(app.get("/readyz").await.status(), 200);

    // Requests that wait for the database when it goes away. The proxy first holds everything
    // the server sends, so that both requests are certainly waiting for the database (the
    // operator's in the session lookup, which runs before the mutation; the anonymous one in
    // the resolver's query) when the connections are cut. A unit of work cut between two of its
    // statements is not covered: where a request is at the cut cannot be steered from outside.
    proxy.freeze();
    let cut = async {
        // Ample time for both requests to reach the server and wait at the proxy.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let at = Instant::now();
        proxy.switch_off().await;
        at
    };
    let in_flight = async {
        tokio::join!(
            finish(as_admin(&app, create("Dresden", "14612000"))),
            finish(app.post(json!({ "query": COUNT }), &[])),
            cut,
        )
    };
    // Each waits at most the acquire timeout (5 s) for a connection after the cut.
    let ((status, body, done), (read_status, read, read_done), cut_at) =
        tokio::time::timeout(Duration::from_secs(20), in_flight)
            .await
            .expect("the requests in flight are answered after the cut");
    assert!(
        done > cut_at && read_done > cut_at,
        "a request was answered before the cut, so it did not wait for the database"
    );
    // Refused in the session lookup, before the query ran: an HTTP 503.
    assert_eq!(
        (status, error_code(&body)),
        (503, Some("UNAVAILABLE")),
        "the write in flight: {body}"
    );
    // Failed inside the resolver: a GraphQL error (HTTP 200) or a refusal (503), never a 500.
    assert!(
        matches!(read_status, 200 | 503),
        "the read in flight: {read_status} {read}"
    );
    assert_eq!(
        error_code(&read),
        Some("UNAVAILABLE"),
        "the read in flight: {read}"
    );
    assert_eq!(read["data"], Value::Null, "{read}");

    // Back again: both acknowledged writes are there, the write cut in flight is not.
    proxy.switch_on().await;
    let (list, _) = once_back(&app, json!({ "query": LIST })).await;
    let page = &list["data"]["municipalities"];
    assert_eq!(page["totalCount"], 2, "{list}");
    let names: Vec<&str> = page["items"]
        .as_array()
        .expect("a page has items")
        .iter()
        .filter_map(|m| m["name"].as_str())
        .collect();
    assert_eq!(names, ["Chemnitz", "Leipzig"], "{list}");
    assert_eq!(app.get("/readyz").await.status(), 200);

    app.stop().await;
    proxy.switch_off().await;
}

/// The input of a municipality in Saxony.
fn create(name: &str, ags: &str) -> Value {
    json!({
        "query": CREATE,
        "variables": { "i": { "name": name, "ags": ags, "federalState": "SN", "population": 50000 } }
    })
}

/// Posts as the operator of the test, with status.
async fn as_admin(app: &TestApp, body: Value) -> (u16, Value) {
    let cookie = app.admin_cookie();
    app.post(
        body,
        &[("cookie", cookie.as_str()), ("x-praevnet-csrf", "1")],
    )
    .await
}

/// An answer with the moment it arrived.
async fn finish(request: impl Future<Output = (u16, Value)>) -> (u16, Value, Instant) {
    let (status, body) = request.await;
    (status, body, Instant::now())
}

/// Repeats a request as the operator until it succeeds, after the database came back; every
/// refusal on the way must say UNAVAILABLE. Returns the answer and how long it took.
async fn once_back(app: &TestApp, body: Value) -> (Value, Duration) {
    let started = Instant::now();
    loop {
        let (status, answer) = as_admin(app, body.clone()).await;
        if status == 200 && error_code(&answer).is_none() {
            return (answer, started.elapsed());
        }
        assert_ne!(status, 500, "{answer}");
        assert_eq!(
            error_code(&answer),
            Some("UNAVAILABLE"),
            "{status}: {answer}"
        );
        assert!(
            started.elapsed() < RECOVERY,
            "still refused {} s after the database came back: {answer}",
            RECOVERY.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A TCP forwarder between the server and PostgreSQL that can be switched off (nothing
/// listens, open connections are cut) and on again on the same port, and that can hold what
/// passes through it.
struct Proxy {
    addr: SocketAddr,
    upstream: String,
    /// While `true`, the forwarders hold what they read instead of passing it on.
    frozen: watch::Sender<bool>,
    accepting: Option<JoinHandle<()>>,
    connections: Arc<Mutex<JoinSet<()>>>,
}

impl Proxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `upstream` (`host:port`).
    fn start(upstream: String) -> Proxy {
        let listener = listen(SocketAddr::from(([127, 0, 0, 1], 0))).expect("proxy listens");
        let (frozen, _) = watch::channel(false);
        let mut proxy = Proxy {
            addr: listener.local_addr().expect("proxy address"),
            upstream,
            frozen,
            accepting: None,
            connections: Arc::default(),
        };
        proxy.accept_on(listener);
        proxy
    }

    fn accept_on(&mut self, listener: TcpListener) {
        self.accepting = Some(tokio::spawn(accept(
            listener,
            self.upstream.clone(),
            self.frozen.subscribe(),
            Arc::clone(&self.connections),
        )));
    }

    /// The database goes away: the port is closed (connecting is refused) and every open
    /// connection is cut. Returns when all of them are closed.
    async fn switch_off(&mut self) {
        if let Some(accepting) = self.accepting.take() {
            accepting.abort();
            cancelled(accepting.await);
        }
        let mut connections = {
            let mut open = self.connections.lock().expect("proxy connections");
            std::mem::take(&mut *open)
        };
        // Aborts every connection and waits until each is dropped, with its sockets.
        connections.shutdown().await;
    }

    /// The database is back, on the same port.
    async fn switch_on(&mut self) {
        self.frozen.send_replace(false);
        let deadline = Instant::now() + Duration::from_secs(5);
        let listener = loop {
            match listen(self.addr) {
                Ok(listener) => break listener,
                Err(err) => {
                    assert!(
                        Instant::now() < deadline,
                        "proxy cannot listen on {} again: {err}",
                        self.addr
                    );
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        self.accept_on(listener);
    }

    /// From now on, what arrives on the connections is held, not passed on.
    fn freeze(&self) {
        self.frozen.send_replace(true);
    }
}

/// A listener on `addr` that can take over a port whose closed connections still linger
/// (TIME_WAIT), as the proxy's do after it cut them.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(64)
}

/// An aborted task ends cancelled; anything else (a panic) is a failure of the proxy.
fn cancelled(result: Result<(), JoinError>) {
    if let Err(err) = result {
        assert!(err.is_cancelled(), "proxy task failed: {err}");
    }
}

/// Accepts connections until the task is aborted, forwarding each in a task of `connections`.
async fn accept(
    listener: TcpListener,
    upstream: String,
    gate: watch::Receiver<bool>,
    connections: Arc<Mutex<JoinSet<()>>>,
) {
    loop {
        let Ok((inbound, _)) = listener.accept().await else {
            continue;
        };
        let forwarding = forward(inbound, upstream.clone(), gate.clone());
        connections
            .lock()
            .expect("proxy connections")
            .spawn(forwarding);
    }
}

/// Forwards one connection until either side hangs up (or the task is aborted).
async fn forward(inbound: TcpStream, upstream: String, gate: watch::Receiver<bool>) {
    let Ok(outbound) = TcpStream::connect(upstream.as_str()).await else {
        return;
    };
    let (from_server, to_server) = inbound.into_split();
    let (from_database, to_database) = outbound.into_split();
    tokio::select! {
        () = pump(from_server, to_database, gate.clone()) => {}
        () = pump(from_database, to_server, gate) => {}
    }
}

/// Copies one direction of a connection (like `tokio::io::copy`), holding what it read while
/// the proxy is frozen.
async fn pump(mut from: OwnedReadHalf, mut to: OwnedWriteHalf, mut gate: watch::Receiver<bool>) {
    let mut buffer = vec![0_u8; 16 * 1024];
    loop {
        let read = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => read,
        };
        let open = gate.wait_for(|frozen| !*frozen).await.is_ok();
        if !open || to.write_all(&buffer[..read]).await.is_err() {
            return;
        }
    }
}

/// Splits a database URL into what comes before its host, its `host[:port]` and the rest.
fn split_host(url: &str) -> (&str, &str, &str) {
    let authority = url.find("://").expect("the database URL has a scheme") + 3;
    let end = url[authority..]
        .find(['/', '?'])
        .map_or(url.len(), |i| authority + i);
    let host = url[authority..end]
        .rfind('@')
        .map_or(authority, |i| authority + i + 1);
    (&url[..host], &url[host..end], &url[end..])
}

/// The `host:port` of the PostgreSQL server a URL names.
fn upstream(url: &str) -> String {
    let (_, host, _) = split_host(url);
    assert!(
        !host.is_empty() && !host.starts_with(':'),
        "the proxy needs a PostgreSQL test URL with a TCP host (not a socket folder)"
    );
    let has_port = match host.rfind(']') {
        Some(end) => host[end..].contains(':'),
        None => host.contains(':'),
    };
    if has_port {
        host.to_owned()
    } else {
        format!("{host}:5432")
    }
}

/// The URL with its host and port replaced by the proxy's, keeping user, database and
/// parameters.
fn via(url: &str, proxy: SocketAddr) -> String {
    let (before, _, rest) = split_host(url);
    format!("{before}{proxy}{rest}")
}

#[test]
fn database_urls_are_pointed_at_the_proxy() {
    let proxy = SocketAddr::from(([127, 0, 0, 1], 6000));
    let url = "postgres://u:p@db.example:5433/x?sslmode=disable";
    assert_eq!(upstream(url), "db.example:5433");
    assert_eq!(
        via(url, proxy),
        "postgres://u:p@127.0.0.1:6000/x?sslmode=disable"
    );
    assert_eq!(upstream("postgres://postgres@[::1]/x"), "[::1]:5432");
    assert_eq!(upstream("postgresql://localhost"), "localhost:5432");
    assert_eq!(via("postgresql://h", proxy), "postgresql://127.0.0.1:6000");
}
