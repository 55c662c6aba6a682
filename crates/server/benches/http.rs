//! Load figures for the README: the release binary on a fresh database, 10,000 municipalities,
//! 32 concurrent clients. Prints figures; asserts nothing about speed.
//!
//! `cargo bench -p praevnet-server` runs it on SQLite, and on PostgreSQL too when
//! `PRAEVNET_TEST_POSTGRES_URL` names a server. `PRAEVNET_TEST_BENCH_SECONDS` sets the length of
//! each load phase (default 10), `PRAEVNET_TEST_BENCH_MUNICIPALITIES` the number seeded.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use load::load;
use praevnet_core::SessionSettings;
use praevnet_core::access::principal::Grant;
use praevnet_core::index::SearchSetup;
use praevnet_core::{Principal, Services};
use praevnet_store::{Store, StoreOptions};
use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};

#[path = "support/load.rs"]
mod load;
#[path = "support/postgraphile.rs"]
mod postgraphile;

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");
const CONCURRENCY: usize = 32;
const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

async fn start(client: &reqwest::Client, database_url: &str) -> (Server, Duration) {
    let port = free_port();
    let started = Instant::now();
    let child = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("PRAEVNET_LISTEN", format!("127.0.0.1:{port}"))
        .env("PRAEVNET_DEMO_DATA", "false")
        .env("PRAEVNET_MODE", "production")
        .env("PRAEVNET_LOG", "warn")
        .env("PRAEVNET_DATABASE_MAX_CONNECTIONS", "32")
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn praevnet");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    loop {
        if let Ok(response) = client.get(format!("{}/readyz", server.base)).send().await
            && response.status() == 200
        {
            return (server, started.elapsed());
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "server not ready in 60 s"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn graphql(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    query: &str,
    variables: Value,
) -> Value {
    let response = client
        .post(format!("{base}/graphql"))
        .header("cookie", cookie)
        .header("x-praevnet-csrf", "1")
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("request");
    response.json().await.expect("json")
}

/// Creates `count` municipalities, each with a council, 32 at a time; returns their ids.
async fn seed(client: &reqwest::Client, base: &str, cookie: &str, count: usize) -> Vec<String> {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, base, cookie, next) = (
            client.clone(),
            base.to_owned(),
            cookie.to_owned(),
            next.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= count {
                    return ids;
                }
                let created = graphql(
                    &client,
                    &base,
                    &cookie,
                    "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }",
                    json!({ "i": { "name": format!("Benchstadt {i}"), "ags": format!("14{i:06}"),
                                   "federalState": "SN", "population": 1000 + i } }),
                )
                .await;
                let id = created["data"]["createMunicipality"]["id"]
                    .as_str()
                    .unwrap_or_else(|| panic!("create failed: {created}"))
                    .to_owned();
                graphql(
                    &client,
                    &base,
                    &cookie,
                    "mutation($m: ID!, $i: CouncilInput!) { saveCouncil(municipalityId: $m, input: $i) { id } }",
                    json!({ "m": id, "i": { "name": format!("Präventionsrat Benchstadt {i}"),
                                            "foundingResolution": format!("B-{i}/2020"), "foundingDate": "2020-05-01" } }),
                )
                .await;
                ids.push(id);
            }
        }));
    }
    let mut ids = Vec::with_capacity(count);
    for worker in workers {
        ids.extend(worker.await.expect("seed worker"));
    }
    ids
}

