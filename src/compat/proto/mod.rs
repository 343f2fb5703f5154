//! Protobuf breaking-change rules: buf's 65 breaking rules with buf's ids, categories and
//! defaults, reported where buf reports them, plus treaty's own (additions, presence, renamed
//! types, documentation, field-number reuse across revisions).
//!
//! ```text
//! old ProtoContract ─┐                                  ┌─ files.rs     file, package, file options
//!                    ├─ index.rs: pair files by name, ──┼─ messages.rs  messages, oneofs, reserved, fields.rs
//! new ProtoContract ─┘  index elements of changed files ├─ enums.rs     enums and values
//!                       by full name, once              ├─ services.rs  services and RPCs
//!                                                       ├─ extensions.rs
//!                                                       └─ additions.rs, comments.rs, history.rs
//! ```
//!
//! Pair first, then judge: every element is paired with its counterpart once (files by name;
//! messages, enums, services and extensions by full name; fields by number; enum values by
//! number; oneofs and methods by name), and each rule is a small function over one pair or over
//! an element present on one side only. Rule metadata is data ([`breaking_rule!`]); the doc
//! comment of each rule is its documentation.
//!
//! Where a finding points: `new` is where buf reports it (an element that is gone is reported on
//! the innermost message that still encloses it in the file of the same name, else at the start
//! of that file), `old` is where the element was. Both are spans, so a `// treaty:ignore RULE_ID`
//! on the element (or on its enclosing element, for one that is gone) silences the rule there.
//!
//! The deliberate differences from buf are listed, with reasons, in
//! `fixtures/breaking/proto/DIFFERENCES.md`, which a test keeps exact.
//!
//! [`breaking_rule!`]: crate::breaking_rule

mod additions;
mod comments;
mod enums;
mod extensions;
mod fields;
mod files;
mod history;
mod index;
mod messages;
mod services;
mod shape;

use std::collections::HashSet;

use indexmap::IndexMap;
use prost_types::{DescriptorProto, FieldDescriptorProto};

use super::{Emitter, PairCx, rule::BreakingRule};
use crate::formats::proto::qualify;
use crate::model::Contract;
use crate::source::Span;
use index::{Elem, Side, Syntax};

