//! Figures for a council's meetings: invitations to a body of 50 members, from the request to
//! the last mail at a local SMTP sink (through the outbox: mails per second); and the meeting
//! list of a city with ten years of meetings (480 meetings, each with its agenda, attendance
//! and minutes): p50/p99 of the query the meetings page sends. Prints figures; asserts
//! nothing about speed. `cargo bench -p praevnet-server --bench meetings`; with
//! `PRAEVNET_TEST_POSTGRES_URL` also on PostgreSQL.

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use praevnet_testkit::{SmtpSink, TestDatabase};
use serde_json::{Value, json};
use support::{Server, percentile};

const MEMBERS: usize = 50;
const ROUNDS: usize = 3;
const BODIES: usize = 8;
const PER_YEAR: usize = 6;
const YEARS: usize = 10;
const REQUESTS: usize = 100;

/// The meetings page's query (frontend/queries/meetings.graphql), without the plan.
const LIST: &str = "query($m: ID!) { meetings(municipalityId: $m) { id bodyId bodyName number title date startTime endTime location onlineLink public status statusLabel topic
    agenda { id position title description presenter public result }
    participants { id personId name email guest invited response responseLabel attendance attendanceLabel }
    minutes { id version status statusLabel notes approvedOn entries { agendaItemId title text } }
    editable } }";

fn id(answer: &Value, field: &str) -> String {
    answer["data"][field]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{field}: {answer}"))
        .to_owned()
}

