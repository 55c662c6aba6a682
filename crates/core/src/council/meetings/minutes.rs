//! Minutes of a meeting (Niederschrift): a draft with a text per agenda item, circulated to
//! the body's members for review, approved on a date. Approved minutes are frozen: a
//! correction is a new version, and the approved one is kept as it was.

use chrono::{DateTime, NaiveDate, Utc};
use praevnet_common::codes;
use praevnet_render::minutes::{Labels, MinutesDocument, html};
use praevnet_store::{
    AgendaItemId, MeetingId, MinutesData, MinutesEntryData, MinutesId, MinutesRecord,
    MunicipalityId,
};

use super::{Meeting, MeetingStatus, current_members, meeting_view};
use crate::council::structure::today;
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::mail::Mail;
use crate::kernel::outbox::queued;
use crate::kernel::text::bounded_text;
use crate::{Error, Lang, Principal, Result};

const TEXT_MAX: usize = 100_000;

codes!(
    /// Where a version of the minutes stands.
    MinutesStatus {
        Draft = "draft", "Entwurf", "draft";
        Circulated = "circulated", "zur Durchsicht versandt", "circulated for review";
        Approved = "approved", "genehmigt", "approved";
    }
);

/// The text of one agenda item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinutesEntry {
    pub agenda_item_id: Option<AgendaItemId>,
    /// The item's title as it was when the entry was written.
    pub title: String,
    pub text: String,
}

/// A version of a meeting's minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minutes {
    pub id: MinutesId,
    pub version: i32,
    pub status: MinutesStatus,
    pub notes: String,
    pub circulated_at: Option<DateTime<Utc>>,
    pub approved_on: Option<NaiveDate>,
    pub entries: Vec<MinutesEntry>,
}

impl From<MinutesRecord> for Minutes {
    fn from(r: MinutesRecord) -> Self {
        Minutes {
            id: r.id,
            version: r.data.version,
            // Codes come from this module's writes; an unknown one reads as a draft.
            status: MinutesStatus::parse(&r.data.status).unwrap_or(MinutesStatus::Draft),
            notes: r.data.notes,
            circulated_at: r.data.circulated_at,
            approved_on: r.data.approved_on,
            entries: r
                .data
                .entries
                .into_iter()
                .map(|e| MinutesEntry {
                    agenda_item_id: e.agenda_item_id,
                    title: e.title,
                    text: e.text,
                })
                .collect(),
        }
    }
}

/// The minutes as written: the general part and a text per agenda item.
#[derive(Clone, Debug, Default)]
pub struct MinutesInput {
    pub notes: String,
    pub entries: Vec<(AgendaItemId, String)>,
}

/// A version as a row, back from the domain.
fn data(meeting: MeetingId, m: &Minutes) -> MinutesData {
    MinutesData {
        meeting_id: meeting,
        version: m.version,
        status: m.status.code().to_owned(),
        notes: m.notes.clone(),
        circulated_at: m.circulated_at,
        approved_on: m.approved_on,
        entries: m
            .entries
            .iter()
            .zip(1..)
            .map(|(e, position)| MinutesEntryData {
                agenda_item_id: e.agenda_item_id,
                position,
                title: e.title.clone(),
                text: e.text.clone(),
            })
            .collect(),
    }
}

fn frozen() -> Error {
    Error::validation("meetingId", CouncilProblem::MinutesApproved)
}

