//! Both revisions of a protobuf contract, indexed once so that rules judge pairs.
//!
//! ```text
//! FileDescriptorSet ──▶ Side: own files by name, every type by full name (imports too),
//!                            packages, and the elements of the files that changed
//! ```
//!
//! Files pair by name. A file whose descriptor is the same on both sides (source info aside)
//! cannot hold a breaking change of its own, so its elements are not indexed at all: on googleapis
//! (7,234 files) with one field deleted, one file and its importers are walked, not seven
//! thousand. Its comments are still compared when its source info differs. Full names are unique
//! in a compiled set, so an element of a changed file can only pair with an element of another
//! changed file, which is why indexing the changed files is enough.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use prost_types::source_code_info::Location;
use prost_types::{
    DescriptorProto, EnumDescriptorProto, FieldDescriptorProto, FileDescriptorProto,
    FileDescriptorSet, ServiceDescriptorProto,
};

use crate::compat::config::is_unstable_package;
use crate::formats::proto::{location, qualify, source_info::location_span};
use crate::model::ProtoContract;
use crate::source::{Content, FileId, Span};
use crate::workspace::Workspace;

/// Field numbers of descriptor.proto, for source paths.
pub(super) mod tag {
    pub const FILE_PACKAGE: i32 = 2;
    pub const FILE_MESSAGE: i32 = 4;
    pub const FILE_ENUM: i32 = 5;
    pub const FILE_SERVICE: i32 = 6;
    pub const FILE_EXTENSION: i32 = 7;
    pub const FILE_OPTIONS: i32 = 8;
    pub const FILE_SYNTAX: i32 = 12;
    pub const MESSAGE_FIELD: i32 = 2;
    pub const MESSAGE_NESTED: i32 = 3;
    pub const MESSAGE_ENUM: i32 = 4;
    pub const MESSAGE_EXTENSION_RANGE: i32 = 5;
    pub const MESSAGE_EXTENSION: i32 = 6;
    pub const MESSAGE_OPTIONS: i32 = 7;
    pub const MESSAGE_ONEOF: i32 = 8;
    pub const MESSAGE_RESERVED_RANGE: i32 = 9;
    pub const MESSAGE_RESERVED_NAME: i32 = 10;
    pub const FIELD_NAME: i32 = 1;
    pub const FIELD_TYPE: i32 = 5;
    pub const FIELD_TYPE_NAME: i32 = 6;
    pub const FIELD_DEFAULT: i32 = 7;
    pub const FIELD_OPTIONS: i32 = 8;
    pub const FIELD_JSON_NAME: i32 = 10;
    pub const ENUM_VALUE: i32 = 2;
    pub const ENUM_RESERVED_RANGE: i32 = 4;
    pub const ENUM_RESERVED_NAME: i32 = 5;
    pub const VALUE_NUMBER: i32 = 2;
    pub const SERVICE_METHOD: i32 = 2;
    pub const METHOD_INPUT: i32 = 2;
    pub const METHOD_OUTPUT: i32 = 3;
    pub const METHOD_OPTIONS: i32 = 4;
}

/// The syntax a file is written in; editions are not produced by the compiler treaty uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Syntax {
    Proto2,
    Proto3,
}

impl Syntax {
    pub fn of(fd: &FileDescriptorProto) -> Syntax {
        match fd.syntax.as_deref() {
            Some("proto3") => Syntax::Proto3,
            _ => Syntax::Proto2,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Syntax::Proto2 => "proto2",
            Syntax::Proto3 => "proto3",
        }
    }
}

/// One of the contract's own files.
pub(super) struct PFile<'a> {
    pub d: &'a FileDescriptorProto,
    /// The import name (`google/pubsub/v1/pubsub.proto`), which pairs files across revisions.
    pub name: &'a str,
    pub id: FileId,
    pub package: &'a str,
    pub syntax: Syntax,
    /// Whether the file's elements are indexed and judged (see the module docs).
    pub changed: bool,
}

