//! Council structures as configuration: bodies, their rules, organisations, people and
//! memberships; templates to start from; the warnings that need action.

mod bodies;
mod chair;
mod edit;
pub mod import;
pub mod input;
pub mod kinds;
mod members;
pub mod model;
pub mod organigram;
mod people;
mod procedure;
pub mod rules;
pub mod templates;
mod visibility;

pub use edit::Changed;
pub(crate) use edit::today;
pub use input::{BodyInput, MembershipInput, OrganisationInput, PersonInput, RulesInput};
pub use kinds::{BodyKind, GroupScope, MembershipRole, Sector};
pub use model::{Body, Membership, Organisation, Person, Seat, Structure};
pub use rules::Warning;
pub use templates::{Template, template, templates};
pub use visibility::StructureView;
pub(crate) use visibility::access;
