//! OpenAPI 3.0, 3.1 (and 3.2) documents → the contract model.
//!
//! The loader reads the located YAML/JSON tree ([`Node`]) directly rather than deserialising
//! into an OpenAPI crate: `openapiv3` knows only 3.0 and `oas3` only 3.1, both drop spans, and
//! both lose parts a compatibility checker needs (see `reference/rust-crates.md`). One loader
//! serves both versions; the differences live in the schema dialect ([`Dialect::OpenApi30`] or
//! [`Dialect::OpenApi31`]) and in a few document-level rules (3.0 requires `responses`, 3.1 adds
//! `webhooks`).
//!
//! The flow: the root document's `openapi` field picks the dialect (a `swagger: "2.0"` document
//! is refused with a pointer to a converter); `info`, `servers` and `security` fill the contract;
//! `paths.rs` turns every path item and webhook into [`Operation`]s (path-level parameters merged,
//! `$ref`s followed for path items, parameters, request bodies, responses, headers and
//! examples); `components.rs` builds every component schema, named, and lists the other
//! components. Every schema goes through the shared builder in `jsonschema.rs`, which builds each
//! location once, so Stripe's 4 MB description with its reference cycles loads as a finite graph.
//!
//! Two things are found by one pass over every file of the contract at the end: each
//! `x-treaty-ignore` becomes a [`Suppression`] over the element it is written on (from its key to
//! the end of its value), and each same-file `$ref` is recorded in [`Contract::referenced`] even
//! where the model keeps no element (callbacks, links, encodings), so the unused-component lint
//! does not report components used only there.
//!
//! Problems are located [`LoadError`]s with `treaty::openapi::*` codes (and `treaty::ref::*`,
//! `treaty::schema::*` from the shared parts); the loader collects as many as it can in one pass
//! and never panics on input.
//!
//! [`Operation`]: crate::model::Operation
//! [`Suppression`]: crate::model::Suppression

mod components;
mod paths;

use std::sync::Arc;

use indexmap::IndexMap;
use serde_json::Value;

use super::jsonschema::{self, Dialect};
use super::refs::Documents;
use super::tree::{self, Node, NodeKind};
use super::{ContractSpec, LoadCx};
use crate::diag::{LoadError, LoadErrors};
use crate::model::{Contract, ContractKind, SchemaId, SecurityRequirement};
use crate::source::{FileId, Span};

/// Error codes of this loader.
pub(crate) mod code {
    pub const SWAGGER2: &str = "treaty::openapi::swagger2";
    pub const VERSION: &str = "treaty::openapi::version";
    pub const INVALID: &str = "treaty::openapi::invalid";
    pub const MISSING_FIELD: &str = "treaty::openapi::missing-field";
    pub const FILES: &str = "treaty::openapi::files";
    pub const REF_CYCLE: &str = "treaty::ref::cycle";
}

/// How many `$ref` hops one reference may take before it is called a cycle.
const MAX_REF_HOPS: usize = 64;

/// Loads one OpenAPI contract (its root document and every file it refers to).
pub fn load(cx: &mut LoadCx, spec: &ContractSpec) -> Result<Contract, LoadErrors> {
    let path = match spec.files.as_slice() {
        [one] => one,
        files => {
            return Err(LoadError::new(
                code::FILES,
                format!(
                    "the OpenAPI contract `{}` names {} files; it starts from exactly one root document",
                    spec.name,
                    files.len()
                ),
            )
            .with_help("list only the root document; the files it `$ref`s are read from there")
            .into());
        }
    };
    let file = cx.read(path)?;
    let mut docs = Documents::new();
    let root = docs.tree(cx, file)?;
    let (dialect, version) = detect_version(cx, file, &root)?;
    let mut contract = Contract::new(spec.name.clone(), ContractKind::Openapi, file);
    contract.spec_version = version;
    let mut loader = Loader {
        cx,
        docs,
        contract,
        errors: LoadErrors::default(),
        dialect,
        root: Loc::root(file, root),
    };
    loader.run();
    loader.finish()
}

