//! Funding applications against a programme's budget, and the state office's offers of advice,
//! training and coaching, on SQLite and PostgreSQL. Two Länder, several municipalities. Who may
//! call what in general is in `tests/authorization.rs`; here are the rules.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{TestApp, config_with_mail, error_code, error_message, returned_id};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const APPLY: &str = "mutation($m: ID!, $i: FundingApplicationInput!) { applyForFunding(municipalityId: $m, input: $i) { id status statusLabel fundingYear municipalityName programmeName } }";
const DECIDE: &str = "mutation($m: ID!, $id: ID!, $i: FundingDecisionInput!) { decideFundingApplication(municipalityId: $m, id: $id, input: $i) { id status grantedAmount decidedOn reportDue } }";
const BUDGET: &str = "query($id: ID!) { fundingProgramme(id: $id) { budget { total committed remaining years { year committed remaining } } applications { projectTitle municipalityName status } } }";

/// Saxony's and Saxony-Anhalt's offices, Zwickau and Leipzig (SN) with an administrator each,
/// Halle (ST).
struct Lands {
    app: TestApp,
    sn: String,
    st: String,
    zwickau: String,
    leipzig: String,
    halle: String,
    zwickau_admin: String,
    leipzig_admin: String,
}

async fn lands(db: TestDatabase) -> Lands {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let zwickau = app.create_municipality("Zwickau", "14524330", "SN").await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let mut sessions = Vec::new();
    for (email, role) in [
        (
            "lpr@sachsen.test",
            json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
        ),
        (
            "lpr@sachsen-anhalt.test",
            json!({ "role": "STATE_OFFICE", "federalState": "ST" }),
        ),
        (
            "kpr@zwickau.test",
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": zwickau }),
        ),
        (
            "kpr@leipzig.test",
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig }),
        ),
    ] {
        sessions.push(app.onboard(&sink, email, role, PASSWORD).await);
    }
    let [sn, st, zwickau_admin, leipzig_admin] = sessions.try_into().expect("four sessions");
    Lands {
        app,
        sn,
        st,
        zwickau,
        leipzig,
        halle,
        zwickau_admin,
        leipzig_admin,
    }
}

/// Publishes a programme as `cookie` and returns its id.
async fn programme(app: &TestApp, cookie: &str, input: Value) -> String {
    let body = app
        .in_session(
            cookie,
            "mutation($i: FundingProgrammeInput!) { saveFundingProgramme(input: $i) { id } }",
            json!({ "i": input }),
        )
        .await;
    returned_id(&body).unwrap_or_else(|| panic!("programme: {body}"))
}

