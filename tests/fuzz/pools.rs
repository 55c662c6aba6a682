//! The values the fuzzer draws from, and what an answer must not contain.

/// What an error message must not contain (compared in lower case).
pub(super) const INTERNALS: &[&str] = &[
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
pub(super) const ENDS_SESSION: &[&str] = &["logout"];

/// Strings for any text; none contains a marker of [`INTERNALS`], which an engine message
/// may repeat.
pub(super) const NASTY: &[&str] = &[
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

pub(super) const EMAILS: &[&str] = &[
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
pub(super) const PASSWORDS: &[&str] = &[
    "",
    "kurz",
    "passwort123",
    "Nachtwächter-Eule-Saale-48",
    "Leuchtturm-Kompass-Zwickau-2027",
    "            ",
    "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
];

pub(super) const CSV: &[&str] = &[
    "",
    "gremium;name;rolle;beginn\nAG Test;Neue Person;Mitglied;01.02.2026",
    "gremium;name;rolle;beginn\nAG Test;X;Vorsitz;31.02.2026\n;;;",
    "\u{FEFF}gremium;name;rolle;beginn;ende\nAG Test;Ä;Mitglied;2026-01-01;2025-01-01",
    "gremium,name\n\"nicht geschlossen",
    "gremium;name;rolle;beginn;sektor;organisation\nUnbekannt;Y;Chef;heute;Mond;Neu",
];

pub(super) const DATES: &[&str] = &[
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

pub(super) const DATE_TIMES: &[&str] = &[
    "2026-01-15T10:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "2026-01-15",
    "gestern",
    "",
];

pub(super) const TIMES: &[&str] = &[
    "18:00", "09:30", "00:00", "23:59", "24:00", "18:60", "7:5", "18:00:00", "", "abends", "-1:00",
];

pub(super) const LINKS: &[&str] = &[
    "https://meet.example.org/praeventionsrat",
    "http://example.org",
    "javascript:alert(1)",
    "https://",
    "ftp://example.org/x",
    "data:text/html,<b>x</b>",
    "",
    "https://example.org/\u{0}",
];

pub(super) const AGS: &[&str] = &[
    "14713000",
    "15002000",
    "1471300",
    "147130001",
    "abcdefgh",
    "00000000",
    "",
    "14 713 000",
];

pub(super) const SLUGS: &[&str] = &[
    "leipzig",
    "halle-saale",
    "LEIPZIG",
    "leipzig/../x",
    "nicht-da",
    "",
];

pub(super) const BAD_IDS: &[&str] = &[
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

pub(super) const INTS: &[i64] = &[
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

pub(super) const FLOATS: &[f64] = &[0.0, -1.0, 0.5, 1e300, -1e-300, 2_147_483_648.0, 100.25];

/// Records for the run to find, made by the operator: the name its id gets, and the mutation.
/// Each mutation gets the ids named before it that it declares as variables (`$city` is the
/// municipality of the city's administrator).
pub(super) const SEEDS: &[(&str, &str)] = &[
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
