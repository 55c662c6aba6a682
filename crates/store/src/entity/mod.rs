//! sea-orm entities. Private on purpose: see the crate documentation.

pub(crate) mod accounts;
pub(crate) mod audit;
pub(crate) mod council;
pub(crate) mod municipality;
