//! Meetings of a council's bodies.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::NaiveDate;
use praevnet_core::council::meetings::{Meeting as DomainMeeting, MeetingInput as DomainInput};
use praevnet_core::{BodyId, MeetingId};

use crate::context::ContextExt;
use crate::error::ResultExt;

/// A meeting (Sitzung) of a body.
pub(crate) struct Meeting(DomainMeeting);

#[Object]
impl Meeting {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn body_id(&self) -> ID {
        ID(self.0.body_id.to_string())
    }
    async fn body_name(&self) -> &str {
        &self.0.body_name
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn date(&self) -> NaiveDate {
        self.0.starts_on
    }
    /// `HH:MM`, local time.
    async fn start_time(&self) -> Option<&str> {
        self.0.start_time.as_deref()
    }
    async fn location(&self) -> &str {
        &self.0.location
    }
    async fn cancelled(&self) -> bool {
        self.0.cancelled
    }
    /// Whether the caller may change it.
    async fn editable(&self) -> bool {
        self.0.editable
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
            .await
            .gql(ctx)?;
        Ok(found.into_iter().map(Meeting).collect())
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
            .await
            .gql(ctx)?;
        Ok(Meeting(saved))
    }
}
