//! Builds the shared JSON Schema model from a located tree (OpenAPI 3.0 and 3.1 schema objects,
//! AsyncAPI / JSON Schema draft-07 and 2020-12 schemas).
//!
//! The OpenAPI and AsyncAPI loaders call [`build`] (or [`build_with_suppressions`]) for every
//! place a schema is written; the result is an id in the contract's [`SchemaArena`], which lint,
//! validation and the compatibility engine read. Three properties matter downstream:
//!
//! - **Each location is built once.** The arena id of a schema is reserved under its canonical
//!   location (`file#/json/pointer`) *before* its children are built, so a schema that refers to
//!   itself, directly or through others, terminates and becomes a cycle in the graph of ids.
//! - **References stay references.** A `$ref` becomes [`Schema::reference`] pointing at the
//!   target's id; the target is built from a work list rather than by recursion, so long chains of
//!   references (Stripe has thousands) cost no stack.
//! - **The dialects meet in one model.** OpenAPI 3.0's `nullable: true` and 3.1's
//!   `type: [..., "null"]` both become [`TypeSet::NULL`]; 3.0's boolean `exclusiveMinimum`
//!   becomes the numeric bound 3.1 writes; in 3.0 the siblings of a `$ref` are ignored, as the 3.0
//!   specification says, while 3.1 and AsyncAPI apply them together with the target.
//!
//! Keywords of the wrong type (`type: 5`, `required: yes`) are located [`LoadError`]s with the
//! code `treaty::schema::invalid`. Unknown keywords are ignored, as JSON Schema does.

use std::collections::HashSet;
use std::sync::Arc;

use indexmap::IndexMap;

use super::LoadCx;
use super::refs::Documents;
use super::tree::{self, Node, NodeKind};
use crate::diag::LoadError;
use crate::model::{
    Additional, Discriminator, Schema, SchemaArena, SchemaId, Suppression, TypeSet,
};
use crate::source::{FileId, Span};

/// Which schema dialect the surrounding document speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// OpenAPI 3.0: `nullable`, boolean `exclusiveMinimum`, `$ref` siblings ignored.
    OpenApi30,
    /// OpenAPI 3.1: JSON Schema 2020-12 (type arrays, numeric exclusive bounds, `$ref` siblings apply).
    OpenApi31,
    /// AsyncAPI's schema (a superset of JSON Schema draft-07); `$ref` siblings apply.
    AsyncApi,
}

/// How deeply schema objects may nest inline (a reference starts again from 0). Schemas are
/// built from a work list, not by recursion, so depth costs no stack; the bound only keeps a
/// hostile document (whose pointers, and so locations, grow with depth) from costing quadratic
/// memory. Real descriptions stay far below it.
pub const MAX_DEPTH: usize = 256;

/// The extension that silences lint rules on the element it is written on.
pub const IGNORE_EXTENSION: &str = "x-treaty-ignore";

const INVALID: &str = "treaty::schema::invalid";

/// Builds the schema at `file#pointer` into `arena` (once per location) and returns its id.
/// `referenced` collects the canonical locations of every `$ref` target met on the way.
/// `x-treaty-ignore` on schema objects is parsed but dropped; use [`build_with_suppressions`] to
/// keep it.
#[allow(clippy::too_many_arguments)]
pub fn build(
    cx: &mut LoadCx,
    docs: &mut Documents,
    arena: &mut SchemaArena,
    referenced: &mut HashSet<String>,
    dialect: Dialect,
    file: FileId,
    doc: &Arc<Node>,
    pointer: &str,
) -> Result<SchemaId, LoadError> {
    let mut suppressions = Vec::new();
    build_with_suppressions(
        cx,
        docs,
        arena,
        referenced,
        &mut suppressions,
        dialect,
        file,
        doc,
        pointer,
    )
}

/// [`build`], also collecting an `x-treaty-ignore` written on any schema object built as a
/// [`Suppression`] over that object's span.
#[allow(clippy::too_many_arguments)]
pub fn build_with_suppressions(
    cx: &mut LoadCx,
    docs: &mut Documents,
    arena: &mut SchemaArena,
    referenced: &mut HashSet<String>,
    suppressions: &mut Vec<Suppression>,
    dialect: Dialect,
    file: FileId,
    doc: &Arc<Node>,
    pointer: &str,
) -> Result<SchemaId, LoadError> {
    let mut b = Builder {
        cx,
        docs,
        arena,
        referenced,
        suppressions,
        dialect,
        pending: Vec::new(),
    };
    let pointer = canonical_pointer(pointer);
    let (Some(path), Some(node)) = (index_path(doc, &pointer), doc.pointer(&pointer)) else {
        let file_ref = b.cx.sources.get(file);
        return Err(LoadError::in_file(
            "treaty::ref::unresolved",
            file_ref.display.clone(),
            format!("no schema at `#{pointer}`"),
        ));
    };
    let id = b.enqueue(file, doc, path, node, pointer.clone(), 0)?;
    b.drain()?;
    Ok(id)
}

