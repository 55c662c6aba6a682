//! Invitations to a meeting: the body's current members and chosen guests get a mail with
//! the agenda and an iCalendar invitation (`REQUEST`, a call-off as `CANCEL`), through the
//! outbox; a change of time or place that invitees were told of is sent again with a raised
//! `SEQUENCE`. Each mail carries a link to answer without an account: a random secret of that
//! one invitee of that one meeting, kept as a hash, working until the meeting's day and
//! replaced by the next mail.

use chrono::{Days, NaiveDate, Utc};
use praevnet_render::ics::{Calendar, Invitation, Method, write};
use praevnet_store::{
    BodyId, MeetingId, MeetingRecord, MunicipalityId, ParticipantData, ParticipantId, PersonId,
};
use uuid::Uuid;

use super::model::new_participant;
use super::{Meeting, MeetingEdit, MeetingStatus, Response, meeting_view};
use crate::accounts::token;
use crate::council::structure::{Structure, today};
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::email::EmailAddress;
use crate::kernel::mail::{CalendarPart, Mail};
use crate::kernel::outbox::queued;
use crate::kernel::text::required_text;
use crate::{Error, Principal, Result, Services};

/// A guest invited by address.
#[derive(Clone, Debug)]
pub struct GuestInput {
    pub name: String,
    pub email: String,
}

/// The people who hold any membership of `body` on `on` (seated or advising), each once.
pub(super) fn current_members(structure: &Structure, body: BodyId, on: NaiveDate) -> Vec<PersonId> {
    let mut members: Vec<PersonId> = structure
        .memberships
        .iter()
        .filter(|m| m.body == body && m.is_active(on))
        .map(|m| m.person)
        .collect();
    members.sort();
    members.dedup();
    members
}

/// What sending the invitations did.
#[derive(Clone, Debug)]
pub struct InvitationsSent {
    pub meeting: Meeting,
    /// Mails put into the outbox.
    pub mails: u32,
    /// Members who get no mail because no address is recorded for them.
    pub without_email: Vec<String>,
}

/// What a mail tells the invitee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Notice {
    Invitation,
    Change,
    CallOff,
}

/// The meeting as its answer link shows it, to someone without an account.
#[derive(Clone, Debug)]
pub struct AnswerView {
    pub municipality_name: String,
    pub body_name: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: String,
    pub online_link: Option<String>,
    pub status: MeetingStatus,
    pub name: String,
    pub response: Option<Response>,
}

