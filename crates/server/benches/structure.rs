//! Figures for council structures: importing 500 memberships, loading the whole structure (30
//! bodies, 500 memberships) through GraphQL one request at a time and from 32 clients at once,
//! and changing it (adding a body, a change that changes nothing) answering with the structure
//! or with the id only: latency, throughput and the number of SQL statements each issues.
//! Prints figures; asserts nothing about speed. `cargo bench -p praevnet-server --bench
//! structure`; with `PRAEVNET_TEST_POSTGRES_URL` also on PostgreSQL;
//! `PRAEVNET_TEST_BENCH_SECONDS` sets the length of the concurrent phase (default 5).

#[path = "support/load.rs"]
mod load;
#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use praevnet_testkit::TestDatabase;
use serde_json::json;
use support::{Server, percentile};

const BODIES: usize = 30;
const MEMBERSHIPS: usize = 500;
const REQUESTS: usize = 300;
/// Bodies added to the full structure, one request each, for `createBody`'s figures.
const CREATES: usize = 100;
const CREATE: &str = "mutation($m: ID!, $i: BodyInput!) { createBody(municipalityId: $m, input: $i) { id structure { bodies { id name kind parentId } warnings { kind message } } } }";
const CREATE_ID: &str =
    "mutation($m: ID!, $i: BodyInput!) { createBody(municipalityId: $m, input: $i) { id } }";
const UPDATE_ID: &str = "mutation($m: ID!, $id: ID!, $i: BodyInput!) { updateBody(municipalityId: $m, id: $id, input: $i) { id } }";
const UPDATE: &str = "mutation($m: ID!, $id: ID!, $i: BodyInput!) { updateBody(municipalityId: $m, id: $id, input: $i) { id structure { bodies { id name kind parentId } warnings { kind message } } } }";
/// Clients of the concurrent phase.
const CLIENTS: usize = 32;

const FULL: &str = "query($m: ID!) { councilStructure(municipalityId: $m) { bodies { id name kind parentId maxMembers seats { label sector seats }
    memberships { id role termStart termEnd derived person { name functionTitle email } organisation { name sector } } }
    people { id name } organisations { id name } warnings { kind message } } }";

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log_path = dir.path().join("server.log");
    let server = Server::start(&db, &log_path, &[]).await;
    let created = server.call("mutation { createMunicipality(input: { name: \"Benchstadt\", ags: \"14522999\", federalState: SN, population: 100000 }) { id } }", json!({})).await;
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
        let body = server
            .call(
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
    // Requests are counted in the statement log.
    let count = || {
        std::fs::read_to_string(&log_path)
            .unwrap_or_default()
            .matches("sqlx::query")
            .count()
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = count();
    let started = Instant::now();
    let imported = server
        .call(
            "mutation($m: ID!, $c: String!) { importMembers(municipalityId: $m, csv: $c) { id } }",
            json!({ "m": m, "c": csv }),
        )
        .await;
    let took = started.elapsed().as_secs_f64() * 1000.0;
    assert!(imported["errors"].is_null(), "import: {imported}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    println!(
        "{label}: importMembers of {MEMBERSHIPS} rows (250 people, 4 organisations): {took:.0} ms, {} SQL statements",
        count() - before
    );

    let before = count();
    let one = server.call(FULL, json!({ "m": m })).await;
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
        let body = server.call(FULL, json!({ "m": m })).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(body["errors"].is_null());
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| percentile(&times, p);
    println!(
        "{label}: {BODIES} bodies, {memberships} memberships, {size} bytes of JSON: p50 {:.1} ms, p99 {:.1} ms over {REQUESTS} sequential requests; {statements} SQL statements per request (session, registry, structure, council, rules)",
        at(0.5),
        at(0.99)
    );

    let seconds = std::env::var("PRAEVNET_TEST_BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let (client, url, cookie) = (
        server.client.clone(),
        format!("{}/graphql", server.base),
        server.cookie.clone(),
    );
    let variables = json!({ "m": m });
    load::load(seconds, CLIENTS, move |_| {
        client
            .post(&url)
            .header("cookie", &cookie)
            .header("x-praevnet-csrf", "1")
            .json(&json!({ "query": FULL, "variables": variables }))
    })
    .await
    .print(&format!("{label}: councilStructure, {CLIENTS} clients"));

    // Changes of the full structure: one counted, then timed. A created body is new each time;
    // the update sends the steering group as it is.
    let mut created = 0;
    let steering_group = parent.clone().expect("steering group");
    let mut variables = |query: &str| {
        if query == UPDATE || query == UPDATE_ID {
            return json!({ "m": m, "id": steering_group, "i": { "name": "Gremium 0", "kind": "STEERING_GROUP", "tasks": "Lage beschreiben, Maßnahmen empfehlen." } });
        }
        created += 1;
        json!({ "m": m, "i": { "name": format!("Arbeitsgruppe {created}"), "kind": "WORKING_GROUP", "parentId": parent, "tasks": "Lage beschreiben." } })
    };
    let phases = [
        ("createBody answering with the structure", CREATE),
        ("createBody answering { id }", CREATE_ID),
        (
            "updateBody changing nothing, answering with the structure",
            UPDATE,
        ),
        ("updateBody changing nothing, answering { id }", UPDATE_ID),
    ];
    for (name, query) in phases {
        let before = count();
        let one = server.call(query, variables(query)).await;
        assert!(one["errors"].is_null(), "{name}: {one}");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let statements = count() - before;
        let mut times = Vec::with_capacity(CREATES);
        for _ in 0..CREATES {
            let started = Instant::now();
            let body = server.call(query, variables(query)).await;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(body["errors"].is_null(), "{name}: {body}");
        }
        times.sort_by(f64::total_cmp);
        let at = |p: f64| percentile(&times, p);
        println!(
            "{label}: {name}, beside {BODIES}+ bodies: p50 {:.1} ms, p99 {:.1} ms over {CREATES} sequential requests; {statements} SQL statements per request",
            at(0.5),
            at(0.99)
        );
    }
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
    support::on_both_databases(bench);
}
