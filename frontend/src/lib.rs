//! The praevnet web app: Leptos, rendered in the browser, talking to the server only through
//! the GraphQL API (`/graphql`), with typed operations checked against the committed schema.

mod a11y;
mod api;
mod app;
mod components;
mod i18n;
mod model;
mod pages;
mod queries;
mod session;
mod submit;

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the generated JavaScript once the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(app::App);
    // When the app became usable, for real-user monitoring and `cargo bench --bench frontend`.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("praevnet:mounted");
    }
}
