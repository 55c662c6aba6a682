//! The pages of the app, one folder per area with the same area names as the server's layers
//! (accounts, registry, council, land, network), so that one feature is one folder per layer.
//! Each area also owns its texts (`<area>/texts.rs`). This module keeps what pages of every
//! area use: loading a page's municipality, a list with the entry being edited, the loading and
//! error states, the page title, the API's enum codes, today's date and dates as German readers
//! write them, and the page for an unknown address.

pub(crate) mod accounts;
pub(crate) mod council;
pub(crate) mod land;
pub(crate) mod network;
mod not_found;
pub(crate) mod registry;

pub use accounts::{AcceptInvitation, ForgotPassword, Login, ResetPassword};
pub use council::{Cycle, Founding, MeetingAnswer, Meetings, Recommendations, Structure};
pub use land::{MunicipalityFunding, Overview, Programme, Programmes, SupportDesk};
pub use network::{Catalogue, CatalogueOffer, Contacts, Network, NetworkPractice, Practices};
pub use not_found::NotFound;
pub use registry::{CreateMunicipality, Municipalities, Municipality};

use graphql_client::GraphQLQuery;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::de::DeserializeOwned;

use crate::api::{self, ApiError};
use crate::components::Text;
use crate::i18n::use_i18n;
use crate::queries::{MunicipalityBySlug, municipality_by_slug};

/// The municipality a page's `:slug` names.
type Place = municipality_by_slug::MunicipalityBySlugMunicipalityBySlug;

/// Loads the municipality of the page's `:slug` and then the page's query `Q`, with the
/// `variables` it takes for that municipality; again whenever `version` changes (after a save).
/// Every municipality page loads this way, so only the query and its variables differ.
fn of_municipality<Q>(
    version: RwSignal<u32>,
    variables: impl Fn(Place) -> Q::Variables + Copy + 'static,
) -> LocalResource<Result<(Place, Q::ResponseData), ApiError>>
where
    Q: GraphQLQuery<Variables: 'static, ResponseData: DeserializeOwned> + 'static,
{
    let i18n = use_i18n();
    let params = use_params_map();
    LocalResource::new(move || {
        version.track();
        let slug = params.with(|p| p.get("slug").unwrap_or_default());
        let lang = i18n.0.get_untracked();
        async move {
            let place =
                api::run::<MunicipalityBySlug>(lang, municipality_by_slug::Variables { slug })
                    .await?
                    .municipality_by_slug;
            let data = api::run::<Q>(lang, variables(place.clone())).await?;
            Ok((place, data))
        }
    })
}

/// A list that loads again after a change, and the entry of it the page's form is open for
/// (`None`: none; the form then adds a new entry, or is not shown). Pages with such a list and
/// form share this, so that a save always does the same: the form lets go of the entry and the
/// list loads again.
struct Editing<T> {
    version: RwSignal<u32>,
    editing: RwSignal<Option<T>>,
}

impl<T> Clone for Editing<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Editing<T> {}

impl<T: Send + Sync + 'static> Editing<T> {
    fn new() -> Self {
        Self {
            version: RwSignal::new(0),
            editing: RwSignal::new(None),
        }
    }

    /// Changes after every save; the list's loader tracks it.
    fn version(self) -> RwSignal<u32> {
        self.version
    }

    /// The entry in the form; `None` when there is none.
    fn editing(self) -> RwSignal<Option<T>> {
        self.editing
    }

    /// After a save: the form lets go of the entry, and the list loads again.
    fn reload(self) {
        self.editing.set(None);
        self.version.update(|v| *v += 1);
    }
}

/// A page title from a text of the current language.
fn title(text: Text) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || text(i18n.t()).to_owned())
}

/// Shows a loading or error state, or the view of the loaded data.
fn loaded<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    resource: LocalResource<Result<T, ApiError>>,
    view: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match resource.get() {
        None => view! { <p aria-busy="true">{i18n.t().common.loading}</p> }.into_any(),
        Some(Err(err)) if err.code() == Some("NOT_FOUND") => view! { <NotFound /> }.into_any(),
        Some(Err(err)) => {
            view! { <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div> }
                .into_any()
        }
        Some(Ok(data)) => view(data).into_any(),
    }
}

/// The API's spelling of a generated enum value (`"MODERATOR"`).
fn code<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The generated enum value the API spells `code`; `None` for a code it does not know.
fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// Today in the browser's time zone, as a date input and the API write it (`2026-11-29`).
fn today() -> String {
    let now = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A date as German readers write it (`29.11.2026`), in both languages: the dates are a German
/// council's (its meetings, its recommendations' deadlines), and its mails and papers write
/// them so.
fn german_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day)) => format!("{day}.{month}.{year}"),
        _ => iso.to_owned(),
    }
}
