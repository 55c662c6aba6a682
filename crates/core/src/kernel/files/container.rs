//! Whether a ZIP file that claims to be an office document is one: it opens as an archive,
//! has the parts its format must have, holds no programs, scripts, archives or macros, is not
//! encrypted, and does not expand beyond what a document needs (a zip bomb). Sizes are
//! measured by decompressing every entry, never taken from the archive's own headers.

use std::io::{Cursor, Read};

use crate::Problem;

const MIB: u64 = 1024 * 1024;

/// Most entries an office document may have. Real ones have tens to a few hundred (a long
/// slide deck with pictures and notes perhaps two thousand); the archive's directory is read
/// into memory entry by entry, so this also bounds the memory a crafted directory takes.
const MAX_ENTRIES: usize = 5_000;

/// Most bytes all entries may expand to together. The uploads themselves are at most 20 MB;
/// a real document of that size expands to well under this, while a zip bomb of a few hundred
/// kilobytes claims gigabytes. Decompressing at most this much bounds the work per upload.
const MAX_EXPANDED: u64 = 100 * MIB;

/// Most an archive may expand to per byte it has. The XML of real documents compresses by a
/// factor of 5 to 20 (a sparse spreadsheet perhaps 50); runs of zeros in a bomb by 1,000.
const MAX_RATIO: u64 = 200;

/// Below this expanded size the ratio is not held against a file: a small document cannot
/// do harm, however well it compresses.
const RATIO_FLOOR: u64 = 10 * MIB;

/// Most bytes of an ODF `mimetype` entry that are read; the longest real one has 47.
const MIMETYPE_MAX: u64 = 256;

/// Endings (of any path segment, lower case) of programs, scripts and archives: nothing an
/// office document holds. Embedded office documents (a chart's workbook) stay allowed.
const FORBIDDEN_ENDINGS: &[&str] = &[
    ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".psm1", ".vbs",
    ".vbe", ".js", ".jse", ".wsf", ".hta", ".jar", ".class", ".sh", ".apk", ".app", ".lnk", ".cpl",
    ".pif", ".reg", ".zip", ".7z", ".rar", ".cab", ".iso",
];

/// The office formats the platform takes: ZIP containers of a known structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Office {
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
}

impl Office {
    /// The format a name's ending (lower case, without the dot) names.
    pub(super) fn from_extension(extension: &str) -> Option<Office> {
        match extension {
            "docx" => Some(Office::Docx),
            "xlsx" => Some(Office::Xlsx),
            "pptx" => Some(Office::Pptx),
            "odt" => Some(Office::Odt),
            "ods" => Some(Office::Ods),
            "odp" => Some(Office::Odp),
            _ => None,
        }
    }

    /// The ending of the format's file names, lower case, without the dot.
    pub(super) fn extension(self) -> &'static str {
        match self {
            Office::Docx => "docx",
            Office::Xlsx => "xlsx",
            Office::Pptx => "pptx",
            Office::Odt => "odt",
            Office::Ods => "ods",
            Office::Odp => "odp",
        }
    }

    pub(super) fn media_type(self) -> &'static str {
        match self {
            Office::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Office::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Office::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            Office::Odt => "application/vnd.oasis.opendocument.text",
            Office::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Office::Odp => "application/vnd.oasis.opendocument.presentation",
        }
    }

    /// The part that makes a container this format: the main document of Office Open XML,
    /// the content of OpenDocument.
    fn main_part(self) -> &'static str {
        match self {
            Office::Docx => "word/document.xml",
            Office::Xlsx => "xl/workbook.xml",
            Office::Pptx => "ppt/presentation.xml",
            Office::Odt | Office::Ods | Office::Odp => "content.xml",
        }
    }

    fn is_open_document(self) -> bool {
        matches!(self, Office::Odt | Office::Ods | Office::Odp)
    }
}

/// Why a container is refused; said to the user as one of two problems, kept apart here for
/// the log and the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Not a readable ZIP archive, or a damaged one (a broken stream, a wrong checksum, an
    /// entry larger than it says, a name twice).
    Unreadable,
    TooManyEntries,
    Encrypted,
    /// A program, script, archive or macros inside, or a name that points elsewhere.
    Forbidden,
    /// Without the parts the claimed format must have.
    Structure,
    /// Expands beyond the bounds.
    TooLarge,
}

impl Refusal {
    pub(super) fn problem(self) -> Problem {
        match self {
            Refusal::TooLarge => Problem::FileExpandedTooLarge {
                max_mib: MAX_EXPANDED / MIB,
            },
            Refusal::Unreadable
            | Refusal::TooManyEntries
            | Refusal::Encrypted
            | Refusal::Forbidden
            | Refusal::Structure => Problem::FileContainer,
        }
    }
}

