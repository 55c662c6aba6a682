//! Running the platform: the binary's commands and settings, probes, and graceful shutdown.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use praevnet_server::Config;
use praevnet_testkit::TestDatabase;
use serde_json::{Value, json};
use support::{TestApp, error_code};

const BIN: &str = env!("CARGO_BIN_EXE_praevnet");

/// The binary with a clean environment: only what the test sets counts.
fn praevnet(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

fn output(command: &mut Command) -> (i32, String, String) {
    let out = command.output().expect("praevnet runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_has_help() {
    let (code, stdout, _) = output(&mut praevnet(&["--help"]));
    assert_eq!(code, 0);
    for command in ["serve", "migrate", "schema", "admin"] {
        assert!(stdout.contains(command), "{stdout}");
        let (code, help, _) = output(&mut praevnet(&[command, "--help"]));
        assert_eq!(code, 0, "{command} --help");
        assert!(help.contains("Usage"), "{help}");
    }
    let (_, serve_help, _) = output(&mut praevnet(&["serve", "--help"]));
    for setting in praevnet_server::config::SETTINGS {
        assert!(
            serve_help.contains(setting.env),
            "serve --help lacks {}",
            setting.env
        );
    }
}

#[test]
fn unknown_or_malformed_settings_stop_start_up() {
    let cases = [
        (
            "PRAEVNET_LISTN",
            "127.0.0.1:0",
            "Unbekannte Einstellung PRAEVNET_LISTN",
        ),
        (
            "PRAEVNET_LISTEN",
            "irgendwo",
            "Ungültige Einstellung PRAEVNET_LISTEN",
        ),
        (
            "PRAEVNET_DEMO_DATA",
            "vielleicht",
            "Ungültige Einstellung PRAEVNET_DEMO_DATA",
        ),
        (
            "DATABASE_URL",
            "mysql://geheim@db/x",
            "Ungültige Einstellung DATABASE_URL",
        ),
    ];
    for (name, value, expected) in cases {
        let (code, _, stderr) = output(praevnet(&["serve"]).env(name, value));
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(
            !stderr.contains("geheim"),
            "a URL may hold a password: {stderr}"
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("praevnet.toml");
    std::fs::write(&file, "listen = \"127.0.0.1:0\"\ndemo_daten = true\n").expect("write");
    let (code, _, stderr) = output(&mut praevnet(&[
        "--config",
        file.to_str().expect("utf-8"),
        "serve",
    ]));
    assert_eq!(code, 2);
    assert!(stderr.contains("demo_daten"), "{stderr}");
}

#[test]
fn readme_documents_every_setting() {
    let readme = include_str!("../README.md");
    for setting in praevnet_server::config::SETTINGS {
        assert!(
            readme.contains(&format!("`{}`", setting.env)),
            "README lacks {}",
            setting.env
        );
    }
}

#[test]
fn migrate_command_goes_up_down_and_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A folder that does not exist yet, as `./data/` on a new clone.
    let url = format!("sqlite://{}/data/m.db", dir.path().display());
    let (code, stdout, stderr) = output(praevnet(&["migrate"]).env("DATABASE_URL", &url));
    assert_eq!(code, 0, "{stderr}");
    let applied: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("applied  "))
        .collect();
    assert_eq!(
        applied.first(),
        Some(&"m20261121_000001_municipalities"),
        "{stdout}"
    );
    assert!(
        !stdout.lines().any(|l| l.starts_with("pending  ")),
        "{stdout}"
    );
    let newest = applied.last().expect("a migration").to_string();

    let (code, stdout, _) = output(praevnet(&["migrate", "down"]).env("DATABASE_URL", &url));
    assert_eq!(code, 0);
    // One step back: the newest migration is pending again, the others stay applied.
    assert!(stdout.contains(&format!("pending  {newest}")), "{stdout}");
    assert!(
        stdout.contains("applied  m20261121_000001_municipalities"),
        "{stdout}"
    );
    let (code, stdout, _) = output(praevnet(&["migrate", "status"]).env("DATABASE_URL", &url));
    assert_eq!(code, 0);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("pending")).count(),
        1,
        "{stdout}"
    );
}

