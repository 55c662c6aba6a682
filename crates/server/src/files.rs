//! Uploading and downloading the files attached to good practices. Plain HTTP beside GraphQL:
//! a file is a body of bytes, not a JSON value. Errors come in the GraphQL error shape, with
//! the field and a message in the user's language.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use praevnet_core::network::attachments::{Attachment, Download};
use praevnet_core::{
    AgendaItemId, AttachmentId, DocumentId, Error, Lang, MeetingId, MunicipalityId, PracticeId,
    Principal, Problem,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::graphql::{authenticate, request_id};
use crate::session;
use crate::state::AppState;

pub(crate) fn lang(headers: &HeaderMap) -> Lang {
    Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

fn status(err: &Error) -> StatusCode {
    match err {
        Error::Validation {
            problem: Problem::FileTooLarge { .. } | Problem::FileExpandedTooLarge { .. },
            ..
        } => StatusCode::PAYLOAD_TOO_LARGE,
        Error::Validation {
            problem: Problem::FileType | Problem::FileContainer,
            ..
        } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Error::NotFound => StatusCode::NOT_FOUND,
        Error::Unauthenticated => StatusCode::UNAUTHORIZED,
        Error::Forbidden => StatusCode::FORBIDDEN,
        Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

/// The error as the app reads GraphQL errors; internal details are logged, never sent.
pub(crate) fn refused(err: &Error, headers: &HeaderMap) -> Response {
    let request_id = request_id(headers);
    if let Error::Internal(detail) | Error::Unavailable(detail) = err {
        tracing::error!(%detail, %request_id, "file request failed");
    }
    let body = serde_json::json!({ "errors": [{
        "message": err.message(lang(headers)),
        "extensions": { "code": err.code(), "field": err.field(), "requestId": request_id },
    }]});
    (status(err), axum::Json(body)).into_response()
}

pub(crate) fn parse<T>(text: &str, field: &'static str, make: fn(Uuid) -> T) -> Result<T, Error> {
    Uuid::parse_str(text)
        .map(make)
        .map_err(|_| Error::validation(field, Problem::InvalidId))
}

/// Who asks for a download. A download is a plain link (no custom header), so the origin is
/// not checked: it changes nothing, and another site cannot read the answer.
pub(crate) async fn reader(state: &AppState, headers: &HeaderMap) -> Result<Principal, Error> {
    if !state.is_bootstrapped() {
        return Err(Error::Unavailable("database not migrated yet".into()));
    }
    match session::secret(headers) {
        Some(secret) => Ok(state
            .services
            .accounts()
            .session(&secret)
            .await?
            .unwrap_or(Principal::Anonymous)),
        None => Ok(Principal::Anonymous),
    }
}

/// Who uploads: like a GraphQL change, a logged-in session that proves its origin.
async fn uploader(state: &AppState, headers: &HeaderMap) -> Result<Principal, Error> {
    if !state.is_bootstrapped() {
        return Err(Error::Unavailable("database not migrated yet".into()));
    }
    let secret = session::secret(headers);
    authenticate(state, headers, secret.as_deref()).await
}

#[derive(Deserialize)]
pub struct UploadQuery {
    #[serde(default)]
    name: String,
}

/// `POST /api/kommunen/{municipality}/praxis/{practice}/anhaenge?name=…` with the file as body.
pub async fn upload(
    State(state): State<AppState>,
    Path((municipality, practice)): Path<(String, String)>,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result: Result<Attachment, Error> = async {
        let principal = uploader(&state, &headers).await?;
        let municipality = parse(&municipality, "municipalityId", MunicipalityId::from_uuid)?;
        let practice = parse(&practice, "practiceId", PracticeId::from_uuid)?;
        state
            .services
            .network()
            .attach_to_practice(&principal, municipality, practice, &query.name, &body)
            .await
    }
    .await;
    match result {
        Ok(a) => (
            StatusCode::CREATED,
            axum::Json(serde_json::json!({
                "id": a.id.to_string(),
                "fileName": a.file_name,
                "contentType": a.content_type,
                "sizeBytes": a.size_bytes,
            })),
        )
            .into_response(),
        Err(err) => refused(&err, &headers),
    }
}

/// `POST /api/kommunen/{municipality}/sitzungen/{meeting}/tagesordnung/{item}/dokumente?name=…`
/// with the file as body: a document on an agenda item; answers with the item's documents
/// (the new one last).
pub async fn upload_document(
    State(state): State<AppState>,
    Path((municipality, meeting, item)): Path<(String, String, String)>,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        let principal = uploader(&state, &headers).await?;
        let municipality = parse(&municipality, "municipalityId", MunicipalityId::from_uuid)?;
        let meeting = parse(&meeting, "meetingId", MeetingId::from_uuid)?;
        let item = parse(&item, "agendaItemId", AgendaItemId::from_uuid)?;
        let saved = state
            .services
            .council()
            .attach_to_agenda_item(&principal, municipality, meeting, item, &query.name, &body)
            .await?;
        Ok((saved, item))
    }
    .await;
    match result {
        Ok((meeting, item)) => {
            let documents: Vec<_> = meeting
                .agenda
                .iter()
                .filter(|i| i.id == item)
                .flat_map(|i| &i.documents)
                .map(|d| serde_json::json!({ "id": d.id.to_string(), "fileName": d.file_name }))
                .collect();
            (
                StatusCode::CREATED,
                axum::Json(serde_json::json!({ "documents": documents })),
            )
                .into_response()
        }
        Err(err) => refused(&err, &headers),
    }
}

/// `GET /api/kommunen/{municipality}/dokumente/{id}`: a document on an agenda item, for
/// whoever sees the item.
pub async fn document(
    State(state): State<AppState>,
    Path((municipality, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let principal = reader(&state, &headers).await?;
        let municipality = parse(&municipality, "municipalityId", MunicipalityId::from_uuid)?;
        let id = parse(&id, "id", DocumentId::from_uuid)?;
        state
            .services
            .council()
            .agenda_document_file(&principal, municipality, id)
            .await
    }
    .await;
    match result {
        Ok(download) => file(download),
        Err(err) => refused(&err, &headers),
    }
}

fn file(download: Download) -> Response {
    let encoded: String = download
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename*=UTF-8''{encoded}");
    let mut response = download.bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&download.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `GET /api/kommunen/{municipality}/anhaenge/{id}`: an attachment of the city's own practice.
pub async fn own(
    State(state): State<AppState>,
    Path((municipality, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let principal = reader(&state, &headers).await?;
        let municipality = parse(&municipality, "municipalityId", MunicipalityId::from_uuid)?;
        let id = parse(&id, "id", AttachmentId::from_uuid)?;
        state
            .services
            .network()
            .own_attachment_file(&principal, municipality, id)
            .await
    }
    .await;
    match result {
        Ok(download) => file(download),
        Err(err) => refused(&err, &headers),
    }
}

/// `GET /api/netzwerk/anhaenge/{id}`: an attachment of a published practice.
pub async fn shared(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let principal = reader(&state, &headers).await?;
        let id = parse(&id, "id", AttachmentId::from_uuid)?;
        state
            .services
            .network()
            .network_attachment_file(&principal, id)
            .await
    }
    .await;
    match result {
        Ok(download) => file(download),
        Err(err) => refused(&err, &headers),
    }
}
