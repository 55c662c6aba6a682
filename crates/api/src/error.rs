//! Mapping core's errors to GraphQL errors: code, field and message in the user's language.
//!
//! Resolvers answer core's [`Error`] with `?`: async-graphql keeps it as the error's source, and
//! [`finalize_response`] turns every one of them into the client's message in one place, after
//! the request has run. No resolver converts, logs or localises an error itself.

use async_graphql::{Response, ServerError, Value};
use praevnet_core::{Error, Problem};

use crate::request::RequestContext;

/// Gives every error of a response its code, field, request id and message in the user's
/// language: core's errors from their source, and those the GraphQL engine raised itself
/// (syntax, unknown fields, limits) as `BAD_REQUEST`, so clients can rely on
/// `extensions.code` being present on every error.
pub fn finalize_response(response: &mut Response, request: &RequestContext) {
    for error in &mut response.errors {
        match error.source::<Error>() {
            Some(err) => {
                log(request, err);
                let (message, code, field) = (err.message(request.lang), err.code(), err.field());
                error.message = message;
                let extensions = error.extensions.get_or_insert_with(Default::default);
                extensions.set("code", Value::from(code));
                if let Some(field) = field {
                    extensions.set("field", Value::from(field));
                }
                extensions.set("requestId", Value::from(request.request_id.as_str()));
            }
            None => engine_error(error, request),
        }
    }
}

/// What the user cannot act on goes to the log, on the request's span; the client sees only
/// the code and the request id.
fn log(request: &RequestContext, err: &Error) {
    match err {
        Error::Internal(detail) => {
            tracing::error!(parent: &request.span, request_id = %request.request_id, %detail, "internal error");
        }
        Error::Unavailable(detail) => {
            tracing::warn!(parent: &request.span, request_id = %request.request_id, %detail, "database unavailable");
        }
        _ => {}
    }
}

fn engine_error(error: &mut ServerError, request: &RequestContext) {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", Value::from("BAD_REQUEST"));
        extensions.set("requestId", Value::from(request.request_id.as_str()));
        // The engine speaks English; the user's language comes first, its detail after.
        let problem = if error.message.starts_with("Query is too complex") {
            Problem::TooComplex
        } else {
            Problem::MalformedRequest
        };
        error.message = format!("{} ({})", problem.message(request.lang), error.message);
    }
}
