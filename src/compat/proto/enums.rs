//! Enums and their values: enums pair by full name, values by number.

use super::index::{Enm, Syntax, tag};
use super::messages::{KeptRanges, names_kept, ranges_kept};
use super::{Deletion, Judge, additions, comments, judge_deletions};
use crate::breaking_rule;

breaking_rule! {
    /// ## What it does
    /// Reports an enum (nested ones included) that is no longer declared in the file it was
    /// declared in.
    ///
    /// ## Why is this bad?
    /// Generated code loses the type: consumers that name it stop compiling.
    ///
    /// ## Example
    /// `enum Color { … }` deleted from `paint.proto`, or moved to another file. Keep it; deprecate
    /// it first and remove it in a new major version.
    pub ENUM_NO_DELETE = "ENUM_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum that no file of its package declares any more (moving it between files of
    /// the same package is fine).
    ///
    /// ## Why is this bad?
    /// Consumers that name the type stop compiling.
    ///
    /// ## Example
    /// `enum Color` deleted from `acme.paint.v1`. Keep it, or deprecate it and remove it in a new
    /// major version.
    pub PACKAGE_ENUM_NO_DELETE = "PACKAGE_ENUM_NO_DELETE", formats: [Proto],
    categories: ["PACKAGE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum that changed between open (proto3: unknown values are kept) and closed
    /// (proto2: unknown values go to the unknown fields), usually by a syntax change of its file.
    ///
    /// ## Why is this bad?
    /// Readers treat values they do not know differently: a closed enum field drops them, and code
    /// that relied on seeing them (or on never seeing them) changes behaviour.
    ///
    /// ## Example
    /// The file of `enum Color` changes from `syntax = "proto2";` to `syntax = "proto3";`.
    pub ENUM_SAME_TYPE = "ENUM_SAME_TYPE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum whose JSON support went from full (`ALLOW`, proto3) to best effort
    /// (`LEGACY_BEST_EFFORT`, proto2).
    ///
    /// ## Why is this bad?
    /// JSON name conflicts among values are no longer rejected, so JSON for the enum may not
    /// round-trip for consumers.
    ///
    /// ## Example
    /// The file of `enum Color` changes from `syntax = "proto3";` to `syntax = "proto2";`.
    pub ENUM_SAME_JSON_FORMAT = "ENUM_SAME_JSON_FORMAT", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum value (by number) that was deleted.
    ///
    /// ## Why is this bad?
    /// Generated constants disappear (consumers stop compiling), and a value old clients still
    /// send is unknown to new readers.
    ///
    /// ## Example
    /// `COLOR_RED = 1;` deleted from `enum Color`. Deprecate it instead
    /// (`COLOR_RED = 1 [deprecated = true];`); when it must go, reserve it.
    pub ENUM_VALUE_NO_DELETE = "ENUM_VALUE_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum value deleted without reserving its number.
    ///
    /// ## Why is this bad?
    /// A later value can take the number, and old clients' data is read as that new value.
    ///
    /// ## Example
    /// `COLOR_GREEN = 2;` deleted without `reserved 2;`. Add the reservation.
    pub ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED = "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", formats: [Proto],
    categories: ["CSR", "WIRE_JSON", "WIRE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum value deleted without reserving its name.
    ///
    /// ## Why is this bad?
    /// JSON carries enum values by name: a later value that takes the name reads old JSON meant
    /// for the deleted one.
    ///
    /// ## Example
    /// `COLOR_GREEN = 2;` deleted without `reserved "COLOR_GREEN";`. Add the reservation.
    pub ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED = "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", formats: [Proto],
    categories: ["CSR", "WIRE_JSON"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an enum number whose name (or, with `allow_alias`, set of names) changed.
    ///
    /// ## Why is this bad?
    /// The binary encoding carries numbers, but JSON and generated constants use names: JSON
    /// clients send a name the server no longer knows, and code using the constant stops compiling.
    ///
    /// ## Example
    /// `COLOR_RED = 1;` becomes `COLOR_CRIMSON = 1;`. Keep the name; add an alias with
    /// `option allow_alias = true;` if a new name is needed.
    pub ENUM_VALUE_SAME_NAME = "ENUM_VALUE_SAME_NAME", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports reserved numbers or names of an enum that are no longer reserved.
    ///
    /// ## Why is this bad?
    /// A new value could take a number or name that old clients still send for a deleted value.
    ///
    /// ## Example
    /// `reserved 5 to 10;` becomes `reserved 5 to 8;`. Reservations only ever grow.
    pub RESERVED_ENUM_NO_DELETE = "RESERVED_ENUM_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

pub(super) fn judge(j: &mut Judge) {
    let (old, new) = (j.old, j.new);
    let deletion = Deletion {
        kind: "enum",
        file_rule: &ENUM_NO_DELETE,
        package_rule: &PACKAGE_ENUM_NO_DELETE,
        why: "Code that names the type stops compiling.",
    };
    judge_deletions(j, &deletion, &old.enums, &new.enums, |_| false);
    for (full, o) in &old.enums {
        if let Some(n) = new.enums.get(full) {
            pair(j, full, o, n);
        }
    }
    for (full, n) in &new.enums {
        if !old.enums.contains_key(full) {
            additions::enumeration(j, full, n);
        }
    }
}

fn value_path(e: &Enm, i: usize) -> Vec<i32> {
    [e.path.as_slice(), &[tag::ENUM_VALUE, i as i32]].concat()
}

fn pair(j: &mut Judge, full: &str, o: &Enm, n: &Enm) {
    let (os, ns) = (j.old.files[o.file].syntax, j.new.files[n.file].syntax);
    let (old_at, new_at) = (j.old.span(o.file, &o.path), j.new.span(n.file, &n.path));
    if os != ns {
        let kind = |s: Syntax| {
            if s == Syntax::Proto3 {
                "open"
            } else {
                "closed"
            }
        };
        let msg = format!(
            "Enum `{full}` changed from {} to {} (its file is {} now). Readers handle values they do not know differently (kept, or moved to unknown fields); keep the file's syntax.",
            kind(os),
            kind(ns),
            ns.as_str()
        );
        j.report(&ENUM_SAME_TYPE, old_at, new_at, msg);
    }
    if os == Syntax::Proto3 && ns == Syntax::Proto2 {
        let msg = format!(
            "The JSON format of enum `{full}` changed from ALLOW to LEGACY_BEST_EFFORT (its file is proto2 now). JSON name conflicts among values are no longer rejected; keep proto3."
        );
        j.report(&ENUM_SAME_JSON_FORMAT, old_at, new_at, msg);
    }
    values(j, full, o, n);
    reserved_deleted(j, full, o, n);
    comments::element(
        j,
        || format!("enum `{full}`"),
        (o.file, &o.path),
        (n.file, &n.path),
    );
}

fn names_of<'a>(e: &Enm<'a>, number: i32) -> Vec<&'a str> {
    let mut names: Vec<&str> =
        e.d.value
            .iter()
            .filter(|v| v.number() == number)
            .map(|v| v.name())
            .collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn values(j: &mut Judge, full: &str, o: &Enm, n: &Enm) {
    let new_at = j.new.span(n.file, &n.path);
    let mut seen = Vec::new();
    for (i, v) in o.d.value.iter().enumerate() {
        let number = v.number();
        if seen.contains(&number) {
            continue;
        }
        seen.push(number);
        let old_at = j.old.span(o.file, &value_path(o, i));
        if !n.d.value.iter().any(|w| w.number() == number) {
            value_deleted(j, full, o, n, number, v.name(), old_at, new_at);
            continue;
        }
        let (before, after) = (names_of(o, number), names_of(n, number));
        if before != after {
            let quote = |names: &[&str]| {
                names
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            for (k, w) in n.d.value.iter().enumerate() {
                if w.number() != number {
                    continue;
                }
                let msg = format!(
                    "Enum value {number} of `{full}` changed name from {} to {}. JSON and generated constants use the name, so JSON clients send a name the server no longer knows and code stops compiling; keep the old name (add an alias with `allow_alias` if needed).",
                    quote(&before),
                    quote(&after)
                );
                let number_path = [value_path(n, k).as_slice(), &[tag::VALUE_NUMBER]].concat();
                let at = j.new.span_first(n.file, &[&number_path, &value_path(n, k)]);
                let was = j.old.span_first(
                    o.file,
                    &[
                        &[value_path(o, i).as_slice(), &[tag::VALUE_NUMBER]].concat(),
                        &value_path(o, i),
                    ],
                );
                j.report(&ENUM_VALUE_SAME_NAME, was, at, msg);
            }
        }
        if let Some(k) =
            n.d.value
                .iter()
                .position(|w| w.number() == number && w.name() == v.name())
        {
            let what = || format!("enum value `{}` of `{full}`", v.name());
            comments::element(
                j,
                what,
                (o.file, &value_path(o, i)),
                (n.file, &value_path(n, k)),
            );
        }
    }
    for (k, w) in n.d.value.iter().enumerate() {
        if !o.d.value.iter().any(|v| v.number() == w.number())
            && !n.d.value[..k].iter().any(|x| x.number() == w.number())
        {
            additions::enum_value(j, full, n, k, o);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn value_deleted(
    j: &mut Judge,
    full: &str,
    o: &Enm,
    n: &Enm,
    number: i32,
    name: &str,
    old_at: Option<crate::source::Span>,
    new_at: Option<crate::source::Span>,
) {
    let msg = format!(
        "Enum value {number} `{name}` of `{full}` was deleted. Code using the constant stops compiling and the value old clients send is unknown to new readers; deprecate it, or reserve it: `reserved {number}; reserved \"{name}\";`"
    );
    j.report(&ENUM_VALUE_NO_DELETE, old_at, new_at, msg);
    if !n
        .d
        .reserved_range
        .iter()
        .any(|r| r.start() <= number && number <= r.end())
    {
        let msg = format!(
            "Enum value {number} `{name}` of `{full}` was deleted without reserving its number. A later value could reuse {number} and misread data old clients send; add `reserved {number};`."
        );
        j.report(
            &ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED,
            old_at,
            new_at,
            msg,
        );
    }
    if let Some(unreserved) = names_of(o, number)
        .into_iter()
        .find(|nm| !n.d.reserved_name.iter().any(|r| r == nm))
    {
        let msg = format!(
            "Enum value {number} `{unreserved}` of `{full}` was deleted without reserving its name. A later value could take the name and read JSON old clients send; add `reserved \"{unreserved}\";`."
        );
        j.report(
            &ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED,
            old_at,
            new_at,
            msg,
        );
    }
}

fn reserved_deleted(j: &mut Judge, full: &str, o: &Enm, n: &Enm) {
    // Enum ranges end inclusively.
    let inclusive = |r: &prost_types::enum_descriptor_proto::EnumReservedRange| {
        (r.start() as i64, r.end() as i64)
    };
    let (old_ranges, new_ranges): (Vec<_>, Vec<_>) = (
        o.d.reserved_range.iter().map(inclusive).collect(),
        n.d.reserved_range.iter().map(inclusive).collect(),
    );
    let old = j.old;
    let at =
        |t: i32| move |i: usize| old.span(o.file, &[o.path.as_slice(), &[t, i as i32]].concat());
    let new_at = j.new.span(n.file, &n.path);
    let kept = KeptRanges {
        rule: &RESERVED_ENUM_NO_DELETE,
        kind: "Reserved range",
        owner: format!("enum `{full}`"),
        max: i32::MAX as i64,
        why: "A new value could reuse those numbers and misread data old clients send; keep the reservation.",
    };
    ranges_kept(
        j,
        &kept,
        (&old_ranges, &new_ranges),
        at(tag::ENUM_RESERVED_RANGE),
        new_at,
    );
    let owner = format!("enum `{full}`");
    let names = (o.d.reserved_name.as_slice(), n.d.reserved_name.as_slice());
    names_kept(
        j,
        &RESERVED_ENUM_NO_DELETE,
        &owner,
        names,
        at(tag::ENUM_RESERVED_NAME),
        new_at,
    );
}
