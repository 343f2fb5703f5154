//! Documentation changes: treaty's own rule. A changed comment breaks nobody, but it is a change,
//! and the verdict needs it to ask for a patch release rather than none.
//!
//! Paired elements of changed files compare their comments where they are paired; files whose
//! descriptors are equal (so every element sits at the same path on both sides) compare comments
//! path by path, without pairing anything.

use prost_types::source_code_info::Location;
use prost_types::{DescriptorProto, FileDescriptorProto};

use super::Judge;
use super::index::{FilePair, tag};
use crate::breaking_rule;
use crate::formats::proto::source_info::clean_comment;
use crate::formats::proto::{BUF_IGNORE, TREATY_IGNORE, qualify};

breaking_rule! {
    /// ## What it does
    /// Notes an element whose documentation comment (the leading or trailing comment protoc
    /// attaches to it) changed; changes of whitespace and indentation alone do not count.
    ///
    /// ## Why is this bad?
    /// It is not: nothing breaks. But the contract's documentation and generated code changed, so
    /// the release is a patch, not nothing.
    ///
    /// ## Example
    /// `// The order's id.` above `string id = 1;` becomes `// The order's id, a UUID.`
    pub COMMENT_CHANGED = "COMMENT_CHANGED", formats: [Proto],
    categories: ["DOCUMENTATION"], default: true, severity: Info, bump: Patch
}

/// The documentation of a location: its leading and trailing comments, trimmed per line, without
/// the lines that are directives to tools (`treaty:ignore`, `buf:lint:ignore`) rather than text.
fn documentation(l: Option<&Location>) -> (String, String) {
    let prose = |c: &str| {
        let lines: Vec<&str> = c
            .lines()
            .filter(|l| {
                let t = l.trim();
                !t.starts_with(TREATY_IGNORE) && !t.starts_with(BUF_IGNORE)
            })
            .collect();
        clean_comment(&lines.join("\n"))
    };
    let clean = |c: &Option<String>| c.as_deref().map(prose).unwrap_or_default();
    l.map(|l| (clean(&l.leading_comments), clean(&l.trailing_comments)))
        .unwrap_or_default()
}

/// The comments of a location as written.
fn raw(l: Option<&Location>) -> (Option<&str>, Option<&str>) {
    l.map(|l| {
        (
            l.leading_comments.as_deref(),
            l.trailing_comments.as_deref(),
        )
    })
    .unwrap_or_default()
}

/// Compares the comments of an element paired across revisions; `what` names it, for the message.
pub(super) fn element(
    j: &mut Judge,
    what: impl FnOnce() -> String,
    (of, op): (usize, &[i32]),
    (nf, np): (usize, &[i32]),
) {
    // A side without source info (an image built without it) has no comments to compare.
    if !j.on(&COMMENT_CHANGED) || !j.old.has_source_info(of) || !j.new.has_source_info(nf) {
        return;
    }
    let (before, after) = (j.old.location(of, op), j.new.location(nf, np));
    // Most comments are unchanged byte for byte: settle those without cleaning anything.
    if raw(before) == raw(after) || documentation(before) == documentation(after) {
        return;
    }
    report(j, &what(), j.old.span(of, op), j.new.span(nf, np));
}

fn report(
    j: &mut Judge,
    what: &str,
    old_at: Option<crate::source::Span>,
    new_at: Option<crate::source::Span>,
) {
    let msg =
        format!("The documentation of {what} changed. Nothing breaks; the release is a patch.");
    j.report(&COMMENT_CHANGED, old_at, new_at, msg);
}