async fn bench(label: &str, db: TestDatabase) {
    let seconds = env_number("PRAEVNET_TEST_BENCH_SECONDS", 10) as u64;
    let count = env_number("PRAEVNET_TEST_BENCH_MUNICIPALITIES", 10_000);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .expect("client");
    println!("{label}");
    let (server, cold) = start(&client, &db.url).await;
    let pid = server.child.id();
    println!(
        "  cold start to ready (fresh database, migrations included): {:.0} ms",
        cold.as_secs_f64() * 1000.0
    );
    println!("  idle RSS after start: {} KiB", rss_kib(pid));

    let seeding = Instant::now();
    let cookie = operator_session(&client, &server.base, &db.url).await;
    let ids = Arc::new(seed(&client, &server.base, &cookie, count).await);
    let took = seeding.elapsed().as_secs_f64();
    println!(
        "  seeded {count} municipalities with councils in {took:.1} s ({:.0} writes/s)",
        2.0 * count as f64 / took
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("  idle RSS after seeding: {} KiB", rss_kib(pid));

    let (c, base) = (client.clone(), server.base.clone());
    load(seconds, CONCURRENCY, move |_| {
        c.get(format!("{base}/healthz"))
    })
    .await
    .print("GET /healthz");

    let (c, base) = (client.clone(), server.base.clone());
    let query = "query One($id: ID!) { municipality(id: $id) { id name ags federalState population council { name foundingResolution foundingDate } } }";
    let one = ids.clone();
    let figures = load(seconds, CONCURRENCY, move |n| {
        let id = &one[n % one.len()];
        c.post(format!("{base}/graphql"))
            .json(&json!({ "query": query, "variables": { "id": id } }))
    })
    .await;
    figures.print("POST /graphql municipality + council");
    if db.url.starts_with("postgres") {
        // The same question to PostGraphile on the same data, in the same run.
        match postgraphile::start(&db.url).await {
            Ok(peer) => {
                let (c, ids) = (client.clone(), ids.clone());
                let query = "query One($id: UUID!) { municipalityById(id: $id) { id name ags federalState population councilsByMunicipalityId { nodes { name foundingResolution foundingDate } } } }";
                let url = peer.url.clone();
                load(seconds, CONCURRENCY, move |n| {
                    let id = &ids[n % ids.len()];
                    c.post(&url)
                        .json(&json!({ "query": query, "variables": { "id": id } }))
                })
                .await
                .print(&format!(
                    "PostGraphile {}: the same, as superuser",
                    postgraphile::VERSION
                ));
            }
            Err(why) => println!("  PostGraphile not compared: {why}"),
        }
    }
    for page in [20, 200] {
        let (c, base) = (client.clone(), server.base.clone());
        let query = "query Page($first: Int!, $offset: Int!) { municipalities(first: $first, offset: $offset) { items { id name council { name foundingDate } } } }";
        let pages = count.div_ceil(page).max(1);
        let figures = load(seconds, CONCURRENCY, move |n| {
            c.post(format!("{base}/graphql")).json(&json!({
                "query": query,
                "variables": { "first": page, "offset": (n % pages) * page }
            }))
        })
        .await;
        figures.print(&format!(
            "POST /graphql a page of {page} municipalities + councils"
        ));
    }
    println!("  RSS after load: {} KiB", rss_kib(pid));
    logins(&client, &server.base, &db.url, seconds).await;
    println!("  RSS after logins: {} KiB", rss_kib(pid));
}

/// Creates the operator's account as `praevnet admin create` does and logs in.
async fn operator_session(client: &reqwest::Client, base: &str, database_url: &str) -> String {
    let store = Store::connect(database_url, &StoreOptions::default())
        .await
        .expect("store");
    let services = Services::new(
        store,
        SessionSettings::default(),
        SearchSetup::in_memory().expect("search index"),
    );
    services
        .accounts()
        .create_account(
            &Principal::System,
            "betrieb@praevnet.test",
            "Betrieb",
            Grant::PlatformAdmin,
            Some(PASSWORD.into()),
        )
        .await
        .expect("operator account");
    services.close().await.expect("close");
    let response = client
        .post(format!("{base}/graphql"))
        .json(&json!({ "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }",
                       "variables": { "e": "betrieb@praevnet.test", "p": PASSWORD } }))
        .send()
        .await
        .expect("login");
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("session cookie");
    cookie.split(';').next().unwrap_or_default().to_owned()
}

/// Login throughput with argon2id at the product's cost, and the time a wrong password and an
/// unknown address take (they must not differ much).
async fn logins(client: &reqwest::Client, base: &str, database_url: &str, seconds: u64) {
    let store = Store::connect(database_url, &StoreOptions::default())
        .await
        .expect("store");
    let services = Services::new(
        store,
        SessionSettings::default(),
        SearchSetup::in_memory().expect("search index"),
    );
    let accounts: Vec<String> = (0..CONCURRENCY)
        .map(|i| format!("bench{i}@praevnet.test"))
        .collect();
    for email in &accounts {
        services
            .accounts()
            .create_account(
                &Principal::System,
                email,
                "Bench",
                Grant::PlatformAdmin,
                Some(PASSWORD.into()),
            )
            .await
            .expect("account");
    }
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }";
    let timed = |email: String, password: &'static str| {
        let client = client.clone();
        let url = format!("{base}/graphql");
        async move {
            let started = Instant::now();
            client
                .post(url)
                .json(&json!({ "query": login, "variables": { "e": email, "p": password } }))
                .send()
                .await
                .expect("login")
                .bytes()
                .await
                .expect("body");
            started.elapsed().as_secs_f64() * 1000.0
        }
    };
    let mut wrong = Vec::new();
    let mut unknown = Vec::new();
    for (i, email) in accounts.iter().take(5).enumerate() {
        wrong.push(timed(email.clone(), "falsches-passwort-123").await);
        unknown.push(timed(format!("niemand{i}@praevnet.test"), "falsches-passwort-123").await);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    println!(
        "  login timing, one at a time: wrong password {:.1} ms, unknown address {:.1} ms (mean of 5)",
        mean(&wrong),
        mean(&unknown)
    );
    let (c, base) = (client.clone(), base.to_owned());
    let accounts = Arc::new(accounts);
    let figures = load(seconds, CONCURRENCY, move |n| {
        let email = &accounts[n % accounts.len()];
        c.post(format!("{base}/graphql"))
            .json(&json!({ "query": login, "variables": { "e": email, "p": PASSWORD } }))
    })
    .await;
    figures.print("POST /graphql login (argon2id m=19 MiB t=2 p=1)");
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        println!(
            "praevnet HTTP benchmark: concurrency {CONCURRENCY}, client and server on this machine"
        );
        bench("SQLite", TestDatabase::sqlite()).await;
        match TestDatabase::postgres().await {
            Some(db) => bench("PostgreSQL", db).await,
            None => println!("PostgreSQL skipped: set PRAEVNET_TEST_POSTGRES_URL"),
        }
    });
}
