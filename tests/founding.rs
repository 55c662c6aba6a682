//! The state office's work with its municipalities, on SQLite and PostgreSQL: onboarding with
//! the founding checklist, and the overview of a Land. Who may call what is in
//! `tests/authorization.rs`.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{TestApp, config_with_mail, error_code, link_token, returned_id};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const FOUNDING: &str = "query($m: ID!) { founding(municipalityId: $m) { status path structureTemplate steps { step label completedOn notes } } }";
const STEP: &str = "mutation($m: ID!, $s: FoundingStep!, $d: NaiveDate, $n: String!) { saveFoundingStep(municipalityId: $m, step: $s, completedOn: $d, notes: $n) { status steps { step completedOn notes } } }";

async fn office(app: &TestApp, sink: &SmtpSink, state: &str) -> String {
    app.onboard(
        sink,
        &format!("lpr-{}@praevnet.test", state.to_lowercase()),
        json!({ "role": "STATE_OFFICE", "federalState": state }),
        PASSWORD,
    )
    .await
}

async fn a_state_office_onboards_a_municipality_until_its_council_is_active(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let lpr = office(&app, &sink, "SN").await;

    // Create: the AGS is checked, a duplicate refused.
    let create = "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }";
    let input = json!({ "i": { "name": "Plauen", "ags": "14523320", "federalState": "SN", "population": 64000, "status": "ONBOARDING" } });
    let plauen = returned_id(&app.in_session(&lpr, create, input.clone()).await).expect("created");
    let again = app.in_session(&lpr, create, input).await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
    let wrong_land = app
        .in_session(&lpr, create, json!({ "i": { "name": "X", "ags": "15001000", "federalState": "SN", "population": 1 } }))
        .await;
    assert_eq!(error_code(&wrong_land), Some("VALIDATION"), "{wrong_land}");

    // The first administrator is invited by mail and accepts.
    let invited = app
        .in_session(
            &lpr,
            "mutation($i: InviteInput!) { inviteUser(input: $i) }",
            json!({ "i": { "email": "kpr@plauen.test", "displayName": "Koordination Plauen", "role": "MUNICIPALITY_ADMIN", "municipalityId": plauen } }),
        )
        .await;
    assert_eq!(invited["data"]["inviteUser"], true, "{invited}");
    let token = link_token(
        &tokio::task::block_in_place(|| sink.wait_for("kpr@plauen.test")).text,
        "/einladung#",
    );
    let (_, headers, accepted) = app
        .post_full(
            json!({ "query": "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { id } }",
                    "variables": { "t": token, "p": PASSWORD } }),
            &[],
        )
        .await;
    assert!(accepted["errors"].is_null(), "{accepted}");
    let city = support::session_cookie(&headers).expect("session");

    // The state office starts the founding; both sides see and edit one checklist.
    let started = app
        .in_session(&lpr, "mutation($m: ID!) { startFounding(municipalityId: $m, path: BOTTOM_UP) { status path steps { label } } }", json!({ "m": plauen }))
        .await;
    assert_eq!(
        started["data"]["startFounding"]["status"], "FOUNDING",
        "{started}"
    );
    assert_eq!(
        started["data"]["startFounding"]["steps"][4]["label"],
        "Konstituierende Sitzung"
    );
    let step = |cookie: &str, s: &str, d: Option<&str>, n: &str| {
        let (cookie, m) = (cookie.to_owned(), plauen.clone());
        let vars = json!({ "m": m, "s": s, "d": d, "n": n });
        let app = &app;
        async move { app.in_session(&cookie, STEP, vars).await }
    };
    step(&lpr, "AWARENESS", Some("2026-09-01"), "Gespräch mit dem OB").await;
    step(
        &city,
        "NEEDS_ANALYSIS",
        Some("2026-10-01"),
        "Koordinierungsstelle im Ordnungsamt, 0,5 Stelle",
    )
    .await;
    let seen_by_office = app.in_session(&lpr, FOUNDING, json!({ "m": plauen })).await;
    let steps = &seen_by_office["data"]["founding"]["steps"];
    assert_eq!(steps[0]["notes"], "Gespräch mit dem OB", "{seen_by_office}");
    assert_eq!(steps[1]["completedOn"], "2026-10-01");
    assert_eq!(
        steps[1]["notes"],
        "Koordinierungsstelle im Ordnungsamt, 0,5 Stelle"
    );

    // The city chooses a template: the founding shows the model.
    let applied = app
        .in_session(&city, "mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"zwickau\") { id } }", json!({ "m": plauen }))
        .await;
    assert!(applied["errors"].is_null(), "{applied}");
    step(&city, "STRUCTURE", Some("2026-10-20"), "Vorlage Zwickau").await;

    // The constituent meeting makes the council active, for the state office to see.
    let done = step(
        &city,
        "CONSTITUENT_MEETING",
        Some("2026-11-18"),
        "Rathaus, 30 Teilnehmende",
    )
    .await;
    assert_eq!(
        done["data"]["saveFoundingStep"]["status"], "ACTIVE",
        "{done}"
    );
    let overview = app
        .in_session(&lpr, "{ stateOverview(federalState: SN) { municipality { name council { foundingDate } } councilStatus structureModel bodies } }", json!({}))
        .await;
    let row = &overview["data"]["stateOverview"][0];
    assert_eq!(row["municipality"]["name"], "Plauen", "{overview}");
    assert_eq!(row["councilStatus"], "ACTIVE");
    assert_eq!(row["structureModel"], "zwickau");
    assert_eq!(row["bodies"], 8);
    assert_eq!(row["municipality"]["council"]["foundingDate"], "2026-11-18");
    let late = step(&lpr, "ACTORS", None, "nachgetragen").await;
    assert_eq!(error_code(&late), Some("CONFLICT"), "{late}");

    // An active council is not sent back into founding; it stays active.
    let restart =
        "mutation($m: ID!) { startFounding(municipalityId: $m, path: TOP_DOWN) { status } }";
    for cookie in [&lpr, &city] {
        let again = app
            .in_session(cookie, restart, json!({ "m": plauen }))
            .await;
        assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
        assert_eq!(again["errors"][0]["extensions"]["field"], "path", "{again}");
        let message = again["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("bereits aktiv"), "{again}");
    }
    let founding = app
        .in_session(
            &lpr,
            "query($m: ID!) { founding(municipalityId: $m) { status path } }",
            json!({ "m": plauen }),
        )
        .await;
    assert_eq!(
        founding["data"]["founding"]["status"], "ACTIVE",
        "{founding}"
    );
    assert_eq!(
        founding["data"]["founding"]["path"], "BOTTOM_UP",
        "{founding}"
    );
}

async fn the_overview_shows_a_land_sorted_filtered_and_as_csv(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let sn = office(&app, &sink, "SN").await;
    let st = office(&app, &sink, "ST").await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let _leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let _bautzen = app.create_municipality("Bautzen", "14625020", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    for (m, template) in [(&zwickau, "zwickau"), (&halle, "halle")] {
        let body = app
            .admin("mutation($m: ID!, $t: String!) { applyStructureTemplate(municipalityId: $m, templateId: $t) { id } }", json!({ "m": m, "t": template }))
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    // Two people in Zwickau's Lenkungsgremium, one also in an AG: two active members.
    let import = "gremium;name;rolle;beginn\nLenkungsgremium;Oberbürgermeister*in;Vorsitz;01.01.2025\nLenkungsgremium;Leitung Ordnungsamt;Mitglied;01.01.2025\nAG Graffiti;Leitung Ordnungsamt;Moderation;01.01.2025\n";
    let imported = app
        .admin(
            "mutation($m: ID!, $c: String!) { importMembers(municipalityId: $m, csv: $c) { id } }",
            json!({ "m": zwickau, "c": import }),
        )
        .await;
    assert!(imported["errors"].is_null(), "{imported}");

    let overview = |query: &'static str| {
        let sn = sn.clone();
        let app = &app;
        async move { app.in_session(&sn, query, json!({})).await }
    };
    let all = overview("{ stateOverview(federalState: SN, sort: BODIES, descending: true) { municipality { name } councilStatus bodies activeMembers lastActivity } }").await;
    let rows = all["data"]["stateOverview"]
        .as_array()
        .expect("rows")
        .clone();
    let names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["municipality"]["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["Zwickau", "Bautzen", "Leipzig"],
        "Saxony only, most bodies first: {all}"
    );
    assert_eq!(rows[0]["bodies"], 8);
    assert_eq!(rows[0]["activeMembers"], 2);
    assert_eq!(rows[0]["councilStatus"], "ACTIVE");
    assert!(rows[0]["lastActivity"].is_string());
    assert_eq!(rows[1]["councilStatus"], Value::Null);

    let without =
        overview("{ stateOverview(federalState: SN, council: NONE) { municipality { name } } }")
            .await;
    assert_eq!(
        without["data"]["stateOverview"].as_array().map(Vec::len),
        Some(2),
        "{without}"
    );
    let searched = overview(
        "{ stateOverview(federalState: SN, search: \"zwick\") { municipality { name } } }",
    )
    .await;
    assert_eq!(
        searched["data"]["stateOverview"][0]["municipality"]["name"],
        "Zwickau"
    );

    let csv = overview("{ stateOverviewCsv(federalState: SN) }").await;
    let csv = csv["data"]["stateOverviewCsv"].as_str().expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("\u{feff}Kommune;AGS;Einwohner;Präventionsrat"),
        "{csv}"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Zwickau;14524330;50000;aktiv;zwickau;8;2;")),
        "{csv}"
    );

    // Without a Land: every municipality, for the operator only.
    let everything = app
        .admin("{ stateOverview { municipality { name } } }", json!({}))
        .await;
    assert_eq!(
        everything["data"]["stateOverview"].as_array().map(Vec::len),
        Some(4),
        "{everything}"
    );
    let not_for_offices = app
        .in_session(&sn, "{ stateOverview { bodies } }", json!({}))
        .await;
    assert_eq!(
        error_code(&not_for_offices),
        Some("FORBIDDEN"),
        "{not_for_offices}"
    );

    // Another Land's office gets nothing of Saxony, also not by asking for it.
    let foreign = app
        .in_session(
            &st,
            "{ stateOverview(federalState: SN) { bodies } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&foreign), Some("FORBIDDEN"), "{foreign}");
    let own = app
        .in_session(
            &st,
            "{ stateOverview(federalState: ST) { municipality { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        own["data"]["stateOverview"].as_array().map(Vec::len),
        Some(1),
        "{own}"
    );
}

async fn funding_programmes_are_published_by_the_lands_office(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let sn = office(&app, &sink, "SN").await;
    let st = office(&app, &sink, "ST").await;
    let save = "mutation($id: ID, $i: FundingProgrammeInput!) { saveFundingProgramme(id: $id, input: $i) { id name totalBudget fieldsOfAction } }";
    let input = json!({ "federalState": "SN", "name": "Allianz Sichere Sächsische Kommunen (ASSKOMM)", "provider": "Landespräventionsrat Sachsen",
                        "totalBudget": 1_300_000, "yearlyBudget": 1_300_000, "fieldsOfAction": ["Graffiti", "Vermüllung", "Gewalt", "Extremismus", "Drogenmissbrauch"],
                        "minAmount": 5000, "maxAmount": 100_000, "fundingRatePercent": 80, "deadline": "2027-03-31" });
    let published = app.in_session(&sn, save, json!({ "i": input })).await;
    let id = published["data"]["saveFundingProgramme"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(
        published["data"]["saveFundingProgramme"]["fieldsOfAction"][0],
        "Graffiti"
    );

    // Everyone reads it; only Saxony's office (or the operator) changes it.
    let public = app
        .query(
            "{ fundingProgrammes(federalState: SN) { name maxAmount deadline } }",
            json!({}),
        )
        .await;
    assert_eq!(
        public["data"]["fundingProgrammes"][0]["maxAmount"], 100_000,
        "{public}"
    );
    let mut changed = input.clone();
    changed["totalBudget"] = json!(1_400_000);
    let updated = app
        .in_session(&sn, save, json!({ "id": id, "i": changed }))
        .await;
    assert_eq!(
        updated["data"]["saveFundingProgramme"]["totalBudget"], 1_400_000,
        "{updated}"
    );
    let other_land = app.in_session(&st, save, json!({ "i": input })).await;
    assert_eq!(error_code(&other_land), Some("FORBIDDEN"), "{other_land}");

    // Bad amounts are refused at their field.
    let mut bad = input.clone();
    bad["minAmount"] = json!(200_000);
    let refused = app.in_session(&sn, save, json!({ "i": bad })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "minAmount");
}

/// Meetings held in the twelve months up to today count; older, future and called-off ones
/// do not.
async fn the_overview_counts_the_meetings_of_the_last_twelve_months(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let _leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let applied = app
        .admin("mutation($m: ID!) { applyStructureTemplate(municipalityId: $m, templateId: \"zwickau\") { structure { bodies { id } } } }", json!({ "m": zwickau }))
        .await;
    let body = applied["data"]["applyStructureTemplate"]["structure"]["bodies"][0]["id"].clone();
    let today = chrono::Utc::now().date_naive();
    let save = "mutation($m: ID!, $b: ID!, $d: NaiveDate!, $s: MeetingStatus!) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: $d, status: $s }) { id } }";
    for (days_ago, cancelled) in [
        (30, false),
        (364, false),
        (400, false),
        (-30, false),
        (10, true),
    ] {
        let date = today - chrono::Duration::days(days_ago);
        let body = app
            .admin(
                save,
                json!({ "m": zwickau, "b": body, "d": date.to_string(), "s": if cancelled { "CALLED_OFF" } else { "HELD" } }),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let overview = app
        .admin("{ stateOverview(federalState: SN, sort: MEETINGS, descending: true) { municipality { name } meetingsLastYear } }", json!({}))
        .await;
    assert_eq!(
        overview["data"]["stateOverview"],
        json!([{ "municipality": { "name": "Zwickau" }, "meetingsLastYear": 2 },
               { "municipality": { "name": "Leipzig" }, "meetingsLastYear": 0 }]),
        "{overview}"
    );
}

on_both_databases!(
    the_overview_counts_the_meetings_of_the_last_twelve_months,
    funding_programmes_are_published_by_the_lands_office,
    a_state_office_onboards_a_municipality_until_its_council_is_active,
    the_overview_shows_a_land_sorted_filtered_and_as_csv
);