/// Checks that `bytes` (a ZIP file by its first bytes) is a document of the format `office`.
/// Synchronous CPU work: at most [`MAX_EXPANDED`] bytes are decompressed.
pub(super) fn check(bytes: &[u8], office: Office) -> Result<(), Refusal> {
    // The directory's own count first, before the archive is read into memory.
    match declared_entries(bytes) {
        None => return Err(Refusal::Unreadable),
        Some(count) if count > MAX_ENTRIES => return Err(Refusal::TooManyEntries),
        Some(_) => {}
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::Unreadable)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Refusal::TooManyEntries);
    }
    if archive.has_duplicate_names() {
        return Err(Refusal::Unreadable);
    }
    let limit = expansion_limit(bytes.len());
    let mut expanded: u64 = 0;
    let (mut content_types, mut main_part, mut mimetype) = (false, false, false);
    for index in 0..archive.len() {
        let (name, encrypted) = {
            let entry = archive
                .by_index_data(index)
                .map_err(|_| Refusal::Unreadable)?;
            (
                String::from_utf8_lossy(entry.name_raw()).into_owned(),
                entry.encrypted(),
            )
        };
        if encrypted {
            return Err(Refusal::Encrypted);
        }
        if forbidden(&name) {
            return Err(Refusal::Forbidden);
        }
        let mut entry = archive.by_index(index).map_err(|_| Refusal::Unreadable)?;
        let read = if office.is_open_document() && name == "mimetype" {
            let mut content = Vec::new();
            let read = entry
                .by_ref()
                .take(MIMETYPE_MAX)
                .read_to_end(&mut content)
                .map_err(|_| Refusal::Unreadable)?;
            mimetype = content == office.media_type().as_bytes();
            u64::try_from(read).unwrap_or(u64::MAX)
        } else {
            // One byte more than the room left: enough to know it is too much.
            let room = limit.saturating_sub(expanded).saturating_add(1);
            std::io::copy(&mut entry.by_ref().take(room), &mut std::io::sink())
                .map_err(|_| Refusal::Unreadable)?
        };
        expanded = expanded.saturating_add(read);
        if expanded > limit {
            return Err(Refusal::TooLarge);
        }
        content_types |= name.eq_ignore_ascii_case("[Content_Types].xml");
        main_part |= name.eq_ignore_ascii_case(office.main_part());
    }
    let structured = if office.is_open_document() {
        mimetype && main_part
    } else {
        content_types && main_part
    };
    if structured {
        Ok(())
    } else {
        Err(Refusal::Structure)
    }
}

/// How far an archive of `archive_len` bytes may expand: by [`MAX_RATIO`] per byte, but at
/// least [`RATIO_FLOOR`] and at most [`MAX_EXPANDED`].
fn expansion_limit(archive_len: usize) -> u64 {
    u64::try_from(archive_len)
        .unwrap_or(u64::MAX)
        .saturating_mul(MAX_RATIO)
        .clamp(RATIO_FLOOR, MAX_EXPANDED)
}

/// The number of entries the end-of-directory record declares; `None` without such a record.
/// A count of 65,535 (ZIP64, whose real count lies elsewhere) is above the limit as it is.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    // The record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
    const RECORD: &[u8] = b"PK\x05\x06";
    let window = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let tail = bytes.get(window..)?;
    let at = tail.windows(RECORD.len()).rposition(|w| w == RECORD)?;
    let count: [u8; 2] = tail.get(at + 10..at + 12)?.try_into().ok()?;
    Some(usize::from(u16::from_le_bytes(count)))
}

/// Whether an entry's name is refused: one that points outside the archive or has control
/// characters, a program, script or archive (by the ending of any of its segments, so that
/// a folder `x.app/` counts too), or macros (VBA in Office Open XML, Basic and scripts in
/// OpenDocument).
fn forbidden(name: &str) -> bool {
    if name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.chars().any(char::is_control)
    {
        return true;
    }
    let lower = name.to_lowercase();
    if lower
        .split('/')
        .any(|segment| segment == ".." || FORBIDDEN_ENDINGS.iter().any(|e| segment.ends_with(*e)))
    {
        return true;
    }
    let last = lower.rsplit('/').next().unwrap_or_default();
    let vba = matches!(last, "vbaproject.bin" | "vbaprojectsignature.bin");
    let script = lower.starts_with("scripts/") && !last.is_empty();
    let basic = lower.starts_with("basic/")
        && !matches!(
            last,
            "" | "script-lc.xml" | "script-lb.xml" | "dialog-lc.xml" | "dialog-lb.xml"
        );
    vba || script || basic
}

