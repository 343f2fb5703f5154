//! AsyncAPI 2.x and 3.0 documents → the contract model.
//!
//! There is no maintained Rust model of AsyncAPI, so the loader reads the located YAML/JSON tree
//! ([`Node`]) directly and keeps a span on everything it builds. Both versions end in the same
//! model, seen from the application's own point of view:
//!
//! - **3.0** (`v3.rs`): `channels` (id → address, messages, parameters, bindings) and top-level
//!   `operations` (action `send`/`receive`, a channel `$ref`, message `$ref`s, `reply`).
//! - **2.x** (`v2.rs`, 2.0 to 2.6): `channels` keyed by address, each with `publish` and/or
//!   `subscribe`. 2.x names operations from the *client's* side: `publish` means other
//!   applications publish to this one, so it becomes [`Action::Receive`]; `subscribe` becomes
//!   [`Action::Send`]. A 2.6 document and its faithful 3.0 migration load to the same channels,
//!   operations, actions and messages.
//!
//! Messages (`message.rs`) are built once per resolved location and shared by index between
//! channels and operations; message and operation traits are merged first (`traits.rs`). Payload
//! and header schemas go through the shared JSON Schema builder unless a `schemaFormat` names
//! another language (Avro, protobuf, RAML), which is kept raw as [`Payload::Other`].
//!
//! Every `$ref` is resolved through [`Documents`] (relative files yes, URLs never) and its target
//! recorded in [`Contract::referenced`], which with [`Contract::other_components`] feeds the
//! unused-component lint. `x-treaty-ignore` on any element becomes a [`Suppression`] over it.
//! Problems are located [`LoadError`]s with `treaty::asyncapi::*` codes; the loader collects as
//! many as it can in one pass and never panics on input.
//!
//! [`Action::Receive`]: crate::model::Action::Receive
//! [`Action::Send`]: crate::model::Action::Send
//! [`Payload::Other`]: crate::model::Payload::Other

// A `LoadError` carries its source excerpt, so it is large; errors are the cold path and are
// collected, not propagated through hot loops, so boxing them would buy nothing.
#![allow(clippy::result_large_err)]

mod message;
mod traits;
mod v2;
mod v3;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;
use serde_json::Value;

use super::jsonschema::{self, Dialect};
use super::refs::Documents;
use super::tree::{self, Node, NodeKind};
use super::{ContractSpec, LoadCx};
use crate::diag::{LoadError, LoadErrors};
use crate::model::{
    Contract, ContractKind, DeclaredVersion, Key, SchemaId, SecurityScheme, Server, Suppression,
    VersionSource,
};
use crate::source::{FileId, Span};

/// Error codes of this loader.
pub(crate) mod code {
    pub const NOT_ASYNCAPI: &str = "treaty::asyncapi::not-asyncapi";
    pub const UNSUPPORTED_VERSION: &str = "treaty::asyncapi::unsupported-version";
    pub const MISSING_FIELD: &str = "treaty::asyncapi::missing-field";
    pub const WRONG_TYPE: &str = "treaty::asyncapi::wrong-type";
    pub const INVALID_ACTION: &str = "treaty::asyncapi::invalid-action";
    pub const BAD_REFERENCE: &str = "treaty::asyncapi::bad-reference";
    pub const FILES: &str = "treaty::asyncapi::files";
    pub const REF_CYCLE: &str = "treaty::ref::cycle";
}

/// How many `$ref` hops one reference may take before it is called a cycle.
const MAX_REF_HOPS: usize = 64;

/// The major AsyncAPI versions the loader reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Version {
    /// 2.0 to 2.6.
    V2,
    /// 3.0.
    V3,
}

