//! Taking compiled files from another revision, for a comparison's old side.
//!
//! ```text
//! new side, compiled ──▶ Reuse: import name → descriptor + the text it was compiled from
//! old side's files ──▶ plan: a file whose text is the same, and whose imports are all reusable
//!                           too, compiles to the same descriptor: take it as it is
//!                  ──▶ compile only the others (their reusable imports handed to protox
//!                      compiled), or nothing at all
//! ```
//!
//! A descriptor is a function of its file's text and of the files it imports, transitively (names
//! resolve through them), so the rule above gives exactly what compiling the whole old side would.
//! Comparing two revisions of a large module that differ in a few files then compiles those files
//! and their importers, not the whole module twice: on googleapis with one field deleted, one
//! file and a handful of importers instead of 7,234 files.
//!
//! Two things a whole compile would see and a partial one cannot, so the loader falls back to a
//! whole compile for them: any error (so errors are reported exactly as without reuse), and a
//! recompiled file that defines a name a reused file outside its imports also defines (a whole
//! compile links every file into one pool and refuses the duplicate).
//!
//! A contract loaded this way has no descriptor pool (what lint needs): comparisons only.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use prost_types::{DescriptorProto, EnumDescriptorProto, FileDescriptorProto};
use protox::file::{FileResolver, GoogleFileResolver};

use crate::formats::text_of;
use crate::model::Contract;
use crate::source::{Content, SourceMap};

/// The compiled files of one revision by import name, each with the text it was compiled from.
pub struct Reuse<'a> {
    /// `None` where two contracts compiled the name differently: not reusable.
    files: HashMap<&'a str, Option<Known<'a>>>,
}

#[derive(Clone, Copy)]
struct Known<'a> {
    d: &'a FileDescriptorProto,
    /// The text; `None` for a well-known type protox bundles.
    text: Option<&'a str>,
}

impl<'a> Reuse<'a> {
    /// Indexes the protobuf contracts of a loaded revision.
    pub fn new(contracts: &'a [Contract], sources: &'a SourceMap) -> Reuse<'a> {
        let google = GoogleFileResolver::new();
        let mut files: HashMap<&'a str, Option<Known<'a>>> = HashMap::new();
        for p in contracts.iter().filter_map(|c| c.proto.as_ref()) {
            let mut texts: HashMap<usize, &'a str> = HashMap::new();
            for f in p.files.iter().chain(&p.imports) {
                let file = sources.get(f.file);
                if file.content() == Content::Text {
                    texts.insert(f.index, &file.text);
                }
            }
            for (i, d) in p.descriptors.file.iter().enumerate() {
                let text = texts.get(&i).copied();
                // A file read from outside the workspace has no text to compare: never reused.
                let known = (text.is_some() || google.open_file(d.name()).is_ok())
                    .then_some(Known { d, text });
                files
                    .entry(d.name())
                    .and_modify(|k| {
                        let same = matches!((*k, known), (Some(a), Some(b)) if a.text == b.text && a.d == b.d);
                        if !same {
                            *k = None;
                        }
                    })
                    .or_insert(known);
            }
        }
        Reuse { files }
    }

    fn get(&self, name: &str) -> Option<Known<'a>> {
        self.files.get(name).copied().flatten()
    }
}

/// Where a file of the revision being loaded comes from, as protox would find it.
enum Origin {
    Text(Arc<str>),
    Bundled,
    Missing,
}

/// Which files of the revision being loaded can be taken from [`Reuse`].
pub(super) struct Plan<'a> {
    /// Reusable files by name, with their descriptors (source info included).
    pub reused: HashMap<String, &'a FileDescriptorProto>,
    memo: HashMap<String, bool>,
}

