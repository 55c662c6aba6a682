//! The network: one search box over the practices, catalogue offers and funding programmes of
//! all cities, with facets; and a published practice's page with similar practices and the
//! form to write to the city that published it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{label_of, labels_of, vocab};
use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{ErrorBox, FormError, Select, TextArea};
use crate::i18n::{Texts, use_i18n};
use crate::model::FederalState;
use crate::pages::{loaded, title};
use crate::queries::{
    NetworkPracticePage, Search, SendContactRequest, network_practice_page, search,
    send_contact_request,
};
use crate::session::use_session;
use crate::submit::send_clearing;

/// Results per page.
const PAGE: i64 = 20;

fn group_label(group: &str, t: &'static Texts) -> &'static str {
    match group {
        "KIND" => t.network.facet_kind,
        "TOPIC" => t.network.facet_topic,
        "TARGET_GROUP" => t.network.facet_target_group,
        "SETTING" => t.network.facet_setting,
        "FEDERAL_STATE" => t.network.facet_federal_state,
        _ => t.network.facet_evidence_level,
    }
}

fn kind_label(kind: &str, t: &'static Texts) -> &'static str {
    match kind {
        "PRACTICE" => t.network.kind_practice,
        "OFFER" => t.network.kind_catalogue_offer,
        _ => t.network.kind_programme,
    }
}

/// Where a result's own page is.
fn result_link(kind: &str, id: &str) -> String {
    match kind {
        "PRACTICE" => format!("/netzwerk/praxis/{id}"),
        "OFFER" => format!("/netzwerk/angebote/{id}"),
        _ => format!("/foerderung/{id}"),
    }
}

/// The search page.
#[component]
pub fn Network() -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    // Chosen facet values as (group, value).
    let chosen = RwSignal::new(Vec::<(String, String)>::new());
    let sort = RwSignal::new("RELEVANCE".to_owned());
    let offset = RwSignal::new(0_i64);
    let results = LocalResource::new(move || {
        let lang = i18n.0.get_untracked();
        let chosen = chosen.get();
        let of = |group: &str| -> Vec<String> {
            chosen
                .iter()
                .filter(|(g, _)| g == group)
                .map(|(_, v)| v.clone())
                .collect()
        };
        let input = search::SearchInput {
            text: text.get(),
            kinds: of("KIND"),
            topics: of("TOPIC"),
            target_groups: of("TARGET_GROUP"),
            settings: of("SETTING"),
            federal_states: of("FEDERAL_STATE")
                .iter()
                .filter_map(|c| FederalState::from_code(c))
                .collect(),
            evidence_levels: of("EVIDENCE_LEVEL"),
            sort: sort.get(),
            first: PAGE,
            offset: offset.get(),
        };
        async move { api::run::<Search>(lang, search::Variables { input }).await }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        offset.set(0);
        text.set(typed.get_untracked());
    };
    let toggle = move |group: String, value: String| {
        offset.set(0);
        chosen.update(|c| {
            if let Some(at) = c.iter().position(|(g, v)| *g == group && *v == value) {
                c.remove(at);
            } else {
                c.push((group, value));
            }
        });
    };
    let sort_options = Signal::derive(move || {
        let t = i18n.t();
        vec![
            ("RELEVANCE".to_owned(), t.network.sort_relevance.to_owned()),
            ("NEWEST".to_owned(), t.network.sort_newest.to_owned()),
        ]
    });
    let no_error: FormError = RwSignal::new(None);
    view! {
        <PageTitle text=title(|t| t.network.network_title) />
        <p>{move || i18n.t().network.network_intro}</p>
        <form class="search" role="search" on:submit=submit>
            <label for="suche">{move || i18n.t().network.search_words}</label>
            <p class="hint" id="suche-hint">{move || i18n.t().network.search_hint}</p>
            <div class="search-row">
                <input
                    id="suche"
                    type="search"
                    aria-describedby="suche-hint"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit">{move || i18n.t().network.search}</button>
            </div>
        </form>
        {move || match results.get() {
            None => view! { <p aria-busy="true">{i18n.t().common.loading}</p> }.into_any(),
            Some(Err(err)) => view! {
                <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div>
            }.into_any(),
            Some(Ok(data)) => {
                let found = data.search;
                let t = i18n.t();
                let total = found.total;
                let facets = found.facets.into_iter().filter(|f| !f.values.is_empty()).map(|f| {
                    let group = f.group.clone();
                    view! {
                        <fieldset class="facet">
                            <legend>{group_label(&group, t)}</legend>
                            {f.values.into_iter().map(|v| {
                                let id = format!("f-{}-{}", group.to_lowercase(), v.value.to_lowercase());
                                let (g, value) = (group.clone(), v.value.clone());
                                let (g2, value2) = (group.clone(), v.value.clone());
                                let checked = move || chosen.with(|c| c.iter().any(|(x, y)| *x == g2 && *y == value2));
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=id.clone() prop:checked=checked
                                            on:change=move |_| toggle(g.clone(), value.clone()) />
                                        <label for=id>{v.label.clone()} " (" {v.count} ")"</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view();
                let hits = found.hits.into_iter().map(|h| {
                    let place = match h.federal_state {
                        Some(state) => format!("{} · {}", h.publisher, state.name_de()),
                        None => h.publisher.clone(),
                    };
                    view! {
                        <li class="card">
                            <p class="badge">{kind_label(&h.kind, t)}</p>
                            <h2><A href=result_link(&h.kind, &h.id)>{h.title.clone()}</A></h2>
                            <p class="hint">{place} " · " {h.date.chars().take(10).collect::<String>()}</p>
                            <p class="snippet">
                                {h.snippet.into_iter().map(|part| if part.highlighted {
                                    view! { <mark>{part.text}</mark> }.into_any()
                                } else {
                                    view! { <span>{part.text}</span> }.into_any()
                                }).collect_view()}
                            </p>
                        </li>
                    }
                }).collect_view();
                let shown = offset.get_untracked();
                view! {
                    <div class="search-layout">
                        <aside aria-label=t.network.facets_label>{facets}</aside>
                        <section aria-label=t.network.results_label>
                            <Select id="sortierung" name="sort" label=|t| t.common.sort_by value=sort error=no_error options=sort_options />
                            <p role="status">{format!("{} {}", total, t.network.results_found)}</p>
                            <ol class="cards results">{hits}</ol>
                            <div class="actions">
                                {(shown > 0).then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| offset.update(|o| *o = (*o - PAGE).max(0))>
                                        {t.common.previous_page}
                                    </button>
                                })}
                                {(shown + PAGE < total).then(|| view! {
                                    <button type="button" class="secondary" on:click=move |_| offset.update(|o| *o += PAGE)>
                                        {t.common.next_page}
                                    </button>
                                })}
                            </div>
                        </section>
                    </div>
                }.into_any()
            }
        }}
    }
}

/// A published practice's page.
#[component]
pub fn NetworkPractice() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let lang = i18n.0.get_untracked();
        async move {
            api::run::<NetworkPracticePage>(lang, network_practice_page::Variables { id }).await
        }
    });
    loaded(data, move |data| {
        let p = data.network_practice;
        let vocab = vocab!(data.vocabulary);
        let t = i18n.t();
        let heading = p.title.clone();
        let programme = p.funding_programme_id.as_ref().and_then(|id| {
            data.funding_programmes
                .iter()
                .find(|f| f.id == *id)
                .map(|f| (f.id.clone(), f.name.clone()))
        });
        let sections: Vec<(&'static str, String)> = vec![
            (t.network.practice_problem, p.problem.clone()),
            (t.network.practice_causes, p.causes.clone()),
            (t.network.practice_goals, p.goals.clone()),
            (t.network.practice_measures, p.measures.clone()),
            (t.network.practice_concept, p.concept.clone()),
            (t.network.practice_evaluation, p.evaluation.clone()),
            (t.network.practice_conclusions, p.conclusions.clone()),
        ];
        let facts: Vec<(&'static str, String)> = vec![
            (t.network.facet_topic, labels_of(&vocab.topics, &p.topics)),
            (
                t.network.facet_target_group,
                labels_of(&vocab.target_groups, &p.target_groups),
            ),
            (
                t.network.facet_setting,
                labels_of(&vocab.settings, &p.settings),
            ),
            (
                t.network.facet_evidence_level,
                p.evidence_level
                    .as_ref()
                    .map(|e| label_of(&vocab.evidence_levels, e))
                    .unwrap_or_default(),
            ),
            (t.network.practice_duration, p.duration.clone()),
            (t.network.practice_costs, p.costs.clone()),
            (t.network.practice_partners, p.partners.clone()),
            (t.network.practice_contact, p.contact.clone()),
        ];
        view! {
            <PageTitle text=Signal::derive(move || heading.clone()) />
            <p class="hint">
                {p.municipality_name.clone()} " · " {p.federal_state.name_de()} " · "
                {t.network.published_on} " " {p.published_at.clone().unwrap_or_default().chars().take(10).collect::<String>()}
            </p>
            {sections.into_iter().filter(|(_, text)| !text.trim().is_empty()).map(|(h, text)| view! {
                <section>
                    <h2>{h}</h2>
                    <p class="prose">{text}</p>
                </section>
            }).collect_view()}
            {(!p.attachments.is_empty()).then(|| view! {
                <section aria-labelledby="anhaenge">
                    <h2 id="anhaenge">{t.network.attachments_title}</h2>
                    <ul>
                        {p.attachments.iter().map(|f| view! {
                            <li><a href=f.url.clone() download=f.file_name.clone()>{f.file_name.clone()}</a> " (" {(f.size_bytes + 1023) / 1024} " KB)"</li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <dl class="facts">
                {facts.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! {
                    <dt>{k}</dt><dd>{v}</dd>
                }).collect_view()}
                {programme.map(|(id, name)| view! {
                    <dt>{t.network.practice_programme}</dt>
                    <dd><A href=format!("/foerderung/{id}")>{name}</A></dd>
                })}
            </dl>
            <section aria-labelledby="aehnliche">
                <h2 id="aehnliche">{t.network.similar_practices}</h2>
                {data.similar_practices.is_empty().then(|| view! { <p>{t.network.no_similar}</p> })}
                <ul>
                    {data.similar_practices.into_iter().map(|s| view! {
                        <li><A href=format!("/netzwerk/praxis/{}", s.id)>{s.title}</A> " (" {s.publisher} ")"</li>
                    }).collect_view()}
                </ul>
            </section>
            <ContactForm practice=p.id.clone() publisher=p.municipality_id.clone() />
        }
    })
}

/// Writing to the publishing city, as the (first) city the user administers; an account that
/// administers several writes as the first of them.
#[component]
fn ContactForm(practice: String, publisher: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announcer = use_announcer();
    let error: FormError = RwSignal::new(None);
    let message = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let own: Vec<String> = session
        .administered()
        .into_iter()
        .filter(|m| *m != publisher)
        .collect();
    let sender = own.first().cloned().unwrap_or_default();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let variables = send_contact_request::Variables {
            municipality_id: sender.clone(),
            practice_id: practice.clone(),
            message: message.get_untracked(),
        };
        send_clearing::<SendContactRequest>(
            i18n.0.get_untracked(),
            variables,
            error,
            announcer,
            [message],
            move || sent.set(true),
        );
    };
    (!own.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="kontakt">
            <h2 id="kontakt">{move || i18n.t().network.contact_publisher}</h2>
            <p class="hint">{move || i18n.t().network.contact_publisher_hint}</p>
            <form class="edit wide" on:submit=submit>
                <ErrorBox error=error />
                <TextArea id="nachricht" label=|t| t.network.your_message value=message />
                <button type="submit">{move || i18n.t().network.send_message}</button>
            </form>
            {move || sent.get().then(|| view! { <p role="status" class="success">{i18n.t().network.message_was_sent}</p> })}
        </section>
    })
}
