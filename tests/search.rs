//! The network search and the catalogue of prevention offers on SQLite and PostgreSQL: what is
//! published is found at once (by its author and on another replica), what is withdrawn is
//! gone at once; German words, typos, phrases, facets, sorting, similar practices; seals with
//! their validity; the index rebuilt when missing and on request. The ranking itself is tested
//! in crates/search/tests/relevance.rs.

mod support;

use praevnet_server::start;
use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{TestApp, config_with_mail, error_code, returned_id};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const SAVE: &str = "mutation($m: ID!, $id: ID, $i: PracticeInput!) { savePractice(municipalityId: $m, id: $id, input: $i) { id } }";
const PUBLISH: &str =
    "mutation($m: ID!, $id: ID!) { publishPractice(municipalityId: $m, id: $id) { status } }";
const WITHDRAW: &str =
    "mutation($m: ID!, $id: ID!) { withdrawPractice(municipalityId: $m, id: $id) { status } }";
const SEARCH: &str = "query($i: SearchInput!) { search(input: $i) { total hits { id kind title publisher federalState snippet { text highlighted } } facets { group values { value label count } } } }";

fn practice(
    title: &str,
    problem: &str,
    measures: &str,
    settings: &[&str],
    topics: &[&str],
    evidence: &str,
) -> Value {
    json!({
        "title": title, "problem": problem, "measures": measures,
        "settings": settings, "topics": topics, "targetGroups": ["YOUTH"],
        "evidenceLevel": evidence,
        "contact": "Geschäftsstelle des Präventionsrats"
    })
}

struct Network {
    app: TestApp,
    leipzig: String,
    halle: String,
    leipzig_admin: String,
    halle_admin: String,
}

async fn network(db: TestDatabase) -> Network {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let mut sessions = Vec::new();
    for (email, m) in [("kpr@leipzig.test", &leipzig), ("kpr@halle.test", &halle)] {
        let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": m });
        sessions.push(app.onboard(&sink, email, role, PASSWORD).await);
    }
    let halle_admin = sessions.pop().expect("halle");
    let leipzig_admin = sessions.pop().expect("leipzig");
    Network {
        app,
        leipzig,
        halle,
        leipzig_admin,
        halle_admin,
    }
}

impl Network {
    async fn publish(&self, cookie: &str, m: &str, input: Value) -> String {
        let saved = self
            .app
            .in_session(cookie, SAVE, json!({ "m": m, "i": input }))
            .await;
        let id = returned_id(&saved).unwrap_or_else(|| panic!("saved: {saved}"));
        let published = self
            .app
            .in_session(cookie, PUBLISH, json!({ "m": m, "id": id }))
            .await;
        assert_eq!(
            published["data"]["publishPractice"]["status"], "PUBLISHED",
            "{published}"
        );
        id
    }

    async fn search(&self, cookie: &str, input: Value) -> Value {
        let body = self
            .app
            .in_session(cookie, SEARCH, json!({ "i": input }))
            .await;
        assert!(body["errors"].is_null(), "{input}: {body}");
        body["data"]["search"].clone()
    }

    async fn titles(&self, input: Value) -> Vec<String> {
        titles(&self.search(&self.halle_admin, input).await)
    }
}

