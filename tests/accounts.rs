//! Accounts over HTTP: invitation by real SMTP, login, sessions, logout, password reset,
//! throttling, the cookie and origin rules, and who may do what.

mod support;

use praevnet_testkit::{TestDatabase, on_both_databases};
use serde_json::{Value, json};
use support::{
    ADMIN_EMAIL, TestApp, config_with_mail, error_code, error_message, link_token, platform_admin,
    session_cookie,
};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const ME: &str = "{ me { email displayName roles { kind federalState municipalityId } } }";

async fn invitation_by_mail_sets_the_password(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let invite = "mutation($i: InviteInput!) { inviteUser(input: $i) }";
    let input = json!({ "email": "Koordinierung@Halle.de", "displayName": "Koordinierungsstelle Halle", "role": "PLATFORM_ADMIN" });
    let body = app.admin(invite, json!({ "i": input })).await;
    assert_eq!(body["data"]["inviteUser"], true, "{body}");

    let mail = sink.wait_for("koordinierung@halle.de");
    assert_eq!(mail.from, "noreply@praevnet.test");
    assert!(
        mail.text.contains("Sie wurden zu praevnet eingeladen"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains("you have been invited"), "{}", mail.text);
    assert!(
        mail.text.contains("http://praevnet.test/einladung#"),
        "{}",
        mail.text
    );
    let token = link_token(&mail.text, "/einladung#");
    assert_eq!(token.len(), 64);

    let accept = "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { email } }";
    // A common password is refused, and the link survives the refusal.
    let body = app
        .query(accept, json!({ "t": token, "p": "passwort123" }))
        .await;
    assert_eq!(
        (
            error_code(&body),
            body["errors"][0]["extensions"]["field"].as_str()
        ),
        (Some("VALIDATION"), Some("password"))
    );
    let (status, headers, body) = app
        .post_full(
            json!({ "query": accept, "variables": { "t": token, "p": PASSWORD } }),
            &[],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["data"]["acceptInvitation"]["email"], "koordinierung@halle.de",
        "{body}"
    );
    let set_cookie = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie")
        .to_owned();
    assert!(
        set_cookie.contains("HttpOnly")
            && set_cookie.contains("SameSite=Lax")
            && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    assert!(
        !set_cookie.contains("Secure"),
        "plain http test server: {set_cookie}"
    );
    let cookie = session_cookie(&headers).expect("session cookie");

    let body = app.in_session(&cookie, ME, json!({})).await;
    assert_eq!(
        body["data"]["me"]["displayName"], "Koordinierungsstelle Halle",
        "{body}"
    );
    assert_eq!(body["data"]["me"]["roles"][0]["kind"], "PLATFORM_ADMIN");

    // Single use.
    let body = app
        .query(accept, json!({ "t": token, "p": PASSWORD }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "token", "{body}");
    assert!(error_message(&body).contains("ungültig"));
}

async fn login_survives_restarts_and_logout_ends_it(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let first = app
        .onboard(
            &sink,
            "lpr@sachsen.de",
            json!({ "role": "STATE_OFFICE", "federalState": "SN" }),
            PASSWORD,
        )
        .await;

    // Wrong password and unknown address: the same answer.
    let (wrong, cookie) = app.login("lpr@sachsen.de", "falsch-falsch-falsch").await;
    assert!(cookie.is_none());
    let (unknown, _) = app
        .login("niemand@sachsen.de", "falsch-falsch-falsch")
        .await;
    assert_eq!(error_code(&wrong), Some("UNAUTHENTICATED"), "{wrong}");
    assert_eq!(
        wrong["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    assert_eq!(
        error_message(&wrong),
        "E-Mail-Adresse oder Passwort ist nicht korrekt."
    );

    let (body, cookie) = app.login("LPR@sachsen.de", PASSWORD).await;
    assert_eq!(
        body["data"]["login"]["roles"][0]["kind"], "STATE_OFFICE",
        "{body}"
    );
    let cookie = cookie.expect("session cookie");
    assert_ne!(cookie, first, "every login gets a new session id");

    // Sessions live in the database: a restarted server (or another replica) knows them.
    let config = config_with_mail(&app.db, &sink);
    let db = app.stop().await;
    let app = TestApp::spawn_with(db, config).await;
    let body = app.in_session(&cookie, ME, json!({})).await;
    assert_eq!(
        body["data"]["me"]["roles"][0]["federalState"], "SN",
        "{body}"
    );

    let (_, headers, body) = app
        .post_full(
            json!({ "query": "mutation { logout }" }),
            &[("cookie", &cookie), ("x-praevnet-csrf", "1")],
        )
        .await;
    assert_eq!(body["data"]["logout"], true, "{body}");
    let cleared = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    // The server forgot the session: the old cookie is worth nothing, and is cleared again.
    let (_, headers, body) = app
        .post_full(
            json!({ "query": ME }),
            &[("cookie", &cookie), ("x-praevnet-csrf", "1")],
        )
        .await;
    assert_eq!(body["data"]["me"], Value::Null, "{body}");
    assert!(headers.get("set-cookie").is_some());
    // The other session (from accepting the invitation) is still valid.
    let body = app.in_session(&first, ME, json!({})).await;
    assert_eq!(body["data"]["me"]["email"], "lpr@sachsen.de");

    // Logging in again in that browser ends the session it came with.
    let (_, headers, body) = app
        .post_full(
            json!({ "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }",
                    "variables": { "e": "lpr@sachsen.de", "p": PASSWORD } }),
            &[("cookie", &first), ("x-praevnet-csrf", "1")],
        )
        .await;
    assert_eq!(body["data"]["login"]["email"], "lpr@sachsen.de", "{body}");
    let renewed = session_cookie(&headers).expect("a new session");
    assert_ne!(renewed, first);
    let body = app.in_session(&first, ME, json!({})).await;
    assert_eq!(
        body["data"]["me"],
        Value::Null,
        "the previous session ended: {body}"
    );
    let body = app.in_session(&renewed, ME, json!({})).await;
    assert_eq!(body["data"]["me"]["email"], "lpr@sachsen.de");
}

async fn cookie_requests_must_prove_their_origin(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let cookie = app
        .onboard(&sink, "admin@praevnet.test", platform_admin(), PASSWORD)
        .await;
    let create = json!({ "query": "mutation { createMunicipality(input: {name: \"Görlitz\", ags: \"14626110\", federalState: SN, population: 1}) { id } }" });

    let (status, body) = app.post(create.clone(), &[("cookie", &cookie)]).await;
    assert_eq!(
        (status, error_code(&body)),
        (403, Some("FORBIDDEN")),
        "{body}"
    );
    let (status, body) = app
        .post(
            create.clone(),
            &[("cookie", &cookie), ("x-praevnet-csrf", "1")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["data"]["createMunicipality"]["id"].is_string(),
        "{body}"
    );

    // A form post cannot send JSON; a body of another type is refused before anything runs.
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("content-type", "text/plain")
        .header("cookie", &cookie)
        .header("x-praevnet-csrf", "1")
        .body(create.to_string())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 415);
    // Media types are case-insensitive: the same request in capitals is JSON.
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("content-type", "APPLICATION/JSON; charset=UTF-8")
        .header("cookie", &cookie)
        .header("x-praevnet-csrf", "1")
        .body(json!({ "query": ME }).to_string())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
}

async fn failed_logins_are_throttled(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    app.onboard(&sink, "ziel@leipzig.de", platform_admin(), PASSWORD)
        .await;
    for attempt in 1..=6 {
        let (body, _) = app.login("ziel@leipzig.de", "falsch-falsch-falsch").await;
        assert_eq!(
            error_code(&body),
            Some("UNAUTHENTICATED"),
            "attempt {attempt}: {body}"
        );
    }
    // The sixth failure started a delay; even the right password must wait.
    let (body, cookie) = app.login("ziel@leipzig.de", PASSWORD).await;
    assert_eq!(error_code(&body), Some("THROTTLED"), "{body}");
    assert!(cookie.is_none());
    assert!(
        error_message(&body)
            .starts_with("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in"),
        "{body}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (body, cookie) = app.login("ziel@leipzig.de", PASSWORD).await;
    assert!(
        cookie.is_some(),
        "after the delay the right password works: {body}"
    );
}

async fn password_reset_by_mail(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let old_session = app
        .onboard(&sink, "reset@chemnitz.de", platform_admin(), PASSWORD)
        .await;
    let request = "mutation($e: String!) { requestPasswordReset(email: $e) }";

    // Unknown addresses get the same answer and no mail.
    let body = app
        .query(request, json!({ "e": "unbekannt@chemnitz.de" }))
        .await;
    assert_eq!(body["data"]["requestPasswordReset"], true);
    let body = app
        .query(request, json!({ "e": "reset@chemnitz.de" }))
        .await;
    assert_eq!(body["data"]["requestPasswordReset"], true);
    let mail = sink.wait_for("reset@chemnitz.de");
    let mail = if mail.text.contains("passwort-zuruecksetzen") {
        mail
    } else {
        // The first mail to this address was the invitation; wait for the second.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let all = sink.messages();
            if let Some(m) = all
                .into_iter()
                .find(|m| m.text.contains("passwort-zuruecksetzen"))
            {
                break m;
            }
            assert!(std::time::Instant::now() < deadline, "no reset mail");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    };
    assert!(
        sink.messages()
            .iter()
            .all(|m| !m.to.contains(&"unbekannt@chemnitz.de".to_owned()))
    );
    let token = link_token(&mail.text, "/passwort-zuruecksetzen#");

    let reset =
        "mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { email } }";
    let new_password = "Ganz-anderes-Passwort-Roter-Turm-1998";
    let (_, headers, body) = app
        .post_full(
            json!({ "query": reset, "variables": { "t": token, "p": new_password } }),
            &[],
        )
        .await;
    assert_eq!(
        body["data"]["resetPassword"]["email"], "reset@chemnitz.de",
        "{body}"
    );
    assert!(session_cookie(&headers).is_some());
    // Old sessions end with the reset; the old password no longer works, the new one does.
    let body = app.in_session(&old_session, ME, json!({})).await;
    assert_eq!(body["data"]["me"], Value::Null);
    let (body, _) = app.login("reset@chemnitz.de", PASSWORD).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"));
    let (_, cookie) = app.login("reset@chemnitz.de", new_password).await;
    assert!(cookie.is_some());
}

async fn mail_features_say_when_mail_is_not_set_up(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let body = app
        .admin(
            "mutation($i: InviteInput!) { inviteUser(input: $i) }",
            json!({ "i": { "email": "x@y.de", "displayName": "X", "role": "PLATFORM_ADMIN" } }),
        )
        .await;
    assert_eq!(error_code(&body), Some("UNAVAILABLE"), "{body}");
    assert!(error_message(&body).contains("E-Mail-Versand"), "{body}");
}

async fn every_response_has_security_headers(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    for response in [app.get("/healthz").await, app.get("/readyz").await] {
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
    let (_, headers, _) = app
        .post_full(json!({ "query": "{ __typename }" }), &[])
        .await;
    assert!(headers.contains_key("content-security-policy"));
}

async fn audit_log_shows_changes_in_the_readers_scope(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let admin_leipzig = app
        .onboard(
            &sink,
            "kst@leipzig.de",
            json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig }),
            PASSWORD,
        )
        .await;
    let office_st = app
        .onboard(
            &sink,
            "lpr@sachsen-anhalt.de",
            json!({ "role": "STATE_OFFICE", "federalState": "ST" }),
            PASSWORD,
        )
        .await;
    let operator = app.admin_cookie();
    let body = app
        .in_session(&admin_leipzig, "mutation($m: ID!) { saveCouncil(municipalityId: $m, input: { name: \"KPR Leipzig\" }) { id } }", json!({ "m": leipzig }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let body = app
        .in_session(&office_st, "mutation($m: ID!) { updateMunicipality(id: $m, input: { population: 239000 }) { id } }", json!({ "m": halle }))
        .await;
    assert!(body["errors"].is_null(), "{body}");

    let log = "{ auditLog(first: 200) { totalCount items { actor action entity entityId municipalityId summary } } }";
    let everything = app.in_session(&operator, log, json!({})).await;
    let items = everything["data"]["auditLog"]["items"]
        .as_array()
        .expect("items")
        .clone();
    let has = |actor: &str, action: &str| {
        items
            .iter()
            .any(|e| e["actor"] == actor && e["action"] == action)
    };
    assert!(has(ADMIN_EMAIL, "municipality.created"), "{everything}");
    assert!(has("kst@leipzig.de", "council.saved"), "{everything}");
    assert!(
        has("lpr@sachsen-anhalt.de", "municipality.updated"),
        "{everything}"
    );
    assert!(has(ADMIN_EMAIL, "account.role_granted"), "{everything}");
    assert!(
        has("System", "account.role_granted"),
        "the first administrator: {everything}"
    );
    assert!(
        has("kst@leipzig.de", "account.password_set"),
        "{everything}"
    );
    assert!(
        items.iter().any(|e| e["summary"]
            .as_str()
            .is_some_and(|s| s.contains("Einwohnerzahl"))),
        "{everything}"
    );

    // No secrets in the log: not the password, not a session, not a link's token.
    let text = everything.to_string();
    assert!(
        !text.contains(PASSWORD) && !text.contains("Nachtw"),
        "password in the audit log"
    );
    for cookie in [&admin_leipzig, &office_st, &operator] {
        let secret = cookie.trim_start_matches("praevnet_session=");
        assert!(!text.contains(secret), "session secret in the audit log");
    }
    for mail in sink.messages() {
        let token = link_token(&mail.text, "/einladung#");
        assert!(!text.contains(&token), "invitation token in the audit log");
    }

    // The municipality's administrator sees its municipality only; the office its Land only.
    let own = app.in_session(&admin_leipzig, log, json!({})).await;
    let own = own["data"]["auditLog"]["items"]
        .as_array()
        .expect("items")
        .clone();
    assert!(!own.is_empty());
    assert!(
        own.iter().all(|e| e["municipalityId"] == leipzig.as_str()),
        "{own:?}"
    );
    let land = app.in_session(&office_st, log, json!({})).await;
    let land = land["data"]["auditLog"]["items"]
        .as_array()
        .expect("items")
        .clone();
    assert!(land.iter().any(|e| e["municipalityId"] == halle.as_str()));
    assert!(
        land.iter().all(|e| e["municipalityId"] != leipzig.as_str()),
        "{land:?}"
    );

    let body = app.query(log, json!({})).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"));
}

async fn a_persons_data_is_exported_and_erased(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig });
    let person = app
        .onboard(&sink, "moderation@leipzig.de", role.clone(), PASSWORD)
        .await;
    let colleague = app.onboard(&sink, "kst@leipzig.de", role, PASSWORD).await;
    let body = app
        .in_session(&person, "mutation($m: ID!) { saveCouncil(municipalityId: $m, input: { name: \"KPR Leipzig\" }) { id } }", json!({ "m": leipzig }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let id = app.in_session(&person, "{ me { id } }", json!({})).await["data"]["me"]["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let export = "query($u: ID!) { exportPersonData(userId: $u) }";
    let body = app.in_session(&colleague, export, json!({ "u": id })).await;
    let document: Value = serde_json::from_str(
        body["data"]["exportPersonData"]
            .as_str()
            .expect("json text"),
    )
    .expect("JSON");
    assert_eq!(document["account"]["email"], "moderation@leipzig.de");
    assert_eq!(document["roles"][0]["role"], "MUNICIPALITY_ADMIN");
    assert!(
        !document["sessions"]
            .as_array()
            .expect("sessions")
            .is_empty()
    );
    let actions: Vec<&str> = document["auditEntries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"council.saved") && actions.contains(&"account.password_set"),
        "{actions:?}"
    );
    let text = document.to_string();
    assert!(
        !text.contains("argon2") && !text.contains(person.trim_start_matches("praevnet_session=")),
        "secrets in export"
    );

    let body = app
        .in_session(
            &colleague,
            "mutation($u: ID!) { erasePerson(userId: $u) }",
            json!({ "u": id }),
        )
        .await;
    assert_eq!(body["data"]["erasePerson"], true, "{body}");
    // Access is gone: the session, the login, the roles.
    assert_eq!(
        app.in_session(&person, ME, json!({})).await["data"]["me"],
        Value::Null
    );
    let (body, cookie) = app.login("moderation@leipzig.de", PASSWORD).await;
    assert!(cookie.is_none(), "{body}");
    // The records stay intact, naming a pseudonym.
    let log = app
        .in_session(
            &colleague,
            "{ auditLog { items { actor action } } }",
            json!({}),
        )
        .await;
    let saved_by = log["data"]["auditLog"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["action"] == "council.saved")
        .map(|e| e["actor"].as_str().unwrap_or_default().to_owned())
        .expect("council.saved entry");
    assert_eq!(saved_by, format!("Gelöschte Person (Konto {id})"));
    // The export and the erasure are in the municipality's own log.
    let actions: Vec<&str> = log["data"]["auditLog"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"person.erased") && actions.contains(&"person.exported"),
        "{actions:?}"
    );
    assert!(!log.to_string().contains("moderation@leipzig.de"), "{log}");
    // Nothing left to export.
    let body = app.in_session(&colleague, export, json!({ "u": id })).await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"));
    // The address is free for a new invitation.
    let body = app
        .admin("mutation($i: InviteInput!) { inviteUser(input: $i) }", json!({ "i": { "email": "moderation@leipzig.de", "displayName": "Neu", "role": "PLATFORM_ADMIN" } }))
        .await;
    assert_eq!(body["data"]["inviteUser"], true, "{body}");
}

async fn administrators_see_their_people_and_revoke_roles(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let leipzig = app.create_municipality("Leipzig", "14713000", "SN").await;
    let halle = app
        .create_municipality("Halle (Saale)", "15002000", "ST")
        .await;
    let leipzig_role = json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": leipzig });
    let head = app
        .onboard(&sink, "leitung@leipzig.de", leipzig_role.clone(), PASSWORD)
        .await;
    let leaving = app
        .onboard(&sink, "geht@leipzig.de", leipzig_role, PASSWORD)
        .await;
    app.onboard(
        &sink,
        "kst@halle.de",
        json!({ "role": "MUNICIPALITY_ADMIN", "municipalityId": halle }),
        PASSWORD,
    )
    .await;

    let list = "{ accounts { id email roles { kind municipalityId } } }";
    let body = app.in_session(&head, list, json!({})).await;
    let emails: Vec<&str> = body["data"]["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .filter_map(|a| a["email"].as_str())
        .collect();
    assert_eq!(
        emails,
        vec!["geht@leipzig.de", "leitung@leipzig.de"],
        "{body}"
    );
    let everyone = app.admin(list, json!({})).await;
    assert_eq!(
        everyone["data"]["accounts"]
            .as_array()
            .expect("accounts")
            .len(),
        4,
        "{everyone}"
    );

    let leaving_id = body["data"]["accounts"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let revoke = "mutation($u: ID!, $m: ID!) { revokeRole(userId: $u, role: MUNICIPALITY_ADMIN, municipalityId: $m) }";
    let body = app
        .in_session(&head, revoke, json!({ "u": leaving_id, "m": leipzig }))
        .await;
    assert_eq!(body["data"]["revokeRole"], true, "{body}");
    // At once: the session remains, the right does not.
    let me = app.in_session(&leaving, ME, json!({})).await;
    assert_eq!(me["data"]["me"]["roles"], json!([]), "{me}");
    let body = app
        .in_session(
            &leaving,
            "mutation($m: ID!) { saveCouncil(municipalityId: $m, input: { name: \"X\" }) { id } }",
            json!({ "m": leipzig }),
        )
        .await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    // Revoking again: there is no such role any more.
    let body = app
        .in_session(&head, revoke, json!({ "u": leaving_id, "m": leipzig }))
        .await;
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    let log = app
        .in_session(&head, "{ auditLog { items { action } } }", json!({}))
        .await;
    assert!(log.to_string().contains("account.role_revoked"), "{log}");
}

on_both_databases!(
    administrators_see_their_people_and_revoke_roles,
    a_persons_data_is_exported_and_erased,
    audit_log_shows_changes_in_the_readers_scope,
    invitation_by_mail_sets_the_password,
    login_survives_restarts_and_logout_ends_it,
    cookie_requests_must_prove_their_origin,
    failed_logins_are_throttled,
    password_reset_by_mail,
    mail_features_say_when_mail_is_not_set_up,
    every_response_has_security_headers,
);
