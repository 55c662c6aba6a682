//! Figures for request amplification: what the largest GraphQL request the server accepts
//! costs, and what ten of them at once do to everyone else.
//!
//! Starts the release server with the demo data (so the search has documents) and builds the
//! most expensive request the limits let through: as many aliases of `search` as fit under
//! the complexity limit (500; a search costs 50 plus one per field selected below it), each
//! with 12 long words carrying typos (so every word builds its typo and compound automata)
//! and the deepest page (`first: 50, offset: 10000`). It tries from 10 aliases down until the
//! server no longer refuses the request as too complex, and prints the accepted request's
//! size in bytes and alias count; it also checks that 31 root fields are refused (at most 30).
//! Prints the server's memory (VmRSS and its peak VmHWM from `/proc/<pid>/status`) before,
//! after one such request and after ten of them running concurrently (each repeated for a few
//! seconds), and the latency of an anonymous probe (`municipalities(first: 1)`, every 50 ms)
//! with the server idle and while the ten run: p50, p99, max and the probes that failed.
//! Asserts nothing about speed; client and server share this machine's cores.
//! `cargo bench -p praevnet-server --bench amplification`; with `PRAEVNET_TEST_POSTGRES_URL`
//! also on PostgreSQL.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};
use support::{Server, percentile};

/// The schema's complexity limit (`PRAEVNET_GRAPHQL_MAX_COMPLEXITY`, default).
const MAX_COMPLEXITY: usize = 500;
/// What each alias selects: 13 fields, each costing 1 (lists are not multiplied).
const SELECTION: &str = "total hits { id title snippet { text highlighted } } facets { group values { value label count } }";
/// One `search` with [`SELECTION`]: 50 for the search itself plus its 13 fields.
const SEARCH_COST: usize = 50 + 13;
/// The most aliases tried first.
const MOST_ALIASES: usize = 10;
/// The heavy requests running at once.
const CONCURRENT: usize = 10;
/// How long each of them repeats its request.
const LOAD_FOR: Duration = Duration::from_secs(8);
/// Sequential runs of the accepted request alone, after the first.
const SINGLE_RUNS: usize = 5;
/// The probe: anonymous, cheap, answered from the database.
const PROBE: &str = "{ municipalities(first: 1) { totalCount } }";
const PROBE_EVERY: Duration = Duration::from_millis(50);
/// Probes with the server idle (5 s).
const IDLE_PROBES: usize = 100;
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);
const HEAVY_TIMEOUT: Duration = Duration::from_secs(120);

/// Long German-looking words (19 to 24 letters: the longest that still get typo and compound
/// automata); each alias swaps two letters of each at a different place.
const WORDS: [&str; 12] = [
    "Kriminalpraevention",
    "Nachbarschaftshilfe",
    "Sicherheitspartnerschaft",
    "Jugendsozialarbeiterin",
    "Praeventionsratssitzung",
    "Ordnungsamtsstreifen",
    "Kleingartenvereinigung",
    "Beleuchtungskonzepte",
    "Opferschutzberatungen",
    "Gewaltpraeventionsarbeit",
    "Verkehrssicherheitstage",
    "Wohnungsgenossenschaft",
];

/// `word` with the letters at a place chosen by `k` swapped (never the first letter).
fn typo(word: &str, k: usize) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    let at = 1 + k % (letters.len() - 2);
    letters.swap(at, at + 1);
    letters.into_iter().collect()
}

