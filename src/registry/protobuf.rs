//! Protobuf compatibility as the schema registry judges it: the registry's protobuf difference
//! types (`Difference.Type` of its protobuf provider), over descriptors compiled with protox.
//!
//! Elements pair the way the wire pairs them: messages and enums by name relative to the package
//! (so a package rename is one `PACKAGE_CHANGED`, not every message removed), fields by number,
//! enum constants by number, oneofs by name. Scalar types within one wire-compatible group
//! (`int32`/`uint32`/`int64`/`uint64`/`bool`, `sint32`/`sint64`, `fixed32`/`sfixed32`,
//! `fixed64`/`sfixed64`, `string`/`bytes`) are the same kind; other changes of scalar type are
//! `FIELD_SCALAR_KIND_CHANGED`. The registry has one set of compatible types for every mode and
//! no lenient policy.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use prost_types::field_descriptor_proto::{Label, Type as FieldType};
use prost_types::{
    DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorProto,
};
use protox::file::{
    ChainFileResolver, File, FileResolver, GoogleFileResolver, IncludeFileResolver,
};

use crate::source::{FileId, SourceFile, Span};

macro_rules! types {
    ($($v:ident $ok:ident,)*) => {
        /// A protobuf difference type, named as the registry names it.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Type { $($v),* }

        impl Type {
            pub const ALL: &'static [Type] = &[$(Type::$v),*];

            pub fn name(self) -> &'static str {
                match self { $(Type::$v => stringify!($v)),* }
            }

            pub fn compatible(self) -> bool {
                match self { $(Type::$v => types!(@ok $ok)),* }
            }
        }
    };
    (@ok ok) => { true };
    (@ok BREAK) => { false };
}

types! {
    PACKAGE_CHANGED BREAK,
    MESSAGE_ADDED ok,
    MESSAGE_REMOVED BREAK,
    MESSAGE_MOVED ok,
    ENUM_ADDED ok,
    ENUM_REMOVED ok,
    ENUM_CONST_ADDED ok,
    ENUM_CONST_CHANGED ok,
    ENUM_CONST_REMOVED ok,
    FIELD_ADDED ok,
    FIELD_REMOVED ok,
    FIELD_NAME_CHANGED ok,
    FIELD_KIND_CHANGED BREAK,
    FIELD_SCALAR_KIND_CHANGED BREAK,
    FIELD_NAMED_TYPE_CHANGED BREAK,
    FIELD_NUMERIC_LABEL_CHANGED BREAK,
    FIELD_STRING_OR_BYTES_LABEL_CHANGED ok,
    REQUIRED_FIELD_ADDED BREAK,
    REQUIRED_FIELD_REMOVED BREAK,
    ONEOF_ADDED ok,
    ONEOF_REMOVED ok,
    ONEOF_FIELD_ADDED ok,
    ONEOF_FIELD_REMOVED BREAK,
    ONEOF_FIELD_MOVED_TO_TOP_LEVEL ok,
    MULTIPLE_FIELDS_MOVED_TO_ONEOF BREAK,
    FIELD_MOVED_TO_EXISTING_ONEOF BREAK,
}

/// One difference, with the source paths of the element in both files (descriptor.proto
/// numbering), for locating it.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub kind: Type,
    pub message: String,
    pub old_path: Vec<i32>,
    pub new_path: Vec<i32>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

/// A compile error, with the byte range protox points at when it has one.
#[derive(Clone, Debug)]
pub struct CompileError {
    pub message: String,
    pub range: Option<(usize, usize)>,
}

/// The file protox reads from memory.
struct Memory {
    name: String,
    text: String,
}

impl FileResolver for Memory {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        if name == self.name {
            File::from_source(name, &self.text)
        } else {
            Err(protox::Error::file_not_found(name))
        }
    }
}

