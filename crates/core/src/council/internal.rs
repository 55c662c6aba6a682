//! A read or a change of a council's work (its meetings, its recommendations, its prevention
//! cycle): the municipality, the structure the rights follow from, and the caller's access,
//! read once; for a change inside its unit of work.

use praevnet_store::{MunicipalityId, Writes};

use crate::access::CouncilAccess;
use crate::council::CouncilWork;
use crate::council::structure::{Structure, access};
use crate::registry::municipality::Municipality;
use crate::{Principal, Result};

pub(crate) struct InternalEdit {
    pub(crate) writes: Writes,
    pub(crate) target: Municipality,
    pub(crate) structure: Structure,
    pub(crate) access: CouncilAccess,
}

/// What a read of a council's work starts from.
pub(crate) struct CouncilRead {
    pub(crate) target: Municipality,
    pub(crate) structure: Structure,
    pub(crate) access: CouncilAccess,
}

impl CouncilWork<'_> {
    /// The municipality, its council's structure and the caller's access there, for a read that
    /// anyone may make (the public sees what is public).
    pub(crate) async fn council_read(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<CouncilRead> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        let tenant = self.services.store.tenant(municipality);
        let structure: Structure = tenant.structure().await?.try_into()?;
        let access = access(principal, &target, &structure);
        Ok(CouncilRead {
            target,
            structure,
            access,
        })
    }

    /// Opens a change of `municipality`'s internal work for a caller who is logged in and has
    /// more than the public's access there (to anyone else it does not exist).
    pub(crate) async fn internal_edit(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
    ) -> Result<InternalEdit> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        principal.require_login()?;
        let writes = self.services.store.writes().await?;
        let structure: Structure = writes.tenant(municipality).structure().await?.try_into()?;
        let access = access(principal, &target, &structure);
        access.require_internal()?;
        Ok(InternalEdit {
            writes,
            target,
            structure,
            access,
        })
    }
}
