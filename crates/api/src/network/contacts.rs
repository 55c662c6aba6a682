//! Contact between cities about a published practice.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use praevnet_core::network::contacts::Thread;
use praevnet_core::{PracticeId, ThreadId};

use crate::context::ContextExt;

/// A conversation with another city about a practice, as one city sees it.
#[derive(SimpleObject)]
pub(crate) struct ContactThread {
    id: ID,
    other_municipality_id: ID,
    other_municipality_name: String,
    practice_id: ID,
    practice_title: String,
    messages: Vec<ContactMessage>,
}

#[derive(SimpleObject)]
pub(crate) struct ContactMessage {
    /// Whether the city looking at it sent it.
    sent: bool,
    sender_name: String,
    body: String,
    created_at: DateTime<Utc>,
}

fn thread(t: Thread) -> ContactThread {
    ContactThread {
        id: ID(t.id.to_string()),
        other_municipality_id: ID(t.other_municipality_id.to_string()),
        other_municipality_name: t.other_municipality_name,
        practice_id: ID(t.practice_id.to_string()),
        practice_title: t.practice_title,
        messages: t
            .messages
            .into_iter()
            .map(|m| ContactMessage {
                sent: m.sent,
                sender_name: m.sender_name,
                body: m.body,
                created_at: m.created_at,
            })
            .collect(),
    }
}

#[derive(Default, Debug)]
pub(crate) struct ContactQuery;

#[Object]
impl ContactQuery {
    /// A city's conversations with other cities, the latest first.
    async fn contact_threads(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
    ) -> async_graphql::Result<Vec<ContactThread>> {
        let m = ctx.municipality(&municipality_id)?;
        let found = ctx
            .services()
            .network()
            .contact_threads(ctx.principal(), m)
            .await?;
        Ok(found.into_iter().map(thread).collect())
    }
}

#[derive(Default, Debug)]
pub(crate) struct ContactMutation;

#[Object]
impl ContactMutation {
    /// Writes to the city that published a practice; its administrators get an e-mail.
    async fn send_contact_request(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        practice_id: ID,
        message: String,
    ) -> async_graphql::Result<ContactThread> {
        let m = ctx.municipality(&municipality_id)?;
        let practice = ctx.id::<PracticeId>(&practice_id, "practiceId")?;
        let sent = ctx
            .services()
            .network()
            .send_contact_request(ctx.principal(), m, practice, &message)
            .await?;
        Ok(thread(sent))
    }

    /// Answers in a conversation; the other city's administrators get an e-mail.
    async fn reply_to_contact(
        &self,
        ctx: &Context<'_>,
        municipality_id: ID,
        thread_id: ID,
        message: String,
    ) -> async_graphql::Result<ContactThread> {
        let m = ctx.municipality(&municipality_id)?;
        let id = ctx.id::<ThreadId>(&thread_id, "threadId")?;
        let sent = ctx
            .services()
            .network()
            .reply_to_contact(ctx.principal(), m, id, &message)
            .await?;
        Ok(thread(sent))
    }
}
