//! Import rules: public, weak and unused imports, package cycles, and stable packages that depend
//! on unstable ones. Findings point at the `import` statement.

use std::collections::{BTreeMap, HashMap, HashSet};

use prost_reflect::{DescriptorPool, DynamicMessage, Value};
use prost_types::FileDescriptorProto;

use super::case::{Stability, package_version};
use super::{Element, FileRef, Reporter, own_files, walk};
use crate::lint::{LintCx, Sink};
use crate::model::Contract;

crate::lint_rule! {
    /// ## What it does
    /// Checks that no import is `import public`.
    ///
    /// ## Why is this bad?
    /// A public import re-exports another file's types through this one, so dependents use types
    /// without importing their file. Several languages' generators (Go among them) do not support
    /// it well, and moving a type becomes a breaking change nobody sees.
    ///
    /// ## Example
    /// ```proto
    /// import public "foo/v1/common.proto"; // import it where it is used instead
    /// ```
    pub IMPORT_NO_PUBLIC = "IMPORT_NO_PUBLIC", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(import_no_public)
}

fn import_no_public(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &IMPORT_NO_PUBLIC);
    for f in own_files(cx, contract) {
        for &i in &f.fd.public_dependency {
            if let Some(dep) = f.fd.dependency.get(i as usize) {
                r.report(
                    f.span(&[3, i]),
                    format!("Import {dep:?} must not be public."),
                );
            }
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that no import is `import weak`. Deprecated in buf, which accepts the id but no
    /// longer reports anything for it; treaty still reports weak imports when the rule is named.
    ///
    /// ## Why is this bad?
    /// Weak imports are an unsupported, Google-internal feature: most languages' runtimes ignore
    /// them, so code that works in one language breaks in another.
    ///
    /// ## Example
    /// ```proto
    /// import weak "foo/v1/common.proto";
    /// ```
    pub IMPORT_NO_WEAK = "IMPORT_NO_WEAK", formats: [Proto],
    categories: [], default: false, severity: Error,
    check: Contract(import_no_weak)
}

fn import_no_weak(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &IMPORT_NO_WEAK);
    for f in own_files(cx, contract) {
        for &i in &f.fd.weak_dependency {
            if let Some(dep) = f.fd.dependency.get(i as usize) {
                r.report(f.span(&[3, i]), format!("Import {dep:?} must not be weak."));
            }
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every import is used: by a field, extension, extendee, request or response
    /// type, or a custom option, defined in the imported file or in a file it imports publicly.
    /// Public imports themselves are exempt (they exist for the files importing this one).
    ///
    /// ## Why is this bad?
    /// An unused import makes every generated file depend on code it does not need, slows builds,
    /// and in Go and Python can create import cycles between generated packages.
    ///
    /// ## Example
    /// ```proto
    /// import "google/protobuf/timestamp.proto"; // nothing in this file uses Timestamp
    /// message Order {}
    /// ```
    pub IMPORT_USED = "IMPORT_USED", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(import_used)
}

fn import_used(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let Some(proto) = &contract.proto else { return };
    let by_name: HashMap<&str, &FileDescriptorProto> = proto
        .descriptors
        .file
        .iter()
        .map(|f| (f.name(), f))
        .collect();
    let mut r = Reporter::new(cx, contract, sink, &IMPORT_USED);
    for f in own_files(cx, contract) {
        let used = used_files(&f, &proto.pool);
        for (i, dep) in f.fd.dependency.iter().enumerate() {
            if f.fd.public_dependency.contains(&(i as i32)) {
                continue;
            }
            if public_closure(dep, &by_name)
                .iter()
                .any(|d| used.contains(*d))
            {
                continue;
            }
            r.report(f.span(&[3, i as i32]), format!("Import {dep:?} is unused."));
        }
    }
}

/// A file and the files it re-exports through `import public`, transitively.
fn public_closure<'a>(
    name: &'a str,
    by_name: &HashMap<&str, &'a FileDescriptorProto>,
) -> Vec<&'a str> {
    let mut out = vec![name];
    let mut i = 0;
    while i < out.len() {
        if let Some(fd) = by_name.get(out[i]) {
            for &p in &fd.public_dependency {
                if let Some(dep) = fd.dependency.get(p as usize)
                    && !out.contains(&dep.as_str())
                {
                    out.push(dep);
                }
            }
        }
        i += 1;
    }
    out
}

