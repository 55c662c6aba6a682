//! Figures for the network search: 100,000 generated good practices in German (built from
//! the words and phrasing of the seed documents' problem fields and measures), spread over
//! the 16 Länder. Prints how long the release server takes to build its index from the
//! database at start, the latency (p50/p95, over HTTP and GraphQL, as a browser asks) of a
//! single word, three words, a word with two facets and a word with a typo, and the server's
//! memory before and after. Asserts nothing about speed.
//! `cargo bench -p praevnet-server --bench search` (SQLite; the engine and the figures of the
//! search do not depend on the database).

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use praevnet_core::FederalState;
use praevnet_core::SessionSettings;
use praevnet_core::index::SearchSetup;
use praevnet_core::registry::municipality::{MunicipalityInput, MunicipalityStatus};
use praevnet_core::{Principal, Services};
use praevnet_store::{NetworkPracticeRecord, PracticeData, Store, StoreOptions};
use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};
use support::{Server, percentile};

const PRACTICES: usize = 100_000;
const BATCH: usize = 5_000;
const ROUNDS: usize = 200;
const SEARCH: &str = "query($i: SearchInput!) { search(input: $i) { total hits { id title snippet { text highlighted } } facets { group values { value count } } } }";

const PLACES: [&str; 16] = [
    "am Bahnhofsvorplatz",
    "im Stadtpark",
    "in der Innenstadt",
    "in den Kleingartenanlagen",
    "auf dem Schulhof",
    "im Wohngebiet",
    "im Jugendclub",
    "rund um das Stadion",
    "auf dem Marktplatz",
    "an den Straßenbahnhaltestellen",
    "in der Plattenbausiedlung",
    "am Flussufer",
    "im Einkaufszentrum",
    "im Nachtleben der Altstadt",
    "an der Grundschule",
    "in den Sportvereinen",
];
const PROBLEMS: [&str; 16] = [
    "Einbrüche in Lauben und Gartenhäuser",
    "Vandalismus und Graffiti an öffentlichen Gebäuden",
    "Konflikte zwischen Jugendlichen und Anwohnenden",
    "offener Drogenhandel",
    "Gewalt unter Schülerinnen und Schülern",
    "Belästigung von Frauen und Mädchen",
    "Lärm und Vermüllung öffentlicher Plätze",
    "Betrug an älteren Menschen mit dem Enkeltrick",
    "Fahrraddiebstahl",
    "häusliche Gewalt in Familien",
    "Pyrotechnik und Gewalt bei Heimspielen",
    "Mobbing und Ausgrenzung in Schulklassen",
    "Radikalisierung junger Menschen im Internet",
    "Diskriminierung von Zugewanderten",
    "Unsicherheitsgefühl in dunklen Unterführungen",
    "Alkoholkonsum und Streit in Parks",
];
const MEASURES: [&str; 16] = [
    "Streetwork an den Treffpunkten",
    "bessere Beleuchtung der Wege",
    "Patenschaften zwischen Nachbarn",
    "Präventionsworkshops für Schulklassen",
    "Elternabende zur Medienkompetenz",
    "kostenlose Sicherheitsberatung der Polizei",
    "ein runder Tisch mit Gewerbe und Anwohnenden",
    "sozialpädagogische Fanarbeit",
    "Mediation durch ausgebildete Streitschlichter",
    "Sicherheitsberater für Senioren",
    "ein Präventionsparcours zu Alkohol und Cannabis",
    "Fortbildungen für Lehrkräfte",
    "aufsuchende Jugendarbeit am Abend",
    "gemeinsame Streifen von Ordnungsamt und Polizei",
    "Ausstellungen und Theaterstücke für Jugendliche",
    "Beratungsstellen für Betroffene",
];
const PARTNERS: [&str; 10] = [
    "Polizeirevier",
    "Jugendamt",
    "Ordnungsamt",
    "Kleingartenverband",
    "Schulsozialarbeit",
    "Sportverein",
    "Wohnungsgenossenschaft",
    "Suchtberatung",
    "Gleichstellungsbeauftragte",
    "Seniorenbeirat",
];
const TOPICS: [&str; 20] = [
    "violence_public_space",
    "violence_children_women",
    "violence_schools",
    "violence_minorities",
    "radicalisation",
    "group_hostility",
    "addiction",
    "everyday_crime",
    "burglary",
    "democracy",
    "conflict_public_space",
    "graffiti",
    "littering",
    "domestic_violence",
    "victim_protection",
    "discrimination",
    "traffic_safety",
    "online_safety",
    "feeling_of_safety",
    "safety_in_old_age",
];
const TARGETS: [&str; 6] = [
    "children",
    "youth",
    "families",
    "seniors",
    "residents",
    "public",
];
const SETTINGS: [&str; 8] = [
    "school",
    "public_space",
    "allotment_gardens",
    "football",
    "neighbourhood",
    "family",
    "youth_work",
    "nightlife",
];
const EVIDENCE: [&str; 3] = [
    "theoretically_founded",
    "probably_effective",
    "proven_effective",
];

