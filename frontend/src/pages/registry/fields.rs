//! A municipality's registry data as form fields: adding a municipality and editing one ask
//! for the same data in the same order, so both forms show these fields.

use leptos::prelude::*;

use crate::components::{Field, FormError, Select};
use crate::i18n::use_i18n;
use crate::model::MunicipalityStatus;
use crate::queries::municipality_by_slug::MunicipalityBySlugMunicipalityBySlug as Registered;

/// The registry data as typed into the fields (codes for the Land and the status).
#[derive(Debug, Clone, Copy)]
pub(super) struct Registry {
    pub name: RwSignal<String>,
    pub ags: RwSignal<String>,
    pub state: RwSignal<String>,
    pub population: RwSignal<String>,
    pub slug: RwSignal<String>,
    pub status: RwSignal<String>,
}

impl Registry {
    /// Empty fields for a new municipality, which starts onboarding.
    pub fn empty() -> Registry {
        let status = MunicipalityStatus::Onboarding.code().to_owned();
        Registry::typed([
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            status,
        ])
    }

    /// The fields filled with a registered municipality's data.
    pub fn of(m: &Registered) -> Registry {
        Registry::typed([
            m.name.clone(),
            m.ags.clone(),
            m.federal_state.code().to_owned(),
            m.population.to_string(),
            m.slug.clone(),
            m.status.code().to_owned(),
        ])
    }

    fn typed(values: [String; 6]) -> Registry {
        let [name, ags, state, population, slug, status] = values.map(RwSignal::new);
        Registry {
            name,
            ags,
            state,
            population,
            slug,
            status,
        }
    }
}

/// The fields, with ids `{prefix}-name`, `{prefix}-ags` and so on. A new municipality may
/// leave its address (slug) to the server, so there that field is optional and explained;
/// a registered one keeps an address.
#[component]
pub(super) fn RegistryFields(
    prefix: &'static str,
    values: Registry,
    error: FormError,
    /// The Länder the caller may choose.
    states: Signal<Vec<(String, String)>>,
    new: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let statuses = Signal::derive(move || {
        MunicipalityStatus::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), s.label(i18n.t()).to_owned()))
            .collect()
    });
    let id = |field: &str| format!("{prefix}-{field}");
    let slug = if new {
        view! { <Field id=id("slug") name="slug" label=|t| t.registry.slug hint=|t| t.registry.slug_hint value=values.slug error=error /> }
            .into_any()
    } else {
        view! { <Field id=id("slug") name="slug" label=|t| t.registry.slug value=values.slug error=error required=true /> }
            .into_any()
    };
    view! {
        <Field id=id("name") name="name" label=|t| t.common.name value=values.name error=error required=true />
        <Field
            id=id("ags")
            name="ags"
            label=|t| t.registry.ags
            hint=|t| t.registry.ags_hint
            value=values.ags
            error=error
            required=true
        />
        <Select id=id("state") name="federalState" label=|t| t.registry.federal_state value=values.state error=error options=states />
        <Field
            id=id("population")
            name="population"
            label=|t| t.registry.population
            value=values.population
            error=error
            required=true
        />
        {slug}
        <Select id=id("status") name="status" label=|t| t.registry.status value=values.status error=error options=statuses />
    }
}
