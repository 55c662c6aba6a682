//! Council structures through the GraphQL API, on SQLite and PostgreSQL: templates, bodies,
//! people, memberships and the rules the platform keeps (derived seats, size limits,
//! dissolution, warnings, who sees what). Who may call what is in `tests/authorization.rs`.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::structure::*;
use support::{TestApp, config_with_mail, error_code, error_message, link_token};

async fn templates_start_a_council_that_is_then_the_citys_own(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let listed = app
        .query(
            "{ structureTemplates { id version bodies { key parentKey } } }",
            json!({}),
        )
        .await;
    let ids: Vec<&str> = listed["data"]["structureTemplates"]
        .as_array()
        .expect("templates")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "halle",
            "zwickau",
            "zwickau-fuehrungsstab",
            "leipzig",
            "chemnitz",
            "blank"
        ]
    );

    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    assert_eq!(s["bodies"].as_array().map(Vec::len), Some(7), "{s}");
    let steering = body(&s, "Steuerungsgruppe");
    assert_eq!(steering["moderatorsAreMembers"], true);
    assert_eq!(steering["seats"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        body(&s, "AG Diskriminierung")["parentId"],
        steering["id"],
        "the working groups report to the steering group"
    );
    // The three appointed seats are empty: one warning each.
    let vacant = s["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["kind"] == "VACANT_SEAT")
        .count();
    assert_eq!(vacant, 3, "{}", s["warnings"]);

    // A second template would mix two structures.
    let again = app.admin(APPLY, json!({ "m": city, "t": "zwickau" })).await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
    let unknown = app.admin(APPLY, json!({ "m": city, "t": "berlin" })).await;
    assert_eq!(error_code(&unknown), Some("VALIDATION"), "{unknown}");

    // From here on it is the city's: rename, move, add.
    let group = body(&s, "AG Schulumfeld und Freizeit")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let assembly = body(&s, "Vollversammlung")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    change(
        &app,
        UPDATE_BODY,
        json!({ "m": city, "id": group, "i": { "name": "AG Schule und Freizeit", "kind": "WORKING_GROUP", "parentId": assembly } }),
    )
    .await;
    let s = structure(&app, &city, None).await;
    assert_eq!(
        body(&s, "AG Schule und Freizeit")["parentId"],
        json!(assembly)
    );

    // A body cannot report to one of its own sub-bodies.
    let steering_id = body(&s, "Steuerungsgruppe")["id"].clone();
    let group_of_steering = body(&s, "AG Diskriminierung")["id"].clone();
    let cycle = app
        .admin(
            UPDATE_BODY,
            json!({ "m": city, "id": steering_id, "i": { "name": "Steuerungsgruppe", "kind": "STEERING_GROUP", "moderatorsAreMembers": true, "parentId": group_of_steering,
                    "seats": steering["seats"] } }),
        )
        .await;
    assert_eq!(error_code(&cycle), Some("VALIDATION"), "{cycle}");
    assert_eq!(cycle["errors"][0]["extensions"]["field"], "parentId");
}

async fn a_moderator_sits_in_the_steering_group_while_moderating(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let steering = body(&s, "Steuerungsgruppe")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let group = change(
        &app,
        CREATE_BODY,
        json!({ "m": city, "i": { "name": "AG Sicherheit in Kleingärten", "kind": "WORKING_GROUP", "scope": "THEMATIC", "parentId": steering } }),
    )
    .await;
    let anna = person(&app, &city, "Moderation AG Kleingärten").await;
    let start = "2026-01-01";
    let moderation = change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": group, "personId": anna, "role": "MODERATOR", "termStart": start } }),
    )
    .await;

    let s = structure(&app, &city, None).await;
    let seats = body(&s, "Steuerungsgruppe")["memberships"]
        .as_array()
        .expect("list")
        .clone();
    assert_eq!(seats.len(), 1, "{seats:?}");
    assert_eq!(seats[0]["derived"], true);
    assert_eq!(seats[0]["role"], "MEMBER");
    assert_eq!(seats[0]["person"]["name"], "Moderation AG Kleingärten");

    // The derived seat is the platform's: it cannot be edited by hand.
    let derived_id = seats[0]["id"].clone();
    let by_hand = app
        .admin(
            UPDATE,
            json!({ "m": city, "id": derived_id, "i": { "bodyId": steering, "personId": anna, "role": "CHAIR", "termStart": start } }),
        )
        .await;
    assert_eq!(error_code(&by_hand), Some("VALIDATION"), "{by_hand}");

    // She stops moderating but stays in the group: the steering group seat ends today.
    change(
        &app,
        UPDATE,
        json!({ "m": city, "id": moderation, "i": { "bodyId": group, "personId": anna, "role": "MEMBER", "termStart": start } }),
    )
    .await;
    let tomorrow = today().succ_opt().expect("tomorrow").to_string();
    let s = structure(&app, &city, Some(&tomorrow)).await;
    assert_eq!(
        body(&s, "Steuerungsgruppe")["memberships"],
        json!([]),
        "{s}"
    );
    let s = structure(&app, &city, None).await;
    let ended = &body(&s, "Steuerungsgruppe")["memberships"][0];
    assert_eq!(ended["termEnd"], today().to_string(), "{ended}");
    assert_eq!(
        body(&s, "AG Sicherheit in Kleingärten")["memberships"][0]["role"],
        "MEMBER"
    );
}

