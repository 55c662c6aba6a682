//! Small requests that would ask for a lot: refused by name, and while the most expensive
//! accepted ones run, an unrelated anonymous reader is still answered.
//!
//! Before the request bounds, one 9 KB document with 240 aliases of `search` fanned out into
//! 240 concurrent resolvers, each holding a database connection: two of them exhausted the pool
//! and an anonymous query waited seconds for `UNAVAILABLE`. The pool here is small (4
//! connections) so that a request holding more than its share would starve the probe.

mod support;

use std::time::{Duration, Instant};

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{TestApp, error_code, error_message, test_config};

/// Twelve long words (the most a search takes), each built into typo and compound automata.
const WORDS: &str = "Kriminalpraevention Nachbarschaftshilfe Jugendsozialarbeit \
    Praeventionsprogramm Gewaltpraevention Suchtpraevention Sicherheitskonferenz \
    Ordnungspartnerschaft Stadtteilmanagement Schulsozialarbeit Quartiersmanagement \
    Opferschutzberatung";

/// `count` aliases of a full search: the most expensive request of its size.
fn searches(count: usize) -> String {
    let aliases: String = (0..count)
        .map(|i| {
            format!(
                "s{i}: search(input: {{ text: \"{WORDS}\", first: 50, offset: 10000 }}) {{ \
                 total hits {{ id title snippet {{ text highlighted }} }} \
                 facets {{ group values {{ value label count }} }} }} "
            )
        })
        .collect();
    format!("{{ {aliases} }}")
}

/// Requests over a bound are refused as a whole, with a message naming the bound.
async fn expensive_requests_are_refused_by_name(db: TestDatabase) {
    let app = TestApp::spawn(db).await;

    let body = app.admin(&searches(240), json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).contains("höchstens 30 Felder auf oberster Ebene"),
        "{body}"
    );
    assert!(body["data"].is_null(), "nothing of it ran: {body}");

    let body = app.admin(&searches(8), json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).to_lowercase().contains("complex"),
        "{body}"
    );

    let thirteen = format!("{WORDS} Zivilcourage");
    let body = app
        .admin(
            "query($t: String!) { search(input: { text: $t }) { total } }",
            json!({ "t": thirteen }),
        )
        .await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
    assert_eq!(
        error_message(&body),
        "Bitte suchen Sie mit höchstens 12 Wörtern."
    );

    // Fragments that double at every level: 2^20 fields if expanded in full.
    let mut exploding = String::from("{ ...F0 }\n");
    for i in 0..20 {
        exploding.push_str(&format!(
            "fragment F{i} on Query {{ a{i}: me {{ id }} ...F{} ...F{} }}\n",
            i + 1,
            i + 1
        ));
    }
    exploding.push_str("fragment F20 on Query { me { id } }");
    let started = Instant::now();
    let body = app.admin(&exploding, json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    println!(
        "fragment explosion refused in {} ms",
        started.elapsed().as_millis()
    );

    let huge = "Prävention ".repeat(20_000);
    let body = app
        .query(
            "query($s: String) { municipalities(search: $s) { totalCount } }",
            json!({ "s": huge }),
        )
        .await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
}

/// A probe of an anonymous reader while ten of the most expensive accepted requests run
/// again and again.
async fn others_are_answered_while_expensive_requests_run(db: TestDatabase) {
    let mut config = test_config(&db);
    config.database_max_connections = 4;
    let app = TestApp::spawn_with(db, config).await;
    let heavy = searches(7);
    let body = app.admin(&heavy, json!({})).await;
    assert!(body.get("errors").is_none(), "accepted: {body}");

    let until = Instant::now() + Duration::from_secs(4);
    let mut load = Vec::new();
    for _ in 0..10 {
        let client = app.client.clone();
        let url = app.url("/graphql");
        let cookie = app.admin_cookie();
        let heavy = heavy.clone();
        load.push(tokio::spawn(async move {
            let mut answered = 0;
            while Instant::now() < until {
                let body: Value = client
                    .post(&url)
                    .header("cookie", &cookie)
                    .header("x-praevnet-csrf", "1")
                    .json(&json!({ "query": heavy }))
                    .send()
                    .await
                    .expect("sent")
                    .json()
                    .await
                    .expect("JSON");
                assert!(body.get("errors").is_none(), "{body}");
                answered += 1;
            }
            answered
        }));
    }

    let mut latencies = Vec::new();
    while Instant::now() < until {
        let started = Instant::now();
        let body = app
            .query("{ municipalities(first: 1) { totalCount } }", json!({}))
            .await;
        latencies.push(started.elapsed());
        assert!(
            body["data"]["municipalities"]["totalCount"].is_number(),
            "the anonymous reader is answered: {body}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut heavy_answered = 0;
    for task in load {
        heavy_answered += task.await.expect("load task");
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize].as_millis();
    println!(
        "probe under {heavy_answered} heavy requests: {} probes, p50 {} ms, max {} ms",
        latencies.len(),
        at(0.5),
        at(1.0)
    );
}

on_both_databases!(
    expensive_requests_are_refused_by_name,
    others_are_answered_while_expensive_requests_run,
);
