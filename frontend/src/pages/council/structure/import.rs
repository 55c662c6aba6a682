//! Importing members from a CSV file; the server checks every row before it saves any.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::a11y::use_announcer;
use crate::components::{ErrorBox, FormError, SubmitButton, TextArea, chosen_file};
use crate::i18n::use_i18n;
use crate::queries::{ImportMembers, import_members};
use crate::submit::{on_submit, save};

/// Importing members from a CSV file (or pasted text); the server checks every row first.
#[component]
pub(super) fn ImportForm(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let text = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let read_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        spawn_local(async move {
            if let Ok(content) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                && let Some(content) = content.as_string()
            {
                text.set(content);
            }
        });
    };
    let submit = on_submit(pending, move || {
        let variables = import_members::Variables {
            municipality_id: municipality.clone(),
            csv: text.get_untracked(),
        };
        save::<ImportMembers>(
            i18n.0.get_untracked(),
            variables,
            pending,
            error,
            announcer,
            reload,
        );
    });
    view! {
        <form class="edit wide" on:submit=submit>
            <h2>{move || i18n.t().council.import_title}</h2>
            <p class="hint">{move || i18n.t().council.import_hint}</p>
            <ErrorBox error=error />
            <div class="field">
                <label for="import-file">{move || i18n.t().council.import_file}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=read_file />
            </div>
            <TextArea id="import-text" label=|t| t.council.import_text value=text />
            <SubmitButton pending=pending text=|t| t.council.import_submit />
        </form>
    }
}
