//! A body's card with its members (ending a term), and adding a body.

use leptos::prelude::*;

use super::body_form::BodyForm;
use super::{Body, active_bodies, kind_options, role_label};
use crate::a11y::use_announcer;
use crate::components::{
    Checkbox, ErrorBox, Field, FormError, Select, SubmitButton, with_empty_choice,
};
use crate::i18n::use_i18n;
use crate::pages::{code, from_code, today};
use crate::queries::{
    CreateBody, UpdateMembership, council_structure, create_body, update_membership,
};
use crate::submit::{announce, on_submit, save};

#[component]
pub(super) fn BodyCard(
    body: Body,
    municipality: String,
    bodies: Vec<Body>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let heading = format!("body-{}", body.id);
    let dissolved = body.dissolved_on.is_some();
    let memberships = body.memberships.clone();
    let can_edit = body.can_edit && !dissolved;
    let reports_to = body
        .reports_to_id
        .as_ref()
        .and_then(|id| bodies.iter().find(|b| &b.id == id))
        .map(|b| b.name.clone());
    let editing = RwSignal::new(false);
    let end_term = {
        let municipality = municipality.clone();
        let body_id = body.id.clone();
        move |m: council_structure::CouncilStructureCouncilStructureBodiesMemberships| {
            let lang = i18n.0.get_untracked();
            let Some(role) = from_code::<update_membership::MembershipRole>(&code(&m.role)) else {
                return;
            };
            let variables = update_membership::Variables {
                municipality_id: municipality.clone(),
                id: m.id.clone(),
                input: update_membership::MembershipInput {
                    body_id: body_id.clone(),
                    person_id: m.person.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
                    role,
                    organisation_id: m.organisation.as_ref().map(|o| o.id.clone()),
                    term_start: m.term_start.clone(),
                    term_end: Some(today().max(m.term_start.clone())),
                    appointed_by: m.appointed_by.clone(),
                },
            };
            announce::<UpdateMembership>(lang, variables, announcer, |t| t.common.saved, reload);
        }
    };
    view! {
        <article class="body-card" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>
                {body.name.clone()}
                <span class="kind">" · " {body.kind_label.clone()}</span>
                {dissolved.then(|| view! { <span class="kind">" · " {move || i18n.t().council.dissolved}</span> })}
            </h3>
            {reports_to.map(|name| view! { <p class="hint">{move || i18n.t().council.reports_to} ": " {name}</p> })}
            {body.chair_rule.clone().map(|rule| view! { <p class="hint">{rule}</p> })}
            {(!body.tasks.is_empty()).then(|| view! { <p class="tasks">{body.tasks.clone()}</p> })}
            {can_edit.then(|| view! {
                <button type="button" class="secondary" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || i18n.t().council.edit_body}
                </button>
            })}
            {
                let body = body.clone();
                let municipality = municipality.clone();
                move || editing.get().then(|| view! {
                    <BodyForm body=body.clone() municipality=municipality.clone() bodies=bodies.clone() done=move || editing.set(false) reload=reload />
                })
            }
            {if memberships.is_empty() {
                view! { <p>{move || i18n.t().council.no_members}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-label=body.name.clone() tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t().council.person}</th>
                                    <th scope="col">{move || i18n.t().council.role}</th>
                                    <th scope="col">{move || i18n.t().council.organisation}</th>
                                    <th scope="col">{move || i18n.t().council.term}</th>
                                    {can_edit.then(|| view! { <th scope="col">{move || i18n.t().council.actions}</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {memberships
                                    .into_iter()
                                    .map(|m| {
                                        let role = code(&m.role);
                                        let derived = m.derived;
                                        let running = m.term_end.as_ref().is_none_or(|end| *end > today());
                                        let action = (can_edit && running && !derived).then(|| {
                                            let end_term = end_term.clone();
                                            let m = m.clone();
                                            view! {
                                                <button type="button" class="secondary" on:click=move |_| end_term(m.clone())>
                                                    {move || i18n.t().council.end_term}
                                                </button>
                                            }
                                        });
                                        let term = match &m.term_end {
                                            Some(end) => format!("{} – {end}", m.term_start),
                                            None => format!("{} –", m.term_start),
                                        };
                                        view! {
                                            <tr>
                                                <th scope="row">{m.person.map(|p| p.name).unwrap_or_default()}</th>
                                                <td>
                                                    {move || role_label(&role, i18n.t())}
                                                    {derived.then(|| view! { <span class="hint">" (" {move || i18n.t().council.derived_note} ")"</span> })}
                                                </td>
                                                <td>{m.organisation.map(|o| o.name).unwrap_or_default()}</td>
                                                <td>{term}</td>
                                                {can_edit.then(|| view! { <td>{action}</td> })}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </article>
    }
}

#[component]
pub(super) fn AddBody(
    municipality: String,
    bodies: Vec<Body>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new("WORKING_GROUP".to_owned());
    let parent = RwSignal::new(String::new());
    let moderator_seat = RwSignal::new(true);
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let kinds = kind_options();
    let parents = with_empty_choice(|t| t.council.no_parent, active_bodies(&bodies));
    let submit = on_submit(pending, move || {
        let Some(kind_value) = from_code::<create_body::BodyKind>(&kind.get_untracked()) else {
            return;
        };
        let lang = i18n.0.get_untracked();
        let variables = create_body::Variables {
            municipality_id: municipality.clone(),
            input: create_body::BodyInput {
                parent_id: Some(parent.get_untracked()).filter(|p| !p.is_empty()),
                reports_to_id: None,
                name: name.get_untracked(),
                kind: kind_value,
                own_kind: None,
                scope: None,
                district: None,
                tasks: String::new(),
                chair_rule: None,
                meetings_per_year: None,
                min_members: None,
                max_members: None,
                term_months: None,
                appointment_procedure: None,
                public: false,
                moderators_are_members: false,
                moderator_takes_seat: moderator_seat.get_untracked(),
                founded_on: None,
                founding_resolution: None,
                dissolved_on: None,
                dissolution_resolution: None,
                seats: Vec::new(),
            },
        };
        save::<CreateBody>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().council.add_body_title}</h2>
            <ErrorBox error=error />
            <Field id="body-name" name="name" label=|t| t.common.name value=name error=error required=true />
            <Select id="body-kind" name="kind" label=|t| t.council.body_kind value=kind error=error options=kinds />
            <Select id="body-parent" name="parentId" label=|t| t.council.parent_body value=parent error=error options=parents />
            {move || (kind.get() == "WORKING_GROUP").then(|| view! {
                <Checkbox id="body-moderator-seat" label=|t| t.council.moderator_takes_seat value=moderator_seat />
            })}
            <SubmitButton pending=pending text=|t| t.council.add_body_submit />
        </form>
    }
}
