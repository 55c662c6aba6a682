//! What callers send to change a structure, parsed into valid values before any rule runs.

use chrono::NaiveDate;
use praevnet_store::{BodyId, OrganisationId, PersonData, PersonId, RulesData};

use super::kinds::{BodyKind, GroupScope, MembershipRole, Sector};
use super::model::{Body, Seat};
use crate::kernel::email::EmailAddress;
use crate::kernel::text::{bounded_text, optional_text, required_text};
use crate::{Error, Problem, Result};

const NAME_MAX: usize = 200;
const SHORT_MAX: usize = 100;
const RULE_MAX: usize = 500;
const TASKS_MAX: usize = 10_000;

fn period(field: &'static str, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<()> {
    match (start, end) {
        (Some(start), Some(end)) if end < start => {
            Err(Error::validation(field, Problem::EndBeforeStart))
        }
        _ => Ok(()),
    }
}

/// A body's configuration as sent.
#[derive(Clone, Debug)]
pub struct BodyInput {
    pub parent: Option<BodyId>,
    pub reports_to: Option<BodyId>,
    pub name: String,
    pub kind: BodyKind,
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
    pub moderators_are_members: bool,
    pub moderator_takes_seat: bool,
    pub founded_on: Option<NaiveDate>,
    pub founding_resolution: Option<String>,
    pub dissolved_on: Option<NaiveDate>,
    pub dissolution_resolution: Option<String>,
    pub seats: Vec<(String, Sector, u32)>,
}

impl BodyInput {
    /// The body with this configuration; `id` and `position` come from the caller.
    pub(crate) fn parse(self, id: BodyId, position: i32) -> Result<Body> {
        let name = required_text("name", &self.name, NAME_MAX)?;
        if let (Some(min), Some(max)) = (self.min_members, self.max_members)
            && min > max
        {
            return Err(Error::validation("minMembers", Problem::MinAboveMax));
        }
        period("dissolvedOn", self.founded_on, self.dissolved_on)?;
        let tasks = bounded_text("tasks", &self.tasks, TASKS_MAX)?;
        let seats = self
            .seats
            .into_iter()
            .map(|(label, sector, seats)| {
                Ok(Seat {
                    label: required_text("seats", &label, NAME_MAX)?,
                    sector,
                    seats,
                })
            })
            .collect::<Result<_>>()?;
        // A scope and a district only mean something for a working group.
        let working_group = self.kind == BodyKind::WorkingGroup;
        Ok(Body {
            id,
            parent: self.parent,
            reports_to: self.reports_to,
            name,
            kind: self.kind,
            own_kind: optional_text("ownKind", self.own_kind.as_deref(), SHORT_MAX)?,
            scope: if working_group { self.scope } else { None },
            district: if working_group {
                optional_text("district", self.district.as_deref(), SHORT_MAX)?
            } else {
                None
            },
            tasks,
            chair_rule: optional_text("chairRule", self.chair_rule.as_deref(), RULE_MAX)?,
            meetings_per_year: self.meetings_per_year,
            min_members: self.min_members,
            max_members: self.max_members,
            term_months: self.term_months,
            appointment_procedure: optional_text(
                "appointmentProcedure",
                self.appointment_procedure.as_deref(),
                RULE_MAX,
            )?,
            public: self.public,
            moderators_are_members: self.moderators_are_members,
            // Only a working group's moderator takes a seat elsewhere.
            moderator_takes_seat: !working_group || self.moderator_takes_seat,
            founded_on: self.founded_on,
            founding_resolution: optional_text(
                "foundingResolution",
                self.founding_resolution.as_deref(),
                SHORT_MAX,
            )?,
            dissolved_on: self.dissolved_on,
            dissolution_resolution: optional_text(
                "dissolutionResolution",
                self.dissolution_resolution.as_deref(),
                SHORT_MAX,
            )?,
            position,
            seats,
        })
    }
}

#[derive(Clone, Debug)]
pub struct OrganisationInput {
    pub name: String,
    pub sector: Sector,
}

impl OrganisationInput {
    pub(crate) fn parse(self) -> Result<(String, Sector)> {
        Ok((required_text("name", &self.name, NAME_MAX)?, self.sector))
    }
}

#[derive(Clone, Debug)]
pub struct PersonInput {
    /// A name or, for functional placeholders, a role title ("Leitung Ordnungsamt").
    pub name: String,
    pub function_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl PersonInput {
    pub(crate) fn parse(self) -> Result<PersonData> {
        let email = match optional_text("email", self.email.as_deref(), 254)? {
            Some(text) => Some(EmailAddress::parse(&text)?.to_string()),
            None => None,
        };
        Ok(PersonData {
            name: required_text("name", &self.name, NAME_MAX)?,
            function_title: optional_text(
                "functionTitle",
                self.function_title.as_deref(),
                NAME_MAX,
            )?,
            email,
            phone: optional_text("phone", self.phone.as_deref(), 50)?,
            user_id: None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct MembershipInput {
    pub body: BodyId,
    pub person: PersonId,
    pub role: MembershipRole,
    pub organisation: Option<OrganisationId>,
    pub term_start: NaiveDate,
    pub term_end: Option<NaiveDate>,
    /// The resolution that appointed the person, e.g. a Stadtrat decision number.
    pub appointed_by: Option<String>,
}

impl MembershipInput {
    pub(crate) fn check(&self) -> Result<Option<String>> {
        period("termEnd", Some(self.term_start), self.term_end)?;
        optional_text("appointedBy", self.appointed_by.as_deref(), SHORT_MAX)
    }
}

/// A version of the rules of procedure (Geschäftsordnung).
#[derive(Clone, Debug)]
pub struct RulesInput {
    pub title: String,
    /// The full text, as adopted.
    pub text: String,
    pub adopted_by: Option<BodyId>,
    pub adopted_on: NaiveDate,
    pub resolution: Option<String>,
    pub council_informed_on: Option<NaiveDate>,
}

impl RulesInput {
    pub(crate) fn parse(self) -> Result<RulesData> {
        period(
            "councilInformedOn",
            Some(self.adopted_on),
            self.council_informed_on,
        )?;
        let text = bounded_text("text", &self.text, 200_000)?;
        Ok(RulesData {
            title: required_text("title", &self.title, NAME_MAX)?,
            body: text,
            adopted_by: self.adopted_by,
            adopted_on: self.adopted_on,
            resolution: optional_text("resolution", self.resolution.as_deref(), SHORT_MAX)?,
            council_informed_on: self.council_informed_on,
        })
    }
}
