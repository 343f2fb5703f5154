//! What a descriptor means to a consumer: a field's cardinality and presence, its type as buf
//! names it, effective defaults and options, and whether two differently named types have the
//! same shape on the wire.

use std::collections::HashSet;

use prost_types::field_descriptor_proto::{Label, Type};
use prost_types::{DescriptorProto, EnumDescriptorProto, FieldDescriptorProto};

use super::index::{Side, Syntax, Ty};

/// How many values a field holds and whether "unset" is distinguishable from the default, in
/// buf's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cardinality {
    /// A proto3 singular scalar without `optional`: unset reads as the zero value.
    Implicit,
    /// A singular field that knows whether it was set (proto2 `optional`, proto3 `optional`,
    /// messages, oneof members).
    Explicit,
    Repeated,
    Map,
    Required,
}

impl Cardinality {
    pub fn describe(self) -> &'static str {
        match self {
            Cardinality::Implicit => "optional with implicit presence",
            Cardinality::Explicit => "optional with explicit presence",
            Cardinality::Repeated => "repeated",
            Cardinality::Map => "map",
            Cardinality::Required => "required",
        }
    }

    /// Singular and optional: the two presences, which differ in generated code only.
    pub fn is_optional(self) -> bool {
        matches!(self, Cardinality::Implicit | Cardinality::Explicit)
    }
}

pub(super) fn cardinality(side: &Side, syntax: Syntax, f: &FieldDescriptorProto) -> Cardinality {
    match f.label() {
        Label::Required => Cardinality::Required,
        Label::Repeated => {
            let entry = f.r#type() == Type::Message
                && side.message_type(f.type_name()).is_some_and(|m| {
                    m.options
                        .as_ref()
                        .and_then(|o| o.map_entry)
                        .unwrap_or(false)
                });
            if entry {
                Cardinality::Map
            } else {
                Cardinality::Repeated
            }
        }
        Label::Optional => {
            let explicit = syntax == Syntax::Proto2
                || f.proto3_optional()
                || f.oneof_index.is_some()
                || f.extendee.is_some()
                || matches!(f.r#type(), Type::Message | Type::Group);
            if explicit {
                Cardinality::Explicit
            } else {
                Cardinality::Implicit
            }
        }
    }
}

/// The name of the real (not proto3-synthetic) oneof a field belongs to.
pub(super) fn oneof_of<'a>(m: &'a DescriptorProto, f: &FieldDescriptorProto) -> Option<&'a str> {
    if f.proto3_optional() {
        return None;
    }
    let i = f.oneof_index? as usize;
    m.oneof_decl.get(i).map(|o| o.name())
}

/// The real oneofs of a message: those not synthesized for a proto3 `optional` field.
pub(super) fn real_oneofs(m: &DescriptorProto) -> impl Iterator<Item = (usize, &str)> {
    m.oneof_decl
        .iter()
        .enumerate()
        .filter(move |(i, _)| {
            !m.field
                .iter()
                .any(|f| f.proto3_optional() && f.oneof_index == Some(*i as i32))
        })
        .map(|(i, o)| (i, o.name()))
}

pub(super) fn is_map_entry(m: &DescriptorProto) -> bool {
    m.options
        .as_ref()
        .and_then(|o| o.map_entry)
        .unwrap_or(false)
}

/// A field's type as buf prints it: the scalar name, or the full name of a message or enum.
pub(super) fn type_string(f: &FieldDescriptorProto) -> String {
    match f.r#type() {
        Type::Message | Type::Enum | Type::Group => {
            f.type_name().trim_start_matches('.').to_string()
        }
        t => scalar_name(t).to_string(),
    }
}

/// A type's kind as buf prints it in its wire rules (`enum`, `message`, or the scalar).
pub(super) fn kind_name(t: Type) -> &'static str {
    match t {
        Type::Message => "message",
        Type::Enum => "enum",
        Type::Group => "group",
        t => scalar_name(t),
    }
}