async fn a_body_cannot_grow_beyond_its_limit(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "zwickau").await;
    let s = structure(&app, &city, None).await;
    let steering = body(&s, "Lenkungsgremium");
    assert_eq!(steering["maxMembers"], 15);
    let steering = steering["id"].as_str().expect("id").to_owned();
    for n in 0..15 {
        let p = person(&app, &city, &format!("Entscheidungsträger {n}")).await;
        change(
            &app,
            ADD,
            json!({ "m": city, "i": { "bodyId": steering, "personId": p, "role": "MEMBER", "termStart": "2026-01-01" } }),
        )
        .await;
    }
    let sixteenth = person(&app, &city, "Entscheidungsträger 16").await;
    let input = json!({ "m": city, "i": { "bodyId": steering, "personId": sixteenth, "role": "MEMBER", "termStart": "2026-01-01" } });
    let refused = app.admin(ADD, input.clone()).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    assert!(
        error_message(&refused).contains("„Lenkungsgremium“ hat höchstens 15 Mitglieder"),
        "{refused}"
    );
    let (_, english) = app
        .post(
            json!({ "query": ADD, "variables": input }),
            &[
                ("cookie", &app.admin_cookie()),
                ("x-praevnet-csrf", "1"),
                ("accept-language", "en"),
            ],
        )
        .await;
    assert!(
        error_message(&english).contains("at most 15 members"),
        "{english}"
    );
    // Nothing of the refused change was stored.
    let s = structure(&app, &city, None).await;
    assert_eq!(
        body(&s, "Lenkungsgremium")["memberships"]
            .as_array()
            .map(Vec::len),
        Some(15)
    );

    // An advisory guest takes no seat.
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": steering, "personId": sixteenth, "role": "ADVISORY_GUEST", "termStart": "2026-01-01" } }),
    )
    .await;
}

