//! A located YAML/JSON tree.
//!
//! OpenAPI and AsyncAPI documents are read with saphyr, whose nodes carry positions, into this
//! small owned tree: every node keeps the [`Span`] of its text, and mapping keys keep theirs, so
//! the loaders can point a diagnostic or a finding at the exact key or value. JSON is read by the
//! same parser (JSON is YAML 1.2), so both spellings of a contract produce the same tree.

use crate::diag::LoadError;
use crate::source::{FileId, SourceFile, Span};
use saphyr::Scalar;

/// A value with its position.
#[derive(Clone, Debug)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A mapping entry: the key as text with its own span, and the value.
#[derive(Clone, Debug)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.value),
            _ => None,
        }
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            NodeKind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a sequence (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            NodeKind::Int(i) => Some(i as f64),
            NodeKind::Float(f) => Some(f),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.kind {
            NodeKind::Int(i) if i >= 0 => Some(i as u64),
            NodeKind::Float(f) if f >= 0.0 && f.fract() == 0.0 => Some(f as u64),
            _ => None,
        }
    }

    pub fn is_map(&self) -> bool {
        matches!(self.kind, NodeKind::Map(_))
    }

    pub fn is_seq(&self) -> bool {
        matches!(self.kind, NodeKind::Seq(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// The name of the value's type, for error messages ("expected a mapping, found a string").
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) => "an integer",
            NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "a string",
            NodeKind::Seq(_) => "a sequence",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// The scalar as text: strings as they are, numbers and booleans as written in the source
    /// (so `version: 1.10` stays "1.10" rather than the float 1.1).
    pub fn scalar_text<'a>(&'a self, file: &'a SourceFile) -> Option<std::borrow::Cow<'a, str>> {
        match &self.kind {
            NodeKind::Str(s) => Some(s.as_str().into()),
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => file
                .text
                .get(self.span.start as usize..self.span.end as usize)
                .map(|t| t.trim().trim_matches(['"', '\'']).into()),
            _ => None,
        }
    }

    /// Follows a JSON pointer (`/components/schemas/Order`, with `~0` and `~1` escapes).
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        let mut node = self;
        for raw in rest.split('/') {
            let token = unescape_pointer_token(raw);
            node = match &node.kind {
                NodeKind::Map(_) => node.get(&token)?,
                NodeKind::Seq(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The value as JSON (for examples, defaults, enums and extension values).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Int(i) => Value::from(*i),
            NodeKind::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            NodeKind::Str(s) => Value::String(s.clone()),
            NodeKind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Decodes one JSON-pointer token, including percent-encoding as used in URI fragments.
pub fn unescape_pointer_token(raw: &str) -> String {
    let decoded = if raw.contains('%') {
        percent_decode(raw)
    } else {
        raw.to_string()
    };
    decoded.replace("~1", "/").replace("~0", "~")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes a key for use in a JSON pointer.
pub fn escape_pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Parses a YAML or JSON file into a located tree.
///
/// The tree is built straight from saphyr's parser events (no intermediate document), which
/// keeps loading a 4 MB description to one pass and one allocation per node.
pub fn parse(file: &SourceFile, id: FileId) -> Result<Node, LoadError> {
    let text: &str = &file.text;
    if text.trim().is_empty() {
        return Err(LoadError::in_file(
            "treaty::syntax::empty",
            file.display.clone(),
            "the file is empty: a contract needs at least its version field (`openapi:` or `asyncapi:`)",
        ));
    }
    let mut builder = Builder {
        file,
        id,
        ascii: text.is_ascii(),
        stack: Vec::new(),
        anchors: std::collections::HashMap::new(),
        docs: Vec::new(),
        error: None,
        alias_budget: ALIAS_BUDGET,
    };
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parser.load(&mut builder, true)
    }));
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            let m = e.marker();
            let start = offset(file, m.index(), m.line(), m.col());
            let what = if file.display.ends_with(".json") {
                "JSON"
            } else {
                "YAML"
            };
            return Err(LoadError::at(
                "treaty::syntax::yaml",
                file,
                start,
                start + 1,
                format!("invalid {what}: {}", e.info()),
            )
            .with_label(e.info().to_string()));
        }
        Err(_) => {
            return Err(LoadError::in_file(
                "treaty::syntax::yaml",
                file.display.clone(),
                "the YAML parser could not read this file",
            ));
        }
    }
    if let Some(e) = builder.error {
        return Err(e);
    }
    let mut docs = builder.docs.into_iter();
    let Some(doc) = docs.next() else {
        return Err(LoadError::in_file(
            "treaty::syntax::empty",
            file.display.clone(),
            "the file holds no YAML document",
        ));
    };
    if let Some(second) = docs.next() {
        return Err(LoadError::at(
            "treaty::syntax::multiple-documents",
            file,
            second.span.start as usize,
            second.span.start as usize,
            "the file holds several YAML documents; a contract is one document",
        )
        .with_help("split the documents into files of their own"));
    }
    Ok(doc)
}

/// How many nodes alias expansion may copy in one file: enough for any real document, and a stop
/// for "billion laughs" inputs whose aliases expand exponentially.
const ALIAS_BUDGET: usize = 1_000_000;

fn offset(file: &SourceFile, index: usize, line: usize, col: usize) -> usize {
    if file.text.is_ascii() {
        index.min(file.text.len())
    } else {
        file.offset_of(line.saturating_sub(1), col)
    }
}

/// A collection being built: its start, its anchor, and its children so far.
enum Open {
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
    },
}

