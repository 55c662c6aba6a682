//! The council's rules of procedure: its versions, adopting a new one, and recording the day
//! the city council was informed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::active_bodies;
use crate::a11y::use_announcer;
use crate::components::{
    ErrorBox, Field, FormError, Select, SubmitButton, TextArea, with_empty_choice,
};
use crate::i18n::use_i18n;
use crate::pages::today;
use crate::queries::{
    AdoptRulesOfProcedure, RecordRulesInformed, adopt_rules_of_procedure, council_structure,
    record_rules_informed,
};
use crate::submit::{announce, on_submit, save};

/// The versions of the rules of procedure, and for administrators a new version and the day
/// the city council was informed.
#[component]
pub(super) fn Rules(
    municipality: String,
    data: council_structure::CouncilStructureCouncilStructure,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let manage = data.can_manage;
    let body_name = {
        let bodies = data.bodies.clone();
        move |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| bodies.iter().find(|b| &b.id == id))
                .map(|b| b.name.clone())
                .unwrap_or_default()
        }
    };
    let versions = data.rules_of_procedure.clone();
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let adopted_by = RwSignal::new(String::new());
    let adopted_on = RwSignal::new(today());
    let resolution = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let bodies = with_empty_choice(|t| t.council.choose, active_bodies(&data.bodies));
    let adopt = {
        let municipality = municipality.clone();
        on_submit(pending, move || {
            let lang = i18n.0.get_untracked();
            let variables = adopt_rules_of_procedure::Variables {
                municipality_id: municipality.clone(),
                input: adopt_rules_of_procedure::RulesInput {
                    title: title.get_untracked(),
                    text: text.get_untracked(),
                    adopted_by_body_id: Some(adopted_by.get_untracked()).filter(|b| !b.is_empty()),
                    adopted_on: adopted_on.get_untracked(),
                    resolution: Some(resolution.get_untracked()).filter(|r| !r.trim().is_empty()),
                    council_informed_on: None,
                },
            };
            save::<AdoptRulesOfProcedure>(lang, variables, pending, error, announcer, reload);
        })
    };
    view! {
        <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{move || i18n.t().council.rules_title}</h2>
            {if versions.is_empty() {
                view! { <p>{move || i18n.t().council.rules_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="rules">
                        {versions
                            .into_iter()
                            .map(|v| {
                                let by = body_name(&v.adopted_by_body_id);
                                let informed = v.council_informed_on.clone();
                                let record = (manage && informed.is_none()).then(|| {
                                    let municipality = municipality.clone();
                                    let id = v.id.clone();
                                    let input_id = format!("informed-{}", v.version);
                                    let day = RwSignal::new(today());
                                    let record = move |ev: SubmitEvent| {
                                        ev.prevent_default();
                                        let lang = i18n.0.get_untracked();
                                        let variables = record_rules_informed::Variables {
                                            municipality_id: municipality.clone(),
                                            id: id.clone(),
                                            informed_on: Some(day.get_untracked()),
                                        };
                                        announce::<RecordRulesInformed>(lang, variables, announcer, |t| t.common.saved, reload);
                                    };
                                    view! {
                                        <form class="inline" on:submit=record>
                                            <label for=input_id.clone()>{move || i18n.t().council.rules_informed}</label>
                                            <input
                                                id=input_id
                                                type="date"
                                                prop:value=move || day.get()
                                                on:input=move |ev| day.set(event_target_value(&ev))
                                            />
                                            <button type="submit" class="secondary">{move || i18n.t().council.rules_record_informed}</button>
                                        </form>
                                    }
                                });
                                view! {
                                    <li>
                                        <details>
                                            <summary>
                                                {move || i18n.t().council.rules_version} " " {v.version} ": " {v.title.clone()}
                                                " – " {move || i18n.t().council.rules_adopted} " " {v.adopted_on.clone()}
                                                {(!by.is_empty()).then(|| view! { " " {move || i18n.t().council.rules_by} " " {by.clone()} })}
                                                {v.resolution.clone().map(|r| view! { " (" {r} ")" })}
                                                "; " {move || i18n.t().council.rules_informed} ": "
                                                {informed.clone().unwrap_or_else(|| i18n.t().council.rules_not_informed.to_owned())}
                                            </summary>
                                            <pre class="rules-text">{v.text.clone()}</pre>
                                        </details>
                                        {record}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {manage.then(|| view! {
                <form class="edit wide" on:submit=adopt>
                    <h3>{move || i18n.t().council.rules_adopt_title}</h3>
                    <ErrorBox error=error />
                    <Field id="rules-title" name="title" label=|t| t.council.rules_doc_title value=title error=error required=true />
                    <TextArea id="rules-text" label=|t| t.council.rules_text value=text />
                    <Select id="rules-body" name="adoptedByBodyId" label=|t| t.council.rules_adopted_by value=adopted_by error=error options=bodies />
                    <Field id="rules-date" name="adoptedOn" kind="date" label=|t| t.council.rules_adopted_on value=adopted_on error=error required=true />
                    <Field id="rules-resolution" name="resolution" label=|t| t.council.rules_resolution value=resolution error=error />
                    <SubmitButton pending=pending text=|t| t.council.rules_adopt_submit />
                </form>
            })}
        </section>
    }
}
