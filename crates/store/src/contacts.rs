//! Messages between cities about a published practice; each municipality keeps its copy.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionSession,
    TransactionTrait,
};
use uuid::Uuid;

use crate::entity::contact_message::{self, Column, Entity};
use crate::tenant::Tenant;
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
            thread_id: ThreadId::from_uuid(m.thread_id),
            other_municipality_id: MunicipalityId::from_uuid(m.other_municipality_id),
            practice_id: PracticeId::from_uuid(m.practice_id),
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

impl<C: ConnectionTrait + TransactionTrait> Tenant<'_, C> {
    /// The municipality's messages, by conversation and time.
    pub async fn contact_messages(&self) -> Result<Vec<ContactMessage>, StoreError> {
        let tx = self.begin().await?;
        let rows = Entity::find()
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .order_by_asc(Column::ThreadId)
            .order_by_asc(Column::CreatedAt)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The municipality's copy of one conversation, oldest first; empty when it has none.
    pub async fn contact_thread(
        &self,
        thread: ThreadId,
    ) -> Result<Vec<ContactMessage>, StoreError> {
        let tx = self.begin().await?;
        let rows = Entity::find()
            .filter(Column::MunicipalityId.eq(self.municipality().as_uuid()))
            .filter(Column::ThreadId.eq(thread.as_uuid()))
            .order_by_asc(Column::CreatedAt)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Keeps a message in this municipality's records.
    pub async fn insert_contact_message(&self, message: &ContactMessage) -> Result<(), StoreError> {
        let model = contact_message::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(self.municipality().as_uuid()),
            thread_id: Set(message.thread_id.as_uuid()),
            other_municipality_id: Set(message.other_municipality_id.as_uuid()),
            practice_id: Set(message.practice_id.as_uuid()),
            practice_title: Set(message.practice_title.clone()),
            sent: Set(message.sent),
            sender_name: Set(message.sender_name.clone()),
            body: Set(message.body.clone()),
            created_at: Set(message.created_at),
        };
        let tx = self.begin().await?;
        Entity::insert(model).exec(&tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
