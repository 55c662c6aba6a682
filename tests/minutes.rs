//! Minutes of meetings through the GraphQL API and the download, on SQLite and PostgreSQL: a
//! draft per agenda item, circulated to the body by mail, approved on a date and frozen, a
//! correction as a new version with the approved one kept; and the bad input each refuses.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, config_with_mail, error_code};

const SAVE_MEETING: &str = "mutation($m: ID!, $id: ID, $i: MeetingInput!) { saveMeeting(municipalityId: $m, id: $id, input: $i) { id agenda { id } } }";
const ITEM: &str = "mutation($m: ID!, $mt: ID!, $i: AgendaItemInput!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, input: $i) { agenda { id title } } }";
const MINUTES: &str =
    "minutes { version status statusLabel notes approvedOn entries { agendaItemId title text } }";

fn save_minutes() -> String {
    format!(
        "mutation($m: ID!, $mt: ID!, $i: MinutesInput!) {{ saveMinutes(municipalityId: $m, meetingId: $mt, input: $i) {{ {MINUTES} }} }}"
    )
}

fn step(name: &str) -> String {
    format!(
        "mutation($m: ID!, $mt: ID!) {{ {name}(municipalityId: $m, meetingId: $mt) {{ {MINUTES} }} }}"
    )
}

fn approve() -> String {
    format!(
        "mutation($m: ID!, $mt: ID!, $on: NaiveDate!) {{ approveMinutes(municipalityId: $m, meetingId: $mt, approvedOn: $on) {{ {MINUTES} }} }}"
    )
}

fn days(n: i64) -> String {
    (today() + chrono::Duration::days(n)).to_string()
}

/// A meeting of Leipzig's Lenkungsgruppe (internal) on `date` with two agenda items: (city,
/// body, meeting, item ids).
async fn meeting_with_agenda(app: &TestApp, date: &str) -> (String, String, String, Vec<String>) {
    let city = city_with(app, "leipzig").await;
    let s = structure(app, &city, None).await;
    let body = body(&s, "Lenkungsgruppe")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (meeting, items) = meeting_in(app, &city, &body, date).await;
    (city, body, meeting, items)
}

/// A meeting of `body` on `date` with two agenda items: (meeting, item ids).
async fn meeting_in(app: &TestApp, city: &str, body: &str, date: &str) -> (String, Vec<String>) {
    let saved = app
        .admin(
            SAVE_MEETING,
            json!({ "m": city, "i": { "bodyId": body, "title": "Sitzung der Lenkungsgruppe", "date": date, "startTime": "10:00" } }),
        )
        .await;
    let meeting = saved["data"]["saveMeeting"]["id"]
        .as_str()
        .expect("meeting")
        .to_owned();
    let mut items = Vec::new();
    for title in ["Lagebild", "Haushalt 2027"] {
        let answer = app
            .admin(
                ITEM,
                json!({ "m": city, "mt": meeting, "i": { "title": title } }),
            )
            .await;
        items = answer["data"]["saveAgendaItem"]["agenda"]
            .as_array()
            .expect("agenda")
            .iter()
            .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
            .collect();
    }
    (meeting, items)
}

fn latest(answer: &Value, field: &str) -> Value {
    assert!(answer["errors"].is_null(), "{answer}");
    answer["data"][field]["minutes"][0].clone()
}

