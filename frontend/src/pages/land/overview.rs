//! The state office's overview of its Land: every municipality with the state of its council,
//! filtered, sorted and downloadable as CSV.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use praevnet_common::euros;

use crate::a11y::PageTitle;
use crate::api::{self, ApiError};
use crate::components::{Checkbox, ErrorBox, FormError, Select};
use crate::i18n::use_i18n;
use crate::model::FederalState;
use crate::pages::council::status_label;
use crate::pages::registry::{state_options, states_for};
use crate::pages::{code, from_code};
use crate::queries::{StateOverview, StateOverviewCsv, state_overview, state_overview_csv};
use crate::session::use_session;

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
        let admin = session.is_platform_admin();
        let mut options = Vec::new();
        if admin {
            options.push((String::new(), i18n.t().registry.all_states.to_owned()));
        }
        options.extend(state_options(states_for(session.state_offices(), admin)));
        options
    });
    let councils = Signal::derive(move || {
        let t = i18n.t();
        vec![
            (String::new(), t.land.council_any.to_owned()),
            ("NONE".to_owned(), t.council.council_none_filter.to_owned()),
            ("FOUNDING".to_owned(), t.council.status_founding.to_owned()),
            (
                "ACTIVE".to_owned(),
                t.council.status_council_active.to_owned(),
            ),
            ("DORMANT".to_owned(), t.council.status_dormant.to_owned()),
        ]
    });
    let sorts = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("NAME".to_owned(), t.land.sort_name.to_owned()),
            ("POPULATION".to_owned(), t.land.sort_population.to_owned()),
            ("BODIES".to_owned(), t.land.sort_bodies.to_owned()),
            ("ACTIVE_PEOPLE".to_owned(), t.land.sort_members.to_owned()),
            ("LAST_ACTIVITY".to_owned(), t.land.sort_activity.to_owned()),
            ("MEETINGS".to_owned(), t.land.sort_meetings.to_owned()),
            ("FUNDING_GRANTED".to_owned(), t.land.sort_funding.to_owned()),
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
        <PageTitle text=crate::pages::title(|t| t.land.overview_title) />
        <p>{move || i18n.t().land.overview_intro}</p>
        <form class="filters" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <Select id="overview-land" name="federalState" label=|t| t.registry.federal_state value=land error=error options=lands />
            <Select id="overview-council" name="council" label=|t| t.council.council_filter value=council error=error options=councils />
            <Select id="overview-sort" name="sort" label=|t| t.common.sort_by value=sort error=error options=sorts />
            <Checkbox id="overview-descending" label=|t| t.land.descending value=descending />
        </form>
        <ErrorBox error=error />
        <p>
            <button type="button" class="secondary" on:click=download>
                {move || i18n.t().land.download_csv}
            </button>
        </p>
        {move || match rows.get() {
            None => view! { <p aria-busy="true">{i18n.t().common.loading}</p> }.into_any(),
            Some(Err(err)) => view! { <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div> }.into_any(),
            Some(Ok(rows)) => {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="overview-caption" tabindex="0">
                        <table>
                            <caption id="overview-caption">{format!("{} ({})", i18n.t().land.overview_title, rows.len())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t().common.name}</th>
                                    <th scope="col">"AGS"</th>
                                    <th scope="col" class="number">{i18n.t().registry.population}</th>
                                    <th scope="col">{i18n.t().council.council_filter}</th>
                                    <th scope="col">{i18n.t().council.structure_model}</th>
                                    <th scope="col" class="number">{i18n.t().land.sort_bodies}</th>
                                    <th scope="col" class="number">{i18n.t().land.active_members}</th>
                                    <th scope="col" class="number">{i18n.t().land.meetings_last_year}</th>
                                    <th scope="col">{i18n.t().land.last_activity}</th>
                                    <th scope="col" class="number">{i18n.t().land.funding_granted}</th>
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
                                            <td class="number">{move || euros(r.funding_granted, i18n.lang())}</td>
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