/// The files that define something `f` refers to: types of fields, extensions and rpcs,
/// extendees, and the extensions its options set.
fn used_files(f: &FileRef, pool: &DescriptorPool) -> HashSet<String> {
    let mut names: HashSet<&str> = HashSet::new();
    walk(f.fd, &mut |el, _| match el {
        Element::Field(x, _) => {
            names.insert(x.type_name());
        }
        Element::Extension(x) => {
            names.insert(x.type_name());
            names.insert(x.extendee());
        }
        Element::Method(m) => {
            names.insert(m.input_type());
            names.insert(m.output_type());
        }
        _ => {}
    });
    let mut used = HashSet::new();
    for name in names {
        let name = name.trim_start_matches('.');
        if name.is_empty() {
            continue;
        }
        let file = pool
            .get_message_by_name(name)
            .map(|m| m.parent_file())
            .or_else(|| pool.get_enum_by_name(name).map(|e| e.parent_file()));
        if let Some(file) = file {
            used.insert(file.name().to_string());
        }
    }
    if let Some(file) = pool.get_file_by_name(f.name) {
        option_files(&file, &mut used);
    }
    used
}

/// Adds the files defining the custom options set anywhere in `file`. Options are decoded only
/// where an element has any, since decoding allocates.
fn option_files(file: &prost_reflect::FileDescriptor, used: &mut HashSet<String>) {
    if file.file_descriptor_proto().options.is_some() {
        extensions_in(&file.options(), used);
    }
    for m in file.messages() {
        message_options(&m, used);
    }
    for e in file.enums() {
        enum_options(&e, used);
    }
    for x in file.extensions() {
        if x.field_descriptor_proto().options.is_some() {
            extensions_in(&x.options(), used);
        }
    }
    for s in file.services() {
        if s.service_descriptor_proto().options.is_some() {
            extensions_in(&s.options(), used);
        }
        for m in s.methods() {
            if m.method_descriptor_proto().options.is_some() {
                extensions_in(&m.options(), used);
            }
        }
    }
}

fn message_options(m: &prost_reflect::MessageDescriptor, used: &mut HashSet<String>) {
    if m.descriptor_proto().options.is_some() {
        extensions_in(&m.options(), used);
    }
    for f in m.fields() {
        if f.field_descriptor_proto().options.is_some() {
            extensions_in(&f.options(), used);
        }
    }
    for o in m.oneofs() {
        if o.oneof_descriptor_proto().options.is_some() {
            extensions_in(&o.options(), used);
        }
    }
    for x in m.child_extensions() {
        if x.field_descriptor_proto().options.is_some() {
            extensions_in(&x.options(), used);
        }
    }
    for e in m.child_enums() {
        enum_options(&e, used);
    }
    for n in m.child_messages() {
        message_options(&n, used);
    }
}

fn enum_options(e: &prost_reflect::EnumDescriptor, used: &mut HashSet<String>) {
    if e.enum_descriptor_proto().options.is_some() {
        extensions_in(&e.options(), used);
    }
    for v in e.values() {
        if v.enum_value_descriptor_proto().options.is_some() {
            extensions_in(&v.options(), used);
        }
    }
}

/// The files of the extensions set in an options message, including inside message values.
fn extensions_in(options: &DynamicMessage, used: &mut HashSet<String>) {
    for (ext, value) in options.extensions() {
        used.insert(ext.parent_file().name().to_string());
        extensions_in_value(value, used);
    }
    for (_, value) in options.fields() {
        extensions_in_value(value, used);
    }
}

