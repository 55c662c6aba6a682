//! One municipality: its registry data and its council, each editable by those allowed to.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use praevnet_common::group_thousands;

use super::create::{state_options, states_for};
use crate::a11y::{PageTitle, use_announcer};
use crate::api;
use crate::components::{ErrorBox, Field, FormError, Select, invalid_number, parse_population};
use crate::i18n::{LangExt, use_i18n};
use crate::model::{FederalState, MunicipalityStatus};
use crate::queries::{
    InviteAdministrator, MunicipalityBySlug, SaveCouncil, UpdateMunicipality, invite_administrator,
    municipality_by_slug, save_council, update_municipality,
};
use crate::session::use_session;

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
            {move || {
                (can_edit_registry() && !editing_registry.get())
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| editing_registry.set(true)>
                                {i18n.t().registry.edit_registry}
                            </button>
                        }
                    })
            }}
            {move || {
                editing_registry
                    .get()
                    .then(|| {
                        view! {
                            <RegistryForm
                                m=registry_form.clone()
                                done=move || editing_registry.set(false)
                                reload=reload
                            />
                        }
                    })
            }}
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
            {move || {
                (can_manage() && !editing_council.get())
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| editing_council.set(true)>
                                {i18n.t().registry.edit_council}
                            </button>
                        }
                    })
            }}
            {move || {
                editing_council
                    .get()
                    .then(|| {
                        view! {
                            <CouncilForm
                                m=council_form.clone()
                                done=move || editing_council.set(false)
                                reload=reload
                            />
                        }
                    })
            }}
        </section>
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
    let name = RwSignal::new(m.name.clone());
    let ags = RwSignal::new(m.ags.clone());
    let population = RwSignal::new(m.population.to_string());
    let slug = RwSignal::new(m.slug.clone());
    let state = RwSignal::new(m.federal_state.code().to_owned());
    let status = RwSignal::new(m.status.code().to_owned());
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
    let statuses = Signal::derive(move || {
        MunicipalityStatus::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), s.label(i18n.t()).to_owned()))
            .collect()
    });
    let id = m.id.clone();
    let old_slug = m.slug.clone();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let lang = i18n.0.get_untracked();
        let Some(population_value) = parse_population(&population.get_untracked()) else {
            error.set(Some(invalid_number("population", lang.texts())));
            return;
        };
        pending.set(true);
        error.set(None);
        let variables = update_municipality::Variables {
            id: id.clone(),
            input: update_municipality::UpdateMunicipalityInput {
                name: Some(name.get_untracked()),
                ags: Some(ags.get_untracked()),
                federal_state: FederalState::from_code(&state.get_untracked()),
                population: Some(population_value),
                slug: Some(slug.get_untracked()),
                status: MunicipalityStatus::from_code(&status.get_untracked()),
            },
        };
        let navigate = navigate.clone();
        let old_slug = old_slug.clone();
        spawn_local(async move {
            match api::run::<UpdateMunicipality>(lang, variables).await {
                Ok(data) => {
                    announcer.say(lang.texts().common.saved.to_owned());
                    done();
                    let new_slug = data.update_municipality.slug;
                    if new_slug == old_slug {
                        reload();
                    } else {
                        navigate(&format!("/kommunen/{new_slug}"), Default::default());
                    }
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };

    view! {
        <form class="edit" id="registry-form" on:submit=submit>
            <h3>{move || i18n.t().registry.edit_registry}</h3>
            <ErrorBox error=error />
            <Field id="registry-name" name="name" label=|t| t.common.name value=name error=error required=true />
            <Field
                id="registry-ags"
                name="ags"
                label=|t| t.registry.ags
                hint=|t| t.registry.ags_hint
                value=ags
                error=error
                required=true
            />
            <Select
                id="registry-state"
                name="federalState"
                label=|t| t.registry.federal_state
                value=state
                error=error
                options=states
            />
            <Field
                id="registry-population"
                name="population"
                label=|t| t.registry.population
                value=population
                error=error
                required=true
            />
            <Field
                id="registry-slug"
                name="slug"
                label=|t| t.registry.slug
                value=slug
                error=error
                required=true
            />
            <Select
                id="registry-status"
                name="status"
                label=|t| t.registry.status
                value=status
                error=error
                options=statuses
            />
            <div class="actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common.saving } else { i18n.t().common.save }}
                </button>
                <button type="button" class="secondary" on:click=move |_| done()>
                    {move || i18n.t().common.cancel}
                </button>
            </div>
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

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let lang = i18n.0.get_untracked();
        let variables = save_council::Variables {
            municipality_id: id.clone(),
            input: save_council::CouncilInput {
                name: name.get_untracked(),
                founding_resolution: Some(resolution.get_untracked())
                    .filter(|r| !r.trim().is_empty()),
                founding_date: Some(founded.get_untracked()).filter(|d| !d.is_empty()),
            },
        };
        spawn_local(async move {
            match api::run::<SaveCouncil>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().common.saved.to_owned());
                    done();
                    reload();
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };

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
            <div class="actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common.saving } else { i18n.t().common.save }}
                </button>
                <button type="button" class="secondary" on:click=move |_| done()>
                    {move || i18n.t().common.cancel}
                </button>
            </div>
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
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
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
        spawn_local(async move {
            match api::run::<InviteAdministrator>(lang, variables).await {
                Ok(_) => {
                    announcer.say(lang.texts().registry.invitation_sent.to_owned());
                    email.set(String::new());
                    name.set(String::new());
                }
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };
    view! {
        <section aria-labelledby="invite-heading">
            <form class="edit" on:submit=submit>
                <h2 id="invite-heading">{move || i18n.t().registry.invite_admin_title}</h2>
                <ErrorBox error=error />
                <Field id="invite-name" name="displayName" label=|t| t.registry.display_name value=name error=error required=true />
                <Field id="invite-email" name="email" kind="email" label=|t| t.common.email value=email error=error required=true />
                <button type="submit" disabled=move || pending.get()>{move || i18n.t().registry.invite_admin_submit}</button>
            </form>
        </section>
    }
}
