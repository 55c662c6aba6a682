//! The prevention cycle through the GraphQL API, on SQLite and PostgreSQL: a hot spot and a
//! citizens' demand from a survey lead to a goal and a project with indicators and funding,
//! measured values, an evaluation and a good practice for the network; the deadlines and the
//! strands at a glance; the bad input each refuses; who sees and changes what; and another
//! tenant's ids, answered like unknown ones.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, config_with_mail, error_code, error_message, link_token};

const CYCLE: &str = "summary { analysisYear analysis { records open } demands { records open }
      resources { records open } strategy { records open } projects { records open }
      evaluation { records open } }
    actionFields { id code name }
    figures { id year area kind kindLabel category value unit source public editable }
    hotSpots { id year name address latitude longitude reasons public editable }
    demands { id title sourceKind sourceKindLabel source hotSpotId responsibleBodyName responsible
      status statusLabel dueOn overdue public editable }
    inventory { id kind name actionFieldId catalogueOfferId assessment assessmentLabel editable }
    goals { id title what how place demandId actionFieldId adoptingBodyName adoptedOn public editable }
    projects { id title goalId ownerBodyName partners { name } budgetEuros status statusLabel
      funding { programmeName requestedAmount }
      indicators { id name unit baseline target progressPercent reached values { id on value } }
      milestones { id kind title dueOn overdue } evaluatedOn evaluation practiceId public editable }
    deadlines { kind kindLabel title dueOn overdue responsible }
    canRecord canManage";

fn read() -> String {
    format!("query($m: ID!) {{ preventionCycle(municipalityId: $m) {{ {CYCLE} }} }}")
}

/// A mutation `name(municipalityId: $m, id: $id, input: $i)` answering the cycle.
fn save(name: &str, input: &str) -> String {
    format!(
        "mutation($m: ID!, $id: ID, $i: {input}!) {{ {name}(municipalityId: $m, id: $id, input: $i) {{ {CYCLE} }} }}"
    )
}

fn delete(name: &str) -> String {
    format!("mutation($m: ID!, $id: ID!) {{ {name}(municipalityId: $m, id: $id) {{ {CYCLE} }} }}")
}

const MEASURE: &str = "mutation($m: ID!, $i: ID!, $on: NaiveDate!, $v: Float!) { recordMeasurement(municipalityId: $m, indicatorId: $i, on: $on, value: $v) { projects { id indicators { id values { id value } progressPercent reached } } } }";
const EVALUATE: &str = "mutation($m: ID!, $id: ID!, $e: EvaluationInput!) { evaluateProject(municipalityId: $m, id: $id, input: $e) { projects { id status evaluatedOn evaluation } summary { evaluation { records open } } } }";
const PRACTICE: &str =
    "mutation($m: ID!, $id: ID!) { practiceFromProject(municipalityId: $m, id: $id) }";

fn days(n: i64) -> String {
    (today() + chrono::Duration::days(n)).to_string()
}

fn ok<'a>(answer: &'a Value, field: &str) -> &'a Value {
    assert!(answer["errors"].is_null(), "{answer}");
    &answer["data"][field]
}

/// The record of `list` in `cycle` whose `key` is `value`.
fn find<'a>(cycle: &'a Value, list: &str, key: &str, value: &str) -> &'a Value {
    cycle[list]
        .as_array()
        .and_then(|l| l.iter().find(|r| r[key] == value))
        .unwrap_or_else(|| panic!("no {list} with {key} {value} in {cycle}"))
}

fn id(record: &Value) -> String {
    record["id"].as_str().expect("id").to_owned()
}