/// Parses an `x-treaty-ignore` value (a rule id or a list of them) into a suppression covering
/// `span`. Shared with the loaders, which accept the extension on every element.
pub fn suppression(cx: &LoadCx, value: &Node, span: Span) -> Result<Suppression, LoadError> {
    let rules = match &value.kind {
        NodeKind::Str(s) => vec![s.clone()],
        NodeKind::Seq(items) => items
            .iter()
            .map(|i| {
                i.as_str().map(str::to_string).ok_or_else(|| {
                    LoadError::at_span(
                        INVALID,
                        cx.sources,
                        i.span,
                        format!(
                            "`{IGNORE_EXTENSION}` lists rule ids; found {}",
                            i.type_name()
                        ),
                    )
                })
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(LoadError::at_span(
                INVALID,
                cx.sources,
                value.span,
                format!(
                    "`{IGNORE_EXTENSION}` must be a rule id or a list of rule ids; found {}",
                    value.type_name()
                ),
            )
            .with_help(format!("e.g. `{IGNORE_EXTENSION}: [operation-id-missing]`")));
        }
    };
    Ok(Suppression { span, rules })
}

/// The canonical form of a JSON pointer: every token decoded (`~0`, `~1`, percent escapes) and
/// re-escaped, so `#/a%20b` and `#/a b` name the same location.
pub fn canonical_pointer(pointer: &str) -> String {
    if !pointer.contains(['%', '~']) {
        return pointer.to_string();
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return pointer.to_string();
    };
    let mut out = String::with_capacity(pointer.len());
    for token in rest.split('/') {
        out.push('/');
        out.push_str(&tree::escape_pointer_token(&tree::unescape_pointer_token(
            token,
        )));
    }
    out
}

/// Subschemas by name (`properties`, `patternProperties`, `$defs`).
type NamedSchemas = IndexMap<String, SchemaId>;

/// A schema whose id is reserved but which is not built yet: a reference target, or a subschema
/// of a schema being built. `path` holds the entry/item indices from the document root to the
/// node, so finding it again costs no string comparisons.
struct Pending {
    id: SchemaId,
    file: FileId,
    doc: Arc<Node>,
    path: Vec<u32>,
    pointer: String,
    depth: usize,
}

struct Builder<'b, 'a> {
    cx: &'b mut LoadCx<'a>,
    docs: &'b mut Documents,
    arena: &'b mut SchemaArena,
    referenced: &'b mut HashSet<String>,
    suppressions: &'b mut Vec<Suppression>,
    dialect: Dialect,
    pending: Vec<Pending>,
}

/// The node at an index path.
fn node_at<'n>(doc: &'n Node, path: &[u32]) -> Option<&'n Node> {
    let mut node = doc;
    for &i in path {
        node = match &node.kind {
            NodeKind::Map(entries) => &entries.get(i as usize)?.value,
            NodeKind::Seq(items) => items.get(i as usize)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The index path of a (canonical) JSON pointer.
fn index_path(doc: &Node, pointer: &str) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let Some(rest) = pointer.strip_prefix('/') else {
        return pointer.is_empty().then_some(path);
    };
    let mut node = doc;
    for raw in rest.split('/') {
        let token = tree::unescape_pointer_token(raw);
        let (i, next) = match &node.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .enumerate()
                .find(|(_, e)| e.key == token)
                .map(|(i, e)| (i, &e.value))?,
            NodeKind::Seq(items) => {
                let i = token.parse::<usize>().ok()?;
                (i, items.get(i)?)
            }
            _ => return None,
        };
        path.push(i as u32);
        node = next;
    }
    Some(path)
}

/// Where a subschema sits: its parent's position plus the keyword entry it is written under.
struct Parent<'p> {
    file: FileId,
    doc: &'p Arc<Node>,
    path: &'p [u32],
    pointer: &'p str,
    depth: usize,
}

impl Builder<'_, '_> {
    fn location(&self, file: FileId, pointer: &str) -> String {
        format!("{}#{}", self.cx.sources.get(file).display, pointer)
    }

    fn invalid(&self, span: Span, message: impl Into<String>) -> LoadError {
        LoadError::at_span(INVALID, self.cx.sources, span, message)
    }

    /// The id of the schema at `node` (`file#pointer`); a new location is reserved and queued.
    fn enqueue(
        &mut self,
        file: FileId,
        doc: &Arc<Node>,
        path: Vec<u32>,
        node: &Node,
        pointer: String,
        depth: usize,
    ) -> Result<SchemaId, LoadError> {
        let location = self.location(file, &pointer);
        if let Some(id) = self.arena.by_location(&location) {
            return Ok(id);
        }
        if depth > MAX_DEPTH {
            return Err(LoadError::at_span(
                "treaty::schema::too-deep",
                self.cx.sources,
                node.span,
                format!("schemas nest more than {MAX_DEPTH} levels deep here"),
            )
            .with_help("move nested schemas into components and refer to them with `$ref`"));
        }
        let id = self.arena.reserve(node.span, location);
        self.pending.push(Pending {
            id,
            file,
            doc: doc.clone(),
            path,
            pointer,
            depth,
        });
        Ok(id)
    }

