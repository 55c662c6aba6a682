//! The network all cities share: good practices with their attachments, contact between
//! cities about them, the certifying councils' catalogue of offers with quality seals, and
//! the search over all of it.

pub mod attachments;
pub mod catalogue;
pub mod contacts;
pub mod practices;
mod problems;
pub mod search;

pub use problems::NetworkProblem;

use crate::Services;

/// Use cases of the network of all cities.
#[derive(Clone, Copy, Debug)]
pub struct Network<'a> {
    pub(crate) services: &'a Services,
}

impl Services {
    /// Use cases of the network of all cities.
    pub fn network(&self) -> Network<'_> {
        Network { services: self }
    }
}
