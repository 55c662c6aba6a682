//! The network of all cities in the API: practices, the catalogue, contacts, search.

pub(crate) mod catalogue;
pub(crate) mod contacts;
pub(crate) mod practices;
pub(crate) mod search;