async fn applications_are_granted_within_the_budget(db: TestDatabase) {
    let l = lands(db).await;
    let app = &l.app;
    let asskomm = programme(
        app,
        &l.sn,
        json!({ "federalState": "SN", "name": "ASSKOMM", "provider": "Landespräventionsrat Sachsen",
                "totalBudget": 100_000, "yearlyBudget": 60_000, "minAmount": 5_000, "maxAmount": 50_000 }),
    )
    .await;
    let anhalt = programme(
        app,
        &l.st,
        json!({ "federalState": "ST", "name": "Landesprogramm ST", "provider": "LPR ST", "totalBudget": 10_000 }),
    )
    .await;
    let apply = |cookie: &str, m: &str, title: &str, year: i32, amount: i64, p: &str| {
        let vars = json!({ "m": m, "i": { "programmeId": p, "projectTitle": title, "fundingYear": year, "requestedAmount": amount } });
        let cookie = cookie.to_owned();
        async move { app.in_session(&cookie, APPLY, vars).await }
    };

    // A municipality applies; the programme's rules are checked at their fields.
    let graffiti = apply(
        &l.zwickau_admin,
        &l.zwickau,
        "Graffiti-Prävention",
        2026,
        40_000,
        &asskomm,
    )
    .await;
    assert_eq!(
        graffiti["data"]["applyForFunding"]["status"], "REQUESTED",
        "{graffiti}"
    );
    assert_eq!(
        graffiti["data"]["applyForFunding"]["statusLabel"],
        "beantragt"
    );
    assert_eq!(
        graffiti["data"]["applyForFunding"]["programmeName"],
        "ASSKOMM"
    );
    let graffiti = returned_id(&graffiti).expect("id");
    let too_much = apply(
        &l.zwickau_admin,
        &l.zwickau,
        "Zu groß",
        2026,
        60_000,
        &asskomm,
    )
    .await;
    assert_eq!(error_code(&too_much), Some("VALIDATION"), "{too_much}");
    assert_eq!(
        too_much["errors"][0]["extensions"]["field"],
        "requestedAmount"
    );
    assert_eq!(
        error_message(&too_much),
        "Das Programm fördert Beträge von 5.000 € bis 50.000 €."
    );
    let other_land = apply(
        &l.zwickau_admin,
        &l.zwickau,
        "Falsches Land",
        2026,
        5_000,
        &anhalt,
    )
    .await;
    assert_eq!(error_code(&other_land), Some("VALIDATION"), "{other_land}");
    assert_eq!(
        error_message(&other_land),
        "Das steht nur Kommunen in Sachsen-Anhalt offen."
    );
    let nothing = apply(&l.zwickau_admin, &l.zwickau, "Nichts", 2026, 0, &asskomm).await;
    assert_eq!(
        nothing["errors"][0]["extensions"]["field"], "requestedAmount",
        "{nothing}"
    );
    let untitled = apply(&l.zwickau_admin, &l.zwickau, "  ", 2026, 5_000, &asskomm).await;
    assert_eq!(
        untitled["errors"][0]["extensions"]["field"], "projectTitle",
        "{untitled}"
    );

    let youth = apply(
        &l.leipzig_admin,
        &l.leipzig,
        "Jugendgewalt",
        2026,
        30_000,
        &asskomm,
    )
    .await;
    let youth = returned_id(&youth).expect("id");
    let later = apply(
        &l.leipzig_admin,
        &l.leipzig,
        "Drogenprävention",
        2027,
        45_000,
        &asskomm,
    )
    .await;
    let later = returned_id(&later).expect("id");

    // The office grants; the yearly budget (60,000) then has 20,000 left for 2026.
    let decide = |cookie: &str, m: &str, id: &str, input: Value| {
        let vars = json!({ "m": m, "id": id, "i": input });
        let cookie = cookie.to_owned();
        async move { app.in_session(&cookie, DECIDE, vars).await }
    };
    let granted = decide(&l.sn, &l.zwickau, &graffiti, json!({ "verdict": "GRANT", "grantedAmount": 40_000, "decidedOn": "2026-11-20", "reportDue": "2027-06-30" })).await;
    assert_eq!(
        granted["data"]["decideFundingApplication"]["status"], "GRANTED",
        "{granted}"
    );
    assert_eq!(
        granted["data"]["decideFundingApplication"]["reportDue"],
        "2027-06-30"
    );
    let beyond_year = decide(
        &l.sn,
        &l.leipzig,
        &youth,
        json!({ "verdict": "GRANT", "grantedAmount": 30_000 }),
    )
    .await;
    assert_eq!(error_code(&beyond_year), Some("CONFLICT"), "{beyond_year}");
    assert_eq!(
        beyond_year["errors"][0]["extensions"]["field"],
        "grantedAmount"
    );
    assert_eq!(
        error_message(&beyond_year),
        "Die Bewilligung von 30.000 € übersteigt das Budget von „ASSKOMM“ für 2026: von 60.000 € sind nur noch 20.000 € frei."
    );
    let above_request = decide(
        &l.sn,
        &l.leipzig,
        &youth,
        json!({ "verdict": "GRANT", "grantedAmount": 35_000 }),
    )
    .await;
    assert_eq!(
        error_code(&above_request),
        Some("VALIDATION"),
        "{above_request}"
    );
    let no_amount = decide(&l.sn, &l.leipzig, &youth, json!({ "verdict": "GRANT" })).await;
    assert_eq!(
        no_amount["errors"][0]["extensions"]["field"], "grantedAmount",
        "{no_amount}"
    );
    // The municipality records the decision it received: part of what it asked for.
    let part = decide(
        &l.leipzig_admin,
        &l.leipzig,
        &youth,
        json!({ "verdict": "GRANT", "grantedAmount": 20_000, "note": "Bescheid vom 19.11." }),
    )
    .await;
    assert_eq!(
        part["data"]["decideFundingApplication"]["grantedAmount"], 20_000,
        "{part}"
    );
    assert!(part["data"]["decideFundingApplication"]["decidedOn"].is_string());
    let again = decide(&l.sn, &l.leipzig, &youth, json!({ "verdict": "REJECT" })).await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
    // 2027 has its own yearly budget, but the total (100,000) has only 40,000 left.
    let beyond_total = decide(
        &l.sn,
        &l.leipzig,
        &later,
        json!({ "verdict": "GRANT", "grantedAmount": 45_000 }),
    )
    .await;
    assert_eq!(
        error_message(&beyond_total),
        "Die Bewilligung von 45.000 € übersteigt das Budget von „ASSKOMM“: von 100.000 € sind nur noch 40.000 € frei.",
        "{beyond_total}"
    );
    let rejected = decide(
        &l.sn,
        &l.leipzig,
        &later,
        json!({ "verdict": "REJECT", "note": "Nicht förderfähig" }),
    )
    .await;
    assert_eq!(
        rejected["data"]["decideFundingApplication"]["status"], "REJECTED",
        "{rejected}"
    );

    // The budget and the applications as the office and a city see them.
    let budget = app
        .in_session(&l.sn, BUDGET, json!({ "id": asskomm }))
        .await;
    let programme = &budget["data"]["fundingProgramme"];
    assert_eq!(
        programme["budget"],
        json!({ "total": 100_000, "committed": 60_000, "remaining": 40_000,
                "years": [{ "year": 2026, "committed": 60_000, "remaining": 0 }] }),
        "{budget}"
    );
    assert_eq!(programme["applications"].as_array().map(Vec::len), Some(3));
    let own = app
        .in_session(&l.zwickau_admin, BUDGET, json!({ "id": asskomm }))
        .await;
    assert_eq!(
        own["data"]["fundingProgramme"]["applications"],
        json!([{ "projectTitle": "Graffiti-Prävention", "municipalityName": "Zwickau", "status": "GRANTED" }]),
        "a city sees its own applications only: {own}"
    );
    let foreign_office = app
        .in_session(&l.st, BUDGET, json!({ "id": asskomm }))
        .await;
    assert_eq!(
        foreign_office["data"]["fundingProgramme"]["applications"],
        json!([]),
        "another Land's office sees none: {foreign_office}"
    );
    let anonymous = app.query(BUDGET, json!({ "id": asskomm })).await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );
    // The list of programmes reads budgets and applications for all its programmes at once;
    // each programme's answer is the same as when it is asked for alone, for every reader.
    let list = "{ fundingProgrammes { id budget { total committed remaining years { year committed remaining } } applications { projectTitle municipalityName status } } }";
    for cookie in [&l.sn, &l.st, &l.zwickau_admin, &l.leipzig_admin] {
        let listed = app.in_session(cookie, list, json!({})).await;
        let programmes = listed["data"]["fundingProgrammes"]
            .as_array()
            .unwrap_or_else(|| panic!("{listed}"));
        assert_eq!(programmes.len(), 2, "{listed}");
        for listed in programmes {
            let alone = app
                .in_session(cookie, BUDGET, json!({ "id": listed["id"] }))
                .await;
            let alone = &alone["data"]["fundingProgramme"];
            assert_eq!(listed["budget"], alone["budget"], "{listed} / {alone}");
            assert_eq!(
                listed["applications"], alone["applications"],
                "{listed} / {alone}"
            );
        }
    }

    // Reporting the use of funds, and withdrawing.
    let report = "mutation($m: ID!, $id: ID!) { reportFundingUse(municipalityId: $m, id: $id, reportedOn: \"2027-05-02\") { status reportedOn } }";
    let reported = app
        .in_session(
            &l.zwickau_admin,
            report,
            json!({ "m": l.zwickau, "id": graffiti }),
        )
        .await;
    assert_eq!(
        reported["data"]["reportFundingUse"]["status"], "REPORTED",
        "{reported}"
    );
    let not_granted = app
        .in_session(
            &l.leipzig_admin,
            report,
            json!({ "m": l.leipzig, "id": later }),
        )
        .await;
    assert_eq!(error_code(&not_granted), Some("CONFLICT"), "{not_granted}");
    let withdrawable = apply(
        &l.leipzig_admin,
        &l.leipzig,
        "Zurückgezogen",
        2027,
        5_000,
        &asskomm,
    )
    .await;
    let withdrawable = returned_id(&withdrawable).expect("id");
    let withdraw = "mutation($m: ID!, $id: ID!) { withdrawFundingApplication(municipalityId: $m, id: $id) { status } }";
    let withdrawn = app
        .in_session(
            &l.leipzig_admin,
            withdraw,
            json!({ "m": l.leipzig, "id": withdrawable }),
        )
        .await;
    assert_eq!(
        withdrawn["data"]["withdrawFundingApplication"]["status"], "WITHDRAWN",
        "{withdrawn}"
    );
    let list = app
        .in_session(
            &l.leipzig_admin,
            "query($m: ID!) { fundingApplications(municipalityId: $m) { projectTitle status } }",
            json!({ "m": l.leipzig }),
        )
        .await;
    let titles: Vec<&str> = list["data"]["fundingApplications"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["projectTitle"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["Zurückgezogen", "Drogenprävention", "Jugendgewalt"],
        "{list}"
    );

    // Another tenant's application is unknown, however it is asked for.
    for (cookie, m) in [
        (&l.zwickau_admin, &l.zwickau),
        (&l.zwickau_admin, &l.leipzig),
        (&l.st, &l.leipzig),
        (&l.st, &l.halle),
    ] {
        let foreign = decide(cookie, m, &later, json!({ "verdict": "REJECT" })).await;
        assert_eq!(error_code(&foreign), Some("NOT_FOUND"), "{foreign}");
    }

    // The Land's overview shows what each municipality was granted.
    let overview = app
        .in_session(&l.sn, "{ stateOverview(federalState: SN, sort: FUNDING_GRANTED, descending: true) { municipality { name } fundingGranted } }", json!({}))
        .await;
    assert_eq!(
        overview["data"]["stateOverview"],
        json!([{ "municipality": { "name": "Zwickau" }, "fundingGranted": 40_000 },
               { "municipality": { "name": "Leipzig" }, "fundingGranted": 20_000 }]),
        "{overview}"
    );
    let csv = app
        .in_session(&l.sn, "{ stateOverviewCsv(federalState: SN) }", json!({}))
        .await;
    let csv = csv["data"]["stateOverviewCsv"].as_str().expect("csv");
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(";Bewilligte Förderung (EUR)")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Zwickau;") && l.ends_with(";40000")),
        "{csv}"
    );
}

