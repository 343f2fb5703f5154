//! Source locations of descriptor elements.
//!
//! protobuf names an element by its *path* in the `FileDescriptorProto` (`[4, 0, 2, 1]` is the second
//! field of the first message) and records where each path was written in the file's
//! `source_code_info`: a 0-based line, a 0-based column (protox counts columns in bytes), and the
//! comments around it. The loader sorts every file's locations by path, so a lookup here is a
//! binary search, which keeps span lookups cheap even across the 7,000 files of googleapis.

use prost_types::SourceCodeInfo;
use prost_types::source_code_info::Location;

use crate::source::{FileId, SourceFile, Span};

/// Sorts the locations of a file by path, keeping the source order of locations that share a
/// path (an element with several option statements has one location per statement).
pub fn sort_locations(sci: &mut SourceCodeInfo) {
    sci.location.sort_by(|a, b| a.path.cmp(&b.path));
}

/// The first location recorded for `path`, in a `source_code_info` sorted by
/// [`sort_locations`] (as every file the loader returns is).
pub fn location<'a>(sci: &'a SourceCodeInfo, path: &[i32]) -> Option<&'a Location> {
    let locs = &sci.location;
    let i = locs.partition_point(|l| l.path.as_slice() < path);
    locs.get(i).filter(|l| l.path == path)
}

/// Every location recorded for `path` (an `option` path repeats once per statement).
pub fn locations<'a>(sci: &'a SourceCodeInfo, path: &[i32]) -> &'a [Location] {
    let locs = &sci.location;
    let start = locs.partition_point(|l| l.path.as_slice() < path);
    let end = start + locs[start..].partition_point(|l| l.path == path);
    &locs[start..end]
}

/// The span of the element at `path`; the start of the file when the element has no location
/// (synthesized map entries, or a file compiled without source info).
pub fn span_of(file: &SourceFile, fid: FileId, sci: &SourceCodeInfo, path: &[i32]) -> Span {
    location(sci, path)
        .and_then(|l| location_span(file, fid, l))
        .unwrap_or_else(|| Span::file_start(fid))
}

/// The span a location covers. Locations hold `[line, col, end_col]` or
/// `[line, col, end_line, end_col]`, 0-based, with columns in bytes from the line start.
pub fn location_span(file: &SourceFile, fid: FileId, loc: &Location) -> Option<Span> {
    let (l0, c0, l1, c1) = match *loc.span.as_slice() {
        [l, c, ec] => (l, c, l, ec),
        [l, c, el, ec] => (l, c, el, ec),
        _ => return None,
    };
    let start = byte_offset(file, l0, c0);
    let end = byte_offset(file, l1, c1);
    Some(Span::new(fid, start, end))
}

/// Byte offset of a 0-based line and byte column, clamped to the line and moved back onto a
/// character boundary so a span never splits a character.
fn byte_offset(file: &SourceFile, line0: i32, col0: i32) -> usize {
    let text = &file.text;
    let line_start = file.offset_of(line0.max(0) as usize, 0);
    let rest = &text[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let mut at = line_start + (col0.max(0) as usize).min(line_len);
    while at > line_start && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The leading comment of a location as buf reads it. protox, like protoc, takes a comment that
/// ends on the element's own line (`/* Doc. */ rpc Get(…)`) as its leading comment; buf's
/// compiler does not, and then sees no leading comment at all. buf's rules (COMMENT_*, and
/// `buf:lint:ignore` comments) go by the latter.
pub fn buf_leading_comment<'a>(file: &SourceFile, loc: &'a Location) -> Option<&'a str> {
    let comment = loc.leading_comments.as_deref()?;
    let (&line, &col) = (loc.span.first()?, loc.span.get(1)?);
    let start = file.offset_of(line.max(0) as usize, 0);
    let before = file
        .text
        .get(start..start + col.max(0) as usize)
        .unwrap_or("");
    before.trim().is_empty().then_some(comment)
}

/// A comment's text as written, without the comment markers: each line trimmed, blank lines at
/// either end dropped. Empty when the comment holds only whitespace.
pub fn clean_comment(raw: &str) -> String {
    let lines: Vec<&str> = raw.lines().map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(path: &[i32], span: &[i32]) -> Location {
        Location {
            path: path.to_vec(),
            span: span.to_vec(),
            ..Location::default()
        }
    }

    #[test]
    fn lookup_finds_the_first_location_of_a_path() {
        let mut sci = SourceCodeInfo {
            location: vec![
                loc(&[4, 0, 2, 0], &[2, 2, 10]),
                loc(&[4, 0], &[1, 0, 3, 1]),
                loc(&[8], &[5, 0, 9]),
                loc(&[8], &[6, 0, 9]),
                loc(&[4, 0, 1], &[1, 8, 9]),
            ],
        };
        sort_locations(&mut sci);
        assert_eq!(location(&sci, &[4, 0, 1]).unwrap().span, vec![1, 8, 9]);
        assert_eq!(locations(&sci, &[8]).len(), 2);
        assert_eq!(location(&sci, &[8]).unwrap().span, vec![5, 0, 9]);
        assert!(location(&sci, &[4, 1]).is_none());
        assert!(locations(&sci, &[9]).is_empty());
    }

    #[test]
    fn columns_are_bytes_and_spans_stay_on_character_boundaries() {
        let f = SourceFile::new("a".into(), "a".into(), "x\n/*é*/ ab\n".into());
        // "ab" starts at byte 7 of line 1 (the 'é' is two bytes), its 7th character.
        let s = location_span(&f, FileId(0), &loc(&[], &[1, 7, 9])).unwrap();
        assert_eq!(&f.text[s.start as usize..s.end as usize], "ab");
        // A column inside 'é' moves back to its first byte; a column past the line clamps.
        let s = location_span(&f, FileId(0), &loc(&[], &[1, 3, 99])).unwrap();
        assert_eq!(&f.text[s.start as usize..s.end as usize], "é*/ ab");
    }

    #[test]
    fn a_comment_ending_on_the_element_line_does_not_lead_it_for_buf() {
        let f = SourceFile::new(
            "a".into(),
            "a".into(),
            "// Doc.\nmessage A {}\n/* Doc. */ message B {}\n".into(),
        );
        let mut a = loc(&[4, 0], &[1, 0, 12]);
        a.leading_comments = Some(" Doc.\n".into());
        let mut b = loc(&[4, 1], &[2, 11, 23]);
        b.leading_comments = Some(" Doc. ".into());
        assert_eq!(buf_leading_comment(&f, &a), Some(" Doc.\n"));
        assert_eq!(buf_leading_comment(&f, &b), None);
    }

    #[test]
    fn comments_are_trimmed_per_line() {
        assert_eq!(clean_comment(" Hello.\n  World.\n\n"), "Hello.\nWorld.");
        assert_eq!(clean_comment("  \n "), "");
    }
}
