//! Avro schemas and Avro's schema resolution: can data written with one schema be read with
//! another?
//!
//! The specification's resolution rules, applied from the reader's side:
//!
//! - records match by full name (or a reader alias); every reader field is found in the writer
//!   by name (or alias) and resolved, or has a `default`, else data written without it cannot be
//!   read. Writer fields the reader does not have are skipped.
//! - enums match by name; a writer symbol the reader lacks fails unless the reader has a
//!   `default` symbol.
//! - a writer union resolves when each of its branches resolves against the reader; a reader
//!   union accepts a writer type that resolves against one of its branches.
//! - primitives match themselves or promote: `int` → `long`, `float`, `double`; `long` →
//!   `float`, `double`; `float` → `double`; `string` ↔ `bytes`.
//! - arrays and maps resolve their items and values; fixed types match by name and size.
//!
//! Logical types are read as their underlying type (a `timestamp-millis` is a `long`). Schemas
//! are parsed from JSON with serde_json; each node keeps its JSON pointer so the command line
//! can locate a finding in the `.avsc` file.

use std::collections::HashMap;

use serde_json::Value;

/// An Avro type, with the JSON pointer where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub ty: Ty,
    pub pointer: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Primitive(&'static str),
    Record {
        name: String,
        aliases: Vec<String>,
        fields: Vec<Field>,
    },
    Enum {
        name: String,
        aliases: Vec<String>,
        symbols: Vec<String>,
        default: Option<String>,
    },
    Fixed {
        name: String,
        aliases: Vec<String>,
        size: u64,
    },
    Array(Box<Node>),
    Map(Box<Node>),
    Union(Vec<Node>),
    /// A reference to a named type defined elsewhere in the schema.
    Named(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub aliases: Vec<String>,
    pub ty: Node,
    pub default: Option<Value>,
    pub pointer: String,
}

/// A parsed schema: its root and its named types by full name.
#[derive(Clone, Debug)]
pub struct Schema {
    pub root: Node,
    pub named: HashMap<String, Node>,
}

const PRIMITIVES: [&str; 8] = [
    "null", "boolean", "int", "long", "float", "double", "bytes", "string",
];

/// Parses an Avro schema from JSON (a JSON text inside a string is parsed too).
pub fn parse(v: &Value) -> Result<Schema, String> {
    let owned;
    let v = match v {
        Value::String(s) if s.trim_start().starts_with(['{', '[']) => {
            owned = serde_json::from_str::<Value>(s)
                .map_err(|e| format!("the Avro schema is not JSON: {e}"))?;
            &owned
        }
        _ => v,
    };
    let mut named = HashMap::new();
    let root = node(v, "", None, &mut named)?;
    Ok(Schema { root, named })
}

fn full_name(name: &str, namespace: Option<&str>) -> String {
    match namespace {
        Some(ns) if !name.contains('.') && !ns.is_empty() => format!("{ns}.{name}"),
        _ => name.to_string(),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn node(
    v: &Value,
    pointer: &str,
    ns: Option<&str>,
    named: &mut HashMap<String, Node>,
) -> Result<Node, String> {
    let ty = match v {
        Value::String(s) => match PRIMITIVES.iter().find(|p| **p == s) {
            Some(p) => Ty::Primitive(p),
            None => Ty::Named(full_name(s, ns)),
        },
        Value::Array(items) => Ty::Union(
            items
                .iter()
                .enumerate()
                .map(|(i, b)| node(b, &format!("{pointer}/{i}"), ns, named))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(m) => {
            let t = m
                .get("type")
                .ok_or_else(|| format!("the Avro type at `{}` has no `type`", shown(pointer)))?;
            let name = m.get("name").and_then(Value::as_str);
            let own_ns = m.get("namespace").and_then(Value::as_str).or(ns);
            let full = name.map(|n| full_name(n, own_ns));
            // The namespace of a named type is the one its children inherit.
            let child_ns = full
                .as_deref()
                .and_then(|f| f.rsplit_once('.').map(|(n, _)| n))
                .or(own_ns);
            let aliases: Vec<String> = strings(m.get("aliases"))
                .iter()
                .map(|a| full_name(a, child_ns))
                .collect();
            let need_name = || {
                full.clone()
                    .ok_or_else(|| format!("the named type at `{}` has no `name`", shown(pointer)))
            };
            let ty = match t.as_str() {
                Some("record") | Some("error") => {
                    let name = need_name()?;
                    let list = m
                        .get("fields")
                        .and_then(Value::as_array)
                        .ok_or_else(|| format!("record `{name}` has no `fields` list"))?;
                    let mut fields = Vec::new();
                    for (i, f) in list.iter().enumerate() {
                        let fp = format!("{pointer}/fields/{i}");
                        let fname = f
                            .get("name")
                            .and_then(Value::as_str)
                            .ok_or_else(|| format!("a field of record `{name}` has no `name`"))?;
                        let ft = f.get("type").ok_or_else(|| {
                            format!("field `{fname}` of record `{name}` has no `type`")
                        })?;
                        fields.push(Field {
                            name: fname.to_string(),
                            aliases: strings(f.get("aliases")),
                            ty: node(ft, &format!("{fp}/type"), child_ns, named)?,
                            default: f.get("default").cloned(),
                            pointer: fp,
                        });
                    }
                    Ty::Record {
                        name,
                        aliases,
                        fields,
                    }
                }
                Some("enum") => Ty::Enum {
                    name: need_name()?,
                    aliases,
                    symbols: strings(m.get("symbols")),
                    default: m.get("default").and_then(Value::as_str).map(str::to_string),
                },
                Some("fixed") => Ty::Fixed {
                    name: need_name()?,
                    aliases,
                    size: m
                        .get("size")
                        .and_then(Value::as_u64)
                        .ok_or_else(|| "a fixed type has no `size`".to_string())?,
                },
                Some("array") => Ty::Array(Box::new(node(
                    m.get("items").ok_or("an array type has no `items`")?,
                    &format!("{pointer}/items"),
                    ns,
                    named,
                )?)),
                Some("map") => Ty::Map(Box::new(node(
                    m.get("values").ok_or("a map type has no `values`")?,
                    &format!("{pointer}/values"),
                    ns,
                    named,
                )?)),
                // `{"type": "string", "logicalType": ...}` and `{"type": {...}}`.
                _ => {
                    return node(t, &format!("{pointer}/type"), ns, named).map(|n| Node {
                        pointer: pointer.to_string(),
                        ..n
                    });
                }
            };
            let n = Node {
                ty,
                pointer: pointer.to_string(),
            };
            if let Some(f) = &full
                && matches!(n.ty, Ty::Record { .. } | Ty::Enum { .. } | Ty::Fixed { .. })
            {
                named.insert(f.clone(), n.clone());
            }
            return Ok(n);
        }
        other => return Err(format!("`{other}` is not an Avro type")),
    };
    Ok(Node {
        ty,
        pointer: pointer.to_string(),
    })
}

fn shown(pointer: &str) -> &str {
    if pointer.is_empty() { "#" } else { pointer }
}

/// One way data written with the writer's schema cannot be read with the reader's.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// A short kind: `field-without-default`, `type-mismatch`, `enum-symbol-missing`,
    /// `union-branch-missing`, `name-mismatch`, `fixed-size-mismatch`.
    pub kind: &'static str,
    pub message: String,
    /// Where in the reader's and the writer's schema.
    pub reader: String,
    pub writer: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every way data written with `writer` fails to be read with `reader`.
pub fn resolve(reader: &Schema, writer: &Schema) -> Vec<Issue> {
    let mut cx = Resolve {
        reader,
        writer,
        out: Vec::new(),
        seen: Vec::new(),
    };
    cx.check(&reader.root, &writer.root);
    cx.out
}

struct Resolve<'a> {
    reader: &'a Schema,
    writer: &'a Schema,
    out: Vec<Issue>,
    /// Named pairs being resolved, so recursive types end.
    seen: Vec<(String, String)>,
}

fn name_of(t: &Ty) -> String {
    match t {
        Ty::Primitive(p) => p.to_string(),
        Ty::Record { name, .. }
        | Ty::Enum { name, .. }
        | Ty::Fixed { name, .. }
        | Ty::Named(name) => name.clone(),
        Ty::Array(_) => "array".to_string(),
        Ty::Map(_) => "map".to_string(),
        Ty::Union(_) => "union".to_string(),
    }
}

fn promotes(w: &str, r: &str) -> bool {
    w == r
        || matches!(
            (w, r),
            ("int", "long" | "float" | "double")
                | ("long", "float" | "double")
                | ("float", "double")
                | ("string", "bytes")
                | ("bytes", "string")
        )
}

impl<'a> Resolve<'a> {
    fn deref<'n>(schema: &'n Schema, n: &'n Node) -> &'n Node {
        match &n.ty {
            Ty::Named(name) => schema.named.get(name).unwrap_or(n),
            _ => n,
        }
    }

    fn issue(&mut self, kind: &'static str, message: String, r: &Node, w: &Node) {
        self.out.push(Issue {
            kind,
            message,
            reader: r.pointer.clone(),
            writer: w.pointer.clone(),
        });
    }

    /// True when `w` resolves against `r`, without recording anything.
    fn resolves(&mut self, r: &Node, w: &Node) -> bool {
        let saved = std::mem::take(&mut self.out);
        self.check(r, w);
        let ok = self.out.is_empty();
        self.out = saved;
        ok
    }

    /// Named types match by unqualified name, as the specification resolves them, or by an
    /// alias of the reader.
    fn names_match(r_name: &str, r_aliases: &[String], w_name: &str) -> bool {
        let short = |s: &str| s.rsplit('.').next().unwrap_or(s).to_string();
        short(r_name) == short(w_name)
            || r_aliases
                .iter()
                .any(|a| a == w_name || short(a) == short(w_name))
    }

    fn check(&mut self, r: &Node, w: &Node) {
        let (reader, writer) = (self.reader, self.writer);
        let r = Self::deref(reader, r);
        let w = Self::deref(writer, w);
        match (&r.ty, &w.ty) {
            (_, Ty::Union(wb)) => {
                for b in wb {
                    let ok = match &r.ty {
                        Ty::Union(rb) => rb.iter().any(|x| self.resolves(x, b)),
                        _ => self.resolves(r, b),
                    };
                    if !ok {
                        let wt = name_of(&Self::deref(writer, b).ty);
                        self.issue(
                            "union-branch-missing",
                            format!("the writer's union branch `{wt}` at `{}` has no counterpart in the reader's `{}` at `{}`", shown(&b.pointer), name_of(&r.ty), shown(&r.pointer)),
                            r,
                            b,
                        );
                    }
                }
            }
            (Ty::Union(rb), _) => {
                let rb = rb.clone();
                if let Some(b) = rb.iter().find(|b| self.resolves(b, w)) {
                    self.check(b, w);
                } else {
                    self.issue(
                        "union-branch-missing",
                        format!("the writer's `{}` at `{}` matches no branch of the reader's union at `{}`", name_of(&w.ty), shown(&w.pointer), shown(&r.pointer)),
                        r,
                        w,
                    );
                }
            }
            (Ty::Primitive(a), Ty::Primitive(b)) => {
                if !promotes(b, a) {
                    self.issue(
                        "type-mismatch",
                        format!("`{b}` at `{}` cannot be read as `{a}` at `{}` (only int→long→float→double and string↔bytes promote)", shown(&w.pointer), shown(&r.pointer)),
                        r,
                        w,
                    );
                }
            }
            (
                Ty::Record {
                    name: rn,
                    aliases: ra,
                    fields: rf,
                },
                Ty::Record {
                    name: wn,
                    fields: wf,
                    ..
                },
            ) => {
                if !Self::names_match(rn, ra, wn) {
                    self.issue(
                        "name-mismatch",
                        format!(
                            "record `{wn}` is read as record `{rn}`, and `{rn}` has no alias `{wn}`"
                        ),
                        r,
                        w,
                    );
                    return;
                }
                let key = (r.pointer.clone() + rn, w.pointer.clone() + wn);
                if self.seen.contains(&key) {
                    return;
                }
                self.seen.push(key);
                for f in rf {
                    let found = wf
                        .iter()
                        .find(|x| x.name == f.name || f.aliases.contains(&x.name));
                    match found {
                        Some(x) => self.check(&f.ty, &x.ty),
                        None if f.default.is_some() => {}
                        None => self.out.push(Issue {
                            kind: "field-without-default",
                            message: format!(
                                "field `{}` of record `{rn}` (at `{}`) is not in the writer's schema and has no default, so data written without it cannot be read",
                                f.name,
                                shown(&f.pointer)
                            ),
                            reader: f.pointer.clone(),
                            writer: w.pointer.clone(),
                        }),
                    }
                }
            }
            (
                Ty::Enum {
                    name: rn,
                    aliases: ra,
                    symbols: rs,
                    default,
                },
                Ty::Enum {
                    name: wn,
                    symbols: ws,
                    ..
                },
            ) => {
                if !Self::names_match(rn, ra, wn) {
                    self.issue(
                        "name-mismatch",
                        format!(
                            "enum `{wn}` is read as enum `{rn}`, and `{rn}` has no alias `{wn}`"
                        ),
                        r,
                        w,
                    );
                    return;
                }
                let missing: Vec<&String> = ws.iter().filter(|s| !rs.contains(s)).collect();
                if !missing.is_empty() && default.is_none() {
                    let list: Vec<String> = missing.iter().map(|s| format!("`{s}`")).collect();
                    self.issue(
                        "enum-symbol-missing",
                        format!("symbols {} of enum `{rn}` are written but the reader does not have them, and it has no default symbol", list.join(", ")),
                        r,
                        w,
                    );
                }
            }
            (
                Ty::Fixed {
                    name: rn,
                    aliases: ra,
                    size: rs,
                },
                Ty::Fixed {
                    name: wn, size: ws, ..
                },
            ) => {
                if !Self::names_match(rn, ra, wn) {
                    self.issue(
                        "name-mismatch",
                        format!(
                            "fixed `{wn}` is read as fixed `{rn}`, and `{rn}` has no alias `{wn}`"
                        ),
                        r,
                        w,
                    );
                } else if rs != ws {
                    self.issue(
                        "fixed-size-mismatch",
                        format!("fixed `{rn}` changed size from {ws} to {rs}"),
                        r,
                        w,
                    );
                }
            }
            (Ty::Array(a), Ty::Array(b)) | (Ty::Map(a), Ty::Map(b)) => self.check(a, b),
            _ => self.issue(
                "type-mismatch",
                format!(
                    "`{}` at `{}` cannot be read as `{}` at `{}`",
                    name_of(&w.ty),
                    shown(&w.pointer),
                    name_of(&r.ty),
                    shown(&r.pointer)
                ),
                r,
                w,
            ),
        }
    }
}
