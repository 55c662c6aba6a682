//! Starting a real server on port 0 with a fresh database, and talking to it over HTTP.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the support module"
)]

pub mod cycle;
pub mod ics;
pub mod structure;

use std::time::{Duration, Instant};

use praevnet_core::SessionSettings;
use praevnet_core::access::principal::Grant;
use praevnet_core::index::SearchSetup;
use praevnet_core::{Principal, Services};
use praevnet_server::config::{Config, SmtpConfig, SmtpTls};
use praevnet_server::{Server, start};
use praevnet_store::{Store, StoreOptions};
use praevnet_testkit::{SmtpSink, TestDatabase};
use serde_json::{Value, json};

pub const ADMIN_EMAIL: &str = "betrieb@praevnet.test";
pub const ADMIN_PASSWORD: &str = "Leuchtturm-Kompass-Zwickau-2026";

/// A server of this test alone, with its own database.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: TestDatabase,
    server: Option<Server>,
    admin_cookie: Option<String>,
}

/// The test configuration: port 0, no demo data.
pub fn test_config(db: &TestDatabase) -> Config {
    let mut config = Config::with_database(db.url.clone());
    config.listen = "127.0.0.1:0".parse().expect("address");
    config.demo_data = false;
    // Attachments of all tests share one folder: their keys are fresh UUIDs.
    config.files_dir = std::env::temp_dir().join("praevnet-test-files");
    config
}

impl TestApp {
    pub async fn spawn(db: TestDatabase) -> TestApp {
        let config = test_config(&db);
        TestApp::spawn_with(db, config).await
    }

    /// Starts with mail going to a local SMTP sink, returned beside the app.
    pub async fn spawn_with_mail(db: TestDatabase) -> (TestApp, SmtpSink) {
        let sink = SmtpSink::start();
        let config = config_with_mail(&db, &sink);
        (TestApp::spawn_with(db, config).await, sink)
    }

    /// Starts with a configuration the test adjusted, and waits until it is ready.
    pub async fn spawn_with(db: TestDatabase, config: Config) -> TestApp {
        let mut app = TestApp::start_unready(db, config).await;
        app.wait_ready().await;
        app.admin_cookie = Some(app.first_admin().await);
        app
    }

    /// Creates the platform administrator as the operator's `praevnet admin create` does (the
    /// command itself is tested in `tests/operations.rs`) and logs in.
    async fn first_admin(&self) -> String {
        let store = Store::connect(&self.db.url, &StoreOptions::default())
            .await
            .expect("store");
        let services = Services::new(
            store,
            SessionSettings::default(),
            SearchSetup::in_memory().expect("search index"),
        );
        if services
            .accounts()
            .login(ADMIN_EMAIL, ADMIN_PASSWORD, "test")
            .await
            .is_err()
        {
            services
                .accounts()
                .create_account(
                    &Principal::System,
                    ADMIN_EMAIL,
                    "Betrieb",
                    Grant::PlatformAdmin,
                    Some(ADMIN_PASSWORD.into()),
                )
                .await
                .expect("first administrator");
        }
        services.close().await.expect("close");
        let (body, cookie) = self.login(ADMIN_EMAIL, ADMIN_PASSWORD).await;
        cookie.unwrap_or_else(|| panic!("administrator login: {body}"))
    }

    /// Starts without waiting for the database, for tests of the not-ready state.
    pub async fn start_unready(db: TestDatabase, config: Config) -> TestApp {
        let server = start(config).await.expect("server starts");
        TestApp {
            base: format!("http://{}", server.addr()),
            client: reqwest::Client::new(),
            db,
            server: Some(server),
            admin_cookie: None,
        }
    }

    pub async fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let response = self.get("/readyz").await;
            if response.status() == 200 {
                return;
            }
            assert!(Instant::now() < deadline, "server not ready within 30 s");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server gracefully; the database stays for a restart.
    pub async fn stop(mut self) -> TestDatabase {
        if let Some(server) = self.server.take() {
            server.shutdown().await.expect("graceful shutdown");
        }
        self.db
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET sent")
    }

