//! Invitations to meetings through the mail outbox, on SQLite and PostgreSQL: a mail with an
//! iCalendar invitation to each current member and guest (read by the strict parser), answers
//! from the link without an account, changes and a call-off sent with a raised `SEQUENCE`,
//! attendance; mail that waits while the mail server is down and through a restart; and on
//! PostgreSQL two server processes that send each mail once.

mod support;

use std::collections::HashMap;

use chrono::Datelike as _;
use std::time::{Duration, Instant};

use praevnet_server::{Config, start};
use praevnet_store::{Store, StoreOptions};
use praevnet_testkit::{ReceivedMail, SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::ics::parse_strictly;
use support::structure::*;
use support::{TestApp, config_with_mail, error_code};

const SAVE: &str = "mutation($m: ID!, $id: ID, $i: MeetingInput!) { saveMeeting(municipalityId: $m, id: $id, input: $i) { id status } }";
const ITEM: &str = "mutation($m: ID!, $mt: ID!, $i: AgendaItemInput!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, input: $i) { id } }";
const INVITE: &str = "mutation($m: ID!, $mt: ID!, $g: [GuestInput!]) { sendInvitations(municipalityId: $m, meetingId: $mt, guests: $g) { mails withoutEmail meeting { status participants { id name email guest invited response responseLabel attendance } } } }";
const ANSWER_VIEW: &str = "query($t: String!) { invitationAnswer(token: $t) { title bodyName municipalityName name response status } }";
const ANSWER: &str = "mutation($t: String!, $r: InvitationResponse!) { answerInvitation(token: $t, response: $r) { response } }";
const ATTENDANCE: &str = "mutation($m: ID!, $mt: ID!, $a: [AttendanceInput!]!) { recordAttendance(municipalityId: $m, meetingId: $mt, attendance: $a) { status participants { name guest attendance attendanceLabel } } }";

fn config(db: &TestDatabase, sink: &SmtpSink) -> Config {
    let mut config = config_with_mail(db, sink);
    config.mail_retry_seconds = 1;
    config
}

/// A city with Leipzig's structure and `members` people (with addresses) seated in its
/// Sicherheitskonferenz: (city, body, the members' addresses).
async fn conference_with(app: &TestApp, members: usize) -> (String, String, Vec<String>) {
    let city = city_with(app, "leipzig").await;
    let s = structure(app, &city, None).await;
    let body = body(&s, "Sicherheitskonferenz")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let mut addresses = Vec::new();
    for n in 0..members {
        let email = format!("mitglied{n}@musterstadt.test");
        let person = change(
            app,
            PERSON,
            json!({ "m": city, "i": { "name": format!("Mitglied {n}"), "email": email } }),
        )
        .await;
        change(
            app,
            ADD,
            json!({ "m": city, "i": { "bodyId": body, "personId": person, "role": "MEMBER", "termStart": "2026-01-01" } }),
        )
        .await;
        addresses.push(email);
    }
    (city, body, addresses)
}

fn in_days(days: i64) -> String {
    (today() + chrono::Duration::days(days)).to_string()
}

async fn meeting(app: &TestApp, city: &str, body: &str, date: &str) -> String {
    numbered_meeting(app, city, body, date, None).await
}

async fn numbered_meeting(
    app: &TestApp,
    city: &str,
    body: &str,
    date: &str,
    number: Option<u32>,
) -> String {
    let saved = app
        .admin(
            SAVE,
            json!({ "m": city, "i": { "bodyId": body, "title": "Sicherheitskonferenz", "date": date,
                    "startTime": "17:00", "endTime": "19:00", "location": "Neues Rathaus", "number": number } }),
        )
        .await;
    saved["data"]["saveMeeting"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("meeting: {saved}"))
        .to_owned()
}

/// The iCalendar object of a mail, as sent (the sink decoded its quoted-printable).
fn calendar_of(mail: &ReceivedMail) -> String {
    let start = mail.text.find("BEGIN:VCALENDAR").expect("a calendar part");
    let end = mail.text.find("END:VCALENDAR").expect("its end") + "END:VCALENDAR".len();
    format!("{}\r\n", &mail.text[start..end])
}

/// The answer token of a mail's link: the tenant, a dot, the secret.
fn answer_token(mail: &ReceivedMail) -> String {
    let marker = "/teilnahme#";
    let start = mail.text.find(marker).expect("an answer link") + marker.len();
    mail.text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || *c == '.')
        .collect()
}

