//! What praevnet hands out as files rather than as API answers, kept out of `core` and `api`
//! so that their dependencies (time zone data today; a PDF engine with the reports) are not
//! rebuilt with every change of the domain.

pub mod ics;
pub mod minutes;
