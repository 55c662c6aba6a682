//! The council's own work: its structure (bodies, seats, people, memberships, rules of
//! procedure, templates, the organigram), its founding with the state office, and its meetings.

pub mod founding;
mod internal;
pub mod meetings;
mod problems;
pub mod recommendations;
pub mod structure;

pub use problems::CouncilProblem;

use crate::Services;

/// Use cases of a council's own work.
#[derive(Clone, Copy, Debug)]
pub struct CouncilWork<'a> {
    pub(crate) services: &'a Services,
}

impl Services {
    /// Use cases of a council's own work.
    pub fn council(&self) -> CouncilWork<'_> {
        CouncilWork { services: self }
    }
}