/// Compares comments path by path in files whose descriptors did not change.
pub(super) fn judge_unchanged_files(j: &mut Judge, pairs: &[FilePair]) {
    if !j.on(&COMMENT_CHANGED) {
        return;
    }
    for p in pairs {
        let (Some(o), Some(n)) = (p.old, p.new) else {
            continue;
        };
        if !p.same || p.same_text {
            continue;
        }
        let (old, new) = (j.old, j.new);
        let (Some(osci), Some(nsci)) = (
            old.files[o].d.source_code_info.as_ref(),
            new.files[n].d.source_code_info.as_ref(),
        ) else {
            continue;
        };
        let documented =
            |l: &&Location| l.leading_comments.is_some() || l.trailing_comments.is_some();
        let mut paths: Vec<&[i32]> = osci
            .location
            .iter()
            .chain(&nsci.location)
            .filter(documented)
            .map(|l| l.path.as_slice())
            .collect();
        paths.sort_unstable();
        paths.dedup();
        for path in paths {
            if documentation(old.location(o, path)) == documentation(new.location(n, path)) {
                continue;
            }
            let what = describe(new.files[n].d, path);
            report(j, &what, old.span(o, path), new.span(n, path));
        }
    }
}

/// Names the element at a path, for messages: `message `pkg.Order``, `field `id` of `pkg.Order``.
fn describe(fd: &FileDescriptorProto, path: &[i32]) -> String {
    let package = fd.package();
    let fallback = || format!("a declaration of `{}`", fd.name());
    match path {
        [tag::FILE_PACKAGE] => format!("the package statement of `{}`", fd.name()),
        [tag::FILE_SYNTAX] => format!("the syntax statement of `{}`", fd.name()),
        [tag::FILE_MESSAGE, i, rest @ ..] => match fd.message_type.get(*i as usize) {
            Some(m) => describe_in_message(m, &qualify(package, m.name()), rest),
            None => fallback(),
        },
        [tag::FILE_ENUM, i, rest @ ..] => match fd.enum_type.get(*i as usize) {
            Some(e) => describe_enum(e, &qualify(package, e.name()), rest),
            None => fallback(),
        },
        [tag::FILE_SERVICE, i, rest @ ..] => match fd.service.get(*i as usize) {
            Some(s) => {
                let full = qualify(package, s.name());
                match rest {
                    [tag::SERVICE_METHOD, k, ..] => match s.method.get(*k as usize) {
                        Some(m) => format!("RPC `{}` of service `{full}`", m.name()),
                        None => format!("service `{full}`"),
                    },
                    _ => format!("service `{full}`"),
                }
            }
            None => fallback(),
        },
        [tag::FILE_EXTENSION, i, ..] => match fd.extension.get(*i as usize) {
            Some(x) => format!("extension `{}`", qualify(package, x.name())),
            None => fallback(),
        },
        _ => fallback(),
    }
}

fn describe_in_message(m: &DescriptorProto, full: &str, rest: &[i32]) -> String {
    match rest {
        [tag::MESSAGE_FIELD, k, ..] => match m.field.get(*k as usize) {
            Some(f) => format!("field `{}` on message `{full}`", f.name()),
            None => format!("message `{full}`"),
        },
        [tag::MESSAGE_NESTED, k, tail @ ..] => match m.nested_type.get(*k as usize) {
            Some(n) => describe_in_message(n, &format!("{full}.{}", n.name()), tail),
            None => format!("message `{full}`"),
        },
        [tag::MESSAGE_ENUM, k, tail @ ..] => match m.enum_type.get(*k as usize) {
            Some(e) => describe_enum(e, &format!("{full}.{}", e.name()), tail),
            None => format!("message `{full}`"),
        },
        [tag::MESSAGE_ONEOF, k, ..] => match m.oneof_decl.get(*k as usize) {
            Some(o) => format!("oneof `{}` of message `{full}`", o.name()),
            None => format!("message `{full}`"),
        },
        [tag::MESSAGE_EXTENSION, k, ..] => match m.extension.get(*k as usize) {
            Some(x) => format!("extension `{full}.{}`", x.name()),
            None => format!("message `{full}`"),
        },
        _ => format!("message `{full}`"),
    }
}

fn describe_enum(e: &prost_types::EnumDescriptorProto, full: &str, rest: &[i32]) -> String {
    match rest {
        [tag::ENUM_VALUE, k, ..] => match e.value.get(*k as usize) {
            Some(v) => format!("enum value `{}` of `{full}`", v.name()),
            None => format!("enum `{full}`"),
        },
        _ => format!("enum `{full}`"),
    }
}
