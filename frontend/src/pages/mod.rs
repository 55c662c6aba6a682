//! One module per page of the app.

mod account;
mod applications;
mod create;
mod founding;
mod funding;
mod meetings;
mod municipalities;
mod municipality;
mod not_found;
mod structure;
mod support;

pub use account::{AcceptInvitation, ForgotPassword, Login, ResetPassword};
pub use applications::MunicipalityFunding;
pub use create::CreateMunicipality;
pub use founding::{Founding, Overview};
pub use funding::{Programme, Programmes};
pub use meetings::Meetings;
pub use municipalities::Municipalities;
pub use municipality::Municipality;
pub use not_found::NotFound;
pub use structure::Structure;
pub use support::SupportDesk;

use leptos::prelude::*;

use crate::components::Text;
use crate::i18n::use_i18n;

/// A page title from a text of the current language.
fn title(text: Text) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || text(i18n.t()).to_owned())
}
