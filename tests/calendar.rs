//! Calendar feeds of a council's meetings, read by a strict iCalendar parser that is not the
//! code that wrote them (Python's `ical` package, run by `tests/support/ics_check.py`), on
//! SQLite and PostgreSQL: public meetings only, times right on both sides of summer time.
//!
//! The parser's interpreter is named by `PRAEVNET_TEST_ICAL_PYTHON` (CI installs it); without
//! it the check is skipped with a message, unless `PRAEVNET_TEST_REQUIRE_ICAL` is set.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::TestApp;
use support::ics::parse_strictly;
use support::structure::*;

async fn fetch(app: &TestApp, path: &str) -> (u16, Option<String>, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, kind, response.text().await.unwrap_or_default())
}

const SAVE: &str =
    "mutation($m: ID!, $i: MeetingInput!) { saveMeeting(municipalityId: $m, input: $i) { id } }";
const ITEM: &str = "mutation($m: ID!, $mt: ID!, $i: AgendaItemInput!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, input: $i) { id } }";

async fn a_council_publishes_its_public_meetings_as_a_calendar_feed(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "leipzig").await;
    let s = structure(&app, &city, None).await;
    let id_of = |name: &str| body(&s, name)["id"].as_str().expect("id").to_owned();
    let (conference, steering) = (id_of("Sicherheitskonferenz"), id_of("Lenkungsgruppe"));
    let meeting = |input: Value| {
        let app = &app;
        let city = city.clone();
        async move {
            let saved = app.admin(SAVE, json!({ "m": city, "i": input })).await;
            support::returned_id(&saved).unwrap_or_else(|| panic!("{saved}"))
        }
    };
    // Two conferences either side of the change to summer time (29 March 2026).
    meeting(
        json!({ "bodyId": conference, "title": "Sicherheitskonferenz", "number": 40,
        "date": "2026-03-27", "startTime": "17:00", "endTime": "19:00",
        "location": "Neues Rathaus, Festsaal; 1. OG", "topic": "Beziehungsgewalt" }),
    )
    .await;
    let second = meeting(
        json!({ "bodyId": conference, "title": "Sicherheitskonferenz", "number": 41,
        "date": "2026-03-30", "startTime": "17:00", "endTime": "19:30",
        "onlineLink": "https://konferenz.example/leipzig" }),
    )
    .await;
    for (title, public) in [("Lagebild Innenstadt", true), ("Personalfragen", false)] {
        let added = app
            .admin(
                ITEM,
                json!({ "m": city, "mt": second, "i": { "title": title, "public": public } }),
            )
            .await;
        assert!(added["errors"].is_null(), "{added}");
    }
    meeting(
        json!({ "bodyId": conference, "title": "Sicherheitskonferenz", "date": "2026-04-15",
        "status": "CALLED_OFF" }),
    )
    .await;
    // Not for the public: an internal meeting of the public body, and the internal body's.
    meeting(
        json!({ "bodyId": conference, "title": "Vorbereitung", "date": "2026-05-06",
        "startTime": "10:00", "public": false }),
    )
    .await;
    meeting(json!({ "bodyId": steering, "title": "Lenkungsgruppe", "date": "2026-05-07", "startTime": "10:00" }))
    .await;

    let (status, kind, ics) = fetch(&app, "/kalender/musterstadt").await;
    assert_eq!(status, 200, "{ics}");
    assert_eq!(kind.as_deref(), Some("text/calendar; charset=utf-8"));
    assert!(ics.contains("METHOD:PUBLISH\r\n"), "{ics}");
    assert!(
        !ics.contains("Vorbereitung") && !ics.contains("Lenkungsgruppe"),
        "{ics}"
    );
    assert!(!ics.contains("Personalfragen"), "a non-public item: {ics}");
    let Some(events) = parse_strictly(&ics) else {
        return;
    };
    let summaries: Vec<&str> = events
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect();
    assert_eq!(
        summaries,
        [
            "40. Sicherheitskonferenz",
            "41. Sicherheitskonferenz",
            "Sicherheitskonferenz"
        ]
    );
    // 17:00 in Leipzig is 16:00 UTC before summer time and 15:00 UTC after it.
    assert_eq!(
        (&events[0]["start"], &events[0]["end"]),
        (
            &json!("2026-03-27T16:00:00Z"),
            &json!("2026-03-27T18:00:00Z")
        )
    );
    assert_eq!(
        (&events[1]["start"], &events[1]["end"]),
        (
            &json!("2026-03-30T15:00:00Z"),
            &json!("2026-03-30T17:30:00Z")
        )
    );
    assert_eq!(events[0]["location"], "Neues Rathaus, Festsaal; 1. OG");
    assert_eq!(events[1]["url"], "https://konferenz.example/leipzig");
    let description = events[1]["description"].as_str().unwrap_or_default();
    assert!(
        description.contains("1. Lagebild Innenstadt"),
        "{description}"
    );
    // A day without a time lasts the day; a called-off meeting says so.
    assert_eq!(
        (&events[2]["start"], &events[2]["end"]),
        (&json!("2026-04-15"), &json!("2026-04-16"))
    );
    assert_eq!(events[2]["status"], "CANCELLED");
    assert_eq!(events[0]["status"], "CONFIRMED");

    // The UIDs stay the same from one fetch to the next: calendars update, not duplicate.
    let (_, _, again) = fetch(&app, "/kalender/musterstadt").await;
    let uids = |events: &[Value]| events.iter().map(|e| e["uid"].clone()).collect::<Vec<_>>();
    assert_eq!(
        uids(&parse_strictly(&again).unwrap_or_default()),
        uids(&events)
    );

    // One body's feed; an internal body, an unknown city or a malformed id: not found.
    let (status, _, body_feed) = fetch(&app, &format!("/kalender/musterstadt/{conference}")).await;
    assert_eq!(status, 200);
    assert_eq!(parse_strictly(&body_feed).map(|e| e.len()), Some(3));
    for path in [
        format!("/kalender/musterstadt/{steering}"),
        "/kalender/unbekannt".to_owned(),
        "/kalender/musterstadt/kein-gremium".to_owned(),
    ] {
        let (status, _, text) = fetch(&app, &path).await;
        assert_eq!(status, 404, "{path}: {text}");
    }
}