/// A small deterministic generator (xorshift), so every run indexes the same texts.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

fn practice(d: &mut Dice, n: usize) -> PracticeData {
    let (place, problem, measure, other) = (
        d.pick(&PLACES),
        d.pick(&PROBLEMS),
        d.pick(&MEASURES),
        d.pick(&MEASURES),
    );
    let year = 2015 + d.next() % 11;
    PracticeData {
        title: format!("{} {place} ({n})", capitalised(measure)),
        problem: format!(
            "Seit {year} häuften sich {place} {problem}. Anwohnende meldeten sich beim \
             Präventionsrat; die Polizei bestätigte die Lage in ihrer Kriminalstatistik."
        ),
        causes: format!(
            "Fehlende Treffpunkte, wenig soziale Kontrolle und {}.",
            d.pick(&PROBLEMS).to_lowercase()
        ),
        goals: format!(
            "Weniger Vorfälle und ein besseres Sicherheitsgefühl; Zielgruppe sind vor allem {}.",
            d.pick(&[
                "Jugendliche",
                "Familien",
                "Seniorinnen und Senioren",
                "Anwohnende",
                "Kinder"
            ])
        ),
        measures: format!(
            "Wir setzten auf {measure} und {other}. Die Arbeitsgruppe traf sich monatlich."
        ),
        concept: format!(
            "Die Koordinierungsstelle steuerte das Vorhaben gemeinsam mit {} und {}.",
            d.pick(&PARTNERS),
            d.pick(&PARTNERS)
        ),
        evaluation: format!(
            "Nach {} Monaten sanken die gemeldeten Fälle um {} Prozent.",
            6 + d.next() % 30,
            5 + d.next() % 60
        ),
        conclusions: "Ohne verlässliche Partner und feste Ansprechpersonen geht es nicht.".into(),
        topics: format!("{},{}", d.pick(&TOPICS), d.pick(&TOPICS)),
        target_groups: d.pick(&TARGETS).into(),
        settings: d.pick(&SETTINGS).into(),
        evidence_level: Some(d.pick(&EVIDENCE).into()),
        duration: format!("seit {year}"),
        costs: format!("{} € im Jahr", 1_000 * (1 + d.next() % 40)),
        partners: format!("{}, {}", d.pick(&PARTNERS), d.pick(&PARTNERS)),
        funding_programme_id: None,
        contact: "Geschäftsstelle des Präventionsrats".into(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn rss_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

/// Writes the practices straight into the database (as published ones with their network
/// copies): going through the API would take an hour and measure nothing of the search.
async fn seed(db: &TestDatabase) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_praevnet"))
        .args(["migrate", "up"])
        .env("DATABASE_URL", &db.url)
        .env("PRAEVNET_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("migrate");
    assert!(status.success());
    let store = Store::connect(&db.url, &StoreOptions::default())
        .await
        .expect("store");
    let services = Services::new(
        store.clone(),
        SessionSettings::default(),
        SearchSetup::in_memory().expect("index"),
    );
    let mut cities = Vec::new();
    for (i, state) in FederalState::ALL.into_iter().enumerate() {
        let city = services
            .registry()
            .create_municipality(
                &Principal::System,
                MunicipalityInput {
                    name: format!("Präventionsstadt {}", state.name_de()),
                    ags: format!("{}0{:02}000", state.ags_prefix(), i + 1),
                    federal_state: state,
                    population: 50_000,
                    slug: None,
                    status: MunicipalityStatus::Active,
                },
            )
            .await
            .expect("municipality");
        cities.push(city);
    }
    let mut dice = Dice(0x5eed_cafe);
    let started = Instant::now();
    for batch in 0..PRACTICES / BATCH {
        let writes = store.writes().await.expect("writes");
        for n in batch * BATCH..(batch + 1) * BATCH {
            let city = &cities[n % cities.len()];
            let data = practice(&mut dice, n);
            let saved = writes
                .tenant(city.id)
                .insert_practice(&data)
                .await
                .expect("practice");
            writes
                .network_practices()
                .put(&NetworkPracticeRecord {
                    id: saved.id,
                    municipality_id: city.id,
                    municipality_name: city.name.clone(),
                    federal_state: city.federal_state.code().into(),
                    data,
                    published_at: saved.updated_at,
                    updated_at: saved.updated_at,
                })
                .await
                .expect("network copy");
        }
        writes.commit().await.expect("commit");
    }
    eprintln!(
        "seeded {PRACTICES} practices in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    services.close().await.expect("close");
}

fn log_value(log: &str, key: &str) -> Option<String> {
    let line = log.lines().find(|l| l.contains("search index ready"))?;
    let at = line.find(key)? + key.len();
    Some(
        line[at..]
            .trim_start_matches(['"', ':', '='])
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect(),
    )
}

async fn latencies(server: &Server, input: Value) -> (f64, f64, i64) {
    let mut times = Vec::with_capacity(ROUNDS);
    let mut total = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let body = server.call(SEARCH, json!({ "i": input })).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(body["errors"].is_null(), "{input}: {body}");
        total = body["data"]["search"]["total"].as_i64().unwrap_or(0);
    }
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.95), total)
}

#[tokio::main]
async fn main() {
    let db = TestDatabase::sqlite();
    seed(&db).await;
    let log = tempfile::NamedTempFile::new().expect("log");
    let started = Instant::now();
    let server = Server::start(&db, log.path(), &[]).await;
    let ready = started.elapsed();
    let pid = server.child.id();
    let text = std::fs::read_to_string(log.path()).unwrap_or_default();
    println!("network search, {PRACTICES} generated practices, SQLite, release build");
    println!(
        "  index built at start: {} ms for {} documents (server ready after {:.1} s)",
        log_value(&text, "took_ms").unwrap_or_else(|| "?".into()),
        log_value(&text, "documents").unwrap_or_else(|| "?".into()),
        ready.as_secs_f64()
    );
    println!(
        "  server memory after start: RSS {:.0} MiB (peak {:.0} MiB)",
        rss_mib(pid, "VmRSS:"),
        rss_mib(pid, "VmHWM:")
    );
    let cases = [
        ("single word", json!({ "text": "Kleingartenanlagen" })),
        (
            "three words",
            json!({ "text": "Gewalt Schule Jugendliche" }),
        ),
        (
            "word and two facets",
            json!({ "text": "Streetwork", "settings": ["PUBLIC_SPACE"], "federalStates": ["SN"] }),
        ),
        ("word with a typo", json!({ "text": "Beleuchtnug" })),
        ("phrase", json!({ "text": "\"Gewalt unter Schülerinnen\"" })),
    ];
    for (name, input) in cases {
        // One warm-up, as a replica that has served before.
        server.call(SEARCH, json!({ "i": input })).await;
        let (p50, p95, total) = latencies(&server, input).await;
        println!("  {name:<20} p50 {p50:6.1} ms  p95 {p95:6.1} ms  ({total} matches)");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!(
        "  server memory after {} searches: RSS {:.0} MiB (peak {:.0} MiB)",
        ROUNDS * 5,
        rss_mib(pid, "VmRSS:"),
        rss_mib(pid, "VmHWM:")
    );
}
