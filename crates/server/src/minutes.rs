//! Minutes of a meeting as an HTML file to download and file
//! (`/niederschrift/{municipality}/{meeting}`, `?fassung=N` for an older version): for those
//! who see the meeting's internal side, by their session cookie like any download.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use praevnet_core::{Error, MeetingId, MunicipalityId};
use serde::Deserialize;

use crate::files::{lang, parse, reader, refused};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct Version {
    fassung: Option<i32>,
}

async fn document(
    state: &AppState,
    headers: &HeaderMap,
    municipality: &str,
    meeting: &str,
    version: Option<i32>,
) -> Result<(String, String), Error> {
    let principal = reader(state, headers).await?;
    let municipality = parse(municipality, "municipalityId", MunicipalityId::from_uuid)?;
    let meeting = parse(meeting, "meetingId", MeetingId::from_uuid)?;
    state
        .services
        .council()
        .minutes_document(&principal, municipality, meeting, version, lang(headers))
        .await
}

pub async fn download(
    State(state): State<AppState>,
    Path((municipality, meeting)): Path<(String, String)>,
    Query(version): Query<Version>,
    headers: HeaderMap,
) -> Response {
    match document(&state, &headers, &municipality, &meeting, version.fassung).await {
        Ok((name, html)) => {
            let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                    // Internal minutes stay out of shared caches.
                    (
                        header::CACHE_CONTROL,
                        HeaderValue::from_static("private, no-store"),
                    ),
                ],
                html,
            )
                .into_response()
        }
        Err(err) => refused(&err, &headers),
    }
}
