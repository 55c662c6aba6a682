//! Naming the operation on the request's span from the document the engine parses, so that
//! the query is parsed once per request, not once more by the transport for its log line. The
//! request's one extension ([`crate::limits`]) calls these.

use async_graphql::extensions::ExtensionContext;
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument};

use crate::request::RequestContext;

/// The name of the document's operation when it has exactly one, named; `None` for an
/// anonymous one or several (the request then names the one to run).
pub(crate) fn only_named(document: &ExecutableDocument) -> Option<String> {
    match &document.operations {
        DocumentOperations::Multiple(operations) if operations.len() == 1 => {
            operations.keys().next().map(ToString::to_string)
        }
        _ => None,
    }
}

/// Records `graphql.operation` on the request's span.
pub(crate) fn record(ctx: &ExtensionContext<'_>, name: &str) {
    if let Some(request) = ctx.data_opt::<RequestContext>() {
        request.span.record("graphql.operation", name);
    }
}
