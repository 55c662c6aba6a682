//! The GraphQL API over HTTP against a real server on port 0, on SQLite and PostgreSQL.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use support::{TestApp, error_code, error_message, test_config};

const MUNICIPALITY: &str = "query($id: ID!) { municipality(id: $id) {
    id name slug ags federalState federalStateName population status
    council { name foundingResolution foundingDate } } }";

const UPDATE: &str = "mutation($id: ID!, $i: UpdateMunicipalityInput!) {
    updateMunicipality(id: $id, input: $i) { id name slug ags population status } }";

const SAVE_COUNCIL: &str = "mutation($m: ID!, $i: CouncilInput!) {
    saveCouncil(municipalityId: $m, input: $i) { id name foundingResolution foundingDate } }";

/// The name of a municipality's council as the public query shows it.
async fn council_name(app: &TestApp, municipality: &str) -> Value {
    let body = app.query(MUNICIPALITY, json!({ "id": municipality })).await;
    body["data"]["municipality"]["council"]["name"].clone()
}

async fn operator_creates_and_edits_municipalities(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;

    let body = app.query(MUNICIPALITY, json!({ "id": halle })).await;
    let m = &body["data"]["municipality"];
    assert_eq!(m["slug"], "halle-saale", "{body}");
    assert_eq!(m["ags"], "15002000");
    assert_eq!(m["federalState"], "ST");
    assert_eq!(m["federalStateName"], "Sachsen-Anhalt");
    assert_eq!(m["status"], "ACTIVE");
    assert_eq!(m["council"], Value::Null);

    let body = app
        .admin(
            UPDATE,
            json!({ "id": leipzig, "i": { "name": "Stadt Leipzig", "population": 620000 } }),
        )
        .await;
    let updated = &body["data"]["updateMunicipality"];
    assert_eq!(updated["name"], "Stadt Leipzig", "{body}");
    assert_eq!(updated["population"], 620000);
    assert_eq!(
        updated["slug"], "leipzig",
        "the address stays when only the name changes"
    );

    let body = app
        .query(
            "{ municipalityBySlug(slug: \"leipzig\") { id name } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["municipalityBySlug"]["id"], leipzig.as_str());

    let list =
        "query($s: FederalState, $q: String) { municipalities(federalState: $s, search: $q) {
        totalCount offset items { name } } }";
    let body = app.query(list, json!({ "s": "SN" })).await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 1, "{body}");
    assert_eq!(
        body["data"]["municipalities"]["items"][0]["name"],
        "Stadt Leipzig"
    );
    let body = app.query(list, json!({ "q": "SAALE" })).await;
    assert_eq!(
        body["data"]["municipalities"]["items"][0]["name"], "Halle (Saale)",
        "{body}"
    );
    let body = app.query(list, json!({ "q": "%" })).await;
    assert_eq!(
        body["data"]["municipalities"]["totalCount"], 0,
        "LIKE wildcards are literal: {body}"
    );
    let body = app.query(list, json!({})).await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 2);
}

async fn councils_are_saved_per_municipality(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let chemnitz = app.create_municipality("Chemnitz", "14511000", "SN").await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;

    let council = json!({ "name": "Kriminalpräventiver Rat", "foundingResolution": "B-41/1998", "foundingDate": "1998-02-04" });
    let body = app
        .admin(SAVE_COUNCIL, json!({ "m": chemnitz, "i": council }))
        .await;
    assert_eq!(
        body["data"]["saveCouncil"]["foundingResolution"], "B-41/1998",
        "{body}"
    );
    let body = app
        .admin(
            SAVE_COUNCIL,
            json!({ "m": zwickau, "i": { "name": "Kommunaler Präventionsrat Zwickau" } }),
        )
        .await;
    assert_eq!(
        body["data"]["saveCouncil"]["foundingDate"],
        Value::Null,
        "{body}"
    );

    // Saving again replaces the one council of the municipality.
    let renamed = json!({ "name": "Kriminalpräventiver Rat der Stadt Chemnitz", "foundingResolution": "B-41/1998", "foundingDate": "1998-02-04" });
    app.admin(SAVE_COUNCIL, json!({ "m": chemnitz, "i": renamed }))
        .await;

    let body = app.query(MUNICIPALITY, json!({ "id": chemnitz })).await;
    let council = &body["data"]["municipality"]["council"];
    assert_eq!(
        council["name"], "Kriminalpräventiver Rat der Stadt Chemnitz",
        "{body}"
    );
    assert_eq!(council["foundingDate"], "1998-02-04");
    assert_eq!(
        council_name(&app, &zwickau).await,
        "Kommunaler Präventionsrat Zwickau"
    );
}

