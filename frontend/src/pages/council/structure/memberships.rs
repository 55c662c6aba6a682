//! Recording a person's membership in a body.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ROLES, role_label};
use crate::a11y::use_announcer;
use crate::api;
use crate::components::{ErrorBox, Field, FormError, Select};
use crate::i18n::{LangExt, use_i18n};
use crate::pages::{from_code, today};
use crate::queries::{AddMembership, add_membership, council_structure};

#[component]
pub(super) fn AddMembershipForm(
    municipality: String,
    data: council_structure::CouncilStructureCouncilStructure,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let body = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let role = RwSignal::new("MEMBER".to_owned());
    let organisation = RwSignal::new(String::new());
    let appointed = RwSignal::new(String::new());
    let start = RwSignal::new(today());
    let organisations_list: Vec<(String, String)> = data
        .organisations
        .iter()
        .map(|o| (o.id.clone(), o.name.clone()))
        .collect();
    let organisations = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().council.no_organisation.to_owned())];
        options.extend(organisations_list.clone());
        options
    });
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let bodies_list: Vec<(String, String)> = data
        .bodies
        .iter()
        .filter(|b| b.dissolved_on.is_none())
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect();
    let people_list: Vec<(String, String)> = data
        .people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let bodies = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().council.choose.to_owned())];
        options.extend(bodies_list.clone());
        options
    });
    let people = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t().council.choose.to_owned())];
        options.extend(people_list.clone());
        options
    });
    let roles = Signal::derive(move || {
        ROLES
            .iter()
            .map(|r| ((*r).to_owned(), role_label(r, i18n.t()).to_owned()))
            .collect()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(role_value) = from_code::<add_membership::MembershipRole>(&role.get_untracked())
        else {
            return;
        };
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = add_membership::Variables {
            municipality_id: municipality.clone(),
            input: add_membership::MembershipInput {
                body_id: body.get_untracked(),
                person_id: person.get_untracked(),
                role: role_value,
                organisation_id: Some(organisation.get_untracked()).filter(|o| !o.is_empty()),
                term_start: start.get_untracked(),
                term_end: None,
                appointed_by: Some(appointed.get_untracked()).filter(|a| !a.trim().is_empty()),
            },
        };
        spawn_local(async move {
            match api::run::<AddMembership>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().common.saved.to_owned());
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().council.add_membership_title}</h2>
            <ErrorBox error=error />
            <Select id="membership-body" name="bodyId" label=|t| t.council.body value=body error=error options=bodies />
            <Select id="membership-person" name="personId" label=|t| t.council.person value=person error=error options=people />
            <Select id="membership-role" name="role" label=|t| t.council.role value=role error=error options=roles />
            <Select id="membership-organisation" name="organisationId" label=|t| t.council.organisation value=organisation error=error options=organisations />
            <Field id="membership-start" name="termStart" kind="date" label=|t| t.council.term_start value=start error=error required=true />
            <Field id="membership-appointed" name="appointedBy" label=|t| t.council.appointed_by value=appointed error=error />
            <button type="submit" disabled=move || pending.get()>{move || i18n.t().council.add_membership_submit}</button>
        </form>
    }
}
