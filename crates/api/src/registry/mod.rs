//! The registry in the API: municipalities and their councils.

pub(crate) mod council;
pub(crate) mod municipality;
