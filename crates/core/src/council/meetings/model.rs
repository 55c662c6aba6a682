//! A meeting and its agenda as the council sees them, and what callers send to change them,
//! parsed into valid values before any rule runs.

use chrono::{NaiveDate, NaiveTime};
use praevnet_common::codes;
use praevnet_store::{
    AgendaItemData, AgendaItemId, BodyId, MeetingData, MeetingId, ParticipantId, ParticipantRecord,
    PersonId,
};

use crate::council::CouncilProblem;
use crate::kernel::text::{bounded_text, optional_text, required_text};
use crate::{Error, Problem, Result};

const TITLE_MAX: usize = 200;
const ITEM_TITLE_MAX: usize = 300;
const LOCATION_MAX: usize = 500;
const LINK_MAX: usize = 500;
const PRESENTER_MAX: usize = 200;
const TEXT_MAX: usize = 20_000;
/// Leipzig counts its Sicherheitskonferenzen past forty; four digits leave room.
const NUMBER_MAX: u32 = 9_999;

codes!(
    /// Where a meeting stands.
    MeetingStatus {
        Planned = "planned", "geplant", "planned";
        Invited = "invited", "eingeladen", "invited";
        Held = "held", "stattgefunden", "held";
        CalledOff = "called_off", "abgesagt", "called off";
    }
);

codes!(
    /// An invitee's answer to the invitation.
    Response {
        Yes = "yes", "Zusage", "yes";
        No = "no", "Absage", "no";
        Maybe = "maybe", "vielleicht", "maybe";
    }
);

codes!(
    /// Whether a participant was there.
    Attendance {
        Present = "present", "anwesend", "present";
        Excused = "excused", "entschuldigt", "excused";
        Absent = "absent", "abwesend", "absent";
    }
);

/// A member or guest invited to a meeting or recorded as taking part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub id: ParticipantId,
    pub person_id: Option<PersonId>,
    pub name: String,
    /// Shown to those who edit the meeting only.
    pub email: Option<String>,
    pub guest: bool,
    pub invited: bool,
    pub response: Option<Response>,
    pub attendance: Option<Attendance>,
}

impl Participant {
    pub(super) fn of(record: ParticipantRecord, with_email: bool) -> Participant {
        Participant {
            id: record.id,
            person_id: record.data.person_id,
            name: record.data.name,
            email: record.data.email.filter(|_| with_email),
            guest: record.data.is_guest,
            invited: record.data.invited_at.is_some(),
            response: Response::parse(&record.data.response),
            attendance: record
                .data
                .attendance
                .as_deref()
                .and_then(Attendance::parse),
        }
    }
}

/// A new participant of `meeting`: a member of the structure (`person`) or a guest, neither
/// invited nor answered yet.
pub(super) fn new_participant(
    meeting: MeetingId,
    person: Option<PersonId>,
    name: String,
    email: Option<String>,
) -> praevnet_store::ParticipantData {
    praevnet_store::ParticipantData {
        meeting_id: meeting,
        is_guest: person.is_none(),
        person_id: person,
        name,
        email,
        invited_at: None,
        token_hash: None,
        token_expires_on: None,
        response: String::new(),
        responded_at: None,
        attendance: None,
    }
}

/// An item of a meeting's agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub id: AgendaItemId,
    pub position: i32,
    pub title: String,
    pub description: String,
    pub presenter: Option<String>,
    pub public: bool,
    /// The item's result or decision.
    pub result: String,
    pub documents: Vec<super::AgendaDocument>,
}

impl From<praevnet_store::AgendaItemRecord> for AgendaItem {
    /// The item without its documents (they are read with the meeting).
    fn from(r: praevnet_store::AgendaItemRecord) -> Self {
        AgendaItem {
            documents: Vec::new(),
            id: r.id,
            position: r.data.position,
            title: r.data.title,
            description: r.data.description,
            presenter: r.data.presenter,
            public: r.data.is_public,
            result: r.data.result,
        }
    }
}

/// A meeting with its body's name and the agenda items the caller may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub body_id: BodyId,
    pub body_name: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: String,
    pub online_link: Option<String>,
    pub public: bool,
    pub status: MeetingStatus,
    pub topic: String,
    pub number: Option<u32>,
    pub agenda: Vec<AgendaItem>,
    /// Invitees and attendance: for the body's members and those who edit the meeting.
    pub participants: Vec<Participant>,
    /// Versions of the minutes, newest first: for the body's members and editors.
    pub minutes: Vec<super::Minutes>,
    /// The revision invitees were last told of.
    pub sequence: i32,
    /// Whether the caller may change it.
    pub editable: bool,
}

#[derive(Clone, Debug)]
pub struct MeetingInput {
    pub body_id: BodyId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: String,
    pub online_link: Option<String>,
    /// Open to the public; left out, as public as the body.
    pub public: Option<bool>,
    pub status: MeetingStatus,
    pub topic: String,
    pub number: Option<u32>,
}

fn time(field: &'static str, text: Option<&str>) -> Result<Option<NaiveTime>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveTime::parse_from_str(text, "%H:%M")
            .map(Some)
            .map_err(|_| Error::validation(field, Problem::TimeFormat)),
    }
}