/// Compiles one `.proto` text (imports from `dir`, when given, and the well-known types) and
/// returns its descriptor with source info.
pub fn compile(
    name: &str,
    text: &str,
    dir: Option<&Path>,
) -> Result<FileDescriptorProto, CompileError> {
    let mut chain = ChainFileResolver::new();
    chain.add(Memory {
        name: name.to_string(),
        text: text.to_string(),
    });
    if let Some(d) = dir {
        chain.add(IncludeFileResolver::new(d.to_path_buf()));
    }
    chain.add(GoogleFileResolver::new());
    // protox has panicked on malformed input before; a panic is an unreadable file here.
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut c = protox::Compiler::with_file_resolver(chain);
        c.include_source_info(true);
        c.open_file(name)?;
        Ok::<_, protox::Error>(c.file_descriptor_set())
    }));
    match result {
        Ok(Ok(set)) => set
            .file
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| CompileError {
                message: format!("`{name}` was not compiled"),
                range: None,
            }),
        Ok(Err(e)) => {
            use miette::Diagnostic;
            let range = e
                .labels()
                .and_then(|mut l| l.next())
                .map(|l| (l.offset(), l.offset() + l.len()));
            Err(CompileError {
                message: e.to_string(),
                range,
            })
        }
        Err(_) => Err(CompileError {
            message: "the protobuf compiler failed on this file".to_string(),
            range: None,
        }),
    }
}

/// The span of a source path in a compiled file, else the start of the file.
pub fn span_of(fd: &FileDescriptorProto, file: &SourceFile, id: FileId, path: &[i32]) -> Span {
    let Some(sci) = &fd.source_code_info else {
        return Span::file_start(id);
    };
    let Some(loc) = sci.location.iter().find(|l| l.path == path) else {
        return Span::file_start(id);
    };
    let s = &loc.span;
    let (line, col) = (
        s.first().copied().unwrap_or(0) as usize,
        s.get(1).copied().unwrap_or(0) as usize,
    );
    let (end_line, end_col) = match s.len() {
        3 => (line, s[2] as usize),
        4 => (s[2] as usize, s[3] as usize),
        _ => (line, col),
    };
    Span::new(
        id,
        file.offset_of(line, col),
        file.offset_of(end_line, end_col),
    )
}

/// A message or enum of a file, by name relative to the package.
struct Named<'a, D> {
    d: &'a D,
    path: Vec<i32>,
}

fn index<'a>(
    fd: &'a FileDescriptorProto,
) -> (
    HashMap<String, Named<'a, DescriptorProto>>,
    HashMap<String, Named<'a, EnumDescriptorProto>>,
) {
    let mut messages = HashMap::new();
    let mut enums = HashMap::new();
    fn walk<'a>(
        prefix: &str,
        msgs: &'a [DescriptorProto],
        base: Vec<i32>,
        tag: i32,
        messages: &mut HashMap<String, Named<'a, DescriptorProto>>,
        enums: &mut HashMap<String, Named<'a, EnumDescriptorProto>>,
    ) {
        for (i, m) in msgs.iter().enumerate() {
            let name = if prefix.is_empty() {
                m.name().to_string()
            } else {
                format!("{prefix}.{}", m.name())
            };
            let path = [base.as_slice(), &[tag, i as i32]].concat();
            for (j, e) in m.enum_type.iter().enumerate() {
                enums.insert(
                    format!("{name}.{}", e.name()),
                    Named {
                        d: e,
                        path: [path.as_slice(), &[4, j as i32]].concat(),
                    },
                );
            }
            walk(&name, &m.nested_type, path.clone(), 3, messages, enums);
            messages.insert(name, Named { d: m, path });
        }
    }
    walk(
        "",
        &fd.message_type,
        Vec::new(),
        4,
        &mut messages,
        &mut enums,
    );
    for (j, e) in fd.enum_type.iter().enumerate() {
        enums.insert(
            e.name().to_string(),
            Named {
                d: e,
                path: vec![5, j as i32],
            },
        );
    }
    (messages, enums)
}

