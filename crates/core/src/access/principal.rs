//! Who is acting, and the authorisation policy that use cases check.
//!
//! Rights over a municipality come from a role grant; where a principal has none over a
//! municipality it names, the answer is NOT_FOUND, exactly as for one that does not exist, so
//! ids of other tenants reveal nothing.

use praevnet_store::GrantRecord;

use super::Jurisdiction;
use crate::FederalState;
use crate::{Error, MunicipalityId, Result, UserId};

/// One role of an account, with what it applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Grant {
    /// The operator of the platform.
    PlatformAdmin,
    /// A state prevention office (Landespräventionsrat): the municipalities of one Land.
    StateOffice(FederalState),
    /// A council's coordination office: everything of one municipality.
    MunicipalityAdmin(MunicipalityId),
}

impl Grant {
    pub(crate) fn role(&self) -> &'static str {
        match self {
            Grant::PlatformAdmin => "PLATFORM_ADMIN",
            Grant::StateOffice(_) => "STATE_OFFICE",
            Grant::MunicipalityAdmin(_) => "MUNICIPALITY_ADMIN",
        }
    }

    /// The Land and the municipality the role applies to, as stored.
    pub(crate) fn scope(&self) -> (Option<&'static str>, Option<MunicipalityId>) {
        match self {
            Grant::PlatformAdmin => (None, None),
            Grant::StateOffice(state) => (Some(state.code()), None),
            Grant::MunicipalityAdmin(m) => (None, Some(*m)),
        }
    }

    pub(crate) fn from_record(record: &GrantRecord) -> Result<Grant> {
        let corrupt = || Error::Internal(format!("grant {}: inconsistent role", record.id));
        match record.role.as_str() {
            "PLATFORM_ADMIN" => Ok(Grant::PlatformAdmin),
            "STATE_OFFICE" => record
                .federal_state
                .as_deref()
                .and_then(FederalState::from_code)
                .map(Grant::StateOffice)
                .ok_or_else(corrupt),
            "MUNICIPALITY_ADMIN" => record
                .municipality_id
                .map(Grant::MunicipalityAdmin)
                .ok_or_else(corrupt),
            _ => Err(corrupt()),
        }
    }
}

/// A logged-in person and their roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub user: UserId,
    pub email: String,
    pub display_name: String,
    pub grants: Vec<Grant>,
}

/// The actor behind a request or a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    User(Account),
    /// The platform itself: demo data at first start, the operator's command line.
    System,
}

impl Principal {
    fn grants(&self) -> &[Grant] {
        match self {
            Principal::User(account) => &account.grants,
            _ => &[],
        }
    }

    pub fn is_platform_admin(&self) -> bool {
        matches!(self, Principal::System) || self.grants().contains(&Grant::PlatformAdmin)
    }

    fn is_state_office_of(&self, state: FederalState) -> bool {
        self.grants().contains(&Grant::StateOffice(state))
    }

    /// The operator, or the state office of `state`: who oversees its municipalities.
    pub(crate) fn oversees(&self, state: FederalState) -> bool {
        self.is_platform_admin() || self.is_state_office_of(state)
    }

    /// The municipalities this caller administers.
    pub(crate) fn administered(&self) -> Vec<MunicipalityId> {
        self.grants()
            .iter()
            .filter_map(|g| match g {
                Grant::MunicipalityAdmin(m) => Some(*m),
                _ => None,
            })
            .collect()
    }

    fn administers(&self, municipality: MunicipalityId) -> bool {
        self.grants()
            .contains(&Grant::MunicipalityAdmin(municipality))
    }

    /// Anonymous callers are asked to log in before anything else is said.
    pub(crate) fn require_login(&self) -> Result<()> {
        match self {
            Principal::Anonymous => Err(Error::Unauthenticated),
            _ => Ok(()),
        }
    }

    /// Platform-wide operations, such as listing every account.
    pub(crate) fn require_platform_admin(&self) -> Result<()> {
        self.require_login()?;
        if self.is_platform_admin() {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Creating a municipality in `state`: the operator, or that Land's state office.
    pub(crate) fn require_can_create_in(&self, state: FederalState) -> Result<()> {
        self.require_login()?;
        if self.is_platform_admin() || self.is_state_office_of(state) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// A state office's own records (its support offers): another Land's office is not told
    /// they exist.
    pub(crate) fn require_own_land_record(&self, state: FederalState) -> Result<()> {
        if self.oversees(state) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// Answering for a Land's state office (a support request): the municipality's
    /// administrators see what they asked but may not answer it themselves.
    pub(crate) fn require_answering_for(&self, state: FederalState) -> Result<()> {
        if self.oversees(state) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Changing the registry entry of a municipality (name, key, Land, status).
    pub(crate) fn require_can_edit_registry(
        &self,
        municipality: &(impl Jurisdiction + ?Sized),
    ) -> Result<()> {
        self.require_login()?;
        if self.is_platform_admin() || self.is_state_office_of(municipality.federal_state()) {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// Changing a municipality's own data, such as its council record.
    pub(crate) fn require_can_manage(
        &self,
        municipality: &(impl Jurisdiction + ?Sized),
    ) -> Result<()> {
        self.require_login()?;
        if self.is_platform_admin()
            || self.is_state_office_of(municipality.federal_state())
            || self.administers(municipality.id())
        {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }
}