/// A message or enum anywhere in the compiled set, for resolving field and method types.
#[derive(Clone, Copy)]
pub(super) enum Ty<'a> {
    Message(&'a DescriptorProto, Syntax),
    Enum(&'a EnumDescriptorProto),
}

/// An element of a changed own file: its descriptor, where it is, and its name inside its package
/// (`Outer.Inner`), which buf's file-level rules pair by.
pub(super) struct Elem<'a, D> {
    pub d: &'a D,
    pub file: usize,
    pub path: Vec<i32>,
    pub nested: String,
}

pub(super) type Msg<'a> = Elem<'a, DescriptorProto>;
pub(super) type Enm<'a> = Elem<'a, EnumDescriptorProto>;
pub(super) type Svc<'a> = Elem<'a, ServiceDescriptorProto>;
pub(super) type Ext<'a> = Elem<'a, FieldDescriptorProto>;

/// One side of the comparison.
pub(super) struct Side<'a> {
    pub ws: &'a Workspace,
    set: &'a FileDescriptorSet,
    pub files: Vec<PFile<'a>>,
    pub file_ix: HashMap<&'a str, usize>,
    /// The messages and enums that changed files can refer to, by full name (no leading dot),
    /// imports included (see [`Side::index_types`]).
    pub types: HashMap<String, Ty<'a>>,
    /// Packages of the own files, with the files declaring each.
    pub packages: IndexMap<&'a str, Vec<usize>>,
    /// Elements of changed files by full name, in declaration order.
    pub messages: IndexMap<String, Msg<'a>>,
    pub enums: IndexMap<String, Enm<'a>>,
    pub services: IndexMap<String, Svc<'a>>,
    pub extensions: IndexMap<String, Ext<'a>>,
}