fn scalar_name(t: Type) -> &'static str {
    match t {
        Type::Double => "double",
        Type::Float => "float",
        Type::Int64 => "int64",
        Type::Uint64 => "uint64",
        Type::Int32 => "int32",
        Type::Fixed64 => "fixed64",
        Type::Fixed32 => "fixed32",
        Type::Bool => "bool",
        Type::String => "string",
        Type::Bytes => "bytes",
        Type::Uint32 => "uint32",
        Type::Sfixed32 => "sfixed32",
        Type::Sfixed64 => "sfixed64",
        Type::Sint32 => "sint32",
        Type::Sint64 => "sint64",
        Type::Message => "message",
        Type::Enum => "enum",
        Type::Group => "group",
    }
}

/// Types whose binary encodings read each other (buf's table, after the protobuf language guide):
/// varints of the same zigzag-ness, fixed widths of the same size, and string/bytes.
pub(super) fn wire_group(t: Type) -> u8 {
    match t {
        Type::Int32 | Type::Int64 | Type::Uint32 | Type::Uint64 | Type::Bool => 1,
        Type::Sint32 | Type::Sint64 => 2,
        Type::String | Type::Bytes => 3,
        Type::Fixed32 | Type::Sfixed32 => 4,
        Type::Fixed64 | Type::Sfixed64 => 5,
        Type::Double => 6,
        Type::Float => 7,
        Type::Group => 8,
        Type::Message => 9,
        Type::Enum => 10,
    }
}

/// Types that are compatible both in binary and in JSON (where 64-bit integers are strings and
/// bytes are base64): only signed/unsigned twins of the same width and encoding.
pub(super) fn json_group(t: Type) -> u8 {
    match t {
        Type::Int32 | Type::Uint32 => 1,
        Type::Int64 | Type::Uint64 => 2,
        Type::Fixed32 | Type::Sfixed32 => 3,
        Type::Fixed64 | Type::Sfixed64 => 4,
        Type::Sint32 => 5,
        Type::Sint64 => 6,
        Type::Bool => 7,
        Type::String => 8,
        Type::Bytes => 9,
        Type::Double => 10,
        Type::Float => 11,
        Type::Group => 12,
        Type::Message => 13,
        Type::Enum => 14,
    }
}

/// The default a singular scalar or enum field reads as when unset; `None` where there is no
/// default to speak of (repeated fields, messages).
pub(super) fn default_value(side: &Side, f: &FieldDescriptorProto) -> Option<String> {
    if f.label() == Label::Repeated || matches!(f.r#type(), Type::Message | Type::Group) {
        return None;
    }
    if let Some(v) = &f.default_value {
        return Some(v.clone());
    }
    Some(match f.r#type() {
        Type::String | Type::Bytes => String::new(),
        Type::Bool => "false".to_string(),
        Type::Enum => match side.ty(f.type_name()) {
            Some(Ty::Enum(e)) => e
                .value
                .first()
                .map(|v| v.name().to_string())
                .unwrap_or_default(),
            _ => String::new(),
        },
        _ => "0".to_string(),
    })
}

/// Whether two defaults are the same value: `5` and `5.0` are, for a float.
pub(super) fn same_default(t: Type, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match t {
        Type::Double | Type::Float => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(x), Ok(y)) => x == y || (x.is_nan() && y.is_nan()),
            _ => false,
        },
        Type::String | Type::Bytes | Type::Enum | Type::Bool => false,
        _ => matches!((a.parse::<i128>(), b.parse::<i128>()), (Ok(x), Ok(y)) if x == y),
    }
}

/// Whether two differently named messages or enums are the same apart from their names: the same
/// fields (number, name, JSON name, type, cardinality, oneof) and the same enum values (number
/// and name), with referenced types compared the same way. Such a type reads and writes the same
/// bytes and the same JSON; only generated code sees the new name.
pub(super) fn same_shape(old: &Side, new: &Side, a: &str, b: &str) -> bool {
    let mut assumed = HashSet::new();
    shape_eq(old, new, a, b, &mut assumed)
}