async fn a_person_subscribes_to_their_own_feed_and_a_new_secret_ends_the_old(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "leipzig").await;
    let s = structure(&app, &city, None).await;
    let steering = body(&s, "Lenkungsgruppe")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let saved = app
        .admin(
            SAVE,
            json!({ "m": city, "i": { "bodyId": steering, "title": "Lenkungsgruppe",
            "date": "2026-05-07", "startTime": "10:00" } }),
        )
        .await;
    assert!(saved["errors"].is_null(), "{saved}");
    let renew = "mutation { renewCalendarFeed }";
    let secret = |body: Value| {
        body["data"]["renewCalendarFeed"]
            .as_str()
            .map(str::to_owned)
    };
    let first = secret(app.admin(renew, json!({})).await).expect("a secret");
    assert_eq!(first.len(), 64);

    // The public feed leaves the internal body's meeting out; the person's own shows it.
    let (_, _, public) = fetch(&app, "/kalender/musterstadt").await;
    assert!(!public.contains("Lenkungsgruppe"), "{public}");
    let own = format!("/kalender/musterstadt/privat/{first}");
    let (status, kind, ics) = fetch(&app, &own).await;
    assert_eq!(status, 200, "{ics}");
    assert_eq!(kind.as_deref(), Some("text/calendar; charset=utf-8"));
    assert!(
        ics.contains("X-WR-CALNAME:Meine Sitzungen – Musterstadt"),
        "{ics}"
    );
    if let Some(events) = parse_strictly(&ics) {
        assert_eq!(events.len(), 1, "{ics}");
        assert_eq!(events[0]["summary"], "Lenkungsgruppe");
        assert_eq!(events[0]["start"], "2026-05-07T08:00:00Z");
    }

    // A new secret ends the old one; an unknown secret is like an unknown address.
    let second = secret(app.admin(renew, json!({})).await).expect("a new secret");
    assert_ne!(first, second);
    let (status, _, _) = fetch(&app, &own).await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(&app, &format!("/kalender/musterstadt/privat/{second}")).await;
    assert_eq!(status, 200);
    let (status, _, _) = fetch(&app, "/kalender/musterstadt/privat/unbekannt").await;
    assert_eq!(status, 404);
    // Without a login there is no feed of one's own.
    let anonymous = app.query(renew, json!({})).await;
    assert_eq!(
        support::error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );
}

on_both_databases!(
    a_council_publishes_its_public_meetings_as_a_calendar_feed,
    a_person_subscribes_to_their_own_feed_and_a_new_secret_ends_the_old
);
