//! Free text as users type it: trimmed, with a length limit, refused at its field.

use crate::{Error, Problem};

/// Free text of at most `max` characters, trimmed; empty is allowed.
pub(crate) fn bounded_text(field: &'static str, value: &str, max: usize) -> Result<String, Error> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::validation(field, Problem::TooLong { max }));
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
