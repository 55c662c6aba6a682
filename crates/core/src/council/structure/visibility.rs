//! A structure as one caller may read it: the council's access level (`access::council`)
//! applied to bodies, memberships and people. The same redaction serves every transport.

use chrono::NaiveDate;
use praevnet_store::{PersonId, RulesRecord};

use super::model::{Body, Membership, Person, Structure};
use super::rules::Warning;
use crate::Principal;
use crate::access::{CouncilAccess, HeldSeat};
use crate::registry::Municipality;

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
    /// Who chairs the whole council, and the deputy: a public office, so their names are
    /// shown to everyone, contact data only as for any member.
    pub chair: Option<(PersonId, Person)>,
    pub deputy_chair: Option<(PersonId, Person)>,
    pub access: CouncilAccess,
}

/// A person as `access` may see them: contact data and the link to an account only for those
/// who see contact data.
pub(super) fn redacted(person: Person, access: &CouncilAccess) -> Person {
    if access.manages() || access.sees_contact_data() {
        person
    } else {
        Person {
            email: None,
            phone: None,
            user_id: None,
            ..person
        }
    }
}

/// The seats the caller's account holds today.
fn seats_of(principal: &Principal, structure: &Structure, on: NaiveDate) -> Vec<HeldSeat> {
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
        .map(|m| HeldSeat {
            body: m.body,
            leads: m.role.leads(),
        })
        .collect()
}

/// The caller's level in the council whose structure this is.
pub(crate) fn access(
    principal: &Principal,
    municipality: &Municipality,
    structure: &Structure,
) -> CouncilAccess {
    let seats = seats_of(principal, structure, chrono::Utc::now().date_naive());
    CouncilAccess::of(principal, municipality, seats)
}

impl Body {
    pub(crate) fn visible_to(&self, access: &CouncilAccess) -> bool {
        access.sees(self.id, self.public)
    }
}

/// The part of `structure` that `access` may see.
pub(super) fn visible(structure: Structure, access: &CouncilAccess) -> Structure {
    if access.manages() {
        return structure;
    }
    let bodies: Vec<Body> = structure
        .bodies
        .into_iter()
        .filter(|b| b.visible_to(access))
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
        .map(|(id, p)| (id, redacted(p, access)))
        .collect();
    Structure {
        bodies,
        organisations: structure.organisations,
        people,
        memberships,
    }
}
