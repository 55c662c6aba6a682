//! The GraphQL endpoint: builds the request context and runs the query.

use async_graphql::ParseRequestError;
use async_graphql::http::GraphiQLSource;
use async_graphql::{ErrorExtensionValues, Response as GraphQLResponseBody, ServerError};
use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use praevnet_api::{RequestContext, SessionChange, finalize_response};
use praevnet_core::{Error, Lang, Principal, Problem};

use crate::session;
use crate::state::AppState;

pub(crate) fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A response that failed before the query ran, in the shape of a GraphQL response.
fn refused(status: StatusCode, err: &Error, lang: Lang, request_id: &str) -> Response {
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", err.code());
    extensions.set("requestId", request_id);
    let mut error = ServerError::new(err.message(lang), None);
    error.extensions = Some(extensions);
    let body = GraphQLResponseBody::from_errors(vec![error]);
    (status, GraphQLResponse::from(body)).into_response()
}

/// The principal of a request, from its session cookie.
pub(crate) async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    secret: Option<&str>,
) -> Result<Principal, Error> {
    // No API tokens exist; a client that sends one must learn at once that it does not count,
    // rather than act anonymously. (Basic credentials of a protecting proxy pass unnoticed.)
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "))
        });
    if bearer {
        return Err(Error::Unauthenticated);
    }
    let Some(secret) = secret else {
        return Ok(Principal::Anonymous);
    };
    if !session::origin_is_proven(headers) {
        return Err(Error::Forbidden);
    }
    Ok(state
        .services
        .accounts()
        .session(secret)
        .await?
        .unwrap_or(Principal::Anonymous))
}

pub async fn execute(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Result<GraphQLRequest, GraphQLRejection>,
) -> Response {
    let span = tracing::Span::current();
    let request_id = request_id(&headers);
    let lang = Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        // Media types are case-insensitive (RFC 9110 8.3.1).
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("application/json"));
    if !json {
        // Also what keeps plain cross-site form posts out: they cannot send this type.
        span.record("graphql.outcome", "BAD_REQUEST");
        let err = Error::BadRequest(Problem::MalformedRequest);
        return refused(StatusCode::UNSUPPORTED_MEDIA_TYPE, &err, lang, &request_id);
    }
    let request = match request {
        Ok(request) => request.into_inner(),
        Err(GraphQLRejection(rejection)) => {
            let problem = match rejection {
                ParseRequestError::UnsupportedBatch => Problem::BatchNotSupported,
                ParseRequestError::PayloadTooLarge => {
                    return StatusCode::PAYLOAD_TOO_LARGE.into_response();
                }
                _ => Problem::MalformedRequest,
            };
            span.record("graphql.outcome", "BAD_REQUEST");
            return refused(
                StatusCode::BAD_REQUEST,
                &Error::BadRequest(problem),
                lang,
                &request_id,
            );
        }
    };

    // A named operation is on the span at once, for the refusals below; otherwise the API
    // names it after its parse.
    if let Some(name) = &request.operation_name {
        span.record("graphql.operation", name.as_str());
    }
    if !state.is_bootstrapped() {
        span.record("graphql.outcome", "UNAVAILABLE");
        let err = Error::Unavailable("database not migrated yet".into());
        return refused(StatusCode::SERVICE_UNAVAILABLE, &err, lang, &request_id);
    }
    if let Err(err) = state.services.require_database() {
        span.record("graphql.outcome", err.code());
        return refused(StatusCode::SERVICE_UNAVAILABLE, &err, lang, &request_id);
    }
    let secret = session::secret(&headers);
    let principal = match authenticate(&state, &headers, secret.as_deref()).await {
        Ok(principal) => principal,
        Err(err) => {
            span.record("graphql.outcome", err.code());
            let status = match err {
                Error::Unauthenticated => StatusCode::UNAUTHORIZED,
                Error::Forbidden => StatusCode::FORBIDDEN,
                Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            match &err {
                Error::Unavailable(detail) => {
                    tracing::warn!(%detail, %request_id, "session lookup: database unavailable");
                }
                Error::Internal(detail) => {
                    tracing::error!(%detail, %request_id, "session lookup failed");
                }
                _ => {}
            }
            return refused(status, &err, lang, &request_id);
        }
    };
    let stale_cookie = secret.is_some() && principal == Principal::Anonymous;

    let client = session::client_address(&headers, Some(peer), state.config.trust_proxy_headers);
    let context = RequestContext::new(principal, lang, request_id.clone(), span.clone())
        .with_client(client, secret);
    let mut response = state.schema.execute(request, context.clone()).await;
    finalize_response(&mut response, &context);
    let outcome = response
        .errors
        .first()
        .and_then(|e| e.extensions.as_ref())
        .and_then(|ext| ext.get("code"))
        .map_or_else(
            || "OK".to_owned(),
            |code| code.to_string().trim_matches('"').to_owned(),
        );
    span.record("graphql.outcome", outcome);
    let mut http = GraphQLResponse::from(response).into_response();
    let cookie = match context.session_change() {
        Some(SessionChange::Started { secret }) => {
            Some(session::start_cookie(&state.config, &secret))
        }
        Some(SessionChange::Ended) => Some(session::end_cookie(&state.config)),
        None if stale_cookie => Some(session::end_cookie(&state.config)),
        None => None,
    };
    if let Some(cookie) = cookie {
        http.headers_mut().append(header::SET_COOKIE, cookie);
    }
    http
}

/// The interactive query page; only routed in development mode.
///
/// GraphiQL loads its scripts and styles from a CDN, so this page alone gets a CSP that allows
/// them; it is never served in production.
pub async fn graphiql() -> impl IntoResponse {
    (
        [(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self' https://unpkg.com; script-src 'self' 'unsafe-inline' https://unpkg.com; \
             style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https://unpkg.com",
        )],
        Html(GraphiQLSource::build().endpoint("/graphql").finish()),
    )
}