/// The 12 words of one alias, each with a typo of its own.
fn search_text(alias: usize) -> String {
    WORDS
        .iter()
        .enumerate()
        .map(|(w, word)| typo(word, alias + w * 3))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The JSON body of a request with `aliases` searches at its root.
fn heavy_body(aliases: usize) -> String {
    let fields: String = (0..aliases)
        .map(|a| {
            format!(
                "s{a}: search(input: {{ text: \"{}\", first: 50, offset: 10000 }}) {{ {SELECTION} }} ",
                search_text(a)
            )
        })
        .collect();
    json!({ "query": format!("query Heavy {{ {fields}}}") }).to_string()
}

/// Posts a JSON body to /graphql, with the session (and the CSRF header it needs) or
/// anonymously; `Err` when no JSON answer came back in time.
async fn post(
    client: &reqwest::Client,
    base: &str,
    cookie: Option<&str>,
    body: String,
    timeout: Duration,
) -> Result<Value, String> {
    let mut request = client
        .post(format!("{base}/graphql"))
        .header("content-type", "application/json")
        .header("accept-language", "de")
        .timeout(timeout)
        .body(body);
    if let Some(cookie) = cookie {
        request = request
            .header("cookie", cookie)
            .header("x-praevnet-csrf", "1");
    }
    let response = request.send().await.map_err(|e| e.to_string())?;
    let status = response.status();
    response
        .json::<Value>()
        .await
        .map_err(|e| format!("{status}: {e}"))
}

/// The codes of an answer's errors.
fn error_codes(answer: &Value) -> Vec<String> {
    answer["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["extensions"]["code"].as_str().unwrap_or("?").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn first_message(answer: &Value) -> String {
    answer["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The start of a long answer or error, for a log line.
fn short(text: String) -> String {
    const MOST: usize = 300;
    if text.chars().count() <= MOST {
        return text;
    }
    let mut cut: String = text.chars().take(MOST).collect();
    cut.push('…');
    cut
}

/// The server's resident memory now and at its peak (VmRSS, VmHWM), in MiB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn memory_line(pid: u32) -> String {
    let (rss, peak) = memory(pid);
    format!("RSS {rss:.1} MiB, peak {peak:.1} MiB")
}

/// p50, p99 and max of milliseconds (sorted here).
fn spread(times: &mut [f64]) -> String {
    if times.is_empty() {
        return "no requests".to_owned();
    }
    times.sort_by(f64::total_cmp);
    let max = times.last().copied().unwrap_or(0.0);
    format!(
        "p50 {:.1} ms, p99 {:.1} ms, max {max:.1} ms",
        percentile(times, 0.5),
        percentile(times, 0.99)
    )
}

/// Waits until the search index has documents (the demo data's practices, offers and
/// programme) and returns how many.
async fn documents(server: &Server) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let answer = server
            .call("{ search(input: { text: \"\" }) { total } }", json!({}))
            .await;
        let total = answer["data"]["search"]["total"].as_i64().unwrap_or(0);
        if total > 0 {
            return total;
        }
        assert!(
            Instant::now() < deadline,
            "the search index has no documents after 60 s: {answer}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// 30 root fields are accepted, 31 refused with the message on root fields.
async fn root_fields(label: &str, server: &Server) {
    let many = |n: usize| {
        let fields: Vec<String> = (0..n).map(|i| format!("m{i}: me {{ id }}")).collect();
        format!("{{ {} }}", fields.join(" "))
    };
    let thirty = server.call(&many(30), json!({})).await;
    assert!(thirty["errors"].is_null(), "30 root fields: {thirty}");
    let refused = server.call(&many(31), json!({})).await;
    let message = first_message(&refused);
    assert!(
        message.contains("höchstens 30 Felder auf oberster Ebene"),
        "31 root fields: {refused}"
    );
    println!(
        "{label}: 30 aliases of `me {{ id }}` accepted; 31 refused ({}): {message}",
        error_codes(&refused).join(", ")
    );
}

/// The accepted request with the most aliases.
#[derive(Debug)]
struct Largest {
    aliases: usize,
    body: String,
    answer_bytes: usize,
    first_ms: f64,
}

/// Tries from [`MOST_ALIASES`] down until the request is not refused as a bad request.
async fn largest(label: &str, server: &Server) -> Largest {
    for aliases in (1..=MOST_ALIASES).rev() {
        let body = heavy_body(aliases);
        let started = Instant::now();
        let answer = post(
            &server.client,
            &server.base,
            Some(&server.cookie),
            body.clone(),
            HEAVY_TIMEOUT,
        )
        .await
        .expect("an answer to the heavy request");
        let first_ms = started.elapsed().as_secs_f64() * 1000.0;
        if error_codes(&answer).iter().any(|c| c == "BAD_REQUEST") {
            let message = first_message(&answer);
            let why = if message.to_lowercase().contains("complex") {
                "too complex"
            } else {
                "refused"
            };
            println!(
                "{label}:   {aliases} aliases ({} bytes, complexity {}): {why}: {message}",
                body.len(),
                aliases * SEARCH_COST
            );
            continue;
        }
        assert!(
            answer["errors"].is_null(),
            "{aliases} aliases were accepted but failed: {answer}"
        );
        return Largest {
            aliases,
            answer_bytes: answer.to_string().len(),
            body,
            first_ms,
        };
    }
    panic!("not even one search alias was accepted");
}

/// What the probes saw: their latencies in milliseconds and their failures.
#[derive(Debug, Default)]
struct Probes {
    times: Vec<f64>,
    failed: usize,
    first_failure: Option<String>,
}

impl Probes {
    fn summary(&mut self) -> String {
        let count = self.times.len();
        let failed = self.failed;
        let line = format!(
            "{} over {count} probes, {failed} failed",
            spread(&mut self.times)
        );
        match &self.first_failure {
            Some(failure) => format!("{line} (first: {failure})"),
            None => line,
        }
    }
}

/// Anonymous probes, one every [`PROBE_EVERY`], for as long as `more(probes so far)` says.
async fn probe_while(
    client: &reqwest::Client,
    base: &str,
    mut more: impl FnMut(usize) -> bool,
) -> Probes {
    let mut ticks = tokio::time::interval(PROBE_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut probes = Probes::default();
    while more(probes.times.len()) {
        ticks.tick().await;
        let started = Instant::now();
        let answer = post(
            client,
            base,
            None,
            json!({ "query": PROBE }).to_string(),
            PROBE_TIMEOUT,
        )
        .await;
        probes.times.push(started.elapsed().as_secs_f64() * 1000.0);
        let failure = match answer {
            Ok(answer)
                if answer["errors"].is_null()
                    && answer["data"]["municipalities"]["totalCount"].is_number() =>
            {
                None
            }
            Ok(answer) => Some(answer.to_string()),
            Err(err) => Some(err),
        };
        if let Some(failure) = failure {
            probes.failed += 1;
            if probes.first_failure.is_none() {
                probes.first_failure = Some(short(failure));
            }
        }
    }
    probes
}

/// What one heavy client saw: its latencies in milliseconds and its failures.
#[derive(Debug, Default)]
struct Load {
    times: Vec<f64>,
    failed: usize,
    first_failure: Option<String>,
}

/// One of the concurrent heavy clients: repeats the request until `until`, at least once.
async fn heavy_loop(
    client: reqwest::Client,
    base: String,
    cookie: String,
    body: String,
    until: Instant,
) -> Load {
    let mut load = Load::default();
    loop {
        let started = Instant::now();
        let answer = post(&client, &base, Some(&cookie), body.clone(), HEAVY_TIMEOUT).await;
        load.times.push(started.elapsed().as_secs_f64() * 1000.0);
        let failure = match answer {
            Ok(answer) if answer["errors"].is_null() => None,
            Ok(answer) => Some(answer.to_string()),
            Err(err) => Some(err),
        };
        if let Some(failure) = failure {
            load.failed += 1;
            if load.first_failure.is_none() {
                load.first_failure = Some(short(failure));
            }
        }
        if Instant::now() >= until {
            return load;
        }
    }
}

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = [("PRAEVNET_DEMO_DATA", "true".to_owned())];
    let server = Server::start(&db, &dir.path().join("server.log"), &settings).await;
    let pid = server.child.id();
    let indexed = documents(&server).await;
    println!(
        "{label}: request amplification, release build, demo data ({indexed} search documents)"
    );
    root_fields(label, &server).await;

    let probe_client = reqwest::Client::new();
    let mut idle = probe_while(&probe_client, &server.base, |n| n < IDLE_PROBES).await;
    let before = memory_line(pid);

    println!(
        "{label}: the largest accepted request: `search` aliases from {MOST_ALIASES} down (each costs {SEARCH_COST}, limit {MAX_COMPLEXITY}: {} expected)",
        MAX_COMPLEXITY / SEARCH_COST
    );
    let accepted = largest(label, &server).await;
    let after_one = memory_line(pid);
    let mut single = Vec::with_capacity(SINGLE_RUNS);
    for _ in 0..SINGLE_RUNS {
        let started = Instant::now();
        let answer = post(
            &server.client,
            &server.base,
            Some(&server.cookie),
            accepted.body.clone(),
            HEAVY_TIMEOUT,
        )
        .await
        .expect("an answer to the heavy request");
        single.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(answer["errors"].is_null(), "{answer}");
    }

    let until = Instant::now() + LOAD_FOR;
    let started = Instant::now();
    let handles: Vec<_> = (0..CONCURRENT)
        .map(|_| {
            tokio::spawn(heavy_loop(
                server.client.clone(),
                server.base.clone(),
                server.cookie.clone(),
                accepted.body.clone(),
                until,
            ))
        })
        .collect();
    let mut busy = probe_while(&probe_client, &server.base, |_| {
        !handles.iter().all(|h| h.is_finished())
    })
    .await;
    let mut heavy = Vec::new();
    let mut heavy_failed = 0;
    let mut heavy_failure = None;
    for handle in handles {
        let load = handle.await.expect("a heavy client");
        heavy.extend(load.times);
        heavy_failed += load.failed;
        if heavy_failure.is_none() {
            heavy_failure = load.first_failure;
        }
    }
    let loaded_for = started.elapsed().as_secs_f64();
    let after_ten = memory_line(pid);

    println!("{label}: figures");
    println!(
        "  largest accepted request: {} `search` aliases, {} bytes of JSON body (complexity {} of {MAX_COMPLEXITY}); answer {} bytes",
        accepted.aliases,
        accepted.body.len(),
        accepted.aliases * SEARCH_COST,
        accepted.answer_bytes
    );
    println!(
        "  that request alone: first {:.1} ms, then {} over {SINGLE_RUNS} sequential runs",
        accepted.first_ms,
        spread(&mut single)
    );
    println!("  server memory before:                  {before}");
    println!("  server memory after one such request:  {after_one}");
    println!("  server memory after {CONCURRENT} concurrent ones:  {after_ten}");
    let heavy_count = heavy.len();
    println!(
        "  {CONCURRENT} concurrent clients for {loaded_for:.1} s: {heavy_count} requests ({:.2}/s), {}, {heavy_failed} failed",
        heavy_count as f64 / loaded_for,
        spread(&mut heavy)
    );
    if let Some(failure) = heavy_failure {
        println!("    first failure: {failure}");
    }
    println!("  probe, server idle:        {}", idle.summary());
    println!("  probe, while {CONCURRENT} run:      {}", busy.summary());
}

fn main() {
    support::on_both_databases(bench);
}
