//! A council's own work in the API: its structure, its founding, its meetings.

pub(crate) mod cycle;
pub(crate) mod founding;
pub(crate) mod invitations;
pub(crate) mod meetings;
pub(crate) mod minutes;
pub(crate) mod recommendations;
pub(crate) mod structure;
