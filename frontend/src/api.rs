//! Talking to the server: every call goes to `/graphql` with the headers the server demands of
//! cookie-authenticated requests, and every failure becomes an [`ApiError`] the page can show.

use graphql_client::GraphQLQuery;
use serde::de::DeserializeOwned;

use crate::i18n::{Lang, Texts};

/// Why a call did not give data.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request did not reach the server or no answer came back.
    Network,
    /// The server failed (5xx without a usable answer, or INTERNAL / UNAVAILABLE).
    Server,
    /// An answer this app cannot read; a newer server than app, most likely.
    Unexpected,
    /// The API refused the request with a code and a message in the user's language.
    Refused {
        code: String,
        message: String,
        /// The input field at fault, when the API names one.
        field: Option<String>,
    },
}

impl ApiError {
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ApiError::Network => t.common.error_network.to_owned(),
            ApiError::Server => t.common.error_server.to_owned(),
            ApiError::Unexpected => t.common.error_unexpected.to_owned(),
            ApiError::Refused { message, .. } => message.clone(),
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Refused { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Refused { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// The first error of an answer as an [`ApiError`]; internal failures read as server errors
/// (their message carries only a request id, which the log has).
fn refusal(error: graphql_client::Error) -> ApiError {
    let extension = |name: &str| {
        error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get(name))
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    };
    let code = extension("code").unwrap_or_default();
    match code.as_str() {
        "INTERNAL" | "UNAVAILABLE" => ApiError::Server,
        _ => ApiError::Refused {
            field: extension("field"),
            code,
            message: error.message,
        },
    }
}

/// Runs one operation. The server answers in `lang` (its messages follow `Accept-Language`).
pub async fn run<Q: GraphQLQuery>(
    lang: Lang,
    variables: Q::Variables,
) -> Result<Q::ResponseData, ApiError>
where
    Q::ResponseData: DeserializeOwned,
{
    let body = Q::build_query(variables);
    let response = gloo_net::http::Request::post("/graphql")
        .header("accept-language", lang.code())
        // Proof that the request comes from the app: a cross-site page cannot set it.
        .header("x-praevnet-csrf", "1")
        .json(&body)
        .map_err(|_| ApiError::Unexpected)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let status = response.status();
    let answer: graphql_client::Response<Q::ResponseData> = match response.json().await {
        Ok(answer) => answer,
        Err(_) if status >= 500 => return Err(ApiError::Server),
        Err(_) => return Err(ApiError::Unexpected),
    };
    if let Some(error) = answer.errors.and_then(|errors| errors.into_iter().next()) {
        return Err(refusal(error));
    }
    answer.data.ok_or(ApiError::Unexpected)
}

/// Uploads a file as the body of a `POST` to `url` (the server's file endpoints answer errors
/// in the GraphQL error shape).
pub async fn upload(lang: Lang, url: &str, file: web_sys::File) -> Result<(), ApiError> {
    let response = gloo_net::http::Request::post(url)
        .header("accept-language", lang.code())
        .header("x-praevnet-csrf", "1")
        .body(wasm_bindgen::JsValue::from(file))
        .map_err(|_| ApiError::Unexpected)?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let status = response.status();
    if (200..300).contains(&status) {
        return Ok(());
    }
    match response
        .json::<graphql_client::Response<serde_json::Value>>()
        .await
    {
        Ok(answer) => Err(answer
            .errors
            .and_then(|errors| errors.into_iter().next())
            .map_or(ApiError::Unexpected, refusal)),
        Err(_) if status >= 500 => Err(ApiError::Server),
        Err(_) => Err(ApiError::Unexpected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(json: &str) -> graphql_client::Error {
        serde_json::from_str(json).expect("valid error JSON")
    }

    #[test]
    fn refusals_keep_code_message_and_field() {
        let err = refusal(error(
            r#"{"message":"Der AGS hat acht Ziffern.","extensions":{"code":"VALIDATION","field":"ags","requestId":"x"}}"#,
        ));
        assert_eq!(err.code(), Some("VALIDATION"));
        assert_eq!(err.field(), Some("ags"));
        assert_eq!(err.message(&crate::i18n::DE), "Der AGS hat acht Ziffern.");
    }

    #[test]
    fn internal_failures_read_as_server_errors() {
        let err = refusal(error(
            r#"{"message":"Interner Fehler (Anfrage 1)","extensions":{"code":"INTERNAL"}}"#,
        ));
        assert_eq!(err, ApiError::Server);
        assert_eq!(
            err.message(&crate::i18n::EN),
            crate::i18n::EN.common.error_server
        );
    }
}
