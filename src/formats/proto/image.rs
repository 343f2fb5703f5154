//! Protobuf images: a module's compiled descriptors as one serialized
//! `google.protobuf.FileDescriptorSet`, as `buf build -o image.binpb` writes them (and `protoc
//! --include_imports --include_source_info --descriptor_set_out`).
//!
//! ```text
//! bytes ──(gzip? JSON?)──▶ FileDescriptorSet + which files buf marked as imports
//!       ──▶ per file: its descriptor, and a stand-in text that puts its source info's positions
//!           at the same lines and columns
//! ```
//!
//! Three encodings are read, told apart by their content rather than their name: binary
//! (`.binpb`, `.bin`), gzip-compressed binary (`.binpb.gz`: buf compresses when the name ends in
//! `.gz`), and buf's JSON images (`-o image.json`, protobuf's JSON mapping). buf writes an `Image`
//! whose files are `FileDescriptorProto`s with one field of its own, `buf_extension` (8042), which
//! says whether a file is only an import. An image is wire-compatible with a FileDescriptorSet, so
//! it decodes as one; the extension is read on the side so imports are told from the module's
//! files as buf tells them.
//!
//! An image carries no text: only the line and column of each element, when it was built with
//! source info (buf's default). [`placeholder_text`] lays blanks out so those positions are the
//! same in the source map, and spans work as for any file, with nothing to excerpt.

use std::io::Read;

use prost::Message;
use prost_types::{FileDescriptorSet, SourceCodeInfo};

use super::source_info::sort_locations;

/// A decoded image.
#[derive(Debug)]
pub struct Image {
    /// Every file of the image, each file's source info (when present) sorted by path.
    pub set: FileDescriptorSet,
    /// Per file of `set`: whether buf marked it as an import; `None` where nothing says (an image
    /// written by protoc).
    pub is_import: Vec<Option<bool>>,
}

/// buf's `Image`, reduced to the one field treaty reads besides the descriptors.
#[derive(Clone, PartialEq, Message)]
struct BufImage {
    #[prost(message, repeated, tag = "1")]
    file: Vec<BufImageFile>,
}

#[derive(Clone, PartialEq, Message)]
struct BufImageFile {
    #[prost(message, optional, tag = "8042")]
    buf_extension: Option<BufExtension>,
}

#[derive(Clone, PartialEq, Message)]
struct BufExtension {
    #[prost(bool, optional, tag = "1")]
    is_import: Option<bool>,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The first byte of a serialized FileDescriptorSet: field 1 (`file`), length-delimited.
const FIRST_FILE_TAG: u8 = 0x0a;

/// Decodes an image; the error says what is wrong with the bytes, in words.
pub fn decode(bytes: &[u8]) -> Result<Image, String> {
    let inflated;
    let bytes = if bytes.starts_with(&GZIP_MAGIC) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| format!("the gzip-compressed image cannot be decompressed: {e}"))?;
        inflated = out;
        inflated.as_slice()
    } else {
        bytes
    };
    let mut image = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err("the file is empty: an image holds at least one file".to_string()),
        Some(b'{') => decode_json(bytes)?,
        Some(_) => decode_binary(bytes)?,
    };
    validate(&image.set)?;
    for fd in &mut image.set.file {
        if let Some(sci) = fd.source_code_info.as_mut() {
            sort_locations(sci);
        }
    }
    Ok(image)
}

fn decode_binary(bytes: &[u8]) -> Result<Image, String> {
    if bytes.first() != Some(&FIRST_FILE_TAG) {
        return Err("this is not a protobuf image (a serialized FileDescriptorSet, binary, gzip-compressed or JSON)".to_string());
    }
    let set = FileDescriptorSet::decode(bytes)
        .map_err(|e| format!("the image is truncated or corrupt: {e}"))?;
    // The same bytes as buf's Image: only the import marks are kept.
    let marks = BufImage::decode(bytes)
        .map(|i| {
            i.file
                .into_iter()
                .map(|f| f.buf_extension.and_then(|x| x.is_import))
                .collect()
        })
        .unwrap_or_default();
    Ok(with_marks(set, marks))
}

fn decode_json(bytes: &[u8]) -> Result<Image, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("the JSON image is not JSON: {e}"))?;
    let marks: Vec<Option<bool>> = value
        .get("file")
        .and_then(|f| f.as_array())
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    f.pointer("/bufExtension/isImport")
                        .and_then(|v| v.as_bool())
                })
                .collect()
        })
        .unwrap_or_default();
    let pool = prost_reflect::DescriptorPool::global();
    let desc = pool
        .get_message_by_name("google.protobuf.FileDescriptorSet")
        .ok_or("the descriptor of FileDescriptorSet is missing")?;
    // buf's own fields (`bufExtension`) are not FileDescriptorProto's: skip what is unknown.
    let options = prost_reflect::DeserializeOptions::new().deny_unknown_fields(false);
    let message = prost_reflect::DynamicMessage::deserialize_with_options(desc, value, &options)
        .map_err(|e| format!("the JSON image is not a FileDescriptorSet: {e}"))?;
    let set = message
        .transcode_to::<FileDescriptorSet>()
        .map_err(|e| format!("the JSON image is not a FileDescriptorSet: {e}"))?;
    Ok(with_marks(set, marks))
}

