//! Validates JSON instances against the schema model.
//!
//! Lint uses this to check that the examples written in a contract match their schemas, and the
//! mock servers will use it to check what they receive. It reads the same [`SchemaArena`] the
//! loaders build, so OpenAPI 3.0, 3.1 and AsyncAPI schemas validate alike: 3.0's `nullable` is
//! already [`TypeSet::NULL`] there, and its boolean exclusive bounds are already numeric.
//!
//! What is checked: types (an integer is a number whose fraction is zero), `enum` and `const`
//! (numbers compare by value, so `1` equals `1.0`), properties, `required`,
//! `additionalProperties`, `patternProperties`, `items` and `prefixItems`, numeric bounds and
//! `multipleOf`, string lengths in characters (Unicode scalar values, as JSON Schema counts them),
//! `pattern`, array sizes and `uniqueItems`, object sizes, `allOf`, `anyOf`, `oneOf` (exactly
//! one; with a `discriminator` the alternative it names is checked alone), `not`, boolean
//! schemas, and `$ref` (followed).
//!
//! Formats checked: `date-time` and `date` (RFC 3339, with month and day ranges), `time`,
//! `email` (loosely: one `@` with text on both sides and no spaces), `uuid` (8-4-4-4-12 hex),
//! `ipv4`, `ipv6`, and the ranges of `int32` and `int64` on integers. Every other format is
//! accepted, as JSON Schema allows.
//!
//! Not violations: a `pattern` the `regex` crate cannot compile (JSON Schema patterns are
//! ECMA-262, which has look-around the crate lacks) is skipped, not reported. Keywords the model
//! does not keep (`if`/`then`/`else`, `contains`, `dependentSchemas`, `unevaluated*`) are not
//! checked.
//!
//! Recursion is bounded twice: re-entering the same schema for the same instance value (a cycle
//! of references that makes no progress through the instance) is treated as satisfied, and
//! nesting deeper than [`MAX_DEPTH`] stops checking that branch.

use std::collections::{HashMap, HashSet};

use regex::Regex;
use serde_json::Value;

use crate::model::{Additional, Schema, SchemaArena, SchemaId, TypeSet};

/// How many schemas deep one instance is checked before the branch is given up (accepted).
pub const MAX_DEPTH: usize = 256;

/// One reason an instance does not match, with the JSON pointer of the offending value.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub instance_path: String,
    pub message: String,
}

/// Who writes the instance, which decides what `readOnly` and `writeOnly` mean for `required`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Access {
    /// Every required property must be present.
    #[default]
    Any,
    /// A request (written by the consumer): required `readOnly` properties may be left out,
    /// since OpenAPI says their `required` applies to responses only.
    Request,
    /// A response (written by the provider): required `writeOnly` properties may be left out.
    Response,
}

/// Checks `value` against the schema `id`; returns every violation found (empty when valid).
pub fn validate(arena: &SchemaArena, id: SchemaId, value: &Value) -> Vec<Violation> {
    validate_as(arena, id, value, Access::Any)
}

/// [`validate`], with `readOnly`/`writeOnly` applied for who writes the instance.
pub fn validate_as(
    arena: &SchemaArena,
    id: SchemaId,
    value: &Value,
    access: Access,
) -> Vec<Violation> {
    let mut v = Validator {
        arena,
        access,
        regexes: HashMap::new(),
        active: HashSet::new(),
        depth: 0,
    };
    let mut out = Vec::new();
    let mut path = String::new();
    v.check(id, value, &mut path, &mut out);
    out
}

struct Validator<'a> {
    arena: &'a SchemaArena,
    access: Access,
    /// Compiled patterns; `None` when a pattern does not compile (then it is not checked).
    regexes: HashMap<String, Option<Regex>>,
    /// (schema, address of the instance value) pairs being checked, to cut reference cycles
    /// that make no progress through the instance.
    active: HashSet<(SchemaId, usize)>,
    depth: usize,
}