/// Loads one AsyncAPI contract (its root document and every file it refers to).
pub fn load(cx: &mut LoadCx, spec: &ContractSpec) -> Result<Contract, LoadErrors> {
    let path = match spec.files.as_slice() {
        [one] => one,
        [] => {
            return Err(LoadError::new(
                code::FILES,
                format!("the AsyncAPI contract `{}` names no file", spec.name),
            )
            .into());
        }
        [_, ..] => {
            return Err(LoadError::new(
                code::FILES,
                format!(
                    "the AsyncAPI contract `{}` names {} files; it starts from exactly one root document",
                    spec.name,
                    spec.files.len()
                ),
            )
            .with_help("list only the root document; the files it `$ref`s are read from there")
            .into());
        }
    };
    let file = cx.read(path)?;
    let mut docs = Documents::new();
    let root = docs.tree(cx, file)?;
    let version = detect_version(cx, file, &root)?;
    let mut contract = Contract::new(spec.name.clone(), ContractKind::Asyncapi, file);
    contract.spec_version = version.1;
    let mut loader = Loader {
        cx,
        docs,
        contract,
        errors: LoadErrors::default(),
        version: version.0,
        root: At::root(file, root),
        default_content_type: None,
        messages_by_location: HashMap::new(),
        channels_by_location: HashMap::new(),
        other_payloads: HashSet::new(),
    };
    loader.run();
    loader.finish()
}

/// Reads `asyncapi:` and decides which loader applies.
fn detect_version(cx: &LoadCx, file: FileId, root: &Node) -> Result<(Version, String), LoadError> {
    let source = cx.sources.get(file);
    if !root.is_map() {
        return Err(LoadError::at_span(
            code::NOT_ASYNCAPI,
            cx.sources,
            root.span,
            format!(
                "an AsyncAPI document is a mapping; found {}",
                root.type_name()
            ),
        ));
    }
    let Some(entry) = root.entry("asyncapi") else {
        return Err(LoadError::at_span(
            code::NOT_ASYNCAPI,
            cx.sources,
            Span::new(file, 0, 0),
            "this is not an AsyncAPI document: it has no `asyncapi:` version field",
        )
        .with_help("start the document with `asyncapi: 3.0.0` (or `asyncapi: 2.6.0`)"));
    };
    let text = entry
        .value
        .scalar_text(source)
        .map(|t| t.trim().to_string())
        .unwrap_or_default();
    let parts: Vec<&str> = text.split('.').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let version = match parts.as_slice() {
        [major, minor, patch] => match (
            number(major),
            number(minor),
            patch.split(['-', '+']).next().and_then(number),
        ) {
            (Some(2), Some(0..=6), Some(_)) => Some(Version::V2),
            (Some(3), Some(0), Some(_)) => Some(Version::V3),
            _ => None,
        },
        _ => None,
    };
    match version {
        Some(v) => Ok((v, text)),
        None => Err(LoadError::at_span(
            code::UNSUPPORTED_VERSION,
            cx.sources,
            entry.value.span,
            format!("AsyncAPI version `{text}` is not supported"),
        )
        .with_label("unsupported version")
        .with_help("treaty reads AsyncAPI 2.0 to 2.6 and 3.0 (e.g. `asyncapi: 3.0.0`)")),
    }
}

/// A node addressed by file and JSON pointer, so it can be handed to the schema builder, have its
/// `$ref`s resolved relative to its own file, and name its canonical location.
#[derive(Clone, Debug)]
pub(crate) struct At {
    pub file: FileId,
    pub doc: Arc<Node>,
    /// Canonical JSON pointer (tokens escaped) of the node in `doc`.
    pub pointer: String,
}

/// What [`At::node`] returns when the pointer does not resolve (it always does for pointers
/// built by the loader; this keeps a stale one from panicking).
static MISSING: Node = Node {
    span: Span {
        file: FileId(0),
        start: 0,
        end: 0,
    },
    kind: NodeKind::Null,
};

impl At {
    fn root(file: FileId, doc: Arc<Node>) -> At {
        At {
            file,
            doc,
            pointer: String::new(),
        }
    }

    /// A value that exists in no file (traits merged into an object), placed at `pointer` of a
    /// synthetic document so the schema builder can read it like any other.
    fn synthetic(file: FileId, pointer: String, node: Node) -> At {
        let mut doc = node;
        let tokens: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(tree::unescape_pointer_token)
            .collect();
        for token in tokens.into_iter().rev() {
            let span = doc.span;
            doc = Node {
                span,
                kind: NodeKind::Map(vec![tree::Entry {
                    key: token,
                    key_span: span,
                    value: doc,
                }]),
            };
        }
        At {
            file,
            doc: Arc::new(doc),
            pointer,
        }
    }

    pub fn node(&self) -> &Node {
        self.doc.pointer(&self.pointer).unwrap_or(&MISSING)
    }

    pub fn span(&self) -> Span {
        self.node().span
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.node().get(key)
    }

