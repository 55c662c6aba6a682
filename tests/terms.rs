//! Terms of office through the GraphQL API, on SQLite and PostgreSQL: a seat handed over on
//! one day in a full body, and a change of person that ends one term and begins another
//! instead of rewriting who sat when.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, error_code, error_message};

/// The terms of a body as (person, start, end), oldest first.
fn terms(structure: &Value, body_name: &str) -> Vec<(String, String, Value)> {
    let mut terms: Vec<(String, String, Value)> = body(structure, body_name)["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .map(|m| {
            (
                m["person"]["name"].as_str().unwrap_or_default().to_owned(),
                m["termStart"].as_str().unwrap_or_default().to_owned(),
                m["termEnd"].clone(),
            )
        })
        .collect();
    terms.sort_by(|a, b| a.1.cmp(&b.1));
    terms
}

/// A blank council with a steering round of one seat that the moderators of its working
/// group sit in; the group moderated by Anna since 1 January, and Ben to take over.
struct Moderated {
    city: String,
    steering: String,
    group: String,
    anna: String,
    ben: String,
    moderation: String,
}

async fn moderated_group(app: &TestApp) -> Moderated {
    let city = city_with(app, "blank").await;
    let steering = change(
        app,
        CREATE_BODY,
        json!({ "m": city, "i": { "name": "Steuerungsrunde", "kind": "STEERING_GROUP", "moderatorsAreMembers": true, "maxMembers": 1 } }),
    )
    .await;
    let group = change(
        app,
        CREATE_BODY,
        json!({ "m": city, "i": { "name": "AG Wohnumfeld", "kind": "WORKING_GROUP", "scope": "THEMATIC", "parentId": steering } }),
    )
    .await;
    let anna = person(app, &city, "Moderation bisher").await;
    let ben = person(app, &city, "Moderation neu").await;
    let moderation = change(
        app,
        ADD,
        json!({ "m": city, "i": { "bodyId": group, "personId": anna, "role": "MODERATOR", "termStart": "2026-01-01" } }),
    )
    .await;
    Moderated {
        city,
        steering,
        group,
        anna,
        ben,
        moderation,
    }
}

async fn a_moderator_is_replaced_on_one_day_in_a_full_steering_round(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let Moderated {
        city,
        group,
        anna,
        ben,
        moderation,
        ..
    } = moderated_group(&app).await;
    let today = today().to_string();

    // The old moderation ends today and the new one starts today: the one seat of the
    // steering round passes from one to the other without a gap.
    change(
        &app,
        UPDATE,
        json!({ "m": city, "id": moderation, "i": { "bodyId": group, "personId": anna, "role": "MODERATOR", "termStart": "2026-01-01", "termEnd": today } }),
    )
    .await;
    let handed_over = app
        .admin(
            ADD,
            json!({ "m": city, "i": { "bodyId": group, "personId": ben, "role": "MODERATOR", "termStart": today } }),
        )
        .await;
    assert!(handed_over["errors"].is_null(), "{handed_over}");

    let s = structure(&app, &city, None).await;
    assert_eq!(
        terms(&s, "Steuerungsrunde"),
        vec![
            (
                "Moderation bisher".to_owned(),
                "2026-01-01".to_owned(),
                json!(today)
            ),
            ("Moderation neu".to_owned(), today.clone(), Value::Null),
        ],
        "{s}"
    );
    let tomorrow = chrono::Utc::now()
        .date_naive()
        .succ_opt()
        .expect("tomorrow")
        .to_string();
    let s = structure(&app, &city, Some(&tomorrow)).await;
    assert_eq!(
        terms(&s, "Steuerungsrunde"),
        vec![("Moderation neu".to_owned(), today.clone(), Value::Null)]
    );

    // The limit still holds for anyone beyond the hand-over.
    let third = person(&app, &city, "Moderation dritte").await;
    let refused = app
        .admin(
            ADD,
            json!({ "m": city, "i": { "bodyId": group, "personId": third, "role": "MODERATOR", "termStart": today } }),
        )
        .await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert!(
        error_message(&refused).contains("„Steuerungsrunde“ hat höchstens 1 Mitglieder"),
        "{refused}"
    );
}

