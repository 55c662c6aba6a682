//! Recommendations (Handlungsempfehlungen) through the GraphQL API, on SQLite and PostgreSQL:
//! raised from a working group, adopted by the steering body, submitted to the city council
//! with its paper reference, answered and implemented, each step on the timeline; the
//! Beschlusskontrolle with overdue answers; the bad input each refuses, and another tenant's
//! ids.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, error_code, error_message};

const FIELDS: &str = "id title status statusLabel addressee addresseeLabel paperReference dueOn answer overdue editable nextSteps sourceBodyName adoptingBodyName steps { status statusLabel on note }";

fn save() -> String {
    format!(
        "mutation($m: ID!, $id: ID, $i: RecommendationInput!) {{ saveRecommendation(municipalityId: $m, id: $id, input: $i) {{ {FIELDS} }} }}"
    )
}

fn advance() -> String {
    format!(
        "mutation($m: ID!, $id: ID!, $s: RecommendationStepInput!) {{ advanceRecommendation(municipalityId: $m, id: $id, step: $s) {{ {FIELDS} }} }}"
    )
}

fn list() -> String {
    format!(
        "query($m: ID!, $open: Boolean) {{ recommendations(municipalityId: $m, openOnly: $open) {{ {FIELDS} }} }}"
    )
}

fn days(n: i64) -> String {
    (today() + chrono::Duration::days(n)).to_string()
}

fn id_of(s: &Value, name: &str) -> String {
    body(s, name)["id"].as_str().expect("id").to_owned()
}

fn ok<'a>(answer: &'a Value, field: &str) -> &'a Value {
    assert!(answer["errors"].is_null(), "{answer}");
    &answer["data"][field]
}

