//! Rewriting declared versions in place, for `treaty bump --write`.
//!
//! A version lives in a YAML or JSON scalar (`info.version` of a document, `version:` of a
//! contract or a service in treaty.yaml) whose byte range the loader recorded in
//! [`DeclaredVersion::span`](crate::model::DeclaredVersion). An edit replaces the characters of
//! that scalar and nothing else, so quoting style (`'1.2.0'`, `"1.2.0"`, bare), comments, key
//! order, indentation and line endings stay as they were, byte for byte: the diff of a bump is
//! the version text alone. Re-serialising the document would lose all of that.
//!
//! Before touching a file, every edit checks that its range still holds the version it was
//! planned from; a file changed since it was read is left alone and reported. The write is
//! atomic: the new content goes into a temporary file in the same directory, which then replaces
//! the original by rename, so an interrupted run leaves either the old file or the new one.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// One version to rewrite in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionEdit {
    /// The byte range of the scalar as the loader saw the text (after a UTF-8 byte-order mark).
    pub start: usize,
    pub end: usize,
    /// The version text the scalar must hold now.
    pub expected: String,
    /// The version text to put there.
    pub replacement: String,
}

/// Why an edit could not be made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: expected the version `{expected}` at bytes {start}..{end}, found `{found}`; the file changed since it was read, run the command again", path.display())]
    Changed {
        path: PathBuf,
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    #[error("`{0}` is not a version treaty writes (only letters, digits, `.`, `-` and `+`)")]
    BadVersion(String),
    #[error("two version edits overlap at bytes {0}..{1}")]
    Overlap(usize, usize),
}

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Applies edits to file content, returning the new content. Ranges count from after a byte-order
/// mark, which loaders strip; the mark itself is kept.
pub fn apply_to_bytes(
    bytes: &[u8],
    edits: &[VersionEdit],
    path: &Path,
) -> Result<Vec<u8>, EditError> {
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut sorted: Vec<&VersionEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.start));
    sorted.dedup_by(|a, b| a == b);
    let mut out = bytes.to_vec();
    let mut limit = usize::MAX;
    for edit in sorted {
        if !is_version_text(&edit.replacement) {
            return Err(EditError::BadVersion(edit.replacement.clone()));
        }
        let (start, end) = locate(bytes, skip + edit.start, skip + edit.end, edit)
            .ok_or_else(|| changed(bytes, skip, edit, path))?;
        if end > limit {
            return Err(EditError::Overlap(edit.start, edit.end));
        }
        limit = start;
        out.splice(start..end, edit.replacement.bytes());
    }
    Ok(out)
}