impl<'a> Plan<'a> {
    /// Decides for `own` (name → text) and everything they import, through `roots`.
    pub fn new(reuse: &Reuse<'a>, own: &HashMap<String, Arc<str>>, roots: &[PathBuf]) -> Plan<'a> {
        let mut plan = Plan {
            reused: HashMap::new(),
            memo: HashMap::new(),
        };
        let google = GoogleFileResolver::new();
        let mut names: Vec<&String> = own.keys().collect();
        names.sort();
        for name in names {
            plan.visit(reuse, own, roots, &google, name);
        }
        plan
    }

    fn visit(
        &mut self,
        reuse: &Reuse<'a>,
        own: &HashMap<String, Arc<str>>,
        roots: &[PathBuf],
        google: &GoogleFileResolver,
        name: &str,
    ) -> bool {
        if let Some(&done) = self.memo.get(name) {
            return done;
        }
        // In progress: a cycle, which the compiler reports.
        self.memo.insert(name.to_string(), false);
        let ok = reuse.get(name).is_some_and(|k| {
            let same = match (origin(own, roots, google, name), k.text) {
                (Origin::Text(t), Some(kt)) => *t == *kt,
                (Origin::Bundled, None) => true,
                _ => false,
            };
            same && k
                .d
                .dependency
                .iter()
                .all(|dep| self.visit(reuse, own, roots, google, dep))
        });
        self.memo.insert(name.to_string(), ok);
        if ok && let Some(k) = reuse.get(name) {
            self.reused.insert(name.to_string(), k.d);
        }
        ok
    }
}

fn origin(
    own: &HashMap<String, Arc<str>>,
    roots: &[PathBuf],
    google: &GoogleFileResolver,
    name: &str,
) -> Origin {
    if let Some(t) = own.get(name) {
        return Origin::Text(t.clone());
    }
    if let Some(path) = under_roots(roots, name) {
        return match std::fs::read(&path)
            .ok()
            .and_then(|b| text_of(b, name).ok())
        {
            Some(t) => Origin::Text(t),
            None => Origin::Missing,
        };
    }
    if google.open_file(name).is_ok() {
        Origin::Bundled
    } else {
        Origin::Missing
    }
}

/// The first file named `name` under the roots, as the compiler's resolver looks.
pub(super) fn under_roots(roots: &[PathBuf], name: &str) -> Option<PathBuf> {
    roots.iter().map(|r| r.join(name)).find(|p| p.is_file())
}

/// A descriptor without its source info, to hand protox as an already compiled import.
pub(super) fn without_source_info(d: &FileDescriptorProto) -> FileDescriptorProto {
    FileDescriptorProto {
        name: d.name.clone(),
        package: d.package.clone(),
        dependency: d.dependency.clone(),
        public_dependency: d.public_dependency.clone(),
        weak_dependency: d.weak_dependency.clone(),
        message_type: d.message_type.clone(),
        enum_type: d.enum_type.clone(),
        service: d.service.clone(),
        extension: d.extension.clone(),
        options: d.options.clone(),
        source_code_info: None,
        syntax: d.syntax.clone(),
    }
}

/// The files to compile besides the reused ones: `own` files that are not reused, and, parsing
/// them for their imports, every file they import that is not reused either. Returns the names
/// of the reused files they import (directly or not), which protox needs handed over.
pub(super) fn reused_imports_of(
    plan: &Plan,
    compile: &[&str],
    own: &HashMap<String, Arc<str>>,
    roots: &[PathBuf],
) -> HashSet<String> {
    let google = GoogleFileResolver::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut needed: HashSet<String> = HashSet::new();
    let mut todo: Vec<String> = compile.iter().map(|s| s.to_string()).collect();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(d) = plan.reused.get(&name) {
            needed.insert(name);
            todo.extend(d.dependency.iter().cloned());
            continue;
        }
        let deps = match origin(own, roots, &google, &name) {
            Origin::Text(t) => protox::file::File::from_source(&name, &t)
                .map(|f| f.file_descriptor_proto().dependency.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        todo.extend(deps);
    }
    needed
}

/// The files of the whole set in the order a whole compile lists them: each file after the files
/// it imports, the own files in their order.
pub(super) fn compile_order(own: &[&str], deps: &dyn Fn(&str) -> Vec<String>) -> Vec<String> {
    fn walk(
        name: &str,
        deps: &dyn Fn(&str) -> Vec<String>,
        seen: &mut HashSet<String>,
        out: &mut Vec<String>,
    ) {
        if !seen.insert(name.to_string()) {
            return;
        }
        for d in deps(name) {
            walk(&d, deps, seen, out);
        }
        out.push(name.to_string());
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for name in own {
        walk(name, deps, &mut seen, &mut out);
    }
    out
}

/// True when a recompiled file defines a name that a reused file it does not import also defines:
/// a whole compile would refuse the duplicate, so the caller compiles everything to report it.
/// Names of the same kind only clash with packages when one is a package and the other is not.
pub(super) fn defines_a_reused_name(
    fresh: &[&FileDescriptorProto],
    reused_apart: &[&FileDescriptorProto],
) -> bool {
    let mut names: HashSet<String> = HashSet::new();
    let mut packages: HashSet<String> = HashSet::new();
    for d in fresh {
        defined(d, &mut |n| {
            names.insert(n);
        });
        package_names(d.package(), &mut packages);
    }
    let fresh_packages: Vec<&str> = fresh.iter().map(|d| d.package()).collect();
    // Full names start with the package: only files of a package related to one of the fresh
    // files' (the same, a parent, a child, or none) can clash with them.
    let related = |q: &str| {
        fresh_packages.iter().any(|p| {
            p.is_empty()
                || q.is_empty()
                || *p == q
                || p.strip_prefix(q).is_some_and(|r| r.starts_with('.'))
                || q.strip_prefix(*p).is_some_and(|r| r.starts_with('.'))
        })
    };
    for d in reused_apart.iter().filter(|d| related(d.package())) {
        let mut clash = false;
        defined(d, &mut |n| {
            clash |= names.contains(&n) || packages.contains(&n)
        });
        let mut theirs = HashSet::new();
        package_names(d.package(), &mut theirs);
        if clash || theirs.iter().any(|p| names.contains(p)) {
            return true;
        }
    }
    false
}

/// `a`, `a.b`, `a.b.c` for package `a.b.c`.
fn package_names(package: &str, out: &mut HashSet<String>) {
    let mut at = 0;
    while !package.is_empty() {
        match package[at..].find('.') {
            Some(i) => {
                out.insert(package[..at + i].to_string());
                at += i + 1;
            }
            None => {
                out.insert(package.to_string());
                break;
            }
        }
    }
}

/// Every full name a file declares: its package and the package's parents, messages, fields,
/// oneofs, enums, enum values (in the scope enclosing their enum), services, methods, extensions.
fn defined(d: &FileDescriptorProto, out: &mut dyn FnMut(String)) {
    fn message(scope: &str, m: &DescriptorProto, out: &mut dyn FnMut(String)) {
        let full = join(scope, m.name());
        for f in m.field.iter().chain(&m.extension) {
            out(join(&full, f.name()));
        }
        for o in &m.oneof_decl {
            out(join(&full, o.name()));
        }
        for e in &m.enum_type {
            enumeration(&full, e, out);
        }
        for n in &m.nested_type {
            message(&full, n, out);
        }
        out(full);
    }
    fn enumeration(scope: &str, e: &EnumDescriptorProto, out: &mut dyn FnMut(String)) {
        out(join(scope, e.name()));
        for v in &e.value {
            out(join(scope, v.name()));
        }
    }
    fn join(scope: &str, name: &str) -> String {
        if scope.is_empty() {
            name.to_string()
        } else {
            format!("{scope}.{name}")
        }
    }
    let package = d.package();
    for m in &d.message_type {
        message(package, m, out);
    }
    for e in &d.enum_type {
        enumeration(package, e, out);
    }
    for s in &d.service {
        let full = join(package, s.name());
        for m in &s.method {
            out(join(&full, m.name()));
        }
        out(full);
    }
    for x in &d.extension {
        out(join(package, x.name()));
    }
}

/// The path a name was found at under the roots, for every name of `names` that is not own.
pub(super) fn import_paths(
    names: &[String],
    own: &HashMap<String, Arc<str>>,
    roots: &[PathBuf],
) -> HashMap<String, PathBuf> {
    names
        .iter()
        .filter(|n| !own.contains_key(*n))
        .filter_map(|n| under_roots(roots, n).map(|p| (n.clone(), p)))
        .collect()
}