/// A child `praevnet serve` whose address is read from its log.
struct Running {
    child: Child,
    addr: String,
}

impl Running {
    /// Starts `praevnet serve` and reads the bound address from its log, using `find_addr`
    /// on each line (the log format differs between the modes).
    fn start(command: &mut Command, find_addr: fn(&str) -> Option<String>) -> Running {
        let mut child = command
            .env("PRAEVNET_LISTEN", "127.0.0.1:0")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn praevnet");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("log line before exit")
                .expect("utf-8 log");
            if let Some(addr) = find_addr(&line) {
                break addr;
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Running { child, addr }
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if http(&self.addr, "GET", "/readyz", "").starts_with("HTTP/1.1 200") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("not ready in 30 s");
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    fn wait_exit(&mut self, within: Duration) -> Option<i32> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in a development log line (`... addr=127.0.0.1:PORT`).
fn text_log_addr(line: &str) -> Option<String> {
    let rest = line.split("addr=").nth(1)?;
    rest.split_whitespace().next().map(str::to_owned)
}

/// The address in a production log line (JSON with `fields.addr`).
fn json_log_addr(line: &str) -> Option<String> {
    let entry: Value = serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}"));
    entry["fields"]["addr"].as_str().map(str::to_owned)
}

/// One HTTP/1.1 request on a fresh connection; the whole response as text.
fn http(addr: &str, method: &str, path: &str, body: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return String::new();
    };
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    response
}

fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/praevnet.db", dir.path().display())
}

#[test]
fn sigterm_lets_requests_in_flight_finish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = Running::start(
        praevnet(&["serve"])
            .env("DATABASE_URL", sqlite_url(&dir))
            .env("PRAEVNET_DEMO_DATA", "false"),
        text_log_addr,
    );
    server.wait_ready();
    assert!(http(&server.addr, "GET", "/healthz", "").ends_with("ok\n"));

    // A request whose body is only half sent when the signal arrives.
    let body = json!({ "query": "{ municipalities { totalCount } }" }).to_string();
    let (first, second) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(&server.addr).expect("connect");
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("head");
    stream.write_all(first.as_bytes()).expect("first half");
    stream.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(200));

    server.terminate();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        server.wait_exit(Duration::ZERO),
        None,
        "must wait for the request in flight"
    );

    stream.write_all(second.as_bytes()).expect("second half");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"totalCount\":0"), "{response}");

    assert_eq!(
        server.wait_exit(Duration::from_secs(10)),
        Some(0),
        "exits cleanly after the request"
    );
    assert!(
        TcpStream::connect(&server.addr).is_err(),
        "no longer accepting connections"
    );
}

#[test]
fn binary_serves_demo_data_on_first_start_with_json_logs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Running::start(
        praevnet(&["serve"])
            .env("DATABASE_URL", sqlite_url(&dir))
            .env("PRAEVNET_MODE", "production"),
        json_log_addr,
    );
    server.wait_ready();
    let body = json!({ "query": "{ municipalities { totalCount items { ags } } }" }).to_string();
    let response = http(&server.addr, "POST", "/graphql", &body);
    for ags in ["15002000", "14713000", "14511000", "14524330"] {
        assert!(response.contains(ags), "{ags} missing: {response}");
    }
}

/// A database that is down at start makes the server unready, not dead.
#[tokio::test]
async fn database_down_at_start_means_not_ready() {
    // Nothing listens on port 1; the URL is well formed, the database unreachable.
    let mut config = Config::with_database("postgres://praevnet@127.0.0.1:1/praevnet");
    config.listen = "127.0.0.1:0".parse().expect("addr");
    let app = TestApp::start_unready(TestDatabase::sqlite(), config).await;

    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    let (status, body) = app
        .post(json!({ "query": "{ municipalities { totalCount } }" }), &[])
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (503, Some("UNAVAILABLE")),
        "{body}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("vorübergehend")
    );
    // Still alive after a few retries.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    app.stop().await;
}

