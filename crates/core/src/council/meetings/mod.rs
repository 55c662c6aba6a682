//! Meetings of a council's bodies and their agendas. Who sees a meeting follows who sees its
//! body: the public sees the public meetings of public bodies, and of those only the public
//! agenda items; a body's members see all of their body's. Managers and the body's chair,
//! deputy or moderator record and change them.

mod attendance;
mod calendar;
mod documents;
mod invitations;
mod minutes;
mod model;
mod plan;

use chrono::NaiveDate;
use praevnet_store::{
    AgendaItemId, AgendaItemRecord, BodyId, DocumentId, DocumentRecord, MeetingId, MeetingRecord,
    MinutesRecord, MunicipalityId, ParticipantRecord,
};

pub use attendance::AttendanceInput;
pub use documents::{AgendaDocument, DOCUMENT_MAX_BYTES};
pub use invitations::{AnswerView, GuestInput, InvitationsSent, calendar_host};
pub use minutes::{Minutes, MinutesEntry, MinutesInput, MinutesStatus};
pub use model::{
    AgendaItem, AgendaItemInput, Attendance, Meeting, MeetingInput, MeetingStatus, Participant,
    Response,
};
pub use plan::PlanRow;

use invitations::current_members;

use crate::access::CouncilAccess;
use crate::audit::{self, Change};
use crate::council::internal::{CouncilRead, InternalEdit};
use crate::council::structure::Structure;
use crate::council::{CouncilProblem, CouncilWork};
use crate::{Error, Principal, Result};

/// `record` as `access` may see it, with the agenda items it may see; `None` when the meeting
/// is not for the caller's eyes.
fn meeting(
    record: MeetingRecord,
    read: &MeetingsRead,
    structure: &Structure,
    access: &CouncilAccess,
) -> Option<Meeting> {
    let body = structure.body(record.data.body_id)?;
    let public = body.public && record.data.is_public;
    if !access.sees(body.id, public) {
        return None;
    }
    let agenda = read
        .agenda
        .iter()
        .filter(|item| item.data.meeting_id == record.id)
        .filter(|item| access.sees(body.id, public && item.data.is_public))
        .cloned()
        .map(|item| {
            let documents = read
                .documents
                .iter()
                .filter(|d| d.agenda_item_id == item.id)
                .cloned()
                .map(AgendaDocument::from)
                .collect();
            AgendaItem {
                documents,
                ..AgendaItem::from(item)
            }
        })
        .collect();
    let editable = access.edits(body.id);
    let participants = if access.sees(body.id, false) {
        read.participants
            .iter()
            .filter(|p| p.data.meeting_id == record.id)
            .cloned()
            .map(|p| Participant::of(p, editable))
            .collect()
    } else {
        Vec::new()
    };
    let minutes = if access.sees(body.id, false) {
        read.minutes
            .iter()
            .filter(|m| m.data.meeting_id == record.id)
            .cloned()
            .map(Minutes::from)
            .collect()
    } else {
        Vec::new()
    };
    Some(Meeting {
        id: record.id,
        body_id: body.id,
        body_name: body.name.clone(),
        editable,
        title: record.data.title,
        starts_on: record.data.starts_on,
        start_time: record.data.start_time,
        end_time: record.data.end_time,
        location: record.data.location,
        online_link: record.data.online_link,
        public: record.data.is_public,
        // Codes come from this crate's writes; an unknown one reads as planned.
        status: MeetingStatus::parse(&record.data.status).unwrap_or(MeetingStatus::Planned),
        topic: record.data.topic,
        number: record.data.number.and_then(|n| u32::try_from(n).ok()),
        agenda,
        participants,
        minutes,
        sequence: record.data.sequence,
    })
}

/// What a meeting is shown with: the agenda items and participants of the meetings read.
struct MeetingsRead {
    agenda: Vec<AgendaItemRecord>,
    documents: Vec<DocumentRecord>,
    participants: Vec<ParticipantRecord>,
    minutes: Vec<MinutesRecord>,
}

/// The meeting `id` as the editor sees it, read inside the edit's unit of work (so with what
/// it has changed so far).
async fn meeting_view(edit: &MeetingEdit, id: MeetingId) -> Result<Meeting> {
    let tenant = edit.writes.tenant(edit.target.id);
    let record = tenant.meeting(id).await?.ok_or(Error::NotFound)?;
    let agenda = tenant.agenda_items(&[id]).await?;
    let items: Vec<AgendaItemId> = agenda.iter().map(|i| i.id).collect();
    let read = MeetingsRead {
        documents: tenant.documents(&items).await?,
        agenda,
        participants: tenant.participants(&[id]).await?,
        minutes: tenant.minutes(&[id]).await?,
    };
    meeting(record, &read, &edit.structure, &edit.access).ok_or(Error::NotFound)
}

/// A change of a meeting or its agenda.
type MeetingEdit = InternalEdit;