    /// Posts a GraphQL request and returns status, headers and JSON body.
    pub async fn post_full(
        &self,
        body: Value,
        headers: &[(&str, &str)],
    ) -> (u16, reqwest::header::HeaderMap, Value) {
        let mut request = self.client.post(self.url("/graphql")).json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let json = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }));
        (status, headers, json)
    }

    /// Posts a GraphQL request and returns status and JSON body.
    pub async fn post(&self, body: Value, headers: &[(&str, &str)]) -> (u16, Value) {
        let (status, _, json) = self.post_full(body, headers).await;
        (status, json)
    }

    /// Runs a query in a browser session: with its cookie and the app's origin header.
    pub async fn in_session(&self, cookie: &str, query: &str, variables: Value) -> Value {
        let body = json!({ "query": query, "variables": variables });
        self.post(body, &[("cookie", cookie), ("x-praevnet-csrf", "1")])
            .await
            .1
    }

    /// Logs in; returns the answer and the session cookie (`name=value`) if one was set.
    pub async fn login(&self, email: &str, password: &str) -> (Value, Option<String>) {
        let body = json!({
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email roles { kind } } }",
            "variables": { "e": email, "p": password }
        });
        let (_, headers, json) = self.post_full(body, &[]).await;
        (json, session_cookie(&headers))
    }

    /// Invites `email` with `role` (as the bootstrap administrator), takes the link from the
    /// mail the sink received, sets `password` with it and returns the session cookie.
    pub async fn onboard(
        &self,
        sink: &SmtpSink,
        email: &str,
        role: Value,
        password: &str,
    ) -> String {
        let mut input = role;
        input["email"] = json!(email);
        input["displayName"] = json!(format!("Testperson {email}"));
        let body = self
            .admin(
                "mutation($i: InviteInput!) { inviteUser(input: $i) }",
                json!({ "i": input }),
            )
            .await;
        assert_eq!(body["data"]["inviteUser"], true, "{body}");
        let token = link_token(&sink.wait_for(email).text, "/einladung#");
        let body = json!({
            "query": "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { email } }",
            "variables": { "t": token, "p": password }
        });
        let (_, headers, json) = self.post_full(body, &[]).await;
        assert_eq!(json["data"]["acceptInvitation"]["email"], email, "{json}");
        session_cookie(&headers).expect("a session cookie after accepting")
    }

    /// Runs a query anonymously.
    pub async fn query(&self, query: &str, variables: Value) -> Value {
        self.post(json!({ "query": query, "variables": variables }), &[])
            .await
            .1
    }

    /// Runs a query as the platform administrator of the test.
    pub async fn admin(&self, query: &str, variables: Value) -> Value {
        let cookie = self
            .admin_cookie
            .clone()
            .expect("started with an administrator");
        self.in_session(&cookie, query, variables).await
    }

    /// The session cookie of the test's platform administrator.
    pub fn admin_cookie(&self) -> String {
        self.admin_cookie
            .clone()
            .expect("started with an administrator")
    }

    /// Uploads `bytes` as an attachment of `practice`; returns the status and the JSON answer.
    pub async fn upload(
        &self,
        cookie: &str,
        municipality: &str,
        practice: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> (u16, Value) {
        let path = format!("/api/kommunen/{municipality}/praxis/{practice}/anhaenge");
        self.upload_to(Some(cookie), &path, name, bytes).await
    }

    /// Uploads `bytes` named `name` to the upload address `path` (with the session `cookie`,
    /// if any); returns the status and the JSON answer.
    pub async fn upload_to(
        &self,
        cookie: Option<&str>,
        path: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> (u16, Value) {
        let name: String = name
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let mut request = self
            .client
            .post(self.url(&format!("{path}?name={name}")))
            .header("x-praevnet-csrf", "1")
            .body(bytes);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("upload answers");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Downloads a file; returns the status, the content type and the bytes.
    pub async fn download(&self, cookie: Option<&str>, path: &str) -> (u16, String, Vec<u8>) {
        let mut request = self.client.get(self.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("download answers");
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, kind, response.bytes().await.expect("body").to_vec())
    }

    /// Creates a municipality as administrator and returns its id.
    pub async fn create_municipality(&self, name: &str, ags: &str, state: &str) -> String {
        let body = self
            .admin(
                "mutation($i: CreateMunicipalityInput!) { createMunicipality(input: $i) { id } }",
                json!({ "i": { "name": name, "ags": ags, "federalState": state, "population": 50000 } }),
            )
            .await;
        body["data"]["createMunicipality"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("created {name}: {body}"))
            .to_owned()
    }
}

/// The session cookie (`praevnet_session=...`) a response sets, if any.
pub fn session_cookie(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("praevnet_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// The token of a link in a mail: the 64 hex digits after `marker`.
pub fn link_token(mail: &str, marker: &str) -> String {
    let start = mail
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} link in: {mail}"))
        + marker.len();
    mail[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

/// A configuration that sends mail to `sink`.
pub fn config_with_mail(db: &TestDatabase, sink: &SmtpSink) -> Config {
    let mut config = test_config(db);
    config.smtp = Some(SmtpConfig {
        host: "127.0.0.1".into(),
        port: sink.port,
        tls: SmtpTls::None,
        credentials: None,
    });
    config.mail_from = "praevnet Test <noreply@praevnet.test>".into();
    config.public_url = "http://praevnet.test".into();
    config
}

/// The role input of a platform administrator, for `onboard`.
pub fn platform_admin() -> Value {
    json!({ "role": "PLATFORM_ADMIN" })
}

/// The code of the first error of a GraphQL response (`None` when it succeeded).
pub fn error_code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

pub fn error_message(body: &Value) -> &str {
    body["errors"][0]["message"].as_str().unwrap_or_default()
}

/// The `id` of what a one-field mutation returned (`{ data: { someMutation: { id } } }`).
pub fn returned_id(body: &Value) -> Option<String> {
    body["data"]
        .as_object()
        .and_then(|d| d.values().next())
        .and_then(|v| v["id"].as_str())
        .map(str::to_owned)
}