fn with_marks(set: FileDescriptorSet, mut marks: Vec<Option<bool>>) -> Image {
    marks.resize(set.file.len(), None);
    Image {
        set,
        is_import: marks,
    }
}

/// Bytes that decode by accident are not an image: every file has a name, and names are unique.
fn validate(set: &FileDescriptorSet) -> Result<(), String> {
    if set.file.is_empty() {
        return Err("the image holds no files".to_string());
    }
    let mut names = std::collections::HashSet::new();
    for (i, fd) in set.file.iter().enumerate() {
        let name = fd.name();
        if name.is_empty() {
            return Err(format!(
                "file {} of the image has no name: this is not a protobuf image",
                i + 1
            ));
        }
        if !names.insert(name) {
            return Err(format!("the image holds `{name}` twice"));
        }
    }
    Ok(())
}

/// Blanks laid out so that every position of `sci` (0-based line, byte column) falls on the same
/// line and column: each line as long as the furthest column recorded on it.
pub fn placeholder_text(sci: &SourceCodeInfo) -> String {
    let mut widths: Vec<usize> = Vec::new();
    let mut reach = |line: i32, col: i32| {
        let (Ok(line), Ok(col)) = (usize::try_from(line), usize::try_from(col)) else {
            return;
        };
        // A hostile image could name any line: stay within what a real file could hold.
        if line > 1 << 20 || col > 1 << 16 {
            return;
        }
        if widths.len() <= line {
            widths.resize(line + 1, 0);
        }
        widths[line] = widths[line].max(col);
    };
    for loc in &sci.location {
        match *loc.span.as_slice() {
            [l, c, ec] => {
                reach(l, c);
                reach(l, ec);
            }
            [l, c, el, ec] => {
                reach(l, c);
                reach(el, ec);
            }
            _ => {}
        }
    }
    let mut text = String::with_capacity(widths.iter().sum::<usize>() + widths.len());
    for w in widths {
        text.extend(std::iter::repeat_n(' ', w));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost_types::FileDescriptorProto;
    use prost_types::source_code_info::Location;

    fn set(names: &[&str]) -> FileDescriptorSet {
        FileDescriptorSet {
            file: names
                .iter()
                .map(|n| FileDescriptorProto {
                    name: Some(n.to_string()),
                    ..Default::default()
                })
                .collect(),
        }
    }

    #[test]
    fn binary_gzip_and_json_decode_alike() {
        let bytes = set(&["a.proto", "b.proto"]).encode_to_vec();
        let binary = decode(&bytes).unwrap();
        assert_eq!(binary.set.file.len(), 2);
        assert_eq!(binary.is_import, vec![None, None]);

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &bytes).unwrap();
        assert_eq!(decode(&gz.finish().unwrap()).unwrap().set, binary.set);

        let json =
            br#"{"file":[{"name":"a.proto","bufExtension":{"isImport":true}},{"name":"b.proto"}]}"#;
        let from_json = decode(json).unwrap();
        assert_eq!(from_json.set, binary.set);
        assert_eq!(from_json.is_import, vec![Some(true), None]);
    }

    #[test]
    fn garbage_is_refused_in_words() {
        for (bytes, says) in [
            (&b""[..], "empty"),
            (b"services:\n  order: {}\n", "not a protobuf image"),
            (
                &[0x1f, 0x8b, 0x08, 0x00, 0x01][..],
                "cannot be decompressed",
            ),
            (b"{\"file\": 3}", "not a FileDescriptorSet"),
            (b"{ nope", "not JSON"),
        ] {
            let e = decode(bytes).unwrap_err();
            assert!(e.contains(says), "{e}");
        }
        let bytes = set(&["a.proto"]).encode_to_vec();
        let e = decode(&bytes[..bytes.len() - 2]).unwrap_err();
        assert!(e.contains("truncated"), "{e}");
        let e = decode(&set(&["a.proto", "a.proto"]).encode_to_vec()).unwrap_err();
        assert!(e.contains("twice"), "{e}");
        let e = decode(&set(&[""]).encode_to_vec()).unwrap_err();
        assert!(e.contains("no name"), "{e}");
    }

    #[test]
    fn placeholder_positions_fall_on_the_recorded_lines_and_columns() {
        let sci = SourceCodeInfo {
            location: vec![
                Location {
                    span: vec![2, 4, 9],
                    ..Default::default()
                },
                Location {
                    span: vec![0, 0, 3, 1],
                    ..Default::default()
                },
            ],
        };
        let text = placeholder_text(&sci);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, vec!["", "", "         ", " "]);
    }
}
