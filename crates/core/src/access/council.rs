//! What one caller may do with one council's internal records (bodies, memberships, people,
//! meetings): the access level, its checks, and what it may read of non-public data. Every use
//! case and every transport (GraphQL today, OParl and the public portal next) asks here.
//!
//! Three levels, as the councils work: the municipality's administrators (with their Land's
//! state office and the operator) manage everything; a person seated in a body sees that body
//! besides the public ones, and the body's chair, deputy or moderator edit it; everyone else
//! sees the public bodies and of people only name and function.

use crate::access::{Jurisdiction, Principal};
use crate::{BodyId, Error, Result};

/// A seat the caller's account holds today in one body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldSeat {
    pub body: BodyId,
    /// Chair, deputy or moderator: they edit the body and its memberships.
    pub leads: bool,
}

/// What a caller may do with one council's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilAccess {
    /// Anyone: public bodies, and of people only name and function.
    Public,
    /// A person with seats: also the bodies they sit in; leads edit theirs.
    Member(Vec<HeldSeat>),
    /// The municipality's administrators, its Land's state office, the operator.
    Manage,
}

impl CouncilAccess {
    /// The level of `principal` in the council of `municipality`, given the seats the
    /// principal's account holds there today.
    pub fn of(
        principal: &Principal,
        municipality: &(impl Jurisdiction + ?Sized),
        seats: Vec<HeldSeat>,
    ) -> CouncilAccess {
        if principal.require_can_manage(municipality).is_ok() {
            CouncilAccess::Manage
        } else if seats.is_empty() {
            CouncilAccess::Public
        } else {
            CouncilAccess::Member(seats)
        }
    }

    pub fn manages(&self) -> bool {
        *self == CouncilAccess::Manage
    }

    /// Whether a body (public or internal) is visible at this level.
    pub fn sees(&self, body: BodyId, public: bool) -> bool {
        match self {
            CouncilAccess::Manage => true,
            CouncilAccess::Member(seats) => public || seats.iter().any(|s| s.body == body),
            CouncilAccess::Public => public,
        }
    }

    /// Editing a body, its memberships and its meetings: managers, and the body's leads.
    pub fn edits(&self, body: BodyId) -> bool {
        match self {
            CouncilAccess::Manage => true,
            CouncilAccess::Member(seats) => seats.iter().any(|s| s.body == body && s.leads),
            CouncilAccess::Public => false,
        }
    }

    /// Whether the caller leads any body (chair, deputy or moderator): the council's own work
    /// that belongs to no body (its security analysis, its inventory) is theirs to record.
    pub fn leads_any(&self) -> bool {
        match self {
            CouncilAccess::Manage => true,
            CouncilAccess::Member(seats) => seats.iter().any(|s| s.leads),
            CouncilAccess::Public => false,
        }
    }

    /// E-mail addresses, phone numbers and accounts of people are for managers only; the
    /// council's members see each other by name and function, like the public.
    pub fn sees_contact_data(&self) -> bool {
        self.manages()
    }

    /// Changing anything internal needs a level beyond the public one; below it the council's
    /// internal records are answered as unknown, never as forbidden.
    pub fn require_internal(&self) -> Result<()> {
        match self {
            CouncilAccess::Public => Err(Error::NotFound),
            _ => Ok(()),
        }
    }

    pub fn require_manage(&self) -> Result<()> {
        if self.manages() {
            Ok(())
        } else {
            Err(Error::NotFound)
        }
    }

    /// Editing `body` (`None` when the council has no such body, with whether it is public):
    /// a body the caller cannot see is unknown to them; one they see but may not edit is
    /// forbidden.
    pub fn require_edit(&self, body: Option<(BodyId, bool)>) -> Result<()> {
        match body {
            Some((id, _)) if self.edits(id) => Ok(()),
            Some((id, public)) if self.sees(id, public) => Err(Error::Forbidden),
            _ => Err(Error::NotFound),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> BodyId {
        BodyId::from_uuid(uuid::Uuid::now_v7())
    }

    #[test]
    fn members_see_their_bodies_and_leads_edit_them() {
        let (mine, led, other) = (body(), body(), body());
        let access = CouncilAccess::Member(vec![
            HeldSeat {
                body: mine,
                leads: false,
            },
            HeldSeat {
                body: led,
                leads: true,
            },
        ]);
        assert!(access.sees(mine, false) && access.sees(other, true));
        assert!(!access.sees(other, false));
        assert!(access.edits(led) && !access.edits(mine));
        assert!(access.require_edit(Some((led, false))).is_ok());
        assert!(matches!(
            access.require_edit(Some((mine, false))),
            Err(Error::Forbidden)
        ));
        assert!(matches!(
            access.require_edit(Some((other, false))),
            Err(Error::NotFound)
        ));
        assert!(matches!(access.require_edit(None), Err(Error::NotFound)));
        assert!(!access.sees_contact_data());
    }

    #[test]
    fn the_public_sees_public_bodies_only_and_changes_nothing() {
        let b = body();
        let access = CouncilAccess::Public;
        assert!(access.sees(b, true) && !access.sees(b, false));
        assert!(matches!(access.require_internal(), Err(Error::NotFound)));
        assert!(matches!(
            access.require_edit(Some((b, true))),
            Err(Error::Forbidden)
        ));
        assert!(CouncilAccess::Manage.sees_contact_data());
    }
}
