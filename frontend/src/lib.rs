//! The praevnet web app.
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
pub fn start() {
    mount_to_body(|| view! { <main><h1>"praevnet"</h1></main> });
}