/// Two grants at once that each fit the budget, but not both: exactly one is granted.
async fn concurrent_grants_never_overspend(db: TestDatabase) {
    let l = lands(db).await;
    let app = &l.app;
    let small = programme(
        app,
        &l.sn,
        json!({ "federalState": "SN", "name": "Kleiner Topf", "provider": "LPR", "totalBudget": 50_000 }),
    )
    .await;
    let mut ids = Vec::new();
    for (cookie, m) in [
        (&l.zwickau_admin, &l.zwickau),
        (&l.leipzig_admin, &l.leipzig),
    ] {
        let body = app
            .in_session(cookie, APPLY, json!({ "m": m, "i": { "programmeId": small, "projectTitle": "Projekt", "requestedAmount": 30_000 } }))
            .await;
        ids.push(returned_id(&body).unwrap_or_else(|| panic!("{body}")));
    }
    for round in 0..3 {
        let grant = |m: &str, id: &str| {
            let vars =
                json!({ "m": m, "id": id, "i": { "verdict": "GRANT", "grantedAmount": 30_000 } });
            let cookie = l.sn.clone();
            async move { app.in_session(&cookie, DECIDE, vars).await }
        };
        let (a, b) = tokio::join!(grant(&l.zwickau, &ids[0]), grant(&l.leipzig, &ids[1]));
        let codes = [error_code(&a), error_code(&b)];
        if round == 0 {
            let granted = codes.iter().filter(|c| c.is_none()).count();
            assert_eq!(granted, 1, "exactly one grant fits: {a} {b}");
            assert!(codes.contains(&Some("CONFLICT")), "{a} {b}");
        } else {
            // Later rounds: the granted one is decided, the other still does not fit.
            assert!(codes.iter().all(|c| *c == Some("CONFLICT")), "{a} {b}");
        }
    }
    let budget = app.in_session(&l.sn, BUDGET, json!({ "id": small })).await;
    assert_eq!(
        budget["data"]["fundingProgramme"]["budget"]["committed"], 30_000,
        "{budget}"
    );
}