/// Reads `openapi:` (or recognises `swagger:`) and picks the schema dialect.
fn detect_version(cx: &LoadCx, file: FileId, root: &Node) -> Result<(Dialect, String), LoadError> {
    if !root.is_map() {
        return Err(LoadError::at_span(
            code::INVALID,
            cx.sources,
            root.span,
            format!(
                "an OpenAPI document is a mapping; found {}",
                root.type_name()
            ),
        ));
    }
    let source = cx.sources.get(file);
    if let Some(swagger) = root.entry("swagger") {
        let text = swagger.value.scalar_text(source).unwrap_or_default();
        return Err(LoadError::at_span(
            code::SWAGGER2,
            cx.sources,
            swagger.value.span,
            format!("this is a Swagger {text} (OpenAPI 2.0) document; treaty reads OpenAPI 3.0 and later"),
        )
        .with_label("Swagger 2.0")
        .with_help(
            "convert it to OpenAPI 3 first, e.g. `npx swagger2openapi swagger.yaml -o openapi.yaml`, \
             or Edit → Convert to OpenAPI 3 in the Swagger Editor (editor.swagger.io)",
        ));
    }
    let Some(entry) = root.entry("openapi") else {
        return Err(LoadError::at_span(
            code::VERSION,
            cx.sources,
            Span::new(file, 0, 0),
            "this is not an OpenAPI document: it has no `openapi:` version field",
        )
        .with_help("start the document with `openapi: 3.1.0` (or `openapi: 3.0.3`)"));
    };
    let text = entry
        .value
        .scalar_text(source)
        .map(|t| t.trim().to_string())
        .unwrap_or_default();
    let parts: Vec<&str> = text.split('.').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let dialect = match parts.as_slice() {
        [major, minor, patch] => match (
            number(major),
            number(minor),
            patch.split(['-', '+']).next().and_then(number),
        ) {
            (Some(3), Some(0), Some(_)) => Some(Dialect::OpenApi30),
            // 3.2 keeps 3.1's schema dialect (JSON Schema 2020-12).
            (Some(3), Some(1 | 2), Some(_)) => Some(Dialect::OpenApi31),
            _ => None,
        },
        _ => None,
    };
    match dialect {
        Some(d) => Ok((d, text)),
        None => Err(LoadError::at_span(
            code::VERSION,
            cx.sources,
            entry.value.span,
            format!("OpenAPI version `{text}` is not supported"),
        )
        .with_label("unsupported version")
        .with_help("treaty reads OpenAPI 3.0.x, 3.1.x and 3.2.x (e.g. `openapi: 3.1.0`)")),
    }
}

/// A node addressed by file and JSON pointer: enough to resolve its `$ref`s relative to its own
/// file, hand it to the schema builder, and name its canonical location. The node itself is
/// passed alongside (`&Node`) wherever it is at hand, so the loader does not look pointers up
/// again while walking down.
#[derive(Clone, Debug)]
pub(crate) struct Loc {
    pub file: FileId,
    pub doc: Arc<Node>,
    /// Canonical JSON pointer (tokens escaped) of the node in `doc`.
    pub pointer: String,
}

/// What [`Loc::node`] returns when the pointer does not resolve (pointers built by the loader
/// always do; this keeps a stale one from panicking).
static MISSING: Node = Node {
    span: Span {
        file: FileId(0),
        start: 0,
        end: 0,
    },
    kind: NodeKind::Null,
};

impl Loc {
    fn root(file: FileId, doc: Arc<Node>) -> Loc {
        Loc {
            file,
            doc,
            pointer: String::new(),
        }
    }

    /// Looks the node up (once per reference target; walking down passes nodes along instead).
    pub fn node(&self) -> &Node {
        self.doc.pointer(&self.pointer).unwrap_or(&MISSING)
    }

    pub fn child(&self, key: &str) -> Loc {
        Loc {
            file: self.file,
            doc: self.doc.clone(),
            pointer: format!("{}/{}", self.pointer, tree::escape_pointer_token(key)),
        }
    }

    pub fn item(&self, index: usize) -> Loc {
        Loc {
            file: self.file,
            doc: self.doc.clone(),
            pointer: format!("{}/{index}", self.pointer),
        }
    }
}

