//! Naming the operation on the request's span from the document the engine parses, so that
//! the query is parsed once per request, not once more by the transport for its log line.

use std::sync::{Arc, Mutex};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery,
};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument};
use async_graphql::{Response, ServerResult, Variables};

use crate::request::RequestContext;

/// Records `graphql.operation`: the requested operation, else the document's only named one,
/// else `anonymous` (or `unparsable`).
pub(crate) struct OperationName;

impl ExtensionFactory for OperationName {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Naming::default())
    }
}

/// One request's naming: the only named operation of its document, once parsed.
#[derive(Default)]
struct Naming {
    only: Mutex<Option<String>>,
}

fn record(ctx: &ExtensionContext<'_>, name: &str) {
    if let Some(request) = ctx.data_opt::<RequestContext>() {
        request.span.record("graphql.operation", name);
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Naming {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let parsed = next.run(ctx, query, variables).await;
        match &parsed {
            Ok(document) => {
                if let DocumentOperations::Multiple(operations) = &document.operations
                    && operations.len() == 1
                    && let Ok(mut only) = self.only.lock()
                {
                    *only = operations.keys().next().map(ToString::to_string);
                }
            }
            Err(_) => record(ctx, "unparsable"),
        }
        parsed
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let only = self.only.lock().ok().and_then(|mut only| only.take());
        let name = operation_name.map(str::to_owned).or(only);
        record(ctx, name.as_deref().unwrap_or("anonymous"));
        next.run(ctx, operation_name).await
    }
}