/// Appends one token to a JSON pointer.
fn push_token(path: &mut String, token: &str) {
    path.push('/');
    if token.contains(['~', '/']) {
        path.push_str(&token.replace('~', "~0").replace('/', "~1"));
    } else {
        path.push_str(token);
    }
}

fn violation(out: &mut Vec<Violation>, path: &str, message: String) {
    out.push(Violation {
        instance_path: path.to_string(),
        message,
    });
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(i), Some(j)) => i == j,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

fn is_integer(n: &serde_json::Number) -> bool {
    n.is_i64()
        || n.is_u64()
        || n.as_f64()
            .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
}

/// The JSON type of a value, as `type` names it (integers report as `integer`).
fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if is_integer(n) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_matches(types: TypeSet, value: &Value) -> bool {
    if types.is_any() {
        return true;
    }
    match value {
        Value::Null => types.contains(TypeSet::NULL),
        Value::Bool(_) => types.contains(TypeSet::BOOLEAN),
        Value::Number(n) => {
            types.contains(TypeSet::NUMBER) || (types.contains(TypeSet::INTEGER) && is_integer(n))
        }
        Value::String(_) => types.contains(TypeSet::STRING),
        Value::Array(_) => types.contains(TypeSet::ARRAY),
        Value::Object(_) => types.contains(TypeSet::OBJECT),
    }
}

/// Short rendering of a value for messages.
fn show(value: &Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(37).collect();
        format!("{cut}...")
    } else {
        s
    }
}

