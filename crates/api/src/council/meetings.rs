//! Meetings of a council's bodies and their agendas.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::meetings::{
    AgendaItem as DomainItem, AgendaItemInput as DomainItemInput, Meeting as DomainMeeting,
    MeetingInput as DomainInput, Participant as DomainParticipant,
};
use praevnet_core::{AgendaItemId, BodyId, DocumentId, Lang, MeetingId};

use crate::context::ContextExt;
use crate::council::minutes::Minutes;
use crate::ids::id_of;

/// Where a meeting stands: planned, invited, held or called off.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::meetings::MeetingStatus")]
pub(crate) enum MeetingStatus {
    Planned,
    Invited,
    Held,
    CalledOff,
}

/// A document on an agenda item; its file is at `/api/kommunen/{municipalityId}/dokumente/{id}`.
#[derive(SimpleObject)]
pub(crate) struct AgendaDocument {
    id: ID,
    file_name: String,
    content_type: String,
    size_bytes: i64,
}

/// An item of a meeting's agenda (Tagesordnungspunkt).
#[derive(SimpleObject)]
pub(crate) struct AgendaItem {
    id: ID,
    position: i32,
    title: String,
    description: String,
    presenter: Option<String>,
    /// Discussed in public; the public sees only public items of public meetings.
    public: bool,
    /// The item's result or decision.
    result: String,
    /// Documents to read before or after the meeting; upload with `POST
    /// /api/kommunen/{municipalityId}/sitzungen/{meetingId}/tagesordnung/{id}/dokumente?name=`.
    documents: Vec<AgendaDocument>,
}

impl From<DomainItem> for AgendaItem {
    fn from(i: DomainItem) -> Self {
        Self {
            id: id_of(i.id),
            position: i.position,
            title: i.title,
            description: i.description,
            presenter: i.presenter,
            public: i.public,
            result: i.result,
            documents: i
                .documents
                .into_iter()
                .map(|d| AgendaDocument {
                    id: id_of(d.id),
                    file_name: d.file_name,
                    content_type: d.content_type,
                    size_bytes: d.size_bytes,
                })
                .collect(),
        }
    }
}

/// An invitee's answer.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::meetings::Response")]
pub(crate) enum InvitationResponse {
    Yes,
    No,
    Maybe,
}

/// Whether a participant was there.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::meetings::Attendance")]
pub(crate) enum Attendance {
    Present,
    Excused,
    Absent,
}

/// A member or guest invited to a meeting or recorded as taking part; the body's members
/// and those who edit the meeting see them, the address only the latter.
#[derive(SimpleObject)]
pub(crate) struct Participant {
    id: ID,
    /// The member of the structure; null for a guest.
    person_id: Option<ID>,
    name: String,
    email: Option<String>,
    guest: bool,
    /// Whether an invitation was sent.
    invited: bool,
    response: Option<InvitationResponse>,
    /// The answer in the caller's language.
    response_label: Option<String>,
    attendance: Option<Attendance>,
    /// The attendance in the caller's language.
    attendance_label: Option<String>,
}

impl Participant {
    fn new(p: DomainParticipant, lang: Lang) -> Self {
        Self {
            id: id_of(p.id),
            person_id: p.person_id.map(id_of),
            name: p.name,
            email: p.email,
            guest: p.guest,
            invited: p.invited,
            response: p.response.map(Into::into),
            response_label: p.response.map(|r| r.label(lang).to_owned()),
            attendance: p.attendance.map(Into::into),
            attendance_label: p.attendance.map(|a| a.label(lang).to_owned()),
        }
    }
}

/// A meeting (Sitzung) of a body.
#[derive(SimpleObject)]
pub(crate) struct Meeting {
    id: ID,
    body_id: ID,
    body_name: String,
    title: String,
    date: NaiveDate,
    /// `HH:MM`, local time; so is `endTime`.
    start_time: Option<String>,
    end_time: Option<String>,
    location: String,
    /// Where to join online.
    online_link: Option<String>,
    /// Open to the public (for a public body's meeting); internal otherwise.
    public: bool,
    status: MeetingStatus,
    /// The status in the caller's language.
    status_label: String,
    topic: String,
    /// The meeting's number in its body's series.
    number: Option<u32>,
    /// The items the caller may see, in order.
    agenda: Vec<AgendaItem>,
    /// Invitees and attendance, for the body's members and those who edit the meeting.
    participants: Vec<Participant>,
    /// Versions of the minutes, newest first: for the body's members and editors.
    minutes: Vec<Minutes>,
    /// Whether the caller may change it.
    editable: bool,
}

impl Meeting {
    pub(crate) fn new(m: DomainMeeting, lang: Lang) -> Self {
        Self {
            id: id_of(m.id),
            body_id: id_of(m.body_id),
            body_name: m.body_name,
            title: m.title,
            date: m.starts_on,
            start_time: m.start_time,
            end_time: m.end_time,
            location: m.location,
            online_link: m.online_link,
            public: m.public,
            status: m.status.into(),
            status_label: m.status.label(lang).to_owned(),
            topic: m.topic,
            number: m.number,
            agenda: m.agenda.into_iter().map(AgendaItem::from).collect(),
            participants: m
                .participants
                .into_iter()
                .map(|p| Participant::new(p, lang))
                .collect(),
            minutes: m
                .minutes
                .into_iter()
                .map(|v| Minutes::new(v, lang))
                .collect(),
            editable: m.editable,
        }
    }
}

