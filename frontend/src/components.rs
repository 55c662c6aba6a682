//! Form parts that every page uses: labelled fields that show the API's message for them,
//! and the error box that keeps the user's input visible.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Texts, use_i18n};

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

/// Whether the form's last error is about the field the API calls `name`.
fn about(error: FormError, name: &'static str) -> impl Fn() -> bool + Copy + Send + Sync {
    move || error.with(|e| e.as_ref().and_then(ApiError::field) == Some(name))
}

/// The form's error message at the field it is about; `id` is what the field's
/// `aria-describedby` names.
fn field_error(error: FormError, name: &'static str, id: String) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        about(error, name)().then(|| {
            let message = error.get().map(|e| e.message(i18n.t())).unwrap_or_default();
            view! { <p class="field-error" id=id.clone()>{message}</p> }
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
    let has_error = about(error, name);
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
            {field_error(error, name, error_id)}
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
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    name: &'static str,
    label: Text,
    value: RwSignal<String>,
    error: FormError,
    /// (value, shown text) pairs; the text may depend on the language.
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    let has_error = about(error, name);
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>{move || label(i18n.t())}</label>
            {field_error(error, name, error_id)}
            <select
                id=id
                name=name
                aria-invalid=move || has_error().then_some("true")
                aria-describedby=move || has_error().then(|| described_by.clone())
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

/// A [`Select`]'s options for a closed list of codes as the API spells them, each with its
/// text in the user's language, after an `empty` first choice when there is one (the API then
/// needs a choice and says so at the field, so the form does not choose for the user).
pub fn code_choices(
    empty: Option<Text>,
    codes: &'static [(&'static str, Text)],
) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let t = i18n.t();
        empty
            .map(|empty| (String::new(), empty(t).to_owned()))
            .into_iter()
            .chain(
                codes
                    .iter()
                    .map(|(code, text)| ((*code).to_owned(), text(t).to_owned())),
            )
            .collect()
    })
}

/// A [`Select`]'s options after a first, empty choice ("Bitte wählen", "keine") whose text
/// follows the language switch.
pub fn with_empty_choice(
    empty: Text,
    options: Vec<(String, String)>,
) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let mut all = vec![(String::new(), empty(i18n.t()).to_owned())];
        all.extend(options.iter().cloned());
        all
    })
}

/// An edit form's buttons: save (which says so while the change is `pending`) and cancel.
#[component]
pub fn SaveCancel(
    pending: RwSignal<bool>,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions">
            <button type="submit" disabled=move || pending.get()>
                {move || if pending.get() { i18n.t().common.saving } else { i18n.t().common.save }}
            </button>
            <button type="button" class="secondary" on:click=move |_| cancel()>
                {move || i18n.t().common.cancel}
            </button>
        </div>
    }
}

/// A form's submit button, disabled while the form's call is `pending` (so that it is not sent
/// twice).
#[component]
pub fn SubmitButton(pending: RwSignal<bool>, text: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" disabled=move || pending.get()>
            {move || text(i18n.t())}
        </button>
    }
}

/// A field's value, starting from what the item being edited holds (empty for a new item).
pub fn initial<T, V>(current: &Option<T>, field: fn(&T) -> &V) -> RwSignal<V>
where
    V: Clone + Default + Send + Sync + 'static,
{
    RwSignal::new(
        current
            .as_ref()
            .map(|item| field(item).clone())
            .unwrap_or_default(),
    )
}

/// A checkbox with its label after it.
#[component]
pub fn Checkbox(
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    label: Text,
    value: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="choice">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || label(i18n.t())}</label>
        </div>
    }
}

/// The file chosen in the `<input type="file">` whose change event `ev` is (its inputs take one
/// file).
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
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

/// A file name as a query value.
fn encoded(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Where an upload goes and what it takes.
#[derive(Clone, Copy, Debug)]
pub struct UploadTarget<'a> {
    /// The upload address; the file's name is added as `?name=`.
    pub url: &'a str,
    /// Larger files are refused here with `too_large`, so that they are not sent in vain.
    pub max_bytes: f64,
    pub too_large: fn(&Texts) -> &'static str,
}

/// Uploads the file chosen in the file input of `ev` to `target`. A saved file is announced
/// and `done` runs; a refusal shows in `error`.
pub fn upload_chosen(
    ev: &leptos::ev::Event,
    lang: crate::i18n::Lang,
    target: UploadTarget<'_>,
    error: FormError,
    announcer: crate::a11y::Announcer,
    done: impl Fn() + 'static,
) {
    use crate::i18n::LangExt;
    let Some(file) = chosen_file(ev) else {
        return;
    };
    if file.size() > target.max_bytes {
        error.set(Some(ApiError::Refused {
            code: "VALIDATION".to_owned(),
            message: (target.too_large)(lang.texts()).to_owned(),
            field: None,
        }));
        return;
    }
    error.set(None);
    let url = format!("{}?name={}", target.url, encoded(&file.name()));
    leptos::task::spawn_local(async move {
        match crate::api::upload(lang, &url, file).await {
            Ok(()) => {
                announcer.say(lang.texts().common.saved.to_owned());
                done();
            }
            Err(err) => error.set(Some(err)),
        }
    });
}
