//! The file store for uploaded files: a local folder (the default; a shared volume when
//! several replicas serve). Keys are ids, never names a user chose. And what every upload is
//! checked for, whatever it is attached to.

mod container;

use std::path::PathBuf;

use self::container::Office;
use crate::{Error, Problem, Result};

/// Longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 200;

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

/// An uploaded file that passed the checks: its cleaned name (ending in its type's
/// extension), its type by its bytes, its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Upload {
    pub file_name: String,
    pub content_type: &'static str,
    pub size: i64,
}

impl Upload {
    /// Checks an upload: a name, not empty, at most `max_bytes`, of a type the platform takes;
    /// an office document also for its container (structure, contents, expanded size). The
    /// name is made to end in the extension of the type found.
    ///
    /// Off the async threads: inflating an office document to check it takes up to a few
    /// hundred milliseconds of CPU, which would stall every request sharing the thread.
    pub(crate) async fn checked(file_name: &str, bytes: &[u8], max_bytes: usize) -> Result<Upload> {
        if bytes.len() > max_bytes {
            // Refused by its size alone; not worth copying.
            return Upload::check(file_name, bytes, max_bytes);
        }
        let (name, bytes) = (file_name.to_owned(), bytes.to_vec());
        tokio::task::spawn_blocking(move || Upload::check(&name, &bytes, max_bytes))
            .await
            .map_err(|e| Error::Internal(format!("upload check: {e}")))?
    }

    /// [`Upload::checked`] on the calling thread.
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
        let kind =
            sniff(bytes, &file_name).ok_or_else(|| Error::validation("file", Problem::FileType))?;
        if let Kind::Office(office) = kind {
            container::check(bytes, office).map_err(|refusal| {
                tracing::info!(?refusal, ?office, "office document refused");
                Error::validation("file", refusal.problem())
            })?;
        }
        let size = i64::try_from(bytes.len()).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Upload {
            file_name: with_extension(file_name, kind),
            content_type: kind.content_type(),
            size,
        })
    }
}

/// A type of file the platform takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Pdf,
    Png,
    Jpeg,
    Office(Office),
}

impl Kind {
    fn content_type(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Office(office) => office.media_type(),
        }
    }

    /// The extension given to a name that does not end in one of the type's (lower case,
    /// without the dot).
    fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Png => "png",
            Kind::Jpeg => "jpg",
            Kind::Office(office) => office.extension(),
        }
    }

    /// Whether a name's ending (lower case, without the dot) fits the type.
    fn fits(self, ending: &str) -> bool {
        ending == self.extension() || (self == Kind::Jpeg && ending == "jpeg")
    }
}

/// The type of a file by its first bytes, not by what the uploader claims: PDF, PNG, JPEG and
/// the office formats (zip containers, told apart by the name's ending, and then checked for
/// the structure of that format).
fn sniff(bytes: &[u8], name: &str) -> Option<Kind> {
    if bytes.starts_with(b"%PDF-") {
        Some(Kind::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes.starts_with(b"PK\x03\x04") {
        Office::from_extension(&ending(name)).map(Kind::Office)
    } else {
        None
    }
}

/// The part of a name after its last dot, lower case; empty without a dot.
fn ending(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ending)| ending.to_lowercase())
        .unwrap_or_default()
}

/// The name, ending in the type's extension: kept when its ending fits, else with the
/// extension appended (`flyer.exe` holding a PDF becomes `flyer.exe.pdf`), the rest cut to
/// keep within [`MAX_NAME_CHARS`].
fn with_extension(name: String, kind: Kind) -> String {
    if kind.fits(&ending(&name)) {
        return name;
    }
    let extension = kind.extension();
    let room = MAX_NAME_CHARS.saturating_sub(extension.len() + 1);
    let stem: String = name.chars().take(room).collect();
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    format!("{stem}.{extension}")
}

