//! Probes for orchestrators: liveness never touches the database, readiness does.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;

use crate::state::AppState;

/// The process is up and serving HTTP.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// The database is migrated and answers now; otherwise 503, so no traffic is routed here.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if !state.is_bootstrapped() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "starting: database not migrated yet\n",
        );
    }
    match tokio::time::timeout(Duration::from_secs(2), state.services.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready\n"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n"),
    }
}
