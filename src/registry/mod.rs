//! Schema-registry compatibility: is a new schema compatible with earlier ones under a
//! registry's compatibility mode?
//!
//! ```text
//! FILE... (oldest first) ──load──▶ JSON Schema (located model) │ Avro (.avsc) │ protobuf (protox)
//!                                         │
//!          mode: last file against the one before it, or (transitive) against every earlier one
//!                                         ▼
//!          BACKWARD: the new schema reads data written with the old one   (diff(old, new))
//!          FORWARD:  the old schema reads data written with the new one   (diff(new, old))
//!          FULL:     both                         NONE: nothing
//!                                         ▼
//!               incompatibilities, each located in the new and the old file
//! ```
//!
//! The modes and their meaning are Confluent Schema Registry's. JSON Schema differences are the
//! registry's difference types ([`json::Type`]) under a strict or lenient [`Policy`] (how open,
//! closed and partially open content models are read); protobuf ones are its protobuf
//! difference types ([`protobuf::Type`]); Avro follows Avro's own schema resolution
//! ([`avro`]). `treaty compat` runs this over files; `treaty check` runs it over a message's
//! payload when treaty.yaml gives the message's channel or name a mode.

pub mod avro;
pub mod json;
pub mod protobuf;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::diag::{LoadError, LoadErrors};
use crate::formats::LoadCx;
use crate::formats::jsonschema::{self, Dialect};
use crate::formats::refs::Documents;
use crate::formats::tree::{self, Node, NodeKind};
use crate::model::{SchemaArena, SchemaId};
use crate::source::{FileId, SourceMap, Span};

/// A compatibility mode, as a schema registry names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    None,
    Backward,
    Forward,
    Full,
    BackwardTransitive,
    ForwardTransitive,
    FullTransitive,
}

impl Mode {
    pub const ALL: [Mode; 7] = [
        Mode::None,
        Mode::Backward,
        Mode::Forward,
        Mode::Full,
        Mode::BackwardTransitive,
        Mode::ForwardTransitive,
        Mode::FullTransitive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::None => "none",
            Mode::Backward => "backward",
            Mode::Forward => "forward",
            Mode::Full => "full",
            Mode::BackwardTransitive => "backward-transitive",
            Mode::ForwardTransitive => "forward-transitive",
            Mode::FullTransitive => "full-transitive",
        }
    }

    /// Reads `backward`, `BACKWARD_TRANSITIVE`, `full-transitive`, …
    pub fn parse(s: &str) -> Option<Mode> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The one-directional checks the mode is made of: `Backward`, `Forward`, or both.
    pub fn checks(self) -> Vec<Mode> {
        match self {
            Mode::None => Vec::new(),
            Mode::Backward | Mode::BackwardTransitive => vec![Mode::Backward],
            Mode::Forward | Mode::ForwardTransitive => vec![Mode::Forward],
            Mode::Full | Mode::FullTransitive => vec![Mode::Backward, Mode::Forward],
        }
    }

    /// Transitive modes check the newest schema against every earlier one.
    pub fn transitive(self) -> bool {
        matches!(
            self,
            Mode::BackwardTransitive | Mode::ForwardTransitive | Mode::FullTransitive
        )
    }
}

impl<'de> serde::Deserialize<'de> for Mode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Mode::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown compatibility mode `{s}`; expected one of none, backward, forward, full, backward-transitive, forward-transitive, full-transitive"
            ))
        })
    }
}

/// How JSON Schema content models are read (the registry's `json.schema.compatibility.policy`
/// equivalent): strict by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Policy {
    #[default]
    Strict,
    Lenient,
}

/// The schema languages a registry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Json,
    Avro,
    Protobuf,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::Json => "JSON Schema",
            Language::Avro => "Avro",
            Language::Protobuf => "protobuf",
        }
    }

    /// By file extension: `.proto`, `.avsc`, anything else JSON Schema.
    pub fn of_path(path: &Path) -> Language {
        match path.extension().and_then(|e| e.to_str()) {
            Some("proto") => Language::Protobuf,
            Some("avsc") => Language::Avro,
            _ => Language::Json,
        }
    }
}

