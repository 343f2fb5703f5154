//! Messages: pairs them by full name, judges what belongs to the message itself (options, JSON
//! format, required fields, oneofs, reserved and extension ranges) and hands its fields, paired by
//! number, to `fields.rs`.

use prost_types::MessageOptions;

use super::index::{Msg, Syntax, tag};
use super::shape::{is_map_entry, missing, real_oneofs};
use super::{Deletion, FieldAt, Judge, additions, comments, fields, history, judge_deletions};
use crate::breaking_rule;
use crate::compat::rule::BreakingRule;
use crate::source::Span;

breaking_rule! {
    /// ## What it does
    /// Reports a message (nested ones included) that is no longer declared in the file it was
    /// declared in.
    ///
    /// ## Why is this bad?
    /// Generated code loses the type: every consumer that names it stops compiling, and fields of
    /// that type elsewhere cannot be declared any more.
    ///
    /// ## Example
    /// `message Refund { … }` deleted from `billing.proto`, or moved to another file. Keep it; to
    /// retire it, deprecate it (`option deprecated = true;`) and remove it in a new major version.
    pub MESSAGE_NO_DELETE = "MESSAGE_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message that no file of its package declares any more (moving it between files
    /// of the same package is fine).
    ///
    /// ## Why is this bad?
    /// Consumers that name the type stop compiling; `Any` values carrying it can no longer be
    /// unpacked.
    ///
    /// ## Example
    /// `message Refund` deleted from `acme.billing.v1`. Keep it, or deprecate it and remove it in
    /// a new major version.
    pub PACKAGE_MESSAGE_NO_DELETE = "PACKAGE_MESSAGE_NO_DELETE", formats: [Proto],
    categories: ["PACKAGE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a oneof that was deleted from a message (proto3 `optional` fields, whose oneofs are
    /// synthetic, are not oneofs here).
    ///
    /// ## Why is this bad?
    /// Generated code loses the oneof's case enum and accessors; consumers switching over it stop
    /// compiling, and its fields no longer clear each other when set.
    ///
    /// ## Example
    /// ```proto
    /// oneof method { Card card = 1; Cash cash = 2; }   // old
    /// Card card = 1; Cash cash = 2;                    // new
    /// ```
    /// Keep the oneof.
    pub ONEOF_NO_DELETE = "ONEOF_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports reserved field numbers or names of a message that are no longer reserved.
    ///
    /// ## Why is this bad?
    /// Reservations keep deleted numbers and names from being reused; once a reservation is gone a
    /// new field can take the number, and old clients that still send the deleted field have their
    /// data read as the new one.
    ///
    /// ## Example
    /// `reserved 5 to 10;` becomes `reserved 5 to 8;`. Reservations only ever grow.
    pub RESERVED_MESSAGE_NO_DELETE = "RESERVED_MESSAGE_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports extension numbers a message no longer accepts (`extensions 100 to 199;` narrowed or
    /// removed).
    ///
    /// ## Why is this bad?
    /// Extensions that others declared on those numbers stop compiling, and the data they carry is
    /// no longer recognised as an extension.
    ///
    /// ## Example
    /// `extensions 100 to 199;` becomes `extensions 100 to 149;`. Extension ranges only ever grow.
    pub EXTENSION_MESSAGE_NO_DELETE = "EXTENSION_MESSAGE_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message that gained `option no_standard_descriptor_accessor = true;`.
    ///
    /// ## Why is this bad?
    /// The generated `descriptor()` accessor disappears, and code calling it stops compiling.
    ///
    /// ## Example
    /// `option no_standard_descriptor_accessor = true;` added to `message Order`. Leave it out.
    pub MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR = "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of a message's `message_set_wire_format` option. buf deprecated this rule
    /// without a replacement; it runs only when named in `use`.
    ///
    /// ## Why is this bad?
    /// MessageSet and the normal encoding lay extensions out differently on the wire: each side
    /// misreads what the other writes.
    ///
    /// ## Example
    /// `option message_set_wire_format = true;` added to `message Bag`. Leave it as it was.
    pub MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT = "MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", formats: [Proto],
    categories: [], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message whose JSON support went from full (`ALLOW`, proto3) to best effort
    /// (`LEGACY_BEST_EFFORT`, proto2), usually by a syntax change of its file.
    ///
    /// ## Why is this bad?
    /// JSON field-name conflicts are no longer rejected, so JSON produced for the message may not
    /// round-trip for consumers that read it.
    ///
    /// ## Example
    /// The file of `message Blob` changes from `syntax = "proto3";` to `syntax = "proto2";`. Keep
    /// proto3.
    pub MESSAGE_SAME_JSON_FORMAT = "MESSAGE_SAME_JSON_FORMAT", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a proto2 `required` field that was added to a message, or that is no longer
    /// required (deleted, or made optional or repeated).
    ///
    /// ## Why is this bad?
    /// Parsers reject a message that lacks a required field: a new required field makes old
    /// senders' messages invalid, and a dropped one makes new senders' messages invalid for old
    /// readers.
    ///
    /// ## Example
    /// `optional string note = 2;` becomes `required string note = 2;`. Never change what is
    /// required; validate in application code instead.
    pub MESSAGE_SAME_REQUIRED_FIELDS = "MESSAGE_SAME_REQUIRED_FIELDS", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

pub(super) fn judge(j: &mut Judge) {
    let (old, new) = (j.old, j.new);
    // Map entries are synthesized from `map<K, V>` fields: the field's own rules report what
    // happened to them, so their messages are never reported as deleted or added.
    let deletion = Deletion {
        kind: "message",
        file_rule: &MESSAGE_NO_DELETE,
        package_rule: &PACKAGE_MESSAGE_NO_DELETE,
        why: "Code that names the type stops compiling, and `Any` values of it can no longer be unpacked.",
    };
    judge_deletions(j, &deletion, &old.messages, &new.messages, is_map_entry);
    for (full, o) in &old.messages {
        if let Some(n) = new.messages.get(full) {
            pair(j, full, o, n);
        }
    }
    for (full, n) in &new.messages {
        if !old.messages.contains_key(full) {
            additions::message(j, full, n);
            for (k, f) in n.d.field.iter().enumerate() {
                let at = field_at(full, n, k, new.files[n.file].syntax, f);
                history::field_added(j, &at);
            }
        }
    }
}

fn field_at<'a>(
    full: &'a str,
    m: &Msg<'a>,
    k: usize,
    syntax: Syntax,
    f: &'a prost_types::FieldDescriptorProto,
) -> FieldAt<'a> {
    FieldAt {
        d: f,
        owner: Some(m.d),
        owner_name: full,
        file: m.file,
        path: [m.path.as_slice(), &[tag::MESSAGE_FIELD, k as i32]].concat(),
        syntax,
    }
}

