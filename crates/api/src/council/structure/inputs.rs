//! What clients send to change a structure, parsed into core's inputs.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use praevnet_core::council::structure::{
    BodyInput as DomainBodyInput, MembershipInput as DomainMembershipInput,
};
use praevnet_core::{BodyId, OrganisationId, PersonId};

use super::objects::{BodyKind, GroupScope, MembershipRole, Sector};
use crate::ids::TypedId;

#[derive(InputObject)]
pub(crate) struct SeatInput {
    label: String,
    sector: Sector,
    seats: u32,
}

/// The whole configuration of a body; fields left out are empty.
#[derive(InputObject)]
pub(crate) struct BodyInput {
    parent_id: Option<ID>,
    /// Another body this one reports to than the one it is placed under.
    reports_to_id: Option<ID>,
    name: String,
    kind: BodyKind,
    own_kind: Option<String>,
    scope: Option<GroupScope>,
    district: Option<String>,
    #[graphql(default)]
    tasks: String,
    chair_rule: Option<String>,
    meetings_per_year: Option<u32>,
    min_members: Option<u32>,
    max_members: Option<u32>,
    term_months: Option<u32>,
    appointment_procedure: Option<String>,
    #[graphql(default)]
    public: bool,
    #[graphql(default)]
    moderators_are_members: bool,
    /// For a working group: whether its moderator sits in the bodies that take moderators.
    #[graphql(default = true)]
    moderator_takes_seat: bool,
    founded_on: Option<NaiveDate>,
    founding_resolution: Option<String>,
    dissolved_on: Option<NaiveDate>,
    dissolution_resolution: Option<String>,
    #[graphql(default)]
    seats: Vec<SeatInput>,
}

impl BodyInput {
    pub(super) fn into_domain(self) -> Result<DomainBodyInput, praevnet_core::Error> {
        Ok(DomainBodyInput {
            parent: self
                .parent_id
                .as_ref()
                .map(|id| BodyId::parse(id, "parentId"))
                .transpose()?,
            reports_to: self
                .reports_to_id
                .as_ref()
                .map(|id| BodyId::parse(id, "reportsToId"))
                .transpose()?,
            name: self.name,
            kind: self.kind.into(),
            own_kind: self.own_kind,
            scope: self.scope.map(Into::into),
            district: self.district,
            tasks: self.tasks,
            chair_rule: self.chair_rule,
            meetings_per_year: self.meetings_per_year,
            min_members: self.min_members,
            max_members: self.max_members,
            term_months: self.term_months,
            appointment_procedure: self.appointment_procedure,
            public: self.public,
            moderators_are_members: self.moderators_are_members,
            moderator_takes_seat: self.moderator_takes_seat,
            founded_on: self.founded_on,
            founding_resolution: self.founding_resolution,
            dissolved_on: self.dissolved_on,
            dissolution_resolution: self.dissolution_resolution,
            seats: self
                .seats
                .into_iter()
                .map(|s| (s.label, s.sector.into(), s.seats))
                .collect(),
        })
    }
}

#[derive(InputObject)]
pub(crate) struct OrganisationInput {
    pub(super) name: String,
    pub(super) sector: Sector,
}

#[derive(InputObject)]
pub(crate) struct PersonInput {
    /// A name or a functional title.
    pub(super) name: String,
    pub(super) function_title: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
}

#[derive(InputObject)]
pub(crate) struct MembershipInput {
    body_id: ID,
    person_id: ID,
    role: MembershipRole,
    organisation_id: Option<ID>,
    term_start: NaiveDate,
    term_end: Option<NaiveDate>,
    /// The resolution that appointed the person.
    appointed_by: Option<String>,
}

impl MembershipInput {
    pub(super) fn into_domain(self) -> Result<DomainMembershipInput, praevnet_core::Error> {
        Ok(DomainMembershipInput {
            body: BodyId::parse(&self.body_id, "bodyId")?,
            person: PersonId::parse(&self.person_id, "personId")?,
            role: self.role.into(),
            organisation: self
                .organisation_id
                .as_ref()
                .map(|id| OrganisationId::parse(id, "organisationId"))
                .transpose()?,
            term_start: self.term_start,
            term_end: self.term_end,
            appointed_by: self.appointed_by,
        })
    }
}

#[derive(InputObject)]
pub(crate) struct RulesInput {
    pub(super) title: String,
    /// The full text as adopted.
    pub(super) text: String,
    pub(super) adopted_by_body_id: Option<ID>,
    pub(super) adopted_on: NaiveDate,
    pub(super) resolution: Option<String>,
    pub(super) council_informed_on: Option<NaiveDate>,
}