/// The host part of the public address: UIDs of meetings are `<id>@<host>` in feeds and
/// invitations alike, so that a calendar app matches them.
pub fn calendar_host(public_url: &str) -> &str {
    let rest = public_url.split_once("://").map_or(public_url, |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or(rest)
}

impl Services {
    /// The host name in the UIDs of meetings.
    pub fn calendar_host(&self) -> &str {
        calendar_host(&self.public_url)
    }
}

fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

fn when(meeting: &Meeting) -> String {
    match (&meeting.start_time, &meeting.end_time) {
        (Some(start), Some(end)) => format!("{}, {start}–{end}", date_de(meeting.starts_on)),
        (Some(start), None) => format!("{}, {start}", date_de(meeting.starts_on)),
        _ => date_de(meeting.starts_on),
    }
}

/// The mail of one notice to one invitee: German first, English second.
fn notice_mail(
    services: &Services,
    meeting: &Meeting,
    notice: Notice,
    name: &str,
    email: &str,
    link: Option<&str>,
) -> Mail {
    let title = meeting.numbered_title();
    let (subject_de, subject_en, lead_de, lead_en) = match notice {
        Notice::Invitation => (
            "Einladung",
            "Invitation",
            format!("{} lädt Sie ein zur Sitzung", meeting.body_name),
            format!("{} invites you to the meeting", meeting.body_name),
        ),
        Notice::Change => (
            "Geänderte Einladung",
            "Changed invitation",
            "die Sitzung wurde geändert".to_owned(),
            "the meeting has changed".to_owned(),
        ),
        Notice::CallOff => (
            "Absage",
            "Called off",
            "die Sitzung wurde abgesagt".to_owned(),
            "the meeting has been called off".to_owned(),
        ),
    };
    let mut place = meeting.location.clone();
    if let Some(link) = &meeting.online_link {
        if !place.is_empty() {
            place.push_str(" / ");
        }
        place.push_str(link);
    }
    let agenda: String = meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(n, item)| format!("  {}. {}\n", n + 1, item.title))
        .collect();
    let agenda = if agenda.is_empty() {
        String::new()
    } else {
        format!("\nTagesordnung / Agenda:\n{agenda}")
    };
    let topic = if meeting.topic.is_empty() {
        String::new()
    } else {
        format!("\n{}\n", meeting.topic)
    };
    let answer = match link {
        Some(link) => format!(
            "\nBitte antworten Sie (Zusage, Absage, vielleicht) über diesen Link, ohne Anmeldung:\n\
             Please answer (yes, no, maybe) with this link, no login needed:\n{link}\n"
        ),
        None => String::new(),
    };
    let (attached_de, attached_en) = if notice == Notice::CallOff {
        (
            "Die Absage liegt als Kalendereintrag bei.",
            "The call-off is attached as a calendar entry.",
        )
    } else {
        (
            "Die Einladung liegt als Kalendereintrag bei.",
            "The invitation is attached as a calendar entry.",
        )
    };
    let text = format!(
        "Guten Tag {name},\n\n{lead_de}:\n\n  {title}\n  {when}\n  {place}\n{topic}{agenda}{answer}\n\
         {attached_de}\n\n---\n\n\
         Hello {name},\n\n{lead_en}:\n\n  {title}\n  {when}\n  {place}\n\n\
         {attached_en}\n",
        when = when(meeting),
    );
    let method = if notice == Notice::CallOff {
        Method::Cancel
    } else {
        Method::Request
    };
    let organizer = services
        .mailer
        .as_deref()
        .map_or("noreply@localhost", |m| m.sender());
    let calendar = write(&Calendar {
        name: None,
        method,
        host: services.calendar_host(),
        events: &[meeting.event()],
        invitation: Some(Invitation {
            organizer,
            attendee_name: name,
            attendee_email: email,
        }),
        now: Utc::now(),
    });
    Mail {
        to: email.to_owned(),
        subject: format!(
            "{subject_de}: {title} am {} / {subject_en}",
            date_de(meeting.starts_on)
        ),
        text,
        calendar: Some(CalendarPart {
            method: method.code().to_owned(),
            text: calendar,
        }),
        message_id: None,
    }
}

/// A new answer link for `meeting`'s invitee: the token handed out (the municipality, so that
/// the link finds its tenant, and the secret) and the hash kept.
fn answer_token(municipality: MunicipalityId) -> (String, String) {
    let secret = token::generate();
    let hash = token::stored_hash(&secret);
    (
        format!("{}.{secret}", municipality.as_uuid().simple()),
        hash,
    )
}

impl MeetingEdit {
    /// Tells the invited participants of `meeting_id` of a change or a call-off: a mail each
    /// through the outbox, with a fresh answer link unless it is a call-off. `only` limits it
    /// to some participants (those just invited). Answers how many mails were queued.
    pub(super) async fn notify(
        &self,
        services: &Services,
        meeting_id: MeetingId,
        notice: Notice,
        only: Option<&[ParticipantId]>,
    ) -> Result<u32> {
        let tenant = self.writes.tenant(self.target.id);
        let view = meeting_view(self, meeting_id).await?;
        let expires = view.starts_on;
        let mut mails = Vec::new();
        for participant in tenant.participants(&[meeting_id]).await? {
            let chosen = only.is_none_or(|ids| ids.contains(&participant.id));
            let told = notice == Notice::Invitation || participant.data.invited_at.is_some();
            let Some(email) = participant.data.email.clone().filter(|_| chosen && told) else {
                continue;
            };
            let mut data = participant.data.clone();
            // A call-off keeps the last link working, so that it says the meeting is off.
            let link = if notice == Notice::CallOff {
                None
            } else {
                let (token, hash) = answer_token(self.target.id);
                data.token_hash = Some(hash);
                data.token_expires_on = Some(expires);
                Some(format!("{}/teilnahme#{token}", services.public_url))
            };
            data.invited_at = data.invited_at.or(Some(Utc::now()));
            tenant.update_participant(participant.id, &data).await?;
            let mail = notice_mail(services, &view, notice, &data.name, &email, link.as_deref());
            mails.push(queued(Some(self.target.id), mail));
        }
        let count = u32::try_from(mails.len()).unwrap_or(u32::MAX);
        self.writes.outbox().enqueue(mails).await?;
        Ok(count)
    }
}

