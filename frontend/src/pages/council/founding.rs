//! A municipality's founding checklist: the path chosen, each step with its notes, and for the
//! structure step a preview of the templates. The state office and the municipality's
//! administrators see and edit it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{ErrorBox, FormError, Select, TextArea};
use crate::i18n::{LangExt, Texts, use_i18n};
use crate::pages::{code, from_code};
use crate::queries::{
    FoundingOf, SaveFoundingStep, StartFounding, TemplatePreviews, founding_of,
    municipality_by_slug, save_founding_step, start_founding, template_previews,
};

/// A council's status as the state overview and the founding checklist show it.
pub(in crate::pages) fn status_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "FOUNDING" => t.council.status_founding,
        "ACTIVE" => t.council.status_council_active,
        "DORMANT" => t.council.status_dormant,
        _ => t.council.council_none_filter,
    }
}

#[component]
pub fn Founding() -> impl IntoView {
    let version = RwSignal::new(0_u32);
    let loaded = crate::pages::of_municipality::<FoundingOf>(version, |m| founding_of::Variables {
        municipality_id: m.id,
    });
    let reload = move || version.update(|v| *v += 1);
    crate::pages::loaded(loaded, move |(m, data)| {
        view! { <Checklist municipality=m founding=data.founding reload=reload /> }
    })
}

#[component]
fn Checklist(
    municipality: municipality_by_slug::MunicipalityBySlugMunicipalityBySlug,
    founding: founding_of::FoundingOfFounding,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = municipality.name.clone();
    let title = Signal::derive(move || format!("{} – {}", i18n.t().council.founding_title, name));
    let status = founding.status.as_ref().map(code).unwrap_or_default();
    let founding_now = status == "FOUNDING";
    // An active council is not founded again (the server refuses it too).
    let may_start = !founding_now && status != "ACTIVE";
    let path = RwSignal::new("BOTTOM_UP".to_owned());
    let error: FormError = RwSignal::new(None);
    let paths = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("REBUILD".to_owned(), t.council.path_rebuild.to_owned()),
            ("BOTTOM_UP".to_owned(), t.council.path_bottom_up.to_owned()),
            ("TOP_DOWN".to_owned(), t.council.path_top_down.to_owned()),
        ]
    });
    let id = municipality.id.clone();
    let start = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some(path_value) = from_code::<start_founding::FoundingPath>(&path.get_untracked())
            else {
                return;
            };
            let lang = i18n.0.get_untracked();
            let variables = start_founding::Variables {
                municipality_id: id.clone(),
                path: path_value,
            };
            spawn_local(async move {
                match api::run::<StartFounding>(lang, variables).await {
                    Ok(_) => {
                        announcer.say(lang.texts().common.saved.to_owned());
                        reload();
                    }
                    Err(err) => error.set(Some(err)),
                }
            });
        }
    };
    view! {
        <PageTitle text=title />
        <p>
            <A href=format!("/kommunen/{}", municipality.slug)>{municipality.name.clone()}</A>
            " · "
            <A href=format!("/kommunen/{}/rat", municipality.slug)>{move || i18n.t().council.structure_link}</A>
        </p>
        <p class="status-line">
            {move || i18n.t().council.council_filter} ": "
            <strong>{move || status_label(&status, i18n.t())}</strong>
            {founding.structure_template.clone().map(|t| view! { " · " {move || i18n.t().council.structure_model} ": " {t.clone()} })}
        </p>
        {founding.status.is_none().then(|| view! { <p>{move || i18n.t().council.founding_not_started}</p> })}
        {may_start.then(|| view! {
            <form class="edit" on:submit=start>
                <ErrorBox error=error />
                <Select id="founding-path" name="path" label=|t| t.council.founding_path value=path error=error options=paths />
                <button type="submit">{move || i18n.t().council.founding_start}</button>
            </form>
        })}
        <ol class="checklist">
            {founding.steps.into_iter().map(|s| {
                let municipality_id = id.clone();
                let structure_step = code(&s.step) == "STRUCTURE";
                let slug = municipality.slug.clone();
                let preview = (structure_step && founding_now).then(|| slug.clone());
                view! { <Step municipality=municipality_id step=s editable=founding_now reload=reload preview=preview /> }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Step(
    municipality: String,
    step: founding_of::FoundingOfFoundingSteps,
    editable: bool,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    /// For the structure step: the municipality whose templates to preview.
    preview: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let key = code(&step.step).to_lowercase();
    let done = RwSignal::new(step.completed_on.clone().unwrap_or_default());
    let notes = RwSignal::new(step.notes.clone());
    let error: FormError = RwSignal::new(None);
    let date_id = format!("step-{key}-date");
    let heading = format!("step-{key}");
    let step_code = code(&step.step);
    let save = {
        let municipality = municipality.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let Some(step_value) = from_code::<save_founding_step::FoundingStep>(&step_code) else {
                return;
            };
            let lang = i18n.0.get_untracked();
            let variables = save_founding_step::Variables {
                municipality_id: municipality.clone(),
                step: step_value,
                completed_on: Some(done.get_untracked()).filter(|d| !d.is_empty()),
                notes: notes.get_untracked(),
            };
            spawn_local(async move {
                match api::run::<SaveFoundingStep>(lang, variables).await {
                    Ok(_) => {
                        announcer.say(lang.texts().common.saved.to_owned());
                        reload();
                    }
                    Err(err) => error.set(Some(err)),
                }
            });
        }
    };
    let notes_id = format!("step-{key}-notes");
    view! {
        <li class="step" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{step.label.clone()}</h2>
            <p class="hint">{step.guidance.clone()}</p>
            {preview.map(|slug| view! { <TemplatePreview slug=slug /> })}
            {if editable {
                view! {
                    <form class="edit wide" on:submit=save>
                        <ErrorBox error=error />
                        <div class="field">
                            <label for=date_id.clone()>{move || i18n.t().council.step_done_on}</label>
                            <input id=date_id type="date" prop:value=move || done.get() on:input=move |ev| done.set(event_target_value(&ev)) />
                        </div>
                        <TextArea id=notes_id label=|t| t.council.step_notes value=notes />
                        <button type="submit">{move || i18n.t().council.step_save}</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <p>
                        {step.completed_on.clone().map(|d| view! { {move || i18n.t().council.step_done_on} ": " {d.clone()} })}
                    </p>
                    <p>{step.notes.clone()}</p>
                }
                .into_any()
            }}
        </li>
    }
}

/// The organisational-structure step's help: each template's organigram as a preview.
#[component]
fn TemplatePreview(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new("halle".to_owned());
    let error: FormError = RwSignal::new(None);
    let templates = LocalResource::new(move || {
        let lang = i18n.0.get_untracked();
        async move { api::run::<TemplatePreviews>(lang, template_previews::Variables).await }
    });
    move || {
        templates.get().and_then(Result::ok).map(|data| {
            let list = data.structure_templates;
            let options: Vec<(String, String)> = list.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
            let options = Signal::derive(move || options.clone());
            let svg = move || {
                list.iter()
                    .find(|t| t.id == chosen.get())
                    .map(|t| t.organigram_svg.clone())
                    .unwrap_or_default()
            };
            view! {
                <div class="preview">
                    <Select id="template-preview" name="template" label=|t| t.council.template_preview value=chosen error=error options=options />
                    <div class="organigram" role="region" tabindex="0" aria-label=move || i18n.t().council.organigram_title inner_html=svg></div>
                    <p><A href=format!("/kommunen/{slug}/rat")>{move || i18n.t().council.apply_in_structure}</A></p>
                </div>
            }
        })
    }
}
