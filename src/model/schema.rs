//! The JSON Schema model shared by OpenAPI and AsyncAPI.
//!
//! Schemas live in an arena per contract and refer to each other by [`SchemaId`]. A `$ref` stays a
//! reference ([`Schema::reference`]) pointing at the arena entry of its target, so recursive and
//! mutually recursive schemas are a finite graph, never an expanded tree. OpenAPI 3.0's
//! `nullable: true` and 3.1's `type: [..., "null"]` both become [`TypeSet::NULL`] in
//! [`Schema::types`], so the two versions describe the same API with the same model.

use indexmap::IndexMap;
use serde_json::Value;

use crate::source::Span;

/// Index of a schema in a [`SchemaArena`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemaId(pub u32);

/// The JSON types a schema allows, as a bit set. Empty means "any type" (no `type` keyword).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct TypeSet(pub u8);

impl TypeSet {
    pub const NULL: TypeSet = TypeSet(1);
    pub const BOOLEAN: TypeSet = TypeSet(2);
    pub const INTEGER: TypeSet = TypeSet(4);
    pub const NUMBER: TypeSet = TypeSet(8);
    pub const STRING: TypeSet = TypeSet(16);
    pub const ARRAY: TypeSet = TypeSet(32);
    pub const OBJECT: TypeSet = TypeSet(64);
    pub const ANY: TypeSet = TypeSet(0);

    pub const NAMES: [(&'static str, TypeSet); 7] = [
        ("null", TypeSet::NULL),
        ("boolean", TypeSet::BOOLEAN),
        ("integer", TypeSet::INTEGER),
        ("number", TypeSet::NUMBER),
        ("string", TypeSet::STRING),
        ("array", TypeSet::ARRAY),
        ("object", TypeSet::OBJECT),
    ];

    pub fn from_name(name: &str) -> Option<TypeSet> {
        TypeSet::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
    }

    pub fn contains(self, other: TypeSet) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn union(self, other: TypeSet) -> TypeSet {
        TypeSet(self.0 | other.0)
    }

    pub fn without(self, other: TypeSet) -> TypeSet {
        TypeSet(self.0 & !other.0)
    }

    pub fn is_any(self) -> bool {
        self.0 == 0
    }

    /// The type names in a fixed order (`null` last, as people write them).
    pub fn names(self) -> Vec<&'static str> {
        let mut v: Vec<_> = TypeSet::NAMES
            .iter()
            .filter(|(n, t)| *n != "null" && self.contains(*t))
            .map(|(n, _)| *n)
            .collect();
        if self.contains(TypeSet::NULL) {
            v.push("null");
        }
        v
    }
}

/// `additionalProperties`.
#[derive(Clone, Debug, PartialEq)]
pub enum Additional {
    /// Not given: any extra property is allowed.
    Unspecified,
    Allowed(bool),
    Schema(SchemaId),
}

/// A `discriminator` object (OpenAPI).
#[derive(Clone, Debug, PartialEq)]
pub struct Discriminator {
    pub property_name: String,
    /// value → `$ref` as written
    pub mapping: IndexMap<String, String>,
}

/// Numeric, string, array and object constraints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    /// Numeric exclusive bounds (3.1 style; 3.0's boolean form is normalised into these).
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    pub multiple_of: Option<f64>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<String>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    /// `minContains` / `maxContains` (2020-12): how many items must match `contains`.
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
}

/// One schema node. Inline schemas and component schemas are both entries of the arena.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    /// Where the schema object is written.
    pub span: Span,
    /// Canonical location: `file#/json/pointer` of the schema object.
    pub location: String,
    /// The component name when this is a named schema (`components.schemas.Order` → `Order`).
    pub name: Option<String>,
    /// `$ref` target, resolved. In OpenAPI 3.0 the siblings of a `$ref` are ignored; in 3.1 and
    /// AsyncAPI they apply together with the target.
    pub reference: Option<SchemaId>,
    /// The `$ref` text as written.
    pub ref_text: Option<String>,
    pub types: TypeSet,
    pub format: Option<String>,
    pub enum_values: Option<Vec<Value>>,
    pub const_value: Option<Value>,
    pub properties: IndexMap<String, SchemaId>,
    /// Key spans of the properties, for findings on a property name.
    pub property_spans: IndexMap<String, Span>,
    pub required: Vec<String>,
    pub additional: Additional,
    pub pattern_properties: IndexMap<String, SchemaId>,
    pub items: Option<SchemaId>,
    pub prefix_items: Vec<SchemaId>,
    pub all_of: Vec<SchemaId>,
    pub one_of: Vec<SchemaId>,
    pub any_of: Vec<SchemaId>,
    pub not: Option<SchemaId>,
    pub discriminator: Option<Discriminator>,
    pub constraints: Constraints,
    pub read_only: bool,
    pub write_only: bool,
    pub deprecated: bool,
    pub default: Option<Value>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub examples: Vec<Value>,
    /// `x-*` keys.
    pub extensions: IndexMap<String, Value>,
    /// `true`/`false` schemas (JSON Schema 2019+ and AsyncAPI): `Some(false)` accepts nothing.
    pub boolean: Option<bool>,
    /// JSON Schema 2019-09/2020-12 applicators and content keywords (OpenAPI 3.1, AsyncAPI 3).
    /// The compatibility engine compares them; OpenAPI 3.0 documents never set them.
    pub contains: Option<SchemaId>,
    /// `dependentRequired`: property → properties required when it is present.
    pub dependent_required: IndexMap<String, Vec<String>>,
    pub dependent_schemas: IndexMap<String, SchemaId>,
    pub if_schema: Option<SchemaId>,
    pub then_schema: Option<SchemaId>,
    pub else_schema: Option<SchemaId>,
    pub unevaluated_items: Option<SchemaId>,
    pub unevaluated_properties: Option<SchemaId>,
    pub property_names: Option<SchemaId>,
    pub content_schema: Option<SchemaId>,
    pub content_encoding: Option<String>,
    pub content_media_type: Option<String>,
}