async fn the_public_sees_public_bodies_and_no_contact_data(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let assembly = body(&s, "Vollversammlung")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let steering = body(&s, "Steuerungsgruppe")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let police = change(
        &app,
        ORGANISATION,
        json!({ "m": city, "i": { "name": "Polizeirevier Musterstadt", "sector": "POLICE" } }),
    )
    .await;
    for (body_id, name) in [
        (&assembly, "Sprecherin Vollversammlung"),
        (&steering, "Revierleitung"),
    ] {
        let p = person(&app, &city, name).await;
        change(
            &app,
            ADD,
            json!({ "m": city, "i": { "bodyId": body_id, "personId": p, "role": "MEMBER", "termStart": "2026-01-01", "organisationId": police } }),
        )
        .await;
    }
    let public = app.query(STRUCTURE, json!({ "m": city })).await;
    let public = &public["data"]["councilStructure"];
    let names: Vec<&str> = public["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert_eq!(names, ["Vollversammlung"], "{public}");
    assert_eq!(public["canManage"], false);
    assert_eq!(public["warnings"], json!([]));
    assert_eq!(
        public["people"].as_array().map(Vec::len),
        Some(1),
        "only people of public bodies"
    );
    assert_eq!(
        public["people"][0]["email"],
        Value::Null,
        "no contact data for the public"
    );

    // The police seat of the steering group is filled now: two vacancies remain.
    let s = structure(&app, &city, None).await;
    let vacant: Vec<&str> = s["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["kind"] == "VACANT_SEAT")
        .filter_map(|w| w["message"].as_str())
        .collect();
    assert_eq!(vacant.len(), 2, "{vacant:?}");
    assert!(vacant.iter().all(|m| !m.contains("Polizei")), "{vacant:?}");
}

async fn dissolving_a_body_ends_its_terms_and_closes_it(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "leipzig").await;
    let s = structure(&app, &city, None).await;
    let group = body(&s, "AG Sicherheit und Fußball")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let parent = body(&s, "Lenkungsgruppe")["id"].clone();
    let p = person(&app, &city, "Fanbeauftragter").await;
    change(
        &app,
        ADD,
        json!({ "m": city, "i": { "bodyId": group, "personId": p, "role": "MEMBER", "termStart": "2025-01-01" } }),
    )
    .await;
    change(
        &app,
        UPDATE_BODY,
        json!({ "m": city, "id": group, "i": { "name": "AG Sicherheit und Fußball", "kind": "WORKING_GROUP", "parentId": parent,
                "dissolvedOn": "2026-06-30", "dissolutionResolution": "VII-DS-01234" } }),
    )
    .await;
    let s = structure(&app, &city, None).await;
    let dissolved = body(&s, "AG Sicherheit und Fußball");
    assert_eq!(dissolved["dissolvedOn"], "2026-06-30");
    assert_eq!(dissolved["memberships"][0]["termEnd"], "2026-06-30");
    let late = app
        .admin(
            ADD,
            json!({ "m": city, "i": { "bodyId": group, "personId": p, "role": "MEMBER", "termStart": "2026-07-01" } }),
        )
        .await;
    assert_eq!(error_code(&late), Some("VALIDATION"), "{late}");
    assert!(error_message(&late).contains("aufgelöst"), "{late}");
}

async fn terms_ending_soon_are_warned_about(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "chemnitz").await;
    let s = structure(&app, &city, None).await;
    let council = body(&s, "Kommunalpräventiver Rat")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let soon = today() + chrono::Days::new(30);
    let later = today() + chrono::Days::new(200);
    for (name, end) in [
        ("Leitung Staatsanwaltschaft", soon),
        ("Leitung Polizeidirektion", later),
    ] {
        let p = person(&app, &city, name).await;
        change(
            &app,
            ADD,
            json!({ "m": city, "i": { "bodyId": council, "personId": p, "role": "MEMBER", "termStart": "2025-01-01", "termEnd": end.to_string() } }),
        )
        .await;
    }
    let s = structure(&app, &city, None).await;
    let ending: Vec<&str> = s["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["kind"] == "TERM_ENDING")
        .filter_map(|w| w["message"].as_str())
        .collect();
    assert_eq!(ending.len(), 1, "{ending:?}");
    assert!(
        ending[0].contains("Leitung Staatsanwaltschaft"),
        "{ending:?}"
    );
    assert!(
        ending[0].contains(&soon.format("%d.%m.%Y").to_string()),
        "{ending:?}"
    );

    // A term cannot end before it starts.
    let p = person(&app, &city, "Irrtum").await;
    let backwards = app
        .admin(
            ADD,
            json!({ "m": city, "i": { "bodyId": council, "personId": p, "role": "MEMBER", "termStart": "2026-05-01", "termEnd": "2026-04-01" } }),
        )
        .await;
    assert_eq!(error_code(&backwards), Some("VALIDATION"), "{backwards}");
    assert_eq!(backwards["errors"][0]["extensions"]["field"], "termEnd");
}

async fn rules_of_procedure_are_kept_as_versions(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let assembly = body(&s, "Vollversammlung")["id"].clone();
    let adopt = "mutation($m: ID!, $i: RulesInput!) { adoptRulesOfProcedure(municipalityId: $m, input: $i) { id } }";
    let first = change(
        &app,
        adopt,
        json!({ "m": city, "i": { "title": "Geschäftsordnung des Präventionsrates", "text": "§ 1 Zweck", "adoptedByBodyId": assembly, "adoptedOn": "2020-03-01" } }),
    )
    .await;
    change(
        &app,
        adopt,
        json!({ "m": city, "i": { "title": "Geschäftsordnung des Präventionsrates", "text": "§ 1 Zweck\n§ 2 Arbeitsgruppen", "adoptedByBodyId": assembly, "adoptedOn": "2024-03-01", "resolution": "VII/2024/00123" } }),
    )
    .await;
    change(
        &app,
        "mutation($m: ID!, $id: ID!) { recordRulesInformed(municipalityId: $m, id: $id, informedOn: \"2020-04-15\") { id } }",
        json!({ "m": city, "id": first }),
    )
    .await;
    // Public: the rules of procedure are a public document of the council.
    let public = app
        .query(
            "query($m: ID!) { councilStructure(municipalityId: $m) { rulesOfProcedure { version adoptedOn adoptedByBodyId resolution councilInformedOn } } }",
            json!({ "m": city }),
        )
        .await;
    let versions = &public["data"]["councilStructure"]["rulesOfProcedure"];
    assert_eq!(versions[0]["version"], 1, "{public}");
    assert_eq!(versions[0]["councilInformedOn"], "2020-04-15");
    assert_eq!(versions[0]["adoptedByBodyId"], assembly);
    assert_eq!(versions[1]["version"], 2);
    assert_eq!(versions[1]["resolution"], "VII/2024/00123");
    assert_eq!(versions[1]["councilInformedOn"], Value::Null);

    let early = app
        .admin(
            adopt,
            json!({ "m": city, "i": { "title": "GO", "text": "§ 1", "adoptedOn": "2024-03-01", "councilInformedOn": "2024-02-01" } }),
        )
        .await;
    assert_eq!(error_code(&early), Some("VALIDATION"), "{early}");
}

async fn members_are_imported_from_csv_all_or_nothing(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "zwickau").await;
    let import =
        "mutation($m: ID!, $csv: String!) { importMembers(municipalityId: $m, csv: $csv) { id } }";
    let bad = "gremium;name;organisation;sektor;rolle;beginn;ende\n\
               Lenkungsgremium;Leitung Ordnungsamt;Stadtverwaltung;Verwaltung;Vorsitz;01.01.2026;\n\
               AG Kleingärten;Fachberatung;;;Mitglied;01.01.2026;\n\
               AG Graffiti;Jugendamt;;;Schriftführung;01.01.2026;\n";
    let refused = app.admin(import, json!({ "m": city, "csv": bad })).await;
    assert_eq!(error_code(&refused), Some("VALIDATION"), "{refused}");
    let message = error_message(&refused);
    assert!(
        message.contains("Zeile 3: Ein Gremium „AG Kleingärten“ gibt es"),
        "{message}"
    );
    assert!(message.contains("Zeile 4: „Schriftführung“"), "{message}");
    let s = structure(&app, &city, None).await;
    assert_eq!(s["people"], json!([]), "nothing of the file was stored");

    let good = "gremium;name;funktion;organisation;sektor;rolle;beginn;ende;beschluss\n\
                Lenkungsgremium;Leitung Ordnungsamt;Amtsleitung;Stadtverwaltung;Verwaltung;Vorsitz;01.01.2026;;\n\
                Lenkungsgremium;Leitung Polizeirevier;;Polizeirevier Zwickau;Polizei;Mitglied;01.01.2026;31.12.2027;BV-2026/001\n\
                AG Graffiti;Leitung Ordnungsamt;;Stadtverwaltung;;Moderation;2026-02-01;;\n";
    change(&app, import, json!({ "m": city, "csv": good })).await;
    let s = structure(&app, &city, None).await;
    assert_eq!(
        s["people"].as_array().map(Vec::len),
        Some(2),
        "the same person is matched by name: {s}"
    );
    let steering = body(&s, "Lenkungsgremium")["memberships"]
        .as_array()
        .expect("list")
        .clone();
    assert_eq!(steering.len(), 2, "{steering:?}");
    assert_eq!(
        body(&s, "AG Graffiti")["memberships"][0]["role"],
        "MODERATOR"
    );
}

