//! The state offices' work in the API: funding programmes, applications, support offers.

pub(crate) mod applications;
pub(crate) mod funding;
pub(crate) mod support;
