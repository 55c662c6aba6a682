//! The registry of municipalities: the tenants themselves, shared by all of them.

pub(crate) mod entity;
mod municipalities;

pub use municipalities::{
    Municipalities, MunicipalityData, MunicipalityFilter, MunicipalityRecord,
};