async fn bad_input_is_refused_in_the_users_language(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let create = "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }";
    let cases = [
        (
            json!({ "name": "X", "ags": "1471300", "federalState": "SN", "population": 1 }),
            "ags",
            "genau 8 Ziffern",
        ),
        (
            json!({ "name": "X", "ags": "17000000", "federalState": "SN", "population": 1 }),
            "ags",
            "Bundesland",
        ),
        (
            json!({ "name": "X", "ags": "15002000", "federalState": "SN", "population": 1 }),
            "ags",
            "Sachsen-Anhalt",
        ),
        (
            json!({ "name": " ", "ags": "14511000", "federalState": "SN", "population": 1 }),
            "name",
            "nicht leer",
        ),
        (
            json!({ "name": "X", "ags": "14511000", "federalState": "SN", "population": -5 }),
            "population",
            "Einwohnerzahl",
        ),
        (
            json!({ "name": "X", "ags": "14511000", "federalState": "SN", "population": 1, "slug": "Zu Lang!" }),
            "slug",
            "Kleinbuchstaben",
        ),
    ];
    for (input, field, german) in cases {
        let body = app.admin(create, json!({ "i": input })).await;
        assert_eq!(error_code(&body), Some("VALIDATION"), "{input}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
        assert!(error_message(&body).contains(german), "{body}");
    }

    // English on request.
    let cookie = app.admin_cookie();
    let (_, body) = app
        .post(
            json!({ "query": create, "variables": { "i": { "name": "X", "ags": "1", "federalState": "SN", "population": 1 } } }),
            &[("cookie", &cookie), ("x-praevnet-csrf", "1"), ("accept-language", "en-GB,en;q=0.8")],
        )
        .await;
    assert_eq!(
        error_message(&body),
        "The official municipality key (AGS) must consist of exactly 8 digits."
    );

    // A refused update loses nothing.
    let body = app
        .admin(
            UPDATE,
            json!({ "id": leipzig, "i": { "name": "Neu", "ags": "abc" } }),
        )
        .await;
    assert_eq!(error_code(&body), Some("VALIDATION"));
    let body = app.query(MUNICIPALITY, json!({ "id": leipzig })).await;
    assert_eq!(body["data"]["municipality"]["name"], "Leipzig");

    // Nothing was created by the refused requests.
    let body = app
        .query("{ municipalities { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 1);

    // Engine-level errors (a wrong enum value) carry a code too, and say first in the
    // user's language what is wrong, then the engine's detail.
    let body = app
        .query(
            "{ municipalities(federalState: XX) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).starts_with("Die Anfrage ist keine gültige GraphQL-Anfrage. ("),
        "{body}"
    );
}

async fn duplicates_are_conflicts(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    app.create_municipality("Chemnitz", "14511000", "SN").await;
    let create = "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }";

    let body = app
        .admin(create, json!({ "i": { "name": "Leipzig 2", "ags": "14713000", "federalState": "SN", "population": 1 } }))
        .await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "ags");
    assert_eq!(
        error_message(&body),
        "Eine Kommune mit diesem AGS ist bereits angelegt."
    );

    let body = app
        .admin(create, json!({ "i": { "name": "Leipzig", "ags": "14713001", "federalState": "SN", "population": 1 } }))
        .await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "slug");

    let body = app
        .admin(UPDATE, json!({ "id": leipzig, "i": { "ags": "14511000" } }))
        .await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    let body = app
        .admin(
            UPDATE,
            json!({ "id": leipzig, "i": { "slug": "chemnitz" } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "slug", "{body}");
}

async fn changes_need_a_valid_session(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let create = json!({ "query": "mutation { createMunicipality(input: {name: \"Görlitz\", ags: \"14626110\", federalState: SN, population: 1}) { id } }" });
    let rename =
        json!({ "query": UPDATE, "variables": { "id": leipzig, "i": { "name": "Gekapert" } } });
    let council = json!({ "query": SAVE_COUNCIL, "variables": { "m": leipzig, "i": { "name": "Gekapert" } } });

    for body in [&create, &rename, &council] {
        let (status, answer) = app.post(body.clone(), &[]).await;
        assert_eq!(
            (status, error_code(&answer)),
            (200, Some("UNAUTHENTICATED")),
            "{answer}"
        );
        // Credentials of a kind the platform does not have are refused outright.
        let (status, answer) = app
            .post(body.clone(), &[("authorization", "Bearer irgendein-token")])
            .await;
        assert_eq!(
            (status, error_code(&answer)),
            (401, Some("UNAUTHENTICATED")),
            "{answer}"
        );
        // Basic credentials belong to a protecting proxy, not to the platform: anonymous.
        let (status, answer) = app
            .post(
                body.clone(),
                &[("authorization", "Basic YmV0cmllYjpnZWhlaW0=")],
            )
            .await;
        assert_eq!(
            (status, error_code(&answer)),
            (200, Some("UNAUTHENTICATED")),
            "{answer}"
        );
        // A forged or expired session acts as nobody, and its cookie is cleared.
        let forged = format!("praevnet_session={}", "0".repeat(64));
        let (status, headers, answer) = app
            .post_full(
                body.clone(),
                &[("cookie", &forged), ("x-praevnet-csrf", "1")],
            )
            .await;
        assert_eq!(
            (status, error_code(&answer)),
            (200, Some("UNAUTHENTICATED")),
            "{answer}"
        );
        assert!(
            headers
                .get("set-cookie")
                .is_some_and(|v| v.to_str().unwrap_or("").contains("Max-Age=0"))
        );
    }
    let body = app.query(MUNICIPALITY, json!({ "id": leipzig })).await;
    assert_eq!(body["data"]["municipality"]["name"], "Leipzig");
    assert_eq!(body["data"]["municipality"]["council"], Value::Null);
    let body = app
        .query("{ municipalities { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 1);
}

/// Every operation that takes an id answers an unknown id, and one of another kind or
/// tenant, exactly as NOT_FOUND, and never touches another municipality's data.
async fn unknown_and_foreign_ids_are_not_found(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let chemnitz = app.create_municipality("Chemnitz", "14511000", "SN").await;
    app.admin(
        SAVE_COUNCIL,
        json!({ "m": chemnitz, "i": { "name": "Rat Chemnitz" } }),
    )
    .await;
    let council_id = app
        .query(
            "query($id: ID!) { municipality(id: $id) { council { id } } }",
            json!({ "id": chemnitz }),
        )
        .await["data"]["municipality"]["council"]["id"]
        .as_str()
        .expect("council id")
        .to_owned();
    let unknown = "01890000-0000-7000-8000-000000000000";

    // A council id is not a municipality id: it is answered like any unknown id.
    for id in [unknown, council_id.as_str()] {
        let body = app.query(MUNICIPALITY, json!({ "id": id })).await;
        assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
        assert_eq!(error_message(&body), "Nicht gefunden.");
        let body = app
            .admin(UPDATE, json!({ "id": id, "i": { "name": "X" } }))
            .await;
        assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
        let body = app
            .admin(SAVE_COUNCIL, json!({ "m": id, "i": { "name": "X" } }))
            .await;
        assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    }
    let body = app.query(MUNICIPALITY, json!({ "id": "not-a-uuid" })).await;
    assert_eq!(
        (
            error_code(&body),
            body["errors"][0]["extensions"]["field"].as_str()
        ),
        (Some("VALIDATION"), Some("id"))
    );

    // Saving Leipzig's council leaves Chemnitz's untouched, and each sees only its own.
    app.admin(
        SAVE_COUNCIL,
        json!({ "m": leipzig, "i": { "name": "Rat Leipzig" } }),
    )
    .await;
    assert_eq!(council_name(&app, &chemnitz).await, "Rat Chemnitz");
    assert_eq!(council_name(&app, &leipzig).await, "Rat Leipzig");
}

async fn internal_errors_are_logged_not_shown(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    // Break the schema behind the server's back, as a failed deployment might.
    let owner = Database::connect(&app.db.url).await.expect("connect");
    owner
        .execute_unprepared("DROP TABLE councils")
        .await
        .expect("drop table");
    owner.close().await.expect("close");

    let body = app.query(MUNICIPALITY, json!({ "id": leipzig })).await;
    assert_eq!(error_code(&body), Some("INTERNAL"), "{body}");
    let text = body["errors"].to_string();
    assert!(
        !text.contains("councils") && !text.to_lowercase().contains("sql"),
        "leaks internals: {text}"
    );
    assert!(
        body["errors"][0]["extensions"]["requestId"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    assert!(error_message(&body).contains("interner Fehler"));
}

/// A change and its audit entry are one unit: when the entry cannot be written, the change is
/// not made either.
async fn no_change_without_its_audit_entry(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let owner = Database::connect(&app.db.url).await.expect("connect");
    owner
        .execute_unprepared("DROP TABLE audit_log")
        .await
        .expect("drop table");
    owner.close().await.expect("close");

    let create = "mutation { createMunicipality(input: {name: \"Görlitz\", ags: \"14626110\", federalState: SN, population: 1}) { id } }";
    assert_eq!(
        error_code(&app.admin(create, json!({})).await),
        Some("INTERNAL")
    );
    let body = app
        .admin(
            UPDATE,
            json!({ "id": leipzig, "i": { "name": "Umbenannt" } }),
        )
        .await;
    assert_eq!(error_code(&body), Some("INTERNAL"), "{body}");
    let body = app
        .admin(
            SAVE_COUNCIL,
            json!({ "m": leipzig, "i": { "name": "Rat" } }),
        )
        .await;
    assert_eq!(error_code(&body), Some("INTERNAL"), "{body}");

    let body = app.query(MUNICIPALITY, json!({ "id": leipzig })).await;
    assert_eq!(body["data"]["municipality"]["name"], "Leipzig", "{body}");
    assert_eq!(body["data"]["municipality"]["council"], Value::Null);
    let body = app
        .query("{ municipalities { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 1);
}

async fn graphql_limits_protect_the_server(db: TestDatabase) {
    let mut config = test_config(&db);
    config.graphql_max_complexity = 12;
    config.request_body_limit = 4096;
    let app = TestApp::spawn_with(db, config).await;

    // Depth is checked before the fields are looked up: eleven levels of anything.
    let deep = "{ a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } }";
    let body = app.query(deep, json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert_eq!(
        error_message(&body),
        "Die Anfrage ist tiefer verschachtelt als erlaubt (höchstens 10 Ebenen).",
        "{body}"
    );
    let nested_introspection = format!(
        "{{ __schema {{ types {{ fields {{ type {{ {} name {} }} }} }} }} }}",
        "ofType { ".repeat(14),
        "} ".repeat(14)
    );
    let body = app.query(&nested_introspection, json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).contains("höchstens 16 Ebenen"),
        "{body}"
    );

    let aliases: String = (0..31).map(|i| format!("a{i}: __typename ")).collect();
    let body = app.query(&format!("{{ {aliases} }}"), json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).contains("höchstens 30 Felder auf oberster Ebene"),
        "{body}"
    );

    let wide = "{ municipalities { totalCount offset items { id name slug ags federalState population status createdAt updatedAt } } }";
    let body = app.query(wide, json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).to_lowercase().contains("complex"),
        "{body}"
    );

    let batch = json!([{ "query": "{ __typename }" }, { "query": "{ __typename }" }]);
    let (status, body) = app.post(batch, &[]).await;
    assert_eq!(
        (status, error_code(&body)),
        (400, Some("BAD_REQUEST")),
        "{body}"
    );
    assert!(error_message(&body).contains("Batching"));

    let (status, _) = app
        .post(
            json!({ "query": format!("{{ __typename }} # {}", "x".repeat(5000)) }),
            &[],
        )
        .await;
    assert_eq!(status, 413);

    let first_too_large = app
        .query("{ municipalities(first: 201) { totalCount } }", json!({}))
        .await;
    assert_eq!(error_code(&first_too_large), Some("VALIDATION"));
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body("{ not json")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.expect("a GraphQL-shaped error");
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert_eq!(
        error_message(&body),
        "Die Anfrage ist keine gültige GraphQL-Anfrage."
    );
}

async fn production_mode_hides_the_schema(db: TestDatabase) {
    let mut config = test_config(&db);
    config.mode = praevnet_server::config::Mode::Production;
    let app = TestApp::spawn_with(db, config).await;
    let body = app
        .query(
            "{ __schema { types { name } } __type(name: \"Municipality\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["data"]["__schema"],
        Value::Null,
        "introspection must be off: {body}"
    );
    assert_eq!(
        body["data"]["__type"],
        Value::Null,
        "introspection must be off: {body}"
    );
    let response = app.get("/graphql").await;
    assert_eq!(response.status(), 405, "no GraphiQL in production");
    let body = app
        .query("{ municipalities { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 0);
}

async fn development_mode_offers_graphiql(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let response = app.get("/graphql").await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.expect("html").contains("graphiql"));
    let body = app
        .query("{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");
}

async fn demo_data_is_loaded_once(db: TestDatabase) {
    let mut config = test_config(&db);
    config.demo_data = true;
    let app = TestApp::spawn_with(db, config.clone()).await;
    let list = "{ municipalities { totalCount items { name ags federalState population council { foundingResolution } } } }";
    let body = app.query(list, json!({})).await;
    let items = body["data"]["municipalities"]["items"]
        .as_array()
        .expect("items")
        .clone();
    let keys: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap_or(""),
                m["ags"].as_str().unwrap_or(""),
                m["federalState"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        keys,
        vec![
            ("Chemnitz", "14511000", "SN"),
            ("Halle (Saale)", "15002000", "ST"),
            ("Leipzig", "14713000", "SN"),
            ("Zwickau", "14524330", "SN"),
        ]
    );
    assert!(
        items
            .iter()
            .all(|m| m["population"].as_i64().is_some_and(|p| p > 50_000))
    );
    assert_eq!(items[0]["council"]["foundingResolution"], "B-41/1998");

    // Each council's prevention cycle has a year to show: what it published to everyone.
    let ids = app
        .query("{ municipalities { items { id } } }", json!({}))
        .await;
    for m in ids["data"]["municipalities"]["items"]
        .as_array()
        .expect("items")
    {
        let cycle = app
            .query(
                "query($m: ID!) { preventionCycle(municipalityId: $m) { hotSpots { name } demands { title } goals { title } projects { title indicators { values { value } } } } }",
                json!({ "m": m["id"] }),
            )
            .await;
        let cycle = &cycle["data"]["preventionCycle"];
        assert_eq!(cycle["hotSpots"][0]["name"], "Bahnhofsvorplatz", "{cycle}");
        assert_eq!(
            cycle["projects"][0]["indicators"][0]["values"]
                .as_array()
                .map(Vec::len),
            Some(4),
            "{cycle}"
        );
    }

    // A restart on the same database does not load them again.
    let db = app.stop().await;
    let app = TestApp::spawn_with(db, config).await;
    let body = app
        .query("{ municipalities { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["municipalities"]["totalCount"], 4);
}

/// A control character in a text is refused at its field on both databases (PostgreSQL used
/// to answer INTERNAL for U+0000 while SQLite stored it); a name of invisible characters only
/// is no name. Nothing is stored.
async fn control_characters_and_invisible_names_are_refused(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = app
        .create_municipality("Musterstadt", "14522000", "SN")
        .await;
    let create = "mutation($m: ID!, $n: String!) { createBody(municipalityId: $m, input: { name: $n, kind: WORKING_GROUP }) { id } }";
    for (name, field_message) in [
        ("AG\u{0}Graffiti", "Steuerzeichen"),
        ("AG\u{1b}[31mRot", "Steuerzeichen"),
        ("\u{200B}\u{FEFF} ", "nicht leer"),
    ] {
        let body = app.admin(create, json!({ "m": city, "n": name })).await;
        assert_eq!(error_code(&body), Some("VALIDATION"), "{name:?}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "name", "{body}");
        assert!(error_message(&body).contains(field_message), "{body}");
    }
    let structure = app
        .admin(
            "query($m: ID!) { councilStructure(municipalityId: $m) { bodies { name } } }",
            json!({ "m": city }),
        )
        .await;
    assert_eq!(
        structure["data"]["councilStructure"]["bodies"],
        json!([]),
        "{structure}"
    );
}

/// The query GraphiQL and other tools send to load the schema (graphql-js's
/// `getIntrospectionQuery()`): type references nest nine levels below a field's type.
const INTROSPECTION: &str = "query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}";

/// Development mode serves introspection to tools (GraphiQL) despite the depth limit for
/// data; texts with control characters in public reads get a clear answer on both databases.
async fn introspection_loads_and_public_reads_refuse_control_characters(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let body = app.query(INTROSPECTION, json!({})).await;
    assert!(body.get("errors").is_none(), "{body}");
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");

    let search = "query($s: String) { municipalities(search: $s) { totalCount } }";
    let body = app.query(search, json!({ "s": "Lei\u{0}pzig" })).await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "search", "{body}");
    let by_slug = "query($s: String!) { municipalityBySlug(slug: $s) { id } }";
    let body = app.query(by_slug, json!({ "s": "leip\u{0}zig" })).await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
    let body = app.query(by_slug, json!({ "s": "x".repeat(300) })).await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
}

/// A page of the registry reads its councils at once: each row still gets its own council, or
/// none.
async fn a_page_of_municipalities_gets_each_its_own_council(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let mut ids = Vec::new();
    for (name, ags) in [
        ("Annaberg-Buchholz", "14521020"),
        ("Bautzen", "14625020"),
        ("Crimmitschau", "14524040"),
    ] {
        ids.push(app.create_municipality(name, ags, "SN").await);
    }
    for (id, council) in [(&ids[0], "Rat A"), (&ids[2], "Rat C")] {
        let body = app
            .admin(SAVE_COUNCIL, json!({ "m": id, "i": { "name": council } }))
            .await;
        assert_eq!(body["data"]["saveCouncil"]["name"], council, "{body}");
    }
    let page = "{ municipalities(first: 2, offset: 1) { items { name council { name } } } }";
    let body = app.query(page, json!({})).await;
    assert_eq!(
        body["data"]["municipalities"]["items"],
        json!([
            { "name": "Bautzen", "council": null },
            { "name": "Crimmitschau", "council": { "name": "Rat C" } },
        ]),
        "{body}"
    );
    let all = "{ municipalities { items { council { name } } } }";
    let body = app.query(all, json!({})).await;
    let councils: Vec<Value> = body["data"]["municipalities"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["council"]["name"].clone())
        .collect();
    assert_eq!(councils, vec![json!("Rat A"), Value::Null, json!("Rat C")]);
}

on_both_databases!(
    control_characters_and_invisible_names_are_refused,
    operator_creates_and_edits_municipalities,
    councils_are_saved_per_municipality,
    bad_input_is_refused_in_the_users_language,
    duplicates_are_conflicts,
    changes_need_a_valid_session,
    unknown_and_foreign_ids_are_not_found,
    internal_errors_are_logged_not_shown,
    no_change_without_its_audit_entry,
    graphql_limits_protect_the_server,
    introspection_loads_and_public_reads_refuse_control_characters,
    a_page_of_municipalities_gets_each_its_own_council,
    production_mode_hides_the_schema,
    development_mode_offers_graphiql,
    demo_data_is_loaded_once,
);
