//! One municipality: its registry data and its council, each editable by those allowed to.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use praevnet_common::group_thousands;

use super::create::{state_options, states_for};
use super::fields::{Registry, RegistryFields};
use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{
    ErrorBox, Field, FormError, SaveCancel, SubmitButton, Text, invalid_number, parse_population,
};
use crate::i18n::{LangExt, use_i18n};
use crate::model::{FederalState, MunicipalityStatus};
use crate::queries::{
    InviteAdministrator, MunicipalityBySlug, SaveCouncil, UpdateMunicipality, invite_administrator,
    municipality_by_slug, save_council, update_municipality,
};
use crate::session::use_session;
use crate::submit::{on_submit, save, submit_call};

type Data = municipality_by_slug::MunicipalityBySlugMunicipalityBySlug;

#[component]
pub fn Municipality() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let version = RwSignal::new(0_u32);
    let found = LocalResource::new(move || {
        version.track();
        let variables = municipality_by_slug::Variables { slug: slug() };
        let lang = i18n.0.get_untracked();
        async move { api::run::<MunicipalityBySlug>(lang, variables).await }
    });
    let reload = move || version.update(|v| *v += 1);
    crate::pages::loaded(found, move |data| {
        view! { <Details m=data.municipality_by_slug reload=reload /> }
    })
}

#[component]
fn Details(m: Data, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let editing_registry = RwSignal::new(false);
    let editing_council = RwSignal::new(false);
    let state = m.federal_state;
    let id = m.id.clone();
    let can_edit_registry = move || session.can_edit_registry(state);
    let can_manage = {
        let id = id.clone();
        move || session.can_manage(state, &id)
    };
    let title = m.name.clone();
    let population = m.population;
    let status = m.status;
    let registry_form = m.clone();
    let council_form = m.clone();
    let council = m.council.clone();

    view! {
        <PageTitle text=Signal::derive(move || title.clone()) />
        <section aria-labelledby="registry-heading">
            <h2 id="registry-heading">{move || i18n.t().registry.registry_data}</h2>
            <dl class="facts">
                <dt>"AGS"</dt>
                <dd>{m.ags.clone()}</dd>
                <dt>{move || i18n.t().registry.federal_state}</dt>
                <dd>{m.federal_state_name.clone()}</dd>
                <dt>{move || i18n.t().registry.population}</dt>
                <dd>{move || group_thousands(population, i18n.lang())}</dd>
                <dt>{move || i18n.t().registry.status}</dt>
                <dd>{move || status.label(i18n.t())}</dd>
            </dl>
            {editable(can_edit_registry, |t| t.registry.edit_registry, editing_registry, move || {
                view! {
                    <RegistryForm
                        m=registry_form.clone()
                        done=move || editing_registry.set(false)
                        reload=reload
                    />
                }
            })}
        </section>
        {
            let can_manage = can_manage.clone();
            let id = m.id.clone();
            move || can_manage().then(|| view! { <InviteAdmin municipality=id.clone() /> })
        }
        <section aria-labelledby="council-heading">
            <h2 id="council-heading">{move || i18n.t().registry.council}</h2>
            <ul class="links">
                <li>
                    <A href=format!("/kommunen/{}/rat", m.slug)>{move || i18n.t().council.structure_link}</A>
                </li>
                <li>
                    <A href=format!("/kommunen/{}/sitzungen", m.slug)>{move || i18n.t().council.meetings_title}</A>
                </li>
                <li>
                    <A href=format!("/kommunen/{}/empfehlungen", m.slug)>{move || i18n.t().council.recommendations_link}</A>
                </li>
                <li>
                    <A href=format!("/kommunen/{}/praeventionszyklus", m.slug)>{move || i18n.t().cycle.link}</A>
                </li>
                {
                    let slug = m.slug.clone();
                    let can_manage = can_manage.clone();
                    move || can_manage().then(|| view! {
                        <li>
                            <A href=format!("/kommunen/{slug}/gruendung")>{move || i18n.t().registry.founding_link}</A>
                        </li>
                        <li>
                            <A href=format!("/kommunen/{slug}/foerderung")>{move || i18n.t().land.funding_link}</A>
                        </li>
                        <li>
                            <A href=format!("/kommunen/{slug}/kontakte")>{move || i18n.t().network.contacts_title}</A>
                        </li>
                        <li>
                            <A href=format!("/kommunen/{slug}/praxis")>{move || i18n.t().network.practices_title}</A>
                        </li>
                        <li>
                            <A href=format!("/kommunen/{slug}/katalog")>{move || i18n.t().network.catalogue_title}</A>
                        </li>
                    })
                }
            </ul>
            {match council {
                Some(c) => {
                    view! {
                        <dl class="facts">
                            <dt>{move || i18n.t().registry.council_name}</dt>
                            <dd>{c.name}</dd>
                            <dt>{move || i18n.t().registry.founding_resolution}</dt>
                            <dd>{c.founding_resolution.unwrap_or_else(|| "–".to_owned())}</dd>
                            <dt>{move || i18n.t().registry.founding_date}</dt>
                            <dd>{c.founding_date.unwrap_or_else(|| "–".to_owned())}</dd>
                        </dl>
                    }
                        .into_any()
                }
                None => view! { <p>{move || i18n.t().registry.council_none}</p> }.into_any(),
            }}
            {editable(can_manage, |t| t.registry.edit_council, editing_council, move || {
                view! {
                    <CouncilForm
                        m=council_form.clone()
                        done=move || editing_council.set(false)
                        reload=reload
                    />
                }
            })}
        </section>
    }
}

