//! Form parts that every page uses: labelled fields that show the API's message for them,
//! and the error box that keeps the user's input visible.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Lang, LangExt, Texts, use_i18n};

/// Picks one text; components take these so that labels follow the language switch.
pub type Text = fn(&'static Texts) -> &'static str;

/// A form's last error, shared by its fields.
pub type FormError = RwSignal<Option<ApiError>>;

/// The form-level message: `role="alert"`, so it is read out when it appears. A message that
/// belongs to one field is shown there instead, and referred to here.
#[component]
pub fn ErrorBox(error: FormError) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|err| {
            let t = i18n.t();
            view! {
                <div class="error-box" role="alert">
                    <p class="error-title">{t.common.error_title}</p>
                    <p>{err.message(t)}</p>
                </div>
            }
        })
    }
}

/// An `<input>` with its label, hint and error message wired for assistive technology.
#[component]
pub fn Field(
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The API's name of the input field, to show its error here.
    name: &'static str,
    label: Text,
    value: RwSignal<String>,
    error: FormError,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<Text>,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_error = move || error.with(|e| e.as_ref().and_then(ApiError::field) == Some(name));
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if has_error() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>
                {move || label(i18n.t())}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|hint| {
                view! { <p class="hint" id=hint_id.clone()>{move || hint(i18n.t())}</p> }
            })}
            {move || {
                has_error()
                    .then(|| {
                        let message = error.get().map(|e| e.message(i18n.t())).unwrap_or_default();
                        view! { <p class="field-error" id=error_id.clone()>{message}</p> }
                    })
            }}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A `<select>` of fixed options with its label.
#[component]
pub fn Select(
    id: &'static str,
    name: &'static str,
    label: Text,
    value: RwSignal<String>,
    error: FormError,
    /// (value, shown text) pairs; the text may depend on the language.
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let has_error = move || error.with(|e| e.as_ref().and_then(ApiError::field) == Some(name));
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id>{move || label(i18n.t())}</label>
            {move || {
                has_error()
                    .then(|| {
                        let message = error.get().map(|e| e.message(i18n.t())).unwrap_or_default();
                        view! { <p class="field-error" id=error_id.clone()>{message}</p> }
                    })
            }}
            <select
                id=id
                name=name
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=move || has_error().then(|| format!("{id}-error"))
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let this = option.clone();
                            view! {
                                <option value=option selected=move || value.get() == this>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn Checkbox(id: &'static str, label: Text, value: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="choice">
            <input
                type="checkbox"
                id=id
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || label(i18n.t())}</label>
        </div>
    }
}

/// A multi-line text with its label.
#[component]
pub fn TextArea(#[prop(into)] id: String, label: Text, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <textarea
                id=id
                rows="4"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// Sends a form's mutation: on success the change is announced and `done` runs (a reload,
/// clearing the form); on failure the form shows the error and keeps what was typed.
pub fn send<Q>(
    lang: Lang,
    variables: Q::Variables,
    error: FormError,
    announcer: crate::a11y::Announcer,
    done: impl FnOnce() + 'static,
) where
    Q: graphql_client::GraphQLQuery + 'static,
    Q::Variables: 'static,
    Q::ResponseData: serde::de::DeserializeOwned,
{
    error.set(None);
    leptos::task::spawn_local(async move {
        match crate::api::run::<Q>(lang, variables).await {
            Ok(_) => {
                announcer.say(lang.texts().common.saved.to_owned());
                done();
            }
            Err(err) => error.set(Some(err)),
        }
    });
}

/// Whole euros typed into `field`: empty is `None`; anything else must be a whole number,
/// else the form shows the error at the field.
pub fn euros_typed(
    field: &str,
    value: RwSignal<String>,
    t: &'static Texts,
) -> Result<Option<i64>, ApiError> {
    let typed = value.get_untracked();
    let typed = typed.trim().trim_end_matches('€');
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse_population(typed)
        .map(Some)
        .ok_or_else(|| invalid_number(field, t))
}

/// The error for a number field the app reads itself before sending, shaped like the API's.
pub fn invalid_number(field: &str, t: &Texts) -> ApiError {
    ApiError::Refused {
        code: "VALIDATION".to_owned(),
        message: t.common.invalid_whole_number.to_owned(),
        field: Some(field.to_owned()),
    }
}

/// Parses a whole number the way people type it ("238.000", "238 000").
pub fn parse_population(text: &str) -> Option<i64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

/// A group of checkboxes for several values of a list (codes with their labels).
#[component]
pub fn MultiChoice(
    /// Prefix of the boxes' ids, unique on the page.
    id: &'static str,
    label: Text,
    options: Vec<(String, String)>,
    value: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="choices">
            <legend>{move || label(i18n.t())}</legend>
            {options
                .into_iter()
                .map(|(code, text)| {
                    let box_id = format!("{id}-{}", code.to_lowercase());
                    let (this, that) = (code.clone(), code);
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=box_id.clone()
                                prop:checked=move || value.with(|v| v.contains(&this))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    value.update(|v| {
                                        v.retain(|c| *c != that);
                                        if on {
                                            v.push(that.clone());
                                        }
                                    });
                                }
                            />
                            <label for=box_id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