/// Records a whole chain in `city` as the administrator: field of action, figure, hot spot,
/// demand, goal, and a project with two indicators; answers the ids by kind.
async fn chain(app: &TestApp, city: &str, owner: Option<&str>) -> Value {
    let field = app
        .admin(
            &save("saveActionField", "ActionFieldInput"),
            json!({ "m": city, "i": { "code": "I", "name": "Sicherheit im öffentlichen Raum" } }),
        )
        .await;
    let field = id(&ok(&field, "saveActionField")["actionFields"][0]);
    let figure = app
        .admin(
            &save("saveSafetyFigure", "SafetyFigureInput"),
            json!({ "m": city, "i": { "year": 2025, "area": "Innenstadt", "kind": "CRIME", "category": "Straßenkriminalität", "value": 412, "unit": "Fälle", "source": "Polizeiliche Kriminalstatistik 2025" } }),
        )
        .await;
    let figure = id(&ok(&figure, "saveSafetyFigure")["figures"][0]);
    let spot = app
        .admin(
            &save("saveHotSpot", "HotSpotInput"),
            json!({ "m": city, "i": { "year": 2025, "name": "Hallmarkt", "address": "Hallmarkt, 06108 Halle (Saale)", "latitude": 51.4827, "longitude": 11.9695, "reasons": "Dunkle Wege, Angst am Abend", "public": true } }),
        )
        .await;
    let spot = id(&ok(&spot, "saveHotSpot")["hotSpots"][0]);
    let demand = app
        .admin(
            &save("saveDemand", "DemandInput"),
            json!({ "m": city, "i": { "title": "Bessere Beleuchtung am Hallmarkt", "sourceKind": "SURVEY", "source": "Bürgerbefragung 2025", "hotSpotId": spot, "responsible": "Ordnungsamt", "dueOn": days(20), "public": true } }),
        )
        .await;
    let demand = id(&ok(&demand, "saveDemand")["demands"][0]);
    let goal = app
        .admin(
            &save("saveGoal", "GoalInput"),
            json!({ "m": city, "i": { "title": "Angsträume entschärfen", "what": "Weniger Angst am Abend", "how": "Licht und Präsenz", "place": "Innenstadt", "demandId": demand, "actionFieldId": field } }),
        )
        .await;
    let goal = id(&ok(&goal, "saveGoal")["goals"][0]);
    let project = app
        .admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": city, "i": { "title": "Lichtkonzept Hallmarkt", "goalId": goal, "ownerBodyId": owner, "startsOn": days(-200), "status": "RUNNING",
                "indicators": [
                    { "name": "Anteil, die sich abends sicher fühlen", "unit": "%", "baseline": 40, "target": 60 },
                    { "name": "Straftaten am Platz", "unit": "Fälle", "baseline": 120, "target": 90 } ],
                "milestones": [ { "kind": "INTERIM_REPORT", "title": "Zwischenbericht an den Stadtrat", "dueOn": days(-3) } ] } }),
        )
        .await;
    let cycle = ok(&project, "saveProject");
    let project = &cycle["projects"][0];
    json!({ "field": field, "figure": figure, "spot": spot, "demand": demand, "goal": goal,
            "project": id(project), "indicator": id(&project["indicators"][0]),
            "indicator2": id(&project["indicators"][1]),
            "milestone": id(&project["milestones"][0]) })
}

