//! Recording a person's membership in a body.

use leptos::prelude::*;

use super::{ROLES, active_bodies, role_label};
use crate::a11y::use_announcer;
use crate::components::{ErrorBox, Field, FormError, Select, SubmitButton, with_empty_choice};
use crate::i18n::use_i18n;
use crate::pages::{from_code, today};
use crate::queries::{AddMembership, add_membership, council_structure};
use crate::submit::{on_submit, save};

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
    let organisations = with_empty_choice(
        |t| t.council.no_organisation,
        data.organisations
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect(),
    );
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let bodies = with_empty_choice(|t| t.council.choose, active_bodies(&data.bodies));
    let people = with_empty_choice(
        |t| t.council.choose,
        data.people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    );
    let roles = Signal::derive(move || {
        ROLES
            .iter()
            .map(|r| ((*r).to_owned(), role_label(r, i18n.t()).to_owned()))
            .collect()
    });
    let submit = on_submit(pending, move || {
        let Some(role_value) = from_code::<add_membership::MembershipRole>(&role.get_untracked())
        else {
            return;
        };
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
        save::<AddMembership>(lang, variables, pending, error, announcer, reload);
    });
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
            <SubmitButton pending=pending text=|t| t.council.add_membership_submit />
        </form>
    }
}
