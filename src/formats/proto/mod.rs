//! The protobuf loader: `.proto` files → [`Contract`].
//!
//! ```text
//! spec files ──(roots: name each file)──▶ compile (protox, no protoc) ──▶ descriptors + spans
//!            ──▶ Contract { operations (one per rpc), suppressions, proto: ProtoContract }
//! ```
//!
//! A contract is the set of files its spec lists (less `excludes`), each named relative to the
//! first import root that contains it, as its importers spell it. Imports resolve against the
//! roots in order, then the well-known types protox bundles. The result keeps the compiled
//! descriptors of every file (own files and imports) for buf's rules, and lists which of them are
//! the contract's own: lint looks only at those.
//!
//! The earlier revision of a comparison takes, from the revision loaded first, every file that
//! compiled from the same text and the same imports, and compiles only the others (see
//! [`Reuse`]).
//!
//! Spans come from each file's `source_code_info` (see [`source_info`]); rule suppressions come
//! from comments: `// buf:lint:ignore RULE_ID` (buf's syntax, honoured as buf does: in the leading
//! comment of the element a finding is reported on or of any element enclosing it) and
//! `// treaty:ignore RULE_ID[, RULE_ID…]` (treaty's own, for any rule, leading or trailing).

mod compile;
pub mod image;
mod reuse;
pub mod source_info;

use std::path::{Path, PathBuf};

use prost_types::FileDescriptorProto;

use super::{ContractSpec, LoadCx, normalize};
use crate::diag::{LoadError, LoadErrors};
use crate::model::{
    Contract, ContractKind, Key, Operation, OperationKind, ProtoContract, ProtoFile, Suppression,
};
use crate::source::{FileId, SourceFile, SourceMap, Span};

pub use reuse::Reuse;
pub use source_info::{location, locations, span_of};

/// The comment prefix buf reads as a lint suppression.
pub const BUF_IGNORE: &str = "buf:lint:ignore";
/// treaty's own suppression comment, for lint and compatibility rules alike.
pub const TREATY_IGNORE: &str = "treaty:ignore";

/// Loads one protobuf contract.
pub fn load(cx: &mut LoadCx, spec: &ContractSpec) -> Result<Contract, LoadErrors> {
    let roots = roots(cx, spec)?;
    let (own, mut errors) = own_files(cx, spec, &roots);
    if own.is_empty() {
        return Err(errors);
    }
    // Comparing with a revision compiled already: take its files where they are the same.
    let reused = match cx.reuse {
        Some(reuse) if errors.is_empty() => compile::compile_reusing(&roots, &own, reuse),
        _ => None,
    };
    // Files that could not be read are reported with the compile errors of the others.
    let compiled = match reused
        .map(Ok)
        .unwrap_or_else(|| compile::compile(cx, &roots, &own))
    {
        Ok(c) if errors.is_empty() => c,
        Ok(_) => return Err(errors),
        Err(compile_errors) => {
            errors.0.extend(compile_errors);
            return Err(errors);
        }
    };

    let index_of: std::collections::HashMap<&str, usize> = compiled
        .fds
        .file
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name(), i))
        .collect();
    let mut files = Vec::with_capacity(own.len());
    for f in &own {
        let index = *index_of.get(f.name.as_str()).ok_or_else(|| {
            LoadError::in_file(
                "treaty::proto::internal",
                cx.display(&f.path),
                "the compiled file is missing",
            )
        })?;
        files.push(ProtoFile {
            index,
            name: f.name.clone(),
            file: f.id,
        });
    }
    // Imports under a root get their text registered too, so anything pointing into them renders.
    let mut import_paths: Vec<(&String, &PathBuf)> = compiled.import_paths.iter().collect();
    import_paths.sort_by(|a, b| a.1.cmp(b.1));
    let mut imports = Vec::new();
    for (name, p) in import_paths {
        // An import protox read but cx cannot (outside the workspace root) just has no spans.
        if let (Ok(file), Some(&index)) = (cx.read(p), index_of.get(name.as_str())) {
            imports.push(ProtoFile {
                index,
                name: name.clone(),
                file,
            });
        }
    }
    drop(index_of);

    Ok(assemble(
        spec.name.clone(),
        cx.sources,
        compiled.fds,
        compiled.pool,
        files,
        imports,
    ))
}