/// The span of a whole mapping entry: from its key to the end of its value. Findings on an
/// element point at its start (the name, where a reader looks), and an `x-treaty-ignore` inside
/// the value covers all of it.
pub(crate) fn element_span(key_span: Span, value: &Node) -> Span {
    if key_span.file == value.span.file && key_span.start <= value.span.end {
        Span::new(
            value.span.file,
            key_span.start as usize,
            value.span.end as usize,
        )
    } else {
        value.span
    }
}

/// The state of one load.
pub(crate) struct Loader<'c, 'a> {
    cx: &'c mut LoadCx<'a>,
    docs: Documents,
    contract: Contract,
    errors: LoadErrors,
    dialect: Dialect,
    root: Loc,
}

impl Loader<'_, '_> {
    fn run(&mut self) {
        let root = self.root.clone();
        let node = root.doc.clone();
        self.info(&node);
        self.contract.extensions = extensions(&node);
        self.contract.servers = self.servers(&node);
        if let Some(security) = node.get("security") {
            self.contract.security = self.security(security);
        }
        if let Some(components) = node.get("components") {
            self.register_components(&root.child("components"), components);
        }
        match node.get("paths") {
            Some(paths) => self.paths(&root.child("paths"), paths),
            None if self.dialect == Dialect::OpenApi30 => {
                let span = Span::new(root.file, 0, 0);
                self.push(
                    self.error(
                        code::MISSING_FIELD,
                        span,
                        "the document has no `paths`, which OpenAPI 3.0 requires",
                    )
                    .with_help("add `paths: {}` if the API has no operations yet"),
                );
            }
            None => {}
        }
        if let Some(webhooks) = node.get("webhooks") {
            if self.dialect == Dialect::OpenApi30 {
                // 3.0 has no webhooks; an `x-webhooks`-style extension would be named differently.
                let e = self
                    .error(
                        code::INVALID,
                        webhooks.span,
                        "`webhooks` is an OpenAPI 3.1 field",
                    )
                    .with_help("declare `openapi: 3.1.0` to use webhooks");
                self.push(e);
            } else {
                self.webhooks(&root.child("webhooks"), webhooks);
            }
        }
        if let Some(components) = node.get("components") {
            self.components(&root.child("components"), components);
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
                code::INVALID,
                node.span,
                format!("{what} must be {expected}; found {}", node.type_name()),
            )
            .with_label(format!("expected {expected}"));
        self.push(e);
    }

    /// A required field is absent: reported at the start of the element that lacks it.
    fn missing(&mut self, at: Span, field: &str, what: &str) {
        let span = Span::new(at.file, at.start as usize, at.start as usize);
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
    fn string(&mut self, node: &Node, key: &str) -> Option<String> {
        let v = node.get(key)?;
        match &v.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Null => None,
            _ => {
                self.wrong_type(v, &format!("`{key}`"), "a string");
                None
            }
        }
    }