    /// Builds queued schemas until none is left.
    fn drain(&mut self) -> Result<(), LoadError> {
        while let Some(p) = self.pending.pop() {
            let Some(node) = node_at(&p.doc, &p.path) else {
                // Paths are taken from the tree itself; keep the empty schema if one is stale.
                continue;
            };
            let parent = Parent {
                file: p.file,
                doc: &p.doc,
                path: &p.path,
                pointer: &p.pointer,
                depth: p.depth,
            };
            self.fill(p.id, &parent, node)?;
        }
        Ok(())
    }

    /// Reserves the target of a `$ref` and queues it for building; returns its id.
    fn reference(
        &mut self,
        file: FileId,
        ref_node: &Node,
    ) -> Result<(SchemaId, String), LoadError> {
        let Some(text) = ref_node.as_str() else {
            return Err(self.invalid(
                ref_node.span,
                format!("`$ref` must be a string; found {}", ref_node.type_name()),
            ));
        };
        let (id, _) = self.reference_text(file, ref_node.span, text)?;
        Ok((id, text.to_string()))
    }

    fn reference_text(
        &mut self,
        file: FileId,
        at: Span,
        text: &str,
    ) -> Result<(SchemaId, String), LoadError> {
        let (target, doc) = self.docs.resolve(self.cx, file, at, text)?;
        let pointer = canonical_pointer(&target.pointer);
        let location = self.location(target.file, &pointer);
        self.referenced.insert(location.clone());
        if let Some(id) = self.arena.by_location(&location) {
            return Ok((id, location));
        }
        // `resolve` checked that the target exists.
        let (Some(path), Some(node)) = (index_path(&doc, &pointer), doc.pointer(&pointer)) else {
            return Err(LoadError::at_span(
                "treaty::ref::unresolved",
                self.cx.sources,
                at,
                format!("reference `{text}` does not resolve"),
            ));
        };
        let id = self.enqueue(target.file, &doc, path, node, pointer, 0)?;
        Ok((id, location))
    }

    /// Builds the schema object `node` into the reserved entry `id`.
    fn fill(&mut self, id: SchemaId, at: &Parent, node: &Node) -> Result<(), LoadError> {
        let location = std::mem::take(&mut self.arena.get_mut(id).location);
        let mut s = Schema::empty(node.span, location);
        match &node.kind {
            NodeKind::Bool(b) => s.boolean = Some(*b),
            NodeKind::Map(entries) => {
                let ref_entry = entries.iter().find(|e| e.key == "$ref");
                if let Some(e) = ref_entry {
                    let (target, text) = self.reference(at.file, &e.value)?;
                    s.reference = Some(target);
                    s.ref_text = Some(text);
                }
                if let Some(e) = entries.iter().find(|e| e.key == IGNORE_EXTENSION) {
                    let sup = suppression(self.cx, &e.value, node.span)?;
                    self.suppressions.push(sup);
                }
                // OpenAPI 3.0: "This object cannot be extended with additional properties and
                // any properties added SHALL be ignored."
                let siblings_apply = ref_entry.is_none() || self.dialect != Dialect::OpenApi30;
                if siblings_apply {
                    self.keywords(&mut s, at, node)?;
                }
            }
            _ => {
                return Err(self.invalid(
                    node.span,
                    format!(
                        "a schema must be a mapping (or a boolean); found {}",
                        node.type_name()
                    ),
                ));
            }
        }
        // The loader may have named the entry while it waited in the queue.
        s.name = self.arena.get_mut(id).name.take();
        *self.arena.get_mut(id) = s;
        Ok(())
    }

    /// The subschema written as the value of keyword entry `k` (index `ki`) of the schema at `at`.
    fn child(
        &mut self,
        at: &Parent,
        ki: usize,
        key: &str,
        v: &Node,
    ) -> Result<SchemaId, LoadError> {
        let mut path = Vec::with_capacity(at.path.len() + 1);
        path.extend_from_slice(at.path);
        path.push(ki as u32);
        let pointer = format!("{}/{}", at.pointer, tree::escape_pointer_token(key));
        self.enqueue(at.file, at.doc, path, v, pointer, at.depth + 1)
    }