/// One body's year against its cadence (`meetingsPerYear`).
#[derive(SimpleObject)]
pub(crate) struct MeetingPlanRow {
    body_id: ID,
    body_name: String,
    /// How often the body meets by its configuration.
    per_year: u32,
    /// The year's meetings that were not called off, held or to come.
    meetings: u32,
    /// Fewer meetings than the cadence asks for.
    behind: bool,
}

#[derive(InputObject)]
pub(crate) struct MeetingInput {
    body_id: ID,
    title: String,
    date: NaiveDate,
    /// `HH:MM`; so is `endTime`, which needs a start before it.
    start_time: Option<String>,
    end_time: Option<String>,
    #[graphql(default)]
    location: String,
    /// A web address (`https://…`) to join online.
    online_link: Option<String>,
    /// Open to the public; left out, as public as the body.
    public: Option<bool>,
    #[graphql(default_with = "MeetingStatus::Planned")]
    status: MeetingStatus,
    #[graphql(default)]
    topic: String,
    /// The number in the body's series (see `nextMeetingNumber`).
    number: Option<u32>,
}

#[derive(InputObject)]
pub(crate) struct AgendaItemInput {
    /// Where the item stands; a new item without one goes to the end.
    position: Option<u32>,
    title: String,
    #[graphql(default)]
    description: String,
    presenter: Option<String>,
    /// Discussed in public; left out, as public as the meeting.
    public: Option<bool>,
    #[graphql(default)]
    result: String,
}

impl From<AgendaItemInput> for DomainItemInput {
    fn from(i: AgendaItemInput) -> Self {
        Self {
            position: i.position,
            title: i.title,
            description: i.description,
            presenter: i.presenter,
            public: i.public,
            result: i.result,
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct MeetingQuery;

#[Object]
impl MeetingQuery {
    /// A council's meetings the caller may see, by date; from `since` on when given.
    #[graphql(complexity = "10 + child_complexity")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        since: Option<NaiveDate>,
    ) -> async_graphql::Result<Vec<Meeting>> {
        let m = ctx.municipality(&municipality_id)?;
        let found = ctx
            .services()
            .council()
            .meetings(ctx.principal(), m, since)
            .await?;
        let lang = ctx.request().lang;
        Ok(found.into_iter().map(|m| Meeting::new(m, lang)).collect())
    }

    /// The meeting plan of a year: each body with a cadence that the caller sees, its
    /// meetings in the year, and whether it falls behind.
    #[graphql(complexity = "10 + child_complexity")]
    async fn meeting_plan(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        year: i32,
    ) -> async_graphql::Result<Vec<MeetingPlanRow>> {
        let m = ctx.municipality(&municipality_id)?;
        let rows = ctx
            .services()
            .council()
            .meeting_plan(ctx.principal(), m, year)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| MeetingPlanRow {
                behind: r.behind(),
                body_id: id_of(r.body_id),
                body_name: r.body_name,
                per_year: r.per_year,
                meetings: r.meetings,
            })
            .collect())
    }

    /// The number the next meeting of a body gets in its series (the last one's plus one);
    /// null while the body's meetings are not numbered. For those who record its meetings.
    async fn next_meeting_number(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        body_id: ID,
    ) -> async_graphql::Result<Option<u32>> {
        let m = ctx.municipality(&municipality_id)?;
        let body = ctx.id::<BodyId>(&body_id, "bodyId")?;
        Ok(ctx
            .services()
            .council()
            .next_meeting_number(ctx.principal(), m, body)
            .await?)
    }
}

#[derive(Default, Debug)]
pub(crate) struct MeetingMutation;

#[Object]
impl MeetingMutation {
    /// Records a meeting, or changes one when `id` is given (managers, the body's leads).
    async fn save_meeting(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: Option<ID>,
        input: MeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.optional_id::<MeetingId>(id.as_ref(), "id")?;
        let input = DomainInput {
            body_id: ctx.id::<BodyId>(&input.body_id, "bodyId")?,
            title: input.title,
            starts_on: input.date,
            start_time: input.start_time,
            end_time: input.end_time,
            location: input.location,
            online_link: input.online_link,
            public: input.public,
            status: input.status.into(),
            topic: input.topic,
            number: input.number,
        };
        let saved = ctx
            .services()
            .council()
            .save_meeting(ctx.principal(), m, id, input)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Deletes a meeting recorded in error, with its agenda; one that will not take place is
    /// called off instead (`status: CALLED_OFF`).
    async fn delete_meeting(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        id: ID,
    ) -> async_graphql::Result<bool> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<MeetingId>(&id, "id")?;
        ctx.services()
            .council()
            .delete_meeting(ctx.principal(), m, id)
            .await?;
        Ok(true)
    }

    /// Adds an item to a meeting's agenda, or changes one when `id` is given (e.g. to record
    /// its result); answers with the meeting.
    async fn save_agenda_item(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        id: Option<ID>,
        input: AgendaItemInput,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let id = ctx.optional_id::<AgendaItemId>(id.as_ref(), "id")?;
        let saved = ctx
            .services()
            .council()
            .save_agenda_item(ctx.principal(), m, meeting, id, input.into())
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Removes a document from an agenda item of the meeting; answers with the meeting.
    async fn delete_agenda_document(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        id: ID,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let id = ctx.id::<DocumentId>(&id, "id")?;
        let saved = ctx
            .services()
            .council()
            .delete_agenda_document(ctx.principal(), m, meeting, id)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Takes an item off a meeting's agenda; answers with the meeting.
    async fn delete_agenda_item(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        id: ID,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let id = ctx.id::<AgendaItemId>(&id, "id")?;
        let saved = ctx
            .services()
            .council()
            .delete_agenda_item(ctx.principal(), m, meeting, id)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }
}