/// A link to join online: a web address, so that it opens from the invitation.
fn link(text: Option<&str>) -> Result<Option<String>> {
    let Some(link) = optional_text("onlineLink", text, LINK_MAX)? else {
        return Ok(None);
    };
    let web = link.starts_with("https://") || link.starts_with("http://");
    if !web || link.chars().any(char::is_whitespace) {
        return Err(Error::validation("onlineLink", CouncilProblem::OnlineLink));
    }
    Ok(Some(link))
}

impl MeetingInput {
    /// The meeting's fields; `body_public` is whether its body is public.
    pub(super) fn parse(self, body_public: bool) -> Result<MeetingData> {
        let start = time("startTime", self.start_time.as_deref())?;
        let end = time("endTime", self.end_time.as_deref())?;
        match (start, end) {
            (None, Some(_)) => return Err(Error::validation("startTime", Problem::Required)),
            (Some(start), Some(end)) if end <= start => {
                return Err(Error::validation("endTime", Problem::EndBeforeStart));
            }
            _ => {}
        }
        let number = match self.number {
            Some(n) if n == 0 || n > NUMBER_MAX => {
                return Err(Error::validation(
                    "number",
                    CouncilProblem::MeetingNumber { max: NUMBER_MAX },
                ));
            }
            n => n.and_then(|n| i32::try_from(n).ok()),
        };
        let hours = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
        Ok(MeetingData {
            body_id: self.body_id,
            title: required_text("title", &self.title, TITLE_MAX)?,
            starts_on: self.starts_on,
            start_time: hours(start),
            end_time: hours(end),
            location: bounded_text("location", &self.location, LOCATION_MAX)?,
            online_link: link(self.online_link.as_deref())?,
            is_public: self.public.unwrap_or(body_public),
            status: self.status.code().to_owned(),
            topic: bounded_text("topic", &self.topic, TEXT_MAX)?,
            number,
            // Set by the use case: it follows what invitees were told.
            sequence: 0,
        })
    }
}

/// An agenda item as sent; without a position it goes to the end.
#[derive(Clone, Debug)]
pub struct AgendaItemInput {
    pub position: Option<u32>,
    pub title: String,
    pub description: String,
    pub presenter: Option<String>,
    /// Discussed in public; left out, as public as the meeting.
    pub public: Option<bool>,
    pub result: String,
}

impl AgendaItemInput {
    /// The item's fields; `next` is the position at the end, `meeting_public` whether the
    /// meeting is public.
    pub(super) fn parse(
        self,
        meeting: MeetingId,
        next: i32,
        meeting_public: bool,
    ) -> Result<AgendaItemData> {
        Ok(AgendaItemData {
            meeting_id: meeting,
            position: self
                .position
                .map_or(next, |p| i32::try_from(p).unwrap_or(i32::MAX)),
            title: required_text("title", &self.title, ITEM_TITLE_MAX)?,
            description: bounded_text("description", &self.description, TEXT_MAX)?,
            presenter: optional_text("presenter", self.presenter.as_deref(), PRESENTER_MAX)?,
            is_public: self.public.unwrap_or(meeting_public),
            result: bounded_text("result", &self.result, TEXT_MAX)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(start: Option<&str>, end: Option<&str>) -> MeetingInput {
        MeetingInput {
            body_id: BodyId::from_uuid(uuid::Uuid::nil()),
            title: " Sitzung der Steuerungsgruppe ".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
            start_time: start.map(str::to_owned),
            end_time: end.map(str::to_owned),
            location: "Ratshof".into(),
            online_link: None,
            public: None,
            status: MeetingStatus::Planned,
            topic: String::new(),
            number: None,
        }
    }

    #[test]
    fn times_are_hours_and_minutes() {
        let data = input(Some("9:30"), Some("11:00"))
            .parse(true)
            .expect("valid");
        assert_eq!(data.start_time.as_deref(), Some("09:30"));
        assert_eq!(data.end_time.as_deref(), Some("11:00"));
        assert_eq!(data.title, "Sitzung der Steuerungsgruppe");
        assert_eq!(
            input(Some(" "), None)
                .parse(true)
                .expect("empty")
                .start_time,
            None
        );
        assert_eq!(
            input(Some("25:00"), None)
                .parse(true)
                .expect_err("hour")
                .field(),
            Some("startTime")
        );
    }

    #[test]
    fn a_meeting_ends_after_it_starts() {
        let err = input(Some("18:00"), Some("17:30"))
            .parse(true)
            .expect_err("end before start");
        assert_eq!(err.field(), Some("endTime"));
        let err = input(None, Some("17:30"))
            .parse(true)
            .expect_err("no start");
        assert_eq!(err.field(), Some("startTime"));
    }

    #[test]
    fn an_online_link_is_a_web_address_and_a_number_counts_from_one() {
        let mut online = input(None, None);
        online.online_link = Some(" https://konferenz.example/raum ".into());
        assert_eq!(
            online
                .clone()
                .parse(true)
                .expect("link")
                .online_link
                .as_deref(),
            Some("https://konferenz.example/raum")
        );
        online.online_link = Some("javascript:alert(1)".into());
        assert_eq!(
            online.parse(true).expect_err("no web").field(),
            Some("onlineLink")
        );
        let mut numbered = input(None, None);
        numbered.number = Some(0);
        assert_eq!(
            numbered.parse(true).expect_err("zero").field(),
            Some("number")
        );
    }
}