async fn minutes_go_from_draft_through_review_to_approval_and_stay_frozen(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let (city, body, meeting, items) = meeting_with_agenda(&app, &days(-7)).await;
    let member = change(
        &app,
        PERSON,
        json!({ "m": city, "i": { "name": "Dana Beispiel", "email": "dana@musterstadt.test" } }),
    )
    .await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": body, "personId": member, "role": "MEMBER", "termStart": "2026-01-01" } }),
    )
    .await;

    let draft = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": meeting, "i": { "notes": "Beschlussfähig.", "entries": [
                { "agendaItemId": items[0], "text": "Die Polizei stellt das Lagebild vor." }
            ] } }),
        )
        .await;
    let draft = latest(&draft, "saveMinutes");
    assert_eq!(draft["version"], 1);
    assert_eq!(draft["status"], "DRAFT");
    assert_eq!(draft["statusLabel"], "Entwurf");
    assert_eq!(
        draft["entries"].as_array().map(Vec::len),
        Some(2),
        "one entry per item"
    );
    assert_eq!(
        draft["entries"][0]["text"],
        "Die Polizei stellt das Lagebild vor."
    );
    assert_eq!(draft["entries"][1]["title"], "Haushalt 2027");

    // The second item's text is added; the first keeps its text.
    let draft = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": meeting, "i": { "notes": "Beschlussfähig.", "entries": [
                { "agendaItemId": items[1], "text": "Vertagt." }
            ] } }),
        )
        .await;
    let draft = latest(&draft, "saveMinutes");
    assert_eq!(
        draft["entries"][0]["text"],
        "Die Polizei stellt das Lagebild vor."
    );
    assert_eq!(draft["entries"][1]["text"], "Vertagt.");

    let circulated = app
        .admin(
            &step("circulateMinutes"),
            json!({ "m": city, "mt": meeting }),
        )
        .await;
    assert_eq!(
        latest(&circulated, "circulateMinutes")["status"],
        "CIRCULATED"
    );
    let mail = sink.wait_for("dana@musterstadt.test");
    assert!(
        mail.text.contains("Die Polizei stellt das Lagebild vor."),
        "{}",
        mail.text
    );
    let again = app
        .admin(
            &step("circulateMinutes"),
            json!({ "m": city, "mt": meeting }),
        )
        .await;
    assert_eq!(error_code(&again), Some("VALIDATION"), "{again}");

    // Approval: on the meeting's day at the earliest, today at the latest; once.
    for on in [days(-8), days(1)] {
        let refused = app
            .admin(&approve(), json!({ "m": city, "mt": meeting, "on": on }))
            .await;
        assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "approvedOn");
    }
    let approved = app
        .admin(
            &approve(),
            json!({ "m": city, "mt": meeting, "on": days(-1) }),
        )
        .await;
    let approved = latest(&approved, "approveMinutes");
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["approvedOn"], days(-1));
    let twice = app
        .admin(
            &approve(),
            json!({ "m": city, "mt": meeting, "on": days(0) }),
        )
        .await;
    assert_eq!(error_code(&twice), Some("VALIDATION"), "{twice}");
    assert!(
        twice["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("bereits genehmigt")
    );
    let frozen = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": meeting, "i": { "notes": "Geändert" } }),
        )
        .await;
    assert_eq!(error_code(&frozen), Some("VALIDATION"), "{frozen}");

    // A correction is a new version; the approved one stays as it was.
    let corrected = app
        .admin(&step("correctMinutes"), json!({ "m": city, "mt": meeting }))
        .await;
    assert!(corrected["errors"].is_null(), "{corrected}");
    let versions = &corrected["data"]["correctMinutes"]["minutes"];
    assert_eq!(versions[0]["version"], 2);
    assert_eq!(versions[0]["status"], "DRAFT");
    assert_eq!(versions[0]["entries"][1]["text"], "Vertagt.");
    assert_eq!(versions[1]["version"], 1);
    assert_eq!(versions[1]["status"], "APPROVED");
    let second = app
        .admin(&step("correctMinutes"), json!({ "m": city, "mt": meeting }))
        .await;
    assert_eq!(error_code(&second), Some("VALIDATION"), "{second}");

    // The document to download: each version, for those who see the internal meeting.
    let cookie = app.admin_cookie();
    let (status, kind, body) = app
        .download(
            Some(&cookie),
            &format!("/niederschrift/{city}/{meeting}?fassung=1"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"), "{kind}");
    let html = String::from_utf8(body).expect("UTF-8");
    assert!(html.contains("Fassung 1 – genehmigt am"), "{html}");
    assert!(
        html.contains("<h3>2. Haushalt 2027</h3>\n<p>Vertagt.</p>"),
        "{html}"
    );
    let (status, _, _) = app
        .download(None, &format!("/niederschrift/{city}/{meeting}"))
        .await;
    assert_eq!(status, 404, "the public does not see internal minutes");
    let other = app
        .create_municipality("Andere Stadt", "14511000", "SN")
        .await;
    let (status, _, _) = app
        .download(Some(&cookie), &format!("/niederschrift/{other}/{meeting}"))
        .await;
    assert_eq!(status, 404, "another tenant's meeting is unknown there");
}

async fn minutes_are_refused_before_the_meeting_for_a_call_off_and_for_foreign_items(
    db: TestDatabase,
) {
    let app = TestApp::spawn(db).await;
    let (city, body, meeting, _) = meeting_with_agenda(&app, &days(5)).await;
    let early = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": meeting, "i": { "notes": "Zu früh" } }),
        )
        .await;
    assert_eq!(error_code(&early), Some("VALIDATION"), "{early}");
    assert_eq!(early["errors"][0]["extensions"]["field"], "meetingId");

    let past = app
        .admin(
            SAVE_MEETING,
            json!({ "m": city, "i": { "bodyId": body, "title": "Abgesagt", "date": days(-3), "status": "CALLED_OFF" } }),
        )
        .await;
    let called_off = past["data"]["saveMeeting"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let refused = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": called_off, "i": { "notes": "x" } }),
        )
        .await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    for name in ["circulateMinutes", "correctMinutes"] {
        let none = app
            .admin(&step(name), json!({ "m": city, "mt": called_off }))
            .await;
        assert_eq!(error_code(&none), Some("VALIDATION"), "{name}: {none}");
    }

    // An item of another meeting is not one of this meeting's.
    let (held, _) = meeting_in(&app, &city, &body, &days(-2)).await;
    let (_, foreign_items) = meeting_in(&app, &city, &body, &days(-1)).await;
    let foreign = app
        .admin(
            &save_minutes(),
            json!({ "m": city, "mt": held, "i": { "entries": [{ "agendaItemId": foreign_items[0], "text": "x" }] } }),
        )
        .await;
    assert_eq!(error_code(&foreign), Some("NOT_FOUND"), "{foreign}");
}