fn mails_to<'a>(sink: &'a [ReceivedMail], to: &str) -> Vec<&'a ReceivedMail> {
    sink.iter()
        .filter(|m| m.to.iter().any(|t| t == to))
        .collect()
}

async fn invitations_reach_members_and_guests_and_answers_come_back(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let (city, body, members) = conference_with(&app, 2).await;
    // A member without an address is named in the answer, not mailed.
    let quiet = change(
        &app,
        PERSON,
        json!({ "m": city, "i": { "name": "Ohne Adresse" } }),
    )
    .await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": body, "personId": quiet, "role": "MEMBER", "termStart": "2026-01-01" } }),
    )
    .await;
    let date = in_days(20);
    let id = numbered_meeting(&app, &city, &body, &date, Some(42)).await;
    app.admin(
        ITEM,
        json!({ "m": city, "mt": id, "i": { "title": "Lagebild der Polizei" } }),
    )
    .await;

    // Bad input first: nothing is sent, nothing changes.
    for guests in [
        json!([{ "name": "Gast", "email": "keine-adresse" }]),
        json!([{ "name": " ", "email": "gast@verein.test" }]),
        json!([{ "name": "Gast", "email": "gast@verein.test" }, { "name": "Gast", "email": "GAST@verein.test" }]),
    ] {
        let refused = app
            .admin(INVITE, json!({ "m": city, "mt": id, "g": guests }))
            .await;
        assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
        assert_eq!(
            refused["errors"][0]["extensions"]["field"], "guests",
            "{refused}"
        );
    }

    let sent = app
        .admin(
            INVITE,
            json!({ "m": city, "mt": id, "g": [{ "name": "Frau Gast", "email": "gast@verein.test" }] }),
        )
        .await;
    assert!(sent["errors"].is_null(), "{sent}");
    let sent = &sent["data"]["sendInvitations"];
    assert_eq!(sent["mails"], 3, "{sent}");
    assert_eq!(sent["withoutEmail"], json!(["Ohne Adresse"]));
    assert_eq!(sent["meeting"]["status"], "INVITED");
    assert_eq!(
        sent["meeting"]["participants"].as_array().map(Vec::len),
        Some(4)
    );

    let host_uid = format!("{id}@praevnet.test");
    for to in members
        .iter()
        .map(String::as_str)
        .chain(["gast@verein.test"])
    {
        let mail = sink.wait_for(to);
        assert!(
            mail.text.contains("Einladung: 42. Sicherheitskonferenz"),
            "{}",
            mail.text
        );
        assert!(mail.text.contains("Lagebild der Polizei"));
        assert!(
            mail.text.contains("method=REQUEST"),
            "the calendar part names its method: {}",
            mail.text
        );
        let calendar = calendar_of(&mail);
        if let Some(events) = parse_strictly(&calendar) {
            assert_eq!(events.len(), 1);
            assert_eq!(events[0]["uid"], host_uid.as_str());
            assert_eq!(events[0]["method"], "REQUEST");
            assert_eq!(events[0]["sequence"], 0);
            assert_eq!(events[0]["attendees"], json!([format!("mailto:{to}")]));
            assert_eq!(events[0]["organizer"], "mailto:noreply@praevnet.test");
        }
    }

    // The invitee answers from the link, without an account.
    let mail = sink.wait_for(&members[0]);
    let token = answer_token(&mail);
    let view = app.query(ANSWER_VIEW, json!({ "t": token })).await;
    assert_eq!(
        view["data"]["invitationAnswer"]["name"], "Mitglied 0",
        "{view}"
    );
    assert_eq!(
        view["data"]["invitationAnswer"]["title"],
        "42. Sicherheitskonferenz"
    );
    assert_eq!(
        view["data"]["invitationAnswer"]["bodyName"],
        "Sicherheitskonferenz"
    );
    let answered = app.query(ANSWER, json!({ "t": token, "r": "YES" })).await;
    assert_eq!(
        answered["data"]["answerInvitation"]["response"], "YES",
        "{answered}"
    );
    let list = app
        .admin(
            "query($m: ID!) { meetings(municipalityId: $m) { participants { name responseLabel } } }",
            json!({ "m": city }),
        )
        .await;
    let answers: HashMap<String, Value> = list["data"]["meetings"][0]["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_owned(),
                p["responseLabel"].clone(),
            )
        })
        .collect();
    assert_eq!(answers["Mitglied 0"], "Zusage", "{list}");
    assert_eq!(answers["Mitglied 1"], Value::Null);

    // A made-up, malformed or foreign token is refused at the field, in German.
    let other = app
        .create_municipality("Andere Stadt", "14511000", "SN")
        .await;
    let secret = token.split_once('.').expect("tenant and secret").1;
    let foreign = format!("{}.{secret}", other.replace('-', ""));
    for bad in [
        foreign.as_str(),
        "kein-token",
        &format!("{}.{}", &token[..32], "0".repeat(64)),
    ] {
        let refused = app.query(ANSWER, json!({ "t": bad, "r": "NO" })).await;
        assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "token");
        assert!(
            refused["errors"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("Antwort-Link"),
            "{refused}"
        );
    }

    // A change of time reaches everyone invited with a raised SEQUENCE; the old link ends.
    let moved = app
        .admin(
            SAVE,
            json!({ "m": city, "id": id, "i": { "bodyId": body, "title": "Sicherheitskonferenz", "date": date,
                    "startTime": "18:00", "endTime": "20:00", "location": "Neues Rathaus", "number": 42, "status": "INVITED" } }),
        )
        .await;
    assert!(moved["errors"].is_null(), "{moved}");
    let change_mail = sink.wait_for_containing(&members[0], "die Sitzung wurde geändert");
    if let Some(events) = parse_strictly(&calendar_of(&change_mail)) {
        assert_eq!(events[0]["uid"], host_uid.as_str());
        assert_eq!(events[0]["sequence"], 1);
    }
    let stale = app.query(ANSWER, json!({ "t": token, "r": "NO" })).await;
    assert_eq!(error_code(&stale), Some("VALIDATION"), "{stale}");
    let fresh = answer_token(&change_mail);
    let answered = app.query(ANSWER, json!({ "t": fresh, "r": "MAYBE" })).await;
    assert_eq!(
        answered["data"]["answerInvitation"]["response"], "MAYBE",
        "{answered}"
    );

    // The call-off: METHOD:CANCEL with the same UID and the next SEQUENCE, to the guest too.
    let off = app
        .admin(
            SAVE,
            json!({ "m": city, "id": id, "i": { "bodyId": body, "title": "Sicherheitskonferenz", "date": date,
                    "startTime": "18:00", "endTime": "20:00", "location": "Neues Rathaus", "number": 42, "status": "CALLED_OFF" } }),
        )
        .await;
    assert!(off["errors"].is_null(), "{off}");
    let cancel = sink.wait_for_containing("gast@verein.test", "die Sitzung wurde abgesagt");
    // (The sink decodes quoted-printable in headers too, so the part's `method=CANCEL` reads
    // garbled here; the calendar itself says it.)
    assert!(
        cancel.text.contains("Content-Type: text/calendar"),
        "{}",
        cancel.text
    );
    assert!(calendar_of(&cancel).contains("METHOD:CANCEL"));
    if let Some(events) = parse_strictly(&calendar_of(&cancel)) {
        assert_eq!(events[0]["uid"], host_uid.as_str());
        assert_eq!(events[0]["method"], "CANCEL");
        assert_eq!(events[0]["status"], "CANCELLED");
        assert_eq!(events[0]["sequence"], 2);
    }
    let late = app.query(ANSWER, json!({ "t": fresh, "r": "YES" })).await;
    assert_eq!(error_code(&late), Some("VALIDATION"), "{late}");
    // A called-off meeting takes no invitations.
    let refused = app.admin(INVITE, json!({ "m": city, "mt": id })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    // Three invitations, two changes to the members and the guest... each mail once.
    let all = sink.messages();
    assert_eq!(
        mails_to(&all, &members[0]).len(),
        3,
        "invitation, change, call-off"
    );
    assert_eq!(mails_to(&all, "gast@verein.test").len(), 3);
}

