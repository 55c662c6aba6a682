//! Figures for the state office's overview: one Land of 500 municipalities (Saxony has about
//! 420) among 10,800 (all German municipalities), 100 of them with a council structure, six
//! meetings and a granted application each. Prints latency (p50/p99) for the Land as its
//! office sees it and for all municipalities as the operator does, the SQL statements of one
//! request, and the latency of a grant (checked against the budget over the whole Land).
//! Asserts nothing about speed.
//! `cargo bench -p praevnet-server --bench overview`; with `PRAEVNET_TEST_POSTGRES_URL` also on
//! PostgreSQL.

#[path = "support/mod.rs"]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use praevnet_testkit::TestDatabase;
use serde_json::json;
use support::{Server, percentile};

const TOTAL: usize = 10_800;
const IN_SAXONY: usize = 500;
const WITH_COUNCIL: usize = 100;
const WORKERS: usize = 16;
/// Land codes of the AGS (01 Schleswig-Holstein … 16 Thüringen) and their API names.
const LANDS: [(u32, &str); 16] = [
    (1, "SH"),
    (2, "HH"),
    (3, "NI"),
    (4, "HB"),
    (5, "NW"),
    (6, "HE"),
    (7, "RP"),
    (8, "BW"),
    (9, "BY"),
    (10, "SL"),
    (11, "BE"),
    (12, "BB"),
    (13, "MV"),
    (14, "SN"),
    (15, "ST"),
    (16, "TH"),
];
const QUERY: &str = "query($s: FederalState) { stateOverview(federalState: $s, sort: LAST_ACTIVITY, descending: true) {
    municipality { id name ags population } councilStatus structureModel bodies activeMembers meetingsLastYear lastActivity fundingGranted } }";
const APPLY: &str = "mutation($m: ID!, $p: ID!) { applyForFunding(municipalityId: $m, input: { programmeId: $p, projectTitle: \"Projekt\", requestedAmount: 10000 }) { id } }";
const GRANT: &str = "mutation($m: ID!, $id: ID!) { decideFundingApplication(municipalityId: $m, id: $id, input: { verdict: GRANT, grantedAmount: 10000 }) { id } }";

/// Applies for 10,000 EUR for `municipality`; returns the application's id.
async fn apply(server: &Server, municipality: &str, programme: &str) -> String {
    let applied = server
        .call(APPLY, json!({ "m": municipality, "p": programme }))
        .await;
    applied["data"]["applyForFunding"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("apply: {applied}"))
        .to_owned()
}

/// The Land of the `i`-th municipality: the first 500 in Saxony, the rest spread over the others.
fn land(i: usize) -> (u32, &'static str) {
    if i < IN_SAXONY {
        (14, "SN")
    } else {
        let others: Vec<_> = LANDS.iter().filter(|(_, c)| *c != "SN").collect();
        *others[i % others.len()]
    }
}