impl CouncilWork<'_> {
    /// The meeting's latest minutes with the meeting, for a change by its editors; the
    /// meeting must have taken place and not been called off.
    async fn minutes_edit(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
    ) -> Result<(super::MeetingEdit, Meeting, Option<Minutes>)> {
        let edit = self.internal_edit(principal, municipality).await?;
        let record = edit.editable(meeting_id).await?;
        if record.data.status == MeetingStatus::CalledOff.code() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MeetingCalledOff,
            ));
        }
        if record.data.starts_on > today() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MinutesBeforeMeeting,
            ));
        }
        let meeting = meeting_view(&edit, meeting_id).await?;
        let latest = meeting.minutes.first().cloned();
        Ok((edit, meeting, latest))
    }

    /// Writes the minutes: the first version as a draft, or changes the draft (or the version
    /// out for review). Each agenda item gets its text; approved minutes are not changed.
    pub async fn save_minutes(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        input: MinutesInput,
    ) -> Result<Meeting> {
        let (edit, meeting, latest) = self
            .minutes_edit(principal, municipality, meeting_id)
            .await?;
        if let Some((id, _)) = input
            .entries
            .iter()
            .find(|(id, _)| !meeting.agenda.iter().any(|item| item.id == *id))
        {
            tracing::debug!(item = %id, "minutes entry for an item of another meeting");
            return Err(Error::NotFound);
        }
        // A first version gets its id from the store.
        let existing = latest.as_ref().map(|m| m.id);
        let mut minutes = match latest {
            Some(m) if m.status == MinutesStatus::Approved => return Err(frozen()),
            Some(m) => m,
            None => Minutes {
                id: MinutesId::from_uuid(uuid::Uuid::nil()),
                version: 1,
                status: MinutesStatus::Draft,
                notes: String::new(),
                circulated_at: None,
                approved_on: None,
                entries: Vec::new(),
            },
        };
        minutes.notes = bounded_text("notes", &input.notes, TEXT_MAX)?;
        let mut entries = Vec::new();
        for item in &meeting.agenda {
            let text = match input.entries.iter().find(|(id, _)| *id == item.id) {
                Some((_, text)) => bounded_text("entries", text, TEXT_MAX)?,
                None => minutes
                    .entries
                    .iter()
                    .find(|e| e.agenda_item_id == Some(item.id))
                    .map(|e| e.text.clone())
                    .unwrap_or_default(),
            };
            entries.push(MinutesEntry {
                agenda_item_id: Some(item.id),
                title: item.title.clone(),
                text,
            });
        }
        // Entries of items taken off the agenda since stay, after the others: a correction
        // must not lose what was approved.
        entries.extend(
            minutes
                .entries
                .iter()
                .filter(|e| {
                    e.agenda_item_id
                        .is_none_or(|id| !meeting.agenda.iter().any(|item| item.id == id))
                })
                .cloned(),
        );
        minutes.entries = entries;
        let tenant = edit.writes.tenant(municipality);
        tenant
            .save_minutes(existing, &data(meeting_id, &minutes))
            .await?;
        let summary = format!(
            "Niederschrift (Fassung {}) zu {}",
            minutes.version, meeting.title
        );
        edit.finish(principal, meeting_id, "minutes.saved", summary)
            .await
    }

    /// Sends the draft to the body's current members for review (by mail, through the
    /// outbox); it can still be changed until it is approved.
    pub async fn circulate_minutes(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
    ) -> Result<Meeting> {
        let (edit, meeting, latest) = self
            .minutes_edit(principal, municipality, meeting_id)
            .await?;
        let mut minutes =
            latest.ok_or_else(|| Error::validation("meetingId", CouncilProblem::NoMinutes))?;
        if minutes.status != MinutesStatus::Draft {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MinutesNotDraft,
            ));
        }
        minutes.status = MinutesStatus::Circulated;
        minutes.circulated_at = Some(Utc::now());
        let tenant = edit.writes.tenant(municipality);
        tenant
            .save_minutes(Some(minutes.id), &data(meeting_id, &minutes))
            .await?;
        let mut mails = Vec::new();
        for person in current_members(&edit.structure, meeting.body_id, today()) {
            let Some((name, Some(email))) = edit
                .structure
                .person(person)
                .map(|p| (p.name.clone(), p.email.clone()))
            else {
                continue;
            };
            mails.push(queued(
                Some(municipality),
                review_mail(&meeting, &minutes, &name, &email),
            ));
        }
        let count = mails.len();
        edit.writes.outbox().enqueue(mails).await?;
        let summary = format!(
            "Niederschrift (Fassung {}) zu {} versandt ({count} E-Mails)",
            minutes.version, meeting.title
        );
        let saved = edit
            .finish(principal, meeting_id, "minutes.circulated", summary)
            .await?;
        self.services.mail_ready.ring();
        Ok(saved)
    }

    /// Records that the body approved the minutes on `approved_on`; they are frozen from then.
    pub async fn approve_minutes(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        approved_on: NaiveDate,
    ) -> Result<Meeting> {
        let (edit, meeting, latest) = self
            .minutes_edit(principal, municipality, meeting_id)
            .await?;
        let mut minutes =
            latest.ok_or_else(|| Error::validation("meetingId", CouncilProblem::NoMinutes))?;
        if minutes.status == MinutesStatus::Approved {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MinutesAlreadyApproved,
            ));
        }
        if approved_on < meeting.starts_on || approved_on > today() {
            return Err(Error::validation(
                "approvedOn",
                CouncilProblem::ApprovalDate,
            ));
        }
        minutes.status = MinutesStatus::Approved;
        minutes.approved_on = Some(approved_on);
        edit.writes
            .tenant(municipality)
            .save_minutes(Some(minutes.id), &data(meeting_id, &minutes))
            .await?;
        let summary = format!(
            "Niederschrift (Fassung {}) zu {} genehmigt am {}",
            minutes.version,
            meeting.title,
            approved_on.format("%d.%m.%Y")
        );
        edit.finish(principal, meeting_id, "minutes.approved", summary)
            .await
    }

    /// Starts a correction of approved minutes: a new draft version with their text; the
    /// approved version stays as it was.
    pub async fn correct_minutes(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
    ) -> Result<Meeting> {
        let (edit, meeting, latest) = self
            .minutes_edit(principal, municipality, meeting_id)
            .await?;
        let approved = latest
            .filter(|m| m.status == MinutesStatus::Approved)
            .ok_or_else(|| Error::validation("meetingId", CouncilProblem::MinutesNotApproved))?;
        let draft = Minutes {
            version: approved.version.saturating_add(1),
            status: MinutesStatus::Draft,
            circulated_at: None,
            approved_on: None,
            ..approved
        };
        edit.writes
            .tenant(municipality)
            .save_minutes(None, &data(meeting_id, &draft))
            .await?;
        let summary = format!(
            "Korrektur der Niederschrift zu {} (Fassung {})",
            meeting.title, draft.version
        );
        edit.finish(principal, meeting_id, "minutes.correction_started", summary)
            .await
    }

    /// A version of the minutes (the latest when `version` is `None`) as an HTML document to
    /// download: for those who see the meeting's internal side. Answers its file name too.
    pub async fn minutes_document(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        version: Option<i32>,
        lang: Lang,
    ) -> Result<(String, String)> {
        let target = self
            .services
            .registry()
            .municipality(principal, municipality)
            .await?;
        let meetings = self.meetings(principal, municipality, None).await?;
        let meeting = meetings
            .into_iter()
            .find(|m| m.id == meeting_id)
            .ok_or(Error::NotFound)?;
        let minutes = meeting
            .minutes
            .iter()
            .find(|m| version.is_none_or(|v| v == m.version))
            .ok_or(Error::NotFound)?;
        let attendance: Vec<(String, String)> = meeting
            .participants
            .iter()
            .filter_map(|p| {
                p.attendance
                    .map(|a| (p.name.clone(), a.label(lang).to_owned()))
            })
            .collect();
        let entries: Vec<(String, String)> = minutes
            .entries
            .iter()
            .map(|e| (e.title.clone(), e.text.clone()))
            .collect();
        let date = meeting.starts_on.format("%d.%m.%Y").to_string();
        let when = match &meeting.start_time {
            Some(time) => format!("{date}, {time}"),
            None => date,
        };
        let state = state_line(minutes, lang);
        let title = meeting.numbered_title();
        let labels = match lang {
            Lang::De => Labels {
                lang: "de",
                minutes: "Niederschrift",
                attendance: "Anwesenheit",
                notes: "Allgemeines",
                agenda: "Tagesordnung",
            },
            Lang::En => Labels {
                lang: "en",
                minutes: "Minutes",
                attendance: "Attendance",
                notes: "General",
                agenda: "Agenda",
            },
        };
        let document = html(&MinutesDocument {
            municipality: &target.name,
            body: &meeting.body_name,
            title: &title,
            when: &when,
            location: &meeting.location,
            state: &state,
            notes: &minutes.notes,
            attendance: &attendance,
            entries: &entries,
            labels,
        });
        let name = format!(
            "Niederschrift-{}-{}-Fassung-{}.html",
            meeting
                .body_name
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
            meeting.starts_on,
            minutes.version
        );
        Ok((name, document))
    }
}