    fn child_list(
        &mut self,
        at: &Parent,
        ki: usize,
        key: &str,
        v: &Node,
    ) -> Result<Vec<SchemaId>, LoadError> {
        let NodeKind::Seq(items) = &v.kind else {
            return Err(self.invalid(
                v.span,
                format!("`{key}` must be a list of schemas; found {}", v.type_name()),
            ));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let mut path = Vec::with_capacity(at.path.len() + 2);
            path.extend_from_slice(at.path);
            path.extend([ki as u32, i as u32]);
            let pointer = format!("{}/{key}/{i}", at.pointer);
            out.push(self.enqueue(at.file, at.doc, path, item, pointer, at.depth + 1)?);
        }
        Ok(out)
    }

    fn child_map(
        &mut self,
        at: &Parent,
        ki: usize,
        key: &str,
        v: &Node,
    ) -> Result<(NamedSchemas, IndexMap<String, Span>), LoadError> {
        let NodeKind::Map(entries) = &v.kind else {
            return Err(self.invalid(
                v.span,
                format!(
                    "`{key}` must be a mapping of names to schemas; found {}",
                    v.type_name()
                ),
            ));
        };
        let mut ids = IndexMap::with_capacity(entries.len());
        let mut spans = IndexMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let mut path = Vec::with_capacity(at.path.len() + 2);
            path.extend_from_slice(at.path);
            path.extend([ki as u32, i as u32]);
            let pointer = format!(
                "{}/{key}/{}",
                at.pointer,
                tree::escape_pointer_token(&e.key)
            );
            ids.insert(
                e.key.clone(),
                self.enqueue(at.file, at.doc, path, &e.value, pointer, at.depth + 1)?,
            );
            spans.insert(e.key.clone(), e.key_span);
        }
        Ok((ids, spans))
    }

    fn string(&self, key: &str, v: &Node) -> Result<String, LoadError> {
        v.as_str().map(str::to_string).ok_or_else(|| {
            self.invalid(
                v.span,
                format!("`{key}` must be a string; found {}", v.type_name()),
            )
        })
    }

    fn boolean(&self, key: &str, v: &Node) -> Result<bool, LoadError> {
        v.as_bool().ok_or_else(|| {
            self.invalid(
                v.span,
                format!("`{key}` must be true or false; found {}", v.type_name()),
            )
        })
    }

    fn number(&self, key: &str, v: &Node) -> Result<f64, LoadError> {
        v.as_f64().ok_or_else(|| {
            self.invalid(
                v.span,
                format!("`{key}` must be a number; found {}", v.type_name()),
            )
        })
    }

    fn count(&self, key: &str, v: &Node) -> Result<u64, LoadError> {
        v.as_u64().ok_or_else(|| {
            self.invalid(
                v.span,
                format!(
                    "`{key}` must be a non-negative integer; found {}",
                    describe(v)
                ),
            )
        })
    }

    fn types(&self, v: &Node) -> Result<TypeSet, LoadError> {
        let one = |n: &Node| -> Result<TypeSet, LoadError> {
            let name = n.as_str().ok_or_else(|| {
                self.invalid(
                    n.span,
                    format!("`type` must name a JSON type; found {}", describe(n)),
                )
                .with_help("one of null, boolean, integer, number, string, array, object")
            })?;
            if name == "null" && self.dialect == Dialect::OpenApi30 {
                return Err(self
                    .invalid(n.span, "OpenAPI 3.0 has no `null` type")
                    .with_help("write `nullable: true` next to the type, or use OpenAPI 3.1"));
            }
            TypeSet::from_name(name).ok_or_else(|| {
                self.invalid(n.span, format!("`{name}` is not a JSON type"))
                    .with_help("one of null, boolean, integer, number, string, array, object")
            })
        };
        match &v.kind {
            NodeKind::Seq(items) => {
                if self.dialect == Dialect::OpenApi30 {
                    return Err(self
                        .invalid(v.span, "OpenAPI 3.0 does not allow a list of types")
                        .with_help("use `oneOf`, or `nullable: true` for a nullable type; type lists need OpenAPI 3.1"));
                }
                let mut t = TypeSet::ANY;
                for item in items {
                    t = t.union(one(item)?);
                }
                if items.is_empty() {
                    return Err(self.invalid(v.span, "`type` lists no type"));
                }
                Ok(t)
            }
            _ => one(v),
        }
    }

    /// Reads every keyword of a schema object into `s`.
    fn keywords(&mut self, s: &mut Schema, at: &Parent, node: &Node) -> Result<(), LoadError> {
        let mut nullable = false;
        // 3.0's boolean exclusive bounds modify `minimum`/`maximum`; apply them once all are read.
        let mut exclusive_min_flag = false;
        let mut exclusive_max_flag = false;
        let mut additional_items: Option<SchemaId> = None;
        let mut items_is_tuple = false;
        for (ki, e) in node.entries().iter().enumerate() {
            let v = &e.value;
            let k = e.key.as_str();
            match k {
                "$ref" | IGNORE_EXTENSION => {}
                "type" => s.types = self.types(v)?,
                "nullable" => nullable = self.boolean(k, v)?,
                "format" => s.format = Some(self.string(k, v)?),
                "enum" => match &v.kind {
                    NodeKind::Seq(items) => {
                        s.enum_values = Some(items.iter().map(Node::to_json).collect())
                    }
                    _ => {
                        return Err(self.invalid(
                            v.span,
                            format!("`enum` must be a list of values; found {}", v.type_name()),
                        ));
                    }
                },
                "const" => s.const_value = Some(v.to_json()),
                "properties" => {
                    let (ids, spans) = self.child_map(at, ki, k, v)?;
                    s.properties = ids;
                    s.property_spans = spans;
                }
                "required" => match &v.kind {
                    NodeKind::Seq(items) => {
                        s.required = items
                            .iter()
                            .map(|i| self.string("required", i))
                            .collect::<Result<_, _>>()?;
                    }
                    _ => {
                        return Err(self
                            .invalid(v.span, format!("`required` must be a list of property names; found {}", describe(v)))
                            .with_help("list the required properties in the object schema: `required: [id, name]`"));
                    }
                },
                "additionalProperties" => {
                    s.additional = match v.kind {
                        NodeKind::Bool(b) => Additional::Allowed(b),
                        _ => Additional::Schema(self.child(at, ki, k, v)?),
                    };
                }
                "patternProperties" => s.pattern_properties = self.child_map(at, ki, k, v)?.0,
                "items" => match &v.kind {
                    NodeKind::Seq(_) if self.dialect != Dialect::OpenApi30 => {
                        // Draft-07 tuple form: `items: [..]` is what 2020-12 calls `prefixItems`.
                        s.prefix_items = self.child_list(at, ki, k, v)?;
                        items_is_tuple = true;
                    }
                    NodeKind::Seq(_) => {
                        return Err(self
                            .invalid(
                                v.span,
                                "in OpenAPI 3.0 `items` must be a schema, not a list",
                            )
                            .with_help("use `items: {oneOf: [...]}`"));
                    }
                    _ => s.items = Some(self.child(at, ki, k, v)?),
                },
                "prefixItems" => s.prefix_items = self.child_list(at, ki, k, v)?,
                "additionalItems" => additional_items = Some(self.child(at, ki, k, v)?),
                "allOf" => s.all_of = self.child_list(at, ki, k, v)?,
                "oneOf" => s.one_of = self.child_list(at, ki, k, v)?,
                "anyOf" => s.any_of = self.child_list(at, ki, k, v)?,
                "not" => s.not = Some(self.child(at, ki, k, v)?),
                "discriminator" => s.discriminator = Some(self.discriminator(at.file, v)?),
                "minimum" => s.constraints.minimum = Some(self.number(k, v)?),
                "maximum" => s.constraints.maximum = Some(self.number(k, v)?),
                "exclusiveMinimum" => match v.kind {
                    NodeKind::Bool(b) => exclusive_min_flag = b,
                    _ => s.constraints.exclusive_minimum = Some(self.exclusive(k, v)?),
                },
                "exclusiveMaximum" => match v.kind {
                    NodeKind::Bool(b) => exclusive_max_flag = b,
                    _ => s.constraints.exclusive_maximum = Some(self.exclusive(k, v)?),
                },
                "multipleOf" => {
                    let m = self.number(k, v)?;
                    if m <= 0.0 {
                        return Err(self.invalid(v.span, "`multipleOf` must be greater than 0"));
                    }
                    s.constraints.multiple_of = Some(m);
                }
                "minLength" => s.constraints.min_length = Some(self.count(k, v)?),
                "maxLength" => s.constraints.max_length = Some(self.count(k, v)?),
                "pattern" => s.constraints.pattern = Some(self.string(k, v)?),
                "minItems" => s.constraints.min_items = Some(self.count(k, v)?),
                "maxItems" => s.constraints.max_items = Some(self.count(k, v)?),
                "uniqueItems" => s.constraints.unique_items = self.boolean(k, v)?,
                "minProperties" => s.constraints.min_properties = Some(self.count(k, v)?),
                "maxProperties" => s.constraints.max_properties = Some(self.count(k, v)?),
                "readOnly" => s.read_only = self.boolean(k, v)?,
                "writeOnly" => s.write_only = self.boolean(k, v)?,
                "deprecated" => s.deprecated = self.boolean(k, v)?,
                "default" => s.default = Some(v.to_json()),
                "title" => s.title = Some(self.string(k, v)?),
                "description" => s.description = Some(self.string(k, v)?),
                "example" => s.examples.insert(0, v.to_json()),
                "examples" => match &v.kind {
                    NodeKind::Seq(items) => s.examples.extend(items.iter().map(Node::to_json)),
                    // 3.0 schemas have no `examples`; a map there is someone's notes, not a keyword.
                    _ if self.dialect == Dialect::OpenApi30 => {}
                    _ => {
                        return Err(self.invalid(
                            v.span,
                            format!(
                                "`examples` must be a list of values; found {}",
                                v.type_name()
                            ),
                        ));
                    }
                },
                // Subschemas the model does not interpret. They are still built, so their
                // references count as uses and their own errors are reported.
                "$defs" | "definitions" => {
                    self.child_map(at, ki, k, v)?;
                }
                "dependentSchemas" => s.dependent_schemas = self.child_map(at, ki, k, v)?.0,
                "dependentRequired" => s.dependent_required = self.dependent_required(v)?,
                "if" => s.if_schema = Some(self.child(at, ki, k, v)?),
                "then" => s.then_schema = Some(self.child(at, ki, k, v)?),
                "else" => s.else_schema = Some(self.child(at, ki, k, v)?),
                "contains" => s.contains = Some(self.child(at, ki, k, v)?),
                "minContains" => s.constraints.min_contains = Some(self.count(k, v)?),
                "maxContains" => s.constraints.max_contains = Some(self.count(k, v)?),
                "propertyNames" => s.property_names = Some(self.child(at, ki, k, v)?),
                "contentSchema" => s.content_schema = Some(self.child(at, ki, k, v)?),
                "contentEncoding" => s.content_encoding = Some(self.string(k, v)?),
                "contentMediaType" => s.content_media_type = Some(self.string(k, v)?),
                "unevaluatedItems" => s.unevaluated_items = Some(self.child(at, ki, k, v)?),
                "unevaluatedProperties" => {
                    s.unevaluated_properties = Some(self.child(at, ki, k, v)?)
                }
                _ if k.starts_with("x-") => {
                    s.extensions.insert(e.key.clone(), v.to_json());
                }
                _ => {}
            }
        }
        // `nullable` only adds null to an explicit type (3.0.3); without a type, null is already allowed.
        if nullable && !s.types.is_any() {
            s.types = s.types.union(TypeSet::NULL);
        }
        if exclusive_min_flag && let Some(m) = s.constraints.minimum.take() {
            s.constraints.exclusive_minimum = Some(m);
        }
        if exclusive_max_flag && let Some(m) = s.constraints.maximum.take() {
            s.constraints.exclusive_maximum = Some(m);
        }
        if items_is_tuple && let Some(a) = additional_items {
            s.items = Some(a);
        }
        Ok(())
    }

    /// `dependentRequired`: a mapping of property names to lists of property names.
    fn dependent_required(&self, v: &Node) -> Result<IndexMap<String, Vec<String>>, LoadError> {
        let NodeKind::Map(entries) = &v.kind else {
            return Err(self.invalid(
                v.span,
                format!(
                    "`dependentRequired` must map property names to lists of names; found {}",
                    v.type_name()
                ),
            ));
        };
        let mut out = IndexMap::with_capacity(entries.len());
        for e in entries {
            let NodeKind::Seq(items) = &e.value.kind else {
                return Err(self.invalid(
                    e.value.span,
                    format!(
                        "`dependentRequired` lists property names; found {}",
                        e.value.type_name()
                    ),
                ));
            };
            let names = items
                .iter()
                .map(|i| self.string("dependentRequired", i))
                .collect::<Result<_, _>>()?;
            out.insert(e.key.clone(), names);
        }
        Ok(out)
    }

    fn exclusive(&self, key: &str, v: &Node) -> Result<f64, LoadError> {
        v.as_f64().ok_or_else(|| {
            self.invalid(
                v.span,
                format!(
                    "`{key}` must be a number (or, in OpenAPI 3.0, a boolean); found {}",
                    v.type_name()
                ),
            )
        })
    }

    fn discriminator(&mut self, file: FileId, v: &Node) -> Result<Discriminator, LoadError> {
        // AsyncAPI 2 writes the discriminator as the bare property name.
        if let Some(name) = v.as_str() {
            return Ok(Discriminator {
                property_name: name.to_string(),
                mapping: IndexMap::new(),
            });
        }
        if !v.is_map() {
            return Err(self.invalid(
                v.span,
                format!("`discriminator` must be a mapping; found {}", v.type_name()),
            ));
        }
        let Some(name) = v.get("propertyName") else {
            return Err(self.invalid(v.span, "`discriminator` needs a `propertyName`"));
        };
        let property_name = self.string("propertyName", name)?;
        let mut mapping = IndexMap::new();
        if let Some(m) = v.get("mapping") {
            if !m.is_map() {
                return Err(self.invalid(
                    m.span,
                    format!(
                        "`mapping` must map values to schema references; found {}",
                        m.type_name()
                    ),
                ));
            }
            for e in m.entries() {
                let target = self.string("mapping", &e.value)?;
                // A mapping value is a reference or a bare component name; either way it is a use
                // of the component (and must exist).
                let reference = if target.contains('#') || target.contains('/') {
                    target.clone()
                } else {
                    format!("#/components/schemas/{target}")
                };
                self.reference_text(file, e.value.span, &reference)?;
                mapping.insert(e.key.clone(), target);
            }
        }
        Ok(Discriminator {
            property_name,
            mapping,
        })
    }
}