async fn a_recommendation_goes_from_a_working_group_to_the_city_councils_answer(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id_of(&s, "AG Sicherheit für ältere Menschen");
    let steering = id_of(&s, "Steuerungsgruppe");
    let input = json!({ "title": "Beleuchtung am Hallmarkt verbessern",
        "text": "Die AG empfiehlt, die Beleuchtung der Wege am Hallmarkt zu erneuern.",
        "sourceBodyId": group, "adoptingBodyId": steering, "dueOn": days(-1) });

    // Addressed to nobody: a clear error at the field, nothing recorded.
    let refused = app.admin(&save(), json!({ "m": city, "i": input })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "addressee");
    let none = app.admin(&list(), json!({ "m": city })).await;
    assert_eq!(ok(&none, "recommendations"), &json!([]));

    let mut input = input;
    input["addressee"] = json!("CITY_COUNCIL");
    let saved = app.admin(&save(), json!({ "m": city, "i": input })).await;
    let saved = ok(&saved, "saveRecommendation").clone();
    let id = saved["id"].as_str().expect("id").to_owned();
    assert_eq!(saved["status"], "DRAFT");
    assert_eq!(saved["addresseeLabel"], "Stadtrat");
    assert_eq!(saved["sourceBodyName"], "AG Sicherheit für ältere Menschen");
    assert_eq!(saved["nextSteps"], json!(["ADOPTED"]));
    assert_eq!(saved["overdue"], false, "a draft awaits no answer");

    // Steps follow the way, dated from the last step to today.
    let skip = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "SUBMITTED", "on": days(0) } }),
        )
        .await;
    assert_eq!(error_code(&skip), Some("VALIDATION"), "{skip}");
    assert_eq!(skip["errors"][0]["extensions"]["field"], "status");
    assert!(error_message(&skip).contains("Entwurf"), "{skip}");
    let future = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "ADOPTED", "on": days(1) } }),
        )
        .await;
    assert_eq!(future["errors"][0]["extensions"]["field"], "on", "{future}");
    let adopted = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "ADOPTED", "on": days(-3), "note": "Sitzung der Steuerungsgruppe" } }),
        )
        .await;
    assert_eq!(ok(&adopted, "advanceRecommendation")["status"], "ADOPTED");
    assert_eq!(
        ok(&adopted, "advanceRecommendation")["overdue"],
        true,
        "due yesterday"
    );
    let earlier = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "SUBMITTED", "on": days(-4) } }),
        )
        .await;
    assert_eq!(
        earlier["errors"][0]["extensions"]["field"], "on",
        "{earlier}"
    );

    let mut with_paper = input.clone();
    with_paper["paperReference"] = json!("VII-F-00741");
    ok(
        &app.admin(&save(), json!({ "m": city, "id": id, "i": with_paper }))
            .await,
        "saveRecommendation",
    );
    ok(
        &app.admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "SUBMITTED", "on": days(-2) } }),
        )
        .await,
        "advanceRecommendation",
    );

    // The Beschlusskontrolle: still open, the answer overdue.
    let control = app.admin(&list(), json!({ "m": city, "open": true })).await;
    let control = ok(&control, "recommendations");
    assert_eq!(control[0]["paperReference"], "VII-F-00741");
    assert_eq!(control[0]["overdue"], true);

    let unanswered = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "ANSWERED", "on": days(0) } }),
        )
        .await;
    assert_eq!(
        unanswered["errors"][0]["extensions"]["field"], "answer",
        "{unanswered}"
    );
    let answered = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "ANSWERED", "on": days(0),
                   "answer": "Der Stadtrat beauftragt die Verwaltung mit der Umsetzung bis 2027." } }),
        )
        .await;
    let answered = ok(&answered, "advanceRecommendation");
    assert_eq!(answered["overdue"], false);
    assert_eq!(answered["nextSteps"], json!(["IMPLEMENTED", "REJECTED"]));
    let done = app
        .admin(
            &advance(),
            json!({ "m": city, "id": id, "s": { "status": "IMPLEMENTED", "on": days(0) } }),
        )
        .await;
    let done = ok(&done, "advanceRecommendation");
    let timeline: Vec<&str> = done["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        timeline,
        ["DRAFT", "ADOPTED", "SUBMITTED", "ANSWERED", "IMPLEMENTED"]
    );
    assert_eq!(done["steps"][1]["note"], "Sitzung der Steuerungsgruppe");

    // Closed: off the control list, on record, no longer changed or deleted.
    let control = app.admin(&list(), json!({ "m": city, "open": true })).await;
    assert_eq!(ok(&control, "recommendations"), &json!([]));
    let all = app.admin(&list(), json!({ "m": city })).await;
    assert_eq!(
        ok(&all, "recommendations").as_array().map(Vec::len),
        Some(1)
    );
    let changed = app
        .admin(&save(), json!({ "m": city, "id": id, "i": input }))
        .await;
    assert_eq!(error_code(&changed), Some("VALIDATION"), "{changed}");
    let deleted = app
        .admin(
            "mutation($m: ID!, $id: ID!) { deleteRecommendation(municipalityId: $m, id: $id) }",
            json!({ "m": city, "id": id }),
        )
        .await;
    assert_eq!(error_code(&deleted), Some("VALIDATION"), "{deleted}");

    // The steering body is internal: the public sees nothing of it.
    let public = app.query(&list(), json!({ "m": city })).await;
    assert_eq!(ok(&public, "recommendations"), &json!([]));
}

async fn another_tenants_ids_are_unknown(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id_of(&s, "AG Diskriminierung");
    let saved = app
        .admin(
            &save(),
            json!({ "m": city, "i": { "title": "Beratungsstelle", "sourceBodyId": group, "addressee": "ADMINISTRATION" } }),
        )
        .await;
    let id = ok(&saved, "saveRecommendation")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let other = app
        .create_municipality("Andere Stadt", "14511000", "SN")
        .await;
    let calls = [
        (
            advance(),
            json!({ "m": other, "id": id, "s": { "status": "ADOPTED", "on": days(0) } }),
        ),
        (
            save(),
            json!({ "m": other, "id": id, "i": { "title": "x", "addressee": "ADMINISTRATION" } }),
        ),
        (
            save(),
            json!({ "m": other, "i": { "title": "x", "sourceBodyId": group, "addressee": "ADMINISTRATION" } }),
        ),
        (
            "mutation($m: ID!, $id: ID!) { deleteRecommendation(municipalityId: $m, id: $id) }"
                .to_owned(),
            json!({ "m": other, "id": id }),
        ),
    ];
    for (query, variables) in calls {
        let answer = app.admin(&query, variables).await;
        assert_eq!(error_code(&answer), Some("NOT_FOUND"), "{answer}");
    }
    let there = app.admin(&list(), json!({ "m": other })).await;
    assert_eq!(ok(&there, "recommendations"), &json!([]));
    // A draft recorded in error is deleted in its own council.
    let deleted = app
        .admin(
            "mutation($m: ID!, $id: ID!) { deleteRecommendation(municipalityId: $m, id: $id) }",
            json!({ "m": city, "id": id }),
        )
        .await;
    assert_eq!(ok(&deleted, "deleteRecommendation"), &json!(true));
}

