//! Figures for the prevention cycle: the cycle page of a city with 200 projects and 2,000
//! measured indicator values (p50/p99 of the query the page sends, sequential), and what a
//! change costs at that size (a measured value recorded, p50/p99 over the 2,000 recorded while
//! filling). Prints figures; asserts nothing about speed.
//! `cargo bench -p praevnet-server --bench cycle`; with `PRAEVNET_TEST_POSTGRES_URL` also on
//! PostgreSQL.

#[path = "support/mod.rs"]
mod support;

use std::time::Instant;

use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};
use support::{Server, percentile};

const PROJECTS: usize = 200;
const INDICATORS: usize = 2;
const VALUES: usize = 5;
const REQUESTS: usize = 200;

/// The cycle page's query (frontend/queries/cycle.graphql).
const PAGE: &str = "query($m: ID!) { preventionCycle(municipalityId: $m) {
    summary { analysisYear analysis { records open } demands { records open } resources { records open }
      strategy { records open } projects { records open } evaluation { records open } }
    actionFields { id code name }
    figures { id year area kindLabel category value unit source }
    hotSpots { id year name area address reasons public }
    demands { id title sourceKindLabel source hotSpotId place responsibleBodyName responsible statusLabel dueOn overdue public }
    inventory { id kindLabel name actionFieldId provider assessmentLabel note }
    goals { id actionFieldId title what how place demandId adoptingBodyName adoptedOn public }
    projects { id editable title description goalId ownerBodyName startsOn endsOn budgetEuros statusLabel
      partners { name } funding { programmeName }
      indicators { id name unit baseline target progressPercent reached values { id on value } }
      milestones { id kindLabel title dueOn doneOn overdue } evaluatedOn evaluation practiceId }
    deadlines { kindLabel title dueOn overdue responsible }
    canRecord canManage }
  councilStructure(municipalityId: $m) { bodies { id name canEdit } } }";

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn report(label: &str, what: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: {what}: p50 {:.1} ms, p99 {:.1} ms over {} requests",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.len()
    );
}

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(&db, &dir.path().join("server.log"), &[]).await;
    let created = server
        .call(
            "mutation { createMunicipality(input: { name: \"Zyklusstadt\", ags: \"14522997\", federalState: SN, population: 100000 }) { id } }",
            json!({}),
        )
        .await;
    let m = created["data"]["createMunicipality"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{created}"))
        .to_owned();
    let started = Instant::now();
    let mut indicators: Vec<String> = Vec::new();
    for p in 0..PROJECTS {
        let answer = server
            .call(
                "mutation($m: ID!, $i: ProjectInput!) { saveProject(municipalityId: $m, input: $i) { projects { title indicators { id } } } }",
                json!({ "m": m, "i": { "title": format!("Projekt {p}"), "status": "RUNNING", "startsOn": "2024-01-01",
                    "description": "Streifen, Licht und Beratung im Quartier (Benchmark).",
                    "indicators": (0..INDICATORS).map(|i| json!({ "name": format!("Indikator {i}"), "unit": "%", "baseline": 40, "target": 60 })).collect::<Vec<Value>>(),
                    "milestones": [ { "kind": "INTERIM_REPORT", "title": "Zwischenbericht", "dueOn": "2027-06-30" } ] } }),
            )
            .await;
        let project = answer["data"]["saveProject"]["projects"]
            .as_array()
            .and_then(|l| l.iter().find(|x| x["title"] == format!("Projekt {p}")))
            .unwrap_or_else(|| panic!("{answer}"));
        indicators.extend(
            project["indicators"]
                .as_array()
                .expect("indicators")
                .iter()
                .filter_map(|i| i["id"].as_str().map(str::to_owned)),
        );
    }
    let mut measured = Vec::with_capacity(indicators.len() * VALUES);
    for (n, indicator) in indicators.iter().enumerate() {
        for v in 0..VALUES {
            let call = Instant::now();
            let answer = server
                .call(
                    "mutation($m: ID!, $i: ID!, $on: NaiveDate!, $v: Float!) { recordMeasurement(municipalityId: $m, indicatorId: $i, on: $on, value: $v) { canRecord } }",
                    json!({ "m": m, "i": indicator, "on": format!("2025-{:02}-15", v + 1), "v": 40 + v * 4 + n % 3 }),
                )
                .await;
            measured.push(millis(call));
            assert!(answer["errors"].is_null(), "{answer}");
        }
    }
    println!(
        "{label}: {PROJECTS} projects with {} indicators and {} values recorded in {:.0} s",
        indicators.len(),
        measured.len(),
        started.elapsed().as_secs_f64()
    );
    report(
        label,
        &format!(
            "recording a value (the answer the cycle's `canRecord`) while the city grows to {} values",
            measured.len()
        ),
        measured,
    );
    let first = server.call(PAGE, json!({ "m": m })).await;
    assert!(first["errors"].is_null(), "{first}");
    let size = serde_json::to_string(&first).map_or(0, |s| s.len());
    let mut times = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        let call = Instant::now();
        let answer = server.call(PAGE, json!({ "m": m })).await;
        times.push(millis(call));
        assert!(answer["errors"].is_null());
    }
    report(
        label,
        &format!(
            "the cycle page of {PROJECTS} projects, {} values ({size} bytes of JSON)",
            indicators.len() * VALUES
        ),
        times,
    );
}

fn main() {
    support::on_both_databases(bench);
}
