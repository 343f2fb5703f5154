//! Field numbers reused across more than two revisions: treaty's own rule. A number deleted in
//! one release and taken by another field in a later one is invisible to a two-revision
//! comparison (the second release just "adds" a field), yet clients built on the first still send
//! the old field under that number.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::index::{Ty, types_of};
use super::shape::type_string;
use super::{FieldAt, Judge, cap};
use crate::breaking_rule;

breaking_rule! {
    /// ## What it does
    /// Reports a field added under a number that an earlier revision (one before the old one;
    /// given as history, oldest first) used for a field of another name or type, deleted since.
    ///
    /// ## Why is this bad?
    /// Clients built on that earlier revision still send the old field under the number; the new
    /// field reads their data as its own, silently wrong. Deleting without `reserved` is what
    /// makes this possible.
    ///
    /// ## Example
    /// v1 has `string legacy_id = 3;`, v2 deletes it, v3 adds `int64 total = 3;`. Give the new
    /// field a new number and add `reserved 3; reserved "legacy_id";`.
    pub FIELD_NUMBER_REUSED = "FIELD_NUMBER_REUSED", formats: [Proto],
    categories: ["FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

/// Every type of each history revision by full name, built on the first added field.
pub(super) type HistoryIndex<'j> = OnceCell<Vec<HashMap<String, Ty<'j>>>>;

pub(super) fn field_added(j: &mut Judge, n: &FieldAt) {
    if j.history.is_empty() || n.is_extension() || !j.on(&FIELD_NUMBER_REUSED) {
        return;
    }
    let history = j.history;
    let index = j.history_index.get_or_init(|| {
        history
            .iter()
            .map(|c| {
                c.proto
                    .as_ref()
                    .map(|p| types_of(&p.descriptors))
                    .unwrap_or_default()
            })
            .collect()
    });
    // The newest earlier use of the number decides.
    for (i, types) in index.iter().enumerate().rev() {
        let Some(Ty::Message(m, _)) = types.get(n.owner_name) else {
            continue;
        };
        let Some(was) = m.field.iter().find(|f| f.number == n.d.number) else {
            continue;
        };
        if was.name() == n.d.name() && type_string(was) == type_string(n.d) {
            return;
        }
        let number = n.d.number();
        let msg = format!(
            "{} reuses number {number}, which revision {} of the history (oldest first) gave to `{}` ({}) before it was deleted. Clients built on that revision still send `{}` as {number} and it is read as the new field; use a new number and add `reserved {number}; reserved \"{}\";`.",
            cap(n.describe()),
            i + 1,
            was.name(),
            type_string(was),
            was.name(),
            was.name()
        );
        let old_at = j
            .old
            .messages
            .get(n.owner_name)
            .and_then(|m| j.old.span(m.file, &m.path));
        let new_at = j.new.span(n.file, &n.path);
        j.report(&FIELD_NUMBER_REUSED, old_at, new_at, msg);
        return;
    }
}