/// A contract from compiled descriptors: `descriptors` holds its own files (listed in `files`,
/// non-empty, each registered in `sources`) and their imports (those read from an import root
/// listed in `imports`). Shared by the loader and by protobuf images, whose descriptors come
/// compiled.
pub fn assemble(
    name: String,
    sources: &SourceMap,
    descriptors: prost_types::FileDescriptorSet,
    pool: prost_reflect::DescriptorPool,
    files: Vec<ProtoFile>,
    imports: Vec<ProtoFile>,
) -> Contract {
    let first = &files[0];
    let mut contract = Contract::new(name, ContractKind::Proto, first.file);
    contract.files = files.iter().map(|f| f.file).collect();
    contract.spec_version = syntax_of(&descriptors.file[first.index]);
    let mut lint_ignores = Vec::new();
    for f in &files {
        let fd = &descriptors.file[f.index];
        let source = sources.get(f.file).clone();
        operations(&mut contract, fd, &source, f.file);
        suppressions(
            &mut contract.suppressions,
            &mut lint_ignores,
            fd,
            &source,
            f.file,
        );
    }
    contract.proto = Some(ProtoContract {
        descriptors,
        pool,
        files,
        imports,
        lint_ignores,
    });
    contract
}

/// The import roots, resolved; the workspace root when the spec names none.
fn roots(cx: &LoadCx, spec: &ContractSpec) -> Result<Vec<PathBuf>, LoadErrors> {
    if spec.roots.is_empty() {
        return Ok(vec![cx.root.clone()]);
    }
    let mut errors = LoadErrors::default();
    let mut roots = Vec::new();
    for r in &spec.roots {
        match std::fs::canonicalize(r) {
            Ok(p) if p.is_dir() => roots.push(p),
            _ => errors.push(LoadError::in_file(
                "treaty::proto::root-not-found",
                cx.display(r),
                "this import root is not a directory",
            )),
        }
    }
    errors.into_result(roots)
}

