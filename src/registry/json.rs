//! JSON Schema compatibility as a schema registry judges it: Confluent Schema Registry's
//! difference types (`Difference.Type` of its JSON Schema provider), found over treaty's located
//! schema model so every difference has a place in both files.
//!
//! `diff(original, update)` lists what changed; each [`Type`] is compatible or not under a
//! [`Policy`] (the table in the module's tests and in [`Type::compatible`]). BACKWARD checks
//! `diff(old, new)`: the new schema must read everything the old one allowed. FORWARD checks
//! `diff(new, old)`.
//!
//! **Content models.** An object schema is *open* when it has no `patternProperties` and allows
//! any additional property (`additionalProperties` absent or `true`); *closed* when
//! `additionalProperties: false` and no pattern matches; *partially open* when a pattern or an
//! `additionalProperties` schema covers the property. A property added to an open model may
//! reject data that old writers put there under any schema, so it breaks under the strict
//! policy; the lenient policy accepts optional properties and ones with a default, and treats
//! removing from a closed model as a writer's business. Arrays (tuples) follow the same model
//! with `items`/`additionalItems` after the positional items.
//!
//! Where treaty's model differs from the registry's object model, the closest type is used: an
//! `enum` or `const` added is `ENUM_ARRAY_NARROWED`, dropped `ENUM_ARRAY_EXTENDED`; a property
//! added with the schema `false` to an open model is `PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL` (it
//! forbids what old writers could send); reserved property names are read from `x-reserved`.

use std::collections::{HashMap, HashSet};

use crate::model::{Additional, Schema, SchemaArena, SchemaId, TypeSet};
use crate::source::Span;

use super::{Mode, Policy};

macro_rules! types {
    ($($v:ident $strict:ident $lenient:ident,)*) => {
        /// A difference type, named as the registry names it.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Type { $($v),* }

        impl Type {
            pub const ALL: &'static [Type] = &[$(Type::$v),*];

            pub fn name(self) -> &'static str {
                match self { $(Type::$v => stringify!($v)),* }
            }

            /// Whether a schema with this difference still reads what the original allowed.
            pub fn compatible(self, policy: Policy) -> bool {
                match (self, policy) {
                    $((Type::$v, Policy::Strict) => types!(@ok $strict), (Type::$v, Policy::Lenient) => types!(@ok $lenient),)*
                }
            }
        }
    };
    (@ok ok) => { true };
    (@ok BREAK) => { false };
}

