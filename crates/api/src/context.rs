//! What the transport learned about a request before the query runs.

use std::sync::{Arc, Mutex};

use async_graphql::{Context, ID};
use praevnet_core::{Lang, MunicipalityId, Principal, Services};

use crate::error::ResultExt;
use crate::ids::TypedId;

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

/// What every resolver needs from its context: the request, the services, and the ids the
/// client sent, parsed in one place.
pub(crate) trait ContextExt {
    fn request(&self) -> &RequestContext;
    fn services(&self) -> &Services;

    fn principal(&self) -> &Principal {
        &self.request().principal
    }

    /// Parses a typed id; a malformed one answers as a validation error of `field`.
    fn id<T: TypedId>(&self, id: &ID, field: &'static str) -> async_graphql::Result<T>;

    fn optional_id<T: TypedId>(
        &self,
        id: Option<&ID>,
        field: &'static str,
    ) -> async_graphql::Result<Option<T>> {
        id.map(|id| self.id(id, field)).transpose()
    }

    /// Parses the id of the municipality an operation touches (the `municipalityId`
    /// argument) and records it on the request's span, for traces and logs.
    fn municipality(&self, id: &ID) -> async_graphql::Result<MunicipalityId> {
        self.municipality_named(id, "municipalityId")
    }

    /// [`ContextExt::municipality`] for an argument of another name.
    fn municipality_named(
        &self,
        id: &ID,
        field: &'static str,
    ) -> async_graphql::Result<MunicipalityId> {
        let parsed: MunicipalityId = self.id(id, field)?;
        self.record_municipality(parsed);
        Ok(parsed)
    }

    fn record_municipality(&self, municipality: MunicipalityId) {
        self.request()
            .span
            .record("municipality", municipality.to_string());
    }
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

    fn id<T: TypedId>(&self, id: &ID, field: &'static str) -> async_graphql::Result<T> {
        T::parse(id, field).gql(self)
    }
}