/// The spec's files less the excluded ones, each named relative to its import root and read
/// into the source map, and the errors of those that could not be.
fn own_files(
    cx: &mut LoadCx,
    spec: &ContractSpec,
    roots: &[PathBuf],
) -> (Vec<compile::OwnFile>, LoadErrors) {
    let excludes: Vec<PathBuf> = spec.excludes.iter().map(|p| canonical(p)).collect();
    let mut errors = LoadErrors::default();
    let mut own: Vec<compile::OwnFile> = Vec::new();
    let mut names = std::collections::HashSet::new();
    for path in &spec.files {
        let abs = canonical(path);
        if excludes.iter().any(|e| abs.starts_with(e)) {
            continue;
        }
        let Some(name) = roots.iter().find_map(|r| name_under(r, &abs)) else {
            let shown: Vec<String> = roots.iter().map(|r| cx.display(r)).collect();
            errors.push(
                LoadError::in_file(
                    "treaty::proto::outside-roots",
                    cx.display(path),
                    format!("this file is under none of the import roots ({})", shown.join(", ")),
                )
                .with_help("add the directory its imports are relative to as a root, or move the file under one"),
            );
            continue;
        };
        if !names.insert(name.clone()) {
            continue;
        }
        match cx.read(&abs) {
            Ok(id) => {
                let text = cx.sources.get(id).text.clone();
                own.push(compile::OwnFile {
                    name,
                    path: abs,
                    id,
                    text,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() && own.is_empty() {
        errors.push(LoadError::new(
            "treaty::proto::no-files",
            format!(
                "the contract `{}` has no .proto files (all excluded, or none given)",
                spec.name
            ),
        ));
    }
    (own, errors)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| normalize(p))
}

/// `path` relative to `root` as a protobuf file name (`/`-separated), when it lies under it.
fn name_under(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            std::path::Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let parts = parts?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `proto2` or `proto3` (protox 0.10 does not compile editions); a file without `syntax` is proto2.
fn syntax_of(fd: &FileDescriptorProto) -> String {
    match fd.syntax() {
        "" => "proto2".to_string(),
        s => s.to_string(),
    }
}

/// One operation per rpc of the file.
fn operations(contract: &mut Contract, fd: &FileDescriptorProto, source: &SourceFile, fid: FileId) {
    // A file without source info (from an image built without it) still has its operations,
    // placed at the start of the file.
    let none = prost_types::SourceCodeInfo::default();
    let sci = fd.source_code_info.as_ref().unwrap_or(&none);
    let package = fd.package();
    for (si, service) in fd.service.iter().enumerate() {
        let full = qualify(package, service.name());
        for (mi, m) in service.method.iter().enumerate() {
            let path = [6, si as i32, 2, mi as i32];
            let comment = location(sci, &path)
                .and_then(|l| l.leading_comments.as_deref())
                .map(source_info::clean_comment)
                .filter(|c| !c.is_empty());
            let options = m.options.as_ref();
            contract.operations.push(Operation {
                key: Key::new(format!("rpc:{full}.{}", m.name())),
                span: span_of(source, fid, sci, &path),
                id: Some(m.name().to_string()),
                id_span: Some(span_of(source, fid, sci, &[6, si as i32, 2, mi as i32, 1])),
                kind: OperationKind::Rpc {
                    service: full.clone(),
                    method: m.name().to_string(),
                    input: m.input_type().trim_start_matches('.').to_string(),
                    output: m.output_type().trim_start_matches('.').to_string(),
                    client_streaming: m.client_streaming(),
                    server_streaming: m.server_streaming(),
                    idempotency: options
                        .and_then(|o| o.idempotency_level)
                        .and_then(|l| {
                            prost_types::method_options::IdempotencyLevel::try_from(l).ok()
                        })
                        .map(|l| l.as_str_name().to_string()),
                },
                summary: comment
                    .as_ref()
                    .and_then(|c| c.lines().next())
                    .map(str::to_string),
                description: comment,
                tags: vec![service.name().to_string()],
                deprecated: options.and_then(|o| o.deprecated).unwrap_or(false),
                parameters: Vec::new(),
                request: None,
                responses: Vec::new(),
                security: None,
                extensions: Default::default(),
            });
        }
    }
}

/// `package.name`, or `name` when there is no package.
pub fn qualify(package: &str, name: &str) -> String {
    if package.is_empty() {
        name.to_string()
    } else {
        format!("{package}.{name}")
    }
}

/// Reads suppression comments. buf honours `buf:lint:ignore` only in leading comments; treaty's
/// own `treaty:ignore` is also read from trailing comments.
///
/// A suppression covers the span of the element its comment leads, and the sink silences every
/// finding inside it. buf instead silences findings whose descriptor *path* lies under the
/// commented element's path; the two agree except in two places, adjusted here: a oneof contains
/// its fields in the text but not in the path (they are the message's), so a oneof's comment
/// silences only the oneof's own rules; and every `extend` block of a scope shares one path, so a
/// comment on one block silences the extensions of all of them.
fn suppressions(
    out: &mut Vec<Suppression>,
    lint_ignores: &mut Vec<Suppression>,
    fd: &FileDescriptorProto,
    source: &SourceFile,
    fid: FileId,
) {
    let Some(sci) = &fd.source_code_info else {
        return;
    };
    let known = proto_lint_ids();
    for loc in &sci.location {
        let (lead, trail) = (
            loc.leading_comments.as_deref(),
            loc.trailing_comments.as_deref(),
        );
        if !lead.is_some_and(|c| c.contains(BUF_IGNORE) || c.contains(TREATY_IGNORE))
            && !trail.is_some_and(|c| c.contains(TREATY_IGNORE))
        {
            continue;
        }
        let Some(span) = source_info::location_span(source, fid, loc) else {
            continue;
        };
        let mut buf_rules = source_info::buf_leading_comment(source, loc)
            .map(|c| buf_ignored(c, &known))
            .unwrap_or_default();
        if is_oneof_path(&loc.path) {
            buf_rules.retain(|r| ONEOF_RULES.contains(&r.as_str()));
        }
        if !buf_rules.is_empty() {
            let spans: Vec<Span> = if is_extension_list_path(&loc.path) {
                locations(sci, &loc.path)
                    .iter()
                    .filter_map(|l| source_info::location_span(source, fid, l))
                    .collect()
            } else {
                vec![span]
            };
            for span in spans {
                let s = Suppression {
                    span,
                    rules: buf_rules.clone(),
                };
                lint_ignores.push(s.clone());
                out.push(s);
            }
        }
        let mut treaty_rules = lead.map(treaty_ignored).unwrap_or_default();
        treaty_rules.extend(trail.map(treaty_ignored).unwrap_or_default());
        if !treaty_rules.is_empty() {
            out.push(Suppression {
                span,
                rules: treaty_rules,
            });
        }
    }
}

/// The rules buf reports on a oneof itself (its name, its declaration).
const ONEOF_RULES: [&str; 2] = ["ONEOF_LOWER_SNAKE_CASE", "COMMENT_ONEOF"];

/// `[4, i]`, `[4, i, 3, j]`, …: a message, at the top level or nested.
fn is_message_path(p: &[i32]) -> bool {
    p.len() >= 2 && p.len().is_multiple_of(2) && p[0] == 4 && p[2..].chunks(2).all(|c| c[0] == 3)
}

/// `<message>, 8, i`: a oneof.
fn is_oneof_path(p: &[i32]) -> bool {
    p.len() >= 4 && p[p.len() - 2] == 8 && is_message_path(&p[..p.len() - 2])
}

/// `[7]` or `<message>, 6`: the extensions of a file or a message, where protoc records each
/// `extend` block.
fn is_extension_list_path(p: &[i32]) -> bool {
    p == [7] || (p.last() == Some(&6) && is_message_path(&p[..p.len() - 1]))
}

/// The ids of the protobuf lint rules, which buf's ignore comments match by prefix.
fn proto_lint_ids() -> Vec<&'static str> {
    crate::lint::registry::all()
        .iter()
        .filter(|r| r.formats.contains(&ContractKind::Proto))
        .map(|r| r.id)
        .collect()
}

/// The rules a `buf:lint:ignore` comment silences. buf matches a line that, trimmed, starts with
/// `buf:lint:ignore ` followed by the rule id (so `buf:lint:ignore FIELD_LOWER_SNAKE_CASE because…`
/// works, and so does a longer word that starts with the id); the exact first word is kept too,
/// for rules treaty does not know.
pub fn buf_ignored(comment: &str, known: &[&str]) -> Vec<String> {
    let mut rules: Vec<String> = Vec::new();
    for line in comment.lines() {
        let Some(rest) = line
            .trim()
            .strip_prefix(BUF_IGNORE)
            .and_then(|r| r.strip_prefix(' '))
        else {
            continue;
        };
        for id in known.iter().filter(|id| rest.starts_with(**id)) {
            if !rules.iter().any(|r| r == id) {
                rules.push(id.to_string());
            }
        }
        if let Some(word) = rest.split_whitespace().next()
            && rest.starts_with(word)
            && !rules.iter().any(|r| r == word)
        {
            rules.push(word.to_string());
        }
    }
    rules
}

/// The rules a `treaty:ignore` comment silences: the ids after the prefix, separated by spaces or
/// commas.
pub fn treaty_ignored(comment: &str) -> Vec<String> {
    let mut rules = Vec::new();
    for line in comment.lines() {
        let Some(rest) = line.trim().strip_prefix(TREATY_IGNORE) else {
            continue;
        };
        rules.extend(
            rest.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        );
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buf_ignore_lines_match_as_buf_does() {
        let known = ["FIELD_LOWER_SNAKE_CASE", "COMMENT_FIELD"];
        assert_eq!(
            buf_ignored(" buf:lint:ignore FIELD_LOWER_SNAKE_CASE\n", &known),
            vec!["FIELD_LOWER_SNAKE_CASE"]
        );
        assert_eq!(
            buf_ignored("Doc.\nbuf:lint:ignore COMMENT_FIELD because\n", &known),
            vec!["COMMENT_FIELD"]
        );
        // A comma-joined list silences only its first id, as in buf.
        assert_eq!(
            buf_ignored(
                "buf:lint:ignore FIELD_LOWER_SNAKE_CASE,COMMENT_FIELD",
                &known
            ),
            vec![
                "FIELD_LOWER_SNAKE_CASE",
                "FIELD_LOWER_SNAKE_CASE,COMMENT_FIELD"
            ]
        );
        // Two spaces, text before the prefix, or lower case: nothing.
        assert!(buf_ignored("buf:lint:ignore  FIELD_LOWER_SNAKE_CASE", &known).is_empty());
        assert!(buf_ignored("see buf:lint:ignore FIELD_LOWER_SNAKE_CASE", &known).is_empty());
        assert_eq!(
            buf_ignored("buf:lint:ignore field_lower_snake_case", &known),
            vec!["field_lower_snake_case"]
        );
    }

    #[test]
    fn paths_are_classified() {
        assert!(is_message_path(&[4, 0]) && is_message_path(&[4, 1, 3, 2]));
        assert!(!is_message_path(&[4, 0, 2, 1]) && !is_message_path(&[5, 0]));
        assert!(is_oneof_path(&[4, 0, 8, 1]) && is_oneof_path(&[4, 0, 3, 1, 8, 0]));
        assert!(!is_oneof_path(&[4, 0, 2, 8]));
        assert!(is_extension_list_path(&[7]) && is_extension_list_path(&[4, 2, 6]));
        assert!(!is_extension_list_path(&[7, 0]) && !is_extension_list_path(&[4, 2, 2, 6]));
    }

    #[test]
    fn treaty_ignore_takes_a_list() {
        assert_eq!(
            treaty_ignored(" treaty:ignore FIELD_NO_DELETE, FIELD_SAME_TYPE\n"),
            vec!["FIELD_NO_DELETE", "FIELD_SAME_TYPE"]
        );
        assert!(treaty_ignored("nothing here").is_empty());
    }
}