types! {
    ID_CHANGED ok ok,
    DESCRIPTION_CHANGED ok ok,
    TITLE_CHANGED ok ok,
    DEFAULT_CHANGED ok ok,
    SCHEMA_ADDED BREAK BREAK,
    SCHEMA_REMOVED ok ok,
    TYPE_EXTENDED ok ok,
    TYPE_NARROWED BREAK BREAK,
    TYPE_CHANGED BREAK BREAK,
    MAX_LENGTH_ADDED BREAK BREAK,
    MAX_LENGTH_REMOVED ok ok,
    MAX_LENGTH_INCREASED ok ok,
    MAX_LENGTH_DECREASED BREAK BREAK,
    MIN_LENGTH_ADDED BREAK BREAK,
    MIN_LENGTH_REMOVED ok ok,
    MIN_LENGTH_INCREASED BREAK BREAK,
    MIN_LENGTH_DECREASED ok ok,
    PATTERN_ADDED BREAK BREAK,
    PATTERN_REMOVED ok ok,
    PATTERN_CHANGED BREAK BREAK,
    MAXIMUM_ADDED BREAK BREAK,
    MAXIMUM_REMOVED ok ok,
    MAXIMUM_INCREASED ok ok,
    MAXIMUM_DECREASED BREAK BREAK,
    MINIMUM_ADDED BREAK BREAK,
    MINIMUM_REMOVED ok ok,
    MINIMUM_INCREASED BREAK BREAK,
    MINIMUM_DECREASED ok ok,
    EXCLUSIVE_MAXIMUM_ADDED BREAK BREAK,
    EXCLUSIVE_MAXIMUM_REMOVED ok ok,
    EXCLUSIVE_MAXIMUM_INCREASED ok ok,
    EXCLUSIVE_MAXIMUM_DECREASED BREAK BREAK,
    EXCLUSIVE_MINIMUM_ADDED BREAK BREAK,
    EXCLUSIVE_MINIMUM_REMOVED ok ok,
    EXCLUSIVE_MINIMUM_INCREASED BREAK BREAK,
    EXCLUSIVE_MINIMUM_DECREASED ok ok,
    MULTIPLE_OF_ADDED BREAK BREAK,
    MULTIPLE_OF_REMOVED ok ok,
    MULTIPLE_OF_EXPANDED BREAK BREAK,
    MULTIPLE_OF_REDUCED ok ok,
    MULTIPLE_OF_CHANGED BREAK BREAK,
    REQUIRED_ATTRIBUTE_ADDED BREAK BREAK,
    REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED ok ok,
    REQUIRED_ATTRIBUTE_REMOVED ok ok,
    MAX_PROPERTIES_ADDED BREAK BREAK,
    MAX_PROPERTIES_REMOVED ok ok,
    MAX_PROPERTIES_INCREASED ok ok,
    MAX_PROPERTIES_DECREASED BREAK BREAK,
    MIN_PROPERTIES_ADDED BREAK BREAK,
    MIN_PROPERTIES_REMOVED ok ok,
    MIN_PROPERTIES_INCREASED BREAK BREAK,
    MIN_PROPERTIES_DECREASED ok ok,
    ADDITIONAL_PROPERTIES_ADDED ok ok,
    ADDITIONAL_PROPERTIES_REMOVED BREAK ok,
    ADDITIONAL_PROPERTIES_EXTENDED ok ok,
    ADDITIONAL_PROPERTIES_NARROWED BREAK ok,
    DEPENDENCY_ARRAY_ADDED BREAK BREAK,
    DEPENDENCY_ARRAY_REMOVED ok ok,
    DEPENDENCY_ARRAY_EXTENDED BREAK BREAK,
    DEPENDENCY_ARRAY_NARROWED ok ok,
    DEPENDENCY_ARRAY_CHANGED BREAK BREAK,
    DEPENDENCY_SCHEMA_ADDED BREAK BREAK,
    DEPENDENCY_SCHEMA_REMOVED ok ok,
    PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL BREAK BREAK,
    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL BREAK BREAK,
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL BREAK ok,
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL BREAK ok,
    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL ok ok,
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL BREAK BREAK,
    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL ok ok,
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL ok ok,
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL ok ok,
    PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL ok ok,
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL BREAK ok,
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ok ok,
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BREAK ok,
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ok ok,
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BREAK ok,
    RESERVED_PROPERTY_REMOVED BREAK BREAK,
    RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY BREAK BREAK,
    UNEVALUATED_PROPERTIES_ADDED ok ok,
    UNEVALUATED_PROPERTIES_REMOVED BREAK ok,
    UNEVALUATED_PROPERTIES_EXTENDED ok ok,
    UNEVALUATED_PROPERTIES_NARROWED BREAK ok,
    MAX_ITEMS_ADDED BREAK BREAK,
    MAX_ITEMS_REMOVED ok ok,
    MAX_ITEMS_INCREASED ok ok,
    MAX_ITEMS_DECREASED BREAK BREAK,
    MIN_ITEMS_ADDED BREAK BREAK,
    MIN_ITEMS_REMOVED ok ok,
    MIN_ITEMS_INCREASED BREAK BREAK,
    MIN_ITEMS_DECREASED ok ok,
    MAX_CONTAINS_ADDED BREAK BREAK,
    MAX_CONTAINS_REMOVED ok ok,
    MAX_CONTAINS_INCREASED ok ok,
    MAX_CONTAINS_DECREASED BREAK BREAK,
    MIN_CONTAINS_ADDED BREAK BREAK,
    MIN_CONTAINS_REMOVED ok ok,
    MIN_CONTAINS_INCREASED BREAK BREAK,
    MIN_CONTAINS_DECREASED ok ok,
    UNIQUE_ITEMS_ADDED BREAK BREAK,
    UNIQUE_ITEMS_REMOVED ok ok,
    ADDITIONAL_ITEMS_ADDED ok ok,
    ADDITIONAL_ITEMS_REMOVED BREAK BREAK,
    ADDITIONAL_ITEMS_EXTENDED ok ok,
    ADDITIONAL_ITEMS_NARROWED BREAK BREAK,
    UNEVALUATED_ITEMS_ADDED ok ok,
    UNEVALUATED_ITEMS_REMOVED BREAK BREAK,
    UNEVALUATED_ITEMS_EXTENDED ok ok,
    UNEVALUATED_ITEMS_NARROWED BREAK BREAK,
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL BREAK BREAK,
    ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL ok ok,
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL ok ok,
    ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL ok ok,
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL ok ok,
    ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL BREAK BREAK,
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ok ok,
    ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BREAK BREAK,
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL ok ok,
    ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL BREAK BREAK,
    ENUM_ARRAY_EXTENDED ok ok,
    ENUM_ARRAY_NARROWED BREAK BREAK,
    ENUM_ARRAY_CHANGED BREAK BREAK,
    COMBINED_TYPE_EXTENDED ok ok,
    COMBINED_TYPE_CHANGED BREAK BREAK,
    PRODUCT_TYPE_EXTENDED BREAK BREAK,
    PRODUCT_TYPE_NARROWED ok ok,
    SUM_TYPE_EXTENDED ok ok,
    SUM_TYPE_NARROWED BREAK BREAK,
    COMBINED_TYPE_SUBSCHEMAS_CHANGED BREAK BREAK,
    NOT_TYPE_EXTENDED BREAK BREAK,
    NOT_TYPE_NARROWED ok ok,
}

/// What the model does not keep but the registry compares: `$id`, reserved property names, and
/// draft-07 `dependencies` in its array form, by schema location.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    pub ids: HashMap<String, String>,
    pub dependencies: HashMap<String, indexmap::IndexMap<String, Vec<String>>>,
}

/// One difference, located in both schemas.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub kind: Type,
    /// JSON pointer from the compared root (`/properties/orderId`).
    pub pointer: String,
    pub old: Span,
    pub new: Span,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "#"
        } else {
            &self.pointer
        };
        write!(f, "{} at {at}", self.kind.name())
    }
}

