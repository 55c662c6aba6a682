//! A change of a council's internal work (its meetings, its recommendations): the unit of
//! work, the structure the rights follow from, and the caller's access, read once.

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

impl CouncilWork<'_> {
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
