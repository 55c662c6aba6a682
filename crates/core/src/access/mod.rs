//! Who is acting and what they may do: the principal with its grants, and the policy every
//! use case checks before it touches data, whatever transport the request came by.

pub mod council;
pub mod principal;

pub use council::{CouncilAccess, HeldSeat};
pub use principal::{Account, Grant, Principal};

use crate::{FederalState, MunicipalityId};

/// What the policy and the audit log need to know of a municipality: which one, and in which
/// Land (whose state office oversees it). A trait, so that access sits below the registry
/// that defines municipalities.
pub trait Jurisdiction: Sync {
    fn id(&self) -> MunicipalityId;
    fn federal_state(&self) -> FederalState;
}