/// The differences from `old` to `new`. `only` limits the comparison to one message (by name
/// relative to the package, or fully qualified) and the types nested in it.
pub fn diff(
    old: &FileDescriptorProto,
    new: &FileDescriptorProto,
    only: Option<&str>,
) -> Vec<Difference> {
    let mut out = Vec::new();
    let strip = |fd: &FileDescriptorProto, s: &str| -> String {
        let pkg = fd.package();
        s.strip_prefix(&format!("{pkg}."))
            .filter(|_| !pkg.is_empty())
            .unwrap_or(s)
            .to_string()
    };
    let only = only.map(|o| strip(new, o.trim_start_matches('.')));
    let within = |name: &str| {
        only.as_ref()
            .is_none_or(|o| name == o || name.starts_with(&format!("{o}.")))
    };
    if only.is_none() && old.package() != new.package() {
        out.push(Difference {
            kind: Type::PACKAGE_CHANGED,
            message: format!(
                "the package changed from `{}` to `{}`",
                old.package(),
                new.package()
            ),
            old_path: vec![2],
            new_path: vec![2],
        });
    }
    let (om, oe) = index(old);
    let (nm, ne) = index(new);
    let mut names: Vec<&String> = om.keys().chain(nm.keys()).filter(|n| within(n)).collect();
    names.sort();
    names.dedup();
    for name in names {
        match (om.get(name), nm.get(name)) {
            (Some(o), None) => out.push(Difference {
                kind: Type::MESSAGE_REMOVED,
                message: format!("message `{name}` was removed"),
                old_path: o.path.clone(),
                new_path: Vec::new(),
            }),
            (None, Some(n)) => out.push(Difference {
                kind: Type::MESSAGE_ADDED,
                message: format!("message `{name}` was added"),
                old_path: Vec::new(),
                new_path: n.path.clone(),
            }),
            (Some(o), Some(n)) => {
                if o.path != n.path {
                    out.push(Difference {
                        kind: Type::MESSAGE_MOVED,
                        message: format!("message `{name}` moved"),
                        old_path: o.path.clone(),
                        new_path: n.path.clone(),
                    });
                }
                message(&mut out, name, o, n, old, new);
            }
            (None, None) => {}
        }
    }
    let mut names: Vec<&String> = oe.keys().chain(ne.keys()).filter(|n| within(n)).collect();
    names.sort();
    names.dedup();
    for name in names {
        match (oe.get(name), ne.get(name)) {
            (Some(o), None) => out.push(Difference {
                kind: Type::ENUM_REMOVED,
                message: format!("enum `{name}` was removed"),
                old_path: o.path.clone(),
                new_path: Vec::new(),
            }),
            (None, Some(n)) => out.push(Difference {
                kind: Type::ENUM_ADDED,
                message: format!("enum `{name}` was added"),
                old_path: Vec::new(),
                new_path: n.path.clone(),
            }),
            (Some(o), Some(n)) => {
                for (i, v) in o.d.value.iter().enumerate() {
                    let op = [o.path.as_slice(), &[2, i as i32]].concat();
                    match n.d.value.iter().position(|x| x.number() == v.number()) {
                        None => out.push(Difference {
                            kind: Type::ENUM_CONST_REMOVED,
                            message: format!(
                                "constant `{}` ({}) was removed from enum `{name}`",
                                v.name(),
                                v.number()
                            ),
                            old_path: op,
                            new_path: n.path.clone(),
                        }),
                        Some(j) if n.d.value[j].name() != v.name() => out.push(Difference {
                            kind: Type::ENUM_CONST_CHANGED,
                            message: format!(
                                "constant {} of enum `{name}` was renamed from `{}` to `{}`",
                                v.number(),
                                v.name(),
                                n.d.value[j].name()
                            ),
                            old_path: op,
                            new_path: [n.path.as_slice(), &[2, j as i32]].concat(),
                        }),
                        Some(_) => {}
                    }
                }
                for (j, v) in n.d.value.iter().enumerate() {
                    if !o.d.value.iter().any(|x| x.number() == v.number()) {
                        out.push(Difference {
                            kind: Type::ENUM_CONST_ADDED,
                            message: format!(
                                "constant `{}` ({}) was added to enum `{name}`",
                                v.name(),
                                v.number()
                            ),
                            old_path: o.path.clone(),
                            new_path: [n.path.as_slice(), &[2, j as i32]].concat(),
                        });
                    }
                }
            }
            (None, None) => {}
        }
    }
    out
}