/// Each response carries the request id that the logs and traces use.
#[tokio::test]
async fn responses_carry_a_request_id() {
    let app = TestApp::spawn(TestDatabase::sqlite()).await;
    let response = app.get("/healthz").await;
    let id = response
        .headers()
        .get("x-request-id")
        .expect("x-request-id header");
    assert_eq!(id.to_str().expect("ascii").len(), 36);
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "given-by-the-proxy")
        .send()
        .await
        .expect("get");
    assert_eq!(response.headers()["x-request-id"], "given-by-the-proxy");
}

/// A minimal OTLP/HTTP collector: records the path and body of every request it receives.
fn otlp_sink() -> (String, std::sync::mpsc::Receiver<(String, Vec<u8>)>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind sink");
    let addr = listener.local_addr().expect("addr").to_string();
    let (sender, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let sender = sender.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream);
                // Several requests may come over one kept-alive connection.
                loop {
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                        return;
                    }
                    let path = request_line
                        .split_whitespace()
                        .nth(1)
                        .unwrap_or("")
                        .to_owned();
                    let mut length = 0;
                    loop {
                        let mut header = String::new();
                        reader.read_line(&mut header).expect("header");
                        if header.trim().is_empty() {
                            break;
                        }
                        if let Some((name, value)) = header.split_once(':')
                            && name.eq_ignore_ascii_case("content-length")
                        {
                            length = value.trim().parse().expect("length");
                        }
                    }
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).expect("body");
                    let _ = sender.send((path, body));
                    let ok = "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n";
                    reader.get_mut().write_all(ok.as_bytes()).expect("respond");
                }
            });
        }
    });
    (format!("http://{addr}"), received)
}

#[test]
fn spans_are_exported_over_otlp_when_configured() {
    let (endpoint, received) = otlp_sink();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = Running::start(
        praevnet(&["serve"])
            .env("DATABASE_URL", sqlite_url(&dir))
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint),
        text_log_addr,
    );
    server.wait_ready();
    let body = json!({ "query": "query Zaehlen { municipalities { totalCount } }" }).to_string();
    assert!(http(&server.addr, "POST", "/graphql", &body).starts_with("HTTP/1.1 200"));
    // Stopping flushes the batch of spans.
    server.terminate();
    assert_eq!(server.wait_exit(Duration::from_secs(15)), Some(0));

    let exports: Vec<(String, Vec<u8>)> = received.try_iter().collect();
    assert!(!exports.is_empty(), "the collector received nothing");
    assert!(
        exports.iter().all(|(path, _)| path == "/v1/traces"),
        "{:?}",
        exports.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    let all: Vec<u8> = exports.into_iter().flat_map(|(_, body)| body).collect();
    let contains = |needle: &str| all.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(contains("praevnet"), "service name missing");
    assert!(contains("POST /graphql"), "request span missing");
    assert!(contains("Zaehlen"), "operation name missing");
}

/// The operator's way to the first administrator: `praevnet admin create`, password on stdin.
#[test]
fn admin_create_command_makes_an_account_that_can_log_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Before the first start: the data folder does not exist yet.
    let url = format!("sqlite://{}/data/praevnet.db", dir.path().display());
    let create = |password: &str| {
        let mut child = praevnet(&[
            "admin",
            "create",
            "--email",
            "Betrieb@Example.de",
            "--name",
            "Betrieb",
        ])
        .env("DATABASE_URL", &url)
        .env("PRAEVNET_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{password}\n").as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("wait");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, stderr) = create("passwort123");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("password: Dieses Passwort ist zu leicht zu erraten"),
        "{stderr}"
    );
    let (code, stdout, stderr) = create("Leuchtturm-Kompass-Zwickau-2026");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("Plattform-Administration angelegt: betrieb@example.de"),
        "{stdout}"
    );

    let server = Running::start(
        praevnet(&["serve"])
            .env("DATABASE_URL", &url)
            .env("PRAEVNET_DEMO_DATA", "false"),
        text_log_addr,
    );
    server.wait_ready();
    let login = json!({
        "query": "mutation { login(email: \"betrieb@example.de\", password: \"Leuchtturm-Kompass-Zwickau-2026\") { roles { kind } } }"
    })
    .to_string();
    let response = http(&server.addr, "POST", "/graphql", &login);
    assert!(response.contains("PLATFORM_ADMIN"), "{response}");
    assert!(
        response.contains("set-cookie: praevnet_session="),
        "{response}"
    );
}
