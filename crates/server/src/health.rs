//! Probes for orchestrators: liveness never touches the database, readiness does.

use std::time::Duration;

use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;
use crate::telemetry::NotReady;

/// The process is up and serving HTTP.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// The database is migrated and answers now; otherwise 503, so no traffic is routed here.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if !state.is_bootstrapped() {
        return not_ready("starting: database not migrated yet\n");
    }
    match tokio::time::timeout(Duration::from_secs(2), state.services.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready\n").into_response(),
        _ => not_ready("database unreachable\n"),
    }
}

/// A 503 the log treats as expected: orchestrators ask while the server starts.
fn not_ready(reason: &'static str) -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, Extension(NotReady), reason).into_response()
}