/// The language an AsyncAPI `schemaFormat` names, for the languages compared here beyond JSON
/// Schema (which the AsyncAPI loader builds itself).
pub fn language_of(schema_format: &str) -> Option<Language> {
    let media = schema_format
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if media.starts_with("application/vnd.apache.avro") {
        Some(Language::Avro)
    } else if media.contains("protobuf") {
        Some(Language::Protobuf)
    } else {
        None
    }
}

/// A registry mode given to a channel or message in treaty.yaml, with where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct RegistryEntry {
    pub mode: Mode,
    pub span: Option<Span>,
}

/// What comparing two raw (unlocated) schemas found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawReport {
    /// One line per incompatibility.
    pub incompatible: Vec<String>,
    /// The schemas differ at all.
    pub changed: bool,
}

/// Compares two Avro or protobuf schemas kept raw (an AsyncAPI payload) under the given
/// one-directional checks (`Backward`: the new one reads old data; `Forward`: the reverse).
pub fn compare_raw(
    lang: Language,
    old: &Value,
    new: &Value,
    checks: &[Mode],
) -> Result<RawReport, String> {
    let mut report = RawReport {
        changed: old != new,
        ..RawReport::default()
    };
    match lang {
        Language::Avro => {
            let (o, n) = (avro::parse(old)?, avro::parse(new)?);
            for c in checks {
                let issues = match c {
                    Mode::Backward => avro::resolve(&n, &o),
                    _ => avro::resolve(&o, &n),
                };
                report
                    .incompatible
                    .extend(issues.into_iter().map(|i| i.message));
            }
        }
        Language::Protobuf => {
            let text = |v: &Value| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    "a protobuf payload must be the text of a .proto file".to_string()
                })
            };
            let compile = |t: &str| {
                protobuf::compile("payload.proto", t, None)
                    .map_err(|e| format!("the .proto text does not compile: {}", e.message))
            };
            let (o, n) = (compile(&text(old)?)?, compile(&text(new)?)?);
            for c in checks {
                let diffs = match c {
                    Mode::Backward => protobuf::diff(&o, &n, None),
                    _ => protobuf::diff(&n, &o, None),
                };
                // A forward check compares the new schema with the old one, so its
                // differences read from the new schema back to the old.
                let frame = if *c == Mode::Backward {
                    ""
                } else {
                    "from the new schema back to the old: "
                };
                report.incompatible.extend(
                    diffs
                        .into_iter()
                        .filter(|d| !d.kind.compatible())
                        .map(|d| format!("{frame}{d}")),
                );
            }
        }
        Language::Json => {
            return Err("JSON Schema payloads are compared as located schemas".to_string());
        }
    }
    report.incompatible.dedup();
    Ok(report)
}

/// Options of `treaty compat`.
#[derive(Clone, Debug)]
pub struct CompatOptions {
    pub mode: Mode,
    pub policy: Policy,
    /// The schema language; by default from each file's extension.
    pub language: Option<Language>,
    /// For protobuf: the message to compare (every message otherwise).
    pub message: Option<String>,
}

/// One incompatibility between the newest file and an earlier one.
#[derive(Clone, Debug, PartialEq)]
pub struct Incompatibility {
    /// The difference type (`PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL`, `FIELD_KIND_CHANGED`,
    /// `field-without-default`, …).
    pub kind: &'static str,
    pub message: String,
    /// `backward` or `forward`: which check found it.
    pub check: &'static str,
    /// Where in the newest file, and where in the earlier one.
    pub new: Span,
    pub old: Span,
}

/// What `treaty compat` found.
#[derive(Debug, Default)]
pub struct CompatResult {
    pub sources: SourceMap,
    pub files: Vec<FileId>,
    pub incompatible: Vec<Incompatibility>,
    /// The differences found that the mode allows (a property added to an open content model
    /// under the lenient policy, a field added with a default, …).
    pub compatible: Vec<Incompatibility>,
}

