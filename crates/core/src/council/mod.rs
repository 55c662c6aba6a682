//! The council's own work: its structure (bodies, seats, people, memberships, rules of
//! procedure, templates, the organigram), its founding with the state office, and its meetings.

pub mod cycle;
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
    /// Whether a change of the structure answers with the structure after it.
    pub(crate) answer_with_structure: bool,
}

impl Services {
    /// Use cases of a council's own work.
    pub fn council(&self) -> CouncilWork<'_> {
        CouncilWork {
            services: self,
            answer_with_structure: true,
        }
    }
}

impl CouncilWork<'_> {
    /// Changes of the structure answer without the structure after them, for a caller that
    /// asked only for what changed: the answer then costs no reads at all.
    #[must_use]
    pub fn without_structure(self) -> Self {
        Self {
            answer_with_structure: false,
            ..self
        }
    }
}
