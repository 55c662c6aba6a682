//! Naming the operation on the request's span from the document parsed once per request
//! ([`crate::ApiSchema::execute`]), not once more by the transport for its log line.

use async_graphql::parser::types::{DocumentOperations, ExecutableDocument};

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