async fn a_hot_spot_becomes_a_project_that_is_evaluated_and_shared(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id(body(&s, "AG Sicherheit für ältere Menschen"));
    let partner = change(
        &app,
        ORGANISATION,
        json!({ "m": city, "i": { "name": "Stadtwerke Musterstadt", "sector": "BUSINESS" } }),
    )
    .await;
    let ids = chain(&app, &city, Some(&group)).await;
    let (project, indicator, indicator2) = (
        ids["project"].as_str().expect("project"),
        ids["indicator"].as_str().expect("indicator"),
        ids["indicator2"].as_str().expect("indicator"),
    );

    // Funded by an application to the Land's programme, with a partner.
    let programme = app
        .admin(
            "mutation($i: FundingProgrammeInput!) { saveFundingProgramme(input: $i) { id } }",
            json!({ "i": { "federalState": "SN", "name": "Förderrichtlinie Prävention", "provider": "Landespräventionsrat Sachsen", "totalBudget": 100000 } }),
        )
        .await;
    let programme = support::returned_id(&programme).expect("programme");
    let application = app
        .admin(
            "mutation($m: ID!, $i: FundingApplicationInput!) { applyForFunding(municipalityId: $m, input: $i) { id } }",
            json!({ "m": city, "i": { "programmeId": programme, "projectTitle": "Lichtkonzept", "requestedAmount": 12000 } }),
        )
        .await;
    let application = support::returned_id(&application).expect("application");
    let cycle = app.admin(&read(), json!({ "m": city })).await;
    let cycle = ok(&cycle, "preventionCycle").clone();
    let current = find(&cycle, "projects", "id", project);
    let mut indicators: Vec<Value> = current["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| json!({ "id": i["id"], "name": i["name"], "unit": i["unit"], "baseline": i["baseline"], "target": i["target"] }))
        .collect();
    indicators[1]["target"] = json!(80);
    let saved = app
        .admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": city, "id": project, "i": { "title": "Lichtkonzept Hallmarkt", "goalId": ids["goal"], "ownerBodyId": group,
                "partnerIds": [partner], "applicationId": application, "budgetEuros": 15000, "startsOn": days(-200), "status": "RUNNING",
                "indicators": indicators,
                "milestones": [ { "id": ids["milestone"], "kind": "INTERIM_REPORT", "title": "Zwischenbericht an den Stadtrat", "dueOn": days(-3) },
                                { "title": "Leuchten montiert", "dueOn": days(10) } ] } }),
        )
        .await;
    let cycle = ok(&saved, "saveProject").clone();
    let p = find(&cycle, "projects", "id", project);
    assert_eq!(p["partners"], json!([{ "name": "Stadtwerke Musterstadt" }]));
    assert_eq!(p["funding"]["programmeName"], "Förderrichtlinie Prävention");
    assert_eq!(p["indicators"][1]["target"], 80.0);
    assert_eq!(p["indicators"][0]["id"], indicator, "kept its id");
    assert_eq!(p["ownerBodyName"], "AG Sicherheit für ältere Menschen");

    // The deadlines: the overdue interim report first, then the milestone and the demand.
    let kinds: Vec<&str> = cycle["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .map(|d| d["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["INTERIM_REPORT", "MILESTONE", "DEMAND"], "{cycle}");
    assert_eq!(cycle["deadlines"][0]["overdue"], true);
    assert_eq!(cycle["deadlines"][0]["kindLabel"], "Zwischenbericht");
    assert_eq!(
        cycle["deadlines"][0]["responsible"],
        "AG Sicherheit für ältere Menschen"
    );
    assert_eq!(cycle["deadlines"][2]["responsible"], "Ordnungsamt");

    // The interim report is handed in; a day to come is refused.
    let complete = "mutation($m: ID!, $id: ID!, $on: NaiveDate!) { completeMilestone(municipalityId: $m, id: $id, doneOn: $on) { deadlines { kind } projects { milestones { id doneOn overdue } } } }";
    let future = app
        .admin(
            complete,
            json!({ "m": city, "id": ids["milestone"], "on": days(1) }),
        )
        .await;
    assert_eq!(
        future["errors"][0]["extensions"]["field"], "doneOn",
        "{future}"
    );
    let done = app
        .admin(
            complete,
            json!({ "m": city, "id": ids["milestone"], "on": days(0) }),
        )
        .await;
    let done = ok(&done, "completeMilestone");
    assert_eq!(
        done["deadlines"].as_array().map(Vec::len),
        Some(2),
        "{done}"
    );
    // The demand is taken up, then done: it leaves the deadlines.
    let status = "mutation($m: ID!, $id: ID!, $s: DemandStatus!) { setDemandStatus(municipalityId: $m, id: $id, status: $s) { deadlines { kind } demands { statusLabel } summary { demands { records open } } } }";
    let taken = app
        .admin(
            status,
            json!({ "m": city, "id": ids["demand"], "s": "IN_PROGRESS" }),
        )
        .await;
    assert_eq!(
        ok(&taken, "setDemandStatus")["demands"][0]["statusLabel"],
        "in Bearbeitung"
    );
    let finished = app
        .admin(
            status,
            json!({ "m": city, "id": ids["demand"], "s": "DONE" }),
        )
        .await;
    let finished = ok(&finished, "setDemandStatus");
    assert_eq!(finished["deadlines"], json!([{ "kind": "MILESTONE" }]));
    assert_eq!(
        finished["summary"]["demands"],
        json!({ "records": 1, "open": 0 })
    );

    // Measured values: the feeling of safety rises to 50 %, offences fall to 85.
    for (indicator, value, on) in [
        (indicator, 45.5, days(-60)),
        (indicator, 50.0, days(-5)),
        (indicator2, 85.0, days(-5)),
    ] {
        let answer = app
            .admin(
                MEASURE,
                json!({ "m": city, "i": indicator, "on": on, "v": value }),
            )
            .await;
        ok(&answer, "recordMeasurement");
    }
    let future = app
        .admin(
            MEASURE,
            json!({ "m": city, "i": indicator, "on": days(1), "v": 1 }),
        )
        .await;
    assert_eq!(error_code(&future), Some("VALIDATION"), "{future}");
    assert_eq!(future["errors"][0]["extensions"]["field"], "on");
    let cycle = app.admin(&read(), json!({ "m": city })).await;
    let cycle = ok(&cycle, "preventionCycle").clone();
    let p = find(&cycle, "projects", "id", project);
    assert_eq!(
        p["indicators"][0]["values"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(p["indicators"][0]["progressPercent"], 50);
    assert_eq!(p["indicators"][0]["reached"], false);
    // From 120 towards 80: 85 is 87 % of the way, not reached.
    assert_eq!(p["indicators"][1]["progressPercent"], 87);
    assert_eq!(
        cycle["summary"]["projects"],
        json!({ "records": 1, "open": 1 })
    );
    assert_eq!(cycle["summary"]["analysisYear"], 2025);

    // The evaluation completes the project.
    let early = app
        .admin(
            EVALUATE,
            json!({ "m": city, "id": project, "e": { "on": days(-300), "text": "Zu früh" } }),
        )
        .await;
    assert_eq!(early["errors"][0]["extensions"]["field"], "on", "{early}");
    let evaluated = app
        .admin(
            EVALUATE,
            json!({ "m": city, "id": project, "e": { "on": days(0), "text": "Sicherheitsgefühl deutlich gestiegen; Straftaten gesunken." } }),
        )
        .await;
    let evaluated = ok(&evaluated, "evaluateProject");
    assert_eq!(evaluated["projects"][0]["status"], "COMPLETED");
    assert_eq!(
        evaluated["summary"]["evaluation"],
        json!({ "records": 1, "open": 0 })
    );

    // An evaluated project stays ended.
    let reopened = app
        .admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": city, "id": project, "i": { "title": "Lichtkonzept Hallmarkt", "status": "RUNNING" } }),
        )
        .await;
    assert_eq!(
        reopened["errors"][0]["extensions"]["field"], "status",
        "{reopened}"
    );

    // An ended project has no dates to keep: its open milestone leaves the deadlines.
    let after = app.admin(&read(), json!({ "m": city })).await;
    let after = ok(&after, "preventionCycle");
    assert_eq!(after["deadlines"], json!([]), "{after}");
    assert_eq!(
        find(after, "projects", "id", project)["milestones"][1]["overdue"],
        false
    );

    // Shared with the network: a draft practice filled from the chain; asked again, the same.
    let practice = app
        .admin(PRACTICE, json!({ "m": city, "id": project }))
        .await;
    let practice = ok(&practice, "practiceFromProject")
        .as_str()
        .expect("practice id")
        .to_owned();
    let again = app
        .admin(PRACTICE, json!({ "m": city, "id": project }))
        .await;
    assert_eq!(ok(&again, "practiceFromProject"), &json!(practice));
    let draft = app
        .admin(
            "query($m: ID!) { practices(municipalityId: $m) { id title problem causes goals measures evaluation partners costs status } }",
            json!({ "m": city }),
        )
        .await;
    let draft = &ok(&draft, "practices")[0];
    assert_eq!(draft["id"], json!(practice));
    assert_eq!(draft["title"], "Lichtkonzept Hallmarkt");
    assert!(
        draft["problem"]
            .as_str()
            .is_some_and(|p| p.contains("Bessere Beleuchtung")),
        "{draft}"
    );
    assert_eq!(draft["causes"], "Dunkle Wege, Angst am Abend");
    assert!(
        draft["goals"]
            .as_str()
            .is_some_and(|g| g.contains("Ziel 60 %")),
        "{draft}"
    );
    assert_eq!(draft["partners"], "Stadtwerke Musterstadt");
    assert_eq!(draft["costs"], "15.000 €");
    assert_eq!(draft["status"], "DRAFT");
    let cycle = app.admin(&read(), json!({ "m": city })).await;
    assert_eq!(
        find(ok(&cycle, "preventionCycle"), "projects", "id", project)["practiceId"],
        json!(practice)
    );

    // Linked records stay until what builds on them goes.
    for (name, key) in [
        ("deleteHotSpot", "spot"),
        ("deleteDemand", "demand"),
        ("deleteGoal", "goal"),
        ("deleteActionField", "field"),
        ("deleteProject", "project"),
    ] {
        let refused = app
            .admin(&delete(name), json!({ "m": city, "id": ids[key] }))
            .await;
        assert_eq!(
            error_code(&refused),
            Some("VALIDATION"),
            "{name}: {refused}"
        );
        assert!(
            error_message(&refused).contains("Verknüpfungen"),
            "{refused}"
        );
    }
    let gone = app
        .admin(
            &delete("deleteSafetyFigure"),
            json!({ "m": city, "id": ids["figure"] }),
        )
        .await;
    assert_eq!(ok(&gone, "deleteSafetyFigure")["figures"], json!([]));

    // The public sees what is marked public: the hot spot and the demand, no more.
    let public = app.query(&read(), json!({ "m": city })).await;
    let public = ok(&public, "preventionCycle");
    assert_eq!(public["hotSpots"].as_array().map(Vec::len), Some(1));
    assert_eq!(public["demands"].as_array().map(Vec::len), Some(1));
    assert_eq!(public["goals"], json!([]));
    assert_eq!(public["projects"], json!([]));
    assert_eq!(public["deadlines"], json!([]));
    assert_eq!(public["canRecord"], false);
    assert_eq!(public["hotSpots"][0]["editable"], false);
}

