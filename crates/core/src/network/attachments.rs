//! Files attached to a good practice (a flyer, a concept, an evaluation report): written by
//! the city's administrators, shared with the network together with the published practice.

use chrono::{DateTime, Utc};
use praevnet_store::{AttachmentId, AttachmentRecord, PracticeId, Writes};

use crate::audit::{self, Change};
use crate::kernel::files::Upload;
use crate::network::Network;
use crate::network::practices::PracticeStatus;
use crate::{Error, MunicipalityId, Principal, Result};

/// Largest attachment; larger ones are refused with a message naming the limit.
pub const ATTACHMENT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// The file store's folder for attachments.
const KIND: &str = "attachments";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub id: AttachmentId,
    pub practice_id: PracticeId,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
}

impl From<AttachmentRecord> for Attachment {
    fn from(r: AttachmentRecord) -> Self {
        Self {
            id: r.id,
            practice_id: r.practice_id,
            file_name: r.file_name,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            created_at: r.created_at,
        }
    }
}

/// A file to send to a reader.
#[derive(Clone, Debug)]
pub struct Download {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Network<'_> {
    /// Mirrors a published practice's attachments into the network (inside `writes`).
    pub(crate) async fn mirror_attachments(
        &self,
        writes: &Writes,
        municipality: MunicipalityId,
        practice: PracticeId,
    ) -> Result<()> {
        let own = writes.tenant(municipality).attachments(&[practice]).await?;
        writes.network_attachments().replace(practice, &own).await?;
        Ok(())
    }

    /// Attaches a file to one of the city's practices.
    pub async fn attach_to_practice(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        practice: PracticeId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let Upload {
            file_name,
            content_type,
            size,
        } = Upload::checked(file_name, bytes, ATTACHMENT_MAX_BYTES).await?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let current = tenant.practice(practice).await?.ok_or(Error::NotFound)?;
        let record = tenant
            .insert_attachment(practice, &file_name, content_type, size)
            .await?;
        // The file first: if it cannot be written, the transaction is dropped (rolled back).
        self.services
            .files
            .put(KIND, &record.id.to_string(), bytes)
            .await?;
        if current.status == PracticeStatus::Published.code() {
            self.mirror_attachments(&writes, municipality, practice)
                .await?;
        }
        let summary = format!("Anhang hinzugefügt: {file_name}");
        let change = Change::of_municipality(
            &target,
            "practice.attachment_added",
            "practice",
            practice,
            summary,
        );
        audit::record(&writes, principal, change).await?;
        if let Err(err) = writes.commit().await {
            if let Err(cleanup) = self
                .services
                .files
                .delete(KIND, &record.id.to_string())
                .await
            {
                tracing::warn!(error = %cleanup, "an attachment's file stays behind");
            }
            return Err(err.into());
        }
        Ok(record.into())
    }

    /// Practices' attachments as their city keeps them (practices of `municipality`).
    pub async fn practice_attachments(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        practices: &[PracticeId],
    ) -> Result<Vec<Attachment>> {
        self.services
            .registry()
            .manageable(principal, municipality)
            .await?;
        Ok(self
            .services
            .store
            .tenant(municipality)
            .attachments(practices)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Published practices' attachments, for anyone logged in.
    pub async fn network_practice_attachments(
        &self,
        principal: &Principal,
        practices: &[PracticeId],
    ) -> Result<Vec<Attachment>> {
        principal.require_login()?;
        Ok(self
            .services
            .store
            .network_attachments()
            .list(practices)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Removes an attachment (and, if the practice is published, from the network).
    pub async fn delete_attachment(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: AttachmentId,
    ) -> Result<()> {
        let target = self
            .services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let writes = self.services.store.writes().await?;
        let tenant = writes.tenant(municipality);
        let attachment = tenant.attachment(id).await?.ok_or(Error::NotFound)?;
        tenant.delete_attachment(id).await?;
        let practice = tenant
            .practice(attachment.practice_id)
            .await?
            .ok_or(Error::NotFound)?;
        if practice.status == PracticeStatus::Published.code() {
            self.mirror_attachments(&writes, municipality, practice.id)
                .await?;
        }
        let summary = format!("Anhang entfernt: {}", attachment.file_name);
        let change = Change::of_municipality(
            &target,
            "practice.attachment_removed",
            "practice",
            practice.id,
            summary,
        );
        audit::commit(writes, principal, change).await?;
        self.services.files.delete(KIND, &id.to_string()).await
    }

    /// An attachment of the city's own practice, for its administrators.
    pub async fn own_attachment_file(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: AttachmentId,
    ) -> Result<Download> {
        self.services
            .registry()
            .manageable(principal, municipality)
            .await?;
        let record = self
            .services
            .store
            .tenant(municipality)
            .attachment(id)
            .await?
            .ok_or(Error::NotFound)?;
        self.download(record).await
    }

    /// An attachment of a published practice, for anyone logged in.
    pub async fn network_attachment_file(
        &self,
        principal: &Principal,
        id: AttachmentId,
    ) -> Result<Download> {
        principal.require_login()?;
        let record = self
            .services
            .store
            .network_attachments()
            .get(id)
            .await?
            .ok_or(Error::NotFound)?;
        self.download(record).await
    }

    async fn download(&self, record: AttachmentRecord) -> Result<Download> {
        let bytes = self
            .services
            .files
            .get(KIND, &record.id.to_string())
            .await?
            .ok_or_else(|| Error::Internal(format!("attachment {} has no file", record.id)))?;
        Ok(Download {
            file_name: record.file_name,
            content_type: record.content_type,
            bytes,
        })
    }
}