impl<'a> Side<'a> {
    /// Lists the files of one revision; `skip_unstable` leaves out buf's unstable packages.
    pub fn new(ws: &'a Workspace, proto: &'a ProtoContract, skip_unstable: bool) -> Side<'a> {
        let set = &proto.descriptors;
        let mut files = Vec::with_capacity(proto.files.len());
        for pf in &proto.files {
            let Some(d) = set.file.get(pf.index) else {
                continue;
            };
            let package = d.package();
            if skip_unstable && is_unstable_package(package) {
                continue;
            }
            files.push(PFile {
                d,
                name: pf.name.as_str(),
                id: pf.file,
                package,
                syntax: Syntax::of(d),
                changed: false,
            });
        }
        let file_ix = files.iter().enumerate().map(|(i, f)| (f.name, i)).collect();
        let mut packages: IndexMap<&str, Vec<usize>> = IndexMap::new();
        for (i, f) in files.iter().enumerate() {
            packages.entry(f.package).or_default().push(i);
        }
        Side {
            ws,
            set,
            files,
            file_ix,
            types: HashMap::new(),
            packages,
            messages: IndexMap::new(),
            enums: IndexMap::new(),
            services: IndexMap::new(),
            extensions: IndexMap::new(),
        }
    }

    /// Indexes the types of the changed files and of everything they import (directly or not):
    /// the only types a rule can look up, since a rule reads the files that changed and the types
    /// those files refer to.
    pub fn index_types(&mut self) {
        let by_name: HashMap<&str, &'a FileDescriptorProto> =
            self.set.file.iter().map(|d| (d.name(), d)).collect();
        let mut todo: Vec<&'a FileDescriptorProto> = self
            .files
            .iter()
            .filter(|f| f.changed)
            .map(|f| f.d)
            .collect();
        let mut seen: HashSet<&str> = todo.iter().map(|d| d.name()).collect();
        while let Some(d) = todo.pop() {
            let mut prefix = d.package().to_string();
            collect_types(
                &mut self.types,
                &mut prefix,
                &d.message_type,
                &d.enum_type,
                Syntax::of(d),
            );
            for dep in &d.dependency {
                if let Some(&dd) = by_name.get(dep.as_str())
                    && seen.insert(dd.name())
                {
                    todo.push(dd);
                }
            }
        }
    }

    /// Indexes the elements of every file marked changed.
    pub fn index_changed(&mut self) {
        for fi in 0..self.files.len() {
            if !self.files[fi].changed {
                continue;
            }
            let f = &self.files[fi];
            let d = f.d;
            let package = f.package;
            let mut path = vec![tag::FILE_MESSAGE, 0];
            for (i, m) in d.message_type.iter().enumerate() {
                path[1] = i as i32;
                self.index_message(fi, package, "", m, &mut path);
            }
            for (i, e) in d.enum_type.iter().enumerate() {
                self.add_enum(fi, package, "", e, vec![tag::FILE_ENUM, i as i32]);
            }
            for (i, s) in d.service.iter().enumerate() {
                let nested = s.name().to_string();
                self.services.insert(
                    qualify(package, &nested),
                    Elem {
                        d: s,
                        file: fi,
                        path: vec![tag::FILE_SERVICE, i as i32],
                        nested,
                    },
                );
            }
            for (i, x) in d.extension.iter().enumerate() {
                self.add_extension(fi, package, "", x, vec![tag::FILE_EXTENSION, i as i32]);
            }
        }
    }

    fn index_message(
        &mut self,
        fi: usize,
        package: &str,
        scope: &str,
        m: &'a DescriptorProto,
        path: &mut Vec<i32>,
    ) {
        let nested = scoped(scope, m.name());
        for (i, e) in m.enum_type.iter().enumerate() {
            let p = [path.as_slice(), &[tag::MESSAGE_ENUM, i as i32]].concat();
            self.add_enum(fi, package, &nested, e, p);
        }
        for (i, x) in m.extension.iter().enumerate() {
            let p = [path.as_slice(), &[tag::MESSAGE_EXTENSION, i as i32]].concat();
            self.add_extension(fi, package, &nested, x, p);
        }
        for (i, n) in m.nested_type.iter().enumerate() {
            path.extend([tag::MESSAGE_NESTED, i as i32]);
            self.index_message(fi, package, &nested, n, path);
            path.truncate(path.len() - 2);
        }
        self.messages.insert(
            qualify(package, &nested),
            Elem {
                d: m,
                file: fi,
                path: path.clone(),
                nested,
            },
        );
    }

    fn add_enum(
        &mut self,
        fi: usize,
        package: &str,
        scope: &str,
        e: &'a EnumDescriptorProto,
        path: Vec<i32>,
    ) {
        let nested = scoped(scope, e.name());
        self.enums.insert(
            qualify(package, &nested),
            Elem {
                d: e,
                file: fi,
                path,
                nested,
            },
        );
    }

    fn add_extension(
        &mut self,
        fi: usize,
        package: &str,
        scope: &str,
        x: &'a FieldDescriptorProto,
        path: Vec<i32>,
    ) {
        let nested = scoped(scope, x.name());
        self.extensions.insert(
            qualify(package, &nested),
            Elem {
                d: x,
                file: fi,
                path,
                nested,
            },
        );
    }

    /// The message or enum a field or method refers to (`.pkg.Name` or `pkg.Name`).
    pub fn ty(&self, type_name: &str) -> Option<Ty<'a>> {
        self.types
            .get(type_name.strip_prefix('.').unwrap_or(type_name))
            .copied()
    }

    /// The message a type name refers to.
    pub fn message_type(&self, type_name: &str) -> Option<&'a DescriptorProto> {
        match self.ty(type_name)? {
            Ty::Message(m, _) => Some(m),
            Ty::Enum(..) => None,
        }
    }

    /// The span of the element at `path` in own file `fi`. Elements of a synthesized map entry
    /// have no location of their own: they are placed on the map field's type, as buf does. In a
    /// file without source info (from an image built without it) every element is at the file.
    pub fn span(&self, fi: usize, path: &[i32]) -> Option<Span> {
        let f = self.files.get(fi)?;
        let Some(sci) = f.d.source_code_info.as_ref() else {
            return Some(Span::file_start(f.id));
        };
        let source = self.ws.sources.get(f.id);
        if let Some(l) = location(sci, path) {
            return location_span(source, f.id, l);
        }
        let owner = map_entry_owner(f.d, path)?;
        location(sci, &owner).and_then(|l| location_span(source, f.id, l))
    }

    /// The span of an option's value widened back to the start of `name = ` before it: protox
    /// locates some options (`default`) at their value, buf at the option's name (as in the
    /// source info of buf's images, which is then kept as it is).
    pub fn option_span(&self, fi: usize, path: &[i32], name: &str) -> Option<Span> {
        let span = self.span(fi, path)?;
        let text = &self.ws.sources.get(span.file).text;
        let widened = text
            .get(..span.start as usize)
            .and_then(|t| t.trim_end().strip_suffix('='))
            .and_then(|t| t.trim_end().strip_suffix(name))
            .map(|rest| Span::new(span.file, rest.len(), span.end as usize));
        Some(widened.unwrap_or(span))
    }

    /// The span of the first of `paths` that has a location.
    pub fn span_first(&self, fi: usize, paths: &[&[i32]]) -> Option<Span> {
        paths.iter().find_map(|p| self.span(fi, p))
    }

    /// True when own file `fi` has source info: positions and comments.
    pub fn has_source_info(&self, fi: usize) -> bool {
        self.files
            .get(fi)
            .is_some_and(|f| f.d.source_code_info.is_some())
    }

    /// The location record (comments included) of a path in own file `fi`.
    pub fn location(&self, fi: usize, path: &[i32]) -> Option<&'a Location> {
        let sci = self.files.get(fi)?.d.source_code_info.as_ref()?;
        location(sci, path)
    }

    /// Where buf reports an element that is gone: on the innermost message that still encloses
    /// it in the file of the same name, else at the start of that file; nowhere when that file is
    /// gone too. `nested` is the element's name inside its package in the old revision.
    pub fn enclosing(&self, file_name: &str, nested: &str) -> Option<Span> {
        let fi = *self.file_ix.get(file_name)?;
        let f = &self.files[fi];
        let mut scope = nested;
        while let Some((parent, _)) = scope.rsplit_once('.') {
            if let Some(m) = self.messages.get(&qualify(f.package, parent))
                && m.file == fi
            {
                return self.span(fi, &m.path);
            }
            scope = parent;
        }
        Some(Span::file_start(f.id))
    }
}