async fn bad_input_is_refused_at_its_field(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let ids = chain(&app, &city, None).await;
    let cases = [
        (
            save("saveSafetyFigure", "SafetyFigureInput"),
            json!({ "year": 2025, "area": "Stadt", "category": "Diebstahl", "value": 1, "source": "PKS" }),
            "kind",
            "leer",
        ),
        (
            save("saveSafetyFigure", "SafetyFigureInput"),
            json!({ "year": 2025, "area": "Stadt", "kind": "SURVEY", "category": "Angst", "value": 2e13, "source": "Befragung" }),
            "value",
            "Billion",
        ),
        (
            save("saveSafetyFigure", "SafetyFigureInput"),
            json!({ "year": 1700, "area": "Stadt", "kind": "SURVEY", "category": "Angst", "value": 2, "source": "Befragung" }),
            "year",
            "1990",
        ),
        (
            save("saveHotSpot", "HotSpotInput"),
            json!({ "year": 2025, "name": "Bahnhof", "latitude": 51.0 }),
            "longitude",
            "Länge",
        ),
        (
            save("saveHotSpot", "HotSpotInput"),
            json!({ "year": 2025, "name": "Bahnhof", "latitude": 95.0, "longitude": 11.0 }),
            "latitude",
            "Breite",
        ),
        (
            save("saveDemand", "DemandInput"),
            json!({ "title": "  ", "sourceKind": "PETITION" }),
            "title",
            "leer",
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "title": "Projekt", "startsOn": "2026-05-01", "endsOn": "2026-04-01" }),
            "endsOn",
            "",
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "title": "Projekt", "budgetEuros": -5 }),
            "budgetEuros",
            "Billion",
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "title": "Projekt", "milestones": [ { "title": "Start", "dueOn": "2026-01-01", "doneOn": days(3) } ] }),
            "milestones.doneOn",
            "künftigen",
        ),
        (
            save("saveGoal", "GoalInput"),
            json!({ "title": "Ziel", "adoptedOn": "2026-01-01" }),
            "adoptingBodyId",
            "",
        ),
        (
            save("saveInventoryItem", "InventoryItemInput"),
            json!({ "name": "Streetwork" }),
            "kind",
            "",
        ),
    ];
    let before = app.admin(&read(), json!({ "m": city })).await;
    for (mutation, input, field, words) in cases {
        let answer = app.admin(&mutation, json!({ "m": city, "i": input })).await;
        assert_eq!(error_code(&answer), Some("VALIDATION"), "{input}: {answer}");
        assert_eq!(
            answer["errors"][0]["extensions"]["field"], field,
            "{answer}"
        );
        assert!(error_message(&answer).contains(words), "{answer}");
    }
    // A malformed id is refused at its field; an indicator of another project is unknown.
    let malformed = app
        .admin(
            &save("saveDemand", "DemandInput"),
            json!({ "m": city, "i": { "title": "X", "sourceKind": "OTHER", "hotSpotId": "kein-id" } }),
        )
        .await;
    assert_eq!(malformed["errors"][0]["extensions"]["field"], "hotSpotId");
    let other = app
        .admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": city, "i": { "title": "Zweites Projekt", "indicators": [ { "id": ids["indicator"], "name": "Geklaut", "baseline": 0, "target": 1 } ] } }),
        )
        .await;
    assert_eq!(error_code(&other), Some("NOT_FOUND"), "{other}");
    // Nothing of it was recorded.
    let after = app.admin(&read(), json!({ "m": city })).await;
    assert_eq!(before, after);
}

