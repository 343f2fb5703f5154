//! Source files and spans.
//!
//! Every node of the contract model points back into the text it came from with a [`Span`]: a file
//! and a byte range. Line and column are derived from the byte offset only when a diagnostic is
//! rendered, through a line table built lazily per file, so loading a large description costs no
//! position bookkeeping beyond two integers per node.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// An empty span at the start of a file, for elements that have no better position.
    pub fn file_start(file: FileId) -> Span {
        Span {
            file,
            start: 0,
            end: 0,
        }
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True when `other` lies inside this span (same file).
    pub fn contains(&self, other: &Span) -> bool {
        self.file == other.file && self.start <= other.start && other.end <= self.end
    }
}

/// A 1-based line and column, as editors, buf and SARIF count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// What a file's [`SourceFile::text`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// The file's own text.
    Text,
    /// Blanks laid out so that the positions known for the file (a protobuf image's source info:
    /// lines and columns, no text) come out as the same lines and columns. Spans work as in any
    /// file; there is nothing to show from it.
    Positions,
    /// Nothing: only the file's name is known (an image built without source info).
    NameOnly,
}

/// One loaded file: its path on disk, the path shown to users (relative to its side's root), and
/// its text.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub display: String,
    pub text: Arc<str>,
    content: Content,
    line_starts: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: Arc<str>) -> SourceFile {
        SourceFile::with_content(path, display, text, Content::Text)
    }

    /// A file whose `text` stands in for text that is not there (see [`Content`]).
    pub fn with_content(
        path: PathBuf,
        display: String,
        text: Arc<str>,
        content: Content,
    ) -> SourceFile {
        SourceFile {
            path,
            display,
            text,
            content,
            line_starts: OnceLock::new(),
        }
    }

    /// What the text holds: renderers show excerpts of [`Content::Text`] only.
    pub fn content(&self) -> Content {
        self.content
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0u32];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            );
            starts
        })
    }

    /// The byte range of 0-based lines `first..=last` (clamped), newline of the last included.
    pub fn lines_range(&self, first: usize, last: usize) -> (usize, usize) {
        let starts = self.line_starts();
        let first = first.min(starts.len() - 1);
        let start = starts[first] as usize;
        let end = starts
            .get(last.max(first) + 1)
            .map(|&n| n as usize)
            .unwrap_or(self.text.len());
        (start, end)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let starts = self.line_starts();
        let offset = offset.min(self.text.len() as u32);
        let line = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = starts[line] as usize;
        let end = (offset as usize).max(start);
        let column = self
            .text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end - start);
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// Byte offset of a 0-based line and 0-based character column; clamps to the line.
    pub fn offset_of(&self, line0: usize, col0_chars: usize) -> usize {
        let starts = self.line_starts();
        let Some(&start) = starts.get(line0) else {
            return self.text.len();
        };
        let start = start as usize;
        let end = starts
            .get(line0 + 1)
            .map(|&n| n as usize - 1)
            .unwrap_or(self.text.len());
        let line = &self.text[start..end.max(start)];
        if line.is_ascii() {
            return start + col0_chars.min(line.len());
        }
        line.char_indices()
            .nth(col0_chars)
            .map(|(i, _)| start + i)
            .unwrap_or(start + line.len())
    }
}

/// All files loaded for one side of a comparison (or one lint run).
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<Arc<SourceFile>>,
    /// Path → id, so that registering thousands of files (googleapis) stays linear.
    by_path: std::collections::HashMap<PathBuf, FileId>,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file, or returns the id of the file already loaded from the same path.
    pub fn add(&mut self, path: PathBuf, display: String, text: Arc<str>) -> FileId {
        self.add_with_content(path, display, text, Content::Text)
    }

    /// Adds a file whose text may be a stand-in (see [`Content`]).
    pub fn add_with_content(
        &mut self,
        path: PathBuf,
        display: String,
        text: Arc<str>,
        content: Content,
    ) -> FileId {
        if let Some(id) = self.find(&path) {
            return id;
        }
        let id = FileId(self.files.len() as u32);
        self.by_path.insert(path.clone(), id);
        self.files.push(Arc::new(SourceFile::with_content(
            path, display, text, content,
        )));
        id
    }

    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn get(&self, id: FileId) -> &Arc<SourceFile> {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &Arc<SourceFile>)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Line and column of the start of a span.
    pub fn line_col(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_and_in_characters() {
        let f = SourceFile::new("a".into(), "a".into(), "ab\ncé d\n".into());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'é' is two bytes: the 'd' at byte 7 is the 4th character of line 2.
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 4 });
        assert_eq!(f.offset_of(1, 3), 7);
        assert_eq!(f.offset_of(0, 1), 1);
        assert_eq!(f.offset_of(9, 0), f.text.len());
    }
}
