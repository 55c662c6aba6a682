//! Documents on agenda items: what is known of each file (the bytes are in the file store).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use crate::tenant::{Tenant, TenantConnection, agenda_document as document};
use crate::{AgendaItemId, DocumentId, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: DocumentId,
    pub agenda_item_id: AgendaItemId,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
}

impl From<document::Model> for DocumentRecord {
    fn from(m: document::Model) -> Self {
        Self {
            id: m.id,
            agenda_item_id: m.agenda_item_id,
            file_name: m.file_name,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            created_at: m.created_at,
        }
    }
}

impl<C: TenantConnection> Tenant<'_, C> {
    /// The documents of the given agenda items, oldest first.
    pub async fn documents(
        &self,
        items: &[AgendaItemId],
    ) -> Result<Vec<DocumentRecord>, StoreError> {
        let query = self
            .rows::<document::Model>()
            .filter(document::Column::AgendaItemId.is_in(items.iter().copied()))
            .order_by_asc(document::Column::CreatedAt)
            .order_by_asc(document::Column::Id);
        self.records(query).await
    }

    pub async fn document(&self, id: DocumentId) -> Result<Option<DocumentRecord>, StoreError> {
        let row = self.one(self.row_by_id::<document::Model>(id)).await?;
        Ok(row.map(Into::into))
    }

    /// Records a document of `item`; its id is the file store's key.
    pub async fn insert_document(
        &self,
        item: AgendaItemId,
        file_name: &str,
        content_type: &str,
        size_bytes: i64,
    ) -> Result<DocumentRecord, StoreError> {
        let record = DocumentRecord {
            id: DocumentId::generate(),
            agenda_item_id: item,
            file_name: file_name.to_owned(),
            content_type: content_type.to_owned(),
            size_bytes,
            created_at: Utc::now(),
        };
        self.add_row(document::New {
            id: record.id,
            agenda_item_id: item,
            file_name: record.file_name.clone(),
            content_type: record.content_type.clone(),
            size_bytes,
            created_at: record.created_at,
        })
        .await?;
        Ok(record)
    }

    pub async fn delete_document(&self, id: DocumentId) -> Result<bool, StoreError> {
        let delete = self
            .delete::<document::Model>()
            .filter(document::Column::Id.eq(id));
        self.removed(delete).await
    }
}
