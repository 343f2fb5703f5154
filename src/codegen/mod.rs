//! Code generation: contracts in, source files out.
//!
//! A generator produces a [`Tree`]: every file it wants under an output directory, as bytes.
//! This module turns a tree into files on disk ([`write_tree`]) and compares a tree with what is
//! on disk ([`check_tree`]), the same way for every target language. Both keep a record of what
//! was generated ([`RECORD`]) in the output directory, so that a file the generator wrote before
//! and no longer writes is removed on the next run, and a file it never wrote is never touched.

pub mod rust;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file in an output directory that lists, one per line, every file treaty generated there.
pub const RECORD: &str = ".treaty-generated";

/// Generated files by path relative to the output directory (always `/`-separated), in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    pub files: BTreeMap<String, String>,
}

impl Tree {
    pub fn insert(&mut self, path: impl Into<String>, contents: impl Into<String>) {
        self.files.insert(path.into(), contents.into());
    }

    /// The record file's contents for this tree: a header, then every path (the record included).
    fn record(&self) -> String {
        let mut out = String::from(
            "# Files written by `treaty gen`. On regeneration, treaty removes the files listed here\n\
             # that it no longer generates, and never touches any other file.\n",
        );
        let mut paths: Vec<&str> = self.files.keys().map(String::as_str).collect();
        paths.push(RECORD);
        paths.sort_unstable();
        for p in paths {
            out.push_str(p);
            out.push('\n');
        }
        out
    }
}

/// An error writing or reading generated files.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> GenError + '_ {
    move |source| GenError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What [`write_tree`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or whose contents changed.
    pub written: Vec<String>,
    /// Files already up to date (left alone, so their modification time does not change).
    pub unchanged: Vec<String>,
    /// Files generated before and not any more, removed.
    pub removed: Vec<String>,
}

/// The paths listed in `out`'s record, if it has one. Lines that are comments, empty, absolute or
/// leave the directory are ignored, so a tampered record can never make treaty delete elsewhere.
pub fn read_record(out: &Path) -> Result<Vec<String>, GenError> {
    let path = out.join(RECORD);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&path)(e)),
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && safe_relative(l))
        .map(str::to_string)
        .collect())
}

/// A relative path that stays inside the directory it is relative to.
fn safe_relative(p: &str) -> bool {
    let path = Path::new(p);
    !path.is_absolute()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes `tree` under `out`: each file atomically (a temporary file renamed over it) and only
/// when its contents changed; then removes the files the previous record lists that the tree no
/// longer has (and directories that removal left empty), and writes the new record.
pub fn write_tree(out: &Path, tree: &Tree) -> Result<WriteReport, GenError> {
    for p in tree.files.keys() {
        if !safe_relative(p) {
            return Err(GenError::Invalid(format!(
                "refusing to write `{p}`: generated paths must stay inside the output directory"
            )));
        }
    }
    std::fs::create_dir_all(out).map_err(io(out))?;
    let previous = read_record(out)?;
    let mut report = WriteReport::default();
    let mut all = tree.files.clone();
    all.insert(RECORD.to_string(), tree.record());
    for (rel, contents) in &all {
        let path = out.join(rel);
        match std::fs::read(&path) {
            Ok(old) if old == contents.as_bytes() => {
                if rel != RECORD {
                    report.unchanged.push(rel.clone());
                }
                continue;
            }
            _ => {}
        }
        write_atomic(&path, contents.as_bytes())?;
        if rel != RECORD {
            report.written.push(rel.clone());
        }
    }
    for rel in previous {
        if all.contains_key(&rel) {
            continue;
        }
        let path = out.join(&rel);
        match std::fs::remove_file(&path) {
            Ok(()) => report.removed.push(rel.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io(&path)(e)),
        }
        // Remove the directories the file was the last entry of, up to `out`.
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == out || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(report)
}

/// Writes `bytes` to `path` through a temporary file in the same directory, renamed into place,
/// so a reader never sees a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), GenError> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io(dir))?;
    tmp.write_all(bytes).map_err(io(path))?;
    tmp.persist(path).map_err(|e| io(path)(e.error))?;
    Ok(())
}

/// One file where the directory differs from what would be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub path: String,
    pub kind: StaleKind,
    /// A unified diff from what is on disk to what would be generated.
    pub diff: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaleKind {
    /// Would be generated, is not on disk.
    Missing,
    /// On disk with other contents.
    Changed,
    /// Generated before, listed in the record, not generated any more: would be removed.
    Removed,
}

/// Compares `tree` with what is under `out` without writing anything. Empty when `out` is up to
/// date.
pub fn check_tree(out: &Path, tree: &Tree) -> Result<Vec<Stale>, GenError> {
    let mut all = tree.files.clone();
    all.insert(RECORD.to_string(), tree.record());
    let mut stale = Vec::new();
    for (rel, contents) in &all {
        let path = out.join(rel);
        match std::fs::read(&path) {
            Ok(old) if old == contents.as_bytes() => {}
            Ok(old) => {
                let old = String::from_utf8_lossy(&old);
                stale.push(Stale {
                    path: rel.clone(),
                    kind: StaleKind::Changed,
                    diff: unified(rel, &old, contents),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => stale.push(Stale {
                path: rel.clone(),
                kind: StaleKind::Missing,
                diff: unified(rel, "", contents),
            }),
            Err(e) => return Err(io(&path)(e)),
        }
    }
    for rel in read_record(out)? {
        if all.contains_key(&rel) {
            continue;
        }
        if let Ok(old) = std::fs::read(out.join(&rel)) {
            let old = String::from_utf8_lossy(&old);
            stale.push(Stale {
                path: rel.clone(),
                kind: StaleKind::Removed,
                diff: unified(&rel, &old, ""),
            });
        }
    }
    stale.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(stale)
}

fn unified(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
