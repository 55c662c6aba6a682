//! Sending requests and judging their answers; the figures of a run.

use super::*;

/// Status and body of the answer, or why there is none.
pub(super) async fn send(
    app: &TestApp,
    body: &Value,
    cookie: Option<&str>,
    english: bool,
) -> Result<(u16, String), String> {
    let mut request = app
        .client
        .post(app.url("/graphql"))
        .timeout(REQUEST_TIMEOUT)
        .json(body);
    if let Some(cookie) = cookie {
        request = request
            .header("cookie", cookie)
            .header("x-praevnet-csrf", "1");
    }
    if english {
        request = request.header("accept-language", "en");
    }
    let response = request.send().await.map_err(|err| {
        format!("no answer (a panic in a handler drops the connection; a hang times out): {err:?}")
    })?;
    let status = response.status().as_u16();
    let text = response
        .text()
        .await
        .map_err(|err| format!("HTTP {status}, the body broke off: {err:?}"))?;
    Ok((status, text))
}

/// What is wrong with an answer; nothing when it is data or an error a client can act on.
pub(super) fn findings(status: u16, body: Option<&Value>) -> Vec<String> {
    let mut found = Vec::new();
    if status >= 500 {
        found.push(format!("HTTP {status}"));
    }
    let Some(body) = body else {
        // A body above the limit is refused with 413 before GraphQL, without a body.
        if status != 413 {
            found.push("the answer is not JSON".to_owned());
        }
        return found;
    };
    if body.get("data").is_none() && body.get("errors").is_none() {
        found.push("the answer has neither `data` nor `errors`".to_owned());
    }
    if let Some(errors) = body["errors"].as_array() {
        for error in errors {
            let message = error["message"].as_str().unwrap_or_default();
            if error["extensions"]["code"] == "INTERNAL" {
                found.push(format!("INTERNAL: {message}"));
            }
            let lower = message.to_lowercase();
            if let Some(marker) = INTERNALS.iter().find(|marker| lower.contains(**marker)) {
                found.push(format!("the message shows internals ({marker}): {message}"));
            }
        }
    }
    found
}

/// `OK`, or the code of the first error.
pub(super) fn outcome(body: &Value) -> String {
    match (
        &body["errors"],
        body["errors"][0]["extensions"]["code"].as_str(),
    ) {
        (Value::Null, _) => "OK".to_owned(),
        (_, Some(code)) => code.to_owned(),
        (_, None) => "(no code)".to_owned(),
    }
}

pub(super) struct Failure {
    pub(super) caller: &'static str,
    pub(super) request: Request,
    pub(super) status: Option<u16>,
    pub(super) answer: String,
    pub(super) findings: Vec<String>,
}

impl Failure {
    pub(super) fn describe(&self) -> String {
        let status = self
            .status
            .map_or_else(|| "no answer".to_owned(), |s| format!("HTTP {s}"));
        let variables = shorten(&Value::Object(self.request.variables.clone()));
        format!(
            "{} as {} ({status}): {}\n  query: {}\n  variables: {variables}\n  answer: {}",
            self.request.field,
            self.caller,
            self.findings.join("; "),
            abbreviate(&self.request.query, 2_000),
            abbreviate(&self.answer, 1_000)
        )
    }
}

/// Long strings cut for the report (the seed repeats the whole request).
pub(super) fn shorten(value: &Value) -> Value {
    match value {
        Value::String(text) if text.chars().count() > 120 => Value::from(abbreviate(text, 40)),
        Value::Array(items) => Value::Array(items.iter().map(shorten).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, field)| (name.clone(), shorten(field)))
                .collect(),
        ),
        other => other.clone(),
    }
}

pub(super) fn abbreviate(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let start: String = text.chars().take(max).collect();
    format!("{start}… ({count} characters)")
}

/// What a run did and found.
pub(super) struct Run {
    /// Requests per caller, in the order of the callers.
    pub(super) sent: Vec<usize>,
    pub(super) outcomes: BTreeMap<String, usize>,
    /// Root fields answered without error at least once.
    pub(super) answered: BTreeSet<String>,
    pub(super) failures: Vec<Failure>,
    pub(super) failure_count: usize,
    pub(super) elapsed: Duration,
    pub(super) stopped_early: bool,
}

impl Run {
    pub(super) fn new(callers: usize) -> Run {
        Run {
            sent: vec![0; callers],
            outcomes: BTreeMap::new(),
            answered: BTreeSet::new(),
            failures: Vec::new(),
            failure_count: 0,
            elapsed: Duration::ZERO,
            stopped_early: false,
        }
    }