/// Every protobuf breaking rule, in the order of buf's table, then treaty's own.
pub static RULES: &[&BreakingRule] = &[
    // FILE
    &extensions::EXTENSION_NO_DELETE,
    &services::SERVICE_NO_DELETE,
    &enums::ENUM_NO_DELETE,
    &files::FILE_NO_DELETE,
    &messages::MESSAGE_NO_DELETE,
    // FILE, PACKAGE
    &enums::ENUM_SAME_TYPE,
    &fields::FIELD_SAME_CARDINALITY,
    &fields::FIELD_SAME_CPP_STRING_TYPE,
    &fields::FIELD_SAME_JAVA_UTF8_VALIDATION,
    &fields::FIELD_SAME_JSTYPE,
    &fields::FIELD_SAME_UTF8_VALIDATION,
    &files::FILE_SAME_CC_ENABLE_ARENAS,
    &files::FILE_SAME_CC_GENERIC_SERVICES,
    &files::FILE_SAME_CSHARP_NAMESPACE,
    &files::FILE_SAME_GO_PACKAGE,
    &files::FILE_SAME_JAVA_GENERIC_SERVICES,
    &files::FILE_SAME_JAVA_MULTIPLE_FILES,
    &files::FILE_SAME_JAVA_OUTER_CLASSNAME,
    &files::FILE_SAME_JAVA_PACKAGE,
    &files::FILE_SAME_OBJC_CLASS_PREFIX,
    &files::FILE_SAME_OPTIMIZE_FOR,
    &files::FILE_SAME_PHP_CLASS_PREFIX,
    &files::FILE_SAME_PHP_METADATA_NAMESPACE,
    &files::FILE_SAME_PHP_NAMESPACE,
    &files::FILE_SAME_PY_GENERIC_SERVICES,
    &files::FILE_SAME_RUBY_PACKAGE,
    &files::FILE_SAME_SWIFT_PREFIX,
    &services::RPC_NO_DELETE,
    // CSR, FILE, PACKAGE
    &enums::ENUM_VALUE_NO_DELETE,
    &messages::EXTENSION_MESSAGE_NO_DELETE,
    &fields::FIELD_NO_DELETE,
    &fields::FIELD_SAME_TYPE,
    &files::FILE_SAME_SYNTAX,
    &messages::MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR,
    &messages::ONEOF_NO_DELETE,
    // CSR, FILE, PACKAGE, WIRE_JSON
    &enums::ENUM_SAME_JSON_FORMAT,
    &enums::ENUM_VALUE_SAME_NAME,
    &fields::FIELD_SAME_JSON_NAME,
    &fields::FIELD_SAME_NAME,
    &messages::MESSAGE_SAME_JSON_FORMAT,
    // CSR, FILE, PACKAGE, WIRE_JSON, WIRE
    &fields::FIELD_SAME_DEFAULT,
    &fields::FIELD_SAME_ONEOF,
    &files::FILE_SAME_PACKAGE,
    &messages::MESSAGE_SAME_REQUIRED_FIELDS,
    &enums::RESERVED_ENUM_NO_DELETE,
    &messages::RESERVED_MESSAGE_NO_DELETE,
    &services::RPC_SAME_CLIENT_STREAMING,
    &services::RPC_SAME_IDEMPOTENCY_LEVEL,
    &services::RPC_SAME_REQUEST_TYPE,
    &services::RPC_SAME_RESPONSE_TYPE,
    &services::RPC_SAME_SERVER_STREAMING,
    // PACKAGE (not default)
    &enums::PACKAGE_ENUM_NO_DELETE,
    &extensions::PACKAGE_EXTENSION_NO_DELETE,
    &messages::PACKAGE_MESSAGE_NO_DELETE,
    &files::PACKAGE_NO_DELETE,
    &services::PACKAGE_SERVICE_NO_DELETE,
    // CSR, WIRE_JSON (not default)
    &enums::ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED,
    &fields::FIELD_NO_DELETE_UNLESS_NAME_RESERVED,
    &fields::FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY,
    &fields::FIELD_WIRE_JSON_COMPATIBLE_TYPE,
    // CSR, WIRE_JSON, WIRE (not default)
    &enums::ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED,
    &fields::FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED,
    // WIRE (not default)
    &fields::FIELD_WIRE_COMPATIBLE_CARDINALITY,
    &fields::FIELD_WIRE_COMPATIBLE_TYPE,
    // deprecated, only when named
    &messages::MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT,
    // treaty's own
    &fields::FIELD_SAME_PRESENCE,
    &services::RPC_SAME_REQUEST_TYPE_NAME,
    &services::RPC_SAME_RESPONSE_TYPE_NAME,
    &history::FIELD_NUMBER_REUSED,
    &additions::SERVICE_ADDED,
    &additions::RPC_ADDED,
    &additions::MESSAGE_ADDED,
    &additions::ENUM_ADDED,
    &additions::FIELD_ADDED,
    &additions::ENUM_VALUE_ADDED,
    &comments::COMMENT_CHANGED,
];

/// Compares the two revisions of a protobuf contract.
pub fn diff(cx: &PairCx, em: &mut Emitter) {
    let (Some(old_proto), Some(new_proto)) = (cx.old.proto.as_ref(), cx.new.proto.as_ref()) else {
        return;
    };
    let on: HashSet<&'static str> = RULES
        .iter()
        .filter(|r| em.enabled(r))
        .map(|r| r.id)
        .collect();
    if on.is_empty() {
        return;
    }
    let skip_unstable = cx.options.config.ignore_unstable_packages;
    let mut old = Side::new(cx.old_ws, old_proto, skip_unstable);
    let mut new = Side::new(cx.new_ws, new_proto, skip_unstable);
    let files = index::pair_files(&mut old, &mut new);
    for side in [&mut old, &mut new] {
        side.index_changed();
        side.index_types();
    }
    let mut j = Judge {
        old: &old,
        new: &new,
        history: &cx.history,
        em,
        on,
        history_index: Default::default(),
    };
    files::judge(&mut j, &files);
    messages::judge(&mut j);
    enums::judge(&mut j);
    services::judge(&mut j);
    extensions::judge(&mut j);
    comments::judge_unchanged_files(&mut j, &files);
}