fn pair(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    let (os, ns) = (j.old.files[o.file].syntax, j.new.files[n.file].syntax);
    same_json_format(j, full, o, n, os, ns);
    options(j, full, o, n);
    required_fields(j, full, o, n);
    oneofs_deleted(j, full, o, n);
    reserved_deleted(j, full, o, n);
    extension_ranges_deleted(j, full, o, n);
    for (i, f) in o.d.field.iter().enumerate() {
        let of = field_at(full, o, i, os, f);
        match n.d.field.iter().position(|g| g.number == f.number) {
            Some(k) => fields::pair(j, &of, &field_at(full, n, k, ns, &n.d.field[k])),
            None => fields::deleted(j, &of, n),
        }
    }
    for (k, g) in n.d.field.iter().enumerate() {
        if !o.d.field.iter().any(|f| f.number == g.number) {
            let nf = field_at(full, n, k, ns, g);
            additions::field(j, &nf, o);
            history::field_added(j, &nf);
        }
    }
    comments::element(
        j,
        || format!("message `{full}`"),
        (o.file, &o.path),
        (n.file, &n.path),
    );
}

fn same_json_format(j: &mut Judge, full: &str, o: &Msg, n: &Msg, os: Syntax, ns: Syntax) {
    // proto3 messages have full JSON support (`ALLOW`), proto2 ones `LEGACY_BEST_EFFORT`.
    if !(os == Syntax::Proto3 && ns == Syntax::Proto2) || is_map_entry(n.d) {
        return;
    }
    let msg = format!(
        "The JSON format of message `{full}` changed from ALLOW to LEGACY_BEST_EFFORT (its file is proto2 now). JSON name conflicts are no longer rejected, so its JSON may not round-trip for consumers; keep proto3."
    );
    j.report(
        &MESSAGE_SAME_JSON_FORMAT,
        j.old.span(o.file, &o.path),
        j.new.span(n.file, &n.path),
        msg,
    );
}