/// Signs up `name` with `role` in `body` and answers the session.
async fn member(
    app: &TestApp,
    sink: &SmtpSink,
    city: &str,
    body: &str,
    role: &str,
    name: &str,
) -> String {
    let email = format!("{}@musterstadt.test", name.to_lowercase().replace(' ', "."));
    let person = change(
        app,
        PERSON,
        json!({ "m": city, "i": { "name": name, "email": email } }),
    )
    .await;
    change(
        app,
        ADD,
        json!({ "m": city, "i": { "bodyId": body, "personId": person, "role": role, "termStart": "2026-01-01" } }),
    )
    .await;
    change(
        app,
        "mutation($m: ID!, $id: ID!) { invitePerson(municipalityId: $m, id: $id) { id } }",
        json!({ "m": city, "id": person }),
    )
    .await;
    let token = link_token(&sink.wait_for(&email).text, "/einladung#");
    let body = json!({
        "query": "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { email } }",
        "variables": { "t": token, "p": "Saalebogen-Laterne-Giebichenstein-9" }
    });
    let (_, headers, answer) = app.post_full(body, &[]).await;
    assert_eq!(
        answer["data"]["acceptInvitation"]["email"], email,
        "{answer}"
    );
    support::session_cookie(&headers).expect("session")
}