/// Invisible characters that change how a name reads without being seen: zero-width ones,
/// the line and paragraph separators, the bidirectional controls (so that
/// `rechnung\u{202E}fdp.exe` cannot show as `rechnungexe.pdf`), word joiners and the byte
/// order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The name as shown and offered for download: without folders, control characters or
/// invisible formatting characters.
fn clean_name(name: &str) -> Result<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|&c| !c.is_control() && !invisible(c))
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        return Err(Error::validation("fileName", Problem::Required));
    }
    if cleaned.chars().count() > MAX_NAME_CHARS {
        return Err(Error::validation(
            "fileName",
            Problem::TooLong {
                max: MAX_NAME_CHARS,
            },
        ));
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%%EOF\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n....";

    fn minimal_docx() -> Vec<u8> {
        container::zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<document/>"),
        ])
    }

    fn refused_problem(name: &str, bytes: &[u8]) -> Option<Problem> {
        match Upload::check(name, bytes, 20 * 1024 * 1024) {
            Err(Error::Validation { field, problem }) => {
                assert_eq!(field, "file", "{name}");
                Some(problem)
            }
            Err(other) => panic!("{name}: {other}"),
            Ok(_) => None,
        }
    }

    #[test]
    fn the_type_comes_from_the_bytes() {
        fn type_of(bytes: &[u8], name: &str) -> Option<&'static str> {
            sniff(bytes, name).map(Kind::content_type)
        }
        assert_eq!(
            type_of(b"%PDF-1.7 ...", "flyer.pdf"),
            Some("application/pdf")
        );
        assert_eq!(
            type_of(b"%PDF-1.7 ...", "flyer.exe"),
            Some("application/pdf")
        );
        assert_eq!(type_of(b"MZ\x90\x00", "flyer.pdf"), None);
        assert_eq!(type_of(b"PK\x03\x04...", "bericht.zip"), None);
        assert_eq!(type_of(b"PK\x03\x04...", "docx"), None);
        assert_eq!(
            sniff(b"PK\x03\x04...", "Bericht.DOCX"),
            Some(Kind::Office(Office::Docx))
        );
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

    #[test]
    fn names_lose_bidi_and_invisible_characters() {
        assert_eq!(
            clean_name("rechnung\u{202E}fdp.exe").expect("name"),
            "rechnungfdp.exe"
        );
        assert_eq!(
            clean_name("\u{FEFF}Be\u{200B}richt\u{2066}.pdf\u{2069}\u{061C}").expect("name"),
            "Bericht.pdf"
        );
        assert!(clean_name("\u{202E}\u{200F}").is_err());
        let upload = Upload::check("rechnung\u{202E}fdp.exe", PDF, 1024).expect("upload");
        assert_eq!(upload.file_name, "rechnungfdp.exe.pdf");
    }

    #[test]
    fn the_name_ends_in_the_type_found() {
        fn named(name: &str, bytes: &[u8]) -> String {
            Upload::check(name, bytes, 1024 * 1024)
                .expect("upload")
                .file_name
        }
        assert_eq!(named("flyer.exe", PDF), "flyer.exe.pdf");
        assert_eq!(named("Flyer.PDF", PDF), "Flyer.PDF");
        assert_eq!(named("bild.pdf", PNG), "bild.pdf.png");
        assert_eq!(named("bild", PNG), "bild.png");
        assert_eq!(named("foto.JPEG", b"\xFF\xD8\xFF\xE0"), "foto.JPEG");
        assert_eq!(named("foto.jpg", b"\xFF\xD8\xFF\xE0"), "foto.jpg");
        assert_eq!(named("foto.png", b"\xFF\xD8\xFF\xE0"), "foto.png.jpg");
        assert_eq!(named("flyer.exe. ", PDF), "flyer.exe.pdf");
        assert_eq!(named("Protokoll.docx", &minimal_docx()), "Protokoll.docx");

        // At the limit of 200 characters the name is cut (on a character, not a byte) to
        // make room for the extension.
        let kept = named(&"ä".repeat(200), PDF);
        assert_eq!(kept.chars().count(), 200);
        assert_eq!(kept, format!("{}.pdf", "ä".repeat(196)));
        assert_eq!(
            named(&format!("{}.exe", "a".repeat(196)), PDF),
            format!("{}.pdf", "a".repeat(196))
        );
    }

    #[test]
    fn office_documents_are_checked_for_their_container() {
        let upload = Upload::check("Protokoll.docx", &minimal_docx(), 1024 * 1024).expect("docx");
        assert_eq!(
            upload.content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(refused_problem("Bericht.docx", &minimal_docx()), None);

        let text = container::zip_of(&[("a.txt", b"hallo")]);
        assert_eq!(
            refused_problem("Bericht.docx", &text),
            Some(Problem::FileContainer)
        );
        let payload = container::zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<document/>"),
            ("payload.exe", b"MZ\x90\x00"),
        ]);
        assert_eq!(
            refused_problem("Bericht.docx", &payload),
            Some(Problem::FileContainer)
        );
        let jar = container::zip_of(&[
            ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"),
            ("Foo.class", b"\xCA\xFE\xBA\xBE"),
        ]);
        assert_eq!(
            refused_problem("Tabelle.xlsx", &jar),
            Some(Problem::FileContainer)
        );
        assert_eq!(
            refused_problem("Bericht.docx", b"PK\x03\x04..."),
            Some(Problem::FileContainer)
        );
        assert_eq!(
            refused_problem("archiv.zip", &minimal_docx()),
            Some(Problem::FileType)
        );
    }
}
