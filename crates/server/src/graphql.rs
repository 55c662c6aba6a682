//! The GraphQL endpoint: builds the request context and runs the query.

use async_graphql::ParseRequestError;
use async_graphql::http::GraphiQLSource;
use async_graphql::{ErrorExtensionValues, Response as GraphQLResponseBody, ServerError};
use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use praevnet_api::{RequestContext, finalize_response};
use praevnet_core::{Error, Lang, Problem};

use crate::auth;
use crate::state::AppState;

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The name of the operation that will run, for the span: the requested one, else the only
/// named one in the document.
fn operation_name(request: &async_graphql::Request) -> String {
    if let Some(name) = &request.operation_name {
        return name.clone();
    }
    match async_graphql::parser::parse_query(&request.query) {
        Ok(doc) => match doc.operations {
            async_graphql::parser::types::DocumentOperations::Multiple(ops) if ops.len() == 1 => {
                ops.keys()
                    .next()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            }
            _ => "anonymous".to_owned(),
        },
        Err(_) => "unparsable".to_owned(),
    }
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

pub async fn execute(
    State(state): State<AppState>,
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
    span.record("graphql.operation", operation_name(&request));

    if !state.is_bootstrapped() {
        span.record("graphql.outcome", "UNAVAILABLE");
        let err = Error::Unavailable("database not migrated yet".into());
        return refused(StatusCode::SERVICE_UNAVAILABLE, &err, lang, &request_id);
    }
    let principal = match auth::principal(&headers, state.config.bootstrap_admin_token.as_ref()) {
        Ok(principal) => principal,
        Err(auth::InvalidCredentials) => {
            span.record("graphql.outcome", "UNAUTHENTICATED");
            return refused(
                StatusCode::UNAUTHORIZED,
                &Error::Unauthenticated,
                lang,
                &request_id,
            );
        }
    };

    let context = RequestContext::new(principal, lang, request_id.clone(), span.clone());
    let mut response = state.schema.execute(request.data(context)).await;
    finalize_response(&mut response, &request_id);
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
    GraphQLResponse::from(response).into_response()
}

/// The interactive query page; only routed in development mode.
pub async fn graphiql() -> Html<String> {
    Html(GraphiQLSource::build().endpoint("/graphql").finish())
}