/// The value as a user would read it in an error message.
fn describe(v: &Node) -> String {
    match &v.kind {
        NodeKind::Bool(b) => format!("`{b}`"),
        NodeKind::Int(i) => format!("`{i}`"),
        NodeKind::Float(f) => format!("`{f}`"),
        NodeKind::Str(s) if s.len() <= 40 => format!("\"{s}\""),
        _ => v.type_name().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceMap;

    /// Writes `files` into a temporary root and builds the schema at `root.yaml#pointer`.
    fn build_in(
        files: &[(&str, &str)],
        dialect: Dialect,
        pointer: &str,
    ) -> (
        SchemaArena,
        Result<SchemaId, LoadError>,
        HashSet<String>,
        Vec<Suppression>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let mut sources = SourceMap::new();
        let mut cx = LoadCx::new(&mut sources, dir.path());
        let file = cx.read(&dir.path().join(files[0].0)).unwrap();
        let mut docs = Documents::new();
        let doc = docs.tree(&cx, file).unwrap();
        let mut arena = SchemaArena::new();
        let mut referenced = HashSet::new();
        let mut sup = Vec::new();
        let r = build_with_suppressions(
            &mut cx,
            &mut docs,
            &mut arena,
            &mut referenced,
            &mut sup,
            dialect,
            file,
            &doc,
            pointer,
        );
        (arena, r, referenced, sup)
    }

    #[test]
    fn nullable_and_boolean_exclusive_bounds_normalise() {
        let y30 = "s:\n  type: integer\n  nullable: true\n  minimum: 0\n  exclusiveMinimum: true\n";
        let y31 = "s:\n  type: [integer, 'null']\n  exclusiveMinimum: 0\n";
        let (a30, r30, _, _) = build_in(&[("a.yaml", y30)], Dialect::OpenApi30, "/s");
        let (a31, r31, _, _) = build_in(&[("a.yaml", y31)], Dialect::OpenApi31, "/s");
        let (s30, s31) = (a30.get(r30.unwrap()), a31.get(r31.unwrap()));
        assert_eq!(s30.types, TypeSet::INTEGER.union(TypeSet::NULL));
        assert_eq!(s30.types, s31.types);
        assert_eq!(s30.constraints, s31.constraints);
        assert_eq!(s30.constraints.exclusive_minimum, Some(0.0));
        assert_eq!(s30.constraints.minimum, None);
    }

    #[test]
    fn nullable_without_type_stays_any() {
        let (a, r, _, _) = build_in(
            &[("a.yaml", "s: {nullable: true}\n")],
            Dialect::OpenApi30,
            "/s",
        );
        assert!(a.get(r.unwrap()).types.is_any());
    }

    #[test]
    fn cycles_terminate_and_stay_references() {
        let y = "Node:\n  type: object\n  properties:\n    next: {$ref: '#/Node'}\n    kids: {type: array, items: {$ref: '#/Node'}}\n";
        let (a, r, referenced, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/Node");
        let id = r.unwrap();
        // Node, next, kids, kids.items
        assert_eq!(a.len(), 4);
        let next = a.get(id).properties["next"];
        assert_eq!(a.get(next).reference, Some(id));
        assert!(referenced.contains("a.yaml#/Node"));
    }

    #[test]
    fn ref_siblings_are_ignored_in_30_and_kept_in_31() {
        let y = "T: {type: string}\ns: {$ref: '#/T', maxLength: 3}\n";
        let (a, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi30, "/s");
        assert_eq!(a.get(r.unwrap()).constraints.max_length, None);
        let (a, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/s");
        let s = a.get(r.unwrap());
        assert_eq!(s.constraints.max_length, Some(3));
        assert_eq!(a.get(s.reference.unwrap()).types, TypeSet::STRING);
    }

    #[test]
    fn relative_file_refs_resolve() {
        let files = [
            ("a.yaml", "s: {$ref: 'common/b.yaml#/Money'}\n"),
            (
                "common/b.yaml",
                "Money: {type: object, required: [amount], properties: {amount: {type: string}}}\n",
            ),
        ];
        let (a, r, referenced, _) = build_in(&files, Dialect::AsyncApi, "/s");
        let s = a.get(r.unwrap());
        let money = a.get(s.reference.unwrap());
        assert_eq!(money.required, vec!["amount".to_string()]);
        assert!(referenced.contains("common/b.yaml#/Money"));
    }

    #[test]
    fn wrong_typed_keywords_are_located_errors() {
        for y in [
            "s: {type: 5}\n",
            "s: {type: object, required: yes}\n",
            "s: {minLength: -1}\n",
            "s: {properties: []}\n",
            "s: {type: strin}\n",
            "s: 'a string'\n",
        ] {
            let (_, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi30, "/s");
            let e = r.unwrap_err();
            assert_eq!(e.code, INVALID, "{y}");
            assert_eq!(e.line_col().unwrap().0, 1, "{y}");
        }
        let (_, r, _, _) = build_in(
            &[("a.yaml", "s: {type: [string, 'null']}\n")],
            Dialect::OpenApi30,
            "/s",
        );
        assert_eq!(r.unwrap_err().code, INVALID);
    }

    #[test]
    fn boolean_schemas_and_31_keywords() {
        let y = "s:\n  type: array\n  prefixItems: [{const: 1}, true]\n  items: false\n  examples: [[1]]\n  $defs:\n    D: {type: string}\n";
        let (a, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/s");
        let s = a.get(r.unwrap());
        assert_eq!(s.prefix_items.len(), 2);
        assert_eq!(
            a.get(s.prefix_items[0]).const_value,
            Some(serde_json::json!(1))
        );
        assert_eq!(a.get(s.prefix_items[1]).boolean, Some(true));
        assert_eq!(a.get(s.items.unwrap()).boolean, Some(false));
        assert_eq!(s.examples, vec![serde_json::json!([1])]);
        assert!(a.by_location("a.yaml#/s/$defs/D").is_some());
    }

    #[test]
    fn keywords_of_2020_12_are_kept() {
        let y = "s:\n  type: object\n  dependentRequired: {card: [billing]}\n  dependentSchemas: {a: {required: [b]}}\n  if: {required: [x]}\n  then: {required: [y]}\n  else: {required: [z]}\n  propertyNames: {maxLength: 3}\n  unevaluatedProperties: false\n  contentEncoding: base64\n  contentMediaType: image/png\n  contentSchema: {type: string}\nt:\n  type: array\n  contains: {const: 1}\n  minContains: 1\n  maxContains: 2\n  unevaluatedItems: false\n";
        let (a, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/s");
        let s = a.get(r.unwrap());
        assert_eq!(s.dependent_required["card"], vec!["billing".to_string()]);
        assert_eq!(s.dependent_schemas.len(), 1);
        assert!(s.if_schema.is_some() && s.then_schema.is_some() && s.else_schema.is_some());
        assert!(s.property_names.is_some() && s.unevaluated_properties.is_some());
        assert_eq!(s.content_encoding.as_deref(), Some("base64"));
        assert_eq!(s.content_media_type.as_deref(), Some("image/png"));
        assert!(s.content_schema.is_some());
        let (a, r, _, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/t");
        let t = a.get(r.unwrap());
        assert!(t.contains.is_some() && t.unevaluated_items.is_some());
        assert_eq!(
            (t.constraints.min_contains, t.constraints.max_contains),
            (Some(1), Some(2))
        );
    }

    #[test]
    fn ignore_extension_becomes_a_suppression() {
        let y = "s:\n  type: object\n  x-treaty-ignore: [example-valid]\n  x-other: 1\n";
        let (a, r, _, sup) = build_in(&[("a.yaml", y)], Dialect::OpenApi31, "/s");
        let s = a.get(r.unwrap());
        assert_eq!(sup.len(), 1);
        assert_eq!(sup[0].rules, vec!["example-valid".to_string()]);
        assert_eq!(sup[0].span, s.span);
        assert!(s.extensions.contains_key("x-other"));
    }

    #[test]
    fn hostile_nesting_stops_with_an_error() {
        // Block style: YAML flow collections stop at 255 levels in the parser already.
        let mut y = String::from("s:\n");
        for level in 1..(MAX_DEPTH + 10) {
            y.push_str(&" ".repeat(level));
            y.push_str("items:\n");
        }
        y.push_str(&" ".repeat(MAX_DEPTH + 10));
        y.push_str("type: string\n");
        let (_, r, _, _) = build_in(&[("a.yaml", &y)], Dialect::OpenApi31, "/s");
        assert_eq!(r.unwrap_err().code, "treaty::schema::too-deep");
    }

    #[test]
    fn discriminator_mapping_counts_as_use() {
        let y = "s:\n  oneOf: [{$ref: '#/components/schemas/Cat'}]\n  discriminator:\n    propertyName: kind\n    mapping: {cat: Cat, dog: '#/components/schemas/Dog'}\ncomponents:\n  schemas:\n    Cat: {type: object}\n    Dog: {type: object}\n";
        let (a, r, referenced, _) = build_in(&[("a.yaml", y)], Dialect::OpenApi30, "/s");
        let s = a.get(r.unwrap());
        assert_eq!(s.discriminator.as_ref().unwrap().property_name, "kind");
        assert!(referenced.contains("a.yaml#/components/schemas/Dog"));
        assert!(referenced.contains("a.yaml#/components/schemas/Cat"));
    }
}