async fn another_person_in_a_running_term_ends_it_and_begins_a_new_one(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let Moderated {
        city,
        group,
        anna,
        ben,
        moderation,
        ..
    } = moderated_group(&app).await;
    let today = today();
    let yesterday = today.pred_opt().expect("yesterday").to_string();
    let today = today.to_string();

    // The form still shows the old start; the new person's term begins today all the same.
    let successor = change(
        &app,
        UPDATE,
        json!({ "m": city, "id": moderation, "i": { "bodyId": group, "personId": ben, "role": "MODERATOR", "termStart": "2026-01-01" } }),
    )
    .await;
    assert_ne!(
        successor, moderation,
        "a new term is a membership of its own"
    );
    let s = structure(&app, &city, None).await;
    let expected = vec![
        (
            "Moderation bisher".to_owned(),
            "2026-01-01".to_owned(),
            json!(yesterday),
        ),
        ("Moderation neu".to_owned(), today.clone(), Value::Null),
    ];
    assert_eq!(terms(&s, "AG Wohnumfeld"), expected, "{s}");
    // The derived seats follow each term: the history of the steering round stays true too.
    assert_eq!(terms(&s, "Steuerungsrunde"), expected, "{s}");

    // An ended term keeps its person; nothing is changed.
    let rewrite = app
        .admin(
            UPDATE,
            json!({ "m": city, "id": moderation, "i": { "bodyId": group, "personId": ben, "role": "MODERATOR", "termStart": "2026-01-01", "termEnd": yesterday } }),
        )
        .await;
    assert_eq!(error_code(&rewrite), Some("VALIDATION"), "{rewrite}");
    assert_eq!(rewrite["errors"][0]["extensions"]["field"], "personId");
    assert!(
        error_message(&rewrite).contains("Amtszeit ist beendet"),
        "{rewrite}"
    );
    assert_eq!(
        terms(&structure(&app, &city, None).await, "AG Wohnumfeld"),
        expected
    );

    // A term that has not begun has no history yet: its person is simply corrected.
    let carla = person(&app, &city, "Moderation später").await;
    let planned = change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": group, "personId": anna, "role": "MEMBER", "termStart": "2099-01-01" } }),
    )
    .await;
    let corrected = change(
        &app,
        UPDATE,
        json!({ "m": city, "id": planned, "i": { "bodyId": group, "personId": carla, "role": "MEMBER", "termStart": "2099-01-01" } }),
    )
    .await;
    assert_eq!(corrected, planned);
}

async fn a_working_group_may_keep_its_moderator_out_of_the_steering_round(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let Moderated {
        city,
        steering,
        group,
        ..
    } = moderated_group(&app).await;
    let today = today();
    let tomorrow = today.succ_opt().expect("tomorrow").to_string();
    let today = today.to_string();
    let group_input = |takes_seat: bool| json!({ "m": city, "id": group, "i": { "name": "AG Wohnumfeld", "kind": "WORKING_GROUP", "scope": "THEMATIC", "parentId": steering, "moderatorTakesSeat": takes_seat } });
    change(&app, UPDATE_BODY, group_input(false)).await;
    let s = structure(&app, &city, None).await;
    assert_eq!(
        terms(&s, "Steuerungsrunde"),
        vec![(
            "Moderation bisher".to_owned(),
            "2026-01-01".to_owned(),
            json!(today)
        )],
        "the seat ends today and stays on record: {s}"
    );
    let s = structure(&app, &city, Some(&tomorrow)).await;
    assert_eq!(terms(&s, "Steuerungsrunde"), Vec::new());

    // A second group of the same council still sends its moderator.
    let other = change(
        &app,
        CREATE_BODY,
        json!({ "m": city, "i": { "name": "AG Nachbarschaft", "kind": "WORKING_GROUP", "scope": "DISTRICT", "parentId": steering } }),
    )
    .await;
    let carla = person(&app, &city, "Moderation Nachbarschaft").await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": other, "personId": carla, "role": "MODERATOR", "termStart": tomorrow } }),
    )
    .await;
    let s = structure(&app, &city, Some(&tomorrow)).await;
    assert_eq!(
        terms(&s, "Steuerungsrunde"),
        vec![(
            "Moderation Nachbarschaft".to_owned(),
            tomorrow.clone(),
            Value::Null
        )]
    );
    let configured = &body(&s, "AG Wohnumfeld")["moderatorTakesSeat"];
    assert_eq!(configured, &json!(false), "{s}");
}

on_both_databases!(
    a_working_group_may_keep_its_moderator_out_of_the_steering_round,
    a_moderator_is_replaced_on_one_day_in_a_full_steering_round,
    another_person_in_a_running_term_ends_it_and_begins_a_new_one
);
