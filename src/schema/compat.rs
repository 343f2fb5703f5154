//! Direction-aware JSON Schema compatibility: what changed between two revisions of a schema, and
//! whether the change breaks whoever is on the other side of it.
//!
//! The OpenAPI and AsyncAPI differs pair their elements (operations, bodies, parameters, messages)
//! and hand each pair of schemas here with the [`Direction`] of the data. One rule decides every
//! judgement: what a consumer writes (request bodies, parameters, request headers, messages a
//! service receives) may only **widen**, since clients keep sending what the old schema allowed;
//! what a provider writes (responses, response headers, events a service sends) may only
//! **narrow**, since clients were written to handle what the old schema allowed and nothing
//! more. Each [`Change`] carries a neutral [`ChangeKind`] (a narrowing, a widening or a change
//! that is both) and the [`Impact`] that follows from the direction, so format differs never
//! restate the rule.
//!
//! Schemas are compared by what they accept, not by how they are written:
//!
//! - `$ref`s are followed, so an inline schema replaced by an equivalent reference (or the
//!   reverse) is no change, and `allOf` is flattened into one effective schema (properties,
//!   `required`, types and bounds of all branches together) before comparing.
//! - `oneOf`/`anyOf` branches pair by the component they refer to, then by equivalence, then by
//!   position; a schema wrapped into `oneOf: [X, Y]` is judged as X plus the alternative Y.
//! - `readOnly` properties do not exist in what a consumer writes, `writeOnly` ones not in what a
//!   provider writes.
//!
//! **Cycles and cost.** Schemas are a graph (Stripe's description has a cycle through 71
//! schemas). Each pair `(old schema, new schema, direction)` is compared once and memoised as a
//! node of a diff graph; meeting a pair again, even while it is still being compared further up,
//! links to its node instead of descending. The result is a graph of at most one node per pair
//! compared, and [`Engine::changes`] flattens it from one root with a visited set, so nothing is
//! ever expanded into a tree. The engine is meant to live for one contract pair, so the schemas
//! shared by many operations are compared once for all of them.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::model::{Additional, Direction, Schema, SchemaArena, SchemaId, TypeSet};
use crate::source::Span;

/// How many schema pairs deep one comparison descends before it stops looking further down
/// (what lies deeper counts as unchanged). Comparison recurses, one level per nested pair, and a
/// chain of distinct references can be arbitrarily long in a hostile document; the bound keeps
/// the stack well inside a 2 MB thread. Real descriptions stay far below it (Stripe's deepest
/// comparison is a few dozen levels).
pub const MAX_DEPTH: usize = 256;

/// What a change does for whoever reads or writes the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Impact {
    /// Documentation, or a change every client keeps working through.
    Compatible,
    /// Breaks some clients, depending on how they are written (a new value in a response enum,
    /// an optional response property that disappears).
    Warning,
    /// Breaks clients written against the old schema.
    Breaking,
}

/// An upper or lower bound keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Limit {
    MaxLength,
    MinLength,
    Maximum,
    Minimum,
    ExclusiveMaximum,
    ExclusiveMinimum,
    MaxItems,
    MinItems,
    MaxProperties,
    MinProperties,
    MaxContains,
    MinContains,
}

impl Limit {
    pub const ALL: [Limit; 12] = [
        Limit::MaxLength,
        Limit::MinLength,
        Limit::Maximum,
        Limit::Minimum,
        Limit::ExclusiveMaximum,
        Limit::ExclusiveMinimum,
        Limit::MaxItems,
        Limit::MinItems,
        Limit::MaxProperties,
        Limit::MinProperties,
        Limit::MaxContains,
        Limit::MinContains,
    ];

    /// True for bounds that cap a value from above (`maxLength`, `maximum`, …).
    pub fn is_upper(self) -> bool {
        matches!(
            self,
            Limit::MaxLength
                | Limit::Maximum
                | Limit::ExclusiveMaximum
                | Limit::MaxItems
                | Limit::MaxProperties
                | Limit::MaxContains
        )
    }

    /// The keyword as written in a schema.
    pub fn keyword(self) -> &'static str {
        match self {
            Limit::MaxLength => "maxLength",
            Limit::MinLength => "minLength",
            Limit::Maximum => "maximum",
            Limit::Minimum => "minimum",
            Limit::ExclusiveMaximum => "exclusiveMaximum",
            Limit::ExclusiveMinimum => "exclusiveMinimum",
            Limit::MaxItems => "maxItems",
            Limit::MinItems => "minItems",
            Limit::MaxProperties => "maxProperties",
            Limit::MinProperties => "minProperties",
            Limit::MaxContains => "maxContains",
            Limit::MinContains => "minContains",
        }
    }

    /// The keyword as rule ids spell it (oasdiff's vocabulary: `max`, `exclusive-min`, …).
    pub fn slug(self) -> &'static str {
        match self {
            Limit::MaxLength => "max-length",
            Limit::MinLength => "min-length",
            Limit::Maximum => "max",
            Limit::Minimum => "min",
            Limit::ExclusiveMaximum => "exclusive-max",
            Limit::ExclusiveMinimum => "exclusive-min",
            Limit::MaxItems => "max-items",
            Limit::MinItems => "min-items",
            Limit::MaxProperties => "max-properties",
            Limit::MinProperties => "min-properties",
            Limit::MaxContains => "max-contains",
            Limit::MinContains => "min-contains",
        }
    }

    fn of(self, s: &Schema) -> Option<f64> {
        let c = &s.constraints;
        let u = |v: Option<u64>| v.map(|v| v as f64);
        match self {
            Limit::MaxLength => u(c.max_length),
            Limit::MinLength => u(c.min_length),
            Limit::Maximum => c.maximum,
            Limit::Minimum => c.minimum,
            Limit::ExclusiveMaximum => c.exclusive_maximum,
            Limit::ExclusiveMinimum => c.exclusive_minimum,
            Limit::MaxItems => u(c.max_items),
            Limit::MinItems => u(c.min_items),
            Limit::MaxProperties => u(c.max_properties),
            Limit::MinProperties => u(c.min_properties),
            Limit::MaxContains => u(c.max_contains),
            Limit::MinContains => u(c.min_contains),
        }
    }

    /// The JSON types the bound applies to.
    fn applies_to(self) -> TypeSet {
        match self {
            Limit::MaxLength | Limit::MinLength => TypeSet::STRING,
            Limit::Maximum | Limit::Minimum | Limit::ExclusiveMaximum | Limit::ExclusiveMinimum => {
                TypeSet::NUMBER.union(TypeSet::INTEGER)
            }
            Limit::MaxItems | Limit::MinItems | Limit::MaxContains | Limit::MinContains => {
                TypeSet::ARRAY
            }
            Limit::MaxProperties | Limit::MinProperties => TypeSet::OBJECT,
        }
    }
}

/// How a bound moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    Set,
    Unset,
    Increased,
    Decreased,
}

impl Bound {
    pub const ALL: [Bound; 4] = [Bound::Set, Bound::Unset, Bound::Increased, Bound::Decreased];

    pub fn slug(self) -> &'static str {
        match self {
            Bound::Set => "set",
            Bound::Unset => "unset",
            Bound::Increased => "increased",
            Bound::Decreased => "decreased",
        }
    }
}

/// The JSON Schema 2019-09/2020-12 keywords (and a few older ones) whose presence is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Keyword {
    Contains,
    DependentRequired,
    DependentSchema,
    If,
    Then,
    Else,
    UnevaluatedItems,
    UnevaluatedProperties,
    PropertyNames,
    ContentSchema,
    PatternProperty,
    PrefixItems,
    Not,
}

impl Keyword {
    pub const ALL: [Keyword; 13] = [
        Keyword::Contains,
        Keyword::DependentRequired,
        Keyword::DependentSchema,
        Keyword::If,
        Keyword::Then,
        Keyword::Else,
        Keyword::UnevaluatedItems,
        Keyword::UnevaluatedProperties,
        Keyword::PropertyNames,
        Keyword::ContentSchema,
        Keyword::PatternProperty,
        Keyword::PrefixItems,
        Keyword::Not,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Keyword::Contains => "contains",
            Keyword::DependentRequired => "dependent-required",
            Keyword::DependentSchema => "dependent-schema",
            Keyword::If => "if",
            Keyword::Then => "then",
            Keyword::Else => "else",
            Keyword::UnevaluatedItems => "unevaluated-items",
            Keyword::UnevaluatedProperties => "unevaluated-properties",
            Keyword::PropertyNames => "property-names",
            Keyword::ContentSchema => "content-schema",
            Keyword::PatternProperty => "pattern-property",
            Keyword::PrefixItems => "prefix-items",
            Keyword::Not => "not",
        }
    }

    pub fn keyword(self) -> &'static str {
        match self {
            Keyword::Contains => "contains",
            Keyword::DependentRequired => "dependentRequired",
            Keyword::DependentSchema => "dependentSchemas",
            Keyword::If => "if",
            Keyword::Then => "then",
            Keyword::Else => "else",
            Keyword::UnevaluatedItems => "unevaluatedItems",
            Keyword::UnevaluatedProperties => "unevaluatedProperties",
            Keyword::PropertyNames => "propertyNames",
            Keyword::ContentSchema => "contentSchema",
            Keyword::PatternProperty => "patternProperties",
            Keyword::PrefixItems => "prefixItems",
            Keyword::Not => "not",
        }
    }
}

/// Added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Presence {
    Added,
    Removed,
    Changed,
}

impl Presence {
    pub fn slug(self) -> &'static str {
        match self {
            Presence::Added => "added",
            Presence::Removed => "removed",
            Presence::Changed => "changed",
        }
    }
}

