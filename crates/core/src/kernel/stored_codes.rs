//! Chosen values of a code list as the database keeps them: their codes, comma-separated.

use crate::{Error, Result};

/// The values in their first order, each once (a form may send one twice).
pub(crate) fn unique<T: PartialEq + Copy>(values: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for v in values {
        if !out.contains(v) {
            out.push(*v);
        }
    }
    out
}

pub(crate) fn join<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

/// Stored codes back to values; an unknown code is an internal error (the database holds only
/// what this vocabulary wrote).
pub(crate) fn split<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<Vec<T>> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| parse(c).ok_or_else(|| Error::Internal(format!("stored code {c}"))))
        .collect()
}
