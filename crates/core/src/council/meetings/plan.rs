//! The meeting plan: how often each body meets by its configuration (Führungsstab twice a
//! year, Vollversammlung once), how many meetings a year has, and which bodies fall behind.

use chrono::{Datelike, NaiveDate};
use praevnet_store::{BodyId, MunicipalityId};

use super::{Meeting, MeetingStatus};
use crate::council::{CouncilProblem, CouncilWork};
use crate::{Error, Principal, Result};

/// The years a plan is asked for: councils exist since the 1990s; far ahead is a typo.
const YEARS: (i32, i32) = (1990, 2100);

/// One body's year against its cadence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    pub body_id: BodyId,
    pub body_name: String,
    /// The body's cadence (`meetingsPerYear` of its configuration).
    pub per_year: u32,
    /// The year's meetings that were not called off, held or to come.
    pub meetings: u32,
}

impl PlanRow {
    /// Fewer meetings in the year than the cadence asks for: more must be scheduled (or, for a
    /// year gone by, were missed).
    pub fn behind(&self) -> bool {
        self.meetings < self.per_year
    }
}

/// The plan of `year` from the meetings the caller sees, for the bodies among them that have
/// a cadence; bodies in the order given.
fn plan(bodies: &[(BodyId, String, u32)], meetings: &[Meeting], year: i32) -> Vec<PlanRow> {
    bodies
        .iter()
        .map(|(id, name, per_year)| PlanRow {
            body_id: *id,
            body_name: name.clone(),
            per_year: *per_year,
            meetings: u32::try_from(
                meetings
                    .iter()
                    .filter(|m| m.body_id == *id && m.starts_on.year() == year)
                    .filter(|m| m.status != MeetingStatus::CalledOff)
                    .count(),
            )
            .unwrap_or(u32::MAX),
        })
        .collect()
}

impl CouncilWork<'_> {
    /// The meeting plan of `year` for the bodies the caller sees that have a cadence and are
    /// not dissolved before the year ends.
    pub async fn meeting_plan(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        year: i32,
    ) -> Result<Vec<PlanRow>> {
        if !(YEARS.0..=YEARS.1).contains(&year) {
            return Err(Error::validation(
                "year",
                CouncilProblem::PlanYear {
                    from: YEARS.0,
                    to: YEARS.1,
                },
            ));
        }
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let (structure, access, meetings) = self
            .seen_meetings(principal, municipality, Some(year_start))
            .await?;
        let bodies: Vec<(BodyId, String, u32)> = structure
            .bodies
            .iter()
            .filter(|b| b.visible_to(&access))
            .filter(|b| b.dissolved_on.is_none_or(|d| d >= year_start))
            .filter(|b| b.founded_on.is_none_or(|f| f <= year_end))
            .filter_map(|b| b.meetings_per_year.map(|n| (b.id, b.name.clone(), n)))
            .filter(|(_, _, n)| *n > 0)
            .collect();
        Ok(plan(&bodies, &meetings, year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(body: BodyId, on: (i32, u32, u32), status: MeetingStatus) -> Meeting {
        Meeting {
            id: praevnet_store::MeetingId::from_uuid(uuid::Uuid::now_v7()),
            body_id: body,
            body_name: String::new(),
            title: "Sitzung".into(),
            starts_on: NaiveDate::from_ymd_opt(on.0, on.1, on.2).expect("date"),
            start_time: None,
            end_time: None,
            location: String::new(),
            online_link: None,
            public: true,
            status,
            topic: String::new(),
            number: None,
            agenda: Vec::new(),
            participants: Vec::new(),
            minutes: Vec::new(),
            sequence: 0,
            editable: false,
        }
    }

    #[test]
    fn a_body_falls_behind_its_cadence_and_called_off_meetings_do_not_count() {
        let staff = BodyId::from_uuid(uuid::Uuid::now_v7());
        let assembly = BodyId::from_uuid(uuid::Uuid::now_v7());
        let bodies = [
            (staff, "Führungsstab".to_owned(), 2),
            (assembly, "Vollversammlung".to_owned(), 1),
        ];
        let meetings = [
            meeting(staff, (2026, 3, 4), MeetingStatus::Held),
            meeting(staff, (2026, 10, 7), MeetingStatus::CalledOff),
            meeting(staff, (2025, 10, 7), MeetingStatus::Held),
            meeting(assembly, (2026, 11, 25), MeetingStatus::Planned),
        ];
        let rows = plan(&bodies, &meetings, 2026);
        assert_eq!(rows[0].meetings, 1);
        assert!(rows[0].behind(), "one of two: behind");
        assert_eq!(rows[1].meetings, 1);
        assert!(!rows[1].behind(), "a planned meeting keeps the plan");
    }
}
