//! Calendar feeds of a council's meetings (`/kalender/{slug}`, and per body
//! `/kalender/{slug}/{body}`): what calendar apps subscribe to, without a login, so they carry
//! the public meetings of public bodies only (and of those only the public agenda items). A
//! person's own feed (`/kalender/{slug}/privat/{secret}`) carries what that person sees, the
//! internal meetings of their bodies included; the secret stands in for the login.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use praevnet_core::{BodyId, Error, Principal};
use praevnet_render::ics::{Calendar, Method, write};
use uuid::Uuid;

use crate::files::refused;
use crate::state::AppState;

/// Whose feed it is: the public's, or a person's own.
enum Reader {
    Public,
    Person(Principal),
}

async fn feed(
    state: &AppState,
    slug: &str,
    reader: Reader,
    body: Option<BodyId>,
) -> Result<String, Error> {
    let principal = match &reader {
        Reader::Public => &Principal::Anonymous,
        Reader::Person(principal) => principal,
    };
    let municipality = state
        .services
        .registry()
        .municipality_by_slug(principal, slug)
        .await?;
    let mut meetings = state
        .services
        .council()
        .meetings(principal, municipality.id, None)
        .await?;
    let name = match (body, &reader) {
        (Some(body), _) => {
            meetings.retain(|m| m.body_id == body);
            // A body without public meetings may be internal: answered like an unknown one.
            let first = meetings.first().ok_or(Error::NotFound)?;
            format!("{} – {}", first.body_name, municipality.name)
        }
        (None, Reader::Public) => format!("Sitzungen – {}", municipality.name),
        (None, Reader::Person(_)) => format!("Meine Sitzungen – {}", municipality.name),
    };
    let events: Vec<_> = meetings.iter().map(|m| m.event()).collect();
    Ok(write(&Calendar {
        name: Some(&name),
        method: Method::Publish,
        host: state.services.calendar_host(),
        events: &events,
        invitation: None,
        now: chrono::Utc::now(),
    }))
}

fn calendar(result: Result<String, Error>, headers: &HeaderMap) -> Response {
    match result {
        Ok(text) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/calendar; charset=utf-8"),
                ),
                // Calendar apps poll; a few minutes old is fresh enough.
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=300"),
                ),
            ],
            text,
        )
            .into_response(),
        Err(err) => refused(&err, headers),
    }
}

/// All public meetings of a municipality.
pub async fn municipality(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    calendar(feed(&state, &slug, Reader::Public, None).await, &headers)
}

/// A person's own feed: what they see, internal meetings of their bodies included. An unknown
/// or renewed secret is answered like an unknown address.
pub async fn person(
    State(state): State<AppState>,
    Path((slug, secret)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let result = match state.services.accounts().calendar_principal(&secret).await {
        Ok(Some(principal)) => feed(&state, &slug, Reader::Person(principal), None).await,
        Ok(None) => Err(Error::NotFound),
        Err(err) => Err(err),
    };
    calendar(result, &headers)
}

/// The public meetings of one body.
pub async fn body(
    State(state): State<AppState>,
    Path((slug, body)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let body = Uuid::parse_str(&body)
        .map(BodyId::from_uuid)
        .map_err(|_| Error::NotFound);
    let result = match body {
        Ok(body) => feed(&state, &slug, Reader::Public, Some(body)).await,
        Err(err) => Err(err),
    };
    calendar(result, &headers)
}