/// What changed, independent of direction. [`ChangeKind::slug`] names it the way rule ids do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A property appeared (`required` in the new revision or not; `with_default` when it has a
    /// `default`).
    PropertyAdded {
        required: bool,
        with_default: bool,
    },
    PropertyRemoved {
        required: bool,
    },
    PropertyBecameRequired {
        with_default: bool,
    },
    PropertyBecameOptional,
    /// `additionalProperties` closed (`false`, or a schema where anything was allowed).
    AdditionalPropertiesNarrowed,
    AdditionalPropertiesWidened,
    /// The types are neither a subset nor a superset of the old ones (`string` → `integer`).
    TypeChanged,
    /// The new types accept more (`integer` → `number`, a type or format dropped).
    TypeGeneralized,
    /// The new types accept less (`number` → `integer`, a type or format added).
    TypeSpecialized,
    /// A list of types grew (`[string]` → `[string, integer]`).
    TypesWidened,
    TypesNarrowed,
    BecameNullable,
    BecameNotNullable,
    BecameEnum,
    /// The `enum` keyword was dropped: any value of the type is possible now.
    EnumDropped,
    EnumValueAdded,
    EnumValueRemoved,
    /// A value left an `x-extensible-enum` list.
    ExtensibleEnumValueRemoved,
    ConstAdded,
    ConstRemoved,
    ConstChanged,
    DefaultAdded,
    DefaultRemoved,
    DefaultChanged,
    Limit(Limit, Bound),
    /// `multipleOf` set or changed so that fewer values qualify.
    MultipleOfNarrowed,
    MultipleOfWidened,
    MultipleOfChanged,
    UniqueItemsAdded,
    UniqueItemsRemoved,
    PatternAdded,
    PatternRemoved,
    PatternChanged,
    Keyword(Keyword, Presence),
    ContentEncodingChanged,
    ContentMediaTypeChanged,
    OneOfAdded,
    OneOfRemoved,
    AnyOfAdded,
    AnyOfRemoved,
    AllOfAdded,
    AllOfRemoved,
    /// The schema became one alternative of a new `oneOf`.
    WrappedInOneOf,
    DiscriminatorAdded,
    DiscriminatorRemoved,
    DiscriminatorPropertyNameChanged,
    DiscriminatorMappingAdded,
    DiscriminatorMappingDeleted,
    DiscriminatorMappingChanged,
    /// `deprecated: true` appeared; `new_value` is the `x-sunset` date when there is one.
    Deprecated,
    Reactivated,
    /// `x-sunset` changed on a deprecated schema.
    SunsetChanged,
    /// `x-stability-level` changed.
    StabilityChanged,
    DescriptionChanged,
}

/// `Keyword` where `ChangeKind::Keyword` shadows it.
type Kw = Keyword;

/// How a change moves the set of accepted values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    Narrows,
    Widens,
    Both,
    /// Cannot be told apart (two regular expressions): worth a warning either way.
    Unknown,
    /// Changes behaviour for writers that leave the value out (a `default`).
    WriterDefault,
    Annotation,
}

impl ChangeKind {
    /// The change as rule ids name it after their context prefix (`max-length-decreased`,
    /// `became-nullable`, `one-of-added`, …). Property existence kinds have irregular ids in
    /// oasdiff's vocabulary; the format differ maps those itself.
    pub fn slug(self) -> Cow<'static, str> {
        use ChangeKind::*;
        Cow::Borrowed(match self {
            PropertyAdded { .. } => "property-added",
            PropertyRemoved { .. } => "property-removed",
            PropertyBecameRequired {
                with_default: false,
            } => "became-required",
            PropertyBecameRequired { with_default: true } => "became-required-with-default",
            PropertyBecameOptional => "became-optional",
            AdditionalPropertiesNarrowed => "additional-properties-narrowed",
            AdditionalPropertiesWidened => "additional-properties-widened",
            TypeChanged => "type-changed",
            TypeGeneralized => "type-generalized",
            TypeSpecialized => "type-specialized",
            TypesWidened => "list-of-types-widened",
            TypesNarrowed => "list-of-types-narrowed",
            BecameNullable => "became-nullable",
            BecameNotNullable => "became-not-nullable",
            BecameEnum => "became-enum",
            EnumDropped => "enum-dropped",
            EnumValueAdded => "enum-value-added",
            EnumValueRemoved => "enum-value-removed",
            ExtensibleEnumValueRemoved => "x-extensible-enum-value-removed",
            ConstAdded => "const-added",
            ConstRemoved => "const-removed",
            ConstChanged => "const-changed",
            DefaultAdded => "default-value-added",
            DefaultRemoved => "default-value-removed",
            DefaultChanged => "default-value-changed",
            Limit(l, b) => return Cow::Owned(format!("{}-{}", l.slug(), b.slug())),
            MultipleOfNarrowed => "multiple-of-narrowed",
            MultipleOfWidened => "multiple-of-widened",
            MultipleOfChanged => "multiple-of-changed",
            UniqueItemsAdded => "unique-items-added",
            UniqueItemsRemoved => "unique-items-removed",
            PatternAdded => "pattern-added",
            PatternRemoved => "pattern-removed",
            PatternChanged => "pattern-changed",
            Keyword(k, p) => return Cow::Owned(format!("{}-{}", k.slug(), p.slug())),
            ContentEncodingChanged => "content-encoding-changed",
            ContentMediaTypeChanged => "content-media-type-changed",
            OneOfAdded => "one-of-added",
            OneOfRemoved => "one-of-removed",
            AnyOfAdded => "any-of-added",
            AnyOfRemoved => "any-of-removed",
            AllOfAdded => "all-of-added",
            AllOfRemoved => "all-of-removed",
            WrappedInOneOf => "wrapped-in-one-of",
            DiscriminatorAdded => "discriminator-added",
            DiscriminatorRemoved => "discriminator-removed",
            DiscriminatorPropertyNameChanged => "discriminator-property-name-changed",
            DiscriminatorMappingAdded => "discriminator-mapping-added",
            DiscriminatorMappingDeleted => "discriminator-mapping-deleted",
            DiscriminatorMappingChanged => "discriminator-mapping-changed",
            Deprecated => "deprecated",
            Reactivated => "reactivated",
            SunsetChanged => "sunset-changed",
            StabilityChanged => "stability-changed",
            DescriptionChanged => "description-changed",
        })
    }

    /// Slugs of the same effect to fall back on when a format has no rule for this one (a bound
    /// that is set narrows like one that is tightened).
    pub fn fallback_slugs(self) -> Vec<Cow<'static, str>> {
        use ChangeKind::*;
        let owned = |s: String| Cow::Owned(s);
        match self {
            TypeSpecialized => vec!["type-changed".into()],
            TypesNarrowed => vec!["type-specialized".into(), "type-changed".into()],
            TypesWidened => vec!["type-generalized".into()],
            ExtensibleEnumValueRemoved => vec!["enum-value-removed".into()],
            EnumDropped => vec!["enum-value-added".into()],
            MultipleOfNarrowed | MultipleOfWidened => vec!["multiple-of-changed".into()],
            Limit(l, Bound::Set) => vec![owned(format!(
                "{}-{}",
                l.slug(),
                if l.is_upper() {
                    "decreased"
                } else {
                    "increased"
                }
            ))],
            Limit(l, Bound::Unset) => vec![owned(format!(
                "{}-{}",
                l.slug(),
                if l.is_upper() {
                    "increased"
                } else {
                    "decreased"
                }
            ))],
            _ => Vec::new(),
        }
    }

    /// True for the kinds that add, remove or change whether a property is required: rule ids
    /// name them after the property, whatever the depth.
    pub fn is_property(self) -> bool {
        matches!(
            self,
            ChangeKind::PropertyAdded { .. }
                | ChangeKind::PropertyRemoved { .. }
                | ChangeKind::PropertyBecameRequired { .. }
                | ChangeKind::PropertyBecameOptional
        )
    }

    /// True for changes that do not change which values are accepted: documentation, defaults,
    /// discriminators, lifecycle markers, and the way `allOf` is split up.
    pub fn is_annotation(self) -> bool {
        matches!(self.effect(), Effect::Annotation | Effect::WriterDefault)
    }

    fn effect(self) -> Effect {
        use ChangeKind::*;
        match self {
            PropertyAdded { .. } | PropertyRemoved { .. } => Effect::Both,
            PropertyBecameRequired { .. } => Effect::Narrows,
            PropertyBecameOptional => Effect::Widens,
            AdditionalPropertiesNarrowed => Effect::Narrows,
            AdditionalPropertiesWidened => Effect::Widens,
            TypeChanged | ConstChanged | MultipleOfChanged => Effect::Both,
            TypeGeneralized | TypesWidened | BecameNullable | EnumDropped | EnumValueAdded => {
                Effect::Widens
            }
            TypeSpecialized
            | TypesNarrowed
            | BecameNotNullable
            | BecameEnum
            | EnumValueRemoved
            | ExtensibleEnumValueRemoved
            | ConstAdded => Effect::Narrows,
            ConstRemoved => Effect::Widens,
            DefaultAdded | DefaultRemoved | DefaultChanged => Effect::WriterDefault,
            Limit(l, b) => match (l.is_upper(), b) {
                (true, Bound::Set | Bound::Decreased) | (false, Bound::Set | Bound::Increased) => {
                    Effect::Narrows
                }
                _ => Effect::Widens,
            },
            MultipleOfNarrowed | UniqueItemsAdded | PatternAdded => Effect::Narrows,
            MultipleOfWidened | UniqueItemsRemoved | PatternRemoved => Effect::Widens,
            PatternChanged => Effect::Unknown,
            // A tuple (`prefixItems`) is read as closed: one more position accepts longer arrays.
            Keyword(Kw::PrefixItems, Presence::Added) => Effect::Widens,
            Keyword(Kw::PrefixItems, Presence::Removed) => Effect::Narrows,
            Keyword(_, Presence::Added) => Effect::Narrows,
            Keyword(_, Presence::Removed) => Effect::Widens,
            Keyword(_, Presence::Changed) => Effect::Both,
            ContentEncodingChanged | ContentMediaTypeChanged => Effect::Both,
            OneOfAdded | AnyOfAdded | WrappedInOneOf => Effect::Widens,
            OneOfRemoved | AnyOfRemoved => Effect::Narrows,
            // `allOf` is flattened before comparing: what its branches add or remove is reported
            // as the properties and constraints it changes; the split itself is structure.
            AllOfAdded | AllOfRemoved => Effect::Annotation,
            DiscriminatorAdded
            | DiscriminatorRemoved
            | DiscriminatorPropertyNameChanged
            | DiscriminatorMappingAdded
            | DiscriminatorMappingDeleted
            | DiscriminatorMappingChanged => Effect::Annotation,
            Deprecated | Reactivated | SunsetChanged | StabilityChanged | DescriptionChanged => {
                Effect::Annotation
            }
        }
    }

    /// What the change does for the other side, given who writes the data. `closed` says the
    /// new object schema rejects properties it does not list (for a removed request property).
    pub fn impact(self, dir: Direction, closed: bool) -> Impact {
        use ChangeKind::*;
        let consumer = dir == Direction::ConsumerWrites;
        match self {
            // Clients reading a response cope with optional properties being absent, but not
            // with a property they were promised disappearing.
            PropertyRemoved { required } if !consumer => {
                if required {
                    Impact::Breaking
                } else {
                    Impact::Warning
                }
            }
            // A provider usually ignores a property it no longer reads, unless it rejects
            // unknown properties.
            PropertyRemoved { .. } => {
                if closed {
                    Impact::Breaking
                } else {
                    Impact::Warning
                }
            }
            PropertyAdded { required, .. } => {
                if consumer && required {
                    Impact::Breaking
                } else {
                    Impact::Compatible
                }
            }
            // A new value in a response breaks clients that switch over the old values, not
            // those that pass it through: a warning unless configured otherwise.
            EnumValueAdded | EnumDropped if !consumer => Impact::Warning,
            _ => match (self.effect(), consumer) {
                (Effect::Narrows, true) | (Effect::Widens, false) | (Effect::Both, _) => {
                    Impact::Breaking
                }
                (Effect::Unknown, _) | (Effect::WriterDefault, true) => Impact::Warning,
                _ => Impact::Compatible,
            },
        }
    }
}

