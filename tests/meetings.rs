//! Meetings and their agendas through the GraphQL API, on SQLite and PostgreSQL: a numbered
//! series per body, times, places and links, public and internal meetings and items, calling
//! off and deleting, and the bad input each refuses. Who may call what is in
//! `tests/authorization.rs`.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, error_code, error_message};

const SAVE: &str = "mutation($m: ID!, $id: ID, $i: MeetingInput!) { saveMeeting(municipalityId: $m, id: $id, input: $i) { id number status statusLabel startTime endTime onlineLink public topic agenda { id title } } }";
const NEXT: &str = "query($m: ID!, $b: ID!) { nextMeetingNumber(municipalityId: $m, bodyId: $b) }";
const ITEM: &str = "mutation($m: ID!, $mt: ID!, $id: ID, $i: AgendaItemInput!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, id: $id, input: $i) { id agenda { id position title presenter public result } } }";
const LIST: &str = "query($m: ID!) { meetings(municipalityId: $m) { id title number status public agenda { title public result } } }";

/// Leipzig's structure, and its Sicherheitskonferenz (a public body): (city, conference).
async fn leipzig(app: &TestApp) -> (String, String) {
    let city = city_with(app, "leipzig").await;
    let s = structure(app, &city, None).await;
    let conference = body(&s, "Sicherheitskonferenz")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    (city, conference)
}

fn conference(body: &str, number: Option<u32>, date: &str) -> Value {
    json!({ "bodyId": body, "title": "Sicherheitskonferenz", "date": date, "startTime": "17:00",
            "endTime": "19:30", "location": "Neues Rathaus", "public": true,
            "topic": "Sicherheit im Leipziger Osten", "number": number })
}

async fn saved(app: &TestApp, variables: Value) -> Value {
    let body = app.admin(SAVE, variables).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["saveMeeting"].clone()
}

async fn a_body_numbers_its_meetings_and_the_next_one_is_proposed(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let (city, body) = leipzig(&app).await;
    let next = app.admin(NEXT, json!({ "m": city, "b": body })).await;
    assert_eq!(next["data"]["nextMeetingNumber"], Value::Null, "{next}");

    // The 40th on 7 October 2019, the 41st on 25 November 2019 (seed 005).
    let fortieth = saved(
        &app,
        json!({ "m": city, "i": conference(&body, Some(40), "2019-10-07") }),
    )
    .await;
    assert_eq!(fortieth["number"], 40);
    assert_eq!(fortieth["status"], "PLANNED");
    assert_eq!(fortieth["statusLabel"], "geplant");
    assert_eq!(
        (&fortieth["startTime"], &fortieth["endTime"]),
        (&json!("17:00"), &json!("19:30"))
    );
    let next = app.admin(NEXT, json!({ "m": city, "b": body })).await;
    assert_eq!(next["data"]["nextMeetingNumber"], 41, "{next}");
    saved(
        &app,
        json!({ "m": city, "i": conference(&body, Some(41), "2019-11-25") }),
    )
    .await;
    let next = app.admin(NEXT, json!({ "m": city, "b": body })).await;
    assert_eq!(next["data"]["nextMeetingNumber"], 42);

    // The number is the council's to change, within reason.
    let mut input = conference(&body, Some(0), "2020-03-02");
    let refused = app.admin(SAVE, json!({ "m": city, "i": input })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "number");
    input["number"] = json!(45);
    let forty_fifth = saved(&app, json!({ "m": city, "i": input.clone() })).await;
    assert_eq!(forty_fifth["number"], 45);

    // A number belongs to one meeting of the series; the meeting itself keeps it on a change.
    input["number"] = json!(41);
    let taken = app
        .admin(SAVE, json!({ "m": city, "i": input.clone() }))
        .await;
    assert_eq!(error_code(&taken), Some("CONFLICT"), "{taken}");
    assert_eq!(taken["errors"][0]["extensions"]["field"], "number");
    assert!(error_message(&taken).contains("Nummer 41"), "{taken}");
    input["number"] = json!(45);
    input["topic"] = json!("Sicherheit im Leipziger Westen");
    let changed = saved(
        &app,
        json!({ "m": city, "id": forty_fifth["id"], "i": input }),
    )
    .await;
    assert_eq!(changed["number"], 45);
}