    pub(super) fn record(
        &mut self,
        caller: &'static str,
        request: Request,
        answer: Result<(u16, String), String>,
        fuzzer: &mut Fuzzer<'_>,
    ) {
        let (status, text) = match answer {
            Ok(answer) => answer,
            Err(reason) => {
                self.count("(no answer)");
                self.fail(Failure {
                    caller,
                    request,
                    status: None,
                    answer: String::new(),
                    findings: vec![reason],
                });
                return;
            }
        };
        let body: Option<Value> = serde_json::from_str(&text).ok();
        let findings = findings(status, body.as_ref());
        match &body {
            Some(body) => {
                fuzzer.harvest(&body["data"]);
                let outcome = outcome(body);
                if outcome == "OK" {
                    self.answered.insert(request.field.clone());
                }
                self.count(&outcome);
            }
            None => self.count(&format!("HTTP {status} without JSON")),
        }
        if !findings.is_empty() {
            self.fail(Failure {
                caller,
                request,
                status: Some(status),
                answer: text,
                findings,
            });
        }
    }

    pub(super) fn count(&mut self, outcome: &str) {
        *self.outcomes.entry(outcome.to_owned()).or_insert(0) += 1;
    }

    pub(super) fn fail(&mut self, failure: Failure) {
        self.failure_count += 1;
        if self.failures.len() < SHOWN_FAILURES {
            self.failures.push(failure);
        }
    }
}

/// Sends the requests, the callers taking turns, until the count or the time is up.
pub(super) async fn fuzz(
    app: &TestApp,
    callers: &[Caller],
    fuzzer: &mut Fuzzer<'_>,
    settings: &Settings,
) -> Run {
    let schema = fuzzer.schema;
    let operations: Vec<Vec<usize>> = callers.iter().map(|c| schema.operations(c)).collect();
    let mut run = Run::new(callers.len());
    let started = Instant::now();
    'rounds: for _ in 0..settings.requests {
        for (index, caller) in callers.iter().enumerate() {
            if started.elapsed() > settings.budget {
                run.stopped_early = true;
                break 'rounds;
            }
            let root = &schema.roots[*fuzzer.rng.pick(&operations[index])];
            let request = fuzzer.request(root);
            let cookie = fuzzer.cookie_for(caller);
            let english = fuzzer.rng.chance(30);
            let answer = send(app, &request.body(), cookie.as_deref(), english).await;
            run.sent[index] += 1;
            run.record(caller.name, request, answer, fuzzer);
        }
    }
    run.elapsed = started.elapsed();
    run
}

/// The logged-in callers whose session no longer holds.
pub(super) async fn lost_sessions(app: &TestApp, callers: &[Caller]) -> Vec<String> {
    let mut lost = Vec::new();
    for caller in callers {
        let (Some(cookie), Some(account)) = (&caller.cookie, &caller.account) else {
            continue;
        };
        let me = app.in_session(cookie, "{ me { id } }", json!({})).await;
        if me["data"]["me"]["id"].as_str() != Some(account.as_str()) {
            lost.push(format!(
                "{}: the session ended during the run, so its requests ran as nobody: {me}",
                caller.name
            ));
        }
    }
    lost
}

pub(super) fn print_figures(database: &str, callers: &[Caller], run: &Run, fuzzer: &Fuzzer<'_>) {
    let total: usize = run.sent.iter().sum();
    let seconds = run.elapsed.as_secs_f64();
    let per_caller: Vec<String> = callers
        .iter()
        .zip(&run.sent)
        .map(|(caller, sent)| format!("{} {sent}", caller.name))
        .collect();
    println!(
        "fuzz on {database}: {total} requests in {seconds:.1} s ({:.1} requests/s): {}",
        total as f64 / seconds.max(0.001),
        per_caller.join(", ")
    );
    if run.stopped_early {
        println!("fuzz on {database}: stopped at the time bound (PRAEVNET_FUZZ_SECONDS)");
    }
    println!(
        "fuzz on {database}: {} of {} root fields answered without error at least once; {} ids harvested",
        run.answered.len(),
        fuzzer.schema.roots.len(),
        fuzzer.ids.len()
    );
    let mut outcomes: Vec<(&String, &usize)> = run.outcomes.iter().collect();
    outcomes.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let top: Vec<String> = outcomes
        .iter()
        .take(12)
        .map(|(code, count)| format!("{code} {count}"))
        .collect();
    println!("fuzz on {database}: outcomes: {}", top.join(", "));
}

pub(super) fn report(
    database: &str,
    seed: u64,
    run: &Run,
    panics: &[String],
    lost: &[String],
) -> String {
    let mut parts = vec![format!(
        "fuzz on {database}, seed {seed} (PRAEVNET_FUZZ_SEED={seed} repeats the run): \
         {} failing requests (the first {SHOWN_FAILURES} below), {} panics, {} lost sessions",
        run.failure_count,
        panics.len(),
        lost.len()
    )];
    parts.extend(run.failures.iter().map(Failure::describe));
    parts.extend(panics.iter().map(|panic| format!("panic: {panic}")));
    parts.extend(lost.iter().cloned());
    parts.join("\n\n")
}