/// One change found at one schema of a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub impact: Impact,
    /// Where the changed schema (or property) is in the old revision.
    pub old: Span,
    /// Where it is in the new revision; for something removed, the enclosing schema there.
    pub new: Span,
    /// The property, enum value or keyword the change is about, when there is one.
    pub subject: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// A change with its location inside the compared schema.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaChange {
    /// JSON-pointer-like path from the compared schema to the changed one, e.g.
    /// `/properties/items/items/properties/quantity` (empty for the compared schema itself).
    /// Property existence changes end with the property.
    pub pointer: String,
    pub change: Change,
}

impl std::ops::Deref for SchemaChange {
    type Target = Change;
    fn deref(&self) -> &Change {
        &self.change
    }
}

/// A node met by [`Engine::reachable`]: its parent in the list and the index of the edge
/// taken from it.
#[derive(Clone, Copy, Debug)]
pub struct Reached {
    pub node: DiffId,
    pub parent: Option<(usize, usize)>,
}

/// The index of a node of the diff graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DiffId(usize);

#[derive(Debug, Default)]
struct DiffNode {
    changes: Vec<Change>,
    /// Pointer segment (already escaped, without the leading `/`) → child node.
    children: Vec<(String, usize)>,
    done: bool,
}

/// Compares schemas of two arenas, remembering every pair it has compared.
pub struct Engine<'a> {
    old: &'a SchemaArena,
    new: &'a SchemaArena,
    memo: HashMap<(SchemaId, SchemaId, Direction), usize>,
    nodes: Vec<DiffNode>,
}

/// Compares one pair of schemas and lists every change, each located under `path` (a pointer
/// prefix naming where the schema is used, or empty).
pub fn diff(
    old: &SchemaArena,
    old_id: SchemaId,
    new: &SchemaArena,
    new_id: SchemaId,
    dir: Direction,
    path: &str,
) -> Vec<SchemaChange> {
    let mut engine = Engine::new(old, new);
    let root = engine.compare(old_id, new_id, dir);
    engine.changes(root, path)
}