fn options(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    let none = MessageOptions::default();
    let (oo, no) = (
        o.d.options.as_ref().unwrap_or(&none),
        n.d.options.as_ref().unwrap_or(&none),
    );
    // MessageOptions field numbers: message_set_wire_format = 1, no_standard_descriptor_accessor = 2.
    let opt_path =
        |m: &Msg, number: i32| [m.path.as_slice(), &[tag::MESSAGE_OPTIONS, number]].concat();
    if !oo.no_standard_descriptor_accessor() && no.no_standard_descriptor_accessor() {
        let msg = format!(
            "Message `{full}` now sets `no_standard_descriptor_accessor = true`. Its generated `descriptor()` accessor disappears and code calling it stops compiling; remove the option."
        );
        let new_at = j.new.span_first(n.file, &[&opt_path(n, 2), &n.path]);
        j.report(
            &MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR,
            j.old.span(o.file, &o.path),
            new_at,
            msg,
        );
    }
    if oo.message_set_wire_format() != no.message_set_wire_format() {
        let msg = format!(
            "Message `{full}` changed `message_set_wire_format` from {} to {}. MessageSet and the normal encoding lay extensions out differently, so each side misreads the other; keep the old value.",
            oo.message_set_wire_format(),
            no.message_set_wire_format()
        );
        let old_at = j.old.span_first(o.file, &[&opt_path(o, 1), &o.path]);
        let new_at = j.new.span_first(n.file, &[&opt_path(n, 1), &n.path]);
        j.report(&MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT, old_at, new_at, msg);
    }
}

fn required_fields(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    use prost_types::field_descriptor_proto::Label;
    if !j.on(&MESSAGE_SAME_REQUIRED_FIELDS) {
        return;
    }
    let required = |m: &Msg, number: i32| {
        m.d.field
            .iter()
            .any(|f| f.number() == number && f.label() == Label::Required)
    };
    for (i, f) in o.d.field.iter().enumerate() {
        if f.label() == Label::Required && !required(n, f.number()) {
            let msg = format!(
                "Field {} `{}` of message `{full}` is no longer required. Old readers reject messages without it, so new senders that leave it out break them; keep it required.",
                f.number(),
                f.name()
            );
            let old_at = j.old.span(
                o.file,
                &[o.path.as_slice(), &[tag::MESSAGE_FIELD, i as i32]].concat(),
            );
            j.report(
                &MESSAGE_SAME_REQUIRED_FIELDS,
                old_at,
                j.new.span(n.file, &n.path),
                msg,
            );
        }
    }
    for (k, f) in n.d.field.iter().enumerate() {
        if f.label() == Label::Required && !required(o, f.number()) {
            let msg = format!(
                "Field {} `{}` of message `{full}` is required now. Messages from senders built on the old revision lack it and are rejected; add it as optional and validate in application code instead.",
                f.number(),
                f.name()
            );
            let new_at = j.new.span(
                n.file,
                &[n.path.as_slice(), &[tag::MESSAGE_FIELD, k as i32]].concat(),
            );
            j.report(
                &MESSAGE_SAME_REQUIRED_FIELDS,
                j.old.span(o.file, &o.path),
                new_at,
                msg,
            );
        }
    }
}

fn oneofs_deleted(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    let new_oneofs: Vec<(usize, &str)> = real_oneofs(n.d).collect();
    for (i, name) in real_oneofs(o.d) {
        match new_oneofs.iter().find(|(_, m)| *m == name) {
            Some(&(k, _)) => {
                let what = || format!("oneof `{name}` of message `{full}`");
                let op = [o.path.as_slice(), &[tag::MESSAGE_ONEOF, i as i32]].concat();
                let np = [n.path.as_slice(), &[tag::MESSAGE_ONEOF, k as i32]].concat();
                comments::element(j, what, (o.file, &op), (n.file, &np));
            }
            None => {
                let msg = format!(
                    "Oneof `{name}` of message `{full}` was deleted. Code switching over its case stops compiling and its fields no longer exclude each other; keep the oneof."
                );
                let old_at = j.old.span(
                    o.file,
                    &[o.path.as_slice(), &[tag::MESSAGE_ONEOF, i as i32]].concat(),
                );
                j.report(&ONEOF_NO_DELETE, old_at, j.new.span(n.file, &n.path), msg);
            }
        }
    }
}

/// A range as buf prints it, inclusive, with `max` for the largest field number.
pub(super) fn range_text(start: i64, end: i64, max: i64) -> String {
    if end >= max {
        format!("[{start},max]")
    } else {
        format!("[{start},{end}]")
    }
}

/// The largest field number (2^29 - 1).
const FIELD_MAX: i64 = 536_870_911;

/// An inclusive range of field or enum numbers.
pub(super) type Range = (i64, i64);

