//! Adding a municipality to the registry (operator, state offices for their Land).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::fields::{Registry, RegistryFields};
use crate::a11y::PageTitle;
use crate::api;
use crate::components::{ErrorBox, FormError, SubmitButton, invalid_number, parse_population};
use crate::i18n::{LangExt, use_i18n};
use crate::model::{FederalState, MunicipalityStatus};
use crate::queries::{CreateMunicipality as CreateMutation, create_municipality};
use crate::session::use_session;
use crate::submit::{on_submit, submit_call};

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
    let values = Registry::empty();
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
        if values.state.get_untracked().is_empty()
            && let Some((code, _)) = states.get().first()
        {
            values.state.set(code.clone());
        }
    });
    let submit = on_submit(pending, move || {
        let lang = i18n.0.get_untracked();
        let Some(population_value) = parse_population(&values.population.get_untracked()) else {
            error.set(Some(invalid_number("population", lang.texts())));
            return;
        };
        let (Some(federal_state), Some(status_value)) = (
            FederalState::from_code(&values.state.get_untracked()),
            MunicipalityStatus::from_code(&values.status.get_untracked()),
        ) else {
            return;
        };
        let input = create_municipality::CreateMunicipalityInput {
            name: values.name.get_untracked(),
            ags: values.ags.get_untracked(),
            federal_state,
            population: population_value,
            slug: Some(values.slug.get_untracked()).filter(|s| !s.trim().is_empty()),
            status: status_value,
        };
        let navigate = navigate.clone();
        let variables = create_municipality::Variables { input };
        let call = api::run::<CreateMutation>(lang, variables);
        submit_call(pending, error, call, move |data| {
            navigate(
                &format!("/kommunen/{}", data.create_municipality.slug),
                Default::default(),
            );
        });
    });

    view! {
        <PageTitle text=crate::pages::title(|t| t.registry.create_title) />
        <form class="narrow" on:submit=submit>
            <ErrorBox error=error />
            <RegistryFields prefix="create" values=values error=error states=states new=true />
            <SubmitButton pending=pending text=|t| t.registry.create_submit />
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
