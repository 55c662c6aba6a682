//! Invitations to meetings, the invitees' answers from the link in their mail, and the
//! attendance list.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::meetings::{
    AnswerView, AttendanceInput as DomainAttendance, GuestInput as DomainGuest,
};
use praevnet_core::{MeetingId, ParticipantId, PersonId};

use crate::context::ContextExt;
use crate::council::meetings::{Attendance, InvitationResponse, Meeting, MeetingStatus};

/// A guest invited by address.
#[derive(InputObject)]
pub(crate) struct GuestInput {
    name: String,
    email: String,
}

/// What sending the invitations did.
#[derive(SimpleObject)]
pub(crate) struct InvitationsSent {
    meeting: Meeting,
    /// Mails put into the outbox; they leave after the change is saved.
    mails: u32,
    /// Members who get no mail because no address is recorded for them.
    without_email: Vec<String>,
}

/// One line of the attendance list: exactly one of an invitee, a member of the structure,
/// or a guest's name.
#[derive(InputObject)]
pub(crate) struct AttendanceInput {
    participant_id: Option<ID>,
    person_id: Option<ID>,
    guest_name: Option<String>,
    attendance: Attendance,
}

/// The meeting an answer link is for, as its invitee sees it without an account.
#[derive(SimpleObject)]
pub(crate) struct InvitationAnswer {
    municipality_name: String,
    body_name: String,
    title: String,
    date: NaiveDate,
    start_time: Option<String>,
    end_time: Option<String>,
    location: String,
    online_link: Option<String>,
    status: MeetingStatus,
    /// The invitee's name.
    name: String,
    /// The answer given so far.
    response: Option<InvitationResponse>,
}

impl From<AnswerView> for InvitationAnswer {
    fn from(v: AnswerView) -> Self {
        Self {
            municipality_name: v.municipality_name,
            body_name: v.body_name,
            title: v.title,
            date: v.starts_on,
            start_time: v.start_time,
            end_time: v.end_time,
            location: v.location,
            online_link: v.online_link,
            status: v.status.into(),
            name: v.name,
            response: v.response.map(Into::into),
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct InvitationQuery;

#[Object]
impl InvitationQuery {
    /// The meeting an answer link (the part after `#` of the link in the mail) is for; no
    /// login needed.
    async fn invitation_answer(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> async_graphql::Result<InvitationAnswer> {
        let view = ctx.services().council().answer_view(&token).await?;
        Ok(view.into())
    }
}

#[derive(Default, Debug)]
pub(crate) struct InvitationMutation;

#[Object]
impl InvitationMutation {
    /// Invites the body's current members and the given guests: a mail each with the agenda,
    /// an iCalendar invitation and a link to answer, sent after the change is saved. Sent
    /// again, everyone invited gets it again with a new link. Later changes of time or place
    /// and a call-off are sent to the invitees by themselves.
    async fn send_invitations(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        guests: Option<Vec<GuestInput>>,
    ) -> async_graphql::Result<InvitationsSent> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let guests = guests
            .unwrap_or_default()
            .into_iter()
            .map(|g| DomainGuest {
                name: g.name,
                email: g.email,
            })
            .collect();
        let sent = ctx
            .services()
            .council()
            .send_invitations(ctx.principal(), m, meeting, guests)
            .await?;
        Ok(InvitationsSent {
            meeting: Meeting::new(sent.meeting, ctx.request().lang),
            mails: sent.mails,
            without_email: sent.without_email,
        })
    }

    /// Records an invitee's answer from the link in their mail; no login needed.
    async fn answer_invitation(
        &self,
        ctx: &Context<'_>,
        token: String,
        response: InvitationResponse,
    ) -> async_graphql::Result<InvitationAnswer> {
        let view = ctx
            .services()
            .council()
            .answer_invitation(&token, response.into())
            .await?;
        Ok(view.into())
    }

    /// Records who attended (from the meeting's day on); the meeting counts as held.
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        attendance: Vec<AttendanceInput>,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let entries = attendance
            .into_iter()
            .map(|a| {
                Ok(DomainAttendance {
                    participant_id: ctx
                        .optional_id::<ParticipantId>(a.participant_id.as_ref(), "participantId")?,
                    person_id: ctx.optional_id::<PersonId>(a.person_id.as_ref(), "personId")?,
                    guest_name: a.guest_name,
                    attendance: a.attendance.into(),
                })
            })
            .collect::<async_graphql::Result<Vec<_>>>()?;
        let saved = ctx
            .services()
            .council()
            .record_attendance(ctx.principal(), m, meeting, entries)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }
}
