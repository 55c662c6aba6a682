//! Messages between cities about a published practice; each municipality keeps its copy, so
//! that either can read its conversations under its own tenant alone.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::tenant::{Tenant, TenantConnection, contact_message};
use crate::{MunicipalityId, PracticeId, StoreError, ThreadId};

/// One message as one of the two municipalities keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactMessage {
    pub thread_id: ThreadId,
    /// The other city of the conversation.
    pub other_municipality_id: MunicipalityId,
    pub practice_id: PracticeId,
    pub practice_title: String,
    /// Whether this municipality sent it (else received it).
    pub sent: bool,
    /// Who wrote it, as their account names them.
    pub sender_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

impl From<contact_message::Model> for ContactMessage {
    fn from(m: contact_message::Model) -> Self {
        Self {
            thread_id: m.thread_id,
            other_municipality_id: m.other_municipality_id,
            practice_id: m.practice_id,
            practice_title: m.practice_title,
            sent: m.sent,
            sender_name: m.sender_name,
            body: m.body,
            created_at: m.created_at,
        }
    }
}

impl ThreadId {
    /// A new conversation.
    pub fn new_thread() -> ThreadId {
        ThreadId::generate()
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The municipality's messages, by conversation and time.
    pub async fn contact_messages(&self) -> Result<Vec<ContactMessage>, StoreError> {
        let query = self
            .rows::<contact_message::Model>()
            .order_by_asc(contact_message::Column::ThreadId)
            .order_by_asc(contact_message::Column::CreatedAt);
        self.records(query).await
    }

    /// The municipality's copy of one conversation, oldest first; empty when it has none.
    pub async fn contact_thread(
        &self,
        thread: ThreadId,
    ) -> Result<Vec<ContactMessage>, StoreError> {
        let query = self
            .rows::<contact_message::Model>()
            .filter(contact_message::Column::ThreadId.eq(thread))
            .order_by_asc(contact_message::Column::CreatedAt);
        self.records(query).await
    }

    /// Keeps a message in this municipality's records.
    pub async fn insert_contact_message(&self, message: &ContactMessage) -> Result<(), StoreError> {
        let row = contact_message::New {
            id: Uuid::now_v7(),
            thread_id: message.thread_id,
            other_municipality_id: message.other_municipality_id,
            practice_id: message.practice_id,
            practice_title: message.practice_title.clone(),
            sent: message.sent,
            sender_name: message.sender_name.clone(),
            body: message.body.clone(),
            created_at: message.created_at,
        };
        self.add_row(row).await
    }
}