    pub fn child(&self, key: &str) -> Option<At> {
        self.node().get(key)?;
        Some(At {
            file: self.file,
            doc: self.doc.clone(),
            pointer: format!("{}/{}", self.pointer, tree::escape_pointer_token(key)),
        })
    }

    /// The entries of a mapping, each with its key, key span and location.
    pub fn entries(&self) -> Vec<(String, Span, At)> {
        self.node()
            .entries()
            .iter()
            .map(|e| {
                let at = At {
                    file: self.file,
                    doc: self.doc.clone(),
                    pointer: format!("{}/{}", self.pointer, tree::escape_pointer_token(&e.key)),
                };
                (e.key.clone(), e.key_span, at)
            })
            .collect()
    }

    /// The items of a sequence.
    pub fn items(&self) -> Vec<At> {
        (0..self.node().items().len())
            .map(|i| At {
                file: self.file,
                doc: self.doc.clone(),
                pointer: format!("{}/{i}", self.pointer),
            })
            .collect()
    }

    /// The whole element: from its key, when it is a mapping entry, to the end of its value.
    /// Findings point at its start and `x-treaty-ignore` written inside it covers all of it.
    pub fn element_span(&self) -> Span {
        let node = self.node();
        if let Some((parent, last)) = self.pointer.rsplit_once('/')
            && let Some(entry) = self
                .doc
                .pointer(parent)
                .and_then(|p| p.entry(&tree::unescape_pointer_token(last)))
        {
            return Span::new(
                node.span.file,
                entry.key_span.start as usize,
                node.span.end as usize,
            );
        }
        node.span
    }

    /// The last token of the pointer (the key this node is written under).
    pub fn last_token(&self) -> String {
        tree::unescape_pointer_token(self.pointer.rsplit('/').next().unwrap_or(""))
    }
}

/// The state of one load.
pub(crate) struct Loader<'c, 'a> {
    cx: &'c mut LoadCx<'a>,
    docs: Documents,
    contract: Contract,
    errors: LoadErrors,
    version: Version,
    root: At,
    default_content_type: Option<String>,
    /// Canonical location of a message object → index in `contract.messages`.
    messages_by_location: HashMap<String, usize>,
    /// Canonical location of a channel object (and of the `channels.<id>` entry pointing at it)
    /// → index in `contract.channels`.
    channels_by_location: HashMap<String, usize>,
    /// Locations of payloads in a non-JSON-Schema format: component schemas there are not built
    /// as JSON Schema (2.x writes Avro payloads under `components.schemas`).
    other_payloads: HashSet<String>,
}

impl Loader<'_, '_> {
    fn run(&mut self) {
        let root = self.root.clone();
        self.info(&root);
        self.default_content_type = self.string(&root, "defaultContentType");
        self.contract.extensions = self.extensions(&root);
        self.servers(&root);
        if let Some(components) = self.map_field(&root, "components") {
            self.register_components(&components);
        }
        match self.version {
            Version::V2 => self.load_v2(&root),
            Version::V3 => self.load_v3(&root),
        }
        // After messages, so 2.x Avro payloads kept under `components.schemas` are known.
        if let Some(components) = self.map_field(&root, "components") {
            self.component_schemas(&components);
            self.security_schemes(&components);
        }
    }

    fn finish(mut self) -> Result<Contract, LoadErrors> {
        self.collect_files();
        self.scan();
        self.errors.into_result(self.contract)
    }

    // ---- errors and typed field access -------------------------------------------------------

    fn error(&self, code: &'static str, span: Span, message: impl Into<String>) -> LoadError {
        LoadError::at_span(code, self.cx.sources, span, message)
    }

    fn push(&mut self, e: LoadError) {
        self.errors.push(e);
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        let e = self
            .error(
                code::WRONG_TYPE,
                node.span,
                format!("{what} must be {expected}; found {}", node.type_name()),
            )
            .with_label(format!("expected {expected}"));
        self.push(e);
    }

    fn missing(&mut self, at: &At, field: &str, what: &str) {
        let span = at.element_span();
        let span = Span::new(span.file, span.start as usize, span.start as usize);
        let e = self
            .error(
                code::MISSING_FIELD,
                span,
                format!("{what} has no `{field}`, which is required"),
            )
            .with_label(format!("`{field}` missing"));
        self.push(e);
    }

