//! Documentation rules (buf's COMMENTS category): elements need a leading comment.
//!
//! As in buf, only the leading comment counts (not a trailing one, nor one separated from the
//! element by a blank line, nor one that ends on the element's own line), and a comment whose
//! only lines are `buf:lint:ignore …` is not documentation. Findings cover the whole element. Elements protoc writes itself (map entries
//! and their fields, the oneof around a proto3 `optional` field) and group fields (their group
//! message is checked instead) are skipped.

use prost_types::field_descriptor_proto::Type;

use super::{Element, FileRef, Reporter, is_map_entry, is_synthetic_oneof, own_files, walk};
use crate::formats::proto::{BUF_IGNORE, source_info};
use crate::lint::{LintCx, LintRule, Sink};
use crate::model::Contract;

/// True when a leading comment has a line of real text.
fn documents(comment: &str) -> bool {
    comment
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with(BUF_IGNORE))
}

/// Reports every element `pick` selects (giving its kind and name) that has a location but no
/// documenting comment.
fn check_comments(
    cx: &LintCx,
    contract: &Contract,
    sink: &mut Sink,
    rule: &'static LintRule,
    pick: fn(&Element) -> Option<(&'static str, String)>,
) {
    let mut r = Reporter::new(cx, contract, sink, rule);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            let Some((kind, name)) = pick(&el) else {
                return;
            };
            report_undocumented(&mut r, &f, path, kind, &name);
        });
    }
}

fn report_undocumented(r: &mut Reporter, f: &FileRef, path: &[i32], kind: &str, name: &str) {
    let Some(loc) = f.location(path) else { return };
    if source_info::buf_leading_comment(f.source, loc).is_some_and(documents) {
        return;
    }
    r.report(
        f.span(path),
        format!("{kind} {name:?} should have a non-empty comment for documentation."),
    );
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every enum has a leading comment.
    ///
    /// ## Why is this bad?
    /// The comment is the enum's documentation in generated code and API references; without it
    /// readers guess what the enum classifies and when each value applies.
    ///
    /// ## Example
    /// ```proto
    /// enum Status { STATUS_UNSPECIFIED = 0; } // no comment above
    /// ```
    pub COMMENT_ENUM = "COMMENT_ENUM", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_enum)
}

fn comment_enum(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_ENUM, |el| match el {
        Element::Enum(e) => Some(("Enum", e.name().to_string())),
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every enum value has a leading comment.
    ///
    /// ## Why is this bad?
    /// A value's name rarely says when it applies and what a client should do with it; the
    /// comment is the only documentation generated code and references carry.
    ///
    /// ## Example
    /// ```proto
    /// enum Status {
    ///   // Unset.
    ///   STATUS_UNSPECIFIED = 0;
    ///   STATUS_HELD = 1; // no comment above
    /// }
    /// ```
    pub COMMENT_ENUM_VALUE = "COMMENT_ENUM_VALUE", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_enum_value)
}

fn comment_enum_value(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_ENUM_VALUE, |el| match el {
        Element::EnumValue(v, ..) => Some(("Enum value", v.name().to_string())),
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every field (and extension) has a leading comment.
    ///
    /// ## Why is this bad?
    /// A field's comment is its documentation: units, formats, whether empty means unset. Without
    /// it every client reverse-engineers the meaning from examples.
    ///
    /// ## Example
    /// ```proto
    /// message Order {
    ///   int64 total = 1; // cents? euros? no comment above
    /// }
    /// ```
    pub COMMENT_FIELD = "COMMENT_FIELD", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_field)
}

fn comment_field(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_FIELD, |el| match el {
        Element::Field(f, m) if !is_map_entry(m) && f.r#type() != Type::Group => {
            Some(("Field", f.name().to_string()))
        }
        Element::Extension(f) if f.r#type() != Type::Group => Some(("Field", f.name().to_string())),
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every message has a leading comment.
    ///
    /// ## Why is this bad?
    /// The comment is the message's documentation in generated code and API references; without
    /// it readers guess what the message represents and when it is sent.
    ///
    /// ## Example
    /// ```proto
    /// message Order {} // no comment above
    /// ```
    pub COMMENT_MESSAGE = "COMMENT_MESSAGE", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_message)
}

fn comment_message(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_MESSAGE, |el| match el {
        Element::Message(m) if !is_map_entry(m) => Some(("Message", m.name().to_string())),
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every oneof has a leading comment.
    ///
    /// ## Why is this bad?
    /// A oneof says "exactly one of these"; its comment explains what the choice is about and
    /// what it means when none is set.
    ///
    /// ## Example
    /// ```proto
    /// message Payment {
    ///   oneof method { string card = 1; string iban = 2; } // no comment above
    /// }
    /// ```
    pub COMMENT_ONEOF = "COMMENT_ONEOF", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_oneof)
}

fn comment_oneof(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_ONEOF, |el| match el {
        Element::Oneof(o, i, m) if !is_synthetic_oneof(m, *i) => {
            Some(("Oneof", o.name().to_string()))
        }
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every RPC has a leading comment.
    ///
    /// ## Why is this bad?
    /// An RPC's comment is the operation's documentation: what it does, its errors, whether it is
    /// safe to retry. Generated clients and API references show nothing else.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc GetOrder(GetOrderRequest) returns (GetOrderResponse); // no comment above
    /// }
    /// ```
    pub COMMENT_RPC = "COMMENT_RPC", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_rpc)
}

fn comment_rpc(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_RPC, |el| match el {
        Element::Method(m) => Some(("RPC", m.name().to_string())),
        _ => None,
    });
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every service has a leading comment.
    ///
    /// ## Why is this bad?
    /// The service comment is the API's front page in generated clients and references: what it
    /// is for and who may call it.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {} // no comment above
    /// ```
    pub COMMENT_SERVICE = "COMMENT_SERVICE", formats: [Proto],
    categories: ["COMMENTS"], default: false, severity: Error,
    check: Contract(comment_service)
}

fn comment_service(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    check_comments(cx, contract, sink, &COMMENT_SERVICE, |el| match el {
        Element::Service(s) => Some(("Service", s.name().to_string())),
        _ => None,
    });
}
