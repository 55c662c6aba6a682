//! Figures for council structures: loading a whole structure (30 bodies, 500 memberships)
//! through GraphQL, its latency and the number of SQL statements it issues. Prints figures;
//! asserts nothing about speed. `cargo bench -p praevnet-server --bench structure`; with
//! `PRAEVNET_TEST_POSTGRES_URL` also on PostgreSQL.

use std::io::Write as _;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");
const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const BODIES: usize = 30;
const MEMBERSHIPS: usize = 500;
const REQUESTS: usize = 300;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn call(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    query: &str,
    variables: Value,
) -> Value {
    client
        .post(format!("{base}/graphql"))
        .header("cookie", cookie)
        .header("x-praevnet-csrf", "1")
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

const FULL: &str = "query($m: ID!) { councilStructure(municipalityId: $m) { bodies { id name kind parentId maxMembers seats { label sector seats }
    memberships { id role termStart termEnd derived person { name functionTitle email } organisation { name sector } } }
    people { id name } organisations { id name } warnings { kind message } } }";

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_path = dir.path().join("server.log");
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
    let _server = Server(
        Command::new(BIN)
            .env("DATABASE_URL", &db.url)
            .env("PRAEVNET_LISTEN", format!("127.0.0.1:{port}"))
            .env("PRAEVNET_DEMO_DATA", "false")
            .env("PRAEVNET_MODE", "production")
            .env("PRAEVNET_LOG", "warn,sqlx::query=debug")
            .stdout(std::fs::File::create(&log_path).expect("log file"))
            .spawn()
            .expect("server"),
    );
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

    let created = call(&client, &base, &cookie, "mutation { createMunicipality(input: { name: \"Benchstadt\", ags: \"14522999\", federalState: SN, population: 100000 }) { id } }", json!({})).await;
    let m = created["data"]["createMunicipality"]["id"]
        .as_str()
        .expect("municipality")
        .to_owned();
    let mut parent: Option<String> = None;
    for i in 0..BODIES {
        let kind = if i == 0 {
            "STEERING_GROUP"
        } else {
            "WORKING_GROUP"
        };
        let body = call(
            &client,
            &base,
            &cookie,
            "mutation($m: ID!, $i: BodyInput!) { createBody(municipalityId: $m, input: $i) { id } }",
            json!({ "m": m, "i": { "name": format!("Gremium {i}"), "kind": kind, "parentId": parent, "tasks": "Lage beschreiben, Maßnahmen empfehlen." } }),
        )
        .await;
        let id = body["data"]["createBody"]["id"]
            .as_str()
            .expect("body")
            .to_owned();
        if i == 0 {
            parent = Some(id);
        }
    }
    let mut csv = String::from("gremium;name;funktion;organisation;sektor;rolle;beginn;ende\n");
    for i in 0..MEMBERSHIPS {
        let _ = writeln_csv(&mut csv, i);
    }
    let imported = call(
        &client,
        &base,
        &cookie,
        "mutation($m: ID!, $c: String!) { importMembers(municipalityId: $m, csv: $c) { id } }",
        json!({ "m": m, "c": csv }),
    )
    .await;
    assert!(imported["errors"].is_null(), "import: {imported}");

    // One request, counted in the statement log.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let count = || {
        std::fs::read_to_string(&log_path)
            .unwrap_or_default()
            .matches("sqlx::query")
            .count()
    };
    let before = count();
    let one = call(&client, &base, &cookie, FULL, json!({ "m": m })).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let statements = count() - before;
    let memberships: usize = one["data"]["councilStructure"]["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .map(|b| b["memberships"].as_array().map_or(0, Vec::len))
        .sum();
    let size = serde_json::to_string(&one).map_or(0, |s| s.len());

    let mut times = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        let started = Instant::now();
        let body = call(&client, &base, &cookie, FULL, json!({ "m": m })).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(body["errors"].is_null());
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{label}: {BODIES} bodies, {memberships} memberships, {size} bytes of JSON: p50 {:.1} ms, p99 {:.1} ms over {REQUESTS} sequential requests; {statements} SQL statements per request (session, registry, structure, council, rules)",
        at(0.5),
        at(0.99)
    );
}

/// 250 people, each in two bodies (a working group and the steering group or another group).
fn writeln_csv(csv: &mut String, i: usize) -> std::fmt::Result {
    use std::fmt::Write as _;
    let person = i / 2;
    let body = if i.is_multiple_of(2) {
        (person % (BODIES - 1)) + 1
    } else {
        (person * 7) % BODIES
    };
    let (organisation, sector) = [
        ("Polizeirevier", "Polizei"),
        ("Jugendamt", "Soziales"),
        ("Hochschule", "Wissenschaft"),
        ("Verein Nachbarschaft", "Zivilgesellschaft"),
    ][person % 4];
    writeln!(
        csv,
        "Gremium {body};Vertretung {person};Funktion {person};{organisation};{sector};Mitglied;01.01.2025;"
    )
}

fn main() {
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