    /// An optional string field; another type is an error.
    fn string(&mut self, at: &At, key: &str) -> Option<String> {
        let node = at.get(key)?;
        match &node.kind {
            NodeKind::Str(s) => Some(s.clone()),
            _ => {
                let node = node.clone();
                self.wrong_type(&node, &format!("`{key}`"), "a string");
                None
            }
        }
    }

    /// An optional mapping field; another type is an error.
    fn map_field(&mut self, at: &At, key: &str) -> Option<At> {
        let child = at.child(key)?;
        if child.node().is_map() {
            Some(child)
        } else if child.node().is_null() {
            None
        } else {
            let node = child.node().clone();
            self.wrong_type(&node, &format!("`{key}`"), "a mapping");
            None
        }
    }

    /// An optional sequence field; another type is an error.
    fn seq_field(&mut self, at: &At, key: &str) -> Option<At> {
        let child = at.child(key)?;
        if child.node().is_seq() {
            Some(child)
        } else {
            let node = child.node().clone();
            self.wrong_type(&node, &format!("`{key}`"), "a list");
            None
        }
    }

    /// Checks that a (resolved) object is a mapping.
    fn expect_map(&mut self, at: &At, what: &str) -> bool {
        if at.node().is_map() {
            return true;
        }
        let node = at.node().clone();
        self.wrong_type(&node, what, "a mapping");
        false
    }

    /// `x-*` entries as JSON.
    fn extensions(&self, at: &At) -> IndexMap<String, Value> {
        at.node()
            .entries()
            .iter()
            .filter(|e| e.key.starts_with("x-"))
            .map(|e| (e.key.clone(), e.value.to_json()))
            .collect()
    }

    // ---- references ---------------------------------------------------------------------------

    /// The canonical location text of a node: `file#/pointer`.
    fn location(&self, at: &At) -> String {
        format!("{}#{}", self.cx.sources.get(at.file).display, at.pointer)
    }

    /// Follows `$ref`s until a node that is not a reference; returns every hop's target (the
    /// last is the object itself). An empty list means `at` is not a reference.
    fn deref_chain(&mut self, at: &At) -> Result<Vec<At>, LoadError> {
        let mut hops: Vec<At> = Vec::new();
        let mut current = at.clone();
        loop {
            let Some(r) = current.get("$ref") else {
                return Ok(hops);
            };
            let span = r.span;
            let Some(text) = r.as_str().map(str::to_string) else {
                return Err(self.error(
                    code::WRONG_TYPE,
                    span,
                    format!("`$ref` must be a string; found {}", r.type_name()),
                ));
            };
            if hops.len() >= MAX_REF_HOPS {
                return Err(self.error(
                    code::REF_CYCLE,
                    span,
                    format!("reference `{text}` does not end: it leads through more than {MAX_REF_HOPS} references"),
                ));
            }
            let (target, doc) = self.docs.resolve(self.cx, current.file, span, &text)?;
            let next = At {
                file: target.file,
                doc,
                pointer: jsonschema::canonical_pointer(&target.pointer),
            };
            let location = self.location(&next);
            if location == self.location(&current)
                || hops.iter().any(|h| self.location(h) == location)
            {
                return Err(self
                    .error(
                        code::REF_CYCLE,
                        span,
                        format!("reference `{text}` leads back to itself"),
                    )
                    .with_label("circular reference"));
            }
            self.contract.referenced.insert(location);
            hops.push(next.clone());
            current = next;
        }
    }

    /// The object behind `at`, following `$ref`s (`at` itself when it is no reference).
    fn deref(&mut self, at: &At) -> Result<At, LoadError> {
        Ok(self.deref_chain(at)?.pop().unwrap_or_else(|| at.clone()))
    }

