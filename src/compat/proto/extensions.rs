//! Extensions: deleted ones pair by full name (as buf's deletion rules do); the rest pair by the
//! message they extend and their number, which is what the wire carries, and are judged as fields.

use std::collections::HashMap;

use super::index::Ext;
use super::{Deletion, FieldAt, Judge, Side, fields, judge_deletions};
use crate::breaking_rule;

breaking_rule! {
    /// ## What it does
    /// Reports an extension that is no longer declared in the file it was declared in.
    ///
    /// ## Why is this bad?
    /// Code that reads or sets the extension stops compiling, and its data on the wire is no
    /// longer recognised.
    ///
    /// ## Example
    /// `extend Extendable { optional string note = 100; }` deleted. Keep it; deprecate it first.
    pub EXTENSION_NO_DELETE = "EXTENSION_NO_DELETE", formats: [Proto],
    categories: ["FILE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an extension that no file of its package declares any more (moving it between
    /// files of the same package is fine).
    ///
    /// ## Why is this bad?
    /// Code that reads or sets the extension stops compiling.
    ///
    /// ## Example
    /// `extend Extendable { optional string note = 100; }` deleted from `acme.ext.v1`. Keep it.
    pub PACKAGE_EXTENSION_NO_DELETE = "PACKAGE_EXTENSION_NO_DELETE", formats: [Proto],
    categories: ["PACKAGE"], default: false, severity: Error, bump: Major
}

pub(super) fn judge(j: &mut Judge) {
    let (old, new) = (j.old, j.new);
    let deletion = Deletion {
        kind: "extension",
        file_rule: &EXTENSION_NO_DELETE,
        package_rule: &PACKAGE_EXTENSION_NO_DELETE,
        why: "Code that reads or sets it stops compiling and its data is no longer recognised.",
    };
    judge_deletions(j, &deletion, &old.extensions, &new.extensions, |_| false);
    let by_number: HashMap<(&str, i32), &Ext> = new
        .extensions
        .values()
        .map(|x| ((x.d.extendee(), x.d.number()), x))
        .collect();
    for o in old.extensions.values() {
        if let Some(n) = by_number.get(&(o.d.extendee(), o.d.number())) {
            fields::pair(j, &field_at(old, o), &field_at(new, n));
        }
    }
}

fn field_at<'a>(side: &Side<'a>, x: &Ext<'a>) -> FieldAt<'a> {
    FieldAt {
        d: x.d,
        owner: None,
        owner_name: x.d.extendee().trim_start_matches('.'),
        file: x.file,
        path: x.path.clone(),
        syntax: side.files[x.file].syntax,
    }
}