async fn bad_meetings_are_refused_at_their_field_and_change_nothing(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let (city, body) = leipzig(&app).await;
    let cases = [
        ("endTime", json!({ "endTime": "16:00" }), "vor dem Beginn"),
        ("startTime", json!({ "startTime": null }), "nicht leer"),
        (
            "onlineLink",
            json!({ "onlineLink": "javascript:alert(1)" }),
            "https://",
        ),
        ("startTime", json!({ "startTime": "25:00" }), "HH:MM"),
    ];
    for (field, change, words) in cases {
        let mut input = conference(&body, None, "2026-12-03");
        for (key, value) in change.as_object().expect("object") {
            input[key] = value.clone();
        }
        let refused = app.admin(SAVE, json!({ "m": city, "i": input })).await;
        assert_eq!(
            error_code(&refused),
            Some("VALIDATION"),
            "{field}: {refused}"
        );
        assert_eq!(
            refused["errors"][0]["extensions"]["field"], field,
            "{refused}"
        );
        assert!(error_message(&refused).contains(words), "{refused}");
    }
    let list = app.admin(LIST, json!({ "m": city })).await;
    assert_eq!(list["data"]["meetings"], json!([]), "{list}");
}

async fn an_agenda_is_ordered_and_the_public_sees_only_its_public_part(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let (city, body) = leipzig(&app).await;
    let mut input = conference(&body, Some(41), "2026-12-03");
    input["onlineLink"] = json!("https://konferenz.example/leipzig");
    let meeting = saved(&app, json!({ "m": city, "i": input })).await;
    let id = meeting["id"].as_str().expect("id").to_owned();
    let item = |title: &str, public: bool| json!({ "m": city, "mt": id, "i": { "title": title, "presenter": "Polizeidirektion", "public": public } });
    for (title, public) in [
        ("Lagebild", true),
        ("Personalangelegenheiten", false),
        ("Projekt Stadtteilstreifen", true),
    ] {
        let added = app.admin(ITEM, item(title, public)).await;
        assert!(added["errors"].is_null(), "{added}");
    }
    let agenda = app
        .admin(
            ITEM,
            json!({ "m": city, "mt": id, "i": { "title": "Verschiedenes", "position": 9 } }),
        )
        .await;
    let items = agenda["data"]["saveAgendaItem"]["agenda"].clone();
    let titles: Vec<&str> = items
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Lagebild",
            "Personalangelegenheiten",
            "Projekt Stadtteilstreifen",
            "Verschiedenes"
        ]
    );
    assert_eq!(items[0]["position"], 1);

    // The result is written after the meeting; the item keeps its place.
    let first = items[0]["id"].clone();
    let result = app
        .admin(
            ITEM,
            json!({ "m": city, "mt": id, "id": first, "i": { "title": "Lagebild", "public": true, "result": "Der Bericht wird dem Stadtrat vorgelegt." } }),
        )
        .await;
    let items = &result["data"]["saveAgendaItem"]["agenda"];
    assert_eq!(
        items[0]["result"], "Der Bericht wird dem Stadtrat vorgelegt.",
        "{result}"
    );
    assert_eq!(items[0]["position"], 1);

    // The public sees the public meeting and its public items only.
    let public = app.query(LIST, json!({ "m": city })).await;
    let seen = &public["data"]["meetings"][0];
    assert_eq!(seen["title"], "Sicherheitskonferenz", "{public}");
    let titles: Vec<&str> = seen["agenda"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["Lagebild", "Projekt Stadtteilstreifen", "Verschiedenes"]
    );

    // An internal meeting of the public body is not shown to the public at all.
    let mut internal = conference(&body, Some(42), "2026-12-10");
    internal["public"] = json!(false);
    saved(&app, json!({ "m": city, "i": internal })).await;
    let public = app.query(LIST, json!({ "m": city })).await;
    assert_eq!(public["data"]["meetings"].as_array().map(Vec::len), Some(1));
    let all = app.admin(LIST, json!({ "m": city })).await;
    assert_eq!(all["data"]["meetings"].as_array().map(Vec::len), Some(2));
}

