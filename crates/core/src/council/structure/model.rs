//! A council's structure as the rules see it: parsed from the store's records once, so every
//! rule works on valid values.

use chrono::NaiveDate;
use praevnet_store::{
    BodyData, BodyId, BodyRecord, MembershipData, MembershipId, MembershipRecord, OrganisationId,
    OrganisationRecord, PersonId, PersonRecord, SeatRecord, StructureRecord,
};

use super::kinds::{BodyKind, GroupScope, MembershipRole, Sector};
use crate::{Error, Result};

/// A seat a body must fill from a sector, e.g. Halle's steering group: one from the police.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub label: String,
    pub sector: Sector,
    pub seats: u32,
}

/// A body (Gremium) and its configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    pub id: BodyId,
    pub parent: Option<BodyId>,
    /// The body this one reports to when that is not its parent (an accompanying committee
    /// placed under one body and reporting to another).
    pub reports_to: Option<BodyId>,
    pub name: String,
    pub kind: BodyKind,
    /// The city's own name for its kind, when `kind` is [`BodyKind::Own`].
    pub own_kind: Option<String>,
    pub scope: Option<GroupScope>,
    pub district: Option<String>,
    pub tasks: String,
    pub chair_rule: Option<String>,
    pub meetings_per_year: Option<u32>,
    pub min_members: Option<u32>,
    pub max_members: Option<u32>,
    pub term_months: Option<u32>,
    pub appointment_procedure: Option<String>,
    pub public: bool,
    /// Every working group's moderator is a member here (Halle's steering group).
    pub moderators_are_members: bool,
    /// For a working group: whether its moderator takes a seat in the bodies above. A council
    /// may keep some groups' moderators out of its steering body.
    pub moderator_takes_seat: bool,
    pub founded_on: Option<NaiveDate>,
    pub founding_resolution: Option<String>,
    pub dissolved_on: Option<NaiveDate>,
    pub dissolution_resolution: Option<String>,
    pub position: i32,
    pub seats: Vec<Seat>,
}

#[cfg(test)]
impl Body {
    /// A new internal body with nothing but a name and a kind, for the rules' tests.
    pub(crate) fn named(name: &str, kind: BodyKind) -> Body {
        Body {
            id: BodyId::from_uuid(uuid::Uuid::now_v7()),
            parent: None,
            reports_to: None,
            name: name.into(),
            kind,
            own_kind: None,
            scope: None,
            district: None,
            tasks: String::new(),
            chair_rule: None,
            meetings_per_year: None,
            min_members: None,
            max_members: None,
            term_months: None,
            appointment_procedure: None,
            public: false,
            moderators_are_members: false,
            moderator_takes_seat: true,
            founded_on: None,
            founding_resolution: None,
            dissolved_on: None,
            dissolution_resolution: None,
            position: 0,
            seats: Vec::new(),
        }
    }
}

impl Body {
    pub fn is_dissolved(&self, on: NaiveDate) -> bool {
        self.dissolved_on.is_some_and(|d| d <= on)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub sector: Sector,
}

pub use praevnet_store::PersonData as Person;

/// A person's seat in a body for a term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub id: MembershipId,
    pub body: BodyId,
    pub person: PersonId,
    pub role: MembershipRole,
    pub organisation: Option<OrganisationId>,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    pub appointed_by: Option<String>,
    /// Kept by the system: the moderation this seat follows from.
    pub derived_from: Option<MembershipId>,
}

impl Membership {
    pub fn is_active(&self, on: NaiveDate) -> bool {
        self.term_start <= on && self.term_end.is_none_or(|end| end >= on)
    }

    /// Whether the membership takes one of the body's limited seats on `on`. On the last day
    /// of a term its seat is already free for a successor who starts that day, so that a
    /// hand-over on one day needs no gap in a full body; a term of a single day keeps its seat.
    pub fn takes_seat(&self, on: NaiveDate) -> bool {
        self.is_active(on)
            && self
                .term_end
                .is_none_or(|end| end > on || end == self.term_start)
    }
}

/// Everything of one council's structure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    pub bodies: Vec<Body>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<(PersonId, Person)>,
    pub memberships: Vec<Membership>,
}

