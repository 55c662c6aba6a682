//! What the transport learned about a request before the query runs. Plain data, below the
//! resolvers' helpers (`context.rs`) and the error mapping (`error.rs`) that both read it.

use std::sync::{Arc, Mutex};

use praevnet_core::{Lang, Principal};

/// A change of the login session that the transport must carry out (set or clear the
/// cookie) once the operation has run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionChange {
    Started { secret: String },
    Ended,
}

/// Per-request data: who asks, in which language they read, and the span to record into.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub principal: Principal,
    pub lang: Lang,
    pub request_id: String,
    /// The request's span, so resolvers can record the municipality an operation touched.
    pub span: tracing::Span,
    /// The client's address, for login throttling.
    pub client: String,
    /// The secret of the session the request came with, if any (logout ends it).
    pub session_secret: Option<String>,
    session_change: Arc<Mutex<Option<SessionChange>>>,
}

impl RequestContext {
    pub fn new(principal: Principal, lang: Lang, request_id: String, span: tracing::Span) -> Self {
        Self {
            principal,
            lang,
            request_id,
            span,
            client: String::new(),
            session_secret: None,
            session_change: Arc::default(),
        }
    }

    pub fn with_client(mut self, client: String, session_secret: Option<String>) -> Self {
        self.client = client;
        self.session_secret = session_secret;
        self
    }

    pub(crate) fn change_session(&self, change: SessionChange) {
        if let Ok(mut slot) = self.session_change.lock() {
            *slot = Some(change);
        }
    }

    /// What the operation did to the session; read by the transport after execution.
    pub fn session_change(&self) -> Option<SessionChange> {
        self.session_change
            .lock()
            .ok()
            .and_then(|slot| slot.clone())
    }
}