/// The two indexed sides and the emitter, handed to every rule.
struct Judge<'j, 'x> {
    pub old: &'j Side<'j>,
    pub new: &'j Side<'j>,
    /// Earlier revisions of the old contract, oldest first.
    pub history: &'j [&'j Contract],
    em: &'j mut Emitter<'x>,
    /// The rules the configuration runs, looked up once rather than per element.
    on: HashSet<&'static str>,
    history_index: history::HistoryIndex<'j>,
}

impl Judge<'_, '_> {
    pub fn on(&self, rule: &BreakingRule) -> bool {
        self.on.contains(rule.id)
    }

    pub fn report(
        &mut self,
        rule: &'static BreakingRule,
        old: Option<Span>,
        new: Option<Span>,
        message: String,
    ) {
        if self.on(rule) {
            self.em.emit(rule, old, new, message);
        }
    }
}

/// A field or extension of one side, with what its rules read around it.
struct FieldAt<'a> {
    pub d: &'a FieldDescriptorProto,
    /// The message declaring the field (for an extension: the message it is declared in, if any).
    pub owner: Option<&'a DescriptorProto>,
    /// The message's full name, or for an extension the extended message's.
    pub owner_name: &'a str,
    pub file: usize,
    pub path: Vec<i32>,
    pub syntax: Syntax,
}

impl FieldAt<'_> {
    pub fn is_extension(&self) -> bool {
        self.d.extendee.is_some()
    }

    /// `field 5 `kms_key_name` on message `google.pubsub.v1.Topic``, for messages.
    pub fn describe(&self) -> String {
        if self.is_extension() {
            format!(
                "extension {} `{}` of message `{}`",
                self.d.number(),
                self.d.name(),
                self.owner_name
            )
        } else {
            format!(
                "field {} `{}` on message `{}`",
                self.d.number(),
                self.d.name(),
                self.owner_name
            )
        }
    }

    pub fn sub(&self, tag: i32) -> Vec<i32> {
        [self.path.as_slice(), &[tag]].concat()
    }
}

/// Capitalizes the first letter of a message built from a description.
fn cap(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// The two deletion views buf has for a named element of the old revision: gone from its file
/// (FILE rules, which pair by the name inside the package within files of the same name) and gone
/// from its package (PACKAGE rules, reported only while the package itself still exists).
struct Deletion<'r> {
    pub kind: &'static str,
    pub file_rule: &'static BreakingRule,
    pub package_rule: &'static BreakingRule,
    pub why: &'r str,
}

fn judge_deletions<D>(
    j: &mut Judge,
    del: &Deletion,
    old: &IndexMap<String, Elem<D>>,
    new: &IndexMap<String, Elem<D>>,
    skip: impl Fn(&D) -> bool,
) {
    let (old_side, new_side) = (j.old, j.new);
    for (full, o) in old {
        if skip(o.d) {
            continue;
        }
        let of = &old_side.files[o.file];
        let at_old = || old_side.span(o.file, &o.path);
        if let Some(&nfi) = new_side.file_ix.get(of.name) {
            let nf = &new_side.files[nfi];
            let still_here = new
                .get(&qualify(nf.package, &o.nested))
                .is_some_and(|n| n.file == nfi);
            if !still_here {
                let msg = format!(
                    "{} `{}` was deleted from `{}`. {} Keep it where it was, or deprecate it first and remove it in a new major version.",
                    cap(del.kind.to_string()),
                    full,
                    of.name,
                    del.why
                );
                j.report(
                    del.file_rule,
                    at_old(),
                    new_side.enclosing(of.name, &o.nested),
                    msg,
                );
            }
        }
        if !new.contains_key(full) && new_side.packages.contains_key(of.package) {
            let msg = format!(
                "{} `{}` was deleted from package `{}`. {} Keep it in the package (moving it between files of the package is fine), or deprecate it first and remove it in a new major version.",
                cap(del.kind.to_string()),
                full,
                of.package,
                del.why
            );
            j.report(
                del.package_rule,
                at_old(),
                new_side.enclosing(of.name, &o.nested),
                msg,
            );
        }
    }
}
