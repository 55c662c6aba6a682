//! One module per page of the app.

mod account;
mod applications;
mod catalogue;
mod contacts;
mod create;
mod founding;
mod funding;
mod meetings;
mod municipalities;
mod municipality;
mod network;
mod not_found;
mod practices;
mod structure;
mod support;

pub use account::{AcceptInvitation, ForgotPassword, Login, ResetPassword};
pub use applications::MunicipalityFunding;
pub use catalogue::{Catalogue, CatalogueOffer};
pub use contacts::Contacts;
pub use create::CreateMunicipality;
pub use founding::{Founding, Overview};
pub use funding::{Programme, Programmes};
pub use meetings::Meetings;
pub use municipalities::Municipalities;
pub use municipality::Municipality;
pub use network::{Network, NetworkPractice};
pub use not_found::NotFound;
pub use practices::Practices;
pub use structure::Structure;
pub use support::SupportDesk;

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError};
use crate::components::Text;
use crate::i18n::{Lang, use_i18n};
use crate::queries::{MunicipalityBySlug, municipality_by_slug};

/// The municipality a page's `:slug` names.
type Place = municipality_by_slug::MunicipalityBySlugMunicipalityBySlug;

/// Loads the municipality of the page's `:slug` and then what `load` reads of it; again
/// whenever `version` changes (after a save).
fn of_municipality<T, Fut>(
    version: RwSignal<u32>,
    load: impl Fn(Lang, Place) -> Fut + Copy + 'static,
) -> LocalResource<Result<(Place, T), ApiError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
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
            let data = load(lang, place.clone()).await?;
            Ok((place, data))
        }
    })
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
        None => view! { <p aria-busy="true">{i18n.t().loading}</p> }.into_any(),
        Some(Err(err)) if err.code() == Some("NOT_FOUND") => view! { <NotFound /> }.into_any(),
        Some(Err(err)) => {
            view! { <div class="error-box" role="alert"><p>{err.message(i18n.t())}</p></div> }
                .into_any()
        }
        Some(Ok(data)) => view(data).into_any(),
    }
}