/// Number ranges a message or enum keeps (reserved, or open to extensions), with what a lost
/// value means: each old range that lost values is reported on the element in the new revision.
pub(super) struct KeptRanges<'s> {
    pub rule: &'static BreakingRule,
    /// `Reserved range` or `Extension range`.
    pub kind: &'s str,
    /// `message `pkg.Order``, say.
    pub owner: String,
    /// The largest number, printed as `max`.
    pub max: i64,
    pub why: &'s str,
}

/// Reports the old inclusive `ranges` whose values the new ones no longer cover.
pub(super) fn ranges_kept(
    j: &mut Judge,
    k: &KeptRanges,
    ranges: (&[Range], &[Range]),
    old_at: impl Fn(usize) -> Option<Span>,
    new_at: Option<Span>,
) {
    if !j.on(k.rule) {
        return;
    }
    for (i, range) in ranges.0.iter().enumerate() {
        let gone = missing(*range, ranges.1);
        if gone.is_empty() {
            continue;
        }
        let gone: Vec<String> = gone
            .iter()
            .map(|(s, e)| range_text(*s, *e, k.max))
            .collect();
        let msg = format!(
            "{} {} of {} lost {}. {}",
            k.kind,
            range_text(range.0, range.1, k.max),
            k.owner,
            gone.join(", "),
            k.why
        );
        j.report(k.rule, old_at(i), new_at, msg);
    }
}

/// Reports the reserved names of the old revision that the new one no longer reserves.
pub(super) fn names_kept(
    j: &mut Judge,
    rule: &'static BreakingRule,
    owner: &str,
    names: (&[String], &[String]),
    old_at: impl Fn(usize) -> Option<Span>,
    new_at: Option<Span>,
) {
    for (i, name) in names.0.iter().enumerate() {
        if !names.1.contains(name) {
            let msg = format!(
                "Reserved name \"{name}\" of {owner} is no longer reserved. A new element could take the name and misread JSON and text-format data that still uses it; keep the reservation."
            );
            j.report(rule, old_at(i), new_at, msg);
        }
    }
}

fn reserved_deleted(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    // Message ranges end exclusively.
    let inclusive =
        |r: &prost_types::descriptor_proto::ReservedRange| (r.start() as i64, r.end() as i64 - 1);
    let (old_ranges, new_ranges): (Vec<_>, Vec<_>) = (
        o.d.reserved_range.iter().map(inclusive).collect(),
        n.d.reserved_range.iter().map(inclusive).collect(),
    );
    let old = j.old;
    let at =
        |t: i32| move |i: usize| old.span(o.file, &[o.path.as_slice(), &[t, i as i32]].concat());
    let new_at = j.new.span(n.file, &n.path);
    let kept = KeptRanges {
        rule: &RESERVED_MESSAGE_NO_DELETE,
        kind: "Reserved range",
        owner: format!("message `{full}`"),
        max: FIELD_MAX,
        why: "A new field could reuse those numbers and misread data old clients still send; keep the reservation.",
    };
    ranges_kept(
        j,
        &kept,
        (&old_ranges, &new_ranges),
        at(tag::MESSAGE_RESERVED_RANGE),
        new_at,
    );
    let owner = format!("message `{full}`");
    let names = (o.d.reserved_name.as_slice(), n.d.reserved_name.as_slice());
    names_kept(
        j,
        &RESERVED_MESSAGE_NO_DELETE,
        &owner,
        names,
        at(tag::MESSAGE_RESERVED_NAME),
        new_at,
    );
}

fn extension_ranges_deleted(j: &mut Judge, full: &str, o: &Msg, n: &Msg) {
    let inclusive =
        |r: &prost_types::descriptor_proto::ExtensionRange| (r.start() as i64, r.end() as i64 - 1);
    let (old_ranges, new_ranges): (Vec<_>, Vec<_>) = (
        o.d.extension_range.iter().map(inclusive).collect(),
        n.d.extension_range.iter().map(inclusive).collect(),
    );
    let old = j.old;
    let old_at = move |i: usize| {
        old.span(
            o.file,
            &[o.path.as_slice(), &[tag::MESSAGE_EXTENSION_RANGE, i as i32]].concat(),
        )
    };
    let kept = KeptRanges {
        rule: &EXTENSION_MESSAGE_NO_DELETE,
        kind: "Extension range",
        owner: format!("message `{full}`"),
        max: FIELD_MAX,
        why: "Extensions declared on those numbers stop compiling and their data is no longer read as extensions; keep the range.",
    };
    ranges_kept(
        j,
        &kept,
        (&old_ranges, &new_ranges),
        old_at,
        j.new.span(n.file, &n.path),
    );
}