fn titles(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .map(|h| h["title"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn facet(results: &Value, group: &str, value: &str) -> Option<i64> {
    results["facets"]
        .as_array()?
        .iter()
        .find(|f| f["group"] == group)?["values"]
        .as_array()?
        .iter()
        .find(|v| v["value"] == value)?["count"]
        .as_i64()
}

async fn the_network_search_finds_published_records_across_cities(db: TestDatabase) {
    let n = network(db).await;
    let gardens = n
        .publish(
            &n.leipzig_admin,
            &n.leipzig,
            practice(
                "Sichere Kleingärten",
                "Einbrüche in Lauben der Kleingartenanlagen an der Straße des 18. Oktober",
                "Patenschaften, Beleuchtung und gemeinsame Streifen mit der Polizei",
                &["ALLOTMENT_GARDENS"],
                &["BURGLARY"],
                "PROBABLY_EFFECTIVE",
            ),
        )
        .await;
    let school = n
        .publish(
            &n.halle_admin,
            &n.halle,
            practice(
                "Streitschlichtung an Grundschulen",
                "Gewalt an Schulen beginnt mit Ausgrenzung auf dem Schulhof",
                "Streitschlichter, Klassenrat und Fortbildung der Lehrkräfte",
                &["SCHOOL"],
                &["VIOLENCE_SCHOOLS"],
                "PROVEN_EFFECTIVE",
            ),
        )
        .await;
    n.publish(
        &n.halle_admin,
        &n.halle,
        practice(
            "Mobbing vorbeugen in der Schule",
            "Ausgrenzung und Gewalt unter Jugendlichen in der Schule",
            "Klassenrat und Schulsozialarbeit",
            &["SCHOOL"],
            &["VIOLENCE_SCHOOLS"],
            "THEORETICALLY_FOUNDED",
        ),
    )
    .await;
    // A draft is never found.
    n.app
        .in_session(
            &n.leipzig_admin,
            SAVE,
            json!({ "m": n.leipzig, "i": practice("Entwurf Kleingarten", "Kleingarten", "x", &[], &[], "PROVEN_EFFECTIVE") }),
        )
        .await;
    let programme = n
        .app
        .admin(
            "mutation($i: FundingProgrammeInput!) { saveFundingProgramme(input: $i) { id } }",
            json!({ "i": { "federalState": "SN", "name": "ASSKOMM", "provider": "Landespräventionsrat Sachsen",
                           "totalBudget": 100_000, "fieldsOfAction": ["Prävention in Kleingartenanlagen"] } }),
        )
        .await;
    assert!(programme["errors"].is_null(), "{programme}");

    // German words: umlauts, ß, inflection; the other city finds it at once.
    let found = n
        .search(
            &n.halle_admin,
            json!({ "text": "Kleingarten", "kinds": ["PRACTICE"] }),
        )
        .await;
    assert_eq!(titles(&found), vec!["Sichere Kleingärten"], "{found}");
    let hit = &found["hits"][0];
    assert_eq!(hit["id"], gardens.as_str());
    assert_eq!(hit["kind"], "PRACTICE");
    assert_eq!(hit["publisher"], "Leipzig");
    assert_eq!(hit["federalState"], "SN");
    let marked: Vec<&str> = hit["snippet"]
        .as_array()
        .expect("snippet")
        .iter()
        .filter(|p| p["highlighted"] == true)
        .map(|p| p["text"].as_str().unwrap_or_default())
        .collect();
    assert!(marked.contains(&"Kleingartenanlagen"), "{hit}");
    assert_eq!(
        n.titles(json!({ "text": "Strasse", "kinds": ["PRACTICE"] }))
            .await,
        vec!["Sichere Kleingärten"]
    );
    assert_eq!(
        n.titles(json!({ "text": "Kleingaerten Lauben" })).await,
        vec!["Sichere Kleingärten"]
    );
    // One typo is forgiven.
    assert_eq!(
        n.titles(json!({ "text": "Beleuchtnug" })).await,
        vec!["Sichere Kleingärten"]
    );
    // A phrase needs its words in order ("Gewalt an Schulen" is also the label of the topic
    // that both school practices are tagged with).
    assert_eq!(
        n.titles(json!({ "text": "\"Gewalt an Schulen\"" }))
            .await
            .len(),
        2
    );
    assert_eq!(
        n.titles(json!({ "text": "\"Ausgrenzung auf dem Schulhof\"" }))
            .await,
        vec!["Streitschlichtung an Grundschulen"]
    );
    assert!(
        n.titles(json!({ "text": "\"Schulhof auf der Ausgrenzung\"" }))
            .await
            .is_empty()
    );
    assert!(
        n.titles(json!({ "text": "\"Schulen an Gewalt\"" }))
            .await
            .is_empty()
    );
    // All kinds in one box: the programme names allotment gardens too.
    let all = n
        .search(&n.halle_admin, json!({ "text": "Kleingarten" }))
        .await;
    assert_eq!(all["total"], 2, "{all}");
    assert_eq!(facet(&all, "KIND", "PRACTICE"), Some(1));
    assert_eq!(facet(&all, "KIND", "PROGRAMME"), Some(1));
    assert_eq!(
        n.titles(json!({ "text": "Kleingarten", "kinds": ["PROGRAMME"] }))
            .await,
        vec!["ASSKOMM"]
    );

    // Facets with counts; two facets narrow to one.
    let schools = n
        .search(&n.leipzig_admin, json!({ "settings": ["SCHOOL"] }))
        .await;
    assert_eq!(schools["total"], 2, "{schools}");
    assert_eq!(facet(&schools, "SETTING", "SCHOOL"), Some(2));
    assert_eq!(facet(&schools, "SETTING", "ALLOTMENT_GARDENS"), Some(1));
    assert_eq!(facet(&schools, "FEDERAL_STATE", "ST"), Some(2));
    assert_eq!(
        facet(&schools, "EVIDENCE_LEVEL", "PROVEN_EFFECTIVE"),
        Some(1)
    );
    let label = schools["facets"]
        .as_array()
        .and_then(|f| f.iter().find(|g| g["group"] == "SETTING"))
        .and_then(|g| g["values"].as_array())
        .and_then(|v| v.iter().find(|v| v["value"] == "SCHOOL"))
        .map(|v| v["label"].clone());
    assert_eq!(label, Some(json!("Schule")));
    assert_eq!(
        n.titles(json!({ "text": "Gewalt", "settings": ["SCHOOL"], "evidenceLevels": ["PROVEN_EFFECTIVE"] }))
            .await,
        vec!["Streitschlichtung an Grundschulen"]
    );
    assert_eq!(
        n.titles(json!({ "federalStates": ["SN"], "kinds": ["PRACTICE"] }))
            .await,
        vec!["Sichere Kleingärten"]
    );
    // Newest first.
    assert_eq!(
        n.titles(json!({ "text": "Klassenrat", "sort": "NEWEST" }))
            .await,
        vec![
            "Mobbing vorbeugen in der Schule",
            "Streitschlichtung an Grundschulen"
        ]
    );

    // Similar practices: the other school practice, not itself.
    let similar = n
        .app
        .in_session(
            &n.leipzig_admin,
            "query($id: ID!) { similarPractices(id: $id, first: 3) { title } }",
            json!({ "id": school }),
        )
        .await;
    assert_eq!(
        similar["data"]["similarPractices"][0]["title"], "Mobbing vorbeugen in der Schule",
        "{similar}"
    );
    assert!(
        !similar.to_string().contains("Streitschlichtung"),
        "{similar}"
    );

    // A change is found at once by its author; a withdrawal is gone at once.
    let mut changed = practice(
        "Sichere Kleingärten",
        "Einbrüche in Lauben",
        "Nachbarschaftliche Gartenwache",
        &["ALLOTMENT_GARDENS"],
        &["BURGLARY"],
        "PROBABLY_EFFECTIVE",
    );
    changed["costs"] = json!("gering");
    n.app
        .in_session(
            &n.leipzig_admin,
            SAVE,
            json!({ "m": n.leipzig, "id": gardens, "i": changed }),
        )
        .await;
    let own = n
        .search(&n.leipzig_admin, json!({ "text": "Gartenwache" }))
        .await;
    assert_eq!(titles(&own), vec!["Sichere Kleingärten"], "{own}");
    let withdrawn = n
        .app
        .in_session(
            &n.leipzig_admin,
            WITHDRAW,
            json!({ "m": n.leipzig, "id": gardens }),
        )
        .await;
    assert!(withdrawn["errors"].is_null(), "{withdrawn}");
    assert!(n.titles(json!({ "text": "Gartenwache" })).await.is_empty());

    // Bad input: a clear error at the field; nobody anonymous.
    for (input, field) in [
        (json!({ "first": 51 }), "first"),
        (json!({ "first": -1 }), "first"),
        (json!({ "offset": 10_001 }), "offset"),
        (json!({ "text": "x".repeat(501) }), "text"),
    ] {
        let body = n
            .app
            .in_session(&n.halle_admin, SEARCH, json!({ "i": input }))
            .await;
        assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    let anonymous = n
        .app
        .query(SEARCH, json!({ "i": { "text": "Schule" } }))
        .await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );
    let unknown = n
        .app
        .in_session(
            &n.halle_admin,
            "query($id: ID!) { similarPractices(id: $id) { title } }",
            json!({ "id": gardens }),
        )
        .await;
    assert_eq!(error_code(&unknown), Some("NOT_FOUND"), "{unknown}");
    // No page of similar practices is empty on request: a clear error, not the engine's panic.
    let none = n
        .app
        .in_session(
            &n.halle_admin,
            "query($id: ID!) { similarPractices(id: $id, first: 0) { title } }",
            json!({ "id": school }),
        )
        .await;
    assert_eq!(error_code(&none), Some("VALIDATION"), "{none}");
    assert_eq!(none["errors"][0]["extensions"]["field"], "first", "{none}");
    // A search may ask for no hits, to count and facet.
    let counted = n
        .app
        .in_session(
            &n.halle_admin,
            SEARCH,
            json!({ "i": { "text": "Schule", "first": 0 } }),
        )
        .await;
    assert!(counted["errors"].is_null(), "{counted}");
    assert_eq!(counted["data"]["search"]["hits"], json!([]), "{counted}");
}

/// A second server on the same database, as behind a load balancer: what one replica writes,
/// the other finds at once; what it withdraws, the other forgets at once.
async fn every_replica_finds_what_another_wrote(db: TestDatabase) {
    let n = network(db).await;
    let mut config = support::test_config(&n.app.db);
    config.search_index_dir = None;
    let replica = start(config).await.expect("second replica");
    let replica_url = format!("http://{}/graphql", replica.addr());
    let ask = |cookie: String, input: Value| {
        let url = replica_url.clone();
        let client = n.app.client.clone();
        async move {
            let body: Value = client
                .post(url)
                .header("cookie", cookie)
                .header("x-praevnet-csrf", "1")
                .json(&json!({ "query": SEARCH, "variables": { "i": input } }))
                .send()
                .await
                .expect("replica answers")
                .json()
                .await
                .expect("json");
            titles(&body["data"]["search"])
        }
    };
    // The replica migrates nothing new and becomes ready on the shared database.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !replica.is_bootstrapped() {
        assert!(std::time::Instant::now() < deadline, "replica not ready");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let id = n
        .publish(
            &n.leipzig_admin,
            &n.leipzig,
            practice(
                "Fanprojekt am Stadion",
                "Gewalt rund um Heimspiele",
                "Fanarbeit",
                &["FOOTBALL"],
                &["VIOLENCE_PUBLIC_SPACE"],
                "PROBABLY_EFFECTIVE",
            ),
        )
        .await;
    assert_eq!(
        ask(n.halle_admin.clone(), json!({ "text": "Stadion" })).await,
        vec!["Fanprojekt am Stadion"]
    );
    n.app
        .in_session(
            &n.leipzig_admin,
            WITHDRAW,
            json!({ "m": n.leipzig, "id": id }),
        )
        .await;
    assert!(
        ask(n.halle_admin.clone(), json!({ "text": "Stadion" }))
            .await
            .is_empty()
    );
    replica.shutdown().await.expect("replica stops");
}

const SAVE_OFFER: &str = "mutation($c: ID!, $id: ID, $i: CatalogueOfferInput!) { saveCatalogueOffer(certifierId: $c, id: $id, input: $i) { id title certifierName sealStatus sealValidity } }";
const GRANT: &str = "mutation($c: ID!, $id: ID!, $from: NaiveDate!, $until: NaiveDate!) { grantSeal(certifierId: $c, id: $id, grantedOn: $from, validUntil: $until, note: \"geprüft\") { sealStatus sealValidity sealGrantedOn sealValidUntil } }";
const RENEW: &str = "mutation($c: ID!, $id: ID!, $until: NaiveDate!) { renewSeal(certifierId: $c, id: $id, validUntil: $until) { sealStatus sealValidity sealValidUntil } }";
const WITHDRAW_SEAL: &str = "mutation($c: ID!, $id: ID!) { withdrawSeal(certifierId: $c, id: $id, note: \"Träger hat gewechselt\") { sealStatus sealValidity sealNote } }";
const REMOVE_OFFER: &str =
    "mutation($c: ID!, $id: ID!) { removeCatalogueOffer(certifierId: $c, id: $id) }";

fn day(offset_days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset_days)).to_string()
}

async fn a_certifier_keeps_its_catalogue_and_grants_seals_for_a_period(db: TestDatabase) {
    let n = network(db).await;
    let (c, admin) = (&n.leipzig, &n.leipzig_admin);
    let offer = json!({ "title": "Zivilcourage-Training", "provider": "Netzwerk für Kultur- und Jugendarbeit e. V.",
                        "format": "WORKSHOP", "targetGroups": ["YOUTH"], "topics": ["VIOLENCE_PUBLIC_SPACE"],
                        "description": "Zwei Schulstunden Training für Schulklassen", "contact": "info@example.org" });
    let saved = n
        .app
        .in_session(admin, SAVE_OFFER, json!({ "c": c, "i": offer }))
        .await;
    assert_eq!(
        saved["data"]["saveCatalogueOffer"]["sealValidity"], "NO_SEAL",
        "{saved}"
    );
    assert_eq!(
        saved["data"]["saveCatalogueOffer"]["certifierName"],
        "Leipzig"
    );
    let id = returned_id(&saved).expect("offer id");
    let mut no_format = offer.clone();
    no_format["format"] = Value::Null;
    let refused = n
        .app
        .in_session(admin, SAVE_OFFER, json!({ "c": c, "i": no_format }))
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["field"], "format",
        "{refused}"
    );

    // Granted for a period: the end after the start.
    let backwards = n
        .app
        .in_session(
            admin,
            GRANT,
            json!({ "c": c, "id": id, "from": day(0), "until": day(-1) }),
        )
        .await;
    assert_eq!(
        backwards["errors"][0]["extensions"]["field"], "validUntil",
        "{backwards}"
    );
    let granted = n
        .app
        .in_session(
            admin,
            GRANT,
            json!({ "c": c, "id": id, "from": day(-10), "until": day(365) }),
        )
        .await;
    assert_eq!(
        granted["data"]["grantSeal"],
        json!({ "sealStatus": "GRANTED", "sealValidity": "VALID", "sealGrantedOn": day(-10), "sealValidUntil": day(365) }),
        "{granted}"
    );
    let again = n
        .app
        .in_session(
            admin,
            GRANT,
            json!({ "c": c, "id": id, "from": day(0), "until": day(700) }),
        )
        .await;
    assert_eq!(error_code(&again), Some("VALIDATION"), "{again}");
    assert!(
        support::error_message(&again).contains("verlängern"),
        "{again}"
    );
    // Renewed to a later end only.
    let earlier = n
        .app
        .in_session(admin, RENEW, json!({ "c": c, "id": id, "until": day(100) }))
        .await;
    assert_eq!(
        earlier["errors"][0]["extensions"]["field"], "validUntil",
        "{earlier}"
    );
    let renewed = n
        .app
        .in_session(
            admin,
            RENEW,
            json!({ "c": c, "id": id, "until": day(1000) }),
        )
        .await;
    assert_eq!(
        renewed["data"]["renewSeal"]["sealValidUntil"],
        day(1000),
        "{renewed}"
    );
    // Withdrawn with a reason.
    let withdrawn = n
        .app
        .in_session(admin, WITHDRAW_SEAL, json!({ "c": c, "id": id }))
        .await;
    assert_eq!(
        withdrawn["data"]["withdrawSeal"],
        json!({ "sealStatus": "WITHDRAWN", "sealValidity": "WITHDRAWN", "sealNote": "Träger hat gewechselt" }),
        "{withdrawn}"
    );
    let twice = n
        .app
        .in_session(admin, WITHDRAW_SEAL, json!({ "c": c, "id": id }))
        .await;
    assert_eq!(error_code(&twice), Some("VALIDATION"), "{twice}");

    // A seal whose period is over has expired; a renewal brings it back.
    let old = n
        .app
        .in_session(admin, SAVE_OFFER, json!({ "c": c, "i": offer }))
        .await;
    let old = returned_id(&old).expect("second offer");
    let expired = n
        .app
        .in_session(
            admin,
            GRANT,
            json!({ "c": c, "id": old, "from": day(-800), "until": day(-70) }),
        )
        .await;
    assert_eq!(
        expired["data"]["grantSeal"]["sealValidity"], "EXPIRED",
        "{expired}"
    );
    let back = n
        .app
        .in_session(admin, RENEW, json!({ "c": c, "id": old, "until": day(30) }))
        .await;
    assert_eq!(back["data"]["renewSeal"]["sealValidity"], "VALID", "{back}");

    // Everyone logged in reads the catalogue and finds its offers.
    let listed = n
        .app
        .in_session(
            &n.halle_admin,
            "query($c: ID) { catalogue(certifierId: $c) { title sealValidity } }",
            json!({ "c": c }),
        )
        .await;
    assert_eq!(
        listed["data"]["catalogue"].as_array().map(Vec::len),
        Some(2),
        "{listed}"
    );
    assert_eq!(
        n.titles(json!({ "text": "Zivilcourage", "kinds": ["OFFER"] }))
            .await,
        vec!["Zivilcourage-Training", "Zivilcourage-Training"]
    );

    // Another city changes nothing of it, with its own id or the certifier's.
    for certifier in [&n.halle, &n.leipzig] {
        for (query, vars) in [
            (SAVE_OFFER, json!({ "c": certifier, "id": id, "i": offer })),
            (
                GRANT,
                json!({ "c": certifier, "id": id, "from": day(0), "until": day(9) }),
            ),
            (
                RENEW,
                json!({ "c": certifier, "id": old, "until": day(900) }),
            ),
            (WITHDRAW_SEAL, json!({ "c": certifier, "id": old })),
            (REMOVE_OFFER, json!({ "c": certifier, "id": old })),
        ] {
            let body = n.app.in_session(&n.halle_admin, query, vars).await;
            assert_eq!(error_code(&body), Some("NOT_FOUND"), "{query}: {body}");
        }
    }
    // Removed: gone from the catalogue and the search.
    let removed = n
        .app
        .in_session(admin, REMOVE_OFFER, json!({ "c": c, "id": old }))
        .await;
    assert_eq!(removed["data"]["removeCatalogueOffer"], true, "{removed}");
    assert_eq!(
        n.titles(json!({ "text": "Zivilcourage", "kinds": ["OFFER"] }))
            .await,
        vec!["Zivilcourage-Training"]
    );
    let gone = n
        .app
        .in_session(
            &n.halle_admin,
            "query($id: ID!) { catalogueOffer(id: $id) { title } }",
            json!({ "id": old }),
        )
        .await;
    assert_eq!(error_code(&gone), Some("NOT_FOUND"), "{gone}");
}

