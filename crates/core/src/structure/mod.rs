//! Council structures as configuration: bodies, their rules, organisations, people and
//! memberships; templates to start from; the warnings that need action.

pub mod kinds;
pub mod model;
pub mod rules;
pub mod templates;

pub use kinds::{BodyKind, GroupScope, MembershipRole, Sector};
pub use model::{Body, Membership, Organisation, Person, Seat, Structure};
pub use rules::Warning;
pub use templates::{Template, template, templates};
