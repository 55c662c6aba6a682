//! The file store for uploaded files: a local folder (the default; a shared volume when
//! several replicas serve). Keys are ids, never names a user chose.

use std::path::PathBuf;

use crate::{Error, Result};

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
