//! The registry: the municipalities on praevnet, one municipality's registry data and council,
//! and adding a municipality.

mod create;
mod fields;
mod municipalities;
mod municipality;
pub(crate) mod texts;

pub use create::CreateMunicipality;
pub use municipalities::Municipalities;
pub use municipality::Municipality;

/// The Länder the caller may choose, for the land area's forms too.
pub(super) use create::{state_options, states_for};