/// What a saved meeting tells those already invited: nothing, a change, or a call-off.
pub(super) fn notice_of_change(before: &MeetingRecord, after: &MeetingRecord) -> Option<Notice> {
    let (b, a) = (&before.data, &after.data);
    let called_off = MeetingStatus::CalledOff.code();
    if a.status == called_off {
        return (b.status != called_off).then_some(Notice::CallOff);
    }
    let moved = b.title != a.title
        || b.starts_on != a.starts_on
        || b.start_time != a.start_time
        || b.end_time != a.end_time
        || b.location != a.location
        || b.online_link != a.online_link
        || b.status == called_off;
    moved.then_some(Notice::Change)
}

/// A guest's address is a field of the guest list.
fn at_guests(err: Error) -> Error {
    match err {
        Error::Validation { problem, .. } => Error::Validation {
            field: "guests",
            problem,
        },
        other => other,
    }
}

impl CouncilWork<'_> {
    /// Invites the body's current members and `guests` to a meeting: a mail each with the
    /// agenda, an iCalendar invitation and an answer link, sent after the commit. Sent again,
    /// everyone invited gets the invitation again (with a new link; the old one ends).
    pub async fn send_invitations(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        guests: Vec<GuestInput>,
    ) -> Result<InvitationsSent> {
        let edit = self.internal_edit(principal, municipality).await?;
        let mut current = edit.editable(meeting_id).await?;
        if current.data.status == MeetingStatus::CalledOff.code() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MeetingCalledOff,
            ));
        }
        if current.data.starts_on < today() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::InvitationAfterMeeting,
            ));
        }
        let mut guest_list: Vec<(String, EmailAddress)> = Vec::new();
        for guest in guests {
            let name = required_text("guests", &guest.name, 200)?;
            let email = EmailAddress::parse(&guest.email).map_err(at_guests)?;
            if guest_list.iter().any(|(_, e)| *e == email) {
                return Err(Error::validation(
                    "guests",
                    CouncilProblem::GuestTwice {
                        email: email.as_str().to_owned(),
                    },
                ));
            }
            guest_list.push((name, email));
        }
        if self.services.mailer.is_none() {
            return Err(Error::MailNotConfigured);
        }
        let tenant = edit.writes.tenant(municipality);
        let existing = tenant.participants(&[meeting_id]).await?;
        let mut invitees = Vec::new();
        let mut without_email = Vec::new();
        let members = current_members(&edit.structure, current.data.body_id, today());
        for person in members {
            let Some(data) = edit.structure.person(person) else {
                continue;
            };
            if data.email.is_none() {
                without_email.push(data.name.clone());
            }
            match existing.iter().find(|p| p.data.person_id == Some(person)) {
                Some(p) => {
                    // The address may have changed since the last invitation.
                    let mut updated = p.data.clone();
                    updated.email.clone_from(&data.email);
                    tenant.update_participant(p.id, &updated).await?;
                    invitees.push(p.id);
                }
                None => {
                    let row = new_participant(
                        meeting_id,
                        Some(person),
                        data.name.clone(),
                        data.email.clone(),
                    );
                    invitees.push(tenant.insert_participant(row).await?.id);
                }
            }
        }
        for (name, email) in guest_list {
            let known = existing
                .iter()
                .find(|p| p.data.email.as_deref() == Some(email.as_str()));
            match known {
                Some(p) => invitees.push(p.id),
                None => {
                    let row =
                        new_participant(meeting_id, None, name, Some(email.as_str().to_owned()));
                    invitees.push(tenant.insert_participant(row).await?.id);
                }
            }
        }
        // Guests invited before are invited again too.
        let again: Vec<ParticipantId> = existing
            .iter()
            .filter(|p| p.data.is_guest && p.data.invited_at.is_some() && !invitees.contains(&p.id))
            .map(|p| p.id)
            .collect();
        invitees.extend(again);
        if current.data.status == MeetingStatus::Planned.code() {
            current.data.status = MeetingStatus::Invited.code().to_owned();
            tenant.update_meeting(meeting_id, &current.data).await?;
        }
        let mails = edit
            .notify(
                self.services,
                meeting_id,
                Notice::Invitation,
                Some(&invitees),
            )
            .await?;
        let summary = format!("{} ({mails} E-Mails)", super::summary(&current));
        let meeting = edit
            .finish(principal, meeting_id, "meeting.invitations_sent", summary)
            .await?;
        self.services.mail_ready.ring();
        Ok(InvitationsSent {
            meeting,
            mails,
            without_email,
        })
    }

    /// The meeting an answer link is for, as the invitee sees it.
    pub async fn answer_view(&self, token: &str) -> Result<AnswerView> {
        let (municipality, participant) = self.answering(token).await?;
        self.answer_view_of(municipality, participant.data.meeting_id, &participant.data)
            .await
    }

    /// Records an invitee's answer from the link in their mail; no account needed.
    pub async fn answer_invitation(&self, token: &str, response: Response) -> Result<AnswerView> {
        let (municipality, participant) = self.answering(token).await?;
        let tenant = self.services.store.tenant(municipality);
        let meeting = tenant
            .meeting(participant.data.meeting_id)
            .await?
            .ok_or(Error::NotFound)?;
        if meeting.data.status == MeetingStatus::CalledOff.code() {
            return Err(Error::validation("token", CouncilProblem::AnswerCalledOff));
        }
        let mut data = participant.data;
        data.response = response.code().to_owned();
        data.responded_at = Some(Utc::now());
        tenant.update_participant(participant.id, &data).await?;
        tracing::info!(meeting = %meeting.id, answer = response.code(), "invitation answered");
        self.answer_view_of(municipality, meeting.id, &data).await
    }

    /// The invitee an answer link belongs to, if it works today.
    async fn answering(
        &self,
        token: &str,
    ) -> Result<(MunicipalityId, praevnet_store::ParticipantRecord)> {
        let unknown = || Error::validation("token", CouncilProblem::AnswerLinkUnknown);
        let (tenant_part, secret) = token.trim().split_once('.').ok_or_else(unknown)?;
        let municipality = Uuid::try_parse(tenant_part)
            .map(MunicipalityId::from_uuid)
            .map_err(|_| unknown())?;
        if secret.len() != 64 {
            return Err(unknown());
        }
        let participant = self
            .services
            .store
            .tenant(municipality)
            .participant_by_token(&token::stored_hash(secret))
            .await?
            .ok_or_else(unknown)?;
        let expires = participant.data.token_expires_on.ok_or_else(unknown)?;
        // The link works through the day after the meeting (dates in UTC; Germany is one to
        // two hours ahead, so never less than the meeting's whole day).
        if today() > expires.checked_add_days(Days::new(1)).unwrap_or(expires) {
            return Err(Error::validation(
                "token",
                CouncilProblem::AnswerLinkExpired,
            ));
        }
        Ok((municipality, participant))
    }

    async fn answer_view_of(
        &self,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        participant: &ParticipantData,
    ) -> Result<AnswerView> {
        let tenant = self.services.store.tenant(municipality);
        let record = tenant.meeting(meeting_id).await?.ok_or(Error::NotFound)?;
        let structure = tenant.structure().await?;
        let body_name = structure
            .bodies
            .iter()
            .find(|b| b.id == record.data.body_id)
            .map(|b| b.data.name.clone())
            .unwrap_or_default();
        let municipality_name = self
            .services
            .registry()
            .municipality(&Principal::Anonymous, municipality)
            .await?
            .name;
        Ok(AnswerView {
            municipality_name,
            body_name,
            title: match record.data.number {
                Some(n) => format!("{n}. {}", record.data.title),
                None => record.data.title,
            },
            starts_on: record.data.starts_on,
            start_time: record.data.start_time,
            end_time: record.data.end_time,
            location: record.data.location,
            online_link: record.data.online_link,
            status: MeetingStatus::parse(&record.data.status).unwrap_or(MeetingStatus::Planned),
            name: participant.name.clone(),
            response: Response::parse(&participant.response),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_host_is_the_public_address_without_scheme_port_or_path() {
        assert_eq!(
            super::calendar_host("https://praevnet.sachsen.de/"),
            "praevnet.sachsen.de"
        );
        assert_eq!(super::calendar_host("http://127.0.0.1:8080"), "127.0.0.1");
    }
}
