//! The file store for uploaded files: a local folder (the default; a shared volume when
//! several replicas serve). Keys are ids, never names a user chose. And what every upload is
//! checked for, whatever it is attached to.

use std::path::PathBuf;

use crate::{Error, Problem, Result};

#[derive(Clone, Debug)]
pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, kind: &str, key: &str) -> PathBuf {
        self.root.join(kind).join(key)
    }

    /// Writes a file atomically: to a temporary name first, then renamed, so that a reader
    /// never sees half a file.
    pub async fn put(&self, kind: &str, key: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path(kind, key);
        let folder = self.root.join(kind);
        let part = folder.join(format!("{key}.part"));
        let io = |e: std::io::Error| Error::Internal(format!("file store {}: {e}", path.display()));
        tokio::fs::create_dir_all(&folder).await.map_err(io)?;
        tokio::fs::write(&part, bytes).await.map_err(io)?;
        tokio::fs::rename(&part, &path).await.map_err(io)
    }

    /// The file's bytes; `None` when there is no such file.
    pub async fn get(&self, kind: &str, key: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path(kind, key);
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::Internal(format!(
                "file store {}: {e}",
                path.display()
            ))),
        }
    }

    /// Removes a file; a missing one is not an error.
    pub async fn delete(&self, kind: &str, key: &str) -> Result<()> {
        let path = self.path(kind, key);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::Internal(format!(
                "file store {}: {e}",
                path.display()
            ))),
        }
    }
}

/// An uploaded file that passed the checks: its cleaned name, its type by its bytes, its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Upload {
    pub file_name: String,
    pub content_type: &'static str,
    pub size: i64,
}

impl Upload {
    /// Checks an upload: a name, not empty, at most `max_bytes`, of a type the platform takes.
    pub(crate) fn check(file_name: &str, bytes: &[u8], max_bytes: usize) -> Result<Upload> {
        let file_name = clean_name(file_name)?;
        if bytes.is_empty() {
            return Err(Error::validation("file", Problem::Required));
        }
        if bytes.len() > max_bytes {
            return Err(Error::validation(
                "file",
                Problem::FileTooLarge {
                    max_mib: max_bytes / (1024 * 1024),
                },
            ));
        }
        let content_type =
            sniff(bytes, &file_name).ok_or_else(|| Error::validation("file", Problem::FileType))?;
        let size = i64::try_from(bytes.len()).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Upload {
            file_name,
            content_type,
            size,
        })
    }
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