/// Body permissions: a moderator edits their working group; a member reads their internal
/// body; neither reaches other internal bodies or contact data.
async fn members_get_the_rights_of_their_roles_in_their_bodies(db: TestDatabase) {
    let sink = SmtpSink::start();
    let config = config_with_mail(&db, &sink);
    let app = TestApp::spawn_with(db, config).await;
    let city = city_with(&app, "halle").await;
    let s = structure(&app, &city, None).await;
    let group = body(&s, "AG Diskriminierung")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let school = body(&s, "AG Schulumfeld und Freizeit")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let steering = body(&s, "Steuerungsgruppe")["id"].clone();
    let mut sessions = Vec::new();
    for (name, body_id, role) in [
        ("Moderation AG Diskriminierung", &group, "MODERATOR"),
        ("Mitglied AG Schulumfeld", &school, "MEMBER"),
    ] {
        let email = format!("{}@musterstadt.test", role.to_lowercase());
        let person = change(
            &app,
            PERSON,
            json!({ "m": city, "i": { "name": name, "email": email } }),
        )
        .await;
        change(
            &app,
            ADD,
            json!({ "m": city, "i": { "bodyId": body_id, "personId": person, "role": role, "termStart": "2026-01-01" } }),
        )
        .await;
        change(
            &app,
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
        sessions.push(support::session_cookie(&headers).expect("session"));
    }
    let (moderator, member) = (&sessions[0], &sessions[1]);
    let view = |cookie: &str| {
        let cookie = cookie.to_owned();
        let city = city.clone();
        let app = &app;
        async move {
            app.in_session(
                &cookie,
                "query($m: ID!) { councilStructure(municipalityId: $m) { canManage bodies { name canEdit } people { name email } } }",
                json!({ "m": city }),
            )
            .await["data"]["councilStructure"]
                .clone()
        }
    };
    // The moderator sees the public assembly, the group and (as a derived member) the steering
    // group, and edits the group only.
    let seen = view(moderator).await;
    let names: Vec<(&str, bool)> = seen["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .map(|b| (b["name"].as_str().unwrap_or_default(), b["canEdit"] == true))
        .collect();
    assert_eq!(
        names,
        [
            ("Vollversammlung", false),
            ("Steuerungsgruppe", false),
            ("AG Diskriminierung", true)
        ],
        "{seen}"
    );
    assert_eq!(seen["canManage"], false);
    assert!(
        seen["people"]
            .as_array()
            .expect("people")
            .iter()
            .all(|p| p["email"].is_null())
    );

    let rename = |id: &str, parent: Value| json!({ "m": city, "id": id, "i": { "name": "AG Diskriminierung und Teilhabe", "kind": "WORKING_GROUP", "parentId": parent, "tasks": "Beratung" } });
    let own = app
        .in_session(moderator, UPDATE_BODY, rename(&group, steering.clone()))
        .await;
    assert!(
        own["errors"].is_null(),
        "a moderator edits their group: {own}"
    );
    let moved = app
        .in_session(moderator, UPDATE_BODY, rename(&group, Value::Null))
        .await;
    assert_eq!(
        error_code(&moved),
        Some("FORBIDDEN"),
        "moving is for administrators: {moved}"
    );
    let other = app
        .in_session(moderator, UPDATE_BODY, rename(&school, steering.clone()))
        .await;
    assert_eq!(error_code(&other), Some("NOT_FOUND"), "{other}");

    // The member reads their internal group but cannot change it.
    let seen = view(member).await;
    let names: Vec<&str> = seen["bodies"]
        .as_array()
        .expect("bodies")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["Vollversammlung", "AG Schulumfeld und Freizeit"],
        "{seen}"
    );
    let refused = app
        .in_session(member, UPDATE_BODY, rename(&school, steering.clone()))
        .await;
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
    let person_form = app
        .in_session(member, PERSON, json!({ "m": city, "i": { "name": "Neu" } }))
        .await;
    assert_eq!(error_code(&person_form), Some("NOT_FOUND"), "{person_form}");

    // Meetings follow their bodies: the moderator records the group's, not the steering
    // group's; the member records none and reads only the meetings of bodies they see.
    let meeting = "mutation($m: ID!, $b: ID!, $t: String) { saveMeeting(municipalityId: $m, input: { bodyId: $b, title: \"Sitzung\", date: \"2026-12-03\", startTime: $t, location: \"Ratshof\" }) { id bodyName startTime editable } }";
    let recorded = app
        .in_session(
            moderator,
            meeting,
            json!({ "m": city, "b": group, "t": "17:00" }),
        )
        .await;
    assert_eq!(
        recorded["data"]["saveMeeting"]["editable"], true,
        "{recorded}"
    );
    assert_eq!(recorded["data"]["saveMeeting"]["startTime"], "17:00");
    let bad_time = app
        .in_session(
            moderator,
            meeting,
            json!({ "m": city, "b": group, "t": "25:61" }),
        )
        .await;
    assert_eq!(
        bad_time["errors"][0]["extensions"]["field"], "startTime",
        "{bad_time}"
    );
    let steering_meeting = app
        .in_session(moderator, meeting, json!({ "m": city, "b": steering }))
        .await;
    assert_eq!(
        error_code(&steering_meeting),
        Some("FORBIDDEN"),
        "{steering_meeting}"
    );
    let own_group = app
        .in_session(member, meeting, json!({ "m": city, "b": school }))
        .await;
    assert_eq!(error_code(&own_group), Some("FORBIDDEN"), "{own_group}");
    let hidden = app
        .in_session(member, meeting, json!({ "m": city, "b": group }))
        .await;
    assert_eq!(error_code(&hidden), Some("NOT_FOUND"), "{hidden}");
    let plenary = body(&s, "Vollversammlung")["id"].clone();
    let plenary_meeting = app.admin(meeting, json!({ "m": city, "b": plenary })).await;
    assert!(plenary_meeting["errors"].is_null(), "{plenary_meeting}");
    let list = "query($m: ID!) { meetings(municipalityId: $m) { bodyName editable } }";
    let for_member = app.in_session(member, list, json!({ "m": city })).await;
    assert_eq!(
        for_member["data"]["meetings"],
        json!([{ "bodyName": "Vollversammlung", "editable": false }]),
        "{for_member}"
    );
    let for_public = app.query(list, json!({ "m": city })).await;
    assert_eq!(
        for_public["data"]["meetings"], for_member["data"]["meetings"],
        "{for_public}"
    );
    let for_moderator = app.in_session(moderator, list, json!({ "m": city })).await;
    assert_eq!(
        for_moderator["data"]["meetings"].as_array().map(Vec::len),
        Some(2),
        "{for_moderator}"
    );
}

async fn a_council_person_is_exported_and_erased(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "leipzig").await;
    let s = structure(&app, &city, None).await;
    let group = body(&s, "AG Innenstadt")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let p = person(&app, &city, "Quartiersmanagement").await;
    for (start, end) in [
        ("2020-01-01", Some("2021-12-31")),
        ("2025-01-01", None),
        ("2099-01-01", None),
    ] {
        change(
            &app,
            ADD,
            json!({ "m": city, "i": { "bodyId": group, "personId": p, "role": "MEMBER", "termStart": start, "termEnd": end } }),
        )
        .await;
    }
    let export = app
        .admin(
            "query($m: ID!, $id: ID!) { exportCouncilPerson(municipalityId: $m, id: $id) }",
            json!({ "m": city, "id": p }),
        )
        .await;
    let document: Value = serde_json::from_str(
        export["data"]["exportCouncilPerson"]
            .as_str()
            .expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(document["person"]["name"], "Quartiersmanagement");
    assert_eq!(document["person"]["email"], "19@musterstadt.test");
    assert_eq!(document["memberships"].as_array().map(Vec::len), Some(3));

    change(
        &app,
        "mutation($m: ID!, $id: ID!) { eraseCouncilPerson(municipalityId: $m, id: $id) { id } }",
        json!({ "m": city, "id": p }),
    )
    .await;
    let s = structure(&app, &city, None).await;
    let erased = s["people"]
        .as_array()
        .expect("people")
        .iter()
        .find(|x| x["id"] == p)
        .expect("pseudonym stays")
        .clone();
    assert!(
        erased["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("Gelöschte Person")),
        "{erased}"
    );
    assert_eq!(erased["email"], Value::Null);
    let kept = body(&s, "AG Innenstadt")["memberships"]
        .as_array()
        .expect("list")
        .clone();
    assert_eq!(
        kept.len(),
        2,
        "the future term is deleted, the past and running ones stay: {kept:?}"
    );
    assert!(
        kept.iter().all(|m| m["termEnd"].is_string()),
        "the running term ended: {kept:?}"
    );
}

/// A change answers with the structure its unit of work holds, which is what a query then
/// reads: derived seats with their stored ids, people and organisations by name (case and
/// umlauts aside, the same on both databases), whether the structure is asked for directly or
/// through a fragment.
async fn a_change_answers_with_the_structure_a_query_reads(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let city = city_with(&app, "halle").await;
    for name in ["Zander", "Äbel", "anna", "Straße", "Ömer"] {
        person(&app, &city, name).await;
    }
    let s = structure(&app, &city, None).await;
    let people: Vec<&str> = s["people"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(people, ["Äbel", "anna", "Ömer", "Straße", "Zander"]);

    let group = body(&s, "AG Diskriminierung")["id"].clone();
    let anna = s["people"][1]["id"].clone();
    const SELECTION: &str = "people { id name } organisations { id name } bodies { id name memberships { id role derived termStart person { name } } } warnings { kind message }";
    let add = format!(
        "mutation($m: ID!, $i: MembershipInput!) {{ addMembership(municipalityId: $m, input: $i) {{ id ...After }} }} fragment After on StructureChange {{ structure {{ {SELECTION} }} }}"
    );
    let answer = app
        .admin(
            &add,
            json!({ "m": city, "i": { "bodyId": group, "personId": anna, "role": "MODERATOR", "termStart": "2026-01-01" } }),
        )
        .await;
    let after = &answer["data"]["addMembership"]["structure"];
    assert!(after.is_object(), "{answer}");
    let read = app
        .admin(
            &format!("query($m: ID!) {{ councilStructure(municipalityId: $m) {{ {SELECTION} }} }}"),
            json!({ "m": city }),
        )
        .await;
    assert_eq!(after, &read["data"]["councilStructure"], "{answer}");
    let seat = &body(after, "Steuerungsgruppe")["memberships"][0];
    assert_eq!(seat["derived"], true, "{after}");

    // Asked for its id only, a change answers with it and is stored all the same.
    let renamed = app
        .admin(
            UPDATE_BODY,
            json!({ "m": city, "id": group, "i": { "name": "AG Vielfalt", "kind": "WORKING_GROUP", "scope": "THEMATIC", "parentId": body(after, "Steuerungsgruppe")["id"] } }),
        )
        .await;
    assert_eq!(renamed["data"]["updateBody"]["id"], group, "{renamed}");
    let s = structure(&app, &city, None).await;
    assert_eq!(body(&s, "AG Vielfalt")["id"], group);
}

on_both_databases!(
    a_change_answers_with_the_structure_a_query_reads,
    a_council_person_is_exported_and_erased,
    members_get_the_rights_of_their_roles_in_their_bodies,
    members_are_imported_from_csv_all_or_nothing,
    rules_of_procedure_are_kept_as_versions,
    templates_start_a_council_that_is_then_the_citys_own,
    a_moderator_sits_in_the_steering_group_while_moderating,
    a_body_cannot_grow_beyond_its_limit,
    the_public_sees_public_bodies_and_no_contact_data,
    dissolving_a_body_ends_its_terms_and_closes_it,
    terms_ending_soon_are_warned_about
);