/// Every message and enum of a compiled set by full name (no leading dot).
pub(super) fn types_of(set: &FileDescriptorSet) -> HashMap<String, Ty<'_>> {
    let mut types = HashMap::new();
    for d in &set.file {
        let mut prefix = d.package().to_string();
        collect_types(
            &mut types,
            &mut prefix,
            &d.message_type,
            &d.enum_type,
            Syntax::of(d),
        );
    }
    types
}

fn scoped(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        name.to_string()
    } else {
        format!("{scope}.{name}")
    }
}

fn collect_types<'a>(
    out: &mut HashMap<String, Ty<'a>>,
    prefix: &mut String,
    messages: &'a [DescriptorProto],
    enums: &'a [EnumDescriptorProto],
    syntax: Syntax,
) {
    let len = prefix.len();
    for e in enums {
        push_name(prefix, e.name());
        out.insert(prefix.clone(), Ty::Enum(e));
        prefix.truncate(len);
    }
    for m in messages {
        push_name(prefix, m.name());
        out.insert(prefix.clone(), Ty::Message(m, syntax));
        collect_types(out, prefix, &m.nested_type, &m.enum_type, syntax);
        prefix.truncate(len);
    }
}

fn push_name(prefix: &mut String, name: &str) {
    if !prefix.is_empty() {
        prefix.push('.');
    }
    prefix.push_str(name);
}

/// For a path inside a synthesized map entry (`[…, 3, j, …]` where nested type `j` is a map
/// entry), the path of the type of the map field that declares it (`[…, 2, k, 6]`).
fn map_entry_owner(fd: &FileDescriptorProto, path: &[i32]) -> Option<Vec<i32>> {
    let (&[kind, i], mut rest) = (path.first_chunk::<2>()?, &path[2..]);
    if kind != tag::FILE_MESSAGE {
        return None;
    }
    let mut msg = fd.message_type.get(i as usize)?;
    let mut at = vec![kind, i];
    while let [k, j, tail @ ..] = rest {
        if *k != tag::MESSAGE_NESTED {
            return None;
        }
        let nested = msg.nested_type.get(*j as usize)?;
        if nested
            .options
            .as_ref()
            .and_then(|o| o.map_entry)
            .unwrap_or(false)
        {
            let k = msg
                .field
                .iter()
                .position(|f| f.type_name().rsplit('.').next() == Some(nested.name()))?;
            at.extend([tag::MESSAGE_FIELD, k as i32, tag::FIELD_TYPE_NAME]);
            return Some(at);
        }
        at.extend([*k, *j]);
        msg = nested;
        rest = tail;
    }
    None
}