fn corrupt(what: &str, value: &str) -> Error {
    Error::Internal(format!("stored {what} '{value}' is not known"))
}

fn count(value: Option<i32>) -> Option<u32> {
    value.and_then(|v| u32::try_from(v).ok())
}

fn stored(value: Option<u32>) -> Option<i32> {
    value.and_then(|v| i32::try_from(v).ok())
}

impl TryFrom<BodyRecord> for Body {
    type Error = Error;

    fn try_from(record: BodyRecord) -> Result<Body> {
        let d = record.data;
        let kind = BodyKind::parse(&d.kind).ok_or_else(|| corrupt("body kind", &d.kind))?;
        let scope = match &d.scope {
            Some(code) => Some(GroupScope::parse(code).ok_or_else(|| corrupt("scope", code))?),
            None => None,
        };
        let seats = d
            .seats
            .into_iter()
            .map(|s| {
                Ok(Seat {
                    sector: Sector::parse(&s.sector).ok_or_else(|| corrupt("sector", &s.sector))?,
                    label: s.label,
                    seats: u32::try_from(s.seats).unwrap_or(0),
                })
            })
            .collect::<Result<_>>()?;
        Ok(Body {
            id: record.id,
            parent: d.parent_id,
            reports_to: d.reports_to_id,
            name: d.name,
            kind,
            own_kind: d.own_kind,
            scope,
            district: d.district,
            tasks: d.tasks,
            chair_rule: d.chair_rule,
            meetings_per_year: count(d.meetings_per_year),
            min_members: count(d.min_members),
            max_members: count(d.max_members),
            term_months: count(d.term_months),
            appointment_procedure: d.appointment_procedure,
            public: d.is_public,
            moderators_are_members: d.moderators_are_members,
            moderator_takes_seat: d.moderator_takes_seat,
            founded_on: d.founded_on,
            founding_resolution: d.founding_resolution,
            dissolved_on: d.dissolved_on,
            dissolution_resolution: d.dissolution_resolution,
            position: d.position,
            seats,
        })
    }
}

impl Body {
    /// The body as the store keeps it.
    pub fn data(&self) -> BodyData {
        BodyData {
            parent_id: self.parent,
            reports_to_id: self.reports_to,
            name: self.name.clone(),
            kind: self.kind.code().to_owned(),
            own_kind: self.own_kind.clone(),
            scope: self.scope.map(|s| s.code().to_owned()),
            district: self.district.clone(),
            tasks: self.tasks.clone(),
            chair_rule: self.chair_rule.clone(),
            meetings_per_year: stored(self.meetings_per_year),
            min_members: stored(self.min_members),
            max_members: stored(self.max_members),
            term_months: stored(self.term_months),
            appointment_procedure: self.appointment_procedure.clone(),
            is_public: self.public,
            moderators_are_members: self.moderators_are_members,
            moderator_takes_seat: self.moderator_takes_seat,
            founded_on: self.founded_on,
            founding_resolution: self.founding_resolution.clone(),
            dissolved_on: self.dissolved_on,
            dissolution_resolution: self.dissolution_resolution.clone(),
            position: self.position,
            seats: self
                .seats
                .iter()
                .map(|s| SeatRecord {
                    label: s.label.clone(),
                    sector: s.sector.code().to_owned(),
                    seats: i32::try_from(s.seats).unwrap_or(i32::MAX),
                })
                .collect(),
        }
    }
}

impl TryFrom<MembershipRecord> for Membership {
    type Error = Error;

    fn try_from(record: MembershipRecord) -> Result<Membership> {
        let d = record.data;
        Ok(Membership {
            id: record.id,
            body: d.body_id,
            person: d.person_id,
            role: MembershipRole::parse(&d.role).ok_or_else(|| corrupt("role", &d.role))?,
            organisation: d.organisation_id,
            term_start: d.term_start,
            term_end: d.term_end,
            appointed_by: d.appointed_by,
            derived_from: d.derived_from,
        })
    }
}

impl Membership {
    pub fn data(&self) -> MembershipData {
        MembershipData {
            body_id: self.body,
            person_id: self.person,
            role: self.role.code().to_owned(),
            organisation_id: self.organisation,
            term_start: self.term_start,
            term_end: self.term_end,
            appointed_by: self.appointed_by.clone(),
            derived_from: self.derived_from,
        }
    }
}

