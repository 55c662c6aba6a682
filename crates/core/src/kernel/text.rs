//! Free text as users type it: trimmed, with a length limit, refused at its field.

use crate::{Error, Problem};

/// Characters that draw nothing: a value made of them and whitespace only is empty.
fn invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Free text of at most `max` characters, trimmed; empty is allowed. Control characters other
/// than line breaks and tabs are refused here, once for every text: PostgreSQL refuses U+0000
/// while SQLite keeps it, and any of them breaks what is written from the text (the
/// organigram's SVG, iCalendar, CSV).
pub(crate) fn bounded_text(field: &'static str, value: &str, max: usize) -> Result<String, Error> {
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::validation(field, Problem::ControlCharacter));
    }
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::validation(field, Problem::TooLong { max }));
    }
    if value.chars().all(invisible) {
        return Ok(String::new());
    }
    Ok(value.to_owned())
}

/// Like [`bounded_text`], but an empty value is refused.
pub(crate) fn required_text(field: &'static str, value: &str, max: usize) -> Result<String, Error> {
    let value = bounded_text(field, value, max)?;
    if value.is_empty() {
        return Err(Error::validation(field, Problem::Required));
    }
    Ok(value)
}

/// Like [`bounded_text`], with an absent or empty value as `None`.
pub(crate) fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, Error> {
    Ok(value
        .map(|v| bounded_text(field, v, max))
        .transpose()?
        .filter(|v| !v.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_and_invisible_values_are_empty() {
        let err = bounded_text("name", "AG\u{0}Test", 100).expect_err("NUL");
        assert_eq!(err.field(), Some("name"));
        assert!(bounded_text("name", "AG\u{7}", 100).is_err());
        assert_eq!(
            bounded_text("text", "Zeile 1\nZeile 2\tEnde", 100).expect("line breaks"),
            "Zeile 1\nZeile 2\tEnde"
        );
        let err = required_text("name", "\u{200B}\u{FEFF} ", 100).expect_err("invisible");
        assert_eq!(err.field(), Some("name"));
        assert_eq!(
            optional_text("x", Some("\u{2060}"), 10).expect("empty"),
            None
        );
    }
}