fn num(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

impl Validator<'_> {
    fn check(&mut self, id: SchemaId, value: &Value, path: &mut String, out: &mut Vec<Violation>) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        let key = (id, value as *const Value as usize);
        if !self.active.insert(key) {
            return;
        }
        self.depth += 1;
        let arena = self.arena;
        self.check_schema(arena.get(id), value, path, out);
        self.depth -= 1;
        self.active.remove(&key);
    }

    /// True when `value` satisfies `id` (violations discarded).
    fn passes(&mut self, id: SchemaId, value: &Value, path: &mut String) -> bool {
        let mut scratch = Vec::new();
        self.check(id, value, path, &mut scratch);
        scratch.is_empty()
    }

    fn check_schema(
        &mut self,
        s: &Schema,
        value: &Value,
        path: &mut String,
        out: &mut Vec<Violation>,
    ) {
        match s.boolean {
            Some(false) => {
                violation(
                    out,
                    path,
                    "no value is allowed here (the schema is `false`)".into(),
                );
                return;
            }
            Some(true) => return,
            None => {}
        }
        if let Some(target) = s.reference {
            self.check(target, value, path, out);
        }
        if !type_matches(s.types, value) {
            violation(
                out,
                path,
                format!(
                    "expected {}, found {} {}",
                    s.types.names().join(" or "),
                    type_of(value),
                    show(value)
                ),
            );
            // The remaining keywords would only repeat the mismatch in other words.
            return;
        }
        if let Some(values) = &s.enum_values
            && !values.iter().any(|v| json_eq(v, value))
        {
            let allowed: Vec<String> = values.iter().take(8).map(show).collect();
            let more = if values.len() > 8 { ", ..." } else { "" };
            violation(
                out,
                path,
                format!(
                    "{} is not one of the allowed values [{}{more}]",
                    show(value),
                    allowed.join(", ")
                ),
            );
        }
        if let Some(c) = &s.const_value
            && !json_eq(c, value)
        {
            violation(
                out,
                path,
                format!("expected the constant {}, found {}", show(c), show(value)),
            );
        }
        match value {
            Value::Number(n) => self.number(s, n, path, out),
            Value::String(text) => self.string(s, text, path, out),
            Value::Array(items) => self.array(s, items, path, out),
            Value::Object(map) => self.object(s, map, path, out),
            _ => {}
        }
        for &sub in &s.all_of {
            self.check(sub, value, path, out);
        }
        if !s.any_of.is_empty() && !self.discriminated(s, &s.any_of, value, path, out) {
            let ok = s.any_of.iter().any(|&sub| self.passes(sub, value, path));
            if !ok {
                violation(
                    out,
                    path,
                    format!(
                        "matches none of the {} `anyOf` alternatives",
                        s.any_of.len()
                    ),
                );
            }
        }
        if !s.one_of.is_empty() && !self.discriminated(s, &s.one_of, value, path, out) {
            let matching = s
                .one_of
                .iter()
                .filter(|&&sub| self.passes(sub, value, path))
                .count();
            if matching != 1 {
                let what = if matching == 0 {
                    "none".to_string()
                } else {
                    matching.to_string()
                };
                violation(
                    out,
                    path,
                    format!(
                        "must match exactly one of the {} `oneOf` alternatives; matches {what}",
                        s.one_of.len()
                    ),
                );
            }
        }
        if let Some(not) = s.not
            && self.passes(not, value, path)
        {
            violation(out, path, "matches the schema under `not`".into());
        }
    }

    /// With a discriminator, checks the one alternative the discriminating property names and
    /// returns true; returns false when the discriminator does not pick one.
    fn discriminated(
        &mut self,
        s: &Schema,
        alternatives: &[SchemaId],
        value: &Value,
        path: &mut String,
        out: &mut Vec<Violation>,
    ) -> bool {
        let (Some(d), Value::Object(map)) = (&s.discriminator, value) else {
            return false;
        };
        let Some(Value::String(tag)) = map.get(&d.property_name) else {
            return false;
        };
        let arena = self.arena;
        let mapped = d.mapping.get(tag.as_str());
        let chosen = alternatives.iter().copied().find(|&alt| {
            let a = arena.get(alt);
            let name = a.reference.and_then(|r| arena.get(r).name.as_deref());
            match mapped {
                Some(target) => {
                    a.ref_text.as_deref() == Some(target.as_str())
                        || name == Some(target.as_str())
                        || a.ref_text
                            .as_deref()
                            .is_some_and(|r| r.rsplit('/').next() == Some(target.as_str()))
                }
                None => name == Some(tag.as_str()),
            }
        });
        match chosen {
            Some(alt) => {
                self.check(alt, value, path, out);
                true
            }
            None => false,
        }
    }

    fn number(&mut self, s: &Schema, n: &serde_json::Number, path: &str, out: &mut Vec<Violation>) {
        let Some(v) = n.as_f64() else { return };
        let c = &s.constraints;
        if let Some(m) = c.minimum
            && v < m
        {
            violation(
                out,
                path,
                format!("{} is less than the minimum {}", num(v), num(m)),
            );
        }
        if let Some(m) = c.maximum
            && v > m
        {
            violation(
                out,
                path,
                format!("{} is greater than the maximum {}", num(v), num(m)),
            );
        }
        if let Some(m) = c.exclusive_minimum
            && v <= m
        {
            violation(
                out,
                path,
                format!(
                    "{} is not greater than the exclusive minimum {}",
                    num(v),
                    num(m)
                ),
            );
        }
        if let Some(m) = c.exclusive_maximum
            && v >= m
        {
            violation(
                out,
                path,
                format!(
                    "{} is not less than the exclusive maximum {}",
                    num(v),
                    num(m)
                ),
            );
        }
        if let Some(m) = c.multiple_of
            && m > 0.0
        {
            let q = v / m;
            if q.is_finite() && (q - q.round()).abs() > 1e-9 * q.abs().max(1.0) {
                violation(
                    out,
                    path,
                    format!("{} is not a multiple of {}", num(v), num(m)),
                );
            }
        }
        let range = match s.format.as_deref() {
            Some("int32") => Some((i32::MIN as i128, i32::MAX as i128)),
            Some("int64") => Some((i64::MIN as i128, i64::MAX as i128)),
            _ => None,
        };
        if let Some((lo, hi)) = range
            && is_integer(n)
        {
            let out_of_range = match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => (i as i128) < lo || (i as i128) > hi,
                (None, Some(u)) => (u as i128) > hi,
                // An integral float (`3.0`, `1e20`): compare as floats.
                _ => v < lo as f64 || v > hi as f64,
            };
            if out_of_range {
                let format = s.format.as_deref().unwrap_or_default();
                violation(
                    out,
                    path,
                    format!("{n} is out of the range of format `{format}`"),
                );
            }
        }
    }

    fn string(&mut self, s: &Schema, text: &str, path: &str, out: &mut Vec<Violation>) {
        let c = &s.constraints;
        if c.min_length.is_some() || c.max_length.is_some() {
            let len = text.chars().count() as u64;
            if let Some(m) = c.min_length
                && len < m
            {
                violation(
                    out,
                    path,
                    format!("string of {len} characters is shorter than minLength {m}"),
                );
            }
            if let Some(m) = c.max_length
                && len > m
            {
                violation(
                    out,
                    path,
                    format!("string of {len} characters is longer than maxLength {m}"),
                );
            }
        }
        if let Some(pattern) = &c.pattern
            && let Some(re) = self.regex(pattern)
            && !re.is_match(text)
        {
            violation(
                out,
                path,
                format!("\"{}\" does not match the pattern `{pattern}`", short(text)),
            );
        }
        if let Some(format) = s.format.as_deref()
            && let Some(ok) = check_format(format, text)
            && !ok
        {
            violation(
                out,
                path,
                format!("\"{}\" is not a valid `{format}`", short(text)),
            );
        }
    }

    fn regex(&mut self, pattern: &str) -> Option<&Regex> {
        if !self.regexes.contains_key(pattern) {
            self.regexes
                .insert(pattern.to_string(), Regex::new(pattern).ok());
        }
        self.regexes.get(pattern).and_then(Option::as_ref)
    }

    fn array(&mut self, s: &Schema, items: &[Value], path: &mut String, out: &mut Vec<Violation>) {
        let c = &s.constraints;
        let len = items.len() as u64;
        if let Some(m) = c.min_items
            && len < m
        {
            violation(
                out,
                path,
                format!("array of {len} items has fewer than minItems {m}"),
            );
        }
        if let Some(m) = c.max_items
            && len > m
        {
            violation(
                out,
                path,
                format!("array of {len} items has more than maxItems {m}"),
            );
        }
        if c.unique_items {
            'outer: for (i, a) in items.iter().enumerate() {
                for (j, b) in items.iter().enumerate().skip(i + 1) {
                    if json_eq(a, b) {
                        violation(
                            out,
                            path,
                            format!("items {i} and {j} are equal, but uniqueItems is set"),
                        );
                        break 'outer;
                    }
                }
            }
        }
        let base = path.len();
        for (i, item) in items.iter().enumerate() {
            let sub = match s.prefix_items.get(i) {
                Some(&p) => Some(p),
                None => s.items,
            };
            if let Some(sub) = sub {
                push_token(path, &i.to_string());
                self.check(sub, item, path, out);
                path.truncate(base);
            }
        }
    }

    fn object(
        &mut self,
        s: &Schema,
        map: &serde_json::Map<String, Value>,
        path: &mut String,
        out: &mut Vec<Violation>,
    ) {
        let c = &s.constraints;
        let len = map.len() as u64;
        if let Some(m) = c.min_properties
            && len < m
        {
            violation(
                out,
                path,
                format!("object with {len} properties has fewer than minProperties {m}"),
            );
        }
        if let Some(m) = c.max_properties
            && len > m
        {
            violation(
                out,
                path,
                format!("object with {len} properties has more than maxProperties {m}"),
            );
        }
        let arena = self.arena;
        for name in &s.required {
            if map.contains_key(name) {
                continue;
            }
            // OpenAPI: `required` on a readOnly property binds responses only, on a writeOnly
            // property requests only.
            let prop = s.properties.get(name).map(|&p| arena.get(arena.resolve(p)));
            let exempt = match (self.access, prop) {
                (Access::Request, Some(p)) => p.read_only,
                (Access::Response, Some(p)) => p.write_only,
                _ => false,
            };
            if !exempt {
                violation(out, path, format!("missing required property `{name}`"));
            }
        }
        let base = path.len();
        for (name, value) in map {
            let mut known = false;
            if let Some(&p) = s.properties.get(name) {
                known = true;
                push_token(path, name);
                self.check(p, value, path, out);
                path.truncate(base);
            }
            for (pattern, &p) in &s.pattern_properties {
                let Some(re) = self.regex(pattern) else {
                    // Cannot tell whether it matches: count the property as known, check nothing.
                    known = true;
                    continue;
                };
                if re.is_match(name) {
                    known = true;
                    push_token(path, name);
                    self.check(p, value, path, out);
                    path.truncate(base);
                }
            }
            if known {
                continue;
            }
            match s.additional {
                Additional::Allowed(false) => {
                    push_token(path, name);
                    violation(
                        out,
                        path,
                        format!("property `{name}` is not allowed (additionalProperties is false)"),
                    );
                    path.truncate(base);
                }
                Additional::Schema(p) => {
                    push_token(path, name);
                    self.check(p, value, path, out);
                    path.truncate(base);
                }
                _ => {}
            }
        }
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(37).collect();
        format!("{cut}...")
    } else {
        text.to_string()
    }
}

