//! Attachments of practices: the city's own records (tenant-owned) and the mirror of a
//! published practice's attachments in the network's read model.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::entity::network_attachment;
use crate::tenant::{Tenant, TenantConnection, practice_attachment};
use crate::{AttachmentId, PracticeId, StoreError};

/// What is known of an attached file; the bytes are in the file store under its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub id: AttachmentId,
    pub practice_id: PracticeId,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
}

impl From<practice_attachment::Model> for AttachmentRecord {
    fn from(m: practice_attachment::Model) -> Self {
        Self {
            id: m.id,
            practice_id: m.practice_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            created_at: m.created_at,
        }
    }
}

impl From<network_attachment::Model> for AttachmentRecord {
    fn from(m: network_attachment::Model) -> Self {
        Self {
            id: m.id,
            practice_id: m.practice_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            created_at: m.created_at,
        }
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The attachments of these practices, each practice's oldest first: one read for a whole
    /// list of practices.
    pub async fn attachments(
        &self,
        practices: &[PracticeId],
    ) -> Result<Vec<AttachmentRecord>, StoreError> {
        let query = self
            .rows::<practice_attachment::Model>()
            .filter(practice_attachment::Column::PracticeId.is_in(practices.iter().copied()))
            .order_by_asc(practice_attachment::Column::CreatedAt)
            .order_by_asc(practice_attachment::Column::Id);
        self.records(query).await
    }

    pub async fn attachment(
        &self,
        id: AttachmentId,
    ) -> Result<Option<AttachmentRecord>, StoreError> {
        let row = self
            .one(self.row_by_id::<practice_attachment::Model>(id))
            .await?;
        Ok(row.map(Into::into))
    }

    /// Records a new attachment of `practice` and returns it with its id (the file store's key).
    pub async fn insert_attachment(
        &self,
        practice: PracticeId,
        file_name: &str,
        content_type: &str,
        size_bytes: i64,
    ) -> Result<AttachmentRecord, StoreError> {
        let row = practice_attachment::New {
            id: AttachmentId::generate(),
            practice_id: practice,
            file_name: file_name.to_owned(),
            content_type: content_type.to_owned(),
            size_bytes,
            created_at: Utc::now(),
        };
        let saved = self
            .transaction(async |tx| Ok(self.insert(row).exec_with_returning(tx).await?))
            .await?;
        Ok(saved.into())
    }

    /// Deletes an attachment's record; `false` when it is not this tenant's.
    pub async fn delete_attachment(&self, id: AttachmentId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<practice_attachment::Model>()
            .filter(practice_attachment::Column::Id.eq(id));
        self.removed(delete).await
    }
}

/// The attachments of the published practices, shared by all tenants.
#[derive(Debug)]
pub struct NetworkAttachments<'a, C = DatabaseConnection> {
    db: &'a C,
}

impl<'a, C: ConnectionTrait> NetworkAttachments<'a, C> {
    pub(crate) fn new(db: &'a C) -> Self {
        Self { db }
    }

    /// The attachments of these published practices, each practice's oldest first.
    pub async fn list(
        &self,
        practices: &[PracticeId],
    ) -> Result<Vec<AttachmentRecord>, StoreError> {
        crate::read::records(
            network_attachment::Entity::find()
                .filter(network_attachment::Column::PracticeId.is_in(practices.iter().copied()))
                .order_by_asc(network_attachment::Column::CreatedAt)
                .order_by_asc(network_attachment::Column::Id),
            self.db,
        )
        .await
    }

    pub async fn get(&self, id: AttachmentId) -> Result<Option<AttachmentRecord>, StoreError> {
        Ok(network_attachment::Entity::find_by_id(id)
            .one(self.db)
            .await?
            .map(Into::into))
    }

    /// Makes the mirror of a published practice's attachments equal to `records`.
    pub async fn replace(
        &self,
        practice: PracticeId,
        records: &[AttachmentRecord],
    ) -> Result<(), StoreError> {
        network_attachment::Entity::delete_many()
            .filter(network_attachment::Column::PracticeId.eq(practice))
            .exec(self.db)
            .await?;
        if records.is_empty() {
            return Ok(());
        }
        network_attachment::Entity::insert_many(records.iter().map(|r| {
            network_attachment::ActiveModel {
                id: Set(r.id),
                practice_id: Set(practice),
                file_name: Set(r.file_name.clone()),
                content_type: Set(r.content_type.clone()),
                size_bytes: Set(r.size_bytes),
                created_at: Set(r.created_at),
            }
        }))
        .exec(self.db)
        .await?;
        Ok(())
    }
}