async fn members_see_the_cycle_and_leads_change_what_their_body_answers_for(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id(body(&s, "AG Diskriminierung"));
    let school = id(body(&s, "AG Schulumfeld und Freizeit"));
    let steering = id(body(&s, "Steuerungsgruppe"));
    let ids = chain(&app, &city, Some(&school)).await;
    let moderator = member(&app, &sink, &city, &group, "MODERATOR", "Moderation AG").await;
    let plain = member(&app, &sink, &city, &group, "MEMBER", "Mitglied AG").await;
    let project = |owner: &str| json!({ "m": city, "i": { "title": "Projekt der AG", "ownerBodyId": owner } });
    let mutation = save("saveProject", "ProjectInput");

    // The moderator runs projects of their group and records the analysis; not the steering
    // group's projects, nor the fields of action.
    let own = app.in_session(&moderator, &mutation, project(&group)).await;
    let own = ok(&own, "saveProject");
    assert_eq!(own["canRecord"], true);
    let mine = find(own, "projects", "title", "Projekt der AG");
    assert_eq!(mine["editable"], true);
    // Funding applications are the managers': the moderator neither names one nor sees it.
    let programme = app
        .admin(
            "mutation($i: FundingProgrammeInput!) { saveFundingProgramme(input: $i) { id } }",
            json!({ "i": { "federalState": "SN", "name": "Förderrichtlinie Prävention", "provider": "LPR", "totalBudget": 100000 } }),
        )
        .await;
    let programme = support::returned_id(&programme).expect("programme");
    let application = app
        .admin(
            "mutation($m: ID!, $i: FundingApplicationInput!) { applyForFunding(municipalityId: $m, input: $i) { id } }",
            json!({ "m": city, "i": { "programmeId": programme, "projectTitle": "AG-Projekt", "requestedAmount": 5000 } }),
        )
        .await;
    let application = support::returned_id(&application).expect("application");
    let funded = app
        .in_session(
            &moderator,
            &mutation,
            json!({ "m": city, "i": { "title": "Gefördert", "ownerBodyId": group, "applicationId": application } }),
        )
        .await;
    assert_eq!(error_code(&funded), Some("FORBIDDEN"), "{funded}");
    let by_admin = app
        .admin(
            &mutation,
            json!({ "m": city, "i": { "title": "Gefördert", "ownerBodyId": group, "applicationId": application } }),
        )
        .await;
    let by_admin = ok(&by_admin, "saveProject");
    assert_eq!(
        find(by_admin, "projects", "title", "Gefördert")["funding"]["programmeName"],
        "Förderrichtlinie Prävention"
    );
    let seen = app
        .in_session(&moderator, &read(), json!({ "m": city }))
        .await;
    let funded = find(
        ok(&seen, "preventionCycle"),
        "projects",
        "title",
        "Gefördert",
    );
    assert_eq!(funded["funding"], Value::Null, "{funded}");
    assert_eq!(funded["editable"], true);

    let steering_project = app
        .in_session(&moderator, &mutation, project(&steering))
        .await;
    assert_eq!(
        error_code(&steering_project),
        Some("FORBIDDEN"),
        "{steering_project}"
    );
    let spot = app
        .in_session(
            &moderator,
            &save("saveHotSpot", "HotSpotInput"),
            json!({ "m": city, "i": { "year": 2026, "name": "Bahnhofsvorplatz" } }),
        )
        .await;
    ok(&spot, "saveHotSpot");
    let field = app
        .in_session(
            &moderator,
            &save("saveActionField", "ActionFieldInput"),
            json!({ "m": city, "i": { "code": "II", "name": "Jugend" } }),
        )
        .await;
    assert_eq!(error_code(&field), Some("NOT_FOUND"), "{field}");
    // Another group's project is seen (the school group is internal, so not) — the chain's
    // project belongs to a body the moderator does not sit in: unknown to them.
    let foreign = app
        .in_session(
            &moderator,
            &delete("deleteProject"),
            json!({ "m": city, "id": ids["project"] }),
        )
        .await;
    assert_eq!(error_code(&foreign), Some("NOT_FOUND"), "{foreign}");

    // Marked public, the school group's project shows to the moderator, but not the name of
    // the internal group that runs it.
    let public = app
        .admin(
            &mutation,
            json!({ "m": city, "id": ids["project"], "i": { "title": "Lichtkonzept Hallmarkt", "ownerBodyId": school, "public": true } }),
        )
        .await;
    ok(&public, "saveProject");
    let seen = app
        .in_session(&moderator, &read(), json!({ "m": city }))
        .await;
    let shown = find(
        ok(&seen, "preventionCycle"),
        "projects",
        "title",
        "Lichtkonzept Hallmarkt",
    );
    assert_eq!(shown["ownerBodyName"], Value::Null, "{shown}");
    assert_eq!(shown["editable"], false);

    // A plain member reads the cycle but changes nothing.
    let seen = app.in_session(&plain, &read(), json!({ "m": city })).await;
    let seen = ok(&seen, "preventionCycle");
    assert_eq!(seen["canRecord"], false);
    assert!(
        seen["hotSpots"].as_array().is_some_and(|h| h.len() == 2),
        "{seen}"
    );
    assert_eq!(
        find(seen, "projects", "title", "Projekt der AG")["editable"],
        false
    );
    let refused = app.in_session(&plain, &mutation, project(&group)).await;
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
}

