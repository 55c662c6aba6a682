//! The start page: the municipality registry, filtered by Land and name, with the caller's own
//! municipalities first.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use praevnet_common::group_thousands;

use crate::a11y::PageTitle;
use crate::api;
use crate::i18n::use_i18n;
use crate::model::FederalState;
use crate::queries::{
    Municipalities as ListQuery, MunicipalityName, municipalities, municipality_name,
};
use crate::session::use_session;

const PAGE_SIZE: i64 = 50;

/// The list's address: filters live in the query string, so a filtered list can be bookmarked
/// and the back button restores it.
fn list_path(state: &str, search: &str, page: i64) -> String {
    let mut params = Vec::new();
    if !state.is_empty() {
        params.push(format!("land={state}"));
    }
    if !search.trim().is_empty() {
        params.push(format!("suche={}", encode(search.trim())));
    }
    if page > 1 {
        params.push(format!("seite={page}"));
    }
    if params.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", params.join("&"))
    }
}

fn encode(text: &str) -> String {
    web_sys::js_sys::encode_uri_component(text).into()
}

#[component]
pub fn Municipalities() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let state_param = move || query.with(|q| q.get("land").unwrap_or_default());
    let search_param = move || query.with(|q| q.get("suche").unwrap_or_default());
    let page = move || {
        query.with(|q| {
            q.get("seite")
                .and_then(|p| p.parse::<i64>().ok())
                .unwrap_or(1)
                .max(1)
        })
    };

    let list = LocalResource::new(move || {
        let variables = municipalities::Variables {
            federal_state: FederalState::from_code(&state_param()),
            search: Some(search_param()).filter(|s| !s.is_empty()),
            first: PAGE_SIZE,
            offset: (page() - 1) * PAGE_SIZE,
        };
        let lang = i18n.0.get_untracked();
        async move { api::run::<ListQuery>(lang, variables).await }
    });

    let state_input = RwSignal::new(state_param());
    let search_input = RwSignal::new(search_param());
    let apply = move |ev: SubmitEvent| {
        ev.prevent_default();
        navigate(
            &list_path(
                &state_input.get_untracked(),
                &search_input.get_untracked(),
                1,
            ),
            Default::default(),
        );
    };

    view! {
        <PageTitle text=crate::pages::title(|t| t.registry.municipalities_title) />
        <p>{move || i18n.t().registry.municipalities_intro}</p>
        <YourMunicipalities />
        <form class="filters" role="search" on:submit=apply>
            <div class="field">
                <label for="filter-state">{move || i18n.t().registry.federal_state}</label>
                <select
                    id="filter-state"
                    on:change=move |ev| state_input.set(event_target_value(&ev))
                >
                    <option value="" selected=move || state_input.get().is_empty()>
                        {move || i18n.t().registry.all_states}
                    </option>
                    {FederalState::ALL
                        .into_iter()
                        .map(|state| {
                            view! {
                                <option
                                    value=state.code()
                                    selected=move || state_input.get() == state.code()
                                >
                                    {state.name_de()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-search">{move || i18n.t().registry.search_name}</label>
                <input
                    id="filter-search"
                    type="search"
                    prop:value=move || search_input.get()
                    on:input=move |ev| search_input.set(event_target_value(&ev))
                />
            </div>
            <button type="submit">{move || i18n.t().registry.apply_filter}</button>
        </form>
        {move || match list.get() {
            None => view! { <p aria-busy="true">{i18n.t().common.loading}</p> }.into_any(),
            Some(Err(err)) => {
                view! {
                    <div class="error-box" role="alert">
                        <p>{err.message(i18n.t())}</p>
                    </div>
                }
                    .into_any()
            }
            Some(Ok(data)) => {
                view! {
                    <Table
                        page=data.municipalities
                        current=page()
                        state=state_param()
                        search=search_param()
                    />
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn Table(
    page: municipalities::MunicipalitiesMunicipalities,
    current: i64,
    state: String,
    search: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total_count;
    if page.items.is_empty() {
        return view! { <p>{move || i18n.t().registry.no_results}</p> }.into_any();
    }
    let from = page.offset + 1;
    let to = page.offset + page.items.len() as i64;
    let rows = page.items;
    let previous = (current > 1).then(|| list_path(&state, &search, current - 1));
    let next = (to < total).then(|| list_path(&state, &search, current + 1));
    view! {
        <div class="table-scroll" role="region" aria-labelledby="list-caption" tabindex="0">
            <table>
                <caption id="list-caption">{move || (i18n.t().registry.results)(from, to, total)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().common.name}</th>
                        <th scope="col">"AGS"</th>
                        <th scope="col">{move || i18n.t().registry.federal_state}</th>
                        <th scope="col" class="number">{move || i18n.t().registry.population}</th>
                        <th scope="col">{move || i18n.t().registry.has_council}</th>
                        <th scope="col">{move || i18n.t().registry.status}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|m| {
                            let has_council = m.council.is_some();
                            let population = m.population;
                            let status = m.status;
                            view! {
                                <tr>
                                    <th scope="row">
                                        <A href=format!("/kommunen/{}", m.slug)>{m.name}</A>
                                    </th>
                                    <td>{m.ags}</td>
                                    <td>{m.federal_state_name}</td>
                                    <td class="number">
                                        {move || group_thousands(population, i18n.lang())}
                                    </td>
                                    <td>
                                        {move || if has_council { i18n.t().registry.yes } else { i18n.t().registry.no }}
                                    </td>
                                    <td>{move || status.label(i18n.t())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=move || (i18n.t().registry.results)(from, to, total)>
            {previous.map(|href| view! { <A href=href>{move || i18n.t().common.previous_page}</A> })}
            {next.map(|href| view! { <A href=href>{move || i18n.t().common.next_page}</A> })}
        </nav>
    }
        .into_any()
}

/// Shortcuts for the logged-in: an administrator's own municipalities, a state office's Land.
#[component]
fn YourMunicipalities() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        let administered = session.administered();
        let offices = session.state_offices();
        if administered.is_empty() && offices.is_empty() {
            return None;
        }
        Some(view! {
            <section class="shortcuts" aria-labelledby="your-heading">
                <h2 id="your-heading">{i18n.t().registry.your_municipalities}</h2>
                <ul>
                    {offices
                        .into_iter()
                        .map(|state| {
                            view! {
                                <li>
                                    <A href=list_path(state.code(), "", 1)>
                                        {format!("{} – {}", state.name_de(), i18n.t().registry.role_state_office)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                    {administered
                        .into_iter()
                        .map(|id| view! { <li><OwnMunicipality id=id /></li> })
                        .collect_view()}
                </ul>
            </section>
        })
    }
}

#[component]
fn OwnMunicipality(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let found = LocalResource::new(move || {
        let variables = municipality_name::Variables { id: id.clone() };
        let lang = i18n.0.get_untracked();
        async move { api::run::<MunicipalityName>(lang, variables).await }
    });
    move || {
        found.get().and_then(Result::ok).map(|data| {
            let m = data.municipality;
            view! { <A href=format!("/kommunen/{}", m.slug)>{m.name}</A> }
        })
    }
}