/// Pairs the files of two sides by name and marks as changed every file that differs from its
/// counterpart (or has none), plus the files that import a changed one: names in an importing
/// file may resolve differently, and an enum's first value is the default of fields in the files
/// that use it. Returns the pairs, with whether their text is the same.
pub(super) fn pair_files(old: &mut Side, new: &mut Side) -> Vec<FilePair> {
    // A file's text, when it has its own (an image's files have none).
    let text = |side: &Side, i: usize| {
        let f = side.ws.sources.get(side.files[i].id);
        (f.content() == Content::Text).then(|| f.text.clone())
    };
    let mut pairs = Vec::new();
    for (oi, of) in old.files.iter().enumerate() {
        let pair = match new.file_ix.get(of.name) {
            Some(&ni) => {
                // Equal text compiles to equal descriptors (imports aside, see below) and is far
                // cheaper to compare; otherwise the descriptors decide, source info aside.
                let same_text =
                    matches!((text(old, oi), text(new, ni)), (Some(a), Some(b)) if *a == *b);
                FilePair {
                    old: Some(oi),
                    new: Some(ni),
                    same: same_text || same_descriptor(of.d, new.files[ni].d),
                    same_text,
                }
            }
            None => FilePair {
                old: Some(oi),
                new: None,
                same: false,
                same_text: false,
            },
        };
        pairs.push(pair);
    }
    for (ni, nf) in new.files.iter().enumerate() {
        if !old.file_ix.contains_key(nf.name) {
            pairs.push(FilePair {
                old: None,
                new: Some(ni),
                same: false,
                same_text: false,
            });
        }
    }
    // Files whose names may resolve differently: the changed ones, and, through `import public`,
    // the files re-exporting them, until nothing more is added.
    let mut changed: HashSet<String> = pairs
        .iter()
        .filter(|p| !p.same)
        .flat_map(|p| {
            [
                p.old.map(|i| old.files[i].name),
                p.new.map(|i| new.files[i].name),
            ]
        })
        .flatten()
        .map(str::to_string)
        .collect();
    loop {
        let mut grew = false;
        for p in &mut pairs {
            if !p.same {
                continue;
            }
            let imports = |side: &Side, i: Option<usize>| {
                let Some(d) = i.map(|i| side.files[i].d) else {
                    return (false, false);
                };
                let hit = |k: &i32| {
                    d.dependency
                        .get(*k as usize)
                        .is_some_and(|n| changed.contains(n))
                };
                (
                    d.dependency.iter().any(|n| changed.contains(n)),
                    d.public_dependency.iter().any(hit),
                )
            };
            let (o, op) = imports(old, p.old);
            let (n, np) = imports(new, p.new);
            if o || n {
                p.same = false;
                p.same_text = false;
                if op || np {
                    let name = p
                        .old
                        .map(|i| old.files[i].name)
                        .or(p.new.map(|i| new.files[i].name))
                        .unwrap_or_default();
                    grew |= changed.insert(name.to_string());
                }
            }
        }
        if !grew {
            break;
        }
    }
    for p in &pairs {
        if !p.same {
            if let Some(i) = p.old {
                old.files[i].changed = true;
            }
            if let Some(i) = p.new {
                new.files[i].changed = true;
            }
        }
    }
    pairs
}

/// Two files, one per side, with the same name (or one side alone).
#[derive(Clone, Copy, Debug)]
pub(super) struct FilePair {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// The descriptors are equal, source info aside, and nothing they import changed.
    pub same: bool,
    /// The text is equal too: not even a comment to compare.
    pub same_text: bool,
}

/// Descriptor equality without the source info, field by field, so nothing is cloned.
fn same_descriptor(a: &FileDescriptorProto, b: &FileDescriptorProto) -> bool {
    a.name == b.name
        && a.package == b.package
        && a.syntax == b.syntax
        && a.dependency == b.dependency
        && a.public_dependency == b.public_dependency
        && a.weak_dependency == b.weak_dependency
        && a.options == b.options
        && a.message_type == b.message_type
        && a.enum_type == b.enum_type
        && a.service == b.service
        && a.extension == b.extension
}
