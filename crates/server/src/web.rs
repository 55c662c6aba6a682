//! Serves the web app: its hashed assets with long caching, and `index.html` for every app
//! route, so that a reload or a shared link on `/kommunen/halle-saale` opens the app there.

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

mod table {
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}

/// One built file.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
    pub gzip: &'static [u8],
}

/// Every file of the web app, `index.html` included.
pub fn assets() -> impl Iterator<Item = Asset> {
    table::ASSETS
        .iter()
        .map(|&(path, content_type, body, gzip)| Asset {
            path,
            content_type,
            body,
            gzip,
        })
}

fn find(path: &str) -> Option<Asset> {
    assets().find(|asset| asset.path == path)
}

/// Whether the client takes gzip (an `Accept-Encoding` entry for it without `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let refused = parts.any(|p| p.replace(' ', "") == "q=0" || p == "q=0.0");
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

fn respond(asset: Asset, cache_control: &'static str, headers: &HeaderMap) -> Response {
    let gzip = accepts_gzip(headers);
    let body = if gzip { asset.gzip } else { asset.body };
    let mut response = body.into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// A file under `/assets/`: its name changes with its content, so it may be cached for good.
pub async fn asset(uri: Uri, headers: HeaderMap) -> Response {
    match find(uri.path()) {
        Some(asset) if asset.path != "/index.html" => {
            respond(asset, "public, max-age=31536000, immutable", &headers)
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Any other GET: the app's page, checked for a newer version on every load. Paths that look
/// like files (`/favicon.ico`, `/robots.txt`) are not app routes and get 404.
pub async fn page(uri: Uri, headers: HeaderMap) -> Response {
    let last = uri.path().rsplit('/').next().unwrap_or_default();
    match find("/index.html") {
        Some(index) if !last.contains('.') => respond(index, "no-cache", &headers),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).expect("ascii"),
        );
        headers
    }

    #[test]
    fn gzip_is_chosen_only_when_accepted() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, gzip;q=0.8")));
        assert!(accepts_gzip(&with("*")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn the_build_produced_an_app() {
        let index = find("/index.html").expect("index.html is built");
        let html = std::str::from_utf8(index.body).expect("utf-8");
        for asset in assets().filter(|a| a.path.starts_with("/assets/")) {
            assert!(!asset.gzip.is_empty());
            if asset.path.ends_with(".wasm") {
                assert_eq!(&asset.body[..4], b"\0asm");
            } else {
                // Everything but the module (which the glue loads) is linked from the page.
                let glue_loads_it = asset.path.ends_with(".js") && !html.contains(asset.path);
                assert!(html.contains(asset.path) || glue_loads_it, "{}", asset.path);
            }
        }
    }
}