impl Schema {
    pub fn empty(span: Span, location: String) -> Schema {
        Schema {
            span,
            location,
            name: None,
            reference: None,
            ref_text: None,
            types: TypeSet::ANY,
            format: None,
            enum_values: None,
            const_value: None,
            properties: IndexMap::new(),
            property_spans: IndexMap::new(),
            required: Vec::new(),
            additional: Additional::Unspecified,
            pattern_properties: IndexMap::new(),
            items: None,
            prefix_items: Vec::new(),
            all_of: Vec::new(),
            one_of: Vec::new(),
            any_of: Vec::new(),
            not: None,
            discriminator: None,
            constraints: Constraints::default(),
            read_only: false,
            write_only: false,
            deprecated: false,
            default: None,
            title: None,
            description: None,
            examples: Vec::new(),
            extensions: IndexMap::new(),
            boolean: None,
            contains: None,
            dependent_required: IndexMap::new(),
            dependent_schemas: IndexMap::new(),
            if_schema: None,
            then_schema: None,
            else_schema: None,
            unevaluated_items: None,
            unevaluated_properties: None,
            property_names: None,
            content_schema: None,
            content_encoding: None,
            content_media_type: None,
        }
    }

    pub fn is_nullable(&self) -> bool {
        self.types.contains(TypeSet::NULL)
    }
}

/// All schemas of one contract.
#[derive(Clone, Debug, Default)]
pub struct SchemaArena {
    schemas: Vec<Schema>,
    /// Canonical location → id, so each schema object is built once however often it is referenced.
    by_location: std::collections::HashMap<String, SchemaId>,
}

impl SchemaArena {
    pub fn new() -> SchemaArena {
        SchemaArena::default()
    }

    pub fn get(&self, id: SchemaId) -> &Schema {
        &self.schemas[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: SchemaId) -> &mut Schema {
        &mut self.schemas[id.0 as usize]
    }

    /// Reserves an id for a location (before its schema is built, so cycles can refer to it).
    pub fn reserve(&mut self, span: Span, location: String) -> SchemaId {
        if let Some(id) = self.by_location.get(&location) {
            return *id;
        }
        let id = SchemaId(self.schemas.len() as u32);
        self.by_location.insert(location.clone(), id);
        self.schemas.push(Schema::empty(span, location));
        id
    }

    pub fn by_location(&self, location: &str) -> Option<SchemaId> {
        self.by_location.get(location).copied()
    }

    pub fn len(&self) -> usize {
        self.schemas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.schemas.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (SchemaId, &Schema)> {
        self.schemas
            .iter()
            .enumerate()
            .map(|(i, s)| (SchemaId(i as u32), s))
    }

    /// Follows `$ref` chains to the schema that holds the content (stops on a cycle of pure refs).
    pub fn resolve(&self, mut id: SchemaId) -> SchemaId {
        for _ in 0..64 {
            let s = self.get(id);
            match s.reference {
                Some(target) if s.is_pure_ref() => id = target,
                _ => return id,
            }
        }
        id
    }
}

impl Schema {
    /// A `$ref` with no sibling keywords that change what it accepts.
    pub fn is_pure_ref(&self) -> bool {
        self.reference.is_some()
            && self.types.is_any()
            && self.properties.is_empty()
            && self.all_of.is_empty()
            && self.one_of.is_empty()
            && self.any_of.is_empty()
            && self.items.is_none()
            && self.enum_values.is_none()
            && self.const_value.is_none()
            && self.not.is_none()
            && self.constraints == Constraints::default()
    }
}
