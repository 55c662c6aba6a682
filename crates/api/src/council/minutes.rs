//! Minutes of meetings: written per agenda item, circulated for review, approved and frozen,
//! corrected as a new version. The document itself is downloaded at
//! `/niederschrift/{municipalityId}/{meetingId}` (`?fassung=N` for an older version).

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use praevnet_core::council::meetings::{Minutes as DomainMinutes, MinutesInput as DomainInput};
use praevnet_core::{AgendaItemId, Lang, MeetingId};

use crate::context::ContextExt;
use crate::council::meetings::Meeting;
use crate::ids::id_of;

/// Where a version of the minutes stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "praevnet_core::council::meetings::MinutesStatus")]
pub(crate) enum MinutesStatus {
    Draft,
    Circulated,
    Approved,
}

/// The text of one agenda item.
#[derive(SimpleObject)]
pub(crate) struct MinutesEntry {
    /// Null once the item was taken off the agenda.
    agenda_item_id: Option<ID>,
    /// The item's title as it was when the entry was written.
    title: String,
    text: String,
}

/// A version of a meeting's minutes (Niederschrift).
#[derive(SimpleObject)]
pub(crate) struct Minutes {
    id: ID,
    version: i32,
    status: MinutesStatus,
    /// The status in the caller's language.
    status_label: String,
    /// The general part: opening, quorum, closing.
    notes: String,
    circulated_at: Option<DateTime<Utc>>,
    approved_on: Option<NaiveDate>,
    entries: Vec<MinutesEntry>,
}

impl Minutes {
    pub(crate) fn new(m: DomainMinutes, lang: Lang) -> Self {
        Self {
            id: id_of(m.id),
            version: m.version,
            status: m.status.into(),
            status_label: m.status.label(lang).to_owned(),
            notes: m.notes,
            circulated_at: m.circulated_at,
            approved_on: m.approved_on,
            entries: m
                .entries
                .into_iter()
                .map(|e| MinutesEntry {
                    agenda_item_id: e.agenda_item_id.map(id_of),
                    title: e.title,
                    text: e.text,
                })
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub(crate) struct MinutesEntryInput {
    agenda_item_id: ID,
    text: String,
}

#[derive(InputObject)]
pub(crate) struct MinutesInput {
    #[graphql(default)]
    notes: String,
    /// Texts per agenda item; an item left out keeps its text.
    #[graphql(default)]
    entries: Vec<MinutesEntryInput>,
}

#[derive(Default, Debug)]
pub(crate) struct MinutesMutation;

#[Object]
impl MinutesMutation {
    /// Writes the minutes of a meeting that took place: the first version as a draft, later
    /// changes of the draft or of the version out for review. Approved minutes are frozen.
    async fn save_minutes(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        input: MinutesInput,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let entries = input
            .entries
            .into_iter()
            .map(|e| {
                Ok((
                    ctx.id::<AgendaItemId>(&e.agenda_item_id, "agendaItemId")?,
                    e.text,
                ))
            })
            .collect::<async_graphql::Result<Vec<_>>>()?;
        let input = DomainInput {
            notes: input.notes,
            entries,
        };
        let saved = ctx
            .services()
            .council()
            .save_minutes(ctx.principal(), m, meeting, input)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Sends the draft to the body's current members for review, by mail.
    async fn circulate_minutes(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let saved = ctx
            .services()
            .council()
            .circulate_minutes(ctx.principal(), m, meeting)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Records the body's approval of the minutes on a date; they are frozen from then.
    async fn approve_minutes(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
        approved_on: NaiveDate,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let saved = ctx
            .services()
            .council()
            .approve_minutes(ctx.principal(), m, meeting, approved_on)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }

    /// Starts a correction of approved minutes as a new draft version; the approved one stays.
    async fn correct_minutes(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        meeting_id: ID,
    ) -> async_graphql::Result<Meeting> {
        let m = ctx.municipality(&municipality_id)?;
        let meeting = ctx.id::<MeetingId>(&meeting_id, "meetingId")?;
        let saved = ctx
            .services()
            .council()
            .correct_minutes(ctx.principal(), m, meeting)
            .await?;
        Ok(Meeting::new(saved, ctx.request().lang))
    }
}
