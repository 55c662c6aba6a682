//! The state office's pages: the overview of its Land and a municipality's founding
//! checklist (which the municipality's administrators see and edit too).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::structure::{code, from_code};
use crate::a11y::{PageTitle, use_announcer};
use crate::api::{self, ApiError};
use crate::components::{ErrorBox, FormError, Select, TextArea};
use crate::i18n::{Texts, use_i18n};
use crate::model::FederalState;
use crate::queries::{
    FoundingOf, SaveFoundingStep, StartFounding, StateOverview, StateOverviewCsv, TemplatePreviews,
    founding_of, municipality_by_slug, save_founding_step, start_founding, state_overview,
    state_overview_csv, template_previews,
};
use crate::session::use_session;

fn status_label(code: &str, t: &Texts) -> &'static str {
    match code {
        "FOUNDING" => t.status_founding,
        "ACTIVE" => t.status_council_active,
        "DORMANT" => t.status_dormant,
        _ => t.council_none_filter,
    }
}

/// Hands `content` to the browser as a CSV file to download.
fn save_csv(name: &str, content: &str) {
    use wasm_bindgen::JsCast;
    let Some(link) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(&format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(web_sys::js_sys::encode_uri_component(content))
    ));
    link.set_download(name);
    link.click();
}

#[component]
pub fn Overview() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let land = RwSignal::new(String::new());
    let council = RwSignal::new(String::new());
    let sort = RwSignal::new("NAME".to_owned());
    let descending = RwSignal::new(false);
    // A state office starts with its own Land.
    Effect::new(move || {
        if land.get_untracked().is_empty()
            && !session.is_platform_admin()
            && let Some(state) = session.state_offices().first()
        {
            land.set(state.code().to_owned());
        }
    });
    let lands = Signal::derive(move || {
        let mut options = Vec::new();
        if session.is_platform_admin() {
            options.push((String::new(), i18n.t().all_states.to_owned()));
            options.extend(
                FederalState::ALL
                    .iter()
                    .map(|s| (s.code().to_owned(), s.name().to_owned())),
            );
        } else {
            options.extend(
                session
                    .state_offices()
                    .iter()
                    .map(|s| (s.code().to_owned(), s.name().to_owned())),
            );
        }
        options
    });
    let councils = Signal::derive(move || {
        let t = i18n.t();
        vec![
            (String::new(), t.council_any.to_owned()),
            ("NONE".to_owned(), t.council_none_filter.to_owned()),
            ("FOUNDING".to_owned(), t.status_founding.to_owned()),
            ("ACTIVE".to_owned(), t.status_council_active.to_owned()),
            ("DORMANT".to_owned(), t.status_dormant.to_owned()),
        ]
    });
    let sorts = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("NAME".to_owned(), t.sort_name.to_owned()),
            ("POPULATION".to_owned(), t.sort_population.to_owned()),
            ("BODIES".to_owned(), t.sort_bodies.to_owned()),
            ("ACTIVE_PEOPLE".to_owned(), t.sort_members.to_owned()),
            ("LAST_ACTIVITY".to_owned(), t.sort_activity.to_owned()),
            ("MEETINGS".to_owned(), t.sort_meetings.to_owned()),
            ("FUNDING_GRANTED".to_owned(), t.sort_funding.to_owned()),
        ]
    });
    let error: FormError = RwSignal::new(None);
    let rows = LocalResource::new(move || {
        let lang = i18n.0.get_untracked();
        let federal_state = FederalState::from_code(&land.get());
        // The empty value means "all": no filter, not an unknown one.
        let council_filter = Some(council.get()).filter(|c| !c.is_empty());
        let sort_value = sort.get();
        let descending = descending.get();
        async move {
            let variables = state_overview::Variables {
                federal_state,
                council: council_filter.as_deref().and_then(from_code),
                sort: from_code(&sort_value).unwrap_or(state_overview::OverviewSort::NAME),
                descending,
            };
            let data = api::run::<StateOverview>(lang, variables).await?;
            Ok::<_, ApiError>(data.state_overview)
        }
    });
    // The CSV is asked for only when someone wants it, with the filters shown at that moment.
    let download = move |_| {
        let lang = i18n.0.get_untracked();
        let council_filter = Some(council.get_untracked()).filter(|c| !c.is_empty());
        let variables = state_overview_csv::Variables {
            federal_state: FederalState::from_code(&land.get_untracked()),
            council: council_filter.as_deref().and_then(from_code),
            sort: from_code(&sort.get_untracked())
                .unwrap_or(state_overview_csv::OverviewSort::NAME),
            descending: descending.get_untracked(),
        };
        spawn_local(async move {
            match api::run::<StateOverviewCsv>(lang, variables).await {
                Ok(data) => save_csv("landesuebersicht.csv", &data.state_overview_csv),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <PageTitle text=super::title(|t| t.overview_title) />
        <p>{move || i18n.t().overview_intro}</p>
        <form class="filters" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <Select id="overview-land" name="federalState" label=|t| t.federal_state value=land error=error options=lands />
            <Select id="overview-council" name="council" label=|t| t.council_filter value=council error=error options=councils />
            <Select id="overview-sort" name="sort" label=|t| t.sort_by value=sort error=error options=sorts />
            <crate::components::Checkbox id="overview-descending" label=|t| t.descending value=descending />
        </form>
        <ErrorBox error=error />
        <p>
            <button type="button" class="secondary" on:click=download>
                {move || i18n.t().download_csv}
            </button>
        </p>
        {move || match rows.get() {
            None => view! { <p aria-busy="true">{i18n.t().loading}</p> }.into_any(),
            Some(Err(err)) => view! { <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div> }.into_any(),
            Some(Ok(rows)) => {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="overview-caption" tabindex="0">
                        <table>
                            <caption id="overview-caption">{format!("{} ({})", i18n.t().overview_title, rows.len())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t().name}</th>
                                    <th scope="col">"AGS"</th>
                                    <th scope="col" class="number">{i18n.t().population}</th>
                                    <th scope="col">{i18n.t().council_filter}</th>
                                    <th scope="col">{i18n.t().structure_model}</th>
                                    <th scope="col" class="number">{i18n.t().sort_bodies}</th>
                                    <th scope="col" class="number">{i18n.t().active_members}</th>
                                    <th scope="col" class="number">{i18n.t().meetings_last_year}</th>
                                    <th scope="col">{i18n.t().last_activity}</th>
                                    <th scope="col" class="number">{i18n.t().funding_granted}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let status = r.council_status.as_ref().map(code).unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row"><A href=format!("/kommunen/{}/gruendung", r.municipality.slug)>{r.municipality.name.clone()}</A></th>
                                            <td>{r.municipality.ags.clone()}</td>
                                            <td class="number">{r.municipality.population}</td>
                                            <td>{move || status_label(&status, i18n.t())}</td>
                                            <td>{r.structure_model.clone().unwrap_or_default()}</td>
                                            <td class="number">{r.bodies}</td>
                                            <td class="number">{r.active_members}</td>
                                            <td class="number">{r.meetings_last_year}</td>
                                            <td>{r.last_activity.clone().map(|d| d.chars().take(10).collect::<String>()).unwrap_or_default()}</td>
                                            <td class="number">{move || crate::i18n::euros(r.funding_granted, i18n.lang())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        }}
    }
}

#[component]
pub fn Founding() -> impl IntoView {
    let version = RwSignal::new(0_u32);
    let loaded = super::of_municipality(version, |lang, m| async move {
        let variables = founding_of::Variables {
            municipality_id: m.id,
        };
        Ok(api::run::<FoundingOf>(lang, variables).await?.founding)
    });
    let reload = move || version.update(|v| *v += 1);
    super::loaded(loaded, move |(m, founding)| {
        view! { <Checklist municipality=m founding=founding reload=reload /> }
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
    let title = Signal::derive(move || format!("{} – {}", i18n.t().founding_title, name));
    let status = founding.status.as_ref().map(code).unwrap_or_default();
    let founding_now = status == "FOUNDING";
    let path = RwSignal::new("BOTTOM_UP".to_owned());
    let error: FormError = RwSignal::new(None);
    let paths = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("REBUILD".to_owned(), t.path_rebuild.to_owned()),
            ("BOTTOM_UP".to_owned(), t.path_bottom_up.to_owned()),
            ("TOP_DOWN".to_owned(), t.path_top_down.to_owned()),
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
                        announcer.say(lang.texts().saved.to_owned());
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
            <A href=format!("/kommunen/{}/rat", municipality.slug)>{move || i18n.t().structure_link}</A>
        </p>
        <p class="status-line">
            {move || i18n.t().council_filter} ": "
            <strong>{move || status_label(&status, i18n.t())}</strong>
            {founding.structure_template.clone().map(|t| view! { " · " {move || i18n.t().structure_model} ": " {t.clone()} })}
        </p>
        {founding.status.is_none().then(|| view! { <p>{move || i18n.t().founding_not_started}</p> })}
        {(!founding_now).then(|| view! {
            <form class="edit" on:submit=start>
                <ErrorBox error=error />
                <Select id="founding-path" name="path" label=|t| t.founding_path value=path error=error options=paths />
                <button type="submit">{move || i18n.t().founding_start}</button>
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
                        announcer.say(lang.texts().saved.to_owned());
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
                            <label for=date_id.clone()>{move || i18n.t().step_done_on}</label>
                            <input id=date_id type="date" prop:value=move || done.get() on:input=move |ev| done.set(event_target_value(&ev)) />
                        </div>
                        <TextArea id=notes_id label=|t| t.step_notes value=notes />
                        <button type="submit">{move || i18n.t().step_save}</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <p>
                        {step.completed_on.clone().map(|d| view! { {move || i18n.t().step_done_on} ": " {d.clone()} })}
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
                    <Select id="template-preview" name="template" label=|t| t.template_preview value=chosen error=error options=options />
                    <div class="organigram" role="region" tabindex="0" aria-label=move || i18n.t().organigram_title inner_html=svg></div>
                    <p><A href=format!("/kommunen/{slug}/rat")>{move || i18n.t().apply_in_structure}</A></p>
                </div>
            }
        })
    }
}
