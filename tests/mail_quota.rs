//! Mail quotas over HTTP with a real SMTP server: one reset or invitation mail per address
//! in a window, a quota of reset requests per client, the answers the same either way.

mod support;

use praevnet_testkit::{SmtpSink, TestDatabase, on_both_databases};
use serde_json::json;
use support::{
    TestApp, config_with_mail, error_code, error_message, link_token, platform_admin,
    session_cookie,
};

const PASSWORD: &str = "Nachtwächter-Eule-Saale-47";
const ME: &str = "{ me { email displayName roles { kind federalState municipalityId } } }";

/// How many mails to `to` the sink has received whose text contains `marker`.
fn mails_to(sink: &SmtpSink, to: &str, marker: &str) -> usize {
    sink.messages()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == to) && m.text.contains(marker))
        .count()
}

/// Waits up to 10 s, without blocking the runtime the server shares, until `to` has received a
/// mail containing `marker`.
async fn wait_for_mail(sink: &SmtpSink, to: &str, marker: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while mails_to(sink, to, marker) == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "no mail to {to} containing {marker:?} within 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// One anonymous mutation asking `count` times, each under its own alias, for a reset link
/// to `address`.
fn reset_aliases(address: &str, count: usize) -> String {
    let fields: String = (0..count)
        .map(|i| format!("r{i}: requestPasswordReset(email: \"{address}\") "))
        .collect();
    format!("mutation {{ {fields}}}")
}

const RESET_LINK: &str = "/passwort-zuruecksetzen#";

/// Reset mails are throttled per address and per client (hardening, item 2): a request with
/// 200 aliases is refused before anything runs; one with as many aliases as allowed sends a
/// single mail, and its client's quota (five requests) runs out within it: the later aliases
/// and the client's next request are THROTTLED, in German by default and in English on
/// request. Another client gets the same silent `true` for that address but no second mail,
/// while another address still gets its own.
async fn reset_mails_are_throttled_per_address_and_client(db: TestDatabase) {
    let sink = SmtpSink::start();
    let mut config = config_with_mail(&db, &sink);
    // Every request of a test comes from 127.0.0.1; a trusted proxy header names another client.
    config.trust_proxy_headers = true;
    let app = TestApp::spawn_with(db, config).await;
    let address = "vergessen@zwickau.de";
    let other = "auch-vergessen@zwickau.de";
    app.onboard(&sink, address, platform_admin(), PASSWORD)
        .await;
    app.onboard(&sink, other, platform_admin(), PASSWORD).await;

    // The request of the report: 200 aliases. Too many root fields; nothing runs, nothing is sent.
    let body = app.query(&reset_aliases(address, 200), json!({})).await;
    assert_eq!(error_code(&body), Some("BAD_REQUEST"), "{body}");
    assert!(
        error_message(&body).contains("höchstens 30 Felder auf oberster Ebene"),
        "{body}"
    );
    assert!(body["data"].is_null(), "{body}");

    // As many aliases as a request may carry. They run one after another: the first five
    // count against the client's quota and are answered `true`; only the first sends a mail.
    let body = app.query(&reset_aliases(address, 30), json!({})).await;
    for i in 0..5 {
        assert_eq!(body["data"][format!("r{i}")], true, "alias r{i}: {body}");
    }
    for i in 5..30 {
        assert_ne!(body["data"][format!("r{i}")], true, "alias r{i}: {body}");
    }
    let errors = body["errors"]
        .as_array()
        .expect("errors of the later aliases");
    assert_eq!(errors.len(), 25, "{body}");
    assert!(
        errors
            .iter()
            .all(|e| e["extensions"]["code"] == "THROTTLED"),
        "{body}"
    );
    assert!(
        error_message(&body).starts_with("Von hier wurden gerade viele E-Mails angefordert."),
        "{body}"
    );
    wait_for_mail(&sink, address, RESET_LINK).await;
    // Time for any further mail to arrive; there must be none.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(mails_to(&sink, address, RESET_LINK), 1);

    // The client's quota is spent: its next request is refused at once, whatever address.
    let request = "mutation($e: String!) { requestPasswordReset(email: $e) }";
    let body = app.query(request, json!({ "e": address })).await;
    assert_eq!(error_code(&body), Some("THROTTLED"), "{body}");
    assert!(
        error_message(&body).starts_with("Von hier wurden gerade viele E-Mails angefordert."),
        "{body}"
    );
    let (_, body) = app
        .post(
            json!({ "query": request, "variables": { "e": other } }),
            &[("accept-language", "en")],
        )
        .await;
    assert_eq!(error_code(&body), Some("THROTTLED"), "{body}");
    assert!(
        error_message(&body).starts_with("Many e-mails were requested from here just now."),
        "{body}"
    );

    // Another client has its own quota. For the address in its window it gets the same answer
    // but no mail; another address gets its mail.
    let elsewhere = [("x-forwarded-for", "203.0.113.7")];
    let (_, body) = app
        .post(
            json!({ "query": request, "variables": { "e": address } }),
            &elsewhere,
        )
        .await;
    assert_eq!(body["data"]["requestPasswordReset"], true, "{body}");
    assert!(body["errors"].is_null(), "{body}");
    let (_, body) = app
        .post(
            json!({ "query": request, "variables": { "e": other } }),
            &elsewhere,
        )
        .await;
    assert_eq!(body["data"]["requestPasswordReset"], true, "{body}");
    wait_for_mail(&sink, other, RESET_LINK).await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(mails_to(&sink, address, RESET_LINK), 1, "still one mail");
    assert_eq!(mails_to(&sink, other, RESET_LINK), 1);
}

/// A second (and third) invitation of the same address within the window succeeds and adds
/// its role, but sends no second mail: the link of the first mail still works and the account
/// it opens holds both roles.
async fn a_second_invitation_within_the_window_sends_no_second_mail(db: TestDatabase) {
    let (app, sink) = TestApp::spawn_with_mail(db).await;
    let invite = "mutation($i: InviteInput!) { inviteUser(input: $i) }";
    let address = "neu@bautzen.de";
    let saxony = json!({ "email": address, "displayName": "Neu in Bautzen", "role": "STATE_OFFICE", "federalState": "SN" });
    let anhalt = json!({ "email": address, "displayName": "Neu in Bautzen", "role": "STATE_OFFICE", "federalState": "ST" });

    let body = app.admin(invite, json!({ "i": saxony })).await;
    assert_eq!(body["data"]["inviteUser"], true, "{body}");
    assert!(body["errors"].is_null(), "{body}");
    wait_for_mail(&sink, address, "/einladung#").await;
    let first = sink.wait_for_containing(address, "/einladung#");
    let token = link_token(&first.text, "/einladung#");

    for input in [anhalt, saxony] {
        let body = app.admin(invite, json!({ "i": input })).await;
        assert_eq!(body["data"]["inviteUser"], true, "{body}");
        assert!(body["errors"].is_null(), "{body}");
    }
    // Time for any further mail to arrive; there must be none.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(mails_to(&sink, address, "/einladung#"), 1);
    assert_eq!(
        sink.messages()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .count(),
        1,
        "no other mail to the address either"
    );

    // Both grants are there, once each.
    let body = app
        .admin(
            "{ accounts { email roles { kind federalState } } }",
            json!({}),
        )
        .await;
    let account = body["data"]["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["email"] == address)
        .unwrap_or_else(|| panic!("no account for {address}: {body}"))
        .clone();
    let mut states: Vec<&str> = account["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter(|r| r["kind"] == "STATE_OFFICE")
        .filter_map(|r| r["federalState"].as_str())
        .collect();
    states.sort_unstable();
    assert_eq!(states, vec!["SN", "ST"], "{body}");

    // The first mail's link still works and opens an account with both roles.
    let accept = "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { email } }";
    let (_, headers, body) = app
        .post_full(
            json!({ "query": accept, "variables": { "t": token, "p": PASSWORD } }),
            &[],
        )
        .await;
    assert_eq!(body["data"]["acceptInvitation"]["email"], address, "{body}");
    let cookie = session_cookie(&headers).expect("a session cookie after accepting");
    let me = app.in_session(&cookie, ME, json!({})).await;
    let mut states: Vec<&str> = me["data"]["me"]["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["federalState"].as_str())
        .collect();
    states.sort_unstable();
    assert_eq!(states, vec!["SN", "ST"], "{me}");
}

on_both_databases!(
    reset_mails_are_throttled_per_address_and_client,
    a_second_invitation_within_the_window_sends_no_second_mail,
);