/// The real oneof a field is in (proto3 `optional` makes a synthetic one, which is no oneof).
fn oneof_of<'a>(m: &'a DescriptorProto, f: &FieldDescriptorProto) -> Option<&'a str> {
    if f.proto3_optional() {
        return None;
    }
    f.oneof_index
        .and_then(|i| m.oneof_decl.get(i as usize))
        .map(|o| o.name())
}

fn is_named(f: &FieldDescriptorProto) -> bool {
    matches!(
        f.r#type(),
        FieldType::Message | FieldType::Enum | FieldType::Group
    )
}

/// The wire-compatible group of a scalar type.
fn scalar_group(t: FieldType) -> u8 {
    match t {
        FieldType::Int32
        | FieldType::Uint32
        | FieldType::Int64
        | FieldType::Uint64
        | FieldType::Bool => 0,
        FieldType::Sint32 | FieldType::Sint64 => 1,
        FieldType::Fixed32 | FieldType::Sfixed32 => 2,
        FieldType::Fixed64 | FieldType::Sfixed64 => 3,
        FieldType::String | FieldType::Bytes => 4,
        FieldType::Float => 5,
        FieldType::Double => 6,
        _ => 7,
    }
}

fn message(
    out: &mut Vec<Difference>,
    name: &str,
    o: &Named<DescriptorProto>,
    n: &Named<DescriptorProto>,
    old: &FileDescriptorProto,
    new: &FileDescriptorProto,
) {
    let rel = |fd: &FileDescriptorProto, t: &str| -> String {
        let t = t.trim_start_matches('.');
        let pkg = fd.package();
        t.strip_prefix(&format!("{pkg}."))
            .filter(|_| !pkg.is_empty())
            .unwrap_or(t)
            .to_string()
    };
    let fpath = |m: &Named<DescriptorProto>, i: usize| [m.path.as_slice(), &[2, i as i32]].concat();
    let real_oneofs = |m: &DescriptorProto| -> Vec<String> {
        m.field
            .iter()
            .filter_map(|f| oneof_of(m, f).map(str::to_string))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    let (old_oneofs, new_oneofs) = (real_oneofs(o.d), real_oneofs(n.d));
    let mut push = |kind: Type, message: String, old_path: Vec<i32>, new_path: Vec<i32>| {
        out.push(Difference {
            kind,
            message,
            old_path,
            new_path,
        })
    };
    // Fields that leave the top level for a oneof new in this revision, per oneof.
    let mut moved_into_new: HashMap<String, usize> = HashMap::new();
    for of in &o.d.field {
        if let Some(nf) = n.d.field.iter().find(|x| x.number() == of.number())
            && oneof_of(o.d, of).is_none()
            && let Some(one) = oneof_of(n.d, nf)
            && !old_oneofs.iter().any(|x| x == one)
        {
            *moved_into_new.entry(one.to_string()).or_default() += 1;
        }
    }
    for (i, of) in o.d.field.iter().enumerate() {
        let what = format!("field {} `{}` of `{name}`", of.number(), of.name());
        let Some(j) = n.d.field.iter().position(|x| x.number() == of.number()) else {
            push(
                Type::FIELD_REMOVED,
                format!("{what} was removed"),
                fpath(o, i),
                n.path.clone(),
            );
            if of.label() == Label::Required {
                push(
                    Type::REQUIRED_FIELD_REMOVED,
                    format!("required {what} was removed"),
                    fpath(o, i),
                    n.path.clone(),
                );
            }
            if oneof_of(o.d, of).is_some() {
                push(
                    Type::ONEOF_FIELD_REMOVED,
                    format!("{what} was removed from its oneof"),
                    fpath(o, i),
                    n.path.clone(),
                );
            }
            continue;
        };
        let nf = &n.d.field[j];
        let (op, np) = (fpath(o, i), fpath(n, j));
        if of.name() != nf.name() {
            push(
                Type::FIELD_NAME_CHANGED,
                format!("{what} was renamed to `{}`", nf.name()),
                op.clone(),
                np.clone(),
            );
        }
        match (is_named(of), is_named(nf)) {
            (true, true) => {
                if rel(old, of.type_name()) != rel(new, nf.type_name()) {
                    push(
                        Type::FIELD_NAMED_TYPE_CHANGED,
                        format!(
                            "{what} changed type from `{}` to `{}`",
                            rel(old, of.type_name()),
                            rel(new, nf.type_name())
                        ),
                        op.clone(),
                        np.clone(),
                    );
                }
            }
            (false, false) => {
                if scalar_group(of.r#type()) != scalar_group(nf.r#type()) {
                    push(
                        Type::FIELD_SCALAR_KIND_CHANGED,
                        format!(
                            "{what} changed type from {} to {}",
                            format!("{:?}", of.r#type()).to_lowercase(),
                            format!("{:?}", nf.r#type()).to_lowercase()
                        ),
                        op.clone(),
                        np.clone(),
                    );
                }
            }
            _ => push(
                Type::FIELD_KIND_CHANGED,
                format!("{what} changed between a scalar and a message or enum"),
                op.clone(),
                np.clone(),
            ),
        }
        let repeated = |f: &FieldDescriptorProto| f.label() == Label::Repeated;
        if repeated(of) != repeated(nf) {
            let length_delimited = matches!(
                nf.r#type(),
                FieldType::String | FieldType::Bytes | FieldType::Message
            );
            let kind = if length_delimited {
                Type::FIELD_STRING_OR_BYTES_LABEL_CHANGED
            } else {
                Type::FIELD_NUMERIC_LABEL_CHANGED
            };
            push(
                kind,
                format!("{what} changed between repeated and singular"),
                op.clone(),
                np.clone(),
            );
        }
        let required = |f: &FieldDescriptorProto| f.label() == Label::Required;
        if required(of) != required(nf) {
            let kind = if required(nf) {
                Type::REQUIRED_FIELD_ADDED
            } else {
                Type::REQUIRED_FIELD_REMOVED
            };
            push(
                kind,
                format!(
                    "{what} {} required",
                    if required(nf) {
                        "became"
                    } else {
                        "is no longer"
                    }
                ),
                op.clone(),
                np.clone(),
            );
        }
        match (oneof_of(o.d, of), oneof_of(n.d, nf)) {
            (None, Some(one)) if old_oneofs.iter().any(|x| x == one) => {
                push(
                    Type::FIELD_MOVED_TO_EXISTING_ONEOF,
                    format!("{what} moved into the existing oneof `{one}`"),
                    op,
                    np,
                );
            }
            (None, Some(one)) if moved_into_new.get(one).copied().unwrap_or(0) > 1 => {
                push(
                    Type::MULTIPLE_FIELDS_MOVED_TO_ONEOF,
                    format!("{what} moved into the new oneof `{one}` together with other fields"),
                    op,
                    np,
                );
            }
            (Some(one), None) => push(
                Type::ONEOF_FIELD_MOVED_TO_TOP_LEVEL,
                format!("{what} moved out of oneof `{one}`"),
                op,
                np,
            ),
            _ => {}
        }
    }
    for (j, nf) in n.d.field.iter().enumerate() {
        if o.d.field.iter().any(|x| x.number() == nf.number()) {
            continue;
        }
        let what = format!("field {} `{}` of `{name}`", nf.number(), nf.name());
        push(
            Type::FIELD_ADDED,
            format!("{what} was added"),
            o.path.clone(),
            fpath(n, j),
        );
        if nf.label() == Label::Required {
            push(
                Type::REQUIRED_FIELD_ADDED,
                format!("required {what} was added"),
                o.path.clone(),
                fpath(n, j),
            );
        }
        if let Some(one) = oneof_of(n.d, nf)
            && old_oneofs.iter().any(|x| x == one)
        {
            push(
                Type::ONEOF_FIELD_ADDED,
                format!("{what} was added to oneof `{one}`"),
                o.path.clone(),
                fpath(n, j),
            );
        }
    }
    for one in &old_oneofs {
        if !new_oneofs.contains(one) {
            push(
                Type::ONEOF_REMOVED,
                format!("oneof `{one}` of `{name}` was removed"),
                o.path.clone(),
                n.path.clone(),
            );
        }
    }
    for one in &new_oneofs {
        if !old_oneofs.contains(one) {
            push(
                Type::ONEOF_ADDED,
                format!("oneof `{one}` was added to `{name}`"),
                o.path.clone(),
                n.path.clone(),
            );
        }
    }
}
