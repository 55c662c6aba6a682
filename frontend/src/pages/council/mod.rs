//! A municipality's council: its structure, its founding, its meetings (with the public page
//! where an invitee answers an invitation), its recommendations and its prevention cycle.

pub(crate) mod cycle;
mod founding;
mod meetings;
mod recommendations;
mod structure;
pub(crate) mod texts;

pub use cycle::Cycle;
pub use founding::Founding;
pub use meetings::{MeetingAnswer, Meetings};
pub use recommendations::Recommendations;
pub use structure::Structure;

/// The council's status in words, for the state overview too.
pub(super) use founding::status_label;