/// For those `allowed` to edit: a button that opens an edit form in its place. The form
/// closes itself (sets `editing` back) when it is saved or cancelled.
fn editable<V: IntoView + 'static>(
    allowed: impl Fn() -> bool + Send + Sync + 'static,
    label: Text,
    editing: RwSignal<bool>,
    form: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || {
            (allowed() && !editing.get())
                .then(|| {
                    view! {
                        <button type="button" on:click=move |_| editing.set(true)>
                            {label(i18n.t())}
                        </button>
                    }
                })
        }}
        {move || editing.get().then(&form)}
    }
}

#[component]
fn RegistryForm(
    m: Data,
    done: impl Fn() + Copy + Send + Sync + 'static,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let values = Registry::of(&m);
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let current_state = m.federal_state;
    let states = Signal::derive(move || {
        let mut states = states_for(session.state_offices(), session.is_platform_admin());
        if !states.contains(&current_state) {
            states.insert(0, current_state);
        }
        state_options(states)
    });
    let id = m.id.clone();
    let old_slug = m.slug.clone();

    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let Some(population_value) = parse_population(&values.population.get_untracked()) else {
            error.set(Some(invalid_number("population", lang.texts())));
            return;
        };
        let variables = update_municipality::Variables {
            id: id.clone(),
            input: update_municipality::UpdateMunicipalityInput {
                name: Some(values.name.get_untracked()),
                ags: Some(values.ags.get_untracked()),
                federal_state: FederalState::from_code(&values.state.get_untracked()),
                population: Some(population_value),
                slug: Some(values.slug.get_untracked()),
                status: MunicipalityStatus::from_code(&values.status.get_untracked()),
            },
        };
        let navigate = navigate.clone();
        let old_slug = old_slug.clone();
        let call = api::run::<UpdateMunicipality>(lang, variables);
        submit_call(pending, error, call, move |data| {
            announcer.say(lang.texts().common.saved.to_owned());
            done();
            let new_slug = data.update_municipality.slug;
            if new_slug == old_slug {
                reload();
            } else {
                navigate(&format!("/kommunen/{new_slug}"), Default::default());
            }
        });
    });

    view! {
        <form class="edit" id="registry-form" on:submit=submit>
            <h3>{move || i18n.t().registry.edit_registry}</h3>
            <ErrorBox error=error />
            <RegistryFields prefix="registry" values=values error=error states=states new=false />
            <SaveCancel pending=pending cancel=done />
        </form>
    }
}

#[component]
fn CouncilForm(
    m: Data,
    done: impl Fn() + Copy + Send + Sync + 'static,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let council = m.council.clone();
    let default_name = format!("Kommunaler Präventionsrat {}", m.name);
    let name = RwSignal::new(council.as_ref().map_or(default_name, |c| c.name.clone()));
    let resolution = RwSignal::new(
        council
            .as_ref()
            .and_then(|c| c.founding_resolution.clone())
            .unwrap_or_default(),
    );
    let founded = RwSignal::new(
        council
            .as_ref()
            .and_then(|c| c.founding_date.clone())
            .unwrap_or_default(),
    );
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let id = m.id.clone();

    let submit = on_submit(pending, move || {
        let variables = save_council::Variables {
            municipality_id: id.clone(),
            input: save_council::CouncilInput {
                name: name.get_untracked(),
                founding_resolution: Some(resolution.get_untracked())
                    .filter(|r| !r.trim().is_empty()),
                founding_date: Some(founded.get_untracked()).filter(|d| !d.is_empty()),
            },
        };
        let lang = i18n.0.get_untracked();
        save::<SaveCouncil>(lang, variables, pending, error, announcer, move || {
            done();
            reload();
        });
    });

    view! {
        <form class="edit" id="council-form" on:submit=submit>
            <h3>{move || i18n.t().registry.edit_council}</h3>
            <ErrorBox error=error />
            <Field
                id="council-name"
                name="name"
                label=|t| t.registry.council_name
                value=name
                error=error
                required=true
            />
            <Field
                id="council-resolution"
                name="foundingResolution"
                label=|t| t.registry.founding_resolution
                hint=|t| t.registry.founding_resolution_hint
                value=resolution
                error=error
            />
            <Field
                id="council-founded"
                name="foundingDate"
                kind="date"
                label=|t| t.registry.founding_date
                value=founded
                error=error
            />
            <SaveCancel pending=pending cancel=done />
        </form>
    }
}

/// Inviting the municipality's first (or another) administrator by e-mail.
#[component]
fn InviteAdmin(municipality: String) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let variables = invite_administrator::Variables {
            input: invite_administrator::InviteInput {
                email: email.get_untracked(),
                display_name: name.get_untracked(),
                role: crate::model::RoleKind::MunicipalityAdmin,
                federal_state: None,
                municipality_id: Some(municipality.clone()),
            },
        };
        let call = api::run::<InviteAdministrator>(lang, variables);
        submit_call(pending, error, call, move |_| {
            announcer.say(lang.texts().registry.invitation_sent.to_owned());
            email.set(String::new());
            name.set(String::new());
        });
    });
    view! {
        <section aria-labelledby="invite-heading">
            <form class="edit" on:submit=submit>
                <h2 id="invite-heading">{move || i18n.t().registry.invite_admin_title}</h2>
                <ErrorBox error=error />
                <Field id="invite-name" name="displayName" label=|t| t.registry.display_name value=name error=error required=true />
                <Field id="invite-email" name="email" kind="email" label=|t| t.common.email value=email error=error required=true />
                <SubmitButton pending=pending text=|t| t.registry.invite_admin_submit />
            </form>
        </section>
    }
}
