//! Who leads a council and who reports where, through the GraphQL API on SQLite and
//! PostgreSQL: the chair of the whole council and the deputy, shown in the organigram, and a
//! body that reports to another than the one it is placed under.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, error_code, error_message};

const CHAIR: &str = "mutation($m: ID!, $c: ID, $d: ID) { setCouncilChair(municipalityId: $m, chairId: $c, deputyChairId: $d) { id } }";
const LEADERSHIP: &str = "query($m: ID!) { councilStructure(municipalityId: $m) {
    chair { id name email } deputyChair { id name email } organigramOutline organigramSvg
    bodies { id name reportsToId }
} }";

async fn leadership(app: &TestApp, city: &str, anonymous: bool) -> Value {
    let variables = json!({ "m": city });
    let body = if anonymous {
        app.query(LEADERSHIP, variables).await
    } else {
        app.admin(LEADERSHIP, variables).await
    };
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["councilStructure"].clone()
}

async fn the_council_has_a_chair_and_a_deputy_shown_in_the_organigram(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "zwickau").await;
    let mayor = person(&app, &city, "Oberbürgermeister*in").await;
    let deputy = person(&app, &city, "Beigeordnete*r").await;
    let set = app
        .admin(CHAIR, json!({ "m": city, "c": mayor, "d": deputy }))
        .await;
    assert!(set["errors"].is_null(), "{set}");

    let s = leadership(&app, &city, false).await;
    assert_eq!(s["chair"]["name"], "Oberbürgermeister*in", "{s}");
    assert_eq!(s["deputyChair"]["name"], "Beigeordnete*r");
    let outline = s["organigramOutline"].as_str().unwrap_or_default();
    assert_eq!(
        outline.lines().next(),
        Some("Vorsitz: Oberbürgermeister*in · Stellvertretung: Beigeordnete*r"),
        "{outline}"
    );
    let svg = s["organigramSvg"].as_str().unwrap_or_default();
    assert!(
        svg.contains(">Vorsitz: Oberbürgermeister*in · Stellvertretung: Beigeordnete*r<"),
        "{svg}"
    );
    // The chair of a council is a public office: the public sees the name, not the address.
    assert!(s["chair"]["email"].is_string(), "{s}");
    let public = leadership(&app, &city, true).await;
    assert_eq!(public["chair"]["name"], "Oberbürgermeister*in", "{public}");
    assert_eq!(public["chair"]["email"], Value::Null);

    // One person cannot hold both offices; nothing changes.
    let both = app
        .admin(CHAIR, json!({ "m": city, "c": mayor, "d": mayor }))
        .await;
    assert_eq!(error_code(&both), Some("VALIDATION"), "{both}");
    assert_eq!(both["errors"][0]["extensions"]["field"], "deputyChairId");
    assert!(
        error_message(&both).contains("verschiedene Personen"),
        "{both}"
    );
    assert_eq!(
        leadership(&app, &city, false).await["deputyChair"]["name"],
        "Beigeordnete*r"
    );

    // Erasing a person ends their chair as it ends their terms.
    let erased = app
        .admin(
            "mutation($m: ID!, $id: ID!) { eraseCouncilPerson(municipalityId: $m, id: $id) { id } }",
            json!({ "m": city, "id": deputy }),
        )
        .await;
    assert!(erased["errors"].is_null(), "{erased}");
    let s = leadership(&app, &city, false).await;
    assert_eq!(s["chair"]["name"], "Oberbürgermeister*in");
    assert_eq!(s["deputyChair"], Value::Null, "{s}");

    // Left out, an office is cleared.
    let cleared = app.admin(CHAIR, json!({ "m": city })).await;
    assert!(cleared["errors"].is_null(), "{cleared}");
    let s = leadership(&app, &city, false).await;
    assert_eq!(
        (&s["chair"], &s["deputyChair"]),
        (&Value::Null, &Value::Null)
    );
    assert!(
        !s["organigramOutline"]
            .as_str()
            .unwrap_or_default()
            .contains("Vorsitz:")
    );
}

async fn a_chair_needs_a_recorded_council(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = app
        .create_municipality("Musterstadt", "14522000", "SN")
        .await;
    let mayor = person(&app, &city, "Oberbürgermeister*in").await;
    let refused = app.admin(CHAIR, json!({ "m": city, "c": mayor })).await;
    assert_eq!(error_code(&refused), Some("CONFLICT"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "chairId");
    assert!(
        error_message(&refused).contains("noch kein Präventionsrat erfasst"),
        "{refused}"
    );
}

async fn a_body_reports_to_another_than_the_one_it_is_placed_under(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "leipzig").await;
    let s = structure(&app, &city, None).await;
    let id_of = |name: &str| body(&s, name)["id"].as_str().expect("id").to_owned();
    let (staff, steering) = (id_of("Führungsstab"), id_of("Lenkungsgruppe"));
    // An accompanying committee placed under the Führungsstab reports to the Lenkungsgruppe.
    let committee = change(
        &app,
        CREATE_BODY,
        json!({ "m": city, "i": { "name": "Begleitausschuss", "kind": "OWN", "ownKind": "Ausschuss", "public": true, "parentId": staff, "reportsToId": steering } }),
    )
    .await;
    let s = leadership(&app, &city, false).await;
    let reporting = s["bodies"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["id"] == committee.as_str()))
        .expect("committee");
    assert_eq!(reporting["reportsToId"], steering.as_str(), "{s}");
    let outline = s["organigramOutline"].as_str().unwrap_or_default();
    assert!(
        outline.lines().any(
            |l| l.trim_start().starts_with("Begleitausschuss (Ausschuss")
                && l.ends_with(", berichtet an Lenkungsgruppe)")
        ),
        "{outline}"
    );
    let svg = s["organigramSvg"].as_str().unwrap_or_default();
    assert_eq!(svg.matches("class=\"reports-to\"").count(), 1, "{svg}");

    // The public sees the public committee, but not where it reports when that body is
    // internal.
    let public = leadership(&app, &city, true).await;
    let seen = public["bodies"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["id"] == committee.as_str()))
        .expect("public committee");
    assert_eq!(seen["reportsToId"], Value::Null, "{public}");

    // A body does not report to itself; nothing changes.
    let itself = app
        .admin(
            UPDATE_BODY,
            json!({ "m": city, "id": committee, "i": { "name": "Begleitausschuss", "kind": "OWN", "ownKind": "Ausschuss", "public": true, "parentId": staff, "reportsToId": committee } }),
        )
        .await;
    assert_eq!(error_code(&itself), Some("VALIDATION"), "{itself}");
    assert_eq!(itself["errors"][0]["extensions"]["field"], "reportsToId");
    assert!(
        error_message(&itself).contains("nicht an sich selbst berichten"),
        "{itself}"
    );
    let s = leadership(&app, &city, false).await;
    let kept = s["bodies"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["id"] == committee.as_str()))
        .expect("committee");
    assert_eq!(kept["reportsToId"], steering.as_str());
}

on_both_databases!(
    the_council_has_a_chair_and_a_deputy_shown_in_the_organigram,
    a_chair_needs_a_recorded_council,
    a_body_reports_to_another_than_the_one_it_is_placed_under
);
