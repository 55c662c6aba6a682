//! Who attended a meeting: invitees, members who were not invited, and guests who came.
//! Recording attendance marks the meeting as held.

use praevnet_store::{MeetingId, MunicipalityId, ParticipantData, ParticipantId, PersonId};

use super::model::new_participant;
use super::{Attendance, Meeting, MeetingStatus};
use crate::council::structure::today;
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::text::required_text;
use crate::{Error, Principal, Result};

/// One line of the attendance list: an invitee, a member of the structure, or a guest by name.
#[derive(Clone, Debug)]
pub struct AttendanceInput {
    pub participant_id: Option<ParticipantId>,
    pub person_id: Option<PersonId>,
    pub guest_name: Option<String>,
    pub attendance: Attendance,
}

impl CouncilWork<'_> {
    /// Records who attended, from the meeting's day on; the meeting counts as held.
    pub async fn record_attendance(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        entries: Vec<AttendanceInput>,
    ) -> Result<Meeting> {
        let edit = self.internal_edit(principal, municipality).await?;
        let mut current = edit.editable(meeting_id).await?;
        if current.data.status == MeetingStatus::CalledOff.code() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MeetingCalledOff,
            ));
        }
        if current.data.starts_on > today() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::AttendanceBeforeMeeting,
            ));
        }
        let tenant = edit.writes.tenant(municipality);
        let mut participants = tenant.participants(&[meeting_id]).await?;
        for entry in entries {
            let attendance = Some(entry.attendance.code().to_owned());
            // An invitee or a member already listed is updated; anyone else is added.
            let (known, person_id, name, is_guest) =
                match (entry.participant_id, entry.person_id, &entry.guest_name) {
                    (Some(id), None, None) => {
                        let at = participants.iter().position(|p| p.id == id);
                        (Some(at.ok_or(Error::NotFound)?), None, String::new(), false)
                    }
                    (None, Some(person), None) => {
                        let member = edit.structure.person(person).ok_or(Error::NotFound)?;
                        let at = participants
                            .iter()
                            .position(|p| p.data.person_id == Some(person));
                        (at, Some(person), member.name.clone(), false)
                    }
                    (None, None, Some(name)) => {
                        let name = required_text("attendance", name, 200)?;
                        // A guest named again is the guest already listed.
                        let at = participants
                            .iter()
                            .position(|p| p.data.is_guest && p.data.name == name);
                        (at, None, name, true)
                    }
                    _ => {
                        return Err(Error::validation(
                            "attendance",
                            CouncilProblem::AttendanceWhom,
                        ));
                    }
                };
            match known {
                Some(at) => {
                    let p = &mut participants[at];
                    p.data.attendance = attendance;
                    tenant.update_participant(p.id, &p.data).await?;
                }
                None => {
                    let row = ParticipantData {
                        is_guest,
                        attendance,
                        ..new_participant(meeting_id, person_id, name, None)
                    };
                    participants.push(tenant.insert_participant(row).await?);
                }
            }
        }
        if current.data.status != MeetingStatus::Held.code() {
            current.data.status = MeetingStatus::Held.code().to_owned();
            tenant.update_meeting(meeting_id, &current.data).await?;
        }
        let summary = super::summary(&current);
        edit.finish(
            principal,
            meeting_id,
            "meeting.attendance_recorded",
            summary,
        )
        .await
    }
}