impl<'a> Engine<'a> {
    pub fn new(old: &'a SchemaArena, new: &'a SchemaArena) -> Engine<'a> {
        Engine {
            old,
            new,
            memo: HashMap::new(),
            nodes: Vec::new(),
        }
    }

    /// Compares `old_id` (in the old arena) with `new_id` (in the new one) for data written in
    /// direction `dir`; the result is a node of the diff graph, to read with [`Engine::changes`].
    pub fn compare(&mut self, old_id: SchemaId, new_id: SchemaId, dir: Direction) -> DiffId {
        DiffId(self.pair(old_id, new_id, dir, 0))
    }

    /// Every change reachable from `root`, located under `path`, each node visited once.
    pub fn changes(&self, root: DiffId, path: &str) -> Vec<SchemaChange> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![(root.0, path.to_string())];
        while let Some((node, pointer)) = stack.pop() {
            if !seen.insert(node) {
                continue;
            }
            out.extend(self.own_changes(DiffId(node), &pointer));
            // Reverse, so children come out in the order they were compared.
            for (segment, child) in self.nodes[node].children.iter().rev() {
                stack.push((*child, format!("{pointer}/{segment}")));
            }
        }
        out
    }

    /// The nodes reachable from `root` (itself first), each once, with the way it was reached:
    /// the index of its parent in the list and the pointer segment from there, from which
    /// [`Engine::pointer_of`] builds its pointer. A caller that meets the same nodes from many
    /// roots (a component used by many operations) can judge each node once and only count the
    /// other uses, without building pointers it does not need.
    pub fn reachable(&self, root: DiffId) -> Vec<Reached> {
        let mut out = vec![Reached {
            node: root,
            parent: None,
        }];
        let mut seen = HashSet::from([root.0]);
        let mut i = 0;
        while i < out.len() {
            let node = out[i].node.0;
            for (k, (_, child)) in self.nodes[node].children.iter().enumerate() {
                if seen.insert(*child) {
                    out.push(Reached {
                        node: DiffId(*child),
                        parent: Some((i, k)),
                    });
                }
            }
            i += 1;
        }
        out
    }

    /// The pointer of `reached[i]`, under `path`.
    pub fn pointer_of(&self, reached: &[Reached], i: usize, path: &str) -> String {
        let mut segments = Vec::new();
        let mut cur = i;
        while let Some((parent, k)) = reached[cur].parent {
            segments.push(self.nodes[reached[parent].node.0].children[k].0.as_str());
            cur = parent;
        }
        let mut pointer = path.to_string();
        for s in segments.iter().rev() {
            pointer.push('/');
            pointer.push_str(s);
        }
        pointer
    }

    /// The changes found at one node (not below it), located under `pointer`.
    pub fn own_changes(&self, node: DiffId, pointer: &str) -> Vec<SchemaChange> {
        self.nodes[node.0]
            .changes
            .iter()
            .map(|c| SchemaChange {
                pointer: match (&c.subject, c.kind.is_property()) {
                    (Some(name), true) => format!("{pointer}/properties/{}", escape(name)),
                    _ => pointer.to_string(),
                },
                change: c.clone(),
            })
            .collect()
    }

    /// True when nothing reachable from `root` changes what is accepted.
    pub fn is_equivalent(&self, root: DiffId) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![root.0];
        while let Some(node) = stack.pop() {
            if !seen.insert(node) {
                continue;
            }
            let n = &self.nodes[node];
            if n.changes.iter().any(|c| !c.kind.is_annotation()) {
                return false;
            }
            stack.extend(n.children.iter().map(|(_, c)| *c));
        }
        true
    }

    fn pair(&mut self, o: SchemaId, n: SchemaId, dir: Direction, depth: usize) -> usize {
        let o = resolve(self.old, o);
        let n = resolve(self.new, n);
        if let Some(&idx) = self.memo.get(&(o, n, dir)) {
            return idx;
        }
        let idx = self.nodes.len();
        self.nodes.push(DiffNode::default());
        self.memo.insert((o, n, dir), idx);
        if depth > MAX_DEPTH {
            self.nodes[idx].done = true;
            return idx;
        }
        let (old, new) = (self.old, self.new);
        let vo = effective(old, o);
        let vn = effective(new, n);
        let mut cx = Cx {
            dir,
            depth,
            ids: (o, n),
            changes: Vec::new(),
            children: Vec::new(),
        };
        self.compare_views(&vo, &vn, &mut cx);
        // Children that finished without a change are dropped; those still being compared
        // further up (a cycle) stay, and are skipped when read if they turn out empty.
        let nodes = &self.nodes;
        let children = cx
            .children
            .into_iter()
            .filter(|(_, c)| {
                !nodes[*c].done || !nodes[*c].changes.is_empty() || !nodes[*c].children.is_empty()
            })
            .collect();
        let node = &mut self.nodes[idx];
        node.changes = cx.changes;
        node.children = children;
        node.done = true;
        idx
    }

    fn child(&mut self, cx: &mut Cx, segment: String, o: SchemaId, n: SchemaId) -> usize {
        let c = self.pair(o, n, cx.dir, cx.depth + 1);
        cx.children.push((segment, c));
        c
    }

    fn compare_views(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        let o_comp = composition_only(o);
        let n_comp = composition_only(n);
        if o_comp != n_comp {
            // One side is a bare `oneOf`/`anyOf` and the other a plain schema: judge the plain
            // one against the alternatives instead of comparing keyword by keyword.
            self.wrapping(o, n, cx, o_comp);
            self.annotations(o, n, cx);
            return;
        }
        if o.boolean == Some(false) || n.boolean == Some(false) {
            if o.boolean != n.boolean {
                let kind = if n.boolean == Some(false) {
                    ChangeKind::TypeSpecialized
                } else {
                    ChangeKind::TypeGeneralized
                };
                cx.push(kind, o.span, n.span, None, None, None, false);
            }
            return;
        }
        let ot = accepted_types(o);
        let nt = accepted_types(n);
        let type_changed = self.types(o, n, ot, nt, cx);
        // Keywords of a type are compared where both revisions accept that type.
        let both = |t: TypeSet| overlaps(ot, t) && overlaps(nt, t);
        if !type_changed {
            self.values(o, n, cx);
        }
        for limit in Limit::ALL {
            if both(limit.applies_to()) {
                limits(limit, o, n, cx);
            }
        }
        if both(TypeSet::NUMBER.union(TypeSet::INTEGER)) {
            multiple_of(o, n, cx);
        }
        if both(TypeSet::STRING) {
            pattern(o, n, cx);
            let (oe, ne) = (&o.content_encoding, &n.content_encoding);
            if oe != ne {
                cx.push(
                    ChangeKind::ContentEncodingChanged,
                    o.span,
                    n.span,
                    None,
                    opt(oe),
                    opt(ne),
                    false,
                );
            }
            let (om, nm) = (&o.content_media_type, &n.content_media_type);
            if om != nm {
                cx.push(
                    ChangeKind::ContentMediaTypeChanged,
                    o.span,
                    n.span,
                    None,
                    opt(om),
                    opt(nm),
                    false,
                );
            }
            self.optional_keyword(
                Keyword::ContentSchema,
                "contentSchema",
                o.content_schema,
                n.content_schema,
                o,
                n,
                cx,
            );
        }
        if both(TypeSet::ARRAY) {
            self.arrays(o, n, cx);
        }
        // An object schema on one side only is a type change, already reported; listing its
        // properties would only repeat it.
        if both(TypeSet::OBJECT) && object_like(o) && object_like(n) {
            self.objects(o, n, cx);
        }
        self.composition(o, n, cx);
        self.conditionals(o, n, cx);
        self.annotations(o, n, cx);
    }

    /// Types, formats and nullability; true when the base types changed (so enum and const
    /// comparisons would only repeat it).
    fn types(&mut self, o: &Schema, n: &Schema, ot: TypeSet, nt: TypeSet, cx: &mut Cx) -> bool {
        let ob = ot.without(TypeSet::NULL);
        let nb = nt.without(TypeSet::NULL);
        let kind = if ot.is_any() && nt.is_any() {
            None
        } else if ot.is_any() {
            Some(ChangeKind::TypeSpecialized)
        } else if nt.is_any() {
            Some(ChangeKind::TypeGeneralized)
        } else {
            let (oa, na) = (widen_number(ob), widen_number(nb));
            if oa == na {
                None
            } else if na.contains(oa) {
                Some(
                    if count(nb) > 1
                        && !(ob == TypeSet::INTEGER
                            && nb.contains(TypeSet::NUMBER)
                            && count(nb) == 1)
                    {
                        ChangeKind::TypesWidened
                    } else {
                        ChangeKind::TypeGeneralized
                    },
                )
            } else if oa.contains(na) {
                Some(if count(ob) > 1 {
                    ChangeKind::TypesNarrowed
                } else {
                    ChangeKind::TypeSpecialized
                })
            } else {
                Some(ChangeKind::TypeChanged)
            }
        };
        if let Some(kind) = kind {
            cx.push(
                kind,
                o.span,
                n.span,
                None,
                Some(type_text(ot, o)),
                Some(type_text(nt, n)),
                false,
            );
            return matches!(kind, ChangeKind::TypeChanged);
        }
        if !ot.is_any() && !nt.is_any() {
            let (on, nn) = (ot.contains(TypeSet::NULL), nt.contains(TypeSet::NULL));
            if on != nn {
                let kind = if nn {
                    ChangeKind::BecameNullable
                } else {
                    ChangeKind::BecameNotNullable
                };
                cx.push(kind, o.span, n.span, None, None, None, false);
            }
        }
        let (of, nf) = (validating_format(o), validating_format(n));
        if of != nf && !ob.is_any() && overlaps(ob, nb) {
            let kind = match (of, nf) {
                (None, Some(_)) => ChangeKind::TypeSpecialized,
                (Some(_), None) => ChangeKind::TypeGeneralized,
                (Some(a), Some(b)) if format_widens(a, b) => ChangeKind::TypeGeneralized,
                (Some(a), Some(b)) if format_widens(b, a) => ChangeKind::TypeSpecialized,
                _ => ChangeKind::TypeChanged,
            };
            cx.push(
                kind,
                o.span,
                n.span,
                Some("format".into()),
                Some(type_text(ot, o)),
                Some(type_text(nt, n)),
                false,
            );
            return matches!(kind, ChangeKind::TypeChanged);
        }
        false
    }

    /// `enum`, `x-extensible-enum`, `const` and `default`.
    fn values(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        let (oe, oext) = enum_of(o);
        let (ne, next) = enum_of(n);
        match (oe, ne) {
            (None, Some(_)) => cx.push(
                ChangeKind::BecameEnum,
                o.span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            (Some(_), None) => cx.push(
                ChangeKind::EnumDropped,
                o.span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            (Some(ov), Some(nv)) => {
                for v in ov.iter().filter(|v| !nv.iter().any(|w| same_value(v, w))) {
                    let kind = if oext || next {
                        ChangeKind::ExtensibleEnumValueRemoved
                    } else {
                        ChangeKind::EnumValueRemoved
                    };
                    cx.push(kind, o.span, n.span, Some(value_text(v)), None, None, false);
                }
                for v in nv.iter().filter(|v| !ov.iter().any(|w| same_value(v, w))) {
                    // `x-extensible-enum` announces that values will be added: clients were
                    // told to expect new ones, so a new value in what a provider writes is no
                    // news.
                    if next && cx.dir == Direction::ProviderWrites {
                        continue;
                    }
                    cx.push(
                        ChangeKind::EnumValueAdded,
                        o.span,
                        n.span,
                        Some(value_text(v)),
                        None,
                        None,
                        false,
                    );
                }
            }
            (None, None) => {}
        }
        match (&o.const_value, &n.const_value) {
            (None, Some(v)) => cx.push(
                ChangeKind::ConstAdded,
                o.span,
                n.span,
                None,
                None,
                Some(value_text(v)),
                false,
            ),
            (Some(v), None) => cx.push(
                ChangeKind::ConstRemoved,
                o.span,
                n.span,
                None,
                Some(value_text(v)),
                None,
                false,
            ),
            (Some(a), Some(b)) if !same_value(a, b) => cx.push(
                ChangeKind::ConstChanged,
                o.span,
                n.span,
                None,
                Some(value_text(a)),
                Some(value_text(b)),
                false,
            ),
            _ => {}
        }
        match (&o.default, &n.default) {
            (None, Some(v)) => cx.push(
                ChangeKind::DefaultAdded,
                o.span,
                n.span,
                None,
                None,
                Some(value_text(v)),
                false,
            ),
            (Some(v), None) => cx.push(
                ChangeKind::DefaultRemoved,
                o.span,
                n.span,
                None,
                Some(value_text(v)),
                None,
                false,
            ),
            (Some(a), Some(b)) if !same_value(a, b) => cx.push(
                ChangeKind::DefaultChanged,
                o.span,
                n.span,
                None,
                Some(value_text(a)),
                Some(value_text(b)),
                false,
            ),
            _ => {}
        }
    }

    fn arrays(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        match (o.items, n.items) {
            (Some(a), Some(b)) => {
                self.child(cx, "items".into(), a, b);
            }
            // No `items` accepts any item: adding one narrows, dropping it widens.
            (None, Some(b)) if has_assertions(self.new.get(b)) => cx.push(
                ChangeKind::TypeSpecialized,
                o.span,
                self.new.get(b).span,
                Some("items".into()),
                None,
                None,
                false,
            ),
            (Some(a), None) if has_assertions(self.old.get(a)) => cx.push(
                ChangeKind::TypeGeneralized,
                self.old.get(a).span,
                n.span,
                Some("items".into()),
                None,
                None,
                false,
            ),
            _ => {}
        }
        let common = o.prefix_items.len().min(n.prefix_items.len());
        for i in 0..common {
            self.child(
                cx,
                format!("prefixItems/{i}"),
                o.prefix_items[i],
                n.prefix_items[i],
            );
        }
        if n.prefix_items.len() > common {
            let span = self.new.get(n.prefix_items[common]).span;
            cx.push(
                ChangeKind::Keyword(Keyword::PrefixItems, Presence::Added),
                o.span,
                span,
                None,
                Some(o.prefix_items.len().to_string()),
                Some(n.prefix_items.len().to_string()),
                false,
            );
        } else if o.prefix_items.len() > common {
            let span = self.old.get(o.prefix_items[common]).span;
            cx.push(
                ChangeKind::Keyword(Keyword::PrefixItems, Presence::Removed),
                span,
                n.span,
                None,
                Some(o.prefix_items.len().to_string()),
                Some(n.prefix_items.len().to_string()),
                false,
            );
        }
        match (o.constraints.unique_items, n.constraints.unique_items) {
            (false, true) => cx.push(
                ChangeKind::UniqueItemsAdded,
                o.span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            (true, false) => cx.push(
                ChangeKind::UniqueItemsRemoved,
                o.span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            _ => {}
        }
        self.optional_keyword(
            Keyword::Contains,
            "contains",
            o.contains,
            n.contains,
            o,
            n,
            cx,
        );
        self.optional_keyword(
            Keyword::UnevaluatedItems,
            "unevaluatedItems",
            o.unevaluated_items,
            n.unevaluated_items,
            o,
            n,
            cx,
        );
    }

    fn objects(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        let (old, new) = (self.old, self.new);
        let dir = cx.dir;
        // What the writer of the data never writes does not count: `readOnly` properties in
        // requests, `writeOnly` ones in responses.
        let hidden = |arena: &SchemaArena, id: SchemaId| {
            let s = arena.get(resolve(arena, id));
            let own = arena.get(id);
            match dir {
                Direction::ConsumerWrites => s.read_only || own.read_only,
                Direction::ProviderWrites => s.write_only || own.write_only,
            }
        };
        let closed = matches!(n.additional, Additional::Allowed(false));
        for (name, &nid) in &n.properties {
            let n_span = n.property_spans.get(name).copied().unwrap_or(n.span);
            let n_required = n.required.iter().any(|r| r == name);
            let n_hidden = hidden(new, nid);
            match o.properties.get(name) {
                Some(&oid) => {
                    let o_span = o.property_spans.get(name).copied().unwrap_or(o.span);
                    let o_required = o.required.iter().any(|r| r == name);
                    let o_hidden = hidden(old, oid);
                    match (o_hidden, n_hidden) {
                        (true, true) => continue,
                        (false, true) => {
                            cx.push(
                                ChangeKind::PropertyRemoved {
                                    required: o_required,
                                },
                                o_span,
                                n_span,
                                Some(name.clone()),
                                None,
                                None,
                                closed,
                            );
                            continue;
                        }
                        (true, false) => {
                            let with_default = new.get(resolve(new, nid)).default.is_some();
                            cx.push(
                                ChangeKind::PropertyAdded {
                                    required: n_required,
                                    with_default,
                                },
                                o_span,
                                n_span,
                                Some(name.clone()),
                                None,
                                None,
                                false,
                            );
                            continue;
                        }
                        (false, false) => {}
                    }
                    if o_required != n_required {
                        let kind = if n_required {
                            let with_default = new.get(resolve(new, nid)).default.is_some();
                            ChangeKind::PropertyBecameRequired { with_default }
                        } else {
                            ChangeKind::PropertyBecameOptional
                        };
                        cx.push(kind, o_span, n_span, Some(name.clone()), None, None, false);
                    }
                    self.child(cx, format!("properties/{}", escape(name)), oid, nid);
                }
                None if n_hidden => {}
                None => {
                    let with_default = new.get(resolve(new, nid)).default.is_some();
                    cx.push(
                        ChangeKind::PropertyAdded {
                            required: n_required,
                            with_default,
                        },
                        o.span,
                        n_span,
                        Some(name.clone()),
                        None,
                        None,
                        false,
                    );
                }
            }
        }
        for (name, &oid) in &o.properties {
            if n.properties.contains_key(name) || hidden(old, oid) {
                continue;
            }
            let o_span = o.property_spans.get(name).copied().unwrap_or(o.span);
            let required = o.required.iter().any(|r| r == name);
            cx.push(
                ChangeKind::PropertyRemoved { required },
                o_span,
                n.span,
                Some(name.clone()),
                None,
                None,
                closed,
            );
        }
        // `required` may name properties the schema does not list (inherited, or merely
        // constrained by `additionalProperties`).
        for name in n
            .required
            .iter()
            .filter(|r| !n.properties.contains_key(*r) && !o.required.contains(r))
        {
            cx.push(
                ChangeKind::PropertyBecameRequired {
                    with_default: false,
                },
                o.span,
                n.span,
                Some(name.clone()),
                None,
                None,
                false,
            );
        }
        for name in o.required.iter().filter(|r| {
            !o.properties.contains_key(*r)
                && !n.required.contains(r)
                && !n.properties.contains_key(*r)
        }) {
            cx.push(
                ChangeKind::PropertyBecameOptional,
                o.span,
                n.span,
                Some(name.clone()),
                None,
                None,
                false,
            );
        }
        self.additional(o, n, cx);
        // patternProperties: by pattern.
        for (pattern, &nid) in &n.pattern_properties {
            match o.pattern_properties.get(pattern) {
                Some(&oid) => {
                    self.child(
                        cx,
                        format!("patternProperties/{}", escape(pattern)),
                        oid,
                        nid,
                    );
                }
                None => cx.push(
                    ChangeKind::Keyword(Keyword::PatternProperty, Presence::Added),
                    o.span,
                    new.get(nid).span,
                    Some(pattern.clone()),
                    None,
                    None,
                    false,
                ),
            }
        }
        for (pattern, &oid) in &o.pattern_properties {
            if !n.pattern_properties.contains_key(pattern) {
                cx.push(
                    ChangeKind::Keyword(Keyword::PatternProperty, Presence::Removed),
                    old.get(oid).span,
                    n.span,
                    Some(pattern.clone()),
                    None,
                    None,
                    false,
                );
            }
        }
        self.optional_keyword(
            Keyword::PropertyNames,
            "propertyNames",
            o.property_names,
            n.property_names,
            o,
            n,
            cx,
        );
        self.optional_keyword(
            Keyword::UnevaluatedProperties,
            "unevaluatedProperties",
            o.unevaluated_properties,
            n.unevaluated_properties,
            o,
            n,
            cx,
        );
        // dependentRequired: by property.
        for (name, list) in &n.dependent_required {
            match o.dependent_required.get(name) {
                None => cx.push(
                    ChangeKind::Keyword(Keyword::DependentRequired, Presence::Added),
                    o.span,
                    n.span,
                    Some(name.clone()),
                    None,
                    Some(list.join(", ")),
                    false,
                ),
                Some(old_list) if old_list != list => {
                    // Fewer names required together only widens; anything else may reject.
                    let kind = if list.iter().all(|x| old_list.contains(x)) {
                        ChangeKind::Keyword(Keyword::DependentRequired, Presence::Removed)
                    } else {
                        ChangeKind::Keyword(Keyword::DependentRequired, Presence::Changed)
                    };
                    cx.push(
                        kind,
                        o.span,
                        n.span,
                        Some(name.clone()),
                        Some(old_list.join(", ")),
                        Some(list.join(", ")),
                        false,
                    )
                }
                _ => {}
            }
        }
        for (name, list) in &o.dependent_required {
            if !n.dependent_required.contains_key(name) {
                cx.push(
                    ChangeKind::Keyword(Keyword::DependentRequired, Presence::Removed),
                    o.span,
                    n.span,
                    Some(name.clone()),
                    Some(list.join(", ")),
                    None,
                    false,
                );
            }
        }
        for (name, &nid) in &n.dependent_schemas {
            match o.dependent_schemas.get(name) {
                Some(&oid) => {
                    self.child(cx, format!("dependentSchemas/{}", escape(name)), oid, nid);
                }
                None => cx.push(
                    ChangeKind::Keyword(Keyword::DependentSchema, Presence::Added),
                    o.span,
                    new.get(nid).span,
                    Some(name.clone()),
                    None,
                    None,
                    false,
                ),
            }
        }
        for (name, &oid) in &o.dependent_schemas {
            if !n.dependent_schemas.contains_key(name) {
                cx.push(
                    ChangeKind::Keyword(Keyword::DependentSchema, Presence::Removed),
                    old.get(oid).span,
                    n.span,
                    Some(name.clone()),
                    None,
                    None,
                    false,
                );
            }
        }
    }

    fn additional(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        use Additional::*;
        let kind = match (&o.additional, &n.additional) {
            (Schema(a), Schema(b)) => {
                self.child(cx, "additionalProperties".into(), *a, *b);
                None
            }
            (Unspecified | Allowed(true), Allowed(false) | Schema(_)) => {
                Some(ChangeKind::AdditionalPropertiesNarrowed)
            }
            (Schema(_), Allowed(false)) => Some(ChangeKind::AdditionalPropertiesNarrowed),
            (Allowed(false), Unspecified | Allowed(true) | Schema(_)) => {
                Some(ChangeKind::AdditionalPropertiesWidened)
            }
            (Schema(_), Unspecified | Allowed(true)) => {
                Some(ChangeKind::AdditionalPropertiesWidened)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            cx.push(
                kind,
                o.span,
                n.span,
                None,
                Some(additional_text(&o.additional)),
                Some(additional_text(&n.additional)),
                false,
            );
        }
    }

    /// A keyword holding one subschema: added, removed, or compared.
    #[allow(clippy::too_many_arguments)]
    fn optional_keyword(
        &mut self,
        keyword: Keyword,
        segment: &str,
        a: Option<SchemaId>,
        b: Option<SchemaId>,
        o: &Schema,
        n: &Schema,
        cx: &mut Cx,
    ) {
        match (a, b) {
            (Some(a), Some(b)) => {
                let c = self.child(cx, segment.to_string(), a, b);
                // `not` turns the comparison around; report the subschema changing as a whole.
                if keyword == Keyword::Not && !self.is_equivalent(DiffId(c)) {
                    cx.children.pop();
                    cx.push(
                        ChangeKind::Keyword(keyword, Presence::Changed),
                        self.old.get(a).span,
                        self.new.get(b).span,
                        None,
                        None,
                        None,
                        false,
                    );
                }
            }
            (None, Some(b)) => cx.push(
                ChangeKind::Keyword(keyword, Presence::Added),
                o.span,
                self.new.get(b).span,
                None,
                None,
                None,
                false,
            ),
            (Some(a), None) => cx.push(
                ChangeKind::Keyword(keyword, Presence::Removed),
                self.old.get(a).span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            (None, None) => {}
        }
    }

    fn conditionals(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        self.optional_keyword(Keyword::If, "if", o.if_schema, n.if_schema, o, n, cx);
        self.optional_keyword(
            Keyword::Then,
            "then",
            o.then_schema,
            n.then_schema,
            o,
            n,
            cx,
        );
        self.optional_keyword(
            Keyword::Else,
            "else",
            o.else_schema,
            n.else_schema,
            o,
            n,
            cx,
        );
        self.optional_keyword(Keyword::Not, "not", o.not, n.not, o, n, cx);
    }

    /// `oneOf`, `anyOf`, `allOf` (as structure) and the discriminator, when both revisions are
    /// written alike.
    fn composition(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        self.alternatives(
            &o.one_of,
            &n.one_of,
            "oneOf",
            ChangeKind::OneOfAdded,
            ChangeKind::OneOfRemoved,
            o,
            n,
            cx,
        );
        self.alternatives(
            &o.any_of,
            &n.any_of,
            "anyOf",
            ChangeKind::AnyOfAdded,
            ChangeKind::AnyOfRemoved,
            o,
            n,
            cx,
        );
        // allOf is flattened; its split is reported only where both revisions use it, so that
        // writing a schema as `allOf: [$ref]` instead of inline is no change.
        if !o.all_of.is_empty() && !n.all_of.is_empty() {
            let on: Vec<String> = o.all_of.iter().map(|&b| branch_key(self.old, b)).collect();
            let nn: Vec<String> = n.all_of.iter().map(|&b| branch_key(self.new, b)).collect();
            for (i, k) in nn.iter().enumerate() {
                if !on.contains(k) {
                    cx.push(
                        ChangeKind::AllOfAdded,
                        o.span,
                        self.new.get(n.all_of[i]).span,
                        Some(branch_label(self.new, n.all_of[i])),
                        None,
                        None,
                        false,
                    );
                }
            }
            for (i, k) in on.iter().enumerate() {
                if !nn.contains(k) {
                    cx.push(
                        ChangeKind::AllOfRemoved,
                        self.old.get(o.all_of[i]).span,
                        n.span,
                        Some(branch_label(self.old, o.all_of[i])),
                        None,
                        None,
                        false,
                    );
                }
            }
        }
        match (&o.discriminator, &n.discriminator) {
            (None, Some(d)) => cx.push(
                ChangeKind::DiscriminatorAdded,
                o.span,
                n.span,
                None,
                None,
                Some(d.property_name.clone()),
                false,
            ),
            (Some(d), None) => cx.push(
                ChangeKind::DiscriminatorRemoved,
                o.span,
                n.span,
                None,
                Some(d.property_name.clone()),
                None,
                false,
            ),
            (Some(a), Some(b)) => {
                if a.property_name != b.property_name {
                    cx.push(
                        ChangeKind::DiscriminatorPropertyNameChanged,
                        o.span,
                        n.span,
                        None,
                        Some(a.property_name.clone()),
                        Some(b.property_name.clone()),
                        false,
                    );
                }
                for (k, v) in &b.mapping {
                    match a.mapping.get(k) {
                        None => cx.push(
                            ChangeKind::DiscriminatorMappingAdded,
                            o.span,
                            n.span,
                            Some(k.clone()),
                            None,
                            Some(v.clone()),
                            false,
                        ),
                        Some(w) if ref_name(w) != ref_name(v) => cx.push(
                            ChangeKind::DiscriminatorMappingChanged,
                            o.span,
                            n.span,
                            Some(k.clone()),
                            Some(w.clone()),
                            Some(v.clone()),
                            false,
                        ),
                        _ => {}
                    }
                }
                for (k, v) in &a.mapping {
                    if !b.mapping.contains_key(k) {
                        cx.push(
                            ChangeKind::DiscriminatorMappingDeleted,
                            o.span,
                            n.span,
                            Some(k.clone()),
                            Some(v.clone()),
                            None,
                            false,
                        );
                    }
                }
            }
            (None, None) => {}
        }
    }

    /// Pairs two lists of alternatives: by the component they refer to, then by equivalence,
    /// then by position among what is left; the rest were added or removed.
    #[allow(clippy::too_many_arguments)]
    fn alternatives(
        &mut self,
        ol: &[SchemaId],
        nl: &[SchemaId],
        keyword: &str,
        added: ChangeKind,
        removed: ChangeKind,
        o: &Schema,
        n: &Schema,
        cx: &mut Cx,
    ) {
        if ol.is_empty() && nl.is_empty() {
            return;
        }
        let pairs = self.match_branches(ol, nl, cx.dir, cx.depth);
        let mut o_used = vec![false; ol.len()];
        let mut n_used = vec![false; nl.len()];
        for &(i, j) in &pairs {
            o_used[i] = true;
            n_used[j] = true;
            self.child(cx, format!("{keyword}/{j}"), ol[i], nl[j]);
        }
        for (j, &b) in nl.iter().enumerate().filter(|(j, _)| !n_used[*j]) {
            cx.push(
                added,
                o.span,
                self.new.get(b).span,
                Some(branch_label(self.new, b)),
                None,
                Some(j.to_string()),
                false,
            );
        }
        for (i, &b) in ol.iter().enumerate().filter(|(i, _)| !o_used[*i]) {
            cx.push(
                removed,
                self.old.get(b).span,
                n.span,
                Some(branch_label(self.old, b)),
                Some(i.to_string()),
                None,
                false,
            );
        }
    }

    fn match_branches(
        &mut self,
        ol: &[SchemaId],
        nl: &[SchemaId],
        dir: Direction,
        depth: usize,
    ) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        let mut o_used = vec![false; ol.len()];
        let mut n_used = vec![false; nl.len()];
        // 1. The same component.
        for (j, &b) in nl.iter().enumerate() {
            let Some(name) = component_name(self.new, b) else {
                continue;
            };
            if let Some(i) = (0..ol.len()).find(|&i| {
                !o_used[i] && component_name(self.old, ol[i]).as_deref() == Some(name.as_str())
            }) {
                o_used[i] = true;
                n_used[j] = true;
                pairs.push((i, j));
            }
        }
        // 2. Equivalent schemas.
        for j in 0..nl.len() {
            if n_used[j] {
                continue;
            }
            for i in 0..ol.len() {
                if o_used[i] {
                    continue;
                }
                let d = self.pair(ol[i], nl[j], dir, depth + 1);
                if self.is_equivalent(DiffId(d)) {
                    o_used[i] = true;
                    n_used[j] = true;
                    pairs.push((i, j));
                    break;
                }
            }
        }
        // 3. What is left, by position, when the leftovers accept the same kind of value.
        let ol_left: Vec<usize> = (0..ol.len()).filter(|&i| !o_used[i]).collect();
        let nl_left: Vec<usize> = (0..nl.len()).filter(|&j| !n_used[j]).collect();
        if ol_left.len() == nl_left.len() {
            for (&i, &j) in ol_left.iter().zip(&nl_left) {
                let ot = accepted_types(&effective(self.old, resolve(self.old, ol[i])));
                let nt = accepted_types(&effective(self.new, resolve(self.new, nl[j])));
                if ot == nt || ot.is_any() || nt.is_any() || ol_left.len() == 1 {
                    pairs.push((i, j));
                }
            }
        }
        pairs.sort_by_key(|&(_, j)| j);
        pairs
    }

    /// One side is a bare `oneOf`/`anyOf`, the other a plain schema (`old_is_composite` tells
    /// which): find the alternative that is the plain schema.
    fn wrapping(&mut self, o: &Schema, n: &Schema, cx: &mut Cx, old_is_composite: bool) {
        let (o_id, n_id) = cx.ids;
        if old_is_composite {
            // Unwrapped: the plain new schema is one of the old alternatives.
            let (list, keyword, removed) = if !o.one_of.is_empty() {
                (&o.one_of, "oneOf", ChangeKind::OneOfRemoved)
            } else {
                (&o.any_of, "anyOf", ChangeKind::AnyOfRemoved)
            };
            match self.find_alternative(list, n_id, true, cx) {
                Some(i) => {
                    let d = self.pair(list[i], n_id, cx.dir, cx.depth + 1);
                    cx.children.push((format!("{keyword}/{i}"), d));
                    for (k, &b) in list.iter().enumerate().filter(|(k, _)| *k != i) {
                        cx.push(
                            removed,
                            self.old.get(b).span,
                            n.span,
                            Some(branch_label(self.old, b)),
                            Some(k.to_string()),
                            None,
                            false,
                        );
                    }
                }
                None => cx.push(
                    ChangeKind::TypeChanged,
                    o.span,
                    n.span,
                    Some(keyword.into()),
                    Some(keyword.into()),
                    Some(type_text(accepted_types(n), n)),
                    false,
                ),
            }
        } else {
            let (list, keyword) = if !n.one_of.is_empty() {
                (&n.one_of, "oneOf")
            } else {
                (&n.any_of, "anyOf")
            };
            match self.find_alternative(list, o_id, false, cx) {
                Some(j) => {
                    let d = self.pair(o_id, list[j], cx.dir, cx.depth + 1);
                    cx.children.push((format!("{keyword}/{j}"), d));
                    if keyword == "oneOf" {
                        let others: Vec<String> = list
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| *k != j)
                            .map(|(_, &b)| branch_label(self.new, b))
                            .collect();
                        cx.push(
                            ChangeKind::WrappedInOneOf,
                            o.span,
                            n.span,
                            None,
                            None,
                            Some(others.join(", ")),
                            false,
                        );
                    } else {
                        for (k, &b) in list.iter().enumerate().filter(|(k, _)| *k != j) {
                            cx.push(
                                ChangeKind::AnyOfAdded,
                                o.span,
                                self.new.get(b).span,
                                Some(branch_label(self.new, b)),
                                None,
                                Some(k.to_string()),
                                false,
                            );
                        }
                    }
                }
                None => cx.push(
                    ChangeKind::TypeChanged,
                    o.span,
                    n.span,
                    Some(keyword.into()),
                    Some(type_text(accepted_types(o), o)),
                    Some(keyword.into()),
                    false,
                ),
            }
        }
    }

    /// The alternative in `list` (of the side `in_old`) that is the same schema as `plain` (of
    /// the other side): the same component, else an equivalent one, else the only one whose
    /// type matches.
    fn find_alternative(
        &mut self,
        list: &[SchemaId],
        plain: SchemaId,
        in_old: bool,
        cx: &Cx,
    ) -> Option<usize> {
        let (list_arena, plain_arena) = if in_old {
            (self.old, self.new)
        } else {
            (self.new, self.old)
        };
        if let Some(name) = component_name(plain_arena, plain)
            && let Some(i) = list
                .iter()
                .position(|&b| component_name(list_arena, b).as_deref() == Some(name.as_str()))
        {
            return Some(i);
        }
        for (i, &b) in list.iter().enumerate() {
            let d = if in_old {
                self.pair(b, plain, cx.dir, cx.depth + 1)
            } else {
                self.pair(plain, b, cx.dir, cx.depth + 1)
            };
            if self.is_equivalent(DiffId(d)) {
                return Some(i);
            }
        }
        let pt = accepted_types(&effective(plain_arena, resolve(plain_arena, plain)));
        let same: Vec<usize> = list
            .iter()
            .enumerate()
            .filter(|(_, b)| accepted_types(&effective(list_arena, resolve(list_arena, **b))) == pt)
            .map(|(i, _)| i)
            .collect();
        match same.as_slice() {
            [one] if !pt.is_any() => Some(*one),
            _ => None,
        }
    }

    /// Lifecycle markers and descriptions.
    fn annotations(&mut self, o: &Schema, n: &Schema, cx: &mut Cx) {
        let sunset = |s: &Schema| s.extensions.get("x-sunset").map(value_plain);
        match (o.deprecated, n.deprecated) {
            (false, true) => cx.push(
                ChangeKind::Deprecated,
                o.span,
                n.span,
                None,
                None,
                sunset(n),
                false,
            ),
            (true, false) => cx.push(
                ChangeKind::Reactivated,
                o.span,
                n.span,
                None,
                None,
                None,
                false,
            ),
            (true, true) if sunset(o) != sunset(n) => cx.push(
                ChangeKind::SunsetChanged,
                o.span,
                n.span,
                None,
                sunset(o),
                sunset(n),
                false,
            ),
            _ => {}
        }
        let stability = |s: &Schema| s.extensions.get("x-stability-level").map(value_plain);
        if stability(o) != stability(n) {
            cx.push(
                ChangeKind::StabilityChanged,
                o.span,
                n.span,
                None,
                stability(o),
                stability(n),
                false,
            );
        }
        if o.description != n.description {
            cx.push(
                ChangeKind::DescriptionChanged,
                o.span,
                n.span,
                None,
                o.description.clone(),
                n.description.clone(),
                false,
            );
        }
    }
}

/// The state of comparing one pair.
struct Cx {
    dir: Direction,
    depth: usize,
    ids: (SchemaId, SchemaId),
    changes: Vec<Change>,
    children: Vec<(String, usize)>,
}

impl Cx {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: ChangeKind,
        old: Span,
        new: Span,
        subject: Option<String>,
        old_value: Option<String>,
        new_value: Option<String>,
        closed: bool,
    ) {
        self.changes.push(Change {
            kind,
            impact: kind.impact(self.dir, closed),
            old,
            new,
            subject,
            old_value,
            new_value,
        });
    }
}

fn limits(limit: Limit, o: &Schema, n: &Schema, cx: &mut Cx) {
    let (a, b) = (limit.of(o), limit.of(n));
    let bound = match (a, b) {
        (None, Some(_)) => Bound::Set,
        (Some(_), None) => Bound::Unset,
        (Some(a), Some(b)) if b > a => Bound::Increased,
        (Some(a), Some(b)) if b < a => Bound::Decreased,
        _ => return,
    };
    cx.push(
        ChangeKind::Limit(limit, bound),
        o.span,
        n.span,
        Some(limit.keyword().into()),
        a.map(number_text),
        b.map(number_text),
        false,
    );
}

fn multiple_of(o: &Schema, n: &Schema, cx: &mut Cx) {
    let (a, b) = (o.constraints.multiple_of, n.constraints.multiple_of);
    let divides = |x: f64, y: f64| {
        let q = y / x;
        (q - q.round()).abs() < 1e-9
    };
    let kind = match (a, b) {
        (None, Some(_)) => ChangeKind::MultipleOfNarrowed,
        (Some(_), None) => ChangeKind::MultipleOfWidened,
        (Some(a), Some(b)) if a == b => return,
        // Multiples of `b` are all multiples of `a` exactly when `a` divides `b`.
        (Some(a), Some(b)) if divides(a, b) => ChangeKind::MultipleOfNarrowed,
        (Some(a), Some(b)) if divides(b, a) => ChangeKind::MultipleOfWidened,
        (Some(_), Some(_)) => ChangeKind::MultipleOfChanged,
        (None, None) => return,
    };
    cx.push(
        kind,
        o.span,
        n.span,
        Some("multipleOf".into()),
        a.map(number_text),
        b.map(number_text),
        false,
    );
}

fn pattern(o: &Schema, n: &Schema, cx: &mut Cx) {
    let (a, b) = (&o.constraints.pattern, &n.constraints.pattern);
    let kind = match (a, b) {
        (None, Some(_)) => ChangeKind::PatternAdded,
        (Some(_), None) => ChangeKind::PatternRemoved,
        (Some(x), Some(y)) if x != y => ChangeKind::PatternChanged,
        _ => return,
    };
    cx.push(
        kind,
        o.span,
        n.span,
        Some("pattern".into()),
        a.clone(),
        b.clone(),
        false,
    );
}

/// Follows references that add nothing of their own to the schema that holds the content.
/// Stricter than [`SchemaArena::resolve`]: a sibling that changes what is accepted (or marks the
/// use `readOnly`/`writeOnly`/`deprecated`) keeps the reference, to be merged with its target.
pub fn resolve(arena: &SchemaArena, mut id: SchemaId) -> SchemaId {
    for _ in 0..64 {
        let s = arena.get(id);
        match s.reference {
            Some(target)
                if !has_assertions(s) && !s.read_only && !s.write_only && !s.deprecated =>
            {
                id = target
            }
            _ => return id,
        }
    }
    id
}

/// True when a schema object says anything about the values it accepts.
fn has_assertions(s: &Schema) -> bool {
    !s.types.is_any()
        || s.format.is_some()
        || s.enum_values.is_some()
        || s.const_value.is_some()
        || !s.properties.is_empty()
        || !s.required.is_empty()
        || s.additional != Additional::Unspecified
        || !s.pattern_properties.is_empty()
        || s.items.is_some()
        || !s.prefix_items.is_empty()
        || !s.all_of.is_empty()
        || !s.one_of.is_empty()
        || !s.any_of.is_empty()
        || s.not.is_some()
        || s.constraints != Default::default()
        || s.boolean.is_some()
        || s.contains.is_some()
        || !s.dependent_required.is_empty()
        || !s.dependent_schemas.is_empty()
        || s.if_schema.is_some()
        || s.unevaluated_items.is_some()
        || s.unevaluated_properties.is_some()
        || s.property_names.is_some()
        || s.content_schema.is_some()
        || s.content_encoding.is_some()
        || s.content_media_type.is_some()
        || s.extensions.contains_key("x-extensible-enum")
}

/// A schema as compared: the arena's own, or its merge with its reference and `allOf`
/// branches. The merged one is boxed so that each level of the recursive comparison keeps two
/// pointers on the stack, not two schemas.
enum View<'a> {
    Borrowed(&'a Schema),
    Merged(Box<Schema>),
}

impl std::ops::Deref for View<'_> {
    type Target = Schema;
    fn deref(&self) -> &Schema {
        match self {
            View::Borrowed(s) => s,
            View::Merged(s) => s,
        }
    }
}

/// The schema with its reference and `allOf` branches merged in: what it accepts, as one schema.
fn effective(arena: &SchemaArena, id: SchemaId) -> View<'_> {
    let s = arena.get(id);
    if s.all_of.is_empty() && s.reference.is_none() {
        return View::Borrowed(s);
    }
    let mut merged = Box::new(s.clone());
    let mut seen = vec![id];
    merge_branches(arena, s, &mut merged, &mut seen);
    View::Merged(merged)
}