async fn seed(server: &Arc<Server>, programme: &str) -> Vec<String> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..WORKERS {
        let (server, next) = (server.clone(), next.clone());
        let programme = programme.to_owned();
        workers.push(tokio::spawn(async move {
            let mut saxon = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= TOTAL {
                    return saxon;
                }
                let (code, state) = land(i);
                let created = server
                    .call(
                        "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }",
                        json!({ "i": { "name": format!("Gemeinde {i}"), "ags": format!("{code:02}{i:06}"),
                                       "federalState": state, "population": 1000 + i } }),
                    )
                    .await;
                let id = created["data"]["createMunicipality"]["id"]
                    .as_str()
                    .unwrap_or_else(|| panic!("create {i}: {created}"))
                    .to_owned();
                if i < WITH_COUNCIL {
                    let applied = server
                        .call(
                            "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"zwickau\") { structure { bodies { id } } } }",
                            json!({ "m": id }),
                        )
                        .await;
                    assert!(applied["errors"].is_null(), "{applied}");
                    let body = applied["data"]["applyStructureTemplate"]["structure"]["bodies"][0]["id"].clone();
                    let today = chrono::Utc::now().date_naive();
                    for month in 0..6 {
                        let date = today - chrono::Duration::days(30 * month + 1);
                        let met = server
                            .call(
                                "mutation($m: ID!, $b: ID!, $d: NaiveDate!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: $d }) { id } }",
                                json!({ "m": id, "b": body, "d": date.to_string() }),
                            )
                            .await;
                        assert!(met["errors"].is_null(), "{met}");
                    }
                    let application = apply(&server, &id, &programme).await;
                    let granted = server
                        .call(GRANT, json!({ "m": id, "id": application }))
                        .await;
                    assert!(granted["errors"].is_null(), "{granted}");
                    let imported = server
                        .call(
                            "mutation($m: ID!, $c: String!) { importMembers(municipalityId: $m, csv: $c) { id } }",
                            json!({ "m": id, "c": "gremium;name;rolle;beginn\nLenkungsgremium;Oberbürgermeister*in;Vorsitz;01.01.2025\nAG Sucht;Suchtberatung;Moderation;01.01.2025\n" }),
                        )
                        .await;
                    assert!(imported["errors"].is_null(), "{imported}");
                }
                if i < IN_SAXONY {
                    saxon.push(id);
                }
            }
        }));
    }
    let mut saxon = Vec::new();
    for worker in workers {
        saxon.extend(worker.await.expect("worker"));
    }
    saxon
}

async fn timed(server: &Server, state: Option<&str>, runs: usize) -> (Vec<f64>, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut rows = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let body = server.call(QUERY, json!({ "s": state })).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        rows = body["data"]["stateOverview"].as_array().map_or(0, Vec::len);
        assert!(body["errors"].is_null(), "{body}");
    }
    times.sort_by(f64::total_cmp);
    (times, rows)
}

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("server.log");
    let server = Arc::new(Server::start(&db, &log, &[]).await);
    let programme = server
        .call(
            "mutation { saveFundingProgramme(input: { federalState: SN, name: \"ASSKOMM\", provider: \"LPR\", totalBudget: 100000000 }) { id } }",
            json!({}),
        )
        .await;
    let programme = programme["data"]["saveFundingProgramme"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("programme: {programme}"))
        .to_owned();
    let seeding = Instant::now();
    let saxon = seed(&server, &programme).await;
    println!(
        "{label}: seeded {TOTAL} municipalities ({IN_SAXONY} in Saxony, {WITH_COUNCIL} with a council) in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let count = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .matches("sqlx::query")
            .count()
    };
    let before = count();
    server.call(QUERY, json!({ "s": "SN" })).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let statements = count() - before;

    let (land, rows) = timed(&server, Some("SN"), 30).await;
    println!(
        "  Saxony ({rows} municipalities): p50 {:.1} ms, p99 {:.1} ms over 30 requests; {statements} SQL statements per request",
        percentile(&land, 0.5),
        percentile(&land, 0.99)
    );
    let (all, rows) = timed(&server, None, 10).await;
    println!(
        "  all Länder ({rows} municipalities, operator): p50 {:.1} ms, p99 {:.1} ms over 10 requests",
        percentile(&all, 0.5),
        percentile(&all, 0.99)
    );

    // Grants, each summing what the programme has committed over the Land's municipalities.
    let mut grants = Vec::new();
    for municipality in saxon.iter().skip(WITH_COUNCIL).take(30) {
        let application = apply(&server, municipality, &programme).await;
        let started = Instant::now();
        let granted = server
            .call(GRANT, json!({ "m": municipality, "id": application }))
            .await;
        grants.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(granted["errors"].is_null(), "{granted}");
    }
    grants.sort_by(f64::total_cmp);
    println!(
        "  a grant checked against the budget ({} applications in the Land): p50 {:.1} ms, p99 {:.1} ms over 30 grants",
        WITH_COUNCIL + 30,
        percentile(&grants, 0.5),
        percentile(&grants, 0.99)
    );
}

fn main() {
    support::on_both_databases(bench);
}