async fn another_tenants_ids_are_unknown(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let other = app
        .create_municipality("Andere Stadt", "14713000", "SN")
        .await;
    change(&app, APPLY, json!({ "m": other, "t": "halle" })).await;
    let ours = chain(&app, &city, None).await;
    let theirs = chain(&app, &other, None).await;
    let before = app.admin(&read(), json!({ "m": other })).await;

    let project = |extra: Value| {
        let mut input = json!({ "title": "Übernahme" });
        for (k, v) in extra.as_object().expect("object") {
            input[k] = v.clone();
        }
        input
    };
    let calls: Vec<(String, Value)> = vec![
        (
            save("saveActionField", "ActionFieldInput"),
            json!({ "id": theirs["field"], "i": { "code": "X", "name": "Übernahme" } }),
        ),
        (
            delete("deleteActionField"),
            json!({ "id": theirs["field"] }),
        ),
        (
            save("saveSafetyFigure", "SafetyFigureInput"),
            json!({ "id": theirs["figure"], "i": { "year": 2025, "area": "X", "kind": "CRIME", "category": "X", "value": 1, "source": "X" } }),
        ),
        (
            delete("deleteSafetyFigure"),
            json!({ "id": theirs["figure"] }),
        ),
        (
            save("saveHotSpot", "HotSpotInput"),
            json!({ "id": theirs["spot"], "i": { "year": 2025, "name": "X" } }),
        ),
        (delete("deleteHotSpot"), json!({ "id": theirs["spot"] })),
        (
            save("saveDemand", "DemandInput"),
            json!({ "id": theirs["demand"], "i": { "title": "X", "sourceKind": "OTHER" } }),
        ),
        (
            save("saveDemand", "DemandInput"),
            json!({ "i": { "title": "X", "sourceKind": "OTHER", "hotSpotId": theirs["spot"] } }),
        ),
        (delete("deleteDemand"), json!({ "id": theirs["demand"] })),
        (
            save("saveGoal", "GoalInput"),
            json!({ "id": theirs["goal"], "i": { "title": "X" } }),
        ),
        (
            save("saveGoal", "GoalInput"),
            json!({ "i": { "title": "X", "demandId": theirs["demand"] } }),
        ),
        (
            save("saveGoal", "GoalInput"),
            json!({ "i": { "title": "X", "actionFieldId": theirs["field"] } }),
        ),
        (delete("deleteGoal"), json!({ "id": theirs["goal"] })),
        (
            save("saveInventoryItem", "InventoryItemInput"),
            json!({ "i": { "kind": "OFFER", "name": "X", "actionFieldId": theirs["field"] } }),
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "id": theirs["project"], "i": project(json!({})) }),
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "i": project(json!({ "goalId": theirs["goal"] })) }),
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "id": ours["project"], "i": project(json!({ "indicators": [ { "id": theirs["indicator"], "name": "X", "baseline": 0, "target": 1 } ] })) }),
        ),
        (
            save("saveProject", "ProjectInput"),
            json!({ "id": ours["project"], "i": project(json!({ "milestones": [ { "id": theirs["milestone"], "title": "X", "dueOn": "2026-01-01" } ] })) }),
        ),
        (delete("deleteProject"), json!({ "id": theirs["project"] })),
        (
            MEASURE.to_owned(),
            json!({ "i": theirs["indicator"], "on": "2026-01-01", "v": 1 }),
        ),
        (
            EVALUATE.to_owned(),
            json!({ "id": theirs["project"], "e": { "on": "2026-01-01", "text": "X" } }),
        ),
        (PRACTICE.to_owned(), json!({ "id": theirs["project"] })),
        ("mutation($m: ID!, $id: ID!) { setDemandStatus(municipalityId: $m, id: $id, status: DONE) { canRecord } }".to_owned(), json!({ "id": theirs["demand"] })),
        ("mutation($m: ID!, $id: ID!) { completeMilestone(municipalityId: $m, id: $id, doneOn: \"2026-01-01\") { canRecord } }".to_owned(), json!({ "id": theirs["milestone"] })),
    ];
    for (query, mut variables) in calls {
        variables["m"] = json!(city);
        let answer = app.admin(&query, variables.clone()).await;
        assert_eq!(
            error_code(&answer),
            Some("NOT_FOUND"),
            "{query} {variables}: {answer}"
        );
        assert!(
            answer["data"].is_null()
                || answer["data"]
                    .as_object()
                    .is_some_and(|d| d.values().all(Value::is_null)),
            "{answer}"
        );
    }
    // A measured value of theirs, deleted from here: unknown too.
    let value = app
        .admin(
            MEASURE,
            json!({ "m": other, "i": theirs["indicator"], "on": days(-1), "v": 3 }),
        )
        .await;
    let value =
        ok(&value, "recordMeasurement")["projects"][0]["indicators"][0]["values"][0]["id"].clone();
    let answer = app
        .admin(
            &delete("deleteMeasurement"),
            json!({ "m": city, "id": value }),
        )
        .await;
    assert_eq!(error_code(&answer), Some("NOT_FOUND"), "{answer}");

    // Their cycle is as it was but for the value they recorded; ours never shows theirs.
    let after = app.admin(&read(), json!({ "m": other })).await;
    assert_eq!(
        before["data"]["preventionCycle"]["hotSpots"],
        after["data"]["preventionCycle"]["hotSpots"]
    );
    assert_eq!(
        before["data"]["preventionCycle"]["goals"],
        after["data"]["preventionCycle"]["goals"]
    );
    assert_eq!(
        after["data"]["preventionCycle"]["projects"][0]["title"],
        "Lichtkonzept Hallmarkt"
    );
    let mine = app.admin(&read(), json!({ "m": city })).await;
    let mine = ok(&mine, "preventionCycle");
    for list in ["hotSpots", "demands", "goals", "projects"] {
        assert_eq!(
            mine[list].as_array().map(Vec::len),
            Some(1),
            "{list}: {mine}"
        );
    }
}