/// A ZIP file of the given entries, deflated; for the tests.
#[cfg(test)]
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for &(name, content) in entries {
        writer.start_file(name, options).expect("entry");
        writer.write_all(content).expect("content");
    }
    writer.finish().expect("archive").into_inner()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const CONTENT_TYPES: &[u8] = b"<?xml version=\"1.0\"?><Types/>";
    const XML: &[u8] = b"<?xml version=\"1.0\"?><document/>";

    fn docx_with(extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", XML),
            ("word/document.xml", XML),
        ];
        entries.extend_from_slice(extra);
        zip_of(&entries)
    }

    #[test]
    fn a_minimal_document_of_each_family_passes() {
        assert_eq!(check(&docx_with(&[]), Office::Docx), Ok(()));
        let xlsx = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("xl/workbook.xml", XML),
            ("xl/embeddings/Diagramm.docx", b"PK\x03\x04"),
        ]);
        assert_eq!(check(&xlsx, Office::Xlsx), Ok(()));
        let odt = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", XML),
            ("META-INF/manifest.xml", XML),
            ("Basic/script-lc.xml", XML),
        ]);
        assert_eq!(check(&odt, Office::Odt), Ok(()));
        assert_eq!(check(&odt, Office::Ods), Err(Refusal::Structure));
    }

    #[test]
    fn a_container_of_another_structure_is_refused() {
        let text = zip_of(&[("a.txt", b"hallo")]);
        assert_eq!(check(&text, Office::Docx), Err(Refusal::Structure));
        assert_eq!(
            check(&docx_with(&[]), Office::Xlsx),
            Err(Refusal::Structure)
        );
        let odt_without_mimetype = zip_of(&[("content.xml", XML)]);
        assert_eq!(
            check(&odt_without_mimetype, Office::Odt),
            Err(Refusal::Structure)
        );
        let jar = zip_of(&[
            ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"),
            ("Foo.class", b"\xCA\xFE\xBA\xBE"),
        ]);
        assert_eq!(check(&jar, Office::Xlsx), Err(Refusal::Forbidden));
        assert_eq!(
            check(b"PK\x03\x04...", Office::Docx),
            Err(Refusal::Unreadable)
        );
        assert_eq!(check(b"", Office::Docx), Err(Refusal::Unreadable));
    }

    #[test]
    fn programs_macros_and_escaping_names_are_refused() {
        for name in [
            "word/media/payload.exe",
            "PAYLOAD.EXE",
            "word/tool.app/Contents/x",
            "word/embeddings/inner.zip",
            "word/vbaProject.bin",
            "xl/vbaProject.bin",
            "Scripts/python/run.py",
            "Basic/Standard/Module1.xml",
            "../evil.xml",
            "word/../../evil.xml",
            "/etc/evil.xml",
            "word\\evil.xml",
        ] {
            let archive = docx_with(&[(name, b"x")]);
            assert_eq!(
                check(&archive, Office::Docx),
                Err(Refusal::Forbidden),
                "{name}"
            );
        }
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_expands_to() {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", XML),
        ] {
            writer.start_file(name, options).expect("entry");
            writer.write_all(content).expect("content");
        }
        writer
            .start_file("word/media/zeros.xml", options)
            .expect("entry");
        let mut zeros = std::io::repeat(0).take(200 * MIB);
        std::io::copy(&mut zeros, &mut writer).expect("zeros");
        let bomb = writer.finish().expect("archive").into_inner();
        assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
        assert_eq!(check(&bomb, Office::Docx), Err(Refusal::TooLarge));
        assert!(matches!(
            Refusal::TooLarge.problem(),
            Problem::FileExpandedTooLarge { max_mib: 100 }
        ));
    }

    #[test]
    fn the_bounds_are_set_by_size_and_ratio() {
        assert_eq!(expansion_limit(0), RATIO_FLOOR);
        assert_eq!(expansion_limit(50 * 1024), RATIO_FLOOR);
        assert_eq!(expansion_limit(256 * 1024), 50 * MIB);
        assert_eq!(expansion_limit(20 * 1024 * 1024), MAX_EXPANDED);
        assert_eq!(expansion_limit(usize::MAX), MAX_EXPANDED);
    }

    #[test]
    fn the_directory_count_is_read_before_the_archive() {
        let archive = docx_with(&[]);
        assert_eq!(declared_entries(&archive), Some(3));
        assert_eq!(declared_entries(b"PK\x03\x04"), None);
        let mut crafted = b"PK\x03\x04".to_vec();
        crafted.extend_from_slice(b"PK\x05\x06\0\0\0\0\xFF\xFF\xFF\xFF");
        crafted.extend_from_slice(&[0; 10]);
        assert_eq!(declared_entries(&crafted), Some(usize::from(u16::MAX)));
        assert_eq!(check(&crafted, Office::Docx), Err(Refusal::TooManyEntries));
    }
}
