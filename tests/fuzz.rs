//! A fuzz run of the GraphQL API against the real server: random requests generated from the
//! committed SDL (`crates/api/schema.graphql`), sent anonymously, as the operator and as a
//! city's administrator, on SQLite and on PostgreSQL, bounded in time.
//!
//! What it proves: whatever a client sends (empty, huge, control-character, right-to-left,
//! injection-looking, out-of-range or wrongly typed values, invalid enum names, random and
//! malformed ids, and the ids of real records of this tenant and of another one), the server
//! answers with an error a client can act on: never a 5xx, never the code `INTERNAL`, never a
//! message that shows its insides (SQL, the driver, source files, panics), and it never panics.
//! An `INTERNAL` is a case the code did not think of (a validation or a proper code should
//! cover it); a message with internals tells an attacker about the database.
//!
//! How: each request calls one root field of `Query` or `Mutation`, chosen at random. Its
//! arguments (required ones nearly always, optional ones half of the time) are filled from
//! their types, as variables four times out of five and inline otherwise; rarely a value of the
//! wrong kind or a missing required field tests the engine's own checks. Object answers select
//! their scalar and enum fields and one level of nested objects. Every `id` (and `…Id`) in the
//! answers goes into a pool that later ids are drawn from, so the run reaches real records;
//! a few records are seeded first (a body, people, meetings, minutes, a practice, funding),
//! and a second municipality gives foreign ids.
//!
//! Panics: the server answers a panicking handler with a 500 (its catch-panic layer, see
//! `crates/server/src/app.rs`), which fails the run; besides, a panic hook records every panic
//! in the process (the server's threads included), the same panics the log shows as
//! `thread '…' panicked at`.
//! Both databases' tests share the process, so a panic fails both of them.
//!
//! Deterministic: a xorshift64* generator seeded from `PRAEVNET_FUZZ_SEED` (a fixed default
//! otherwise); the seed is printed, and a failure names the request with its variables. The
//! harvested ids differ between runs (UUIDv7), the choices among them do not.
//!
//! Bounded: `PRAEVNET_FUZZ_REQUESTS` requests per principal (default 3,000), and at most
//! `PRAEVNET_FUZZ_SECONDS` seconds of fuzzing per database (default 60); a run cut off by the
//! time bound says so. `cargo test -p praevnet-server --test fuzz -- --nocapture` shows the
//! figures: requests per principal, seconds, requests per second, the root fields answered
//! without error, and the most frequent outcome codes.
//!
//! The logged-in principals keep their sessions for the whole run: `logout` is fuzzed only
//! anonymously, and their own account ids are never offered (`erasePerson` or `revokeRole`
//! would end them); a session lost anyway fails the run, since its requests ran as nobody.

mod support;

#[path = "fuzz/judge.rs"]
mod judge;
#[path = "fuzz/pools.rs"]
mod pools;
#[path = "fuzz/schema.rs"]
mod schema;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{
    BaseType, FieldDefinition, InputValueDefinition, Type, TypeKind, TypeSystemDefinition,
};
use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Map, Value, json};
use support::{TestApp, config_with_mail, returned_id};

use judge::*;
use pools::*;
use schema::*;

const SDL: &str = include_str!("../crates/api/schema.graphql");
const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";

const DEFAULT_SEED: u64 = 0x5EED_F022_2026_0001;
const DEFAULT_REQUESTS: u64 = 3_000;
const DEFAULT_SECONDS: u64 = 60;
/// How deep input objects nest their optional fields.
const INPUT_DEPTH: usize = 3;
/// How many harvested ids are kept.
const MAX_IDS: usize = 2_000;
const SHOWN_FAILURES: usize = 10;
/// A request without an answer by then hangs: a failure too.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// Panics anywhere in the process.

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static RECORDER: Once = Once::new();

/// Records every panic of the process from now on, and prints it as before.
fn record_panics() {
    RECORDER.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info: &std::panic::PanicHookInfo<'_>| {
            let thread = std::thread::current()
                .name()
                .unwrap_or("unnamed")
                .to_owned();
            if let Ok(mut panics) = PANICS.lock() {
                panics.push(format!("thread '{thread}' {info}"));
            }
            previous(info);
        }));
    });
}

