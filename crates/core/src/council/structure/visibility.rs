//! Who sees what of a council's structure: managers everything, members also their own
//! bodies (their leads edit them), everyone else the public bodies and of people only name
//! and function. The same redaction serves every transport.

use chrono::NaiveDate;
use praevnet_store::{BodyId, PersonId, RulesRecord};

use super::kinds::MembershipRole;
use super::model::{Body, Membership, Person, Structure};
use super::rules::Warning;
use crate::Principal;
use crate::registry::Municipality;

/// What a caller may do with one council's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone: public bodies, and of people only name and function.
    Public,
    /// A person with memberships: also the bodies they belong to; leads edit theirs.
    Member(Vec<(BodyId, MembershipRole)>),
    /// The municipality's administrators, its Land's state office, the operator.
    Manage,
}

impl Access {
    pub fn manages(&self) -> bool {
        *self == Access::Manage
    }

    pub fn sees(&self, body: &Body) -> bool {
        match self {
            Access::Manage => true,
            Access::Member(seats) => body.public || seats.iter().any(|(b, _)| *b == body.id),
            Access::Public => body.public,
        }
    }

    /// Editing a body and its memberships: managers, and the body's chair, deputy or moderator.
    pub fn edits(&self, body: BodyId) -> bool {
        match self {
            Access::Manage => true,
            Access::Member(seats) => seats.iter().any(|(b, role)| *b == body && role.leads()),
            Access::Public => false,
        }
    }
}

/// A structure as one caller may see it.
#[derive(Clone, Debug)]
pub struct StructureView {
    /// The council's name, or the municipality's when no council is recorded yet.
    pub council_name: String,
    pub structure: Structure,
    /// The versions of the rules of procedure, oldest first (public documents).
    pub rules: Vec<RulesRecord>,
    /// Only for managers (warnings name people and terms).
    pub warnings: Vec<Warning>,
    pub access: Access,
}

/// The bodies in which the caller's account holds a seat today.
fn seats_of(
    principal: &Principal,
    structure: &Structure,
    on: NaiveDate,
) -> Vec<(BodyId, MembershipRole)> {
    let Principal::User(account) = principal else {
        return Vec::new();
    };
    let mine: Vec<PersonId> = structure
        .people
        .iter()
        .filter(|(_, p)| p.user_id == Some(account.user))
        .map(|(id, _)| *id)
        .collect();
    structure
        .memberships
        .iter()
        .filter(|m| mine.contains(&m.person) && m.is_active(on))
        .map(|m| (m.body, m.role))
        .collect()
}

pub(crate) fn access(
    principal: &Principal,
    municipality: &Municipality,
    structure: &Structure,
) -> Access {
    if principal.require_can_manage(municipality).is_ok() {
        return Access::Manage;
    }
    match seats_of(principal, structure, chrono::Utc::now().date_naive()) {
        seats if seats.is_empty() => Access::Public,
        seats => Access::Member(seats),
    }
}

/// The part of `structure` that `access` may see; contact data only for managers.
pub(super) fn visible(structure: Structure, access: &Access) -> Structure {
    if access.manages() {
        return structure;
    }
    let bodies: Vec<Body> = structure
        .bodies
        .into_iter()
        .filter(|b| access.sees(b))
        .collect();
    let memberships: Vec<Membership> = structure
        .memberships
        .into_iter()
        .filter(|m| bodies.iter().any(|b| b.id == m.body))
        .collect();
    let people = structure
        .people
        .into_iter()
        .filter(|(id, _)| memberships.iter().any(|m| m.person == *id))
        .map(|(id, p)| {
            (
                id,
                Person {
                    email: None,
                    phone: None,
                    user_id: None,
                    ..p
                },
            )
        })
        .collect();
    Structure {
        bodies,
        organisations: structure.organisations,
        people,
        memberships,
    }
}