/// Raised under an agenda item: the item names its meeting, the meeting its body.
async fn a_recommendation_is_raised_under_a_meeting_item(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id_of(&s, "AG Schulumfeld und Freizeit");
    let steering = id_of(&s, "Steuerungsgruppe");
    let meeting = |title: &str| {
        let app = &app;
        let (city, group) = (city.clone(), group.clone());
        let title = title.to_owned();
        async move {
            let saved = app
                .admin(
                    "mutation($m: ID!, $b: ID!, $t: String!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: $t, date: \"2026-10-01\" }) { id } }",
                    json!({ "m": city, "b": group, "t": title }),
                )
                .await;
            let id = saved["data"]["saveMeeting"]["id"]
                .as_str()
                .expect("meeting")
                .to_owned();
            let item = app
                .admin(
                    "mutation($m: ID!, $mt: ID!) { saveAgendaItem(municipalityId: $m, meetingId: $mt, input: { title: \"Schulwege\" }) { agenda { id } } }",
                    json!({ "m": city, "mt": id }),
                )
                .await;
            let item = item["data"]["saveAgendaItem"]["agenda"][0]["id"]
                .as_str()
                .expect("item")
                .to_owned();
            (id, item)
        }
    };
    let (first, item) = meeting("Sitzung der AG").await;
    let (second, _) = meeting("Nächste Sitzung der AG").await;
    let fields = "id sourceBodyId sourceMeetingId sourceAgendaItemId";
    let saved = app
        .admin(
            &format!("mutation($m: ID!, $i: RecommendationInput!) {{ saveRecommendation(municipalityId: $m, input: $i) {{ {fields} }} }}"),
            json!({ "m": city, "i": { "title": "Schulwegpläne", "sourceAgendaItemId": item, "adoptingBodyId": steering, "addressee": "ADMINISTRATION" } }),
        )
        .await;
    let saved = ok(&saved, "saveRecommendation");
    assert_eq!(saved["sourceAgendaItemId"], item.as_str());
    assert_eq!(saved["sourceMeetingId"], first.as_str());
    assert_eq!(saved["sourceBodyId"], group.as_str());
    // An item of one meeting named with another meeting: refused at the field.
    let mismatch = app
        .admin(
            &save(),
            json!({ "m": city, "i": { "title": "x", "sourceAgendaItemId": item, "sourceMeetingId": second, "addressee": "ADMINISTRATION" } }),
        )
        .await;
    assert_eq!(error_code(&mismatch), Some("VALIDATION"), "{mismatch}");
    assert_eq!(
        mismatch["errors"][0]["extensions"]["field"],
        "sourceAgendaItemId"
    );
    let wrong_body = app
        .admin(
            &save(),
            json!({ "m": city, "i": { "title": "x", "sourceMeetingId": first, "sourceBodyId": steering, "addressee": "ADMINISTRATION" } }),
        )
        .await;
    assert_eq!(
        wrong_body["errors"][0]["extensions"]["field"], "sourceMeetingId",
        "{wrong_body}"
    );
}

on_both_databases!(
    a_recommendation_goes_from_a_working_group_to_the_city_councils_answer,
    a_recommendation_is_raised_under_a_meeting_item,
    another_tenants_ids_are_unknown,
);