async fn attendance_is_recorded_from_the_meetings_day_and_marks_it_held(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let (city, body, _) = conference_with(&app, 2).await;
    let s = structure(&app, &city, None).await;
    let member = |name: &str| {
        s["people"]
            .as_array()
            .and_then(|people| people.iter().find(|p| p["name"] == name))
            .and_then(|p| p["id"].as_str())
            .unwrap_or_else(|| panic!("{name} in {s}"))
            .to_owned()
    };
    let future = meeting(&app, &city, &body, &in_days(3)).await;
    let early = app
        .admin(
            ATTENDANCE,
            json!({ "m": city, "mt": future, "a": [{ "personId": member("Mitglied 0"), "attendance": "PRESENT" }] }),
        )
        .await;
    assert_eq!(error_code(&early), Some("VALIDATION"), "{early}");
    assert_eq!(early["errors"][0]["extensions"]["field"], "meetingId");

    let past = meeting(&app, &city, &body, &in_days(-1)).await;
    for whom in [
        json!({ "attendance": "PRESENT" }),
        json!({ "personId": member("Mitglied 0"), "guestName": "Doppelt", "attendance": "PRESENT" }),
    ] {
        let refused = app
            .admin(ATTENDANCE, json!({ "m": city, "mt": past, "a": [whom] }))
            .await;
        assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "attendance");
    }
    let recorded = app
        .admin(
            ATTENDANCE,
            json!({ "m": city, "mt": past, "a": [
                { "personId": member("Mitglied 0"), "attendance": "PRESENT" },
                { "personId": member("Mitglied 1"), "attendance": "EXCUSED" },
                { "guestName": "Revierleiter Süd", "attendance": "PRESENT" },
            ] }),
        )
        .await;
    assert!(recorded["errors"].is_null(), "{recorded}");
    let meeting = &recorded["data"]["recordAttendance"];
    assert_eq!(meeting["status"], "HELD");
    let labels: Vec<(String, String)> = meeting["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_owned(),
                p["attendanceLabel"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("Mitglied 0".to_owned(), "anwesend".to_owned()),
            ("Mitglied 1".to_owned(), "entschuldigt".to_owned()),
            ("Revierleiter Süd".to_owned(), "anwesend".to_owned()),
        ]
    );
    // Recorded again, a person is changed, not added twice.
    let again = app
        .admin(
            ATTENDANCE,
            json!({ "m": city, "mt": past, "a": [{ "personId": member("Mitglied 1"), "attendance": "PRESENT" }] }),
        )
        .await;
    assert_eq!(
        again["data"]["recordAttendance"]["participants"]
            .as_array()
            .map(Vec::len),
        Some(3),
        "{again}"
    );
    // Another tenant's person is unknown here.
    let other = app
        .create_municipality("Andere Stadt", "14511000", "SN")
        .await;
    let stranger = person(&app, &other, "Fremde Person").await;
    let refused = app
        .admin(
            ATTENDANCE,
            json!({ "m": city, "mt": past, "a": [{ "personId": stranger, "attendance": "PRESENT" }] }),
        )
        .await;
    assert_eq!(error_code(&refused), Some("NOT_FOUND"), "{refused}");
}