/// Applies edits to a file on disk, atomically.
pub fn apply(path: &Path, edits: &[VersionEdit]) -> Result<(), EditError> {
    let bytes = std::fs::read(path).map_err(|source| EditError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let out = apply_to_bytes(&bytes, edits, path)?;
    if out != bytes {
        write_atomic(path, &out).map_err(|source| EditError::Write {
            path: path.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

/// Writes a file through a temporary file in the same directory and a rename, keeping the
/// permissions of the file it replaces.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".treaty-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        // A tempfile is created private (0600); the file it replaces keeps its own mode.
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Semver text only: such text needs no quoting or escaping in YAML or JSON, whatever the style.
fn is_version_text(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_version_byte)
}

/// The byte range of the version characters of the scalar that starts in `start..end`. Parsers
/// differ in what a scalar's range covers (the quotes, blanks around it, even a trailing comment),
/// so the scalar is read from its first character: a quoted one runs to its closing quote, a
/// plain one as far as version characters go.
fn locate(bytes: &[u8], start: usize, end: usize, edit: &VersionEdit) -> Option<(usize, usize)> {
    let raw = bytes.get(start..end)?;
    let lead = raw.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let s = start + lead;
    let (s, e) = match bytes.get(s)? {
        q @ (b'\'' | b'"') => {
            let close = bytes[s + 1..].iter().position(|b| b == q)?;
            (s + 1, s + 1 + close)
        }
        _ => {
            let len = bytes[s..]
                .iter()
                .take_while(|b| is_version_byte(**b))
                .count();
            (s, s + len)
        }
    };
    (bytes.get(s..e)? == edit.expected.trim().as_bytes()).then_some((s, e))
}

fn is_version_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+')
}

fn changed(bytes: &[u8], skip: usize, edit: &VersionEdit, path: &Path) -> EditError {
    let found = bytes
        .get(skip + edit.start..(skip + edit.end).min(bytes.len()))
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    EditError::Changed {
        path: path.to_path_buf(),
        start: edit.start,
        end: edit.end,
        expected: edit.expected.clone(),
        found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, needle: &str, replacement: &str) -> VersionEdit {
        let start = text.find(needle).unwrap();
        VersionEdit {
            start,
            end: start + needle.len(),
            expected: needle.trim_matches(['\'', '"']).to_string(),
            replacement: replacement.to_string(),
        }
    }

    fn run(text: &str, edits: &[VersionEdit]) -> String {
        String::from_utf8(apply_to_bytes(text.as_bytes(), edits, Path::new("t.yaml")).unwrap())
            .unwrap()
    }

    #[test]
    fn quotes_comments_and_line_endings_stay() {
        let text = "a:\r\n  version: '1.2.0' # single\r\n  b: \"1.2.0\"\r\n  c: 1.2.0\r\n";
        let e1 = edit(text, "'1.2.0'", "2.0.0");
        let e2 = edit(text, "\"1.2.0\"", "2.0.0");
        let e3 = edit(text, "1.2.0\r", "2.0.0");
        let e3 = VersionEdit {
            expected: "1.2.0".into(),
            ..e3
        };
        assert_eq!(
            run(text, &[e1, e2, e3]),
            "a:\r\n  version: '2.0.0' # single\r\n  b: \"2.0.0\"\r\n  c: 2.0.0\r\n"
        );
    }

    #[test]
    fn a_range_running_into_a_comment_edits_the_scalar_only() {
        let text = "version: '1.4.0'   # released\nnext: 1.4.0 # plain\n";
        let start = text.find("'1.4.0'").unwrap();
        let e1 = VersionEdit {
            start,
            end: text.find("\nnext").unwrap(),
            expected: "1.4.0".into(),
            replacement: "2.0.0".into(),
        };
        let start = text.find("1.4.0 #").unwrap();
        let e2 = VersionEdit {
            start,
            end: text.len() - 1,
            expected: "1.4.0".into(),
            replacement: "1.5.0".into(),
        };
        assert_eq!(
            run(text, &[e1, e2]),
            "version: '2.0.0'   # released\nnext: 1.5.0 # plain\n"
        );
    }

    #[test]
    fn a_range_inside_the_quotes_works_too() {
        let text = "{\"info\": {\"version\": \"1.0.0\"}}";
        let start = text.find("1.0.0").unwrap();
        let e = VersionEdit {
            start,
            end: start + 5,
            expected: "1.0.0".into(),
            replacement: "1.1.0".into(),
        };
        assert_eq!(run(text, &[e]), "{\"info\": {\"version\": \"1.1.0\"}}");
    }

    #[test]
    fn a_byte_order_mark_is_kept_and_skipped() {
        let text = "version: 0.1.0\n";
        let e = edit(text, "0.1.0", "0.2.0");
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let out = apply_to_bytes(&bytes, &[e], Path::new("t.yaml")).unwrap();
        assert_eq!(&out[..3], BOM);
        assert_eq!(&out[3..], b"version: 0.2.0\n");
    }

    #[test]
    fn a_changed_file_is_refused() {
        let text = "version: 1.0.0\n";
        let mut e = edit(text, "1.0.0", "2.0.0");
        e.expected = "1.1.0".into();
        assert!(matches!(
            apply_to_bytes(text.as_bytes(), &[e], Path::new("t")),
            Err(EditError::Changed { .. })
        ));
    }

    #[test]
    fn only_version_text_is_written() {
        let text = "version: 1.0.0\n";
        let e = edit(text, "1.0.0", "2.0.0 # x");
        assert!(matches!(
            apply_to_bytes(text.as_bytes(), &[e], Path::new("t")),
            Err(EditError::BadVersion(_))
        ));
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("treaty.yaml");
        std::fs::write(&p, "version: 1.0.0 # keep\n").unwrap();
        apply(&p, &[edit("version: 1.0.0 # keep\n", "1.0.0", "1.0.1")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "version: 1.0.1 # keep\n"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }
}