async fn find(app: &TestApp) -> Vec<String> {
    let body = app
        .in_session(
            &app.admin_cookie(),
            SEARCH,
            json!({ "i": { "text": "Nachtbürgermeister" } }),
        )
        .await;
    titles(&body["data"]["search"])
}

/// A replica with an index folder: a missing folder is rebuilt at start, and
/// `praevnet search-rebuild` makes the running replica rebuild.
async fn the_index_is_rebuilt_when_missing_and_on_request(db: TestDatabase) {
    let folder = tempfile::tempdir().expect("index folder");
    let sink = SmtpSink::start();
    let mut config = config_with_mail(&db, &sink);
    config.search_index_dir = Some(folder.path().join("index"));
    let app = TestApp::spawn_with(db, config.clone()).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let cookie = app.admin_cookie();
    let saved = app
        .in_session(
            &cookie,
            SAVE,
            json!({ "m": leipzig, "i": practice("Nachtcafé", "Lärm in der Innenstadt", "Nachtbürgermeister", &["NIGHTLIFE"], &["FEELING_OF_SAFETY"], "PROBABLY_EFFECTIVE") }),
        )
        .await;
    let id = returned_id(&saved).expect("id");
    app.in_session(&cookie, PUBLISH, json!({ "m": leipzig, "id": id }))
        .await;
    assert_eq!(find(&app).await, vec!["Nachtcafé"]);
    let db = app.stop().await;
    std::fs::remove_dir_all(folder.path().join("index")).expect("index removed");
    let app = TestApp::spawn_with(db, config.clone()).await;
    assert_eq!(
        find(&app).await,
        vec!["Nachtcafé"],
        "rebuilt from the database"
    );

    let status = std::process::Command::new(env!("CARGO_BIN_EXE_praevnet"))
        .arg("search-rebuild")
        .env("DATABASE_URL", &app.db.url)
        .env("PRAEVNET_LOG", "warn")
        .status()
        .expect("command runs");
    assert!(status.success(), "{status}");
    // The running replica rebuilds at its next round or search; the result is the same.
    assert_eq!(find(&app).await, vec!["Nachtcafé"]);
    assert!(folder.path().join("index").join("meta.json").exists());
}

on_both_databases!(
    the_network_search_finds_published_records_across_cities,
    every_replica_finds_what_another_wrote,
    a_certifier_keeps_its_catalogue_and_grants_seals_for_a_period,
    the_index_is_rebuilt_when_missing_and_on_request
);
