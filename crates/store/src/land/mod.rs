//! A Land's side of prevention: the funding programmes and support its state office offers,
//! what municipalities apply for and request, and the overview of its municipalities.

mod applications;
mod entity;
mod funding;
mod overview;
mod support;

pub use applications::{ApplicationRecord, COMMITTED_STATES, Commitments, NewApplication};
pub use funding::{FundingProgrammes, ProgrammeData, ProgrammeRecord};
pub use overview::CouncilSummary;
pub use support::{NewSupportRequest, OfferData, OfferRecord, SupportOffers, SupportRequestRecord};