/// "Fassung 2 – genehmigt am 03.03.2026".
fn state_line(minutes: &Minutes, lang: Lang) -> String {
    let (version, on) = match lang {
        Lang::De => ("Fassung", "am"),
        Lang::En => ("Version", "on"),
    };
    let mut line = format!(
        "{version} {} – {}",
        minutes.version,
        minutes.status.label(lang)
    );
    if let Some(date) = minutes.approved_on {
        line.push_str(&format!(" {on} {}", date.format("%d.%m.%Y")));
    }
    line
}

/// The minutes sent for review: German first, English second, the text itself included.
fn review_mail(meeting: &Meeting, minutes: &Minutes, name: &str, email: &str) -> Mail {
    let title = meeting.numbered_title();
    let date = meeting.starts_on.format("%d.%m.%Y");
    let mut body = String::new();
    if !minutes.notes.is_empty() {
        body.push_str(&minutes.notes);
        body.push_str("\n\n");
    }
    for (n, entry) in minutes.entries.iter().enumerate() {
        body.push_str(&format!("{}. {}\n{}\n\n", n + 1, entry.title, entry.text));
    }
    Mail {
        to: email.to_owned(),
        subject: format!("Niederschrift zur Durchsicht: {title} am {date} / Minutes for review"),
        text: format!(
            "Guten Tag {name},\n\n\
             anbei der Entwurf der Niederschrift (Fassung {version}) der Sitzung „{title}“ \
             von {body_name} am {date} zur Durchsicht. Anmerkungen bitte an die \
             Geschäftsstelle.\n\n\
             Hello {name},\n\n\
             below is the draft of the minutes (version {version}) of the meeting “{title}” \
             of {body_name} on {date} for your review. Please send comments to the \
             coordination office.\n\n---\n\n{body}",
            version = minutes.version,
            body_name = meeting.body_name,
        ),
        calendar: None,
        message_id: None,
    }
}
