//! What the transport learned about a request before the query runs.

use async_graphql::Context;
use praevnet_core::{Lang, Principal, Services};

/// Per-request data: who asks, in which language they read, and the span to record into.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub principal: Principal,
    pub lang: Lang,
    pub request_id: String,
    /// The request's span, so resolvers can record the municipality an operation touched.
    pub span: tracing::Span,
}

impl RequestContext {
    pub fn new(principal: Principal, lang: Lang, request_id: String, span: tracing::Span) -> Self {
        Self {
            principal,
            lang,
            request_id,
            span,
        }
    }
}

/// Read access to the request and the services from a resolver's context.
pub(crate) trait ContextExt {
    fn request(&self) -> &RequestContext;
    fn services(&self) -> &Services;
}

impl ContextExt for Context<'_> {
    fn request(&self) -> &RequestContext {
        // The server inserts a RequestContext into every request; a schema executed without
        // one (only the SDL export) never resolves fields.
        self.data_unchecked::<RequestContext>()
    }

    fn services(&self) -> &Services {
        self.data_unchecked::<Services>()
    }
}
