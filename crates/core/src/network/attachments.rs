//! Files attached to a good practice (a flyer, a concept, an evaluation report): written by
//! the city's administrators, shared with the network together with the published practice.

use chrono::{DateTime, Utc};
use praevnet_store::{AttachmentId, AttachmentRecord, PracticeId, Writes};

use crate::audit::{self, Change};
use crate::network::Network;
use crate::network::practices::PracticeStatus;
use crate::{Error, MunicipalityId, Principal, Problem, Result};

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

/// The type of a file by its first bytes, not by what the uploader claims: PDF, PNG, JPEG and
/// the office formats (zip containers, told apart by the name's ending).
fn sniff(bytes: &[u8], name: &str) -> Option<&'static str> {
    let ending = name.rsplit('.').next().unwrap_or_default().to_lowercase();
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"PK\x03\x04") {
        match ending.as_str() {
            "docx" => {
                Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            }
            "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "pptx" => {
                Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
            }
            "odt" => Some("application/vnd.oasis.opendocument.text"),
            "ods" => Some("application/vnd.oasis.opendocument.spreadsheet"),
            "odp" => Some("application/vnd.oasis.opendocument.presentation"),
            _ => None,
        }
    } else {
        None
    }
}

/// The name as shown and offered for download: without folders or control characters.
fn clean_name(name: &str) -> Result<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        return Err(Error::validation("fileName", Problem::Required));
    }
    if cleaned.chars().count() > 200 {
        return Err(Error::validation("fileName", Problem::TooLong { max: 200 }));
    }
    Ok(cleaned)
}

impl Network<'_> {
    /// Mirrors a published practice's attachments into the network (inside `writes`).
    pub(crate) async fn mirror_attachments(
        &self,
        writes: &Writes,
        municipality: MunicipalityId,
        practice: PracticeId,
    ) -> Result<()> {
        let own = writes.tenant(municipality).attachments(practice).await?;
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
        let file_name = clean_name(file_name)?;
        if bytes.is_empty() {
            return Err(Error::validation("file", Problem::Required));
        }
        if bytes.len() > ATTACHMENT_MAX_BYTES {
            return Err(Error::validation(
                "file",
                Problem::FileTooLarge {
                    max_mib: ATTACHMENT_MAX_BYTES / (1024 * 1024),
                },
            ));
        }
        let content_type =
            sniff(bytes, &file_name).ok_or_else(|| Error::validation("file", Problem::FileType))?;
        let size = i64::try_from(bytes.len()).map_err(|e| Error::Internal(e.to_string()))?;
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

    /// A practice's attachments as its city keeps them.
    pub async fn practice_attachments(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        practice: PracticeId,
    ) -> Result<Vec<Attachment>> {
        self.services
            .registry()
            .manageable(principal, municipality)
            .await?;
        Ok(self
            .services
            .store
            .tenant(municipality)
            .attachments(practice)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A published practice's attachments, for anyone logged in.
    pub async fn network_practice_attachments(
        &self,
        principal: &Principal,
        practice: PracticeId,
    ) -> Result<Vec<Attachment>> {
        principal.require_login()?;
        Ok(self
            .services
            .store
            .network_attachments()
            .list(practice)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_bytes() {
        assert_eq!(sniff(b"%PDF-1.7 ...", "flyer.pdf"), Some("application/pdf"));
        assert_eq!(sniff(b"%PDF-1.7 ...", "flyer.exe"), Some("application/pdf"));
        assert_eq!(sniff(b"MZ\x90\x00", "flyer.pdf"), None);
        assert_eq!(sniff(b"PK\x03\x04...", "bericht.zip"), None);
        assert!(sniff(b"PK\x03\x04...", "Bericht.DOCX").is_some());
    }

    #[test]
    fn names_lose_folders_and_control_characters() {
        assert_eq!(
            clean_name("C:\\Users\\x\\Flyer\u{7}.pdf").expect("name"),
            "Flyer.pdf"
        );
        assert_eq!(clean_name("../../etc/passwd").expect("name"), "passwd");
        assert!(clean_name(" / ").is_err());
    }
}