fn shape_eq(
    old: &Side,
    new: &Side,
    a: &str,
    b: &str,
    assumed: &mut HashSet<(String, String)>,
) -> bool {
    let (a, b) = (a.trim_start_matches('.'), b.trim_start_matches('.'));
    // The same name on both sides pairs the type with itself; its own changes are judged there.
    if a == b {
        return true;
    }
    // A cycle back to a pair being compared holds unless something else differs.
    if !assumed.insert((a.to_string(), b.to_string())) {
        return true;
    }
    match (old.ty(a), new.ty(b)) {
        (Some(Ty::Message(x, xs)), Some(Ty::Message(y, ys))) => {
            x.field.len() == y.field.len()
                && x.field.iter().all(|f| {
                    y.field
                        .iter()
                        .find(|g| g.number == f.number)
                        .is_some_and(|g| {
                            f.name == g.name
                                && f.json_name == g.json_name
                                && f.r#type == g.r#type
                                && cardinality(old, xs, f) == cardinality(new, ys, g)
                                && oneof_of(x, f) == oneof_of(y, g)
                                && (f.type_name.is_none() && g.type_name.is_none()
                                    || shape_eq(old, new, f.type_name(), g.type_name(), assumed))
                        })
                })
        }
        (Some(Ty::Enum(x)), Some(Ty::Enum(y))) => enum_values(x) == enum_values(y),
        _ => false,
    }
}

fn enum_values(e: &EnumDescriptorProto) -> Vec<(i32, &str)> {
    let mut v: Vec<(i32, &str)> = e.value.iter().map(|v| (v.number(), v.name())).collect();
    v.sort_unstable();
    v
}

/// The values of an inclusive `range` that none of the inclusive `covered` ranges contains, as
/// inclusive ranges.
pub(super) fn missing(range: (i64, i64), covered: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut cover: Vec<(i64, i64)> = covered.iter().copied().filter(|(s, e)| s <= e).collect();
    cover.sort_unstable();
    let (mut at, end) = range;
    let mut out = Vec::new();
    for (s, e) in cover {
        if at > end {
            break;
        }
        if e < at {
            continue;
        }
        if s > at {
            out.push((at, (s - 1).min(end)));
        }
        at = at.max(e + 1);
    }
    if at <= end {
        out.push((at, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_of_a_range() {
        assert_eq!(missing((5, 10), &[(5, 8)]), vec![(9, 10)]);
        assert_eq!(missing((5, 10), &[(2, 3), (5, 8)]), vec![(9, 10)]);
        assert_eq!(
            missing((1, 10), &[(3, 4), (6, 6)]),
            vec![(1, 2), (5, 5), (7, 10)]
        );
        assert!(missing((5, 10), &[(0, 20)]).is_empty());
        assert_eq!(missing((5, 10), &[]), vec![(5, 10)]);
    }

    #[test]
    fn json_groups_only_join_signed_and_unsigned_twins() {
        assert_eq!(json_group(Type::Int32), json_group(Type::Uint32));
        assert_ne!(json_group(Type::Int32), json_group(Type::Int64));
        assert_ne!(json_group(Type::String), json_group(Type::Bytes));
        assert_ne!(json_group(Type::Bool), json_group(Type::Int32));
        assert_ne!(json_group(Type::Sint32), json_group(Type::Sint64));
    }

    #[test]
    fn defaults_compare_by_value() {
        assert!(same_default(Type::Float, "5", "5.0"));
        assert!(same_default(Type::Int32, "0", "0"));
        assert!(!same_default(Type::Int32, "5", "0"));
        assert!(!same_default(Type::String, "a", "b"));
    }
}