fn merge_branches(arena: &SchemaArena, s: &Schema, into: &mut Schema, seen: &mut Vec<SchemaId>) {
    for b in s.reference.into_iter().chain(s.all_of.iter().copied()) {
        let b = resolve(arena, b);
        // A branch met again (a cycle through `allOf`) adds nothing new.
        if seen.contains(&b) || seen.len() > 64 {
            continue;
        }
        seen.push(b);
        let bs = arena.get(b);
        conjoin(into, bs);
        merge_branches(arena, bs, into, seen);
    }
}

/// Adds what `b` requires to `m` (both must hold).
fn conjoin(m: &mut Schema, b: &Schema) {
    if m.types.is_any() {
        m.types = b.types;
    } else if !b.types.is_any() {
        let both = TypeSet(widen_number(m.types).0 & widen_number(b.types).0);
        if !both.without(TypeSet::NULL).is_any() {
            // Back to how it is written: `number` stands for `integer` too.
            m.types = if m.types.contains(TypeSet::NUMBER) && b.types.contains(TypeSet::NUMBER) {
                both.without(TypeSet::INTEGER).union(TypeSet::NUMBER)
            } else {
                both
            };
        }
    }
    if m.format.is_none() {
        m.format = b.format.clone();
    }
    m.enum_values = match (m.enum_values.take(), &b.enum_values) {
        (Some(a), Some(bv)) => Some(
            a.into_iter()
                .filter(|v| bv.iter().any(|w| same_value(v, w)))
                .collect(),
        ),
        (a, bv) => a.or_else(|| bv.clone()),
    };
    if m.const_value.is_none() {
        m.const_value = b.const_value.clone();
    }
    for (k, v) in &b.properties {
        m.properties.entry(k.clone()).or_insert(*v);
    }
    for (k, v) in &b.property_spans {
        m.property_spans.entry(k.clone()).or_insert(*v);
    }
    for r in &b.required {
        if !m.required.contains(r) {
            m.required.push(r.clone());
        }
    }
    m.additional = match (&m.additional, &b.additional) {
        (Additional::Allowed(false), _) | (_, Additional::Allowed(false)) => {
            Additional::Allowed(false)
        }
        (Additional::Schema(a), _) => Additional::Schema(*a),
        (_, Additional::Schema(x)) => Additional::Schema(*x),
        (a, Additional::Unspecified) => a.clone(),
        (_, b) => b.clone(),
    };
    for (k, v) in &b.pattern_properties {
        m.pattern_properties.entry(k.clone()).or_insert(*v);
    }
    m.items = m.items.or(b.items);
    if m.prefix_items.is_empty() {
        m.prefix_items = b.prefix_items.clone();
    }
    if m.one_of.is_empty() {
        m.one_of = b.one_of.clone();
    }
    if m.any_of.is_empty() {
        m.any_of = b.any_of.clone();
    }
    m.not = m.not.or(b.not);
    if m.discriminator.is_none() {
        m.discriminator = b.discriminator.clone();
    }
    let (c, d) = (&mut m.constraints, &b.constraints);
    let lo = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    let lo_u = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let hi_u = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    c.minimum = lo(c.minimum, d.minimum);
    c.maximum = hi(c.maximum, d.maximum);
    c.exclusive_minimum = lo(c.exclusive_minimum, d.exclusive_minimum);
    c.exclusive_maximum = hi(c.exclusive_maximum, d.exclusive_maximum);
    c.multiple_of = c.multiple_of.or(d.multiple_of);
    c.min_length = lo_u(c.min_length, d.min_length);
    c.max_length = hi_u(c.max_length, d.max_length);
    if c.pattern.is_none() {
        c.pattern = d.pattern.clone();
    }
    c.min_items = lo_u(c.min_items, d.min_items);
    c.max_items = hi_u(c.max_items, d.max_items);
    c.unique_items |= d.unique_items;
    c.min_properties = lo_u(c.min_properties, d.min_properties);
    c.max_properties = hi_u(c.max_properties, d.max_properties);
    c.min_contains = lo_u(c.min_contains, d.min_contains);
    c.max_contains = hi_u(c.max_contains, d.max_contains);
    m.read_only |= b.read_only;
    m.write_only |= b.write_only;
    m.deprecated |= b.deprecated;
    if m.default.is_none() {
        m.default = b.default.clone();
    }
    if m.description.is_none() {
        m.description = b.description.clone();
    }
    for (k, v) in &b.extensions {
        m.extensions.entry(k.clone()).or_insert_with(|| v.clone());
    }
    if b.boolean == Some(false) {
        m.boolean = Some(false);
    }
    m.contains = m.contains.or(b.contains);
    for (k, v) in &b.dependent_required {
        m.dependent_required
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    for (k, v) in &b.dependent_schemas {
        m.dependent_schemas.entry(k.clone()).or_insert(*v);
    }
    m.if_schema = m.if_schema.or(b.if_schema);
    m.then_schema = m.then_schema.or(b.then_schema);
    m.else_schema = m.else_schema.or(b.else_schema);
    m.unevaluated_items = m.unevaluated_items.or(b.unevaluated_items);
    m.unevaluated_properties = m.unevaluated_properties.or(b.unevaluated_properties);
    m.property_names = m.property_names.or(b.property_names);
    m.content_schema = m.content_schema.or(b.content_schema);
    if m.content_encoding.is_none() {
        m.content_encoding = b.content_encoding.clone();
    }
    if m.content_media_type.is_none() {
        m.content_media_type = b.content_media_type.clone();
    }
}

/// The types a schema accepts. A schema without `type` that only constrains objects (or
/// arrays) is read as an object (or array) schema: that is what its authors mean, and adding
/// the `type` later should not look like a narrowing.
fn accepted_types(s: &Schema) -> TypeSet {
    if !s.types.is_any() {
        return s.types;
    }
    let object = has_object_keywords(s);
    let array = s.items.is_some() || !s.prefix_items.is_empty();
    match (object, array) {
        (true, false) => TypeSet::OBJECT,
        (false, true) => TypeSet::ARRAY,
        _ => TypeSet::ANY,
    }
}

/// Written as an object schema: typed `object`, or constraining properties.
fn object_like(s: &Schema) -> bool {
    has_object_keywords(s) || s.types.contains(TypeSet::OBJECT) && !s.types.is_any()
}

fn has_object_keywords(s: &Schema) -> bool {
    !s.properties.is_empty()
        || !s.required.is_empty()
        || s.additional != Additional::Unspecified
        || !s.pattern_properties.is_empty()
}

/// A bare composition: alternatives and nothing that constrains the value beside them.
fn composition_only(s: &Schema) -> bool {
    (!s.one_of.is_empty() || !s.any_of.is_empty())
        && s.types.is_any()
        && !has_object_keywords(s)
        && s.items.is_none()
        && s.enum_values.is_none()
        && s.const_value.is_none()
}

fn overlaps(a: TypeSet, b: TypeSet) -> bool {
    a.is_any() || b.is_any() || widen_number(a).0 & widen_number(b).0 & !TypeSet::NULL.0 != 0
}

/// `number` accepts integers too.
fn widen_number(t: TypeSet) -> TypeSet {
    if t.contains(TypeSet::NUMBER) {
        t.union(TypeSet::INTEGER)
    } else {
        t
    }
}

fn count(t: TypeSet) -> u32 {
    t.without(TypeSet::NULL).0.count_ones()
}

/// Formats whose values include all of another's: `int64` holds every `int32`.
fn format_widens(from: &str, to: &str) -> bool {
    matches!((from, to), ("int32", "int64") | ("float", "double"))
}

/// The schema's format when it restricts values. Formats like `binary` (a file part),
/// `password` or a vendor's `unix-time` only annotate: adding or dropping one accepts the same
/// values, so it is no change.
fn validating_format(s: &Schema) -> Option<&str> {
    const VALIDATING: &[&str] = &[
        "date-time",
        "date",
        "time",
        "duration",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uuid",
        "uri-template",
        "json-pointer",
        "relative-json-pointer",
        "regex",
        "int32",
        "int64",
        "float",
        "double",
        "byte",
    ];
    s.format.as_deref().filter(|f| VALIDATING.contains(f))
}

/// `enum` values, or the `x-extensible-enum` values standing for them (and whether they did).
fn enum_of(s: &Schema) -> (Option<&[Value]>, bool) {
    if let Some(v) = &s.enum_values {
        return (Some(v.as_slice()), false);
    }
    match s.extensions.get("x-extensible-enum") {
        Some(Value::Array(v)) => (Some(v.as_slice()), true),
        _ => (None, false),
    }
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn value_text(v: &Value) -> String {
    v.to_string()
}

/// A string value without quotes; other values as JSON.
fn value_plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn opt(s: &Option<String>) -> Option<String> {
    s.clone()
}

fn type_text(t: TypeSet, s: &Schema) -> String {
    let base = if t.is_any() {
        "any".to_string()
    } else {
        t.names().join(", ")
    };
    match &s.format {
        Some(f) => format!("{base} ({f})"),
        None => base,
    }
}

fn additional_text(a: &Additional) -> String {
    match a {
        Additional::Unspecified => "unspecified".into(),
        Additional::Allowed(b) => b.to_string(),
        Additional::Schema(_) => "a schema".into(),
    }
}

/// The component a branch refers to (through pure references), if any.
fn component_name(arena: &SchemaArena, id: SchemaId) -> Option<String> {
    let mut cur = id;
    for _ in 0..64 {
        let s = arena.get(cur);
        if let Some(name) = &s.name {
            return Some(name.clone());
        }
        match s.reference {
            Some(t) if !has_assertions(s) => cur = t,
            _ => return None,
        }
    }
    None
}

/// What identifies an `allOf` branch across revisions: its component, else its position.
fn branch_key(arena: &SchemaArena, id: SchemaId) -> String {
    component_name(arena, id).unwrap_or_else(|| {
        format!(
            "inline:{}",
            arena.get(id).location.rsplit('/').next().unwrap_or("")
        )
    })
}

fn branch_label(arena: &SchemaArena, id: SchemaId) -> String {
    match component_name(arena, id) {
        Some(n) => n,
        None => {
            let s = effective(arena, resolve(arena, id));
            format!("an inline {} schema", type_text(accepted_types(&s), &s))
        }
    }
}

/// The name a `$ref` or bare mapping value points at.
fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

/// Escapes a JSON pointer token.
fn escape(s: &str) -> Cow<'_, str> {
    if s.contains(['~', '/']) {
        Cow::Owned(s.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An arena built by hand; each schema gets its own span so changes can be told apart.
    struct A(SchemaArena);

    impl A {
        fn new() -> A {
            A(SchemaArena::new())
        }
        fn add(&mut self, f: impl FnOnce(&mut Schema)) -> SchemaId {
            let n = self.0.len();
            let id = self.0.reserve(
                Span::new(crate::source::FileId(0), n, n + 1),
                format!("t#/{n}"),
            );
            f(self.0.get_mut(id));
            id
        }
        fn string(&mut self, max: Option<u64>) -> SchemaId {
            self.add(|s| {
                s.types = TypeSet::STRING;
                s.constraints.max_length = max;
            })
        }
        fn object(&mut self, props: &[(&str, SchemaId)], required: &[&str]) -> SchemaId {
            self.add(|s| {
                s.types = TypeSet::OBJECT;
                for (k, v) in props {
                    s.properties.insert(k.to_string(), *v);
                }
                s.required = required.iter().map(|r| r.to_string()).collect();
            })
        }
    }

    fn kinds(changes: &[SchemaChange]) -> Vec<(String, ChangeKind, Impact)> {
        changes
            .iter()
            .map(|c| (c.pointer.clone(), c.kind, c.impact))
            .collect()
    }

    #[test]
    fn direction_decides_whether_a_tightened_bound_breaks() {
        let (mut o, mut n) = (A::new(), A::new());
        let (a, b) = (o.string(Some(10)), n.string(Some(5)));
        let tightened = ChangeKind::Limit(Limit::MaxLength, Bound::Decreased);
        let req = diff(&o.0, a, &n.0, b, Direction::ConsumerWrites, "");
        assert_eq!(
            kinds(&req),
            vec![(String::new(), tightened, Impact::Breaking)]
        );
        let resp = diff(&o.0, a, &n.0, b, Direction::ProviderWrites, "/body");
        assert_eq!(
            kinds(&resp),
            vec![("/body".to_string(), tightened, Impact::Compatible)]
        );
    }

    #[test]
    fn a_reference_and_the_inline_schema_it_names_accept_the_same() {
        let (mut o, mut n) = (A::new(), A::new());
        let target = o.string(Some(3));
        let named = o.object(&[("code", target)], &["code"]);
        o.0.get_mut(named).name = Some("Code".into());
        let r = o.add(|s| s.reference = Some(named));
        let inline_code = n.string(Some(3));
        let inline = n.object(&[("code", inline_code)], &["code"]);
        for dir in [Direction::ConsumerWrites, Direction::ProviderWrites] {
            assert_eq!(diff(&o.0, r, &n.0, inline, dir, ""), vec![]);
        }
    }

    #[test]
    fn a_cycle_is_compared_once_and_its_change_reported_once() {
        // Node { value: string(max), next: Node } on both sides.
        let build = |max: u64| {
            let mut a = A::new();
            let value = a.string(Some(max));
            let node = a.object(&[("value", value)], &[]);
            let next = a.add(|s| s.reference = Some(node));
            a.0.get_mut(node).properties.insert("next".into(), next);
            (a, node)
        };
        let ((o, on), (n, nn)) = (build(10), build(20));
        let mut engine = Engine::new(&o.0, &n.0);
        let root = engine.compare(on, nn, Direction::ProviderWrites);
        let changes = engine.changes(root, "");
        assert_eq!(
            kinds(&changes),
            vec![(
                "/properties/value".to_string(),
                ChangeKind::Limit(Limit::MaxLength, Bound::Increased),
                Impact::Breaking
            )]
        );
        // Node/Node and value/value: the reference back to Node resolves to the same pair.
        assert_eq!(engine.nodes.len(), 2);
    }

    #[test]
    fn removed_properties_weigh_by_who_reads_them() {
        let (mut o, mut n) = (A::new(), A::new());
        let (x, y) = (o.string(None), o.string(None));
        let old = o.object(&[("id", x), ("note", y)], &["id"]);
        let new = n.object(&[], &[]);
        let resp = diff(&o.0, old, &n.0, new, Direction::ProviderWrites, "");
        assert_eq!(
            kinds(&resp),
            vec![
                (
                    "/properties/id".into(),
                    ChangeKind::PropertyRemoved { required: true },
                    Impact::Breaking
                ),
                (
                    "/properties/note".into(),
                    ChangeKind::PropertyRemoved { required: false },
                    Impact::Warning
                ),
            ]
        );
        let req = diff(&o.0, old, &n.0, new, Direction::ConsumerWrites, "");
        assert!(req.iter().all(|c| c.impact == Impact::Warning), "{req:?}");
    }

    #[test]
    fn new_response_enum_values_warn_unless_the_enum_is_extensible() {
        let (mut o, mut n) = (A::new(), A::new());
        let a = o.add(|s| {
            s.types = TypeSet::STRING;
            s.enum_values = Some(vec![json!("a")]);
        });
        let b = n.add(|s| {
            s.types = TypeSet::STRING;
            s.enum_values = Some(vec![json!("a"), json!("b")]);
        });
        let resp = diff(&o.0, a, &n.0, b, Direction::ProviderWrites, "");
        assert_eq!(
            kinds(&resp),
            vec![(String::new(), ChangeKind::EnumValueAdded, Impact::Warning)]
        );
        let (mut o, mut n) = (A::new(), A::new());
        let a = o.add(|s| {
            s.types = TypeSet::STRING;
            s.extensions
                .insert("x-extensible-enum".into(), json!(["a"]));
        });
        let b = n.add(|s| {
            s.types = TypeSet::STRING;
            s.extensions
                .insert("x-extensible-enum".into(), json!(["a", "b"]));
        });
        assert_eq!(
            diff(&o.0, a, &n.0, b, Direction::ProviderWrites, ""),
            vec![]
        );
        assert_eq!(
            kinds(&diff(&n.0, b, &o.0, a, Direction::ConsumerWrites, "")),
            vec![(
                String::new(),
                ChangeKind::ExtensibleEnumValueRemoved,
                Impact::Breaking
            )]
        );
    }

    #[test]
    fn alternatives_pair_by_component_whatever_their_order() {
        let (mut o, mut n) = (A::new(), A::new());
        let named = |a: &mut A, name: &str, t: TypeSet| {
            let target = a.add(|s| {
                s.types = t;
                s.name = Some(name.into());
            });
            a.add(|s| s.reference = Some(target))
        };
        let (c1, w1) = (
            named(&mut o, "Card", TypeSet::OBJECT),
            named(&mut o, "Wallet", TypeSet::OBJECT),
        );
        let (w2, c2, b2) = (
            named(&mut n, "Wallet", TypeSet::OBJECT),
            named(&mut n, "Card", TypeSet::OBJECT),
            named(&mut n, "Bank", TypeSet::OBJECT),
        );
        let old = o.add(|s| s.one_of = vec![c1, w1]);
        let new = n.add(|s| s.one_of = vec![w2, c2, b2]);
        let resp = diff(&o.0, old, &n.0, new, Direction::ProviderWrites, "");
        assert_eq!(
            kinds(&resp),
            vec![(String::new(), ChangeKind::OneOfAdded, Impact::Breaking)]
        );
        assert_eq!(resp[0].subject.as_deref(), Some("Bank"));
        let req = diff(&o.0, old, &n.0, new, Direction::ConsumerWrites, "");
        assert_eq!(
            kinds(&req),
            vec![(String::new(), ChangeKind::OneOfAdded, Impact::Compatible)]
        );
    }

    #[test]
    fn a_hostile_chain_of_references_stops_at_the_depth_bound() {
        // 5000 distinct objects, each holding the next: no cycle for the memo to cut.
        let chain = |max: u64| {
            let mut a = A::new();
            let mut next = a.string(Some(max));
            for _ in 0..5000 {
                let obj = a.object(&[("next", next)], &[]);
                next = a.add(|s| s.reference = Some(obj));
            }
            (a, next)
        };
        let ((o, oroot), (n, nroot)) = (chain(10), chain(5));
        // Runs on a test thread (2 MB of stack); the change at the bottom is beyond the bound.
        let changes = diff(&o.0, oroot, &n.0, nroot, Direction::ConsumerWrites, "");
        assert_eq!(changes, vec![]);
    }

    #[test]
    fn formats_that_only_annotate_are_no_change() {
        let (mut o, mut n) = (A::new(), A::new());
        let a = o.string(None);
        let b = n.add(|s| {
            s.types = TypeSet::STRING;
            s.format = Some("binary".into());
        });
        assert_eq!(
            diff(&o.0, a, &n.0, b, Direction::ConsumerWrites, ""),
            vec![]
        );
        let c = n.add(|s| {
            s.types = TypeSet::STRING;
            s.format = Some("date-time".into());
        });
        assert_eq!(
            kinds(&diff(&o.0, a, &n.0, c, Direction::ConsumerWrites, "")),
            vec![(String::new(), ChangeKind::TypeSpecialized, Impact::Breaking)]
        );
    }

    #[test]
    fn read_only_properties_are_not_part_of_a_request() {
        let (mut o, mut n) = (A::new(), A::new());
        let id_old = o.string(None);
        let old = o.object(&[("id", id_old)], &[]);
        let id_new = n.add(|s| {
            s.types = TypeSet::STRING;
            s.read_only = true;
        });
        let new = n.object(&[("id", id_new)], &["id"]);
        // In a request `id` is gone (a warning: servers usually ignore it)…
        let req = diff(&o.0, old, &n.0, new, Direction::ConsumerWrites, "");
        assert_eq!(
            kinds(&req),
            vec![(
                "/properties/id".into(),
                ChangeKind::PropertyRemoved { required: false },
                Impact::Warning
            )]
        );
        // …in a response it became required, which clients welcome.
        let resp = diff(&o.0, old, &n.0, new, Direction::ProviderWrites, "");
        assert_eq!(
            kinds(&resp),
            vec![(
                "/properties/id".into(),
                ChangeKind::PropertyBecameRequired {
                    with_default: false
                },
                Impact::Compatible
            )]
        );
    }
}
