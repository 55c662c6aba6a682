//! Documents on agenda items (a presentation, a draft resolution): uploaded by those who edit
//! the meeting, read by whoever sees the item (so the public reads the documents of public
//! items of public meetings). The bytes are in the file store under the document's id.

use praevnet_store::{AgendaItemId, DocumentId, DocumentRecord, MeetingId, MunicipalityId};

use super::{Meeting, MeetingStatus};
use crate::council::{CouncilProblem, CouncilWork};
use crate::kernel::files::Upload;
use crate::network::attachments::Download;
use crate::{Error, Principal, Result, Services};

/// Largest document; larger ones are refused with a message naming the limit.
pub const DOCUMENT_MAX_BYTES: usize = 20 * 1024 * 1024;
/// The file store's folder for documents.
const KIND: &str = "documents";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaDocument {
    pub id: DocumentId,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

impl From<DocumentRecord> for AgendaDocument {
    fn from(r: DocumentRecord) -> Self {
        Self {
            id: r.id,
            file_name: r.file_name,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
        }
    }
}

/// Removes the files of deleted documents, after the commit that deleted their records; a
/// file that cannot be removed is logged (it is unreachable without its record).
pub(super) async fn forget_files(services: &Services, ids: &[DocumentId]) {
    for id in ids {
        if let Err(err) = services.files.delete(KIND, &id.to_string()).await {
            tracing::warn!(document = %id, error = %err, "a document's file stays behind");
        }
    }
}

impl CouncilWork<'_> {
    /// Adds a document to an agenda item (PDF, images, office files up to 20 MiB).
    pub async fn attach_to_agenda_item(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        item: AgendaItemId,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Meeting> {
        // Checked before the unit of work begins: on SQLite it holds the write lock.
        let upload = Upload::checked(file_name, bytes, DOCUMENT_MAX_BYTES).await?;
        let edit = self.internal_edit(principal, municipality).await?;
        let meeting = edit.editable(meeting_id).await?;
        let tenant = edit.writes.tenant(municipality);
        let of_meeting = tenant
            .agenda_item(item)
            .await?
            .is_some_and(|i| i.data.meeting_id == meeting_id);
        if !of_meeting {
            return Err(Error::NotFound);
        }
        if meeting.data.status == MeetingStatus::CalledOff.code() {
            return Err(Error::validation(
                "meetingId",
                CouncilProblem::MeetingCalledOff,
            ));
        }
        let record = tenant
            .insert_document(item, &upload.file_name, upload.content_type, upload.size)
            .await?;
        // The file first: if it cannot be written, the unit of work is dropped (rolled back).
        self.services
            .files
            .put(KIND, &record.id.to_string(), bytes)
            .await?;
        let summary = format!("Dokument zur Tagesordnung: {}", upload.file_name);
        match edit
            .finish(principal, meeting_id, "agenda_document.added", summary)
            .await
        {
            Ok(meeting) => Ok(meeting),
            Err(err) => {
                forget_files(self.services, &[record.id]).await;
                Err(err)
            }
        }
    }

    /// Removes a document from an agenda item of the meeting.
    pub async fn delete_agenda_document(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        meeting_id: MeetingId,
        id: DocumentId,
    ) -> Result<Meeting> {
        let edit = self.internal_edit(principal, municipality).await?;
        edit.editable(meeting_id).await?;
        let tenant = edit.writes.tenant(municipality);
        let document = tenant.document(id).await?.ok_or(Error::NotFound)?;
        let of_meeting = tenant
            .agenda_item(document.agenda_item_id)
            .await?
            .is_some_and(|i| i.data.meeting_id == meeting_id);
        if !of_meeting || !tenant.delete_document(id).await? {
            return Err(Error::NotFound);
        }
        let summary = format!("Dokument entfernt: {}", document.file_name);
        let meeting = edit
            .finish(principal, meeting_id, "agenda_document.removed", summary)
            .await?;
        forget_files(self.services, &[id]).await;
        Ok(meeting)
    }

    /// A document of an agenda item, for whoever sees the item.
    pub async fn agenda_document_file(
        &self,
        principal: &Principal,
        municipality: MunicipalityId,
        id: DocumentId,
    ) -> Result<Download> {
        let meetings = self.meetings(principal, municipality, None).await?;
        let document = meetings
            .iter()
            .flat_map(|m| &m.agenda)
            .flat_map(|item| &item.documents)
            .find(|d| d.id == id)
            .cloned()
            .ok_or(Error::NotFound)?;
        let bytes = self
            .services
            .files
            .get(KIND, &id.to_string())
            .await?
            .ok_or_else(|| Error::Internal(format!("document {id} has no file")))?;
        Ok(Download {
            file_name: document.file_name,
            content_type: document.content_type,
            bytes,
        })
    }
}