struct Builder<'a> {
    file: &'a SourceFile,
    id: FileId,
    ascii: bool,
    stack: Vec<Open>,
    anchors: std::collections::HashMap<usize, Node>,
    docs: Vec<Node>,
    error: Option<LoadError>,
    alias_budget: usize,
}

impl Builder<'_> {
    fn pos(&self, m: &saphyr_parser::Marker) -> usize {
        let at = if self.ascii {
            m.index()
        } else {
            self.file.offset_of(m.line().saturating_sub(1), m.col())
        };
        at.min(self.file.text.len())
    }

    fn fail(&mut self, e: LoadError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Adds a finished node to its parent (or as a document).
    fn push(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                None => {
                    let k = match &node.kind {
                        NodeKind::Str(s) => Some(s.clone()),
                        NodeKind::Null => Some("null".to_string()),
                        NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => self
                            .file
                            .text
                            .get(node.span.start as usize..node.span.end as usize)
                            .map(|t| t.trim().to_string()),
                        _ => None,
                    };
                    match k {
                        Some(k) => {
                            if entries.iter().any(|e| e.key == k) {
                                let e = LoadError::at(
                                    "treaty::syntax::duplicate-key",
                                    self.file,
                                    node.span.start as usize,
                                    node.span.end as usize,
                                    format!("the key `{k}` appears twice in this mapping"),
                                )
                                .with_label("again here")
                                .with_help("YAML and JSON keys must be unique; remove or merge one of them");
                                if self.error.is_none() {
                                    self.error = Some(e);
                                }
                            }
                            *key = Some((k, node.span));
                        }
                        None => {
                            let e = LoadError::at(
                                "treaty::syntax::complex-key",
                                self.file,
                                node.span.start as usize,
                                node.span.end as usize,
                                "a mapping key must be a plain scalar",
                            );
                            if self.error.is_none() {
                                self.error = Some(e);
                            }
                            *key = Some((String::new(), node.span));
                        }
                    }
                }
                Some((k, key_span)) => entries.push(Entry {
                    key: k,
                    key_span,
                    value: node,
                }),
            },
        }
    }

    fn count(node: &Node) -> usize {
        1 + match &node.kind {
            NodeKind::Seq(items) => items.iter().map(Builder::count).sum(),
            NodeKind::Map(entries) => entries.iter().map(|e| Builder::count(&e.value)).sum(),
            _ => 0,
        }
    }
}

