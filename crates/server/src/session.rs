//! The session cookie and the request's origin checks.
//!
//! The session secret travels only in an HttpOnly cookie (no script can read it) with
//! SameSite=Lax. Requests that carry cookies must also carry the header [`CSRF_HEADER`]: a
//! browser sends a custom header cross-site only after a CORS preflight, which this server never
//! grants, so a forged request from another site cannot have it.

use std::net::SocketAddr;

use axum::http::{HeaderMap, HeaderValue, header};

use crate::config::Config;

pub const COOKIE_NAME: &str = "praevnet_session";
pub const CSRF_HEADER: &str = "x-praevnet-csrf";

/// The session secret from the request's cookies, if any.
pub fn secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// Whether the request shows it comes from the app (or carries no cookies, so a forged one
/// could not act as anybody).
pub fn origin_is_proven(headers: &HeaderMap) -> bool {
    !headers.contains_key(header::COOKIE) || headers.contains_key(CSRF_HEADER)
}

/// `Set-Cookie` that starts a session.
pub fn start_cookie(config: &Config, secret: &str) -> HeaderValue {
    let max_age = config.session_absolute_hours * 3600;
    cookie(config, secret, max_age)
}

/// `Set-Cookie` that removes the session cookie.
pub fn end_cookie(config: &Config) -> HeaderValue {
    cookie(config, "", 0)
}

fn cookie(config: &Config, value: &str, max_age: i64) -> HeaderValue {
    let secure = if config.is_https() { "; Secure" } else { "" };
    let text =
        format!("{COOKIE_NAME}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    // The secret is hex and the rest ASCII, so the value is always a valid header.
    HeaderValue::from_str(&text)
        .unwrap_or_else(|_| HeaderValue::from_static("praevnet_session=; Max-Age=0"))
}

/// The client's address: the peer, or the first `X-Forwarded-For` entry behind a trusted proxy.
pub fn client_address(headers: &HeaderMap, peer: Option<SocketAddr>, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(forwarded) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.to_owned();
    }
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_among_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=de; praevnet_session=abc123; x=y"),
        );
        assert_eq!(secret(&headers).as_deref(), Some("abc123"));
        assert!(!origin_is_proven(&headers));
        headers.insert(CSRF_HEADER, HeaderValue::from_static("1"));
        assert!(origin_is_proven(&headers));
        assert!(origin_is_proven(&HeaderMap::new()));
    }

    #[test]
    fn cookie_attributes_follow_the_public_url() {
        let mut config = Config::with_database("sqlite://x.db");
        let plain = start_cookie(&config, "s3cr3t");
        let plain = plain.to_str().expect("ascii");
        assert!(
            plain.contains("HttpOnly")
                && plain.contains("SameSite=Lax")
                && !plain.contains("Secure"),
            "{plain}"
        );
        config.public_url = "https://praevnet.example.de".into();
        assert!(
            start_cookie(&config, "s")
                .to_str()
                .expect("ascii")
                .ends_with("; Secure")
        );
        assert!(
            end_cookie(&config)
                .to_str()
                .expect("ascii")
                .contains("Max-Age=0")
        );
    }

    #[test]
    fn forwarded_address_only_behind_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.7, 10.0.0.1"),
        );
        let peer = Some(SocketAddr::from(([10, 0, 0, 2], 5000)));
        assert_eq!(client_address(&headers, peer, false), "10.0.0.2");
        assert_eq!(client_address(&headers, peer, true), "203.0.113.7");
    }
}
