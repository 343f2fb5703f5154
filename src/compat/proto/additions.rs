//! Additions: treaty's own rules (buf reports no additions). They break nobody, but they are what
//! makes a release a minor one, so the verdict can tell a minor release from a patch. Only the
//! outermost new element is reported: a new message's fields and nested types come with it.

use super::index::{Enm, Msg, Svc, tag};
use super::shape::is_map_entry;
use super::{FieldAt, Judge, cap};
use crate::breaking_rule;

breaking_rule! {
    /// ## What it does
    /// Notes a service that the new revision adds.
    ///
    /// ## Why is this bad?
    /// It is not: nothing breaks. It is new API, which needs a minor release rather than a patch.
    ///
    /// ## Example
    /// `service RefundService { … }` added to `billing.proto`.
    pub SERVICE_ADDED = "SERVICE_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Notes an RPC added to an existing service.
    ///
    /// ## Why is this bad?
    /// It is not: existing clients keep working. It is new API, which needs a minor release.
    ///
    /// ## Example
    /// `rpc Refund(RefundRequest) returns (RefundResponse);` added to `service Billing`.
    pub RPC_ADDED = "RPC_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Notes a message the new revision adds (map entries, which `map<K, V>` fields synthesize,
    /// are not messages here; nested messages of a new message come with it).
    ///
    /// ## Why is this bad?
    /// It is not: nothing breaks. It is new API, which needs a minor release.
    ///
    /// ## Example
    /// `message Refund { … }` added.
    pub MESSAGE_ADDED = "MESSAGE_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Notes an enum the new revision adds.
    ///
    /// ## Why is this bad?
    /// It is not: nothing breaks. It is new API, which needs a minor release.
    ///
    /// ## Example
    /// `enum RefundReason { … }` added.
    pub ENUM_ADDED = "ENUM_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Notes a field added to an existing message.
    ///
    /// ## Why is this bad?
    /// It is not: old readers skip unknown fields and new readers see the default when old
    /// writers leave it out. It is new API, which needs a minor release.
    ///
    /// ## Example
    /// `string note = 7;` added to `message Order`.
    pub FIELD_ADDED = "FIELD_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Notes a value (a new number) added to an existing enum.
    ///
    /// ## Why is this bad?
    /// Not for the wire, but consumers with exhaustive `match`/`switch` over the enum should
    /// handle it, and closed (proto2) enums keep it out of the field for old readers. It is new
    /// API, which needs a minor release.
    ///
    /// ## Example
    /// `COLOR_BLUE = 3;` added to `enum Color`.
    pub ENUM_VALUE_ADDED = "ENUM_VALUE_ADDED", formats: [Proto],
    categories: ["ADDITIONS"], default: true, severity: Info, bump: Minor
}

/// Where the enclosing message of a new element was in the old revision, if the element is the
/// outermost new one; `None` (skip) when its enclosing message is new too.
fn enclosing_old(j: &Judge, full: &str, package: &str) -> Option<Option<crate::source::Span>> {
    let parent = full
        .rsplit_once('.')
        .map(|(p, _)| p)
        .filter(|p| *p != package);
    match parent {
        Some(p) if j.new.messages.contains_key(p) => {
            j.old.messages.get(p).map(|m| j.old.span(m.file, &m.path))
        }
        _ => Some(None),
    }
}

pub(super) fn message(j: &mut Judge, full: &str, n: &Msg) {
    if is_map_entry(n.d) || !j.on(&MESSAGE_ADDED) {
        return;
    }
    let Some(old_at) = enclosing_old(j, full, j.new.files[n.file].package) else {
        return;
    };
    let msg = format!(
        "Message `{full}` was added. Nothing breaks; it is new API, which needs a minor release."
    );
    j.report(&MESSAGE_ADDED, old_at, j.new.span(n.file, &n.path), msg);
}

pub(super) fn enumeration(j: &mut Judge, full: &str, n: &Enm) {
    if !j.on(&ENUM_ADDED) {
        return;
    }
    let Some(old_at) = enclosing_old(j, full, j.new.files[n.file].package) else {
        return;
    };
    let msg = format!(
        "Enum `{full}` was added. Nothing breaks; it is new API, which needs a minor release."
    );
    j.report(&ENUM_ADDED, old_at, j.new.span(n.file, &n.path), msg);
}

pub(super) fn service(j: &mut Judge, full: &str, n: &Svc) {
    let msg = format!(
        "Service `{full}` was added. Nothing breaks; it is new API, which needs a minor release."
    );
    j.report(&SERVICE_ADDED, None, j.new.span(n.file, &n.path), msg);
}

pub(super) fn rpc(
    j: &mut Judge,
    service: &str,
    name: &str,
    (nf, np): (usize, &[i32]),
    (of, op): (usize, &[i32]),
) {
    let msg = format!(
        "RPC `{name}` was added to service `{service}`. Existing clients keep working; it is new API, which needs a minor release."
    );
    j.report(&RPC_ADDED, j.old.span(of, op), j.new.span(nf, np), msg);
}

pub(super) fn field(j: &mut Judge, n: &FieldAt, o: &Msg) {
    let msg = format!(
        "{} was added. Old readers skip it and new readers see its default when old writers leave it out; it is new API, which needs a minor release.",
        cap(n.describe())
    );
    j.report(
        &FIELD_ADDED,
        j.old.span(o.file, &o.path),
        j.new.span(n.file, &n.path),
        msg,
    );
}

pub(super) fn enum_value(j: &mut Judge, full: &str, n: &Enm, k: usize, o: &Enm) {
    let v = &n.d.value[k];
    let msg = format!(
        "Enum value {} `{}` was added to `{full}`. Consumers that match exhaustively on the enum should handle it; it is new API, which needs a minor release.",
        v.number(),
        v.name()
    );
    let path = [n.path.as_slice(), &[tag::ENUM_VALUE, k as i32]].concat();
    j.report(
        &ENUM_VALUE_ADDED,
        j.old.span(o.file, &o.path),
        j.new.span(n.file, &path),
        msg,
    );
}