fn recorded_panics() -> Vec<String> {
    PANICS
        .lock()
        .map(|panics| panics.to_vec())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Settings and the generator of random numbers.

struct Settings {
    seed: u64,
    requests: u64,
    budget: Duration,
}

impl Settings {
    fn from_env() -> Settings {
        Settings {
            seed: env_number("PRAEVNET_FUZZ_SEED").unwrap_or(DEFAULT_SEED),
            requests: env_number("PRAEVNET_FUZZ_REQUESTS").unwrap_or(DEFAULT_REQUESTS),
            budget: Duration::from_secs(
                env_number("PRAEVNET_FUZZ_SECONDS").unwrap_or(DEFAULT_SECONDS),
            ),
        }
    }
}

/// A number from the environment; a value that is not one is a mistake, said as such.
fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} is not a whole number: {value:?}")),
    )
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Zero is the one state xorshift never leaves.
        Rng(if seed == 0 { DEFAULT_SEED } else { seed })
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (which must not be 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items` (which must not be empty).
    fn pick<'p, T>(&mut self, items: &'p [T]) -> &'p T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Values and requests.

/// A generated value, which knows whether it is an enum (bare when inline).
enum Arg {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Enum(String),
    List(Vec<Arg>),
    Object(Vec<(String, Arg)>),
}

impl Arg {
    fn json(&self) -> Value {
        match self {
            Arg::Null => Value::Null,
            Arg::Bool(b) => Value::Bool(*b),
            Arg::Int(i) => Value::from(*i),
            Arg::Float(f) => Value::from(*f),
            Arg::Str(s) | Arg::Enum(s) => Value::from(s.as_str()),
            Arg::List(items) => Value::Array(items.iter().map(Arg::json).collect()),
            Arg::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(name, value)| (name.clone(), value.json()))
                    .collect(),
            ),
        }
    }

    /// The value written into the query; JSON's string escapes are GraphQL's too.
    fn literal(&self) -> String {
        match self {
            Arg::Null => "null".to_owned(),
            Arg::Bool(b) => b.to_string(),
            Arg::Int(i) => i.to_string(),
            Arg::Float(_) | Arg::Str(_) => self.json().to_string(),
            Arg::Enum(name) => name.clone(),
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(Arg::literal).collect();
                format!("[{}]", items.join(", "))
            }
            Arg::Object(fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(name, value)| format!("{name}: {}", value.literal()))
                    .collect();
                format!("{{{}}}", fields.join(", "))
            }
        }
    }
}

/// One GraphQL request of the run.
struct Request {
    field: String,
    query: String,
    variables: Map<String, Value>,
}

impl Request {
    fn body(&self) -> Value {
        json!({ "query": self.query, "variables": self.variables })
    }
}

/// Makes requests, and remembers the ids the answers showed.
struct Fuzzer<'s> {
    schema: &'s Schema,
    rng: Rng,
    ids: Vec<String>,
    known: BTreeSet<String>,
    /// The accounts of the run's principals, never offered as ids.
    protected: BTreeSet<String>,
    slugs: Vec<String>,
}

impl<'s> Fuzzer<'s> {
    fn new(schema: &'s Schema, seed: u64) -> Fuzzer<'s> {
        Fuzzer {
            schema,
            rng: Rng::new(seed),
            ids: Vec::new(),
            known: BTreeSet::new(),
            protected: BTreeSet::new(),
            slugs: Vec::new(),
        }
    }

    fn protect(&mut self, callers: &[Caller]) {
        for account in callers.iter().filter_map(|c| c.account.as_deref()) {
            self.protected.insert(account.to_owned());
        }
    }

    fn request(&mut self, root: &Root) -> Request {
        let inline = self.rng.chance(20);
        let mut declarations = Vec::new();
        let mut arguments = Vec::new();
        let mut variables = Map::new();
        for arg in &root.field.args {
            let wanted = if arg.required {
                !self.rng.chance(1)
            } else {
                self.rng.chance(50)
            };
            if !wanted {
                continue;
            }
            let value = self.value(&arg.ty, &arg.name, 0);
            if inline {
                arguments.push(format!("{}: {}", arg.name, value.literal()));
            } else {
                let variable = format!("a{}", variables.len());
                declarations.push(format!("${variable}: {}", arg.ty));
                arguments.push(format!("{}: ${variable}", arg.name));
                variables.insert(variable, value.json());
            }
        }
        let query = format!(
            "{} Fuzz{} {{ {}{} {} }}",
            root.operation,
            parenthesised(&declarations),
            root.field.name,
            parenthesised(&arguments),
            root.selection
        );
        Request {
            field: root.field.name.clone(),
            query,
            variables,
        }
    }

    fn value(&mut self, ty: &Type, name: &str, depth: usize) -> Arg {
        if self.rng.chance(1) {
            return self.wrong_kind();
        }
        if ty.nullable && self.rng.chance(10) {
            return Arg::Null;
        }
        match &ty.base {
            BaseType::List(item) => {
                let length = self.rng.below(4);
                Arg::List((0..length).map(|_| self.value(item, name, depth)).collect())
            }
            BaseType::Named(type_name) => self.named(type_name.as_str(), name, depth),
        }
    }

    fn named(&mut self, type_name: &str, name: &str, depth: usize) -> Arg {
        let schema = self.schema;
        match (type_name, schema.kinds.get(type_name)) {
            ("String", _) => Arg::Str(self.string(name)),
            ("ID", _) => Arg::Str(self.id()),
            ("Int", _) => Arg::Int(*self.rng.pick(INTS)),
            ("Float", _) => Arg::Float(*self.rng.pick(FLOATS)),
            ("Boolean", _) => Arg::Bool(self.rng.chance(50)),
            ("NaiveDate", _) => Arg::Str(self.one_of(DATES)),
            ("DateTime", _) => Arg::Str(self.one_of(DATE_TIMES)),
            (_, Some(Kind::Enum(values))) => Arg::Enum(self.enum_value(values)),
            (_, Some(Kind::InputObject(fields))) => self.object(fields, depth),
            _ => Arg::Str(self.string(name)),
        }
    }

    fn object(&mut self, fields: &[Input], depth: usize) -> Arg {
        let mut entries = Vec::new();
        for field in fields {
            let wanted = if field.required {
                !self.rng.chance(1)
            } else {
                depth < INPUT_DEPTH && self.rng.chance(50)
            };
            if wanted {
                let value = self.value(&field.ty, &field.name, depth + 1);
                entries.push((field.name.clone(), value));
            }
        }
        Arg::Object(entries)
    }

    fn enum_value(&mut self, values: &[String]) -> String {
        if values.is_empty() || self.rng.chance(5) {
            return "NOT_A_VALUE".to_owned();
        }
        self.rng.pick(values).clone()
    }

    /// A value of the wrong kind, for the engine's own checks.
    fn wrong_kind(&mut self) -> Arg {
        match self.rng.below(7) {
            0 => Arg::Int(7),
            1 => Arg::Str("x".to_owned()),
            2 => Arg::Bool(true),
            3 => Arg::List(Vec::new()),
            4 => Arg::Object(Vec::new()),
            5 => Arg::Null,
            _ => Arg::Float(0.5),
        }
    }

    /// A string, often one that fits the argument's name.
    fn string(&mut self, name: &str) -> String {
        if self.rng.chance(40) {
            return self.nasty();
        }
        let lower = name.to_ascii_lowercase();
        if lower == "id" || name.ends_with("Id") {
            self.id()
        } else if lower == "token" {
            self.token()
        } else if lower == "slug" {
            self.slug()
        } else if lower.contains("email") {
            self.one_of(EMAILS)
        } else if lower.contains("password") {
            self.one_of(PASSWORDS)
        } else if lower == "csv" {
            self.one_of(CSV)
        } else if lower.ends_with("time") {
            self.one_of(TIMES)
        } else if lower.contains("link") {
            self.one_of(LINKS)
        } else if lower == "ags" {
            self.one_of(AGS)
        } else {
            self.nasty()
        }
    }

    fn nasty(&mut self) -> String {
        let index = self.rng.below(NASTY.len() + 3);
        if let Some(text) = NASTY.get(index) {
            return (*text).to_owned();
        }
        match index - NASTY.len() {
            0 => "x".repeat(10_000),
            1 => "ä".repeat(300),
            _ => "a".repeat(256),
        }
    }

    fn one_of(&mut self, pool: &[&str]) -> String {
        (*self.rng.pick(pool)).to_owned()
    }

    /// Mostly an id seen in an answer, else a random UUID or a malformed id.
    fn id(&mut self) -> String {
        if !self.ids.is_empty() && self.rng.chance(65) {
            return self.rng.pick(&self.ids).clone();
        }
        if self.rng.chance(70) {
            return self.uuid();
        }
        self.one_of(BAD_IDS)
    }

    fn slug(&mut self) -> String {
        if !self.slugs.is_empty() && self.rng.chance(60) {
            return self.rng.pick(&self.slugs).clone();
        }
        self.one_of(SLUGS)
    }

    /// A UUIDv7-shaped id that names nothing.
    fn uuid(&mut self) -> String {
        let (high, low) = (self.rng.next_u64(), self.rng.next_u64());
        format!(
            "{:08x}-{:04x}-7{:03x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xffff,
            high & 0x0fff,
            0x8000 | ((low >> 48) & 0x3fff),
            low & 0xffff_ffff_ffff
        )
    }

    /// 64 hex digits, the shape of the links' tokens and of session secrets.
    fn token(&mut self) -> String {
        let words = [
            self.rng.next_u64(),
            self.rng.next_u64(),
            self.rng.next_u64(),
            self.rng.next_u64(),
        ];
        format!(
            "{:016x}{:016x}{:016x}{:016x}",
            words[0], words[1], words[2], words[3]
        )
    }

    /// The caller's session cookie; anonymous requests sometimes carry a made-up one.
    fn cookie_for(&mut self, caller: &Caller) -> Option<String> {
        match &caller.cookie {
            Some(cookie) => Some(cookie.clone()),
            None if self.rng.chance(10) => Some(format!("praevnet_session={}", self.token())),
            None => None,
        }
    }

    /// Keeps every `id`, `…Id` and `slug` of an answer's data.
    fn harvest(&mut self, value: &Value) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields {
                    match field {
                        Value::String(text) if key == "id" || key.ends_with("Id") => {
                            self.remember_id(text);
                        }
                        Value::String(text) if key == "slug" => self.remember_slug(text),
                        _ => self.harvest(field),
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.harvest(item);
                }
            }
            _ => {}
        }
    }

    fn remember_id(&mut self, id: &str) {
        if self.ids.len() < MAX_IDS
            && !self.protected.contains(id)
            && self.known.insert(id.to_owned())
        {
            self.ids.push(id.to_owned());
        }
    }

    fn remember_slug(&mut self, slug: &str) {
        if self.slugs.len() < 100 && !self.slugs.iter().any(|s| s == slug) {
            self.slugs.push(slug.to_owned());
        }
    }
}

/// `(a, b)`, or nothing for no items.
fn parenthesised(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!("({})", items.join(", "))
    }
}

// ---------------------------------------------------------------------------------------------
// Principals and seed records.

/// Who sends a request.
struct Caller {
    name: &'static str,
    cookie: Option<String>,
    account: Option<String>,
}

impl Caller {
    async fn logged_in(app: &TestApp, name: &'static str, cookie: String) -> Caller {
        let me = app.in_session(&cookie, "{ me { id } }", json!({})).await;
        let account = me["data"]["me"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} is logged in: {me}"))
            .to_owned();
        Caller {
            name,
            cookie: Some(cookie),
            account: Some(account),
        }
    }
}

/// Anonymous, the operator, and the administrator of `city` (onboarded by mail).
async fn callers(app: &TestApp, sink: &SmtpSink, city: &str) -> Vec<Caller> {
    let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": city });
    let city_admin = app
        .onboard(sink, "leitung@leipzig.de", role, PASSWORD)
        .await;
    vec![
        Caller {
            name: "anonymous",
            cookie: None,
            account: None,
        },
        Caller::logged_in(app, "operator", app.admin_cookie()).await,
        Caller::logged_in(app, "city admin", city_admin).await,
    ]
}

/// Makes the [`SEEDS`] as the operator; their answers feed the pool of ids.
async fn seed_records(app: &TestApp, city: &str, fuzzer: &mut Fuzzer<'_>) {
    let mut ids = Map::new();
    ids.insert("city".to_owned(), Value::from(city));
    for &(name, query) in SEEDS {
        let variables: Map<String, Value> = ids
            .iter()
            .filter(|(key, _)| query.contains(&format!("${key}:")))
            .map(|(key, id)| (key.clone(), id.clone()))
            .collect();
        let body = app.admin(query, Value::Object(variables)).await;
        assert!(body["errors"].is_null(), "seed record {name}: {body}");
        fuzzer.harvest(&body["data"]);
        let id = returned_id(&body).unwrap_or_else(|| panic!("seed record {name}: {body}"));
        ids.insert(name.to_owned(), Value::from(id));
    }
}

// ---------------------------------------------------------------------------------------------

async fn random_requests_never_reach_internals(db: TestDatabase) {
    record_panics();
    let settings = Settings::from_env();
    let database = if db.is_postgres() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!(
        "fuzz on {database}: seed {} (PRAEVNET_FUZZ_SEED), {} requests per principal \
         (PRAEVNET_FUZZ_REQUESTS), at most {} s (PRAEVNET_FUZZ_SECONDS)",
        settings.seed,
        settings.requests,
        settings.budget.as_secs()
    );
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let city = app.create_municipality("Leipzig", "14713000", "SN").await;
    let other = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let callers = callers(&app, &sink, &city).await;

    let schema = Schema::load();
    let mut fuzzer = Fuzzer::new(&schema, settings.seed);
    fuzzer.protect(&callers);
    fuzzer.remember_id(&city);
    fuzzer.remember_id(&other);
    seed_records(&app, &city, &mut fuzzer).await;

    let run = fuzz(&app, &callers, &mut fuzzer, &settings).await;
    print_figures(database, &callers, &run, &fuzzer);
    let lost = lost_sessions(&app, &callers).await;
    let panics = recorded_panics();
    assert!(
        run.failure_count == 0 && panics.is_empty() && lost.is_empty(),
        "{}",
        report(database, settings.seed, &run, &panics, &lost)
    );
}

on_both_databases!(random_requests_never_reach_internals);