/// Lists the differences from `original` to `update`.
pub fn diff(
    old: &SchemaArena,
    o: SchemaId,
    new: &SchemaArena,
    n: SchemaId,
    policy: Policy,
    extra: (&Extra, &Extra),
) -> Vec<Difference> {
    let mut cx = Cx {
        old,
        new,
        policy,
        extra,
        out: Vec::new(),
        seen: HashSet::new(),
    };
    cx.compare(o, n, String::new());
    cx.out
}

/// The differences that break `mode` between two schemas (empty when compatible). Only the
/// two given schemas are compared: transitive modes are the caller's loop.
pub fn check_mode(
    old: &SchemaArena,
    o: SchemaId,
    new: &SchemaArena,
    n: SchemaId,
    mode: Mode,
    policy: Policy,
) -> Vec<Difference> {
    let none = Extra::default();
    let mut out = Vec::new();
    for backward in mode.checks() {
        let found = match backward {
            Mode::Backward => diff(old, o, new, n, policy, (&none, &none)),
            _ => diff(new, n, old, o, policy, (&none, &none))
                .into_iter()
                .map(|d| Difference {
                    old: d.new,
                    new: d.old,
                    ..d
                })
                .collect(),
        };
        out.extend(found.into_iter().filter(|d| !d.kind.compatible(policy)));
    }
    out
}

struct Cx<'a> {
    old: &'a SchemaArena,
    new: &'a SchemaArena,
    policy: Policy,
    extra: (&'a Extra, &'a Extra),
    out: Vec<Difference>,
    /// Pairs already compared: schemas are graphs, and a pair met again adds nothing new.
    seen: HashSet<(SchemaId, SchemaId)>,
}

/// What kind of value a schema describes, as the registry's schema classes see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    False,
    Empty,
    Combined,
    Not,
    Typed,
}

fn class(s: &Schema) -> Class {
    if s.boolean == Some(false) {
        return Class::False;
    }
    if !s.one_of.is_empty() || !s.any_of.is_empty() || !s.all_of.is_empty() {
        return Class::Combined;
    }
    if s.not.is_some() {
        return Class::Not;
    }
    if inferred_types(s).is_any() && s.enum_values.is_none() && s.const_value.is_none() {
        return Class::Empty;
    }
    Class::Typed
}

/// The declared types, else the types the keywords imply (the registry infers an object schema
/// from `properties`, a string schema from `maxLength`, …).
fn inferred_types(s: &Schema) -> TypeSet {
    if !s.types.is_any() {
        return s.types;
    }
    let c = &s.constraints;
    if !s.properties.is_empty()
        || !s.required.is_empty()
        || !matches!(s.additional, Additional::Unspecified)
        || !s.pattern_properties.is_empty()
    {
        return TypeSet::OBJECT;
    }
    if s.items.is_some()
        || !s.prefix_items.is_empty()
        || c.min_items.is_some()
        || c.max_items.is_some()
    {
        return TypeSet::ARRAY;
    }
    if c.max_length.is_some() || c.min_length.is_some() || c.pattern.is_some() {
        return TypeSet::STRING;
    }
    if c.minimum.is_some() || c.maximum.is_some() || c.multiple_of.is_some() {
        return TypeSet::NUMBER;
    }
    TypeSet::ANY
}

fn is_empty_schema(s: &Schema) -> bool {
    s.boolean == Some(true) || class(s) == Class::Empty
}

