//! Mapping core's errors to GraphQL errors: code, field and message in the user's language.

use async_graphql::{Context, ErrorExtensions, Response, Value};
use praevnet_core::{Error, Lang, Problem};

use crate::request::RequestContext;

/// Converts a core result into a GraphQL result, logging what must not be sent.
pub(crate) trait ResultExt<T> {
    fn gql(self, ctx: &Context<'_>) -> async_graphql::Result<T>;
}

impl<T> ResultExt<T> for Result<T, Error> {
    fn gql(self, ctx: &Context<'_>) -> async_graphql::Result<T> {
        self.map_err(|err| to_graphql(ctx, err))
    }
}

pub(crate) fn to_graphql(ctx: &Context<'_>, err: Error) -> async_graphql::Error {
    // Every request carries one (the server inserts it); see `ContextExt::request`.
    let request = ctx.data_unchecked::<RequestContext>();
    match &err {
        Error::Internal(detail) => {
            tracing::error!(parent: &request.span, request_id = %request.request_id, %detail, "internal error");
        }
        Error::Unavailable(detail) => {
            tracing::warn!(parent: &request.span, request_id = %request.request_id, %detail, "database unavailable");
        }
        _ => {}
    }
    let request_id = request.request_id.clone();
    async_graphql::Error::new(err.message(request.lang)).extend_with(|_, ext| {
        ext.set("code", err.code());
        if let Some(field) = err.field() {
            ext.set("field", field);
        }
        ext.set("requestId", request_id.as_str());
    })
}

/// Gives errors raised by the GraphQL engine itself (syntax, unknown fields, limits) a code
/// too, so clients can rely on `extensions.code` being present on every error.
pub fn finalize_response(response: &mut Response, request_id: &str, lang: Lang) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", Value::from("BAD_REQUEST"));
            extensions.set("requestId", Value::from(request_id));
            // The engine speaks English; the user's language comes first, its detail after.
            error.message = format!(
                "{} ({})",
                Problem::MalformedRequest.message(lang),
                error.message
            );
        }
    }
}
