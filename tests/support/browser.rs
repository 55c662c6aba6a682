//! Driving Debian's headless Chromium through chromedriver (WebDriver, fantoccini), with
//! axe-core injected into every page a test visits.
//!
//! A machine without `chromium`/`chromium-driver` or without `tests/browser/node_modules`
//! (`npm ci --prefix tests/browser`) skips these tests with a message on stderr;
//! `PRAEVNET_TEST_REQUIRE_BROWSER=1` (set by `.ci/run`) turns the skip into a failure.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long a test waits for the app to show something: generous, since a failing wait
/// only slows down a failing test.
const PATIENCE: Duration = Duration::from_secs(15);

pub type Outcome<T = ()> = Result<T, String>;

/// Turns any displayable error into a test failure message.
pub fn fail<E: std::fmt::Display>(context: &str) -> impl FnOnce(E) -> String + '_ {
    move |err| format!("{context}: {err}")
}

/// Fails the step with a message unless the condition holds.
#[macro_export]
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .chain([
            PathBuf::from("/usr/bin"),
            PathBuf::from("/usr/lib/chromium"),
        ])
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

fn axe_path() -> PathBuf {
    std::env::var_os("PRAEVNET_TEST_AXE").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/browser/node_modules/axe-core/axe.min.js")
        },
        PathBuf::from,
    )
}

/// What the machine lacks for browser tests, if anything.
fn missing() -> Option<String> {
    let mut missing = Vec::new();
    if find_program("chromium").is_none() {
        missing.push("chromium (apt-get install chromium)".to_owned());
    }
    if find_program("chromedriver").is_none() {
        missing.push("chromedriver (apt-get install chromium-driver)".to_owned());
    }
    if !axe_path().is_file() {
        missing.push("axe-core (npm ci --prefix tests/browser)".to_owned());
    }
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// A browser session of one test, with its own chromedriver and profile.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
    name: String,
    axe: String,
    /// Pages axe has checked, for the test's summary.
    pub checked: Vec<String>,
}