impl<'input> saphyr_parser::SpannedEventReceiver<'input> for Builder<'_> {
    fn on_event(&mut self, ev: saphyr_parser::Event<'input>, span: saphyr_parser::Span) {
        use saphyr_parser::Event;
        if self.error.is_some() {
            return;
        }
        let (start, end) = (self.pos(&span.start), self.pos(&span.end));
        match ev {
            Event::StreamStart
            | Event::StreamEnd
            | Event::Nothing
            | Event::DocumentStart(_)
            | Event::DocumentEnd => {}
            Event::SequenceStart(anchor, _) => self.stack.push(Open::Seq {
                start,
                anchor,
                items: Vec::new(),
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Open::Map {
                start,
                anchor,
                entries: Vec::new(),
                key: None,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = self.stack.pop() else { return };
                let (node, anchor) = match open {
                    Open::Seq {
                        start: s,
                        anchor,
                        items,
                    } => (
                        Node {
                            span: Span::new(self.id, s, end.max(s)),
                            kind: NodeKind::Seq(items),
                        },
                        anchor,
                    ),
                    Open::Map {
                        start: s,
                        anchor,
                        entries,
                        ..
                    } => (
                        Node {
                            span: Span::new(self.id, s, end.max(s)),
                            kind: NodeKind::Map(entries),
                        },
                        anchor,
                    ),
                };
                self.push(node, anchor);
            }
            Event::Scalar(value, style, anchor, tag) => {
                let kind =
                    match Scalar::parse_from_cow_and_metadata(value.clone(), style, tag.as_ref()) {
                        Some(s) => scalar(&s),
                        None => NodeKind::Str(value.into_owned()),
                    };
                self.push(
                    Node {
                        span: Span::new(self.id, start, end),
                        kind,
                    },
                    anchor,
                );
            }
            Event::Alias(id) => {
                let Some(node) = self.anchors.get(&id).cloned() else {
                    let e = LoadError::at(
                        "treaty::syntax::yaml",
                        self.file,
                        start,
                        end,
                        "this alias names no anchor defined before it",
                    );
                    self.fail(e);
                    return;
                };
                let size = Builder::count(&node);
                if size > self.alias_budget {
                    let e = LoadError::at(
                        "treaty::syntax::alias-expansion",
                        self.file,
                        start,
                        end,
                        "aliases in this file expand to more than a million nodes",
                    )
                    .with_help("a document this large through aliases is almost certainly an attack (\"billion laughs\"); write the values out");
                    self.fail(e);
                    return;
                }
                self.alias_budget -= size;
                // The alias's own position, so findings point where it is used.
                let node = Node {
                    span: Span::new(self.id, start, end),
                    ..node
                };
                self.push(node, 0);
            }
        }
    }
}

fn scalar(s: &Scalar) -> NodeKind {
    match s {
        Scalar::Null => NodeKind::Null,
        Scalar::Boolean(b) => NodeKind::Bool(*b),
        Scalar::Integer(i) => NodeKind::Int(*i),
        Scalar::FloatingPoint(f) => NodeKind::Float(f.into_inner()),
        Scalar::String(s) => NodeKind::Str(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn load(text: &str, name: &str) -> (SourceFile, Result<Node, LoadError>) {
        let f = SourceFile::new(name.into(), name.into(), Arc::from(text));
        let r = parse(&f, FileId(0));
        (f, r)
    }

    #[test]
    fn keys_and_values_carry_spans() {
        let (f, n) = load(
            "openapi: 3.1.0\npaths:\n  /a:\n    get: {}\nresponses:\n  200: ok\n",
            "a.yaml",
        );
        let n = n.unwrap();
        let paths = n.entry("paths").unwrap();
        assert_eq!(f.line_col(paths.key_span.start).line, 2);
        let get = n.pointer("/paths/~1a/get").unwrap();
        assert!(get.is_map());
        assert_eq!(f.line_col(get.span.start).line, 4);
        // Integer keys keep their source text.
        assert!(n.pointer("/responses/200").is_some());
    }

    #[test]
    fn json_reads_as_the_same_tree() {
        let (_, y) = load("a: [1, 'x']\nb: {c: null}\n", "a.yaml");
        let (_, j) = load(
            "{\n\t\"a\": [1, \"x\"],\n\t\"b\": {\"c\": null}\n}\n",
            "a.json",
        );
        assert_eq!(y.unwrap().to_json(), j.unwrap().to_json());
    }

    #[test]
    fn syntax_errors_are_located() {
        let (_, r) = load("a: [1, 2\nb: c\n", "bad.yaml");
        let e = r.unwrap_err();
        assert_eq!(e.code, "treaty::syntax::yaml");
        assert!(e.line_col().is_some());
        let (_, r) = load("  \n", "empty.yaml");
        assert_eq!(r.unwrap_err().code, "treaty::syntax::empty");
    }

    #[test]
    fn duplicate_keys_are_located_errors() {
        let (f, r) = load("a: 1\nb: 2\na: 3\n", "dup.yaml");
        let e = r.unwrap_err();
        assert_eq!(e.code, "treaty::syntax::duplicate-key");
        assert_eq!(e.line_col(), Some((3, 1)));
        drop(f);
    }

    #[test]
    fn aliases_expand_and_exponential_ones_are_refused() {
        let (_, r) = load("a: &x {k: [1, 2]}\nb: *x\n", "alias.yaml");
        let n = r.unwrap();
        assert_eq!(n.get("a").unwrap().to_json(), n.get("b").unwrap().to_json());
        let mut laughs =
            String::from("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..9 {
            let refs = vec![format!("*l{}", i - 1); 10].join(", ");
            laughs.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
        }
        let (_, r) = load(&laughs, "laughs.yaml");
        assert_eq!(r.unwrap_err().code, "treaty::syntax::alias-expansion");
    }

    #[test]
    fn scalar_text_keeps_numbers_as_written() {
        let (f, n) = load("version: 1.10\n", "a.yaml");
        let n = n.unwrap();
        assert_eq!(n.get("version").unwrap().scalar_text(&f).unwrap(), "1.10");
    }
}
