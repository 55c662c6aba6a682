//! The state office of a Land: the overview of its municipalities, funding programmes and
//! the applications to them, and the advice, training and coaching it offers.

pub mod applications;
pub mod funding;
pub mod overview;
mod problems;
pub mod support;

pub use problems::LandProblem;

use crate::Services;

/// Use cases of the state offices.
#[derive(Clone, Copy, Debug)]
pub struct Land<'a> {
    pub(crate) services: &'a Services,
}

impl Services {
    /// Use cases of the state offices.
    pub fn land(&self) -> Land<'_> {
        Land { services: self }
    }
}