impl Browser {
    /// Starts Chromium for the test `name`; `None` (after saying why) when the machine has
    /// no browser and the run does not require one.
    pub async fn open(name: &str) -> Option<Browser> {
        if let Some(missing) = missing() {
            if std::env::var("PRAEVNET_TEST_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
                panic!("browser test {name}: missing {missing} (PRAEVNET_TEST_REQUIRE_BROWSER=1)");
            }
            eprintln!("SKIPPED browser test {name}: missing {missing}");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(find_program("chromedriver").expect("checked above"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile folder");
        let chromium = find_program("chromium").expect("checked above");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--no-first-run",
                    "--window-size=1280,900", "--lang=de-DE",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(err) if Instant::now() > deadline => panic!("chromedriver: {err}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let axe = std::fs::read_to_string(axe_path()).expect("axe-core readable");
        Some(Browser {
            client,
            driver,
            _profile: profile,
            name: name.to_owned(),
            axe,
            checked: Vec::new(),
        })
    }

    /// Ends the test: on failure saves a screenshot and fails the test with the step's
    /// message and the screenshot's path.
    pub async fn finish(mut self, outcome: Outcome) {
        let shot = match &outcome {
            Err(_) => self.screenshot().await,
            Ok(()) => None,
        };
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Err(err) = outcome {
            let shot = shot.map_or_else(
                || "no screenshot".to_owned(),
                |p| format!("screenshot: {}", p.display()),
            );
            panic!("browser test {} failed: {err}\n{shot}", self.name);
        }
        eprintln!(
            "browser test {}: axe found no serious or critical violation on {} page(s): {}",
            self.name,
            self.checked.len(),
            self.checked.join(", ")
        );
    }

    async fn screenshot(&self) -> Option<PathBuf> {
        let png = self.client.screenshot().await.ok()?;
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-screenshots");
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join(format!("{}.png", self.name));
        std::fs::write(&path, png).ok()?;
        Some(path)
    }

    pub async fn goto(&mut self, url: &str) -> Outcome {
        self.client.goto(url).await.map_err(fail(url))
    }

    pub async fn script(&self, script: &str, args: Vec<Value>) -> Outcome<Value> {
        self.client
            .execute(script, args)
            .await
            .map_err(fail("script"))
    }

    /// Waits until `script` (a function body returning a value) returns something truthy.
    pub async fn wait_until(&self, what: &str, script: &str, args: Vec<Value>) -> Outcome<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.script(script, args.clone()).await?;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!("")
                && value != json!(0);
            if truthy {
                return Ok(value);
            }
            if Instant::now() > deadline {
                let heading = self
                    .script(
                        "const h = document.querySelector('h1'); return h ? h.textContent : null",
                        vec![],
                    )
                    .await
                    .unwrap_or(Value::Null);
                return Err(format!(
                    "timed out waiting for {what} (page heading: {heading})"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for the page whose `h1` reads `heading`, then checks it with axe.
    pub async fn page(&mut self, heading: &str) -> Outcome {
        self.wait_until(
            &format!("the page '{heading}'"),
            "const h = document.querySelector('main h1'); return h && h.textContent.trim() === arguments[0];",
            vec![json!(heading)],
        )
        .await?;
        // Let the page finish its first data load before judging it.
        self.wait_until(
            "the page to finish loading",
            "return document.querySelectorAll('[aria-busy=\"true\"]').length === 0;",
            vec![],
        )
        .await?;
        self.axe(heading).await
    }

    /// Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on serious or critical findings.
    pub async fn axe(&mut self, label: &str) -> Outcome {
        let loaded = self
            .script("return typeof window.axe !== 'undefined';", vec![])
            .await?;
        if loaded != json!(true) {
            self.script(&format!("{}\n;return true;", self.axe), vec![])
                .await?;
        }
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                   .catch(e => done({ error: String(e) }));",
                vec![],
            )
            .await
            .map_err(fail("axe"))?;
        if let Some(error) = result.get("error") {
            return Err(format!("axe could not run on '{label}': {error}"));
        }
        let severe: Vec<&Value> = result
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        check!(
            severe.is_empty(),
            "axe on '{label}': {}",
            serde_json::to_string_pretty(&severe).unwrap_or_default()
        );
        self.checked.push(label.to_owned());
        Ok(())
    }

    pub async fn find(&self, css: &str) -> Outcome<fantoccini::elements::Element> {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .map_err(fail(css))
    }

    /// Replaces the value of the input `css` with `text`, as typing does.
    pub async fn fill(&self, css: &str, text: &str) -> Outcome {
        let input = self.find(css).await?;
        input.clear().await.map_err(fail(css))?;
        input.send_keys(text).await.map_err(fail(css))
    }

    pub async fn click(&self, css: &str) -> Outcome {
        self.find(css).await?.click().await.map_err(fail(css))
    }

    /// Clicks the link or button whose text is `text`.
    pub async fn click_text(&self, text: &str) -> Outcome {
        let found = self
            .wait_until(
                &format!("a link or button '{text}'"),
                "return [...document.querySelectorAll('a, button')].some(e => e.textContent.trim() === arguments[0]);",
                vec![json!(text)],
            )
            .await;
        found?;
        self.script(
            "[...document.querySelectorAll('a, button')].find(e => e.textContent.trim() === arguments[0]).click(); return true;",
            vec![json!(text)],
        )
        .await
        .map(drop)
    }

    pub async fn value(&self, css: &str) -> Outcome<String> {
        self.find(css)
            .await?
            .prop("value")
            .await
            .map_err(fail(css))
            .map(Option::unwrap_or_default)
    }

    /// Waits until the element `css` contains `text`.
    pub async fn wait_text(&self, css: &str, text: &str) -> Outcome {
        self.wait_until(
            &format!("'{text}' in {css}"),
            "const e = document.querySelector(arguments[0]); return !!e && e.textContent.includes(arguments[1]);",
            vec![json!(css), json!(text)],
        )
        .await
        .map(drop)
    }
}