impl Cx<'_> {
    fn add(&mut self, kind: Type, pointer: &str, o: &Schema, n: &Schema) {
        self.out.push(Difference {
            kind,
            pointer: pointer.to_string(),
            old: o.span,
            new: n.span,
        });
    }

    /// A difference located at other spans than the two compared schemas' (a property removed
    /// is where it was in the old schema, one added where it is in the new).
    fn add_at(&mut self, kind: Type, pointer: &str, old: Span, new: Span) {
        self.out.push(Difference {
            kind,
            pointer: pointer.to_string(),
            old,
            new,
        });
    }

    /// Compares into a scratch list: true when everything found is compatible.
    fn compatible_sub(&mut self, o: SchemaId, n: SchemaId) -> bool {
        let saved_out = std::mem::take(&mut self.out);
        let saved_seen = self.seen.clone();
        self.compare(o, n, String::new());
        let ok = self.out.iter().all(|d| d.kind.compatible(self.policy));
        self.out = saved_out;
        self.seen = saved_seen;
        ok
    }

    fn compare(&mut self, o: SchemaId, n: SchemaId, p: String) {
        let o = self.old.resolve(o);
        let n = self.new.resolve(n);
        if !self.seen.insert((o, n)) {
            return;
        }
        let (os, ns) = (self.old.get(o), self.new.get(n));
        let (oc, nc) = (class(os), class(ns));
        // A non-combined schema that became a union: compatible when one branch reads it.
        if oc != Class::Combined && nc == Class::Combined && ns.all_of.is_empty() {
            let branches: Vec<SchemaId> = ns.one_of.iter().chain(&ns.any_of).copied().collect();
            if branches.len() == 1 {
                self.compare(o, branches[0], p);
                return;
            }
            if branches.iter().any(|&b| self.compatible_sub(o, b)) {
                self.add(Type::SUM_TYPE_EXTENDED, &p, os, ns);
                return;
            }
        }
        if oc != nc {
            if oc == Class::False || is_empty_schema(ns) {
                return;
            }
            if oc == Class::Empty && nc == Class::Not {
                self.add(Type::NOT_TYPE_EXTENDED, &p, os, ns);
                return;
            }
            self.add(Type::TYPE_CHANGED, &p, os, ns);
            return;
        }
        self.annotations(o, n, &p);
        match oc {
            Class::False | Class::Empty => {}
            Class::Combined => self.combined(os, ns, &p),
            Class::Not => {
                if let (Some(a), Some(b)) = (os.not, ns.not) {
                    // A `not` excludes: the update reads more when it excludes less.
                    let saved_out = std::mem::take(&mut self.out);
                    self.compare_swapped(b, a);
                    let inner = std::mem::replace(&mut self.out, saved_out);
                    if !inner.is_empty() {
                        let ok = inner.iter().all(|d| d.kind.compatible(self.policy));
                        self.add(
                            if ok {
                                Type::NOT_TYPE_NARROWED
                            } else {
                                Type::NOT_TYPE_EXTENDED
                            },
                            &p,
                            os,
                            ns,
                        );
                    }
                }
            }
            Class::Typed => self.typed(os, ns, &p),
        }
    }

    /// Compares a schema of the new arena with one of the old (for `not`), by swapping arenas.
    fn compare_swapped(&mut self, n_in_new: SchemaId, o_in_old: SchemaId) {
        let mut cx = Cx {
            old: self.new,
            new: self.old,
            policy: self.policy,
            extra: (self.extra.1, self.extra.0),
            out: Vec::new(),
            seen: HashSet::new(),
        };
        cx.compare(n_in_new, o_in_old, String::new());
        self.out = cx.out;
    }

    fn annotations(&mut self, o: SchemaId, n: SchemaId, p: &str) {
        let (os, ns) = (self.old.get(o), self.new.get(n));
        let id_of = |e: &Extra, s: &Schema| e.ids.get(&s.location).cloned();
        if id_of(self.extra.0, os) != id_of(self.extra.1, ns) {
            self.add(Type::ID_CHANGED, p, os, ns);
        }
        if os.title != ns.title {
            self.add(Type::TITLE_CHANGED, p, os, ns);
        }
        if os.description != ns.description {
            self.add(Type::DESCRIPTION_CHANGED, p, os, ns);
        }
        if os.default != ns.default {
            self.add(Type::DEFAULT_CHANGED, p, os, ns);
        }
    }

    fn typed(&mut self, os: &Schema, ns: &Schema, p: &str) {
        // `number` admits every integer, so it counts as containing `integer`.
        let norm = |t: TypeSet| {
            if t.contains(TypeSet::NUMBER) {
                t.union(TypeSet::INTEGER)
            } else {
                t
            }
        };
        let (ot, nt) = (inferred_types(os), inferred_types(ns));
        if ot != nt && !ot.is_any() && !nt.is_any() {
            let kind = if ot == TypeSet::INTEGER && nt == TypeSet::NUMBER {
                Type::TYPE_EXTENDED
            } else if ot == TypeSet::NUMBER && nt == TypeSet::INTEGER {
                Type::TYPE_NARROWED
            } else if norm(nt).contains(norm(ot)) {
                Type::SUM_TYPE_EXTENDED
            } else if norm(ot).contains(norm(nt)) {
                Type::SUM_TYPE_NARROWED
            } else {
                self.add(Type::TYPE_CHANGED, p, os, ns);
                return;
            };
            self.add(kind, p, os, ns);
        }
        self.enums(os, ns, p);
        let t = ot.union(nt);
        if t.contains(TypeSet::STRING) || t.is_any() {
            self.strings(os, ns, p);
        }
        if t.contains(TypeSet::NUMBER) || t.contains(TypeSet::INTEGER) || t.is_any() {
            self.numbers(os, ns, p);
        }
        if t.contains(TypeSet::OBJECT) {
            self.objects(os, ns, p);
        }
        if t.contains(TypeSet::ARRAY) {
            self.arrays(os, ns, p);
        }
        self.subschemas(os, ns, p);
    }

    fn enums(&mut self, os: &Schema, ns: &Schema, p: &str) {
        let values = |s: &Schema| {
            s.enum_values
                .clone()
                .or_else(|| s.const_value.clone().map(|c| vec![c]))
        };
        match (values(os), values(ns)) {
            (Some(a), Some(b)) => {
                let added = b.iter().any(|v| !a.contains(v));
                let removed = a.iter().any(|v| !b.contains(v));
                let kind = match (added, removed) {
                    (false, false) => return,
                    (true, false) => Type::ENUM_ARRAY_EXTENDED,
                    (false, true) => Type::ENUM_ARRAY_NARROWED,
                    (true, true) => Type::ENUM_ARRAY_CHANGED,
                };
                self.add(kind, p, os, ns);
            }
            (None, Some(_)) => self.add(Type::ENUM_ARRAY_NARROWED, p, os, ns),
            (Some(_), None) => self.add(Type::ENUM_ARRAY_EXTENDED, p, os, ns),
            (None, None) => {}
        }
    }

    /// One bound: `upper` bounds break when added or decreased, lower ones when added or
    /// increased.
    #[allow(clippy::too_many_arguments)]
    fn bound(
        &mut self,
        a: Option<f64>,
        b: Option<f64>,
        upper: bool,
        kinds: [Type; 4],
        p: &str,
        os: &Schema,
        ns: &Schema,
    ) {
        let [added, removed, increased, decreased] = kinds;
        let _ = upper;
        let kind = match (a, b) {
            (None, Some(_)) => added,
            (Some(_), None) => removed,
            (Some(x), Some(y)) if y > x => increased,
            (Some(x), Some(y)) if y < x => decreased,
            _ => return,
        };
        self.add(kind, p, os, ns);
    }

    fn strings(&mut self, os: &Schema, ns: &Schema, p: &str) {
        let (a, b) = (&os.constraints, &ns.constraints);
        let f = |v: Option<u64>| v.map(|v| v as f64);
        use Type::*;
        self.bound(
            f(a.max_length),
            f(b.max_length),
            true,
            [
                MAX_LENGTH_ADDED,
                MAX_LENGTH_REMOVED,
                MAX_LENGTH_INCREASED,
                MAX_LENGTH_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            f(a.min_length),
            f(b.min_length),
            false,
            [
                MIN_LENGTH_ADDED,
                MIN_LENGTH_REMOVED,
                MIN_LENGTH_INCREASED,
                MIN_LENGTH_DECREASED,
            ],
            p,
            os,
            ns,
        );
        match (&a.pattern, &b.pattern) {
            (None, Some(_)) => self.add(PATTERN_ADDED, p, os, ns),
            (Some(_), None) => self.add(PATTERN_REMOVED, p, os, ns),
            (Some(x), Some(y)) if x != y => self.add(PATTERN_CHANGED, p, os, ns),
            _ => {}
        }
    }

    fn numbers(&mut self, os: &Schema, ns: &Schema, p: &str) {
        let (a, b) = (&os.constraints, &ns.constraints);
        use Type::*;
        self.bound(
            a.maximum,
            b.maximum,
            true,
            [
                MAXIMUM_ADDED,
                MAXIMUM_REMOVED,
                MAXIMUM_INCREASED,
                MAXIMUM_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            a.minimum,
            b.minimum,
            false,
            [
                MINIMUM_ADDED,
                MINIMUM_REMOVED,
                MINIMUM_INCREASED,
                MINIMUM_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            a.exclusive_maximum,
            b.exclusive_maximum,
            true,
            [
                EXCLUSIVE_MAXIMUM_ADDED,
                EXCLUSIVE_MAXIMUM_REMOVED,
                EXCLUSIVE_MAXIMUM_INCREASED,
                EXCLUSIVE_MAXIMUM_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            a.exclusive_minimum,
            b.exclusive_minimum,
            false,
            [
                EXCLUSIVE_MINIMUM_ADDED,
                EXCLUSIVE_MINIMUM_REMOVED,
                EXCLUSIVE_MINIMUM_INCREASED,
                EXCLUSIVE_MINIMUM_DECREASED,
            ],
            p,
            os,
            ns,
        );
        match (a.multiple_of, b.multiple_of) {
            (None, Some(_)) => self.add(MULTIPLE_OF_ADDED, p, os, ns),
            (Some(_), None) => self.add(MULTIPLE_OF_REMOVED, p, os, ns),
            (Some(x), Some(y)) if x != y => {
                let divides =
                    |big: f64, small: f64| (big / small - (big / small).round()).abs() < 1e-9;
                // A multiple of the old step admits fewer values; a divisor of it admits more.
                let kind = if divides(y, x) {
                    MULTIPLE_OF_EXPANDED
                } else if divides(x, y) {
                    MULTIPLE_OF_REDUCED
                } else {
                    MULTIPLE_OF_CHANGED
                };
                self.add(kind, p, os, ns);
            }
            _ => {}
        }
    }

    fn objects(&mut self, os: &Schema, ns: &Schema, p: &str) {
        use Type::*;
        let (a, b) = (&os.constraints, &ns.constraints);
        let f = |v: Option<u64>| v.map(|v| v as f64);
        self.bound(
            f(a.max_properties),
            f(b.max_properties),
            true,
            [
                MAX_PROPERTIES_ADDED,
                MAX_PROPERTIES_REMOVED,
                MAX_PROPERTIES_INCREASED,
                MAX_PROPERTIES_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            f(a.min_properties),
            f(b.min_properties),
            false,
            [
                MIN_PROPERTIES_ADDED,
                MIN_PROPERTIES_REMOVED,
                MIN_PROPERTIES_INCREASED,
                MIN_PROPERTIES_DECREASED,
            ],
            p,
            os,
            ns,
        );
        // `required` of properties both revisions have; new properties are judged below.
        for name in &ns.required {
            if !os.required.contains(name) && os.properties.contains_key(name) {
                let has_default = ns
                    .properties
                    .get(name)
                    .is_some_and(|&id| self.new.get(self.new.resolve(id)).default.is_some());
                self.add(
                    if has_default {
                        REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                    } else {
                        REQUIRED_ATTRIBUTE_ADDED
                    },
                    p,
                    os,
                    ns,
                );
            }
        }
        for name in &os.required {
            if !ns.required.contains(name) {
                self.add(REQUIRED_ATTRIBUTE_REMOVED, p, os, ns);
            }
        }
        self.properties(os, ns, p);
        self.reserved(os, ns, p);
        self.dependencies(os, ns, p);
        // additionalProperties
        let permits = |s: &Schema| !matches!(s.additional, Additional::Allowed(false));
        let schema_of = |s: &Schema| match s.additional {
            Additional::Schema(id) => Some(id),
            _ => None,
        };
        let pa = format!("{p}/additionalProperties");
        if permits(os) != permits(ns) {
            self.add(
                if permits(os) {
                    ADDITIONAL_PROPERTIES_REMOVED
                } else {
                    ADDITIONAL_PROPERTIES_ADDED
                },
                &pa,
                os,
                ns,
            );
        } else {
            match (schema_of(os), schema_of(ns)) {
                (None, Some(_)) => self.add(ADDITIONAL_PROPERTIES_NARROWED, &pa, os, ns),
                (Some(_), None) => self.add(ADDITIONAL_PROPERTIES_EXTENDED, &pa, os, ns),
                (Some(x), Some(y)) => self.compare(x, y, pa),
                (None, None) => {}
            }
        }
        let pu = format!("{p}/unevaluatedProperties");
        let (ou, nu) = (os.unevaluated_properties, ns.unevaluated_properties);
        let is_false = |arena: &SchemaArena, id: Option<SchemaId>| {
            id.is_some_and(|i| arena.get(arena.resolve(i)).boolean == Some(false))
        };
        let (of, nf) = (is_false(self.old, ou), is_false(self.new, nu));
        if of != nf {
            self.add(
                if nf {
                    UNEVALUATED_PROPERTIES_REMOVED
                } else {
                    UNEVALUATED_PROPERTIES_ADDED
                },
                &pu,
                os,
                ns,
            );
        } else if !of {
            match (ou, nu) {
                (None, Some(_)) => self.add(UNEVALUATED_PROPERTIES_NARROWED, &pu, os, ns),
                (Some(_), None) => self.add(UNEVALUATED_PROPERTIES_EXTENDED, &pu, os, ns),
                (Some(x), Some(y)) => self.compare(x, y, pu),
                (None, None) => {}
            }
        }
    }

    /// The schema a content model gives a property it does not list: a matching pattern, else
    /// the `additionalProperties` schema.
    fn partial(arena: &SchemaArena, s: &Schema, name: &str) -> Option<SchemaId> {
        let _ = arena;
        for (pattern, &id) in &s.pattern_properties {
            if regex::Regex::new(pattern).is_ok_and(|r| r.is_match(name)) {
                return Some(id);
            }
        }
        match s.additional {
            Additional::Schema(id) => Some(id),
            _ => None,
        }
    }

    fn open(s: &Schema) -> bool {
        s.pattern_properties.is_empty()
            && matches!(
                s.additional,
                Additional::Unspecified | Additional::Allowed(true)
            )
    }

    fn properties(&mut self, os: &Schema, ns: &Schema, p: &str) {
        use Type::*;
        for (name, &oid) in &os.properties {
            let pp = format!(
                "{p}/properties/{}",
                crate::formats::tree::escape_pointer_token(name)
            );
            match ns.properties.get(name) {
                Some(&nid) => self.compare(oid, nid, pp),
                None => {
                    let kind = if Self::open(ns) {
                        PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL
                    } else if let Some(cover) = Self::partial(self.new, ns, name) {
                        if self.compatible_sub(oid, cover) {
                            PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        } else {
                            PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        }
                    } else if self.old.get(self.old.resolve(oid)).boolean == Some(false) {
                        PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                    } else {
                        PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL
                    };
                    self.add_at(kind, &pp, self.old.get(oid).span, ns.span);
                }
            }
        }
        for (name, &nid) in &ns.properties {
            if os.properties.contains_key(name) {
                continue;
            }
            let pp = format!(
                "{p}/properties/{}",
                crate::formats::tree::escape_pointer_token(name)
            );
            let schema = self.new.get(self.new.resolve(nid));
            let required = ns.required.contains(name);
            let has_default = schema.default.is_some();
            let kind = if Self::open(os) {
                if schema.boolean == Some(false) {
                    PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                } else if is_empty_schema(schema) {
                    PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                } else if required && has_default {
                    REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                } else if required {
                    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                } else {
                    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                }
            } else if let Some(cover) = Self::partial(self.old, os, name) {
                if self.compatible_sub(cover, nid) {
                    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                } else {
                    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                }
            } else if required && has_default {
                REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
            } else if required {
                REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
            } else {
                OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
            };
            self.add_at(kind, &pp, os.span, self.new.get(nid).span);
        }
    }

    fn reserved(&mut self, os: &Schema, ns: &Schema, p: &str) {
        let names = |s: &Schema| -> Vec<String> {
            s.extensions
                .get("x-reserved")
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (a, b) = (names(os), names(ns));
        if a.iter().any(|r| !b.contains(r)) {
            self.add(Type::RESERVED_PROPERTY_REMOVED, p, os, ns);
        }
        // A conflict counts once, when it appears.
        if b.iter().any(|r| {
            ns.properties.contains_key(r) && !(a.contains(r) && os.properties.contains_key(r))
        }) {
            self.add(Type::RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY, p, os, ns);
        }
    }

    fn dependencies(&mut self, os: &Schema, ns: &Schema, p: &str) {
        use Type::*;
        let arrays = |e: &Extra, s: &Schema| {
            let mut m = s.dependent_required.clone();
            if let Some(d) = e.dependencies.get(&s.location) {
                m.extend(d.clone());
            }
            m
        };
        let (a, b) = (arrays(self.extra.0, os), arrays(self.extra.1, ns));
        let pd = format!("{p}/dependentRequired");
        for (k, va) in &a {
            match b.get(k) {
                None => self.add(DEPENDENCY_ARRAY_REMOVED, &pd, os, ns),
                Some(vb) => {
                    let added = vb.iter().any(|v| !va.contains(v));
                    let removed = va.iter().any(|v| !vb.contains(v));
                    match (added, removed) {
                        (true, false) => self.add(DEPENDENCY_ARRAY_EXTENDED, &pd, os, ns),
                        (false, true) => self.add(DEPENDENCY_ARRAY_NARROWED, &pd, os, ns),
                        (true, true) => self.add(DEPENDENCY_ARRAY_CHANGED, &pd, os, ns),
                        (false, false) => {}
                    }
                }
            }
        }
        for k in b.keys() {
            if !a.contains_key(k) {
                self.add(DEPENDENCY_ARRAY_ADDED, &pd, os, ns);
            }
        }
        for (k, &x) in &os.dependent_schemas {
            let ps = format!("{p}/dependentSchemas/{k}");
            match ns.dependent_schemas.get(k) {
                None => self.add(DEPENDENCY_SCHEMA_REMOVED, &ps, os, ns),
                Some(&y) => self.compare(x, y, ps),
            }
        }
        for k in ns.dependent_schemas.keys() {
            if !os.dependent_schemas.contains_key(k) {
                self.add(
                    DEPENDENCY_SCHEMA_ADDED,
                    &format!("{p}/dependentSchemas/{k}"),
                    os,
                    ns,
                );
            }
        }
    }

    fn arrays(&mut self, os: &Schema, ns: &Schema, p: &str) {
        use Type::*;
        let (a, b) = (&os.constraints, &ns.constraints);
        let f = |v: Option<u64>| v.map(|v| v as f64);
        self.bound(
            f(a.max_items),
            f(b.max_items),
            true,
            [
                MAX_ITEMS_ADDED,
                MAX_ITEMS_REMOVED,
                MAX_ITEMS_INCREASED,
                MAX_ITEMS_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            f(a.min_items),
            f(b.min_items),
            false,
            [
                MIN_ITEMS_ADDED,
                MIN_ITEMS_REMOVED,
                MIN_ITEMS_INCREASED,
                MIN_ITEMS_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            f(a.max_contains),
            f(b.max_contains),
            true,
            [
                MAX_CONTAINS_ADDED,
                MAX_CONTAINS_REMOVED,
                MAX_CONTAINS_INCREASED,
                MAX_CONTAINS_DECREASED,
            ],
            p,
            os,
            ns,
        );
        self.bound(
            f(a.min_contains),
            f(b.min_contains),
            false,
            [
                MIN_CONTAINS_ADDED,
                MIN_CONTAINS_REMOVED,
                MIN_CONTAINS_INCREASED,
                MIN_CONTAINS_DECREASED,
            ],
            p,
            os,
            ns,
        );
        match (a.unique_items, b.unique_items) {
            (false, true) => self.add(UNIQUE_ITEMS_ADDED, p, os, ns),
            (true, false) => self.add(UNIQUE_ITEMS_REMOVED, p, os, ns),
            _ => {}
        }
        let is_false = |arena: &SchemaArena, id: Option<SchemaId>| {
            id.is_some_and(|i| arena.get(arena.resolve(i)).boolean == Some(false))
        };
        let pu = format!("{p}/unevaluatedItems");
        let (ou, nu) = (os.unevaluated_items, ns.unevaluated_items);
        let (of, nf) = (is_false(self.old, ou), is_false(self.new, nu));
        if of != nf {
            self.add(
                if nf {
                    UNEVALUATED_ITEMS_REMOVED
                } else {
                    UNEVALUATED_ITEMS_ADDED
                },
                &pu,
                os,
                ns,
            );
        } else if !of {
            match (ou, nu) {
                (None, Some(_)) => self.add(UNEVALUATED_ITEMS_NARROWED, &pu, os, ns),
                (Some(_), None) => self.add(UNEVALUATED_ITEMS_EXTENDED, &pu, os, ns),
                (Some(x), Some(y)) => self.compare(x, y, pu),
                (None, None) => {}
            }
        }
        let tuple = !os.prefix_items.is_empty() || !ns.prefix_items.is_empty();
        if !tuple {
            match (os.items, ns.items) {
                (Some(x), Some(y)) => self.compare(x, y, format!("{p}/items")),
                (None, Some(_)) => self.add(SCHEMA_ADDED, &format!("{p}/items"), os, ns),
                (Some(_), None) => self.add(SCHEMA_REMOVED, &format!("{p}/items"), os, ns),
                (None, None) => {}
            }
            return;
        }
        // Tuples: positional items, then what `items` (`additionalItems`) allows after them.
        let permits = |arena: &SchemaArena, s: &Schema| !is_false(arena, s.items);
        let rest = |arena: &SchemaArena, s: &Schema| {
            s.items
                .filter(|&i| arena.get(arena.resolve(i)).boolean.is_none())
        };
        let pa = format!("{p}/additionalItems");
        let (op, np) = (permits(self.old, os), permits(self.new, ns));
        if op != np {
            self.add(
                if op {
                    ADDITIONAL_ITEMS_REMOVED
                } else {
                    ADDITIONAL_ITEMS_ADDED
                },
                &pa,
                os,
                ns,
            );
        } else {
            match (rest(self.old, os), rest(self.new, ns)) {
                (None, Some(_)) => self.add(ADDITIONAL_ITEMS_NARROWED, &pa, os, ns),
                (Some(_), None) => self.add(ADDITIONAL_ITEMS_EXTENDED, &pa, os, ns),
                (Some(x), Some(y)) => self.compare(x, y, pa.clone()),
                (None, None) => {}
            }
        }
        let open = |arena: &SchemaArena, s: &Schema| permits(arena, s) && rest(arena, s).is_none();
        let len = os.prefix_items.len().max(ns.prefix_items.len());
        for i in 0..len {
            let pi = format!("{p}/items/{i}");
            match (os.prefix_items.get(i), ns.prefix_items.get(i)) {
                (Some(&x), Some(&y)) => self.compare(x, y, pi),
                (Some(&x), None) => {
                    let kind = if open(self.new, ns) {
                        ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL
                    } else if let Some(cover) = rest(self.new, ns) {
                        if self.compatible_sub(x, cover) {
                            ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        } else {
                            ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        }
                    } else if self.old.get(self.old.resolve(x)).boolean == Some(false) {
                        ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                    } else {
                        ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL
                    };
                    self.add_at(kind, &pi, self.old.get(x).span, ns.span);
                }
                (None, Some(&y)) => {
                    let kind = if open(self.old, os) {
                        if is_empty_schema(self.new.get(self.new.resolve(y))) {
                            ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                        } else {
                            ITEM_ADDED_TO_OPEN_CONTENT_MODEL
                        }
                    } else if let Some(cover) = rest(self.old, os) {
                        if self.compatible_sub(cover, y) {
                            ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        } else {
                            ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        }
                    } else {
                        ITEM_ADDED_TO_CLOSED_CONTENT_MODEL
                    };
                    self.add_at(kind, &pi, os.span, self.new.get(y).span);
                }
                (None, None) => {}
            }
        }
    }

    /// Single subschemas that are not part of the content model: added ones restrict, removed
    /// ones relax, shared ones are compared.
    fn subschemas(&mut self, os: &Schema, ns: &Schema, p: &str) {
        let pairs = [
            ("contains", os.contains, ns.contains),
            ("propertyNames", os.property_names, ns.property_names),
            ("if", os.if_schema, ns.if_schema),
            ("then", os.then_schema, ns.then_schema),
            ("else", os.else_schema, ns.else_schema),
            ("contentSchema", os.content_schema, ns.content_schema),
        ];
        for (k, a, b) in pairs {
            let pk = format!("{p}/{k}");
            match (a, b) {
                (None, Some(_)) => self.add(Type::SCHEMA_ADDED, &pk, os, ns),
                (Some(_), None) => self.add(Type::SCHEMA_REMOVED, &pk, os, ns),
                (Some(x), Some(y)) => self.compare(x, y, pk),
                (None, None) => {}
            }
        }
    }

    fn combined(&mut self, os: &Schema, ns: &Schema, p: &str) {
        use Type::*;
        #[derive(PartialEq, Clone, Copy)]
        enum Criterion {
            All,
            Any,
            One,
        }
        let of = |s: &Schema| -> (Criterion, Vec<SchemaId>, &'static str) {
            if !s.all_of.is_empty() {
                (Criterion::All, s.all_of.clone(), "allOf")
            } else if !s.any_of.is_empty() {
                (Criterion::Any, s.any_of.clone(), "anyOf")
            } else {
                (Criterion::One, s.one_of.clone(), "oneOf")
            }
        };
        let (oc, ob, _) = of(os);
        let (nc, nb, key) = of(ns);
        if oc != nc {
            if nc == Criterion::Any || (ob.len() == 1 && nc == Criterion::One) {
                self.add(COMBINED_TYPE_EXTENDED, p, os, ns);
            } else {
                self.add(COMBINED_TYPE_CHANGED, p, os, ns);
                return;
            }
        }
        if ob.len() < nb.len() {
            self.add(
                if nc == Criterion::All {
                    PRODUCT_TYPE_EXTENDED
                } else {
                    SUM_TYPE_EXTENDED
                },
                p,
                os,
                ns,
            );
        } else if ob.len() > nb.len() {
            self.add(
                if nc == Criterion::All {
                    PRODUCT_TYPE_NARROWED
                } else {
                    SUM_TYPE_NARROWED
                },
                p,
                os,
                ns,
            );
        }
        // Match branches: each old branch with a compatible new one, greedily in order.
        let mut used = vec![false; nb.len()];
        let mut matched = Vec::new();
        for &x in &ob {
            if let Some(j) = (0..nb.len()).find(|&j| !used[j] && self.compatible_sub(x, nb[j])) {
                used[j] = true;
                matched.push((x, j));
            }
        }
        if matched.len() < ob.len().min(nb.len()) {
            self.add(COMBINED_TYPE_SUBSCHEMAS_CHANGED, p, os, ns);
            return;
        }
        for (x, j) in matched {
            self.compare(x, nb[j], format!("{p}/{key}/{j}"));
        }
    }
}