async fn invitations(label: &str, server: &Server, sink: &SmtpSink, m: &str) {
    let body = id(
        &server
            .call(
                "mutation($m: ID!) { createBody(municipalityId: $m, input: { name: \"Sicherheitskonferenz\", kind: SECURITY_CONFERENCE }) { id } }",
                json!({ "m": m }),
            )
            .await,
        "createBody",
    );
    for n in 0..MEMBERS {
        let person = id(
            &server
                .call(
                    "mutation($m: ID!, $i: PersonInput!) { savePerson(municipalityId: $m, input: $i) { id } }",
                    json!({ "m": m, "i": { "name": format!("Mitglied {n}"), "email": format!("m{n}@bench.test") } }),
                )
                .await,
            "savePerson",
        );
        server
            .call(
                "mutation($m: ID!, $i: MembershipInput!) { addMembership(municipalityId: $m, input: $i) { id } }",
                json!({ "m": m, "i": { "bodyId": body, "personId": person, "role": "MEMBER", "termStart": "2026-01-01" } }),
            )
            .await;
    }
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    let meeting = id(
        &server
            .call(
                "mutation($m: ID!, $b: ID!, $d: NaiveDate!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sicherheitskonferenz\", date: $d, startTime: \"17:00\" }) { id } }",
                json!({ "m": m, "b": body, "d": date }),
            )
            .await,
        "saveMeeting",
    );
    for round in 1..=ROUNDS {
        let before = sink.messages().len();
        let started = Instant::now();
        let sent = server
            .call(
                "mutation($m: ID!, $id: ID!) { sendInvitations(municipalityId: $m, meetingId: $id) { mails } }",
                json!({ "m": m, "id": meeting }),
            )
            .await;
        let answered = started.elapsed();
        assert_eq!(sent["data"]["sendInvitations"]["mails"], MEMBERS, "{sent}");
        let deadline = Instant::now() + Duration::from_secs(120);
        while sink.messages().len() < before + MEMBERS {
            assert!(Instant::now() < deadline, "mails did not arrive");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let all = started.elapsed();
        println!(
            "{label}: invitations round {round}: {MEMBERS} mails queued in {:.0} ms (the request), all at the sink after {:.0} ms: {:.0} mails/s",
            answered.as_secs_f64() * 1000.0,
            all.as_secs_f64() * 1000.0,
            MEMBERS as f64 / all.as_secs_f64()
        );
    }
}

async fn ten_years(label: &str, server: &Server, m: &str) {
    let started = Instant::now();
    let person = id(
        &server
            .call(
                "mutation($m: ID!) { savePerson(municipalityId: $m, input: { name: \"Geschäftsstelle\" }) { id } }",
                json!({ "m": m }),
            )
            .await,
        "savePerson",
    );
    let first_year = 2016;
    let mut meetings = 0;
    for b in 0..BODIES {
        let body = id(
            &server
                .call(
                    "mutation($m: ID!, $n: String!) { createBody(municipalityId: $m, input: { name: $n, kind: WORKING_GROUP }) { id } }",
                    json!({ "m": m, "n": format!("AG {b}") }),
                )
                .await,
            "createBody",
        );
        for year in 0..YEARS {
            for k in 0..PER_YEAR {
                let date = format!("{}-{:02}-{:02}", first_year + year, 1 + k * 2, 10 + b);
                let meeting = id(
                    &server
                        .call(
                            "mutation($m: ID!, $b: ID!, $d: NaiveDate!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: $d, startTime: \"17:00\", location: \"Rathaus\" }) { id } }",
                            json!({ "m": m, "b": body, "d": date }),
                        )
                        .await,
                    "saveMeeting",
                );
                for title in ["Begrüßung", "Lagebild", "Verschiedenes"] {
                    server
                        .call(
                            "mutation($m: ID!, $id: ID!, $t: String!) { saveAgendaItem(municipalityId: $m, meetingId: $id, input: { title: $t, result: \"Zur Kenntnis genommen.\" }) { id } }",
                            json!({ "m": m, "id": meeting, "t": title }),
                        )
                        .await;
                }
                server
                    .call(
                        "mutation($m: ID!, $id: ID!, $p: ID!) { recordAttendance(municipalityId: $m, meetingId: $id, attendance: [{ personId: $p, attendance: PRESENT }, { guestName: \"Gast\", attendance: PRESENT }]) { id } }",
                        json!({ "m": m, "id": meeting, "p": person }),
                    )
                    .await;
                server
                    .call(
                        "mutation($m: ID!, $id: ID!) { saveMinutes(municipalityId: $m, meetingId: $id, input: { notes: \"Eröffnet.\" }) { id } }",
                        json!({ "m": m, "id": meeting }),
                    )
                    .await;
                meetings += 1;
            }
        }
    }
    println!(
        "{label}: {meetings} meetings of {BODIES} bodies over {YEARS} years recorded in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    let first = server.call(LIST, json!({ "m": m })).await;
    let size = serde_json::to_string(&first).map_or(0, |s| s.len());
    assert_eq!(
        first["data"]["meetings"].as_array().map(Vec::len),
        Some(meetings),
        "{first}"
    );
    let mut times = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        let started = Instant::now();
        let answer = server.call(LIST, json!({ "m": m })).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(answer["errors"].is_null());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: the meeting list of {meetings} meetings ({size} bytes of JSON): p50 {:.1} ms, p99 {:.1} ms over {REQUESTS} sequential requests",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
}

async fn bench(label: &str, db: TestDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sink = SmtpSink::start();
    let settings = [
        ("PRAEVNET_SMTP_HOST", "127.0.0.1".to_owned()),
        ("PRAEVNET_SMTP_PORT", sink.port.to_string()),
        ("PRAEVNET_SMTP_TLS", "none".to_owned()),
        (
            "PRAEVNET_MAIL_FROM",
            "praevnet <noreply@bench.test>".to_owned(),
        ),
        ("PRAEVNET_PUBLIC_URL", "http://bench.test".to_owned()),
    ];
    let server = Server::start(&db, &dir.path().join("server.log"), &settings).await;
    let town = |name: &str, ags: &str| {
        server.call(
            "mutation($n: String!, $a: String!) { createMunicipality(input: { name: $n, ags: $a, federalState: SN, population: 100000 }) { id } }",
            json!({ "n": name, "a": ags }),
        )
    };
    let m = id(&town("Benchstadt", "14522999").await, "createMunicipality");
    invitations(label, &server, &sink, &m).await;
    let m = id(
        &town("Zehnjahrstadt", "14522998").await,
        "createMunicipality",
    );
    ten_years(label, &server, &m).await;
}

fn main() {
    support::on_both_databases(bench);
}