impl TryFrom<OrganisationRecord> for Organisation {
    type Error = Error;

    fn try_from(record: OrganisationRecord) -> Result<Organisation> {
        Ok(Organisation {
            id: record.id,
            sector: Sector::parse(&record.data.sector)
                .ok_or_else(|| corrupt("sector", &record.data.sector))?,
            name: record.data.name,
        })
    }
}

impl TryFrom<StructureRecord> for Structure {
    type Error = Error;

    fn try_from(record: StructureRecord) -> Result<Structure> {
        let mut structure = Structure {
            bodies: record
                .bodies
                .into_iter()
                .map(Body::try_from)
                .collect::<Result<_>>()?,
            organisations: record
                .organisations
                .into_iter()
                .map(Organisation::try_from)
                .collect::<Result<_>>()?,
            people: record
                .people
                .into_iter()
                .map(|p: PersonRecord| (p.id, p.data))
                .collect(),
            memberships: record
                .memberships
                .into_iter()
                .map(Membership::try_from)
                .collect::<Result<_>>()?,
        };
        structure.order();
        Ok(structure)
    }
}

/// A name as a German reader looks it up in a list: case does not matter, umlauts sort with
/// their vowel and ß with ss (ties fall to the name as written).
fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => key.push('a'),
            'ö' => key.push('o'),
            'ü' => key.push('u'),
            'ß' => key.push_str("ss"),
            c => key.push(c),
        }
    }
    key
}

impl Structure {
    /// Puts the parts in the order every answer shows them, the same on every database:
    /// bodies as configured, organisations and people by name, memberships as recorded
    /// (their ids are time-ordered).
    pub(crate) fn order(&mut self) {
        self.bodies.sort_by_key(|b| (b.position, b.id));
        self.organisations
            .sort_by_cached_key(|o| (name_key(&o.name), o.name.clone(), o.id));
        self.people
            .sort_by_cached_key(|(id, p)| (name_key(&p.name), p.name.clone(), *id));
        self.memberships.sort_by_key(|m| m.id);
    }

    /// Puts `organisation` in place of the one with its id, or adds it.
    pub(crate) fn put_organisation(&mut self, organisation: Organisation) {
        match self
            .organisations
            .iter_mut()
            .find(|o| o.id == organisation.id)
        {
            Some(slot) => *slot = organisation,
            None => self.organisations.push(organisation),
        }
    }

    /// Puts `person` in place of the one with `id`, or adds them.
    pub(crate) fn put_person(&mut self, id: PersonId, person: Person) {
        match self.people.iter_mut().find(|(p, _)| *p == id) {
            Some(slot) => slot.1 = person,
            None => self.people.push((id, person)),
        }
    }

    pub fn body(&self, id: BodyId) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|(p, _)| *p == id).map(|(_, p)| p)
    }

    pub fn organisation(&self, id: OrganisationId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn membership(&self, id: MembershipId) -> Option<&Membership> {
        self.memberships.iter().find(|m| m.id == id)
    }

    /// The memberships of a body that take a seat on `on`.
    pub fn seated(&self, body: BodyId, on: NaiveDate) -> impl Iterator<Item = &Membership> {
        self.memberships
            .iter()
            .filter(move |m| m.body == body && m.role.counts_as_member() && m.is_active(on))
    }

    /// How many people hold a seat in the body on `on` (a person with two roles counts once).
    pub fn seated_count(&self, body: BodyId, on: NaiveDate) -> usize {
        distinct_people(self.seated(body, on))
    }

    /// How many people count against the body's size limit on `on`: those seated, but not
    /// those whose term ends that day (see [`Membership::takes_seat`]).
    pub fn count_against_limit(&self, body: BodyId, on: NaiveDate) -> usize {
        distinct_people(self.seated(body, on).filter(|m| m.takes_seat(on)))
    }
}

fn distinct_people<'a>(memberships: impl Iterator<Item = &'a Membership>) -> usize {
    let mut people: Vec<PersonId> = memberships.map(|m| m.person).collect();
    people.sort();
    people.dedup();
    people.len()
}
