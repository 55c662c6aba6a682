//! Adding a municipality to the registry (operator, state offices for their Land).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::a11y::PageTitle;
use crate::api;
use crate::components::{ErrorBox, Field, FormError, Select, invalid_number, parse_population};
use crate::i18n::{LangExt, use_i18n};
use crate::model::{FederalState, MunicipalityStatus};
use crate::queries::{CreateMunicipality as CreateMutation, create_municipality};
use crate::session::use_session;

/// The Länder the caller may add municipalities in.
pub fn states_for(offices: Vec<FederalState>, platform_admin: bool) -> Vec<FederalState> {
    if platform_admin {
        FederalState::ALL.to_vec()
    } else {
        offices
    }
}

pub fn state_options(states: Vec<FederalState>) -> Vec<(String, String)> {
    states
        .into_iter()
        .map(|s| (s.code().to_owned(), s.name_de().to_owned()))
        .collect()
}

#[component]
pub fn CreateMunicipality() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let ags = RwSignal::new(String::new());
    let population = RwSignal::new(String::new());
    let slug = RwSignal::new(String::new());
    let state = RwSignal::new(String::new());
    let status = RwSignal::new(MunicipalityStatus::Onboarding.code().to_owned());
    let error: FormError = RwSignal::new(None);
    let pending = RwSignal::new(false);
    let states = Signal::derive(move || {
        state_options(states_for(
            session.state_offices(),
            session.is_platform_admin(),
        ))
    });
    // The first Land the caller may choose, once the session is known.
    Effect::new(move || {
        if state.get_untracked().is_empty()
            && let Some((code, _)) = states.get().first()
        {
            state.set(code.clone());
        }
    });
    let statuses = Signal::derive(move || {
        MunicipalityStatus::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), s.label(i18n.t()).to_owned()))
            .collect()
    });

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
        let (Some(federal_state), Some(status_value)) = (
            FederalState::from_code(&state.get_untracked()),
            MunicipalityStatus::from_code(&status.get_untracked()),
        ) else {
            return;
        };
        pending.set(true);
        error.set(None);
        let input = create_municipality::CreateMunicipalityInput {
            name: name.get_untracked(),
            ags: ags.get_untracked(),
            federal_state,
            population: population_value,
            slug: Some(slug.get_untracked()).filter(|s| !s.trim().is_empty()),
            status: status_value,
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let variables = create_municipality::Variables { input };
            match api::run::<CreateMutation>(lang, variables).await {
                Ok(data) => navigate(
                    &format!("/kommunen/{}", data.create_municipality.slug),
                    Default::default(),
                ),
                Err(err) => error.set(Some(err)),
            }
            pending.set(false);
        });
    };

    view! {
        <PageTitle text=crate::pages::title(|t| t.registry.create_title) />
        <form class="narrow" on:submit=submit>
            <ErrorBox error=error />
            <Field id="create-name" name="name" label=|t| t.common.name value=name error=error required=true />
            <Field
                id="create-ags"
                name="ags"
                label=|t| t.registry.ags
                hint=|t| t.registry.ags_hint
                value=ags
                error=error
                required=true
            />
            <Select
                id="create-state"
                name="federalState"
                label=|t| t.registry.federal_state
                value=state
                error=error
                options=states
            />
            <Field
                id="create-population"
                name="population"
                label=|t| t.registry.population
                value=population
                error=error
                required=true
            />
            <Field
                id="create-slug"
                name="slug"
                label=|t| t.registry.slug
                hint=|t| t.registry.slug_hint
                value=slug
                error=error
            />
            <Select
                id="create-status"
                name="status"
                label=|t| t.registry.status
                value=status
                error=error
                options=statuses
            />
            <button type="submit" disabled=move || pending.get()>
                {move || i18n.t().registry.create_submit}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn populations_are_read_as_typed() {
        assert_eq!(parse_population("238.000"), Some(238_000));
        assert_eq!(parse_population("238 000"), Some(238_000));
        assert_eq!(parse_population("viele"), None);
        assert_eq!(parse_population(""), None);
    }

    #[test]
    fn state_offices_choose_only_their_land() {
        let saxony = FederalState(praevnet_common::FederalState::Sachsen);
        assert_eq!(states_for(vec![saxony], false), vec![saxony]);
        assert_eq!(states_for(vec![], true).len(), 16);
    }
}
