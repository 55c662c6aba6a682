//! The HTTP router and the layers every request passes.

use std::any::Any;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Router, middleware};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::config::Mode;
use crate::state::AppState;
use praevnet_core::council::meetings::DOCUMENT_MAX_BYTES;
use praevnet_core::network::attachments::ATTACHMENT_MAX_BYTES;

use crate::{calendar, files, graphql, health, minutes, security, telemetry, web};

pub fn router(state: AppState) -> Router {
    let graphql_route = match state.config.mode {
        Mode::Development => post(graphql::execute).get(graphql::graphiql),
        Mode::Production => post(graphql::execute),
    };
    let body_limit = state.config.request_body_limit;
    let https = state.config.is_https();
    // Uploads have their own, larger limit; a body above it is cut off with 413 before it is
    // read to the end (the use case refuses anything above the attachment limit by name).
    let uploads = Router::new()
        .route(
            "/api/kommunen/{municipality}/praxis/{practice}/anhaenge",
            post(files::upload),
        )
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(ATTACHMENT_MAX_BYTES + 64 * 1024));
    let documents = Router::new()
        .route(
            "/api/kommunen/{municipality}/sitzungen/{meeting}/tagesordnung/{item}/dokumente",
            post(files::upload_document),
        )
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(DOCUMENT_MAX_BYTES + 64 * 1024));
    let rest = Router::new()
        .route("/graphql", graphql_route)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/assets/{*file}", get(web::asset))
        .route(
            "/api/kommunen/{municipality}/anhaenge/{id}",
            get(files::own),
        )
        .route("/api/netzwerk/anhaenge/{id}", get(files::shared))
        .route(
            "/api/kommunen/{municipality}/dokumente/{id}",
            get(files::document),
        )
        .route(
            "/niederschrift/{municipality}/{meeting}",
            get(minutes::download),
        )
        .route("/kalender/{slug}", get(calendar::municipality))
        .route("/kalender/{slug}/{body}", get(calendar::body))
        .route("/kalender/{slug}/privat/{secret}", get(calendar::person))
        .fallback_service(get(web::page))
        .layer(RequestBodyLimitLayer::new(body_limit));
    uploads
        .merge(documents)
        .merge(rest)
        .with_state(state)
        .layer(
            // Outermost first: the request id exists before the span that records it.
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(telemetry::request_span)
                        .on_request(())
                        .on_response(telemetry::record_response)
                        // `record_response` logs every response at its level; the default
                        // would log each 5xx again as an error, the readiness probe's too.
                        .on_failure(()),
                )
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn(move |request, next| {
                    security::headers(https, request, next)
                }))
                // Assets come compressed from the build; this compresses API answers.
                .layer(CompressionLayer::new().gzip(true))
                .layer(CatchPanicLayer::custom(panicked)),
        )
}

/// A handler that panicked: the client gets a 500 instead of a dropped connection, and the
/// log says so on the request's span.
fn panicked(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(%detail, "request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Interner Fehler / internal error",
    )
        .into_response()
}
