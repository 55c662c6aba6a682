//! A council's recommendations (Handlungsempfehlungen) and the Beschlusskontrolle: what its
//! bodies recommend, to whom (the city council or the administration), where each stands on its
//! way, and whether an answer is overdue; for those who may, recording a new one and taking one
//! a step further.

mod form;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use form::{NewRecommendation, StepForm};

use crate::a11y::PageTitle;
use crate::i18n::use_i18n;
use crate::pages::{code, german_date, loaded};
use crate::queries::{RecommendationsOf, recommendations_of};

/// A recommendation as the page lists it, with its way so far.
type Recommendation = recommendations_of::RecommendationsOfRecommendations;

#[component]
pub fn Recommendations() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let reload = move || version.update(|v| *v += 1);
    // Only the open ones (the Beschlusskontrolle), or all. The list reads it when it loads, and
    // the filter loads it again; the filter stays outside the list, so that it keeps the focus.
    let open_only = RwSignal::new(false);
    // Opened from an agenda item ("?top=<item id>"): the new recommendation comes from it.
    let query = use_query_map();
    let source_item = query.with_untracked(|q| q.get("top"));
    let data = crate::pages::of_municipality::<RecommendationsOf>(version, move |m| {
        recommendations_of::Variables {
            municipality_id: m.id,
            open_only: Some(open_only.get_untracked()),
        }
    });
    // The heading is there before the list, for the filter below it; the municipality's name
    // joins it once loaded (the heading takes the focus only when it appears).
    let title = Signal::derive(move || {
        let t = i18n.t().council.recommendations_title;
        match data.get() {
            Some(Ok((m, _))) => format!("{t} – {}", m.name),
            _ => t.to_owned(),
        }
    });
    view! {
        <PageTitle text=title />
        <form class="filters" on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <div class="choice">
                <input
                    type="checkbox"
                    id="recommendations-open-only"
                    prop:checked=move || open_only.get()
                    on:change=move |ev| {
                        open_only.set(event_target_checked(&ev));
                        reload();
                    }
                />
                <label for="recommendations-open-only">{move || i18n.t().council.recommendations_open_only}</label>
            </div>
        </form>
        {loaded(data, move |(m, data)| {
            let structure = data.council_structure;
            // Whoever may record meetings of a body may record what it recommends; the API
            // decides in the end.
            let can_record = structure.can_manage || structure.bodies.iter().any(|b| b.can_edit);
            let bodies: Vec<(String, String)> =
                structure.bodies.into_iter().map(|b| (b.id, b.name)).collect();
            let open = open_only.get_untracked();
            let list = data.recommendations;
            let municipality = m.id.clone();
            let cards = if list.is_empty() {
                view! { <p>{move || i18n.t().council.recommendations_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards">
                        {list.into_iter().enumerate().map(|(index, r)| {
                            let n = index + 1;
                            view! {
                                <RecommendationCard recommendation=r n municipality=municipality.clone() reload=reload />
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <p>
                    <A href=format!("/kommunen/{}", m.slug)>{m.name.clone()}</A>
                    " · "
                    <A href=format!("/kommunen/{}/sitzungen", m.slug)>{move || i18n.t().council.meetings_title}</A>
                </p>
                <h2>{move || {
                    let t = &i18n.t().council;
                    if open { t.recommendations_open } else { t.recommendations_all }
                }}</h2>
                {cards}
                {can_record.then(|| view! {
                    <NewRecommendation municipality=m.id.clone() bodies source_item=source_item.clone() reload=reload />
                })}
            }
        })}
    }
}

/// One recommendation: its title, where it stands (an overdue one says so in words, not by
/// colour alone), to whom it goes, its paper and deadline, its text and answer, and its way so
/// far; for those who may take it further, the form for the next step.
#[component]
fn RecommendationCard(
    recommendation: Recommendation,
    /// Its place in the list, which keeps the ids of the cards' forms apart.
    n: usize,
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = recommendation;
    let next: Vec<String> = r.next_steps.iter().map(code).collect();
    let draft = code(&r.status) == "DRAFT";
    let bodies = match (&r.source_body_name, &r.adopting_body_name) {
        (None, None) => None,
        (source, adopting) => Some(format!(
            "{} → {}",
            source.as_deref().unwrap_or("–"),
            adopting.as_deref().unwrap_or("–")
        )),
    };
    let steps_heading = format!("recommendation-{n}-steps");
    let step_form = (r.editable && !next.is_empty()).then(|| {
        view! {
            <StepForm municipality recommendation=r.id.clone() next n draft reload />
        }
    });
    let steps = (!r.steps.is_empty()).then(|| {
        let items = r
            .steps
            .iter()
            .map(|s| {
                let note = (!s.note.trim().is_empty()).then(|| format!(" – {}", s.note));
                view! { <li>{german_date(&s.on)} " – " {s.status_label.clone()} {note}</li> }
            })
            .collect_view();
        view! {
            <h4 id=steps_heading.clone()>{move || i18n.t().council.recommendation_steps}</h4>
            <ol aria-labelledby=steps_heading.clone()>{items}</ol>
        }
    });
    view! {
        <li class="card">
            <h3>{r.title.clone()}</h3>
            <p class="status-line">
                <strong>{r.status_label.clone()}</strong>
                {r.overdue.then(|| view! {
                    " · "
                    <strong class="badge overdue">{move || i18n.t().council.recommendation_overdue}</strong>
                })}
            </p>
            <dl class="facts">
                <dt>{move || i18n.t().council.recommendation_addressee}</dt>
                <dd>{r.addressee_label.clone()}</dd>
                {r.paper_reference.clone().filter(|p| !p.trim().is_empty()).map(|paper| view! {
                    <dt>{move || i18n.t().council.recommendation_paper}</dt>
                    <dd>{paper}</dd>
                })}
                {bodies.map(|bodies| view! {
                    <dt>{move || i18n.t().council.recommendation_bodies}</dt>
                    <dd>{bodies}</dd>
                })}
                {r.due_on.clone().map(|due| view! {
                    <dt>{move || i18n.t().council.recommendation_due}</dt>
                    <dd>{german_date(&due)}</dd>
                })}
            </dl>
            {(!r.text.trim().is_empty()).then(|| view! { <p class="prose">{r.text.clone()}</p> })}
            {(!r.answer.trim().is_empty()).then(|| view! {
                <h4>{move || i18n.t().council.recommendation_answer}</h4>
                <p class="prose">{r.answer.clone()}</p>
            })}
            {steps}
            {step_form}
        </li>
    }
}