async fn outbox_counts(url: &str) -> praevnet_store::OutboxCounts {
    let store = Store::connect(url, &StoreOptions::default())
        .await
        .expect("store");
    let counts = store.outbox().counts().await.expect("counts");
    store.close().await.expect("close");
    counts
}

async fn mail_waits_while_the_mail_server_is_down_and_through_a_restart(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config(&db, &sink);
    let app = TestApp::spawn_with(db, config.clone()).await;
    let (city, body, members) = conference_with(&app, 1).await;
    let id = meeting(&app, &city, &body, &in_days(10)).await;
    sink.stop();
    let sent = app.admin(INVITE, json!({ "m": city, "mt": id })).await;
    assert_eq!(
        sent["data"]["sendInvitations"]["mails"], 1,
        "the change commits: {sent}"
    );
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    assert!(sink.messages().is_empty());
    let url = app.db.url.clone();
    assert_eq!(outbox_counts(&url).await.waiting, 1);

    // The server stops with the mail unsent; the next one sends it once the sink is back.
    let db = app.stop().await;
    sink.restart();
    let app = TestApp::spawn_with(db, config).await;
    let mail = sink.wait_for(&members[0]);
    assert!(mail.text.contains("Einladung"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while outbox_counts(&url).await.sent < 1 {
        assert!(
            Instant::now() < deadline,
            "the mail is not recorded as sent"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(sink.messages().len(), 1);
    drop(app);
}

/// A meeting in summer: its invitation carries the time in UTC two hours before Berlin's
/// (the feeds' test covers both sides of the change); and a link whose meeting has passed has
/// expired.
async fn summer_times_are_right_and_links_expire_after_the_meeting(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let (city, body, members) = conference_with(&app, 1).await;
    let summer = format!("{}-07-02", today().year() + 1);
    let id = meeting(&app, &city, &body, &summer).await;
    let sent = app.admin(INVITE, json!({ "m": city, "mt": id })).await;
    assert_eq!(sent["data"]["sendInvitations"]["mails"], 1, "{sent}");
    let mail = sink.wait_for(&members[0]);
    if let Some(events) = parse_strictly(&calendar_of(&mail)) {
        let start = format!("{}T15:00:00Z", summer);
        assert_eq!(
            events[0]["start"],
            start.as_str(),
            "17:00 in Berlin in summer"
        );
    }
    // Moved to two days ago (recorded late): the new link has expired, clearly said.
    let moved = app
        .admin(
            SAVE,
            json!({ "m": city, "id": id, "i": { "bodyId": body, "title": "Sicherheitskonferenz", "date": in_days(-2),
                    "startTime": "17:00", "endTime": "19:00", "location": "Neues Rathaus", "status": "INVITED" } }),
        )
        .await;
    assert!(moved["errors"].is_null(), "{moved}");
    let change = sink.wait_for_containing(&members[0], "die Sitzung wurde geändert");
    let expired = app
        .query(ANSWER, json!({ "t": answer_token(&change), "r": "YES" }))
        .await;
    assert_eq!(error_code(&expired), Some("VALIDATION"), "{expired}");
    assert!(
        expired["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("abgelaufen"),
        "{expired}"
    );
    // Nor are invitations sent for a meeting that has passed.
    let late = app.admin(INVITE, json!({ "m": city, "mt": id })).await;
    assert_eq!(error_code(&late), Some("VALIDATION"), "{late}");
}

on_both_databases!(
    invitations_reach_members_and_guests_and_answers_come_back,
    summer_times_are_right_and_links_expire_after_the_meeting,
    attendance_is_recorded_from_the_meetings_day_and_marks_it_held,
    mail_waits_while_the_mail_server_is_down_and_through_a_restart,
);

/// Two server processes on one PostgreSQL database send 40 invitations: each exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_send_each_mail_once() {
    let Some(db) = TestDatabase::postgres().await else {
        eprintln!("skipped: set PRAEVNET_TEST_POSTGRES_URL to run this test on PostgreSQL");
        return;
    };
    let sink = SmtpSink::start();
    let config = config(&db, &sink);
    let app = TestApp::spawn_with(db, config.clone()).await;
    let second = start(config).await.expect("a second replica");
    let (city, body, members) = conference_with(&app, 40).await;
    let id = meeting(&app, &city, &body, &in_days(10)).await;
    let sent = app.admin(INVITE, json!({ "m": city, "mt": id })).await;
    assert_eq!(sent["data"]["sendInvitations"]["mails"], 40, "{sent}");
    for to in &members {
        sink.wait_for(to);
    }
    // Time for a late duplicate to show.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let all = sink.messages();
    for to in &members {
        assert_eq!(mails_to(&all, to).len(), 1, "{to} got one mail");
    }
    assert_eq!(all.len(), 40);
    second.shutdown().await.expect("second replica stops");
}