/// A member of an internal body sees its meetings with attendance and minutes (without the
/// addresses of those invited), and not the meetings of an internal body they do not sit in;
/// they change neither.
async fn a_member_sees_the_internal_meetings_of_their_bodies_only(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let (city, body, meeting, _) = meeting_with_agenda(&app, &days(-3)).await;
    let s = structure(&app, &city, None).await;
    let other_body = support::structure::body(&s, "AG Innenstadt")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (other_meeting, _) = meeting_in(&app, &city, &other_body, &days(-3)).await;
    let email = "mitglied@musterstadt.test";
    let person = change(
        &app,
        PERSON,
        json!({ "m": city, "i": { "name": "Mitglied Lenkung", "email": email } }),
    )
    .await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": body, "personId": person, "role": "MEMBER", "termStart": "2026-01-01" } }),
    )
    .await;
    app.admin(
        "mutation($m: ID!, $mt: ID!, $p: ID!) { recordAttendance(municipalityId: $m, meetingId: $mt, attendance: [{ personId: $p, attendance: PRESENT }]) { id } }",
        json!({ "m": city, "mt": meeting, "p": person }),
    )
    .await;
    app.admin(
        &save_minutes(),
        json!({ "m": city, "mt": meeting, "i": { "notes": "Eröffnet." } }),
    )
    .await;
    change(
        &app,
        "mutation($m: ID!, $id: ID!) { invitePerson(municipalityId: $m, id: $id) { id } }",
        json!({ "m": city, "id": person }),
    )
    .await;
    let token = support::link_token(&sink.wait_for(email).text, "/einladung#");
    let accept = json!({
        "query": "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { email } }",
        "variables": { "t": token, "p": "Saalebogen-Laterne-Giebichenstein-9" }
    });
    let (_, headers, _) = app.post_full(accept, &[]).await;
    let cookie = support::session_cookie(&headers).expect("session");

    let list = app
        .in_session(
            &cookie,
            "query($m: ID!) { meetings(municipalityId: $m) { id editable participants { name email attendance } minutes { notes } } }",
            json!({ "m": city }),
        )
        .await;
    let meetings = list["data"]["meetings"].as_array().expect("meetings");
    let ids: Vec<&str> = meetings.iter().filter_map(|m| m["id"].as_str()).collect();
    assert!(ids.contains(&meeting.as_str()), "{list}");
    assert!(
        !ids.contains(&other_meeting.as_str()),
        "another internal body's meeting: {list}"
    );
    let own = meetings
        .iter()
        .find(|m| m["id"] == meeting.as_str())
        .expect("own");
    assert_eq!(own["editable"], false);
    assert_eq!(own["participants"][0]["attendance"], "PRESENT");
    assert_eq!(
        own["participants"][0]["email"],
        Value::Null,
        "addresses are for editors"
    );
    assert_eq!(own["minutes"][0]["notes"], "Eröffnet.");
    // Seeing is not changing; the other body's meeting does not exist for them.
    let change_minutes = app
        .in_session(
            &cookie,
            &save_minutes(),
            json!({ "m": city, "mt": meeting, "i": { "notes": "x" } }),
        )
        .await;
    assert_eq!(
        error_code(&change_minutes),
        Some("FORBIDDEN"),
        "{change_minutes}"
    );
    let other = app
        .in_session(
            &cookie,
            &save_minutes(),
            json!({ "m": city, "mt": other_meeting, "i": { "notes": "x" } }),
        )
        .await;
    assert_eq!(error_code(&other), Some("NOT_FOUND"), "{other}");
    let (status, _, _) = app
        .download(
            Some(&cookie),
            &format!("/niederschrift/{city}/{other_meeting}"),
        )
        .await;
    assert_eq!(status, 404);
}

on_both_databases!(
    a_member_sees_the_internal_meetings_of_their_bodies_only,
    minutes_go_from_draft_through_review_to_approval_and_stay_frozen,
    minutes_are_refused_before_the_meeting_for_a_call_off_and_for_foreign_items,
);