/// Before a demand or an interim report falls due, the leads of the body responsible get one
/// mail; a date that moves is reminded of again.
async fn the_responsible_are_reminded_once_before_a_deadline(db: TestDatabase) {
    let sink = SmtpSink::start();
    let mut config = config_with_mail(&db, &sink);
    config.reminder_interval_seconds = 1;
    config.mail_retry_seconds = 1;
    let app = TestApp::spawn_with(db, config).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = id(body(&s, "AG Diskriminierung"));
    let email = "moderation.frist@musterstadt.test";
    let person = change(
        &app,
        PERSON,
        json!({ "m": city, "i": { "name": "Moderation Frist", "email": email } }),
    )
    .await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": group, "personId": person, "role": "MODERATOR", "termStart": "2026-01-01" } }),
    )
    .await;
    let demand = |title: &str, due: i64| json!({ "m": city, "i": { "title": title, "sourceKind": "SURVEY", "responsibleBodyId": group, "dueOn": days(due) } });
    let soon = app
        .admin(
            &save("saveDemand", "DemandInput"),
            demand("Licht am Bahnhof", 3),
        )
        .await;
    let soon = id(find(
        ok(&soon, "saveDemand"),
        "demands",
        "title",
        "Licht am Bahnhof",
    ));
    ok(
        &app.admin(
            &save("saveDemand", "DemandInput"),
            demand("Spaeter faellig", 30),
        )
        .await,
        "saveDemand",
    );
    ok(
        &app.admin(
            &save("saveProject", "ProjectInput"),
            json!({ "m": city, "i": { "title": "Nachtcafe", "ownerBodyId": group, "status": "RUNNING",
                "milestones": [ { "kind": "INTERIM_REPORT", "title": "Bericht an den Stadtrat", "dueOn": days(2) } ] } }),
        )
        .await,
        "saveProject",
    );

    let mail = sink.wait_for_containing(email, "Licht am Bahnhof");
    assert!(mail.text.contains("fällig"), "{}", mail.text);
    assert!(mail.text.contains("/praeventionszyklus"), "{}", mail.text);
    let report = sink.wait_for_containing(email, "Bericht an den Stadtrat");
    assert!(report.text.contains("Zwischenbericht"), "{}", report.text);
    // Rounds go on every second; each deadline is reminded of once, the far one not yet.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let mine = |sink: &SmtpSink| {
        sink.messages()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == email))
            .collect::<Vec<_>>()
    };
    assert_eq!(mine(&sink).len(), 2);
    assert!(!mine(&sink).iter().any(|m| m.text.contains("Spaeter")));

    // The demand's date moves: a reminder of the new date.
    ok(
        &app.admin(&save("saveDemand", "DemandInput"), {
            let mut d = demand("Licht am Bahnhof", 5);
            d["id"] = json!(soon);
            d
        })
        .await,
        "saveDemand",
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while mine(&sink).len() < 3 {
        assert!(std::time::Instant::now() < deadline, "no second reminder");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

on_both_databases!(
    the_responsible_are_reminded_once_before_a_deadline,
    a_hot_spot_becomes_a_project_that_is_evaluated_and_shared,
    bad_input_is_refused_at_its_field,
    members_see_the_cycle_and_leads_change_what_their_body_answers_for,
    another_tenants_ids_are_unknown
);