fn extensions_in_value(value: &Value, used: &mut HashSet<String>) {
    match value {
        Value::Message(m) => extensions_in(m, used),
        Value::List(items) => items.iter().for_each(|v| extensions_in_value(v, used)),
        Value::Map(entries) => entries.values().for_each(|v| extensions_in_value(v, used)),
        _ => {}
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that packages do not import each other in a cycle (`a` imports `b`, which imports
    /// `a`), directly or through other packages. Every import that starts a cycle is reported.
    ///
    /// ## Why is this bad?
    /// protobuf allows it, but most languages do not: Go packages cannot import each other in a
    /// cycle, so the generated code does not compile.
    ///
    /// ## Example
    /// ```proto
    /// // a/v1/a.proto
    /// package a.v1;
    /// import "b/v1/b.proto";
    /// // b/v1/b.proto
    /// package b.v1;
    /// import "a/v1/other.proto"; // a.v1 → b.v1 → a.v1
    /// ```
    pub PACKAGE_NO_IMPORT_CYCLE = "PACKAGE_NO_IMPORT_CYCLE", formats: [Proto],
    categories: ["MINIMAL", "BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_no_import_cycle)
}

/// package → directly imported package → the imports (file index, import index) that make the edge.
type Graph<'a> = BTreeMap<&'a str, BTreeMap<&'a str, Vec<(usize, usize)>>>;

fn package_no_import_cycle(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let Some(proto) = &contract.proto else { return };
    let files = &proto.descriptors.file;
    let package_of: HashMap<&str, &str> = files.iter().map(|f| (f.name(), f.package())).collect();
    // The graph spans imports too, as buf's does: a cycle may pass through a dependency.
    let mut graph: Graph = BTreeMap::new();
    for (fi, fd) in files.iter().enumerate() {
        let pkg = fd.package();
        for (ii, dep) in fd.dependency.iter().enumerate() {
            let Some(&dep_pkg) = package_of.get(dep.as_str()) else {
                continue;
            };
            if dep_pkg != pkg {
                graph
                    .entry(pkg)
                    .or_default()
                    .entry(dep_pkg)
                    .or_default()
                    .push((fi, ii));
            }
        }
    }
    let own = own_files(cx, contract);
    let own_by_index: HashMap<usize, &FileRef> = proto
        .files
        .iter()
        .map(|f| f.index)
        .zip(own.iter())
        .collect();
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_NO_IMPORT_CYCLE);
    for (&pkg, imports) in &graph {
        if pkg.is_empty() {
            continue;
        }
        for (&imported, edges) in imports {
            if imported.is_empty() {
                continue;
            }
            let mut visited = HashSet::from([pkg]);
            let Some(cycle) = cycle_from(imported, &graph, &mut visited, vec![pkg]) else {
                continue;
            };
            let text = cycle.join(" -> ");
            for &(fi, ii) in edges {
                if let Some(f) = own_by_index.get(&fi) {
                    r.report(
                        f.span(&[3, ii as i32]),
                        format!("Package import cycle: {text}"),
                    );
                }
            }
        }
    }
}

/// buf's depth-first search: the path back to the start package, visiting each package once,
/// taking imported packages in name order (buf's order is Go's map order, so when several cycles
/// start with the same import buf may name any of them).
fn cycle_from<'a>(
    pkg: &'a str,
    graph: &Graph<'a>,
    visited: &mut HashSet<&'a str>,
    mut path: Vec<&'a str>,
) -> Option<Vec<&'a str>> {
    path.push(pkg);
    if visited.contains(pkg) {
        return (path[0] == pkg).then_some(path);
    }
    visited.insert(pkg);
    for &next in graph.get(pkg).into_iter().flat_map(|m| m.keys()) {
        if let Some(c) = cycle_from(next, graph, visited, path.clone()) {
            return Some(c);
        }
    }
    None
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that files of a stable package (version `v1`, `v2`, …) do not import files of an
    /// unstable one (`v1alpha1`, `v1beta1`, `v1test`, …).
    ///
    /// ## Why is this bad?
    /// A stable API promises not to break, but what it imports from an alpha or beta package may
    /// change at any time, and its breaking changes then flow into the stable API.
    ///
    /// ## Example
    /// ```proto
    /// package foo.v1;
    /// import "bar/v1beta1/bar.proto";
    /// ```
    pub STABLE_PACKAGE_NO_IMPORT_UNSTABLE = "STABLE_PACKAGE_NO_IMPORT_UNSTABLE", formats: [Proto],
    categories: [], default: false, severity: Error,
    check: Contract(stable_package_no_import_unstable)
}

fn stable_package_no_import_unstable(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let Some(proto) = &contract.proto else { return };
    let package_of: HashMap<&str, &str> = proto
        .descriptors
        .file
        .iter()
        .map(|f| (f.name(), f.package()))
        .collect();
    let mut r = Reporter::new(cx, contract, sink, &STABLE_PACKAGE_NO_IMPORT_UNSTABLE);
    for f in own_files(cx, contract) {
        let pkg = f.fd.package();
        if package_version(pkg) != Some(Stability::Stable) {
            continue;
        }
        for (i, dep) in f.fd.dependency.iter().enumerate() {
            let Some(&dep_pkg) = package_of.get(dep.as_str()) else {
                continue;
            };
            if matches!(
                package_version(dep_pkg),
                Some(Stability::Alpha | Stability::Beta | Stability::Test)
            ) {
                r.report(
                    f.span(&[3, i as i32]),
                    format!("This file is in stable package {pkg:?}, so it should not depend on {dep:?} from unstable package {dep_pkg:?}."),
                );
            }
        }
    }
}