async fn a_called_off_meeting_takes_no_new_items_and_one_recorded_in_error_is_deleted(
    db: TestDatabase,
) {
    let app = TestApp::spawn(db).await;
    let (city, body) = leipzig(&app).await;
    let meeting = saved(
        &app,
        json!({ "m": city, "i": conference(&body, Some(41), "2026-12-03") }),
    )
    .await;
    let id = meeting["id"].as_str().expect("id").to_owned();
    let added = app
        .admin(
            ITEM,
            json!({ "m": city, "mt": id, "i": { "title": "Lagebild" } }),
        )
        .await;
    assert!(added["errors"].is_null(), "{added}");
    let mut off = conference(&body, Some(41), "2026-12-03");
    off["status"] = json!("CALLED_OFF");
    let called_off = saved(&app, json!({ "m": city, "id": id, "i": off })).await;
    assert_eq!(called_off["statusLabel"], "abgesagt");
    let refused = app
        .admin(
            ITEM,
            json!({ "m": city, "mt": id, "i": { "title": "Nachtrag" } }),
        )
        .await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "meetingId");
    assert!(error_message(&refused).contains("abgesagt"), "{refused}");
    let list = app.admin(LIST, json!({ "m": city })).await;
    assert_eq!(
        list["data"]["meetings"][0]["agenda"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let deleted = app
        .admin(
            "mutation($m: ID!, $id: ID!) { deleteMeeting(municipalityId: $m, id: $id) }",
            json!({ "m": city, "id": id }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteMeeting"], true, "{deleted}");
    let list = app.admin(LIST, json!({ "m": city })).await;
    assert_eq!(list["data"]["meetings"], json!([]));
    let again = app
        .admin(
            "mutation($m: ID!, $id: ID!) { deleteMeeting(municipalityId: $m, id: $id) }",
            json!({ "m": city, "id": id }),
        )
        .await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");
}

async fn the_meeting_plan_shows_which_bodies_fall_behind_their_cadence(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let (city, body) = leipzig(&app).await;
    // Leipzig's Sicherheitskonferenz meets twice a year (its template says so).
    let plan = "query($m: ID!, $y: Int!) { meetingPlan(municipalityId: $m, year: $y) { bodyName perYear meetings behind } }";
    let rows = app.admin(plan, json!({ "m": city, "y": 2026 })).await;
    let conference_row = |rows: &Value| {
        rows["data"]["meetingPlan"]
            .as_array()
            .and_then(|r| r.iter().find(|r| r["bodyName"] == "Sicherheitskonferenz"))
            .cloned()
            .unwrap_or_else(|| panic!("no conference in {rows}"))
    };
    let row = conference_row(&rows);
    assert_eq!(row["perYear"], 2, "{rows}");
    assert_eq!(
        (&row["meetings"], &row["behind"]),
        (&json!(0), &json!(true))
    );

    saved(
        &app,
        json!({ "m": city, "i": conference(&body, Some(41), "2026-05-06") }),
    )
    .await;
    let mut off = conference(&body, Some(42), "2026-11-25");
    off["status"] = json!("CALLED_OFF");
    saved(&app, json!({ "m": city, "i": off })).await;
    let row = conference_row(&app.admin(plan, json!({ "m": city, "y": 2026 })).await);
    assert_eq!(
        (&row["meetings"], &row["behind"]),
        (&json!(1), &json!(true)),
        "a called-off meeting does not count"
    );
    saved(
        &app,
        json!({ "m": city, "i": conference(&body, Some(43), "2026-12-09") }),
    )
    .await;
    let row = conference_row(&app.admin(plan, json!({ "m": city, "y": 2026 })).await);
    assert_eq!(
        (&row["meetings"], &row["behind"]),
        (&json!(2), &json!(false))
    );

    // The public sees the plan of public bodies, from public meetings.
    let public = conference_row(&app.query(plan, json!({ "m": city, "y": 2026 })).await);
    assert_eq!(public["meetings"], 2);

    let refused = app.admin(plan, json!({ "m": city, "y": 20260 })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "year");
}

on_both_databases!(
    the_meeting_plan_shows_which_bodies_fall_behind_their_cadence,
    a_body_numbers_its_meetings_and_the_next_one_is_proposed,
    bad_meetings_are_refused_at_their_field_and_change_nothing,
    an_agenda_is_ordered_and_the_public_sees_only_its_public_part,
    a_called_off_meeting_takes_no_new_items_and_one_recorded_in_error_is_deleted
);