/// One loaded schema file.
enum Loaded {
    Json {
        arena: SchemaArena,
        root: SchemaId,
        extra: json::Extra,
    },
    Avro {
        schema: avro::Schema,
        tree: Arc<Node>,
    },
    Proto {
        fd: Box<prost_types::FileDescriptorProto>,
    },
}

/// Loads every file (oldest first) and checks the newest against the earlier ones under the
/// mode. Unreadable files are located errors.
pub fn check_files(
    paths: &[PathBuf],
    cwd: &Path,
    options: &CompatOptions,
) -> Result<CompatResult, LoadErrors> {
    let mut result = CompatResult::default();
    let mut loaded = Vec::new();
    let mut errors = LoadErrors::default();
    for path in paths {
        let lang = options.language.unwrap_or_else(|| Language::of_path(path));
        let mut cx = LoadCx::new(&mut result.sources, cwd);
        match load(&mut cx, path, lang) {
            Ok((id, l)) => {
                result.files.push(id);
                loaded.push(l);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if loaded.len() < 2 {
        return Ok(result);
    }
    let last = loaded.len() - 1;
    let earlier: Vec<usize> = if options.mode.transitive() {
        (0..last).collect()
    } else {
        vec![last - 1]
    };
    for &i in &earlier {
        for check in options.mode.checks() {
            let found = compare(
                &result.sources,
                (&loaded[i], result.files[i]),
                (&loaded[last], result.files[last]),
                check,
                options,
            );
            match found {
                Ok((bad, ok)) => {
                    result.incompatible.extend(bad);
                    result.compatible.extend(ok);
                }
                Err(e) => errors.push(e),
            }
        }
    }
    errors.into_result(result)
}

fn load(cx: &mut LoadCx, path: &Path, lang: Language) -> Result<(FileId, Loaded), LoadError> {
    let id = cx.read(path)?;
    let file = cx.sources.get(id).clone();
    match lang {
        Language::Json => {
            let mut docs = Documents::new();
            let doc = docs.tree(cx, id)?;
            let mut arena = SchemaArena::new();
            let mut referenced = Default::default();
            let root = jsonschema::build(
                cx,
                &mut docs,
                &mut arena,
                &mut referenced,
                Dialect::AsyncApi,
                id,
                &doc,
                "",
            )?;
            let mut extra = json::Extra::default();
            collect_extra(&doc, &format!("{}#", file.display), &mut extra);
            Ok((id, Loaded::Json { arena, root, extra }))
        }
        Language::Avro => {
            let tree = Arc::new(tree::parse(&file, id)?);
            let schema = avro::parse(&tree.to_json()).map_err(|e| {
                LoadError::at(
                    "treaty::registry::avro",
                    &file,
                    0,
                    0,
                    format!("not an Avro schema: {e}"),
                )
            })?;
            Ok((id, Loaded::Avro { schema, tree }))
        }
        Language::Protobuf => {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("schema.proto")
                .to_string();
            let fd =
                protobuf::compile(&name, &file.text, path.parent()).map_err(|e| match e.range {
                    Some((s, end)) => {
                        LoadError::at("treaty::registry::protobuf", &file, s, end, e.message)
                    }
                    None => LoadError::in_file(
                        "treaty::registry::protobuf",
                        file.display.clone(),
                        e.message,
                    ),
                })?;
            Ok((id, Loaded::Proto { fd: Box::new(fd) }))
        }
    }
}

/// Reads what the schema model does not keep: `$id` (and draft-04 `id`) and draft-07
/// `dependencies` in their array form, by schema location.
fn collect_extra(node: &Node, location: &str, extra: &mut json::Extra) {
    let NodeKind::Map(entries) = &node.kind else {
        if let NodeKind::Seq(items) = &node.kind {
            for (i, item) in items.iter().enumerate() {
                collect_extra(item, &format!("{location}/{i}"), extra);
            }
        }
        return;
    };
    for e in entries {
        match (e.key.as_str(), &e.value.kind) {
            ("$id" | "id", NodeKind::Str(s)) => {
                extra.ids.insert(location.to_string(), s.clone());
            }
            ("dependencies", NodeKind::Map(deps)) => {
                for d in deps {
                    if let NodeKind::Seq(names) = &d.value.kind {
                        let names = names
                            .iter()
                            .filter_map(|n| n.as_str().map(str::to_string))
                            .collect();
                        extra
                            .dependencies
                            .entry(location.to_string())
                            .or_default()
                            .insert(d.key.clone(), names);
                    }
                }
            }
            _ => {}
        }
        collect_extra(
            &e.value,
            &format!("{location}/{}", tree::escape_pointer_token(&e.key)),
            extra,
        );
    }
}

/// One one-directional check of the newest file against an earlier one.
fn compare(
    sources: &SourceMap,
    old: (&Loaded, FileId),
    new: (&Loaded, FileId),
    check: Mode,
    options: &CompatOptions,
) -> Result<(Vec<Incompatibility>, Vec<Incompatibility>), LoadError> {
    let backward = check == Mode::Backward;
    let name = if backward { "backward" } else { "forward" };
    let mut out = Vec::new();
    let mut fine = Vec::new();
    match (old.0, new.0) {
        (
            Loaded::Json {
                arena: oa,
                root: or,
                extra: oe,
            },
            Loaded::Json {
                arena: na,
                root: nr,
                extra: ne,
            },
        ) => {
            let found = if backward {
                json::diff(oa, *or, na, *nr, options.policy, (oe, ne))
            } else {
                json::diff(na, *nr, oa, *or, options.policy, (ne, oe))
                    .into_iter()
                    .map(|d| json::Difference {
                        old: d.new,
                        new: d.old,
                        ..d
                    })
                    .collect()
            };
            for d in found {
                let ok = d.kind.compatible(options.policy);
                let i = Incompatibility {
                    kind: d.kind.name(),
                    message: format!(
                        "at {}",
                        if d.pointer.is_empty() {
                            "#".to_string()
                        } else {
                            d.pointer.clone()
                        }
                    ),
                    check: name,
                    new: d.new,
                    old: d.old,
                };
                if ok { fine.push(i) } else { out.push(i) }
            }
        }
        (
            Loaded::Avro {
                schema: os,
                tree: ot,
            },
            Loaded::Avro {
                schema: ns,
                tree: nt,
            },
        ) => {
            let (reader, writer) = if backward { (ns, os) } else { (os, ns) };
            let at = |t: &Node, id: FileId, p: &str| {
                t.pointer(p).map(|n| n.span).unwrap_or(Span::file_start(id))
            };
            for i in avro::resolve(reader, writer) {
                let (new_ptr, old_ptr) = if backward {
                    (&i.reader, &i.writer)
                } else {
                    (&i.writer, &i.reader)
                };
                out.push(Incompatibility {
                    kind: i.kind,
                    message: i.message.clone(),
                    check: name,
                    new: at(nt, new.1, new_ptr),
                    old: at(ot, old.1, old_ptr),
                });
            }
        }
        (Loaded::Proto { fd: of }, Loaded::Proto { fd: nf }) => {
            let only = options.message.as_deref();
            let found = if backward {
                protobuf::diff(of, nf, only)
            } else {
                protobuf::diff(nf, of, only)
            };
            for d in found {
                let (new_path, old_path) = if backward {
                    (&d.new_path, &d.old_path)
                } else {
                    (&d.old_path, &d.new_path)
                };
                let into = if d.kind.compatible() {
                    &mut fine
                } else {
                    &mut out
                };
                let frame = if backward {
                    ""
                } else {
                    "from the new schema back to the old: "
                };
                into.push(Incompatibility {
                    kind: d.kind.name(),
                    message: format!("{frame}{}", d.message),
                    check: name,
                    new: protobuf::span_of(nf, sources.get(new.1), new.1, new_path),
                    old: protobuf::span_of(of, sources.get(old.1), old.1, old_path),
                });
            }
        }
        _ => {
            return Err(LoadError::in_file(
                "treaty::registry::mixed",
                sources.get(new.1).display.clone(),
                format!(
                    "`{}` and `{}` are schemas in different languages; compare schemas of one language",
                    sources.get(old.1).display,
                    sources.get(new.1).display
                ),
            ));
        }
    }
    Ok((out, fine))
}
