//! Meetings of a council's bodies.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use praevnet_core::council::meetings::{Meeting as DomainMeeting, MeetingInput as DomainInput};
use praevnet_core::{BodyId, MeetingId};

use crate::context::ContextExt;
use crate::ids::id_of;

/// A meeting (Sitzung) of a body.
#[derive(SimpleObject)]
pub(crate) struct Meeting {
    id: ID,
    body_id: ID,
    body_name: String,
    title: String,
    date: NaiveDate,
    /// `HH:MM`, local time.
    start_time: Option<String>,
    location: String,
    cancelled: bool,
    /// Whether the caller may change it.
    editable: bool,
}

impl From<DomainMeeting> for Meeting {
    fn from(m: DomainMeeting) -> Self {
        Self {
            id: id_of(m.id),
            body_id: id_of(m.body_id),
            body_name: m.body_name,
            title: m.title,
            date: m.starts_on,
            start_time: m.start_time,
            location: m.location,
            cancelled: m.cancelled,
            editable: m.editable,
        }
    }
}

#[derive(InputObject)]
pub(crate) struct MeetingInput {
    body_id: ID,
    title: String,
    date: NaiveDate,
    /// `HH:MM`.
    start_time: Option<String>,
    #[graphql(default)]
    location: String,
    #[graphql(default)]
    cancelled: bool,
}

#[derive(Default, Debug)]
pub(crate) struct MeetingQuery;

#[Object]
impl MeetingQuery {
    /// A council's meetings the caller may see, by date; from `since` on when given.
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
        Ok(found.into_iter().map(Meeting::from).collect())
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
            location: input.location,
            cancelled: input.cancelled,
        };
        let saved = ctx
            .services()
            .council()
            .save_meeting(ctx.principal(), m, id, input)
            .await?;
        Ok(saved.into())
    }
}