    /// An optional boolean field; another type is an error.
    fn boolean(&mut self, node: &Node, key: &str) -> Option<bool> {
        let v = node.get(key)?;
        match v.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(v, &format!("`{key}`"), "true or false");
                None
            }
        }
    }

    /// True when `node` is a mapping; otherwise reports it as `what`.
    fn expect_map(&mut self, node: &Node, what: &str) -> bool {
        if node.is_map() {
            return true;
        }
        self.wrong_type(node, what, "a mapping");
        false
    }

    // ---- references ---------------------------------------------------------------------------

    /// The canonical location text of a node: `file#/pointer`.
    fn location(&self, at: &Loc) -> String {
        format!("{}#{}", self.cx.sources.get(at.file).display, at.pointer)
    }

    /// Follows `$ref`s from `node` (at `at`) to an object that is not a reference. Returns
    /// `None` when `node` is no reference; every target met is recorded as referenced.
    fn follow(&mut self, at: &Loc, node: &Node) -> Result<Option<Loc>, LoadError> {
        let Some(mut r) = node.get("$ref").cloned() else {
            return Ok(None);
        };
        let mut current = at.clone();
        let mut seen: Vec<String> = vec![self.location(at)];
        loop {
            let Some(text) = r.as_str().map(str::to_string) else {
                return Err(self.error(
                    code::INVALID,
                    r.span,
                    format!("`$ref` must be a string; found {}", r.type_name()),
                ));
            };
            if seen.len() > MAX_REF_HOPS {
                return Err(self.error(
                    code::REF_CYCLE,
                    r.span,
                    format!("reference `{text}` does not end: it leads through more than {MAX_REF_HOPS} references"),
                ));
            }
            let (target, doc) = self.docs.resolve(self.cx, current.file, r.span, &text)?;
            let next = Loc {
                file: target.file,
                doc,
                pointer: jsonschema::canonical_pointer(&target.pointer),
            };
            let location = self.location(&next);
            if seen.contains(&location) {
                return Err(self
                    .error(
                        code::REF_CYCLE,
                        r.span,
                        format!("reference `{text}` leads back to itself"),
                    )
                    .with_label("circular reference"));
            }
            self.contract.referenced.insert(location.clone());
            seen.push(location);
            match next.node().get("$ref") {
                Some(again) => {
                    r = again.clone();
                    current = next;
                }
                None => return Ok(Some(next)),
            }
        }
    }

    /// [`Loader::follow`] recording the error; `None` on error.
    fn resolve(&mut self, at: &Loc, node: &Node) -> Option<Option<Loc>> {
        match self.follow(at, node) {
            Ok(t) => Some(t),
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    /// Builds the JSON Schema at `at` into the contract's arena.
    fn schema(&mut self, at: &Loc) -> Option<SchemaId> {
        let result = jsonschema::build(
            self.cx,
            &mut self.docs,
            &mut self.contract.schemas,
            &mut self.contract.referenced,
            self.dialect,
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

    /// Security requirements: a list of mappings from scheme name to scopes.
    fn security(&mut self, node: &Node) -> Vec<SecurityRequirement> {
        let NodeKind::Seq(items) = &node.kind else {
            self.wrong_type(node, "`security`", "a list of security requirements");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if !self.expect_map(item, "a security requirement") {
                continue;
            }
            let mut req = IndexMap::new();
            for e in item.entries() {
                let scopes = match &e.value.kind {
                    NodeKind::Seq(scopes) => scopes
                        .iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect(),
                    _ => {
                        self.wrong_type(&e.value, &format!("the scopes of `{}`", e.key), "a list");
                        Vec::new()
                    }
                };
                req.insert(e.key.clone(), scopes);
            }
            out.push(req);
        }
        out
    }

    // ---- the end of the load --------------------------------------------------------------------

    /// Lists every file the contract was read from: the root, files reached by `$ref`, and files
    /// the schema builder read.
    fn collect_files(&mut self) {
        super::collect_referenced_files(self.cx.sources, &mut self.contract);
    }

    /// One pass over every file of the contract: each `x-treaty-ignore` becomes a suppression
    /// over its element, and each same-file `$ref` counts as a use of its target. Iterative, so a
    /// deeply nested document costs no stack here.
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
            let mut stack: Vec<(&Node, Span)> = vec![(&tree, tree.span)];
            while let Some((node, element)) = stack.pop() {
                match &node.kind {
                    NodeKind::Map(entries) => {
                        for e in entries {
                            if e.key == jsonschema::IGNORE_EXTENSION {
                                match jsonschema::suppression(self.cx, &e.value, element) {
                                    Ok(s) => self.contract.suppressions.push(s),
                                    Err(err) => self.errors.push(err),
                                }
                                continue;
                            }
                            if e.key == "$ref"
                                && let Some(pointer) =
                                    e.value.as_str().and_then(|r| r.strip_prefix('#'))
                            {
                                let location =
                                    format!("{display}#{}", jsonschema::canonical_pointer(pointer));
                                self.contract.referenced.insert(location);
                                continue;
                            }
                            stack.push((&e.value, element_span(e.key_span, &e.value)));
                        }
                    }
                    NodeKind::Seq(items) => stack.extend(items.iter().map(|i| (i, i.span))),
                    _ => {}
                }
            }
        }
        // Deterministic order regardless of the walk.
        self.contract
            .suppressions
            .sort_by_key(|s| (s.span.file, s.span.start, s.span.end));
    }
}

/// `x-*` entries as JSON.
pub(crate) fn extensions(node: &Node) -> IndexMap<String, Value> {
    node.entries()
        .iter()
        .filter(|e| e.key.starts_with("x-"))
        .map(|e| (e.key.clone(), e.value.to_json()))
        .collect()
}