/// `Some(valid)` for the formats this validator knows, `None` for the rest (accepted).
fn check_format(format: &str, text: &str) -> Option<bool> {
    Some(match format {
        "date-time" => is_date_time(text),
        "date" => is_date(text),
        "time" => is_time(text),
        "email" => is_email(text),
        "uuid" => is_uuid(text),
        "ipv4" => text.parse::<std::net::Ipv4Addr>().is_ok(),
        "ipv6" => text.parse::<std::net::Ipv6Addr>().is_ok(),
        _ => return None,
    })
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// RFC 3339 `full-date`: `YYYY-MM-DD` with a real month and day.
fn is_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// RFC 3339 `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`; a leap second (`60`) is allowed.
fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) = (
        digits(&s[0..2], 2),
        digits(&s[3..5], 2),
        digits(&s[6..8], 2),
    ) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    let mut rest = &s[8..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    if rest.eq_ignore_ascii_case("z") {
        return true;
    }
    let Some(offset) = rest.strip_prefix(['+', '-']) else {
        return false;
    };
    let ob = offset.as_bytes();
    ob.len() == 5
        && ob[2] == b':'
        && digits(&offset[0..2], 2).is_some_and(|h| h <= 23)
        && digits(&offset[3..5], 2).is_some_and(|m| m <= 59)
}

