//! The state office and funding: the overview of a Land, funding programmes with their
//! applications, and the support desk with its offers and the municipalities' requests.

mod applications;
mod funding;
mod overview;
mod support;
pub(crate) mod texts;

pub use applications::MunicipalityFunding;
pub use funding::{Programme, Programmes};
pub use overview::Overview;
pub use support::SupportDesk;
