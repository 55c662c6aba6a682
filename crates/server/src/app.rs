//! The HTTP router and the layers every request passes.

use axum::routing::{get, post};
use axum::{Router, middleware};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::config::Mode;
use crate::state::AppState;
use crate::{graphql, health, security, telemetry, web};

pub fn router(state: AppState) -> Router {
    let graphql_route = match state.config.mode {
        Mode::Development => post(graphql::execute).get(graphql::graphiql),
        Mode::Production => post(graphql::execute),
    };
    let body_limit = state.config.request_body_limit;
    let https = state.config.is_https();
    Router::new()
        .route("/graphql", graphql_route)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/assets/{*file}", get(web::asset))
        .fallback_service(get(web::page))
        .with_state(state)
        .layer(
            // Outermost first: the request id exists before the span that records it.
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(telemetry::request_span)
                        .on_request(())
                        .on_response(telemetry::record_response),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn(move |request, next| {
                    security::headers(https, request, next)
                }))
                // Assets come compressed from the build; this compresses API answers.
                .layer(CompressionLayer::new().gzip(true))
                .layer(RequestBodyLimitLayer::new(body_limit)),
        )
}
