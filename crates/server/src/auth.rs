//! Turning a request's credentials into a [`Principal`], in one place.

use axum::http::{HeaderMap, header};
use praevnet_core::Principal;
use subtle::ConstantTimeEq;

use crate::config::Secret;

/// Credentials were sent but are not valid; the request is refused, never downgraded to
/// anonymous, so a client with a broken token notices at once.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidCredentials;

pub fn principal(
    headers: &HeaderMap,
    admin_token: Option<&Secret>,
) -> Result<Principal, InvalidCredentials> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(Principal::Anonymous);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(InvalidCredentials)?;
    match admin_token {
        // Constant time, so the response time does not reveal how much of a guess was right.
        Some(secret) if bool::from(secret.expose().as_bytes().ct_eq(token.trim().as_bytes())) => {
            Ok(Principal::PlatformAdmin)
        }
        _ => Err(InvalidCredentials),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(auth: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(auth) = auth {
            headers.insert(
                header::AUTHORIZATION,
                HeaderValue::from_str(auth).expect("header"),
            );
        }
        headers
    }

    #[test]
    fn bearer_token_decides() {
        let secret = Secret::new("0123456789abcdefghijklmnop");
        let admin = principal(
            &headers(Some("Bearer 0123456789abcdefghijklmnop")),
            Some(&secret),
        );
        assert_eq!(admin, Ok(Principal::PlatformAdmin));
        assert_eq!(
            principal(&headers(None), Some(&secret)),
            Ok(Principal::Anonymous)
        );
        for wrong in ["Bearer 0123456789abcdefghijklmno", "Basic abc", "Bearer "] {
            assert_eq!(
                principal(&headers(Some(wrong)), Some(&secret)),
                Err(InvalidCredentials),
                "{wrong}"
            );
        }
        assert_eq!(
            principal(&headers(Some("Bearer 0123456789abcdefghijklmnop")), None),
            Err(InvalidCredentials)
        );
    }
}
