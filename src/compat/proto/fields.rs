//! Fields (and extensions, which are fields declared elsewhere): deletion, name, JSON name, type,
//! cardinality and presence, oneof membership, default, and the options that change generated
//! code. Fields pair by number; extensions by extended message and number.

use prost_types::FieldDescriptorProto;
use prost_types::field_descriptor_proto::Type;
use prost_types::field_options::{CType, JsType};

use super::index::{Msg, Syntax, tag};
use super::shape::{
    Cardinality, cardinality, default_value, json_group, kind_name, oneof_of, same_default,
    same_shape, type_string, wire_group,
};
use super::{FieldAt, Judge, cap, comments};
use crate::breaking_rule;
use crate::compat::rule::BreakingRule;

breaking_rule! {
    /// ## What it does
    /// Reports a field that was deleted from a message (fields pair by number).
    ///
    /// ## Why is this bad?
    /// Consumers that still send or read the field lose its data, and generated code loses the
    /// accessor, so code using it stops compiling.
    ///
    /// ## Example
    /// ```proto
    /// message Topic { string name = 1; string kms_key_name = 5; }   // old
    /// message Topic { string name = 1; }                             // new
    /// ```
    /// Deprecate the field instead; when it must go, reserve it:
    /// `reserved 5; reserved "kms_key_name";`.
    pub FIELD_NO_DELETE = "FIELD_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field deleted without reserving its number.
    ///
    /// ## Why is this bad?
    /// A later field can take the number; old clients still send the deleted field under it, and
    /// their data is read as the new field, silently wrong.
    ///
    /// ## Example
    /// `string kms_key_name = 5;` deleted without `reserved 5;`. Add `reserved 5;` in its place.
    pub FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED = "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", formats: [Proto],
    categories: ["CSR", "WIRE_JSON", "WIRE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field deleted without reserving its name.
    ///
    /// ## Why is this bad?
    /// JSON and text format carry field names: a later field that takes the name reads old data
    /// meant for the deleted field.
    ///
    /// ## Example
    /// `string kms_key_name = 5;` deleted without `reserved "kms_key_name";`. Add the reservation.
    pub FIELD_NO_DELETE_UNLESS_NAME_RESERVED = "FIELD_NO_DELETE_UNLESS_NAME_RESERVED", formats: [Proto],
    categories: ["CSR", "WIRE_JSON"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose name changed (same number).
    ///
    /// ## Why is this bad?
    /// The binary encoding only carries numbers, but JSON and text format carry names, and
    /// generated code renames the accessor: consumers stop compiling, and JSON clients send a
    /// name the server ignores.
    ///
    /// ## Example
    /// `string order_id = 1;` becomes `string id = 1;`. Keep the name; add a new field if the
    /// meaning changed.
    pub FIELD_SAME_NAME = "FIELD_SAME_NAME", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose JSON name changed (by `json_name`, or by a rename).
    ///
    /// ## Why is this bad?
    /// JSON clients send and read the field under the old key; the server ignores the one and
    /// the clients miss the other.
    ///
    /// ## Example
    /// `string order_id = 1;` (JSON `orderId`) becomes `string order_id = 1 [json_name = "id"];`.
    /// Keep the JSON name.
    pub FIELD_SAME_JSON_NAME = "FIELD_SAME_JSON_NAME", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose type changed, including a message or enum type that was renamed or
    /// moved.
    ///
    /// ## Why is this bad?
    /// Generated code changes the accessor's type, so consumers stop compiling; most type changes
    /// also change the encoding (see `FIELD_WIRE_COMPATIBLE_TYPE`).
    ///
    /// ## Example
    /// `int32 quantity = 1;` becomes `int64 quantity = 1;`. Add a field with the new type and
    /// deprecate the old one.
    pub FIELD_SAME_TYPE = "FIELD_SAME_TYPE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field type change that the binary encoding cannot absorb: different varint
    /// encodings (`int32` → `sint32`), different widths (`fixed32` → `fixed64`), bytes read as a
    /// string, enum ↔ integer, or a message or enum replaced by one of another shape. Unlike buf,
    /// a message or enum that was only renamed or moved (same fields, types and values) is not
    /// reported here: the bytes are the same.
    ///
    /// ## Why is this bad?
    /// Readers on the old revision misread what writers on the new one send, and vice versa.
    ///
    /// ## Example
    /// `int32 b = 2;` becomes `sint32 b = 2;` (zigzag encoding). `int32` → `int64` is fine on the
    /// wire.
    pub FIELD_WIRE_COMPATIBLE_TYPE = "FIELD_WIRE_COMPATIBLE_TYPE", formats: [Proto],
    categories: ["WIRE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field type change that either the binary encoding or the JSON mapping cannot
    /// absorb: on top of `FIELD_WIRE_COMPATIBLE_TYPE`, 32 ↔ 64-bit integers (JSON writes 64-bit
    /// integers as strings), string ↔ bytes (bytes are base64 in JSON) and bool ↔ integer. As in
    /// `FIELD_WIRE_COMPATIBLE_TYPE`, a renamed or moved type of the same shape is not reported.
    ///
    /// ## Why is this bad?
    /// JSON clients parse the value with the old type and fail or read it wrong.
    ///
    /// ## Example
    /// `int32 a = 1;` becomes `int64 a = 1;`: `5` becomes `"5"` in JSON.
    pub FIELD_WIRE_JSON_COMPATIBLE_TYPE = "FIELD_WIRE_JSON_COMPATIBLE_TYPE", formats: [Proto],
    categories: ["CSR", "WIRE_JSON"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose cardinality changed between singular, repeated, map and required.
    /// Adding or removing proto3 `optional` (presence) is reported by `FIELD_SAME_PRESENCE`
    /// instead, unlike buf, which reports it here.
    ///
    /// ## Why is this bad?
    /// Generated code changes from a value to a list (or back): consumers stop compiling, and
    /// readers misinterpret the data.
    ///
    /// ## Example
    /// `string id = 1;` becomes `repeated string id = 1;`. Add a new repeated field instead.
    pub FIELD_SAME_CARDINALITY = "FIELD_SAME_CARDINALITY", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a cardinality change the binary encoding cannot absorb: singular ↔ repeated,
    /// anything ↔ required. A map and a repeated field of its entry message are the same on the
    /// wire, as are both presences.
    ///
    /// ## Why is this bad?
    /// A singular reader keeps only the last of several values; a required field changes which
    /// messages parse at all.
    ///
    /// ## Example
    /// `int32 count = 1;` becomes `repeated int32 count = 1;`.
    pub FIELD_WIRE_COMPATIBLE_CARDINALITY = "FIELD_WIRE_COMPATIBLE_CARDINALITY", formats: [Proto],
    categories: ["WIRE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a cardinality change the binary encoding or the JSON mapping cannot absorb: as
    /// `FIELD_WIRE_COMPATIBLE_CARDINALITY`, and also map ↔ repeated (an object in JSON, not an
    /// array).
    ///
    /// ## Why is this bad?
    /// JSON clients expect a value and receive an array (or the reverse) and fail to parse.
    ///
    /// ## Example
    /// `map<string, int32> counts = 1;` becomes `repeated CountEntry counts = 1;`.
    pub FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY = "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", formats: [Proto],
    categories: ["CSR", "WIRE_JSON"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a singular field that gained or lost presence tracking: proto3 `optional` added to
    /// or removed from a scalar, or a proto2 ↔ proto3 change of its file. treaty's own rule: buf
    /// reports this as `FIELD_SAME_CARDINALITY`.
    ///
    /// ## Why is this bad?
    /// It does not break the wire or JSON: the encoding is the same and a reader without presence
    /// reads an absent value as the default it already assumed. So it is a warning, not an error.
    /// It does change generated code: Go turns `int32` into `*int32`, Rust `i32` into
    /// `Option<i32>`, and `has_…` accessors appear or disappear in C++, Java and Python, so code
    /// built on a published SDK needs edits; hence the major bump (lower it through
    /// `breaking.bump` when no generated code is published).
    ///
    /// ## Example
    /// `int32 count = 2;` becomes `optional int32 count = 2;`.
    pub FIELD_SAME_PRESENCE = "FIELD_SAME_PRESENCE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Warning, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field that moved into a oneof, out of one, or to another oneof (proto3
    /// `optional` fields are not in a oneof here).
    ///
    /// ## Why is this bad?
    /// Setting one member of a oneof clears the others, so data that used to coexist is now lost
    /// (or the reverse), and generated accessors move.
    ///
    /// ## Example
    /// `Card card = 1;` moves into `oneof method { … }`. Leave existing fields where they are.
    pub FIELD_SAME_ONEOF = "FIELD_SAME_ONEOF", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose default value changed (the explicit `default`, or the implicit zero
    /// or first enum value).
    ///
    /// ## Why is this bad?
    /// An absent field reads as the default: old and new readers disagree about the value of
    /// every message that leaves the field unset.
    ///
    /// ## Example
    /// `optional int32 size = 1 [default = 50];` becomes `[default = 100]`. Keep the default.
    pub FIELD_SAME_DEFAULT = "FIELD_SAME_DEFAULT", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a string or bytes field whose C++ string type changed (the `ctype` option:
    /// `STRING`, `CORD`, `STRING_PIECE`).
    ///
    /// ## Why is this bad?
    /// The generated C++ accessors change type; C++ consumers stop compiling.
    ///
    /// ## Example
    /// `optional string body = 1;` becomes `optional string body = 1 [ctype = CORD];`.
    pub FIELD_SAME_CPP_STRING_TYPE = "FIELD_SAME_CPP_STRING_TYPE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a string field whose UTF-8 validation in Java changed: the file option
    /// `java_string_check_utf8` (proto3 strings are always validated).
    ///
    /// ## Why is this bad?
    /// Java code starts rejecting (or accepting) strings that are not valid UTF-8, so messages
    /// that parsed before fail, or the reverse.
    ///
    /// ## Example
    /// `option java_string_check_utf8 = true;` added to a proto2 file with string fields.
    pub FIELD_SAME_JAVA_UTF8_VALIDATION = "FIELD_SAME_JAVA_UTF8_VALIDATION", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a field whose `jstype` option changed (`JS_NORMAL`, `JS_STRING`, `JS_NUMBER`).
    ///
    /// ## Why is this bad?
    /// Generated JavaScript changes the field between a number and a string.
    ///
    /// ## Example
    /// `int64 value = 1;` becomes `int64 value = 1 [jstype = JS_STRING];`.
    pub FIELD_SAME_JSTYPE = "FIELD_SAME_JSTYPE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a string field whose UTF-8 validation changed: proto2 strings are not validated,
    /// proto3 strings are.
    ///
    /// ## Why is this bad?
    /// Parsers start rejecting messages whose strings are not valid UTF-8 (or stop rejecting
    /// them), so data that parsed before fails.
    ///
    /// ## Example
    /// A proto2 file with `repeated string lines = 1;` becomes proto3.
    pub FIELD_SAME_UTF8_VALIDATION = "FIELD_SAME_UTF8_VALIDATION", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

/// Judges a field present on both sides.
pub(super) fn pair(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    same_name(j, o, n);
    same_json_name(j, o, n);
    same_type(j, o, n);
    same_cardinality(j, o, n);
    same_oneof(j, o, n);
    default_kept(j, o, n);
    same_cpp_string_type(j, o, n);
    same_jstype(j, o, n);
    same_java_utf8(j, o, n);
    same_utf8(j, o, n);
    comments::element(j, || n.describe(), (o.file, &o.path), (n.file, &n.path));
}

/// Judges a field of a message pair that is gone from the new message.
pub(super) fn deleted(j: &mut Judge, o: &FieldAt, n: &Msg) {
    let (number, name) = (o.d.number(), o.d.name());
    let old_at = j.old.span(o.file, &o.path);
    let new_at = j.new.span(n.file, &n.path);
    let what = cap(o.describe());
    let msg = format!(
        "{what} was deleted. Consumers that still send or read it lose the data; reserve the number and name instead: `reserved {number}; reserved \"{name}\";`"
    );
    j.report(&FIELD_NO_DELETE, old_at, new_at, msg);
    let number_reserved =
        n.d.reserved_range
            .iter()
            .any(|r| r.start() <= number && number < r.end());
    if !number_reserved {
        let msg = format!(
            "{what} was deleted without reserving its number. A later field could reuse {number} and misread data old clients still send; add `reserved {number};`."
        );
        j.report(&FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED, old_at, new_at, msg);
    }
    if !n.d.reserved_name.iter().any(|r| r == name) {
        let msg = format!(
            "{what} was deleted without reserving its name. A later field could take the name and read JSON that old clients still send for this one; add `reserved \"{name}\";`."
        );
        j.report(&FIELD_NO_DELETE_UNLESS_NAME_RESERVED, old_at, new_at, msg);
    }
}

/// The span of a part of a field (`tags` tried in order), else of the whole field.
fn part(j: &Judge, f: &FieldAt, new: bool, tags: &[i32]) -> Option<crate::source::Span> {
    let side = if new { j.new } else { j.old };
    let paths: Vec<Vec<i32>> = tags
        .iter()
        .map(|t| f.sub(*t))
        .chain([f.path.clone()])
        .collect();
    let refs: Vec<&[i32]> = paths.iter().map(Vec::as_slice).collect();
    side.span_first(f.file, &refs)
}

fn whole(j: &Judge, f: &FieldAt, new: bool) -> Option<crate::source::Span> {
    part(j, f, new, &[])
}

fn same_name(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    if o.d.name() == n.d.name() {
        return;
    }
    let msg = format!(
        "{} was renamed from `{}`. Generated accessors, JSON and text format use the name, so consumers stop compiling and JSON clients send a key the server ignores; keep the old name.",
        cap(n.describe()),
        o.d.name()
    );
    j.report(
        &FIELD_SAME_NAME,
        part(j, o, false, &[tag::FIELD_NAME]),
        part(j, n, true, &[tag::FIELD_NAME]),
        msg,
    );
}

/// The JSON name protoc derives from a field name: underscores dropped, the next letter upper.
fn json_name(f: &FieldDescriptorProto) -> String {
    if let Some(n) = &f.json_name {
        return n.clone();
    }
    let mut out = String::new();
    let mut upper = false;
    for c in f.name().chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn same_json_name(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    // Extensions are written in JSON under their full name in brackets, not a JSON name.
    if o.is_extension() || n.is_extension() {
        return;
    }
    if o.d.json_name.is_some() && o.d.json_name == n.d.json_name {
        return;
    }
    let (before, after) = (json_name(o.d), json_name(n.d));
    if before == after {
        return;
    }
    let msg = format!(
        "{} changed its JSON name from \"{before}\" to \"{after}\". JSON clients send and read the old key, which the server ignores; keep the JSON name (set `json_name = \"{before}\"` if the field was renamed).",
        cap(n.describe())
    );
    let tags = [tag::FIELD_JSON_NAME];
    j.report(
        &FIELD_SAME_JSON_NAME,
        part(j, o, false, &tags),
        part(j, n, true, &tags),
        msg,
    );
}

fn same_type(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    let (ot, nt) = (o.d.r#type(), n.d.r#type());
    if ot == nt && o.d.type_name() == n.d.type_name() {
        return;
    }
    let tags = [tag::FIELD_TYPE_NAME, tag::FIELD_TYPE];
    let (old_at, new_at) = (part(j, o, false, &tags), part(j, n, true, &tags));
    let (before, after) = (type_string(o.d), type_string(n.d));
    let renamed = matches!(
        (ot, nt),
        (Type::Message, Type::Message) | (Type::Enum, Type::Enum) | (Type::Group, Type::Group)
    );
    let why = if renamed {
        "Generated code changes the field's type, so consumers stop compiling"
    } else {
        "Generated code changes the field's type and most such changes also change the encoding"
    };
    let msg = format!(
        "{} changed type from `{before}` to `{after}`. {why}; add a new field with the new type and deprecate this one.",
        cap(n.describe())
    );
    j.report(&FIELD_SAME_TYPE, old_at, new_at, msg);
    wire_type(j, o, n, &FIELD_WIRE_COMPATIBLE_TYPE, wire_group, false);
    wire_type(j, o, n, &FIELD_WIRE_JSON_COMPATIBLE_TYPE, json_group, true);
}

/// A type change judged by the binary encoding (and, with `json`, the JSON mapping too).
fn wire_type(
    j: &mut Judge,
    o: &FieldAt,
    n: &FieldAt,
    rule: &'static BreakingRule,
    group: fn(Type) -> u8,
    json: bool,
) {
    if !j.on(rule) {
        return;
    }
    let (ot, nt) = (o.d.r#type(), n.d.r#type());
    let encoding = if json {
        "binary or JSON encoding"
    } else {
        "binary encoding"
    };
    let why = if group(ot) != group(nt) {
        format!(
            "`{}` and `{}` differ in their {encoding}, so each side misreads what the other wrote",
            kind_name(ot),
            kind_name(nt)
        )
    } else if ot == Type::Bytes && nt == Type::String {
        "bytes may hold data that is not valid UTF-8, which string readers reject".to_string()
    } else if matches!(nt, Type::Message | Type::Enum | Type::Group)
        && o.d.type_name() != n.d.type_name()
        // treaty: a type that was only renamed or moved has the same bytes and JSON (buf flags it).
        && !same_shape(j.old, j.new, o.d.type_name(), n.d.type_name())
    {
        format!(
            "`{}` and `{}` are not the same shape, so their data does not read as each other",
            type_string(o.d),
            type_string(n.d)
        )
    } else {
        return;
    };
    let msg = format!(
        "{} changed type from `{}` to `{}`: {why}. Add a new field with the new type and deprecate this one.",
        cap(n.describe()),
        type_string(o.d),
        type_string(n.d)
    );
    let tags = [tag::FIELD_TYPE_NAME, tag::FIELD_TYPE];
    j.report(rule, part(j, o, false, &tags), part(j, n, true, &tags), msg);
}

fn same_cardinality(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    let (oc, nc) = (
        cardinality(j.old, o.syntax, o.d),
        cardinality(j.new, n.syntax, n.d),
    );
    if oc == nc {
        return;
    }
    let (old_at, new_at) = (whole(j, o, false), whole(j, n, true));
    let what = cap(n.describe());
    if oc.is_optional() && nc.is_optional() {
        // A message field always has presence: a change to or from one is the type change
        // `FIELD_SAME_TYPE` reports, not a presence change of its own.
        let message = |f: &FieldAt| matches!(f.d.r#type(), Type::Message | Type::Group);
        if message(o) || message(n) {
            return;
        }
        let msg = format!(
            "{what} changed from {} to {}. The wire and JSON are unaffected, but generated code changes shape (Go pointers, Rust `Option`, `has_` accessors); regenerate and update callers, or keep the field as it was.",
            oc.describe(),
            nc.describe()
        );
        j.report(&FIELD_SAME_PRESENCE, old_at, new_at, msg);
        return;
    }
    let change = format!(
        "{what} changed cardinality from {} to {}",
        oc.describe(),
        nc.describe()
    );
    j.report(
        &FIELD_SAME_CARDINALITY,
        old_at,
        new_at,
        format!("{change}. Generated code changes between a value and a collection, so consumers stop compiling; add a new field instead."),
    );
    let map_repeated = matches!(
        (oc, nc),
        (Cardinality::Map, Cardinality::Repeated) | (Cardinality::Repeated, Cardinality::Map)
    );
    if !map_repeated {
        j.report(
            &FIELD_WIRE_COMPATIBLE_CARDINALITY,
            old_at,
            new_at,
            format!("{change}. Readers on the old revision misread the data (a singular reader keeps only the last value; required fields decide what parses); add a new field instead."),
        );
    }
    j.report(
        &FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY,
        old_at,
        new_at,
        format!("{change}. The binary or JSON shape of the value changes (a value, an array, an object), so old readers fail to parse it; add a new field instead."),
    );
}

fn same_oneof(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    let before = o.owner.and_then(|m| oneof_of(m, o.d));
    let after = n.owner.and_then(|m| oneof_of(m, n.d));
    let change = match (before, after) {
        (None, Some(b)) => format!("moved into oneof `{b}`"),
        (Some(a), None) => format!("moved out of oneof `{a}`"),
        (Some(a), Some(b)) if a != b => format!("moved from oneof `{a}` to oneof `{b}`"),
        _ => return,
    };
    let msg = format!(
        "{} {change}. Setting a oneof member clears the others, so data that coexisted is lost (or the reverse), and generated accessors move; leave the field where it was.",
        cap(n.describe())
    );
    j.report(
        &FIELD_SAME_ONEOF,
        whole(j, o, false),
        whole(j, n, true),
        msg,
    );
}

fn default_kept(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    if !j.on(&FIELD_SAME_DEFAULT)
        || o.d.r#type() != n.d.r#type()
        || o.d.type_name() != n.d.type_name()
    {
        return;
    }
    // Without an explicit default on either side the implicit ones agree, except for an enum,
    // whose first value may have changed.
    if o.d.default_value.is_none() && n.d.default_value.is_none() && o.d.r#type() != Type::Enum {
        return;
    }
    let (Some(before), Some(after)) = (default_value(j.old, o.d), default_value(j.new, n.d)) else {
        return;
    };
    if same_default(o.d.r#type(), &before, &after) {
        return;
    }
    let msg = format!(
        "{} changed its default from \"{before}\" to \"{after}\". An unset field reads as the default, so old and new readers disagree on every message that leaves it out; keep the default.",
        cap(n.describe())
    );
    let at = |side: &super::Side, f: &FieldAt| {
        side.option_span(f.file, &f.sub(tag::FIELD_DEFAULT), "default")
            .or_else(|| side.span(f.file, &f.path))
    };
    j.report(&FIELD_SAME_DEFAULT, at(j.old, o), at(j.new, n), msg);
}

fn same_cpp_string_type(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    let strings = |t: Type| matches!(t, Type::String | Type::Bytes);
    if !strings(o.d.r#type())
        || !strings(n.d.r#type())
        || (o.d.options.is_none() && n.d.options.is_none())
    {
        return;
    }
    let ctype = |f: &FieldDescriptorProto| f.options.as_ref().map_or(CType::String, |o| o.ctype());
    let (before, after) = (ctype(o.d), ctype(n.d));
    if before == after {
        return;
    }
    let name = |c: CType| c.as_str_name();
    let msg = format!(
        "{} changed its C++ string type from {} to {}. Generated C++ accessors change type, so C++ consumers stop compiling; keep the old `ctype`.",
        cap(n.describe()),
        name(before),
        name(after)
    );
    // FieldOptions.ctype = 1
    let old_at = j.old.span_first(
        o.file,
        &[
            &[o.path.as_slice(), &[tag::FIELD_OPTIONS, 1]].concat(),
            &o.path,
        ],
    );
    let new_at = j.new.span_first(
        n.file,
        &[
            &[n.path.as_slice(), &[tag::FIELD_OPTIONS, 1]].concat(),
            &n.path,
        ],
    );
    j.report(&FIELD_SAME_CPP_STRING_TYPE, old_at, new_at, msg);
}

fn same_jstype(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    if o.d.options.is_none() && n.d.options.is_none() {
        return;
    }
    let jstype =
        |f: &FieldDescriptorProto| f.options.as_ref().map_or(JsType::JsNormal, |o| o.jstype());
    let (before, after) = (jstype(o.d), jstype(n.d));
    if before == after {
        return;
    }
    let name = |t: JsType| t.as_str_name();
    let msg = format!(
        "{} changed its `jstype` from {} to {}. Generated JavaScript switches the field between a number and a string; keep the old `jstype`.",
        cap(n.describe()),
        name(before),
        name(after)
    );
    // FieldOptions.jstype = 6
    let old_at = j.old.span_first(
        o.file,
        &[
            &[o.path.as_slice(), &[tag::FIELD_OPTIONS, 6]].concat(),
            &o.path,
        ],
    );
    let new_at = j.new.span_first(
        n.file,
        &[
            &[n.path.as_slice(), &[tag::FIELD_OPTIONS, 6]].concat(),
            &n.path,
        ],
    );
    j.report(&FIELD_SAME_JSTYPE, old_at, new_at, msg);
}

/// FileOptions.java_string_check_utf8.
const JAVA_STRING_CHECK_UTF8: i32 = 27;

fn same_java_utf8(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    if o.d.r#type() != Type::String
        || n.d.r#type() != Type::String
        || !j.on(&FIELD_SAME_JAVA_UTF8_VALIDATION)
    {
        return;
    }
    // Java validates proto3 strings always, and proto2 strings only under the file option.
    let verify = |side: &super::Side, f: &FieldAt| {
        f.syntax == Syntax::Proto3
            || side.files[f.file]
                .d
                .options
                .as_ref()
                .and_then(|o| o.java_string_check_utf8)
                .unwrap_or(false)
    };
    let (before, after) = (verify(j.old, o), verify(j.new, n));
    if before == after {
        return;
    }
    let name = |v: bool| if v { "VERIFY" } else { "NONE" };
    let msg = format!(
        "{} changed its Java UTF-8 validation from {} to {}. Java readers start or stop rejecting strings that are not valid UTF-8; keep `java_string_check_utf8` as it was.",
        cap(n.describe()),
        name(before),
        name(after)
    );
    let opt = [tag::FILE_OPTIONS, JAVA_STRING_CHECK_UTF8];
    let old_at = j.old.span_first(o.file, &[&opt, &o.path]);
    let new_at = j.new.span_first(n.file, &[&opt, &n.path]);
    j.report(&FIELD_SAME_JAVA_UTF8_VALIDATION, old_at, new_at, msg);
}

fn same_utf8(j: &mut Judge, o: &FieldAt, n: &FieldAt) {
    if o.d.r#type() != Type::String || n.d.r#type() != Type::String || o.syntax == n.syntax {
        return;
    }
    let name = |s: Syntax| {
        if s == Syntax::Proto3 {
            "VERIFY"
        } else {
            "NONE"
        }
    };
    let msg = format!(
        "{} changed its UTF-8 validation from {} to {} (its file is {} now). Parsers start or stop rejecting strings that are not valid UTF-8, so data that parsed before may fail; keep the file's syntax.",
        cap(n.describe()),
        name(o.syntax),
        name(n.syntax),
        n.syntax.as_str()
    );
    j.report(
        &FIELD_SAME_UTF8_VALIDATION,
        whole(j, o, false),
        whole(j, n, true),
        msg,
    );
}