async fn offers_are_requested_and_answered(db: TestDatabase) {
    let l = lands(db).await;
    let app = &l.app;
    let save = "mutation($id: ID, $i: SupportOfferInput!) { saveSupportOffer(id: $id, input: $i) { id kind kindLabel active } }";
    let coaching = json!({ "federalState": "SN", "kind": "COACHING", "title": "Coaching zur Gründung", "contact": "Geschäftsstelle LPR" });
    let offer = app.in_session(&l.sn, save, json!({ "i": coaching })).await;
    assert_eq!(
        offer["data"]["saveSupportOffer"]["kindLabel"], "Coaching",
        "{offer}"
    );
    let offer = returned_id(&offer).expect("offer");
    let not_theirs = app.in_session(&l.st, save, json!({ "i": coaching })).await;
    assert_eq!(error_code(&not_theirs), Some("FORBIDDEN"), "{not_theirs}");
    let takeover = app.in_session(&l.st, save, json!({ "id": offer, "i": { "federalState": "ST", "kind": "ADVICE", "title": "Übernahme" } })).await;
    assert_eq!(error_code(&takeover), Some("NOT_FOUND"), "{takeover}");
    let anhalt = app
        .in_session(
            &l.st,
            save,
            json!({ "i": { "federalState": "ST", "kind": "TRAINING", "title": "Fortbildung ST" } }),
        )
        .await;
    let anhalt = returned_id(&anhalt).expect("offer");
    let closed = app
        .in_session(&l.sn, save, json!({ "i": { "federalState": "SN", "kind": "ADVICE", "title": "Ausgebucht", "active": false } }))
        .await;
    let closed = returned_id(&closed).expect("offer");
    let public = app
        .query(
            "{ supportOffers(federalState: SN) { title active } }",
            json!({}),
        )
        .await;
    assert_eq!(
        public["data"]["supportOffers"].as_array().map(Vec::len),
        Some(2),
        "{public}"
    );

    let request = "mutation($m: ID!, $o: ID!) { requestSupport(municipalityId: $m, offerId: $o, message: \"Wir gründen 2027\") { id status offer { title } } }";
    let asked = app
        .in_session(
            &l.zwickau_admin,
            request,
            json!({ "m": l.zwickau, "o": offer }),
        )
        .await;
    assert_eq!(
        asked["data"]["requestSupport"]["status"], "REQUESTED",
        "{asked}"
    );
    let asked = returned_id(&asked).expect("request");
    let wrong_land = app
        .in_session(
            &l.zwickau_admin,
            request,
            json!({ "m": l.zwickau, "o": anhalt }),
        )
        .await;
    assert_eq!(
        error_message(&wrong_land),
        "Das steht nur Kommunen in Sachsen-Anhalt offen.",
        "{wrong_land}"
    );
    let inactive = app
        .in_session(
            &l.zwickau_admin,
            request,
            json!({ "m": l.zwickau, "o": closed }),
        )
        .await;
    assert_eq!(
        error_message(&inactive),
        "Dieses Angebot nimmt keine neuen Anfragen an.",
        "{inactive}"
    );

    // An offer with requests stays in its Land (moved, the requests would name a foreign
    // offer); one without moves.
    let moved = app
        .admin(save, json!({ "id": offer, "i": { "federalState": "ST", "kind": "COACHING", "title": "Coaching zur Gründung" } }))
        .await;
    assert_eq!(error_code(&moved), Some("CONFLICT"), "{moved}");
    assert_eq!(
        moved["errors"][0]["extensions"]["field"], "federalState",
        "{moved}"
    );
    let unrequested = app
        .admin(save, json!({ "id": closed, "i": { "federalState": "ST", "kind": "ADVICE", "title": "Ausgebucht", "active": false } }))
        .await;
    assert!(unrequested["errors"].is_null(), "{unrequested}");

    // The office follows every request of its Land and answers; the city reads the answer.
    let state = "query($s: FederalState!) { stateSupportRequests(federalState: $s) { id municipalityName message status } }";
    let seen = app.in_session(&l.sn, state, json!({ "s": "SN" })).await;
    assert_eq!(
        seen["data"]["stateSupportRequests"],
        json!([{ "id": asked, "municipalityName": "Zwickau", "message": "Wir gründen 2027", "status": "REQUESTED" }]),
        "{seen}"
    );
    let foreign = app.in_session(&l.st, state, json!({ "s": "SN" })).await;
    assert_eq!(error_code(&foreign), Some("FORBIDDEN"), "{foreign}");
    let own = app.in_session(&l.st, state, json!({ "s": "ST" })).await;
    assert_eq!(own["data"]["stateSupportRequests"], json!([]), "{own}");

    let answer = "mutation($m: ID!, $id: ID!) { answerSupportRequest(municipalityId: $m, id: $id, input: { status: SCHEDULED, scheduledOn: \"2026-12-10\", note: \"Termin im Rathaus\" }) { status scheduledOn } }";
    for (cookie, m) in [
        (&l.st, &l.zwickau),
        (&l.leipzig_admin, &l.zwickau),
        (&l.leipzig_admin, &l.leipzig),
    ] {
        let foreign = app
            .in_session(cookie, answer, json!({ "m": m, "id": asked }))
            .await;
        assert_eq!(error_code(&foreign), Some("NOT_FOUND"), "{foreign}");
    }
    // A city reads its requests but answers none.
    let own_city = app
        .in_session(
            &l.zwickau_admin,
            answer,
            json!({ "m": l.zwickau, "id": asked }),
        )
        .await;
    assert_eq!(error_code(&own_city), Some("FORBIDDEN"), "{own_city}");
    let answered = app
        .in_session(&l.sn, answer, json!({ "m": l.zwickau, "id": asked }))
        .await;
    assert_eq!(
        answered["data"]["answerSupportRequest"]["status"], "SCHEDULED",
        "{answered}"
    );
    let city_view = app
        .in_session(&l.zwickau_admin, "query($m: ID!) { supportRequests(municipalityId: $m) { statusLabel scheduledOn officeNote } }", json!({ "m": l.zwickau }))
        .await;
    assert_eq!(
        city_view["data"]["supportRequests"],
        json!([{ "statusLabel": "terminiert", "scheduledOn": "2026-12-10", "officeNote": "Termin im Rathaus" }]),
        "{city_view}"
    );
    let other_city = app
        .in_session(
            &l.leipzig_admin,
            "query($m: ID!) { supportRequests(municipalityId: $m) { id } }",
            json!({ "m": l.zwickau }),
        )
        .await;
    assert_eq!(error_code(&other_city), Some("NOT_FOUND"), "{other_city}");
}

on_both_databases!(
    applications_are_granted_within_the_budget,
    concurrent_grants_never_overspend,
    offers_are_requested_and_answered
);
