//! The council's people and organisations: adding them, and inviting a person to log in.

use leptos::prelude::*;

use super::SECTORS;
use crate::a11y::use_announcer;
use crate::components::{ErrorBox, Field, FormError, Select, SubmitButton};
use crate::i18n::use_i18n;
use crate::pages::from_code;
use crate::queries::{
    InvitePerson, SaveOrganisation, SavePerson, council_structure, invite_person,
    save_organisation, save_person,
};
use crate::submit::{announce, on_submit, save};

#[component]
pub(super) fn AddPerson(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let function = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let variables = save_person::Variables {
            municipality_id: municipality.clone(),
            input: save_person::PersonInput {
                name: name.get_untracked(),
                function_title: Some(function.get_untracked()).filter(|f| !f.trim().is_empty()),
                email: Some(email.get_untracked()).filter(|f| !f.trim().is_empty()),
                phone: Some(phone.get_untracked()).filter(|f| !f.trim().is_empty()),
            },
        };
        save::<SavePerson>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().council.add_person_title}</h2>
            <ErrorBox error=error />
            <Field id="person-name" name="name" label=|t| t.council.person_name value=name error=error required=true />
            <Field id="person-function" name="functionTitle" label=|t| t.council.function_title value=function error=error />
            <Field id="person-email" name="email" kind="email" label=|t| t.common.email value=email error=error />
            <Field id="person-phone" name="phone" kind="tel" label=|t| t.council.phone value=phone error=error />
            <SubmitButton pending=pending text=|t| t.council.add_person_submit />
        </form>
    }
}

/// The council's people; those with an e-mail address can be invited to log in.
#[component]
pub(super) fn People(
    municipality: String,
    people: Vec<council_structure::CouncilStructureCouncilStructurePeople>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    if people.is_empty() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{move || i18n.t().council.people_title}</h2>
            <ul class="people">
                {people
                    .into_iter()
                    .map(|p| {
                        let municipality = municipality.clone();
                        let id = p.id.clone();
                        let invite = move |_| {
                            let lang = i18n.0.get_untracked();
                            let variables = invite_person::Variables {
                                municipality_id: municipality.clone(),
                                id: id.clone(),
                            };
                            announce::<InvitePerson>(lang, variables, announcer, |t| t.council.invited, || ());
                        };
                        let label = format!("{}: {}", p.name, i18n.t().council.invite);
                        view! {
                            <li>
                                <span>{p.name.clone()}</span>
                                {p.function_title.clone().map(|f| view! { <span class="hint">" · " {f}</span> })}
                                {p.email.clone().map(|e| view! { <span class="hint">" · " {e}</span> })}
                                {p.email.is_some().then(|| view! {
                                    <button type="button" class="link-button" aria-label=label.clone() on:click=invite.clone()>
                                        {move || i18n.t().council.invite}
                                    </button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn AddOrganisation(
    municipality: String,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let name = RwSignal::new(String::new());
    let sector = RwSignal::new("ADMINISTRATION".to_owned());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let sectors = Signal::derive(move || {
        SECTORS
            .iter()
            .map(|(code, de, en)| {
                let label = if i18n.lang() == crate::i18n::Lang::De {
                    de
                } else {
                    en
                };
                ((*code).to_owned(), (*label).to_owned())
            })
            .collect()
    });
    let submit = on_submit(pending, move || {
        let Some(sector_value) = from_code::<save_organisation::Sector>(&sector.get_untracked())
        else {
            return;
        };
        let lang = i18n.0.get_untracked();
        let variables = save_organisation::Variables {
            municipality_id: municipality.clone(),
            input: save_organisation::OrganisationInput {
                name: name.get_untracked(),
                sector: sector_value,
            },
        };
        save::<SaveOrganisation>(lang, variables, pending, error, announcer, reload);
    });
    view! {
        <form class="edit" on:submit=submit>
            <h2>{move || i18n.t().council.add_organisation_title}</h2>
            <ErrorBox error=error />
            <Field id="organisation-name" name="name" label=|t| t.common.name value=name error=error required=true />
            <Select id="organisation-sector" name="sector" label=|t| t.council.seat_sector value=sector error=error options=sectors />
            <SubmitButton pending=pending text=|t| t.council.add_organisation_submit />
        </form>
    }
}