/// RFC 3339 `date-time`: a date, `T` (either case), a time with its offset.
fn is_date_time(s: &str) -> bool {
    if s.len() < 20 || !s.is_ascii() {
        return false;
    }
    let (date, rest) = s.split_at(10);
    let Some(time) = rest.strip_prefix(['T', 't']) else {
        return false;
    };
    is_date(date) && is_time(time)
}

/// Loose: one `@`, text on both sides, a dot-free or dotted domain, no spaces.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Constraints, Discriminator, Schema};
    use crate::source::Span;
    use serde_json::json;

    /// A small arena builder for tests: schemas are pushed by location.
    struct A(SchemaArena);

    impl A {
        fn new() -> A {
            A(SchemaArena::new())
        }
        fn add(&mut self, f: impl FnOnce(&mut Schema)) -> SchemaId {
            let id = self
                .0
                .reserve(Span::default(), format!("t#/{}", self.0.len()));
            f(self.0.get_mut(id));
            id
        }
        fn errors(&self, id: SchemaId, v: Value) -> Vec<String> {
            validate(&self.0, id, &v)
                .into_iter()
                .map(|v| format!("{}: {}", v.instance_path, v.message))
                .collect()
        }
    }

    #[test]
    fn types_distinguish_integer_from_number_and_null() {
        let mut a = A::new();
        let int = a.add(|s| s.types = TypeSet::INTEGER);
        let nullable = a.add(|s| s.types = TypeSet::STRING.union(TypeSet::NULL));
        assert!(a.errors(int, json!(3)).is_empty());
        assert!(a.errors(int, json!(3.0)).is_empty());
        assert_eq!(
            a.errors(int, json!(3.5)),
            vec![": expected integer, found number 3.5"]
        );
        assert!(a.errors(nullable, json!(null)).is_empty());
        assert_eq!(a.errors(nullable, json!(1)).len(), 1);
    }

    #[test]
    fn objects_check_required_additional_and_patterns() {
        let mut a = A::new();
        let name = a.add(|s| {
            s.types = TypeSet::STRING;
            s.constraints.min_length = Some(2);
        });
        let num = a.add(|s| s.types = TypeSet::NUMBER);
        let obj = a.add(|s| {
            s.types = TypeSet::OBJECT;
            s.properties.insert("name".into(), name);
            s.pattern_properties.insert("^x-".into(), num);
            s.required = vec!["name".into(), "id".into()];
            s.additional = Additional::Allowed(false);
        });
        assert_eq!(
            a.errors(obj, json!({"name": "é", "x-a": "no", "other": 1})),
            vec![
                ": missing required property `id`",
                "/name: string of 1 characters is shorter than minLength 2",
                "/x-a: expected number, found string \"no\"",
                "/other: property `other` is not allowed (additionalProperties is false)",
            ]
        );
    }

    #[test]
    fn read_only_required_binds_responses_only() {
        let mut a = A::new();
        let id = a.add(|s| {
            s.types = TypeSet::STRING;
            s.read_only = true;
        });
        let obj = a.add(|s| {
            s.properties.insert("id".into(), id);
            s.required = vec!["id".into()];
        });
        assert!(validate_as(&a.0, obj, &json!({}), Access::Request).is_empty());
        assert_eq!(
            validate_as(&a.0, obj, &json!({}), Access::Response).len(),
            1
        );
    }

    #[test]
    fn arrays_and_numbers() {
        let mut a = A::new();
        let n = a.add(|s| {
            s.types = TypeSet::NUMBER;
            s.constraints = Constraints {
                exclusive_minimum: Some(0.0),
                maximum: Some(10.0),
                multiple_of: Some(0.1),
                ..Constraints::default()
            };
        });
        let first = a.add(|s| s.const_value = Some(json!("head")));
        let arr = a.add(|s| {
            s.types = TypeSet::ARRAY;
            s.prefix_items = vec![first];
            s.items = Some(n);
            s.constraints.unique_items = true;
            s.constraints.max_items = Some(3);
        });
        assert!(a.errors(arr, json!(["head", 0.3, 9.9])).is_empty());
        assert_eq!(
            a.errors(arr, json!(["x", 0, 11, 11])),
            vec![
                ": array of 4 items has more than maxItems 3",
                ": items 2 and 3 are equal, but uniqueItems is set",
                "/0: expected the constant \"head\", found \"x\"",
                "/1: 0 is not greater than the exclusive minimum 0",
                "/2: 11 is greater than the maximum 10",
                "/3: 11 is greater than the maximum 10",
            ]
        );
    }

    #[test]
    fn combinators_and_enum() {
        let mut a = A::new();
        let s = a.add(|s| s.types = TypeSet::STRING);
        let i = a.add(|s| s.types = TypeSet::INTEGER);
        let n = a.add(|s| s.types = TypeSet::NUMBER);
        let one = a.add(|x| x.one_of = vec![i, n]);
        let any = a.add(|x| x.any_of = vec![s, i]);
        let not = a.add(|x| x.not = Some(s));
        let en = a.add(|x| x.enum_values = Some(vec![json!(1), json!("a")]));
        assert!(a.errors(one, json!(1.5)).is_empty());
        assert_eq!(
            a.errors(one, json!(1)),
            vec![": must match exactly one of the 2 `oneOf` alternatives; matches 2"]
        );
        assert!(a.errors(any, json!("x")).is_empty());
        assert_eq!(a.errors(any, json!(true)).len(), 1);
        assert_eq!(a.errors(not, json!("x")).len(), 1);
        assert!(a.errors(en, json!(1.0)).is_empty());
        assert_eq!(
            a.errors(en, json!("b")),
            vec![": \"b\" is not one of the allowed values [1, \"a\"]"]
        );
    }

    #[test]
    fn discriminator_picks_the_alternative() {
        let mut a = A::new();
        let cat = a.add(|s| {
            s.name = Some("Cat".into());
            s.required = vec!["meow".into()];
        });
        let dog = a.add(|s| {
            s.name = Some("Dog".into());
            s.required = vec!["bark".into()];
        });
        let cat_ref = a.add(|s| s.reference = Some(cat));
        let dog_ref = a.add(|s| s.reference = Some(dog));
        let pet = a.add(|s| {
            s.one_of = vec![cat_ref, dog_ref];
            s.discriminator = Some(Discriminator {
                property_name: "kind".into(),
                mapping: Default::default(),
            });
        });
        assert_eq!(
            a.errors(pet, json!({"kind": "Dog"})),
            vec![": missing required property `bark`"]
        );
    }

    #[test]
    fn reference_cycles_terminate() {
        let mut a = A::new();
        // A = allOf[A] (no progress through the instance) and a list of itself.
        let node = a.add(|_| {});
        let self_ref = a.add(|s| s.reference = Some(node));
        let list = a.add(|s| {
            s.types = TypeSet::ARRAY;
            s.items = Some(self_ref);
        });
        a.0.get_mut(node).all_of = vec![self_ref];
        a.0.get_mut(node).any_of = vec![list];
        assert!(a.errors(node, json!([[[]]])).is_empty());
        assert_eq!(a.errors(node, json!([[1]])).len(), 1);
    }

    #[test]
    fn formats() {
        for (f, ok, bad) in [
            (
                "date-time",
                "2024-02-29T12:00:00.5+01:00",
                "2023-02-29T12:00:00Z",
            ),
            ("date", "2024-12-31", "2024-13-01"),
            ("email", "a.b@example.com", "a b@example.com"),
            (
                "uuid",
                "123e4567-e89b-12d3-a456-426614174000",
                "123e4567-e89b-12d3-a456",
            ),
            ("ipv4", "10.0.0.1", "10.0.0"),
        ] {
            assert_eq!(check_format(f, ok), Some(true), "{f} {ok}");
            assert_eq!(check_format(f, bad), Some(false), "{f} {bad}");
        }
        assert_eq!(check_format("uri", "anything"), None);
        let mut a = A::new();
        let i32_ = a.add(|s| s.format = Some("int32".into()));
        assert!(a.errors(i32_, json!(2147483647)).is_empty());
        assert_eq!(a.errors(i32_, json!(2147483648u64)).len(), 1);
        let i64_ = a.add(|s| s.format = Some("int64".into()));
        assert_eq!(a.errors(i64_, json!(u64::MAX)).len(), 1);
    }

    #[test]
    fn invalid_patterns_are_not_violations() {
        let mut a = A::new();
        let s = a.add(|s| s.constraints.pattern = Some("(?<=a)b".into()));
        let t = a.add(|s| s.constraints.pattern = Some("^[a-z]+$".into()));
        assert!(a.errors(s, json!("zzz")).is_empty());
        assert_eq!(a.errors(t, json!("A1")).len(), 1);
        assert!(a.errors(t, json!(5)).is_empty());
    }
}