impl MeetingEdit {
    /// The caller edits the meetings of `body`: a body they cannot see is unknown to them.
    fn require_edit(&self, body: BodyId) -> Result<()> {
        self.access
            .require_edit(self.structure.body(body).map(|b| (b.id, b.public)))
    }

    /// The meeting `id` of this tenant, if the caller may change it.
    async fn editable(&self, id: MeetingId) -> Result<MeetingRecord> {
        let tenant = self.writes.tenant(self.target.id);
        let current = tenant.meeting(id).await?.ok_or(Error::NotFound)?;
        self.require_edit(current.data.body_id)?;
        Ok(current)
    }

    /// Records the audit entry, commits, and answers with the meeting as the caller sees it.
    async fn finish(
        self,
        principal: &Principal,
        id: MeetingId,
        action: &'static str,
        summary: String,
    ) -> Result<Meeting> {
        let view = meeting_view(&self, id).await?;
        let change = Change::of_municipality(&self.target, action, "meeting", id, summary);
        audit::commit(self.writes, principal, change).await?;
        Ok(view)
    }
}

fn summary(record: &MeetingRecord) -> String {
    format!(
        "Sitzung „{}“ am {}",
        record.data.title,
        record.data.starts_on.format("%d.%m.%Y")
    )
}

impl CouncilWork<'_> {
    /// The meetings the caller may see, from `since` on, with their agendas.
    pub async fn meetings(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        since: Option<NaiveDate>,
    ) -> Result<Vec<Meeting>> {
        let (_, _, meetings) = self.seen_meetings(principal, municipality, since).await?;
        Ok(meetings)
    }

    /// [`CouncilWork::meetings`], with the structure and the access they were read with, so
    /// that a caller needing the bodies too does not load the structure again.
    pub(super) async fn seen_meetings(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        since: Option<NaiveDate>,
    ) -> Result<(Structure, CouncilAccess, Vec<Meeting>)> {
        let CouncilRead {
            structure, access, ..
        } = self.council_read(principal, municipality).await?;
        let tenant = self.services.store.tenant(municipality);
        let records = tenant.meetings(since).await?;
        let ids: Vec<MeetingId> = records.iter().map(|r| r.id).collect();
        let agenda = tenant.agenda_items(&ids).await?;
        let items: Vec<AgendaItemId> = agenda.iter().map(|i| i.id).collect();
        let read = MeetingsRead {
            documents: tenant.documents(&items).await?,
            agenda,
            participants: tenant.participants(&ids).await?,
            minutes: tenant.minutes(&ids).await?,
        };
        let meetings = records
            .into_iter()
            .filter_map(|r| meeting(r, &read, &structure, &access))
            .collect();
        Ok((structure, access, meetings))
    }

    /// The number the next meeting of `body` gets in its series; `None` while the body's
    /// meetings are not numbered.
    pub async fn next_meeting_number(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        body: BodyId,
    ) -> Result<Option<u32>> {
        let edit = self.internal_edit(principal, municipality).await?;
        edit.require_edit(body)?;
        let last = edit
            .writes
            .tenant(municipality)
            .last_meeting_number(body)
            .await?;
        Ok(last.and_then(|n| u32::try_from(n).ok()).map(|n| n + 1))
    }

    /// Records a meeting, or changes one (`id`): managers and the body's leads. A body the
    /// caller cannot see, or a meeting of another tenant, is answered as unknown.
    pub async fn save_meeting(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: Option<MeetingId>,
        input: MeetingInput,
    ) -> Result<Meeting> {
        let edit = self.internal_edit(principal, municipality).await?;
        let before = match id {
            Some(id) => Some(edit.editable(id).await?),
            None => None,
        };
        edit.require_edit(input.body_id)?;
        let body_public = edit.structure.body(input.body_id).is_some_and(|b| b.public);
        let mut data = input.parse(body_public)?;
        let tenant = edit.writes.tenant(municipality);
        // A number belongs to one meeting of the body's series.
        if let Some(number) = data.number
            && let Some(other) = tenant.meeting_numbered(data.body_id, number).await?
            && Some(other) != id
        {
            return Err(Error::conflict(
                "number",
                CouncilProblem::MeetingNumberTaken { number },
            ));
        }
        let (saved, notice) = match before {
            Some(before) => {
                let id = before.id;
                data.sequence = before.data.sequence;
                let after = MeetingRecord { id, data };
                let invited = tenant
                    .participants(&[id])
                    .await?
                    .iter()
                    .any(|p| p.data.invited_at.is_some());
                let notice = invitations::notice_of_change(&before, &after).filter(|_| invited);
                let mut after = after;
                if notice.is_some() {
                    after.data.sequence = after.data.sequence.saturating_add(1);
                }
                if !tenant.update_meeting(id, &after.data).await? {
                    return Err(Error::NotFound);
                }
                (after, notice)
            }
            None => (tenant.insert_meeting(data).await?, None),
        };
        if let Some(notice) = notice {
            edit.notify(self.services, saved.id, notice, None).await?;
        }
        let action = if id.is_some() {
            "meeting.updated"
        } else {
            "meeting.recorded"
        };
        let meeting = edit
            .finish(principal, saved.id, action, summary(&saved))
            .await?;
        if notice.is_some() {
            self.services.mail_ready.ring();
        }
        Ok(meeting)
    }

    /// Deletes a meeting recorded in error, with its agenda (a meeting that will not take
    /// place is called off instead, and stays on record).
    pub async fn delete_meeting(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: MeetingId,
    ) -> Result<()> {
        let edit = self.internal_edit(principal, municipality).await?;
        let mut current = edit.editable(id).await?;
        // Those invited learn that it will not take place, unless they were told already.
        let called_off = current.data.status == MeetingStatus::CalledOff.code();
        let tenant = edit.writes.tenant(municipality);
        let participants = tenant.participants(&[id]).await?;
        // A meeting with minutes or an attendance list is on record: it is not deleted.
        let attended = participants.iter().any(|p| p.data.attendance.is_some());
        if attended || !tenant.minutes(&[id]).await?.is_empty() {
            return Err(Error::validation("id", CouncilProblem::MeetingOnRecord));
        }
        let invited = participants.iter().any(|p| p.data.invited_at.is_some());
        if invited && !called_off {
            current.data.sequence = current.data.sequence.saturating_add(1);
            current.data.status = MeetingStatus::CalledOff.code().to_owned();
            tenant.update_meeting(id, &current.data).await?;
            edit.notify(self.services, id, invitations::Notice::CallOff, None)
                .await?;
        }
        // Its documents go with it (the database cascades); their files after the commit.
        let tenant = edit.writes.tenant(municipality);
        let items: Vec<AgendaItemId> = tenant
            .agenda_items(&[id])
            .await?
            .iter()
            .map(|i| i.id)
            .collect();
        let files: Vec<DocumentId> = tenant
            .documents(&items)
            .await?
            .iter()
            .map(|d| d.id)
            .collect();
        if !edit.writes.tenant(municipality).delete_meeting(id).await? {
            return Err(Error::NotFound);
        }
        let change = Change::of_municipality(
            &edit.target,
            "meeting.deleted",
            "meeting",
            id,
            summary(&current),
        );
        audit::commit(edit.writes, principal, change).await?;
        documents::forget_files(self.services, &files).await;
        self.services.mail_ready.ring();
        Ok(())
    }

    /// Adds an item to a meeting's agenda, or changes one (`id`), e.g. to record its result.
    /// A called-off meeting gets no new items.
    pub async fn save_agenda_item(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        id: Option<AgendaItemId>,
        input: AgendaItemInput,
    ) -> Result<Meeting> {
        let edit = self.internal_edit(principal, municipality).await?;
        let current = edit.editable(meeting_id).await?;
        let tenant = edit.writes.tenant(municipality);
        let items = tenant.agenda_items(&[meeting_id]).await?;
        let next = items
            .iter()
            .map(|i| i.data.position)
            .max()
            .map_or(1, |p| p.saturating_add(1));
        match id {
            Some(id) => {
                // An item of another meeting is not one of this meeting's.
                let existing = tenant.agenda_item(id).await?;
                let position = existing
                    .filter(|i| i.data.meeting_id == meeting_id)
                    .ok_or(Error::NotFound)?
                    .data
                    .position;
                let data = input.parse(meeting_id, position, current.data.is_public)?;
                if !tenant.update_agenda_item(id, &data).await? {
                    return Err(Error::NotFound);
                }
            }
            None => {
                if current.data.status == MeetingStatus::CalledOff.code() {
                    return Err(Error::validation(
                        "meetingId",
                        CouncilProblem::MeetingCalledOff,
                    ));
                }
                let data = input.parse(meeting_id, next, current.data.is_public)?;
                tenant.insert_agenda_item(data).await?;
            }
        }
        let action = if id.is_some() {
            "agenda_item.updated"
        } else {
            "agenda_item.added"
        };
        edit.finish(principal, meeting_id, action, summary(&current))
            .await
    }

    /// Takes an item off a meeting's agenda.
    pub async fn delete_agenda_item(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        id: AgendaItemId,
    ) -> Result<Meeting> {
        let edit = self.internal_edit(principal, municipality).await?;
        let current = edit.editable(meeting_id).await?;
        let tenant = edit.writes.tenant(municipality);
        let of_meeting = tenant
            .agenda_item(id)
            .await?
            .is_some_and(|i| i.data.meeting_id == meeting_id);
        let files: Vec<DocumentId> = tenant
            .documents(&[id])
            .await?
            .iter()
            .map(|d| d.id)
            .collect();
        if !of_meeting || !tenant.delete_agenda_item(id).await? {
            return Err(Error::NotFound);
        }
        let meeting = edit
            .finish(
                principal,
                meeting_id,
                "agenda_item.deleted",
                summary(&current),
            )
            .await?;
        documents::forget_files(self.services, &files).await;
        Ok(meeting)
    }
}
