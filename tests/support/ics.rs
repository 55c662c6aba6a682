//! The strict iCalendar parser of the tests: Python's `ical` package, not the code that wrote
//! the files, run by `tests/support/ics_check.py`.
//!
//! The parser's interpreter is named by `PRAEVNET_TEST_ICAL_PYTHON` (CI installs it); without
//! it the check is skipped with a message, unless `PRAEVNET_TEST_REQUIRE_ICAL` is set.

use std::io::Write as _;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The events of `ics` as the strict parser reads them; `None` when no parser is installed
/// here (and none is required).
pub fn parse_strictly(ics: &str) -> Option<Vec<Value>> {
    let Ok(python) = std::env::var("PRAEVNET_TEST_ICAL_PYTHON") else {
        assert!(
            std::env::var_os("PRAEVNET_TEST_REQUIRE_ICAL").is_none(),
            "PRAEVNET_TEST_REQUIRE_ICAL is set but PRAEVNET_TEST_ICAL_PYTHON is not"
        );
        eprintln!("strict iCalendar check skipped: set PRAEVNET_TEST_ICAL_PYTHON (see .ci/run)");
        return None;
    };
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/support/ics_check.py"
    );
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the parser starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(ics.as_bytes())
        .expect("the calendar is handed over");
    let output = child.wait_with_output().expect("the parser ends");
    assert!(
        output.status.success(),
        "the strict parser refused the calendar: {}\n{ics}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("the parser's JSON"))
}