    /// [`Loader::deref`] that records the error and gives `None`.
    fn resolve(&mut self, at: &At) -> Option<At> {
        match self.deref(at) {
            Ok(t) => Some(t),
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    /// Builds a JSON Schema at `at` into the contract's arena.
    fn schema(&mut self, at: &At, dialect: Dialect) -> Option<SchemaId> {
        let result = jsonschema::build(
            self.cx,
            &mut self.docs,
            &mut self.contract.schemas,
            &mut self.contract.referenced,
            dialect,
            at.file,
            &at.doc,
            &at.pointer,
        );
        match result {
            Ok(id) => Some(id),
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    // ---- document-level parts -----------------------------------------------------------------

    fn info(&mut self, root: &At) {
        let Some(info) = root.child("info") else {
            self.missing(root, "info", "the document");
            return;
        };
        if !self.expect_map(&info, "`info`") {
            return;
        }
        match self.string(&info, "title") {
            Some(t) => self.contract.title = Some(t),
            None if info.get("title").is_none() => self.missing(&info, "title", "`info`"),
            None => {}
        }
        self.contract.description = self.string(&info, "description");
        match info.get("version") {
            None => self.missing(&info, "version", "`info`"),
            Some(v) => {
                let source = self.cx.sources.get(info.file).clone();
                match v.scalar_text(&source) {
                    Some(text) => {
                        self.contract.version = Some(DeclaredVersion {
                            text: text.into_owned(),
                            span: Some(v.span),
                            source: VersionSource::Info,
                        });
                    }
                    None => {
                        let v = v.clone();
                        self.wrong_type(&v, "`info.version`", "a string");
                    }
                }
            }
        }
    }

    fn servers(&mut self, root: &At) {
        let Some(servers) = self.map_field(root, "servers") else {
            return;
        };
        for (name, _, at) in servers.entries() {
            let Some(server) = self.resolve(&at) else {
                continue;
            };
            if !self.expect_map(&server, &format!("server `{name}`")) {
                continue;
            }
            let protocol = self.string(&server, "protocol");
            if protocol.is_none() && server.get("protocol").is_none() {
                self.missing(&server, "protocol", &format!("server `{name}`"));
            }
            let url = match self.version {
                Version::V3 => {
                    let host = self.string(&server, "host");
                    if host.is_none() && server.get("host").is_none() {
                        self.missing(&server, "host", &format!("server `{name}`"));
                    }
                    let pathname = self.string(&server, "pathname").unwrap_or_default();
                    format!("{}{pathname}", host.unwrap_or_default())
                }
                Version::V2 => {
                    let url = self.string(&server, "url");
                    if url.is_none() && server.get("url").is_none() {
                        self.missing(&server, "url", &format!("server `{name}`"));
                    }
                    // 3.0 splits the 2.x url into host and pathname and keeps the scheme in
                    // `protocol`; drop the scheme so both versions give the same url.
                    let url = url.unwrap_or_default();
                    match url.split_once("://") {
                        Some((_, rest)) => rest.to_string(),
                        None => url,
                    }
                }
            };
            if let Some(security) = server.child("security") {
                self.security_requirements(&security);
            }
            self.contract.servers.push(Server {
                key: Key::new(format!("server:{name}")),
                name: Some(name),
                url,
                protocol,
                span: at.element_span(),
            });
        }
    }

    /// 2.x security requirements name schemes (`- apiKey: []`) instead of `$ref`ing them; count
    /// those names as references so the schemes are not reported unused. (3.0 uses `$ref`s,
    /// which are resolved and recorded like any other.)
    fn security_requirements(&mut self, security: &At) {
        for item in security.items() {
            if item.get("$ref").is_some() {
                let _ = self.resolve(&item);
                continue;
            }
            if self.version == Version::V2 {
                for (name, _, _) in item.entries() {
                    let location = format!(
                        "{}#/components/securitySchemes/{}",
                        self.cx.sources.get(self.root.file).display,
                        tree::escape_pointer_token(&name)
                    );
                    self.contract.referenced.insert(location);
                }
            }
        }
    }

    /// Records every named component (except schemas, which are built) for the unused-component
    /// lint.
    fn register_components(&mut self, components: &At) {
        for (kind, _, group) in components.entries() {
            if kind.starts_with("x-") || kind == "schemas" {
                continue;
            }
            if !group.node().is_map() {
                let node = group.node().clone();
                self.wrong_type(&node, &format!("`components.{kind}`"), "a mapping");
                continue;
            }
            let names: IndexMap<String, Span> = group
                .entries()
                .into_iter()
                .map(|(name, _, at)| (name, at.element_span()))
                .collect();
            self.contract.other_components.insert(kind, names);
        }
    }

    /// Builds `components.schemas` into [`Contract::components`]. A 3.0 Multi Format Schema
    /// Object in another language, or a 2.x schema used as an Avro/protobuf payload, is listed in
    /// `other_components` instead.
    fn component_schemas(&mut self, components: &At) {
        let Some(schemas) = self.map_field(components, "schemas") else {
            return;
        };
        for (name, _, at) in schemas.entries() {
            let location = self.location(&at);
            let (dialect, target) = match (self.version, at.get("schemaFormat")) {
                (Version::V3, Some(format)) => {
                    match format.as_str().and_then(message::classify_format) {
                        Some(dialect) => match at.child("schema") {
                            Some(schema) => (Some(dialect), schema),
                            None => {
                                self.missing(&at, "schema", &format!("schema `{name}`"));
                                continue;
                            }
                        },
                        None => (None, at.clone()),
                    }
                }
                _ if self.other_payloads.contains(&location) => (None, at.clone()),
                _ => (Some(Dialect::AsyncApi), at.clone()),
            };
            match dialect {
                Some(dialect) => {
                    if let Some(id) = self.schema(&target, dialect) {
                        self.contract.components.insert(name, id);
                    }
                }
                None => {
                    self.contract
                        .other_components
                        .entry("schemas".to_string())
                        .or_default()
                        .insert(name, at.element_span());
                }
            }
        }
    }

    fn security_schemes(&mut self, components: &At) {
        let Some(schemes) = self.map_field(components, "securitySchemes") else {
            return;
        };
        for (name, _, at) in schemes.entries() {
            let Some(scheme) = self.resolve(&at) else {
                continue;
            };
            if !self.expect_map(&scheme, &format!("security scheme `{name}`")) {
                continue;
            }
            let kind = self.string(&scheme, "type");
            if kind.is_none() && scheme.get("type").is_none() {
                self.missing(&scheme, "type", &format!("security scheme `{name}`"));
            }
            let scheme_name = self.string(&scheme, "scheme");
            let location = self.string(&scheme, "in");
            let param_name = self.string(&scheme, "name");
            self.contract.security_schemes.insert(
                name.clone(),
                SecurityScheme {
                    name,
                    kind: kind.unwrap_or_default(),
                    scheme: scheme_name,
                    location,
                    param_name,
                    span: at.element_span(),
                },
            );
        }
    }

    /// Lists every file the contract was read from: the root, files reached by `$ref`, and files
    /// the schema builder read.
    fn collect_files(&mut self) {
        super::collect_referenced_files(self.cx.sources, &mut self.contract);
    }

    /// One pass over every file of the contract: each `x-treaty-ignore` becomes a suppression
    /// over the element it is written on, and each local `$ref` counts as a use of its target
    /// (also refs the loader had no reason to follow, such as 3.0 `tags` and `externalDocs`).
    fn scan(&mut self) {
        for file in self.contract.files.clone() {
            let tree = match self.docs.tree(self.cx, file) {
                Ok(t) => t,
                Err(e) => {
                    self.push(e);
                    continue;
                }
            };
            let display = self.cx.sources.get(file).display.clone();
            let mut found = Vec::new();
            self.walk(&tree, tree.span, &display, &mut found);
            self.contract.suppressions.extend(found);
        }
    }

    fn walk(&mut self, node: &Node, element: Span, display: &str, out: &mut Vec<Suppression>) {
        match &node.kind {
            NodeKind::Map(entries) => {
                for e in entries {
                    if e.key == jsonschema::IGNORE_EXTENSION {
                        match jsonschema::suppression(self.cx, &e.value, element) {
                            Ok(s) => out.push(s),
                            Err(err) => self.push(err),
                        }
                        continue;
                    }
                    if e.key == "$ref"
                        && let Some(pointer) = e.value.as_str().and_then(|r| r.strip_prefix('#'))
                    {
                        let location =
                            format!("{display}#{}", jsonschema::canonical_pointer(pointer));
                        self.contract.referenced.insert(location);
                        continue;
                    }
                    let span = Span::new(
                        e.value.span.file,
                        e.key_span.start as usize,
                        e.value.span.end as usize,
                    );
                    self.walk(&e.value, span, display, out);
                }
            }
            NodeKind::Seq(items) => {
                for item in items {
                    self.walk(item, item.span, display, out);
                }
            }
            _ => {}
        }
    }
}
