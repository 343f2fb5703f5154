//! Model schemas back to JSON Schema documents, for the validators of generated mocks.
//!
//! The loaders turn every schema of a contract into entries of a [`SchemaArena`] with references
//! resolved to ids, possibly across files (`../common/schemas.yaml#/components/schemas/Money`).
//! A generated crate cannot read the contract files at run time, so the mocks that check
//! messages against their schemas need each schema as one self-contained document.
//! [`to_json_schema`] writes it: JSON Schema draft 2020-12, with
//!
//! * every schema that is the target of a reference, or is a named component, under `$defs`,
//!   by its component name (`Money`; made unique with a number when two files use the same
//!   name), and referred to as `{"$ref": "#/$defs/Money"}`; a reference back to the root is
//!   `{"$ref": "#"}`. Reference cycles are therefore finite, whatever their shape;
//! * the keywords the model keeps, in the model's normal form: a nullable schema has `null` in its
//!   `type` array (whether the contract said `nullable: true` or `type: [.., "null"]`), numeric
//!   exclusive bounds, `items` for a list schema and `prefixItems` for tuples. Annotations
//!   (`title`, `description`, `examples`, `default`, `deprecated`, `readOnly`, `writeOnly`,
//!   `format`, `discriminator`, `x-*` extensions) are kept; validators ignore what they do not
//!   assert.
//!
//! The output depends only on the arena: keys are written in a fixed order and `$defs` in the
//! order the references are first met, so generated code is the same on every run.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Number, Value, json};

use crate::model::{Additional, Schema, SchemaArena, SchemaId};

/// The dialect of every document written.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema `root` of `arena` as a self-contained JSON Schema document.
pub fn to_json_schema(arena: &SchemaArena, root: SchemaId) -> Value {
    write(arena, root, true)
}

/// [`to_json_schema`] without the annotations that assert nothing (`title`, `description`,
/// `examples`, `default`, `deprecated`, `readOnly`, `writeOnly`, `discriminator`, `x-*`): what a
/// validator needs, and much shorter to embed in generated code. `format` stays.
pub fn to_validation_schema(arena: &SchemaArena, root: SchemaId) -> Value {
    write(arena, root, false)
}

fn write(arena: &SchemaArena, root: SchemaId, annotations: bool) -> Value {
    // A root that only refers elsewhere stands for its target.
    let root = arena.resolve(root);
    let mut w = Writer {
        arena,
        root,
        annotations,
        names: HashMap::new(),
        taken: HashSet::new(),
        order: Vec::new(),
        stack: Vec::new(),
    };
    let body = w.node(root);
    let mut defs = Map::new();
    let mut i = 0;
    while i < w.order.len() {
        let id = w.order[i];
        let def = w.node(id);
        defs.insert(w.names[&id].clone(), def);
        i += 1;
    }
    let Value::Object(body) = body else {
        // A boolean schema: nothing can refer to anything from it.
        return body;
    };
    let mut doc = Map::new();
    doc.insert("$schema".into(), Value::String(DIALECT.into()));
    doc.extend(body);
    if !defs.is_empty() {
        doc.insert("$defs".into(), Value::Object(defs));
    }
    Value::Object(doc)
}

struct Writer<'a> {
    arena: &'a SchemaArena,
    root: SchemaId,
    /// Whether annotation keywords are written.
    annotations: bool,
    /// The `$defs` name of each schema written there.
    names: HashMap<SchemaId, String>,
    taken: HashSet<String>,
    /// Schemas to write under `$defs`, in the order first referred to.
    order: Vec<SchemaId>,
    /// The schemas being written inline, innermost last.
    stack: Vec<SchemaId>,
}

impl Writer<'_> {
    /// A subschema: a reference when it has a place of its own (a named component, the root, or
    /// a schema it is nested in), else written inline.
    fn child(&mut self, id: SchemaId) -> Value {
        let s = self.arena.get(id);
        if id == self.root || s.name.is_some() || self.stack.contains(&id) {
            return self.reference(id);
        }
        self.node(id)
    }

    /// `{"$ref": ...}` to `id`, giving it a place under `$defs` if it has none.
    fn reference(&mut self, id: SchemaId) -> Value {
        let id = self.arena.resolve(id);
        if id == self.root {
            return json!({ "$ref": "#" });
        }
        let name = match self.names.get(&id) {
            Some(name) => name.clone(),
            None => {
                let name = self.unique(def_name(self.arena.get(id)));
                self.names.insert(id, name.clone());
                self.order.push(id);
                name
            }
        };
        json!({ "$ref": format!("#/$defs/{name}") })
    }

    fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|c| self.taken.insert(c.clone()))
            .unwrap_or(base)
    }

    fn list(&mut self, ids: &[SchemaId]) -> Value {
        Value::Array(ids.iter().map(|id| self.child(*id)).collect())
    }

    fn map(&mut self, entries: &indexmap::IndexMap<String, SchemaId>) -> Value {
        Value::Object(
            entries
                .iter()
                .map(|(k, id)| (k.clone(), self.child(*id)))
                .collect(),
        )
    }

    /// The keywords of schema `id`.
    fn node(&mut self, id: SchemaId) -> Value {
        let s: &Schema = self.arena.get(id);
        if let Some(b) = s.boolean {
            return Value::Bool(b);
        }
        self.stack.push(id);
        let mut o = Map::new();
        let c = &s.constraints;
        if let Some(target) = s.reference {
            let r = self.reference(target);
            o.extend(r.as_object().cloned().unwrap_or_default());
        }
        if self.annotations {
            put_str(&mut o, "title", &s.title);
            put_str(&mut o, "description", &s.description);
        }
        match s.types.names().as_slice() {
            [] => {}
            [one] => {
                o.insert("type".into(), Value::String((*one).into()));
            }
            many => {
                o.insert(
                    "type".into(),
                    Value::Array(many.iter().map(|t| Value::String((*t).into())).collect()),
                );
            }
        }
        put_str(&mut o, "format", &s.format);
        if let Some(values) = &s.enum_values {
            o.insert("enum".into(), Value::Array(values.clone()));
        }
        if let Some(v) = &s.const_value {
            o.insert("const".into(), v.clone());
        }
        put_num(&mut o, "minimum", c.minimum);
        put_num(&mut o, "exclusiveMinimum", c.exclusive_minimum);
        put_num(&mut o, "maximum", c.maximum);
        put_num(&mut o, "exclusiveMaximum", c.exclusive_maximum);
        put_num(&mut o, "multipleOf", c.multiple_of);
        put_int(&mut o, "minLength", c.min_length);
        put_int(&mut o, "maxLength", c.max_length);
        put_str(&mut o, "pattern", &c.pattern);
        put_str(&mut o, "contentEncoding", &s.content_encoding);
        put_str(&mut o, "contentMediaType", &s.content_media_type);
        if let Some(x) = s.content_schema {
            let v = self.child(x);
            o.insert("contentSchema".into(), v);
        }
        if !s.prefix_items.is_empty() {
            let v = self.list(&s.prefix_items);
            o.insert("prefixItems".into(), v);
        }
        if let Some(x) = s.items {
            let v = self.child(x);
            o.insert("items".into(), v);
        }
        if let Some(x) = s.contains {
            let v = self.child(x);
            o.insert("contains".into(), v);
        }
        put_int(&mut o, "minContains", c.min_contains);
        put_int(&mut o, "maxContains", c.max_contains);
        put_int(&mut o, "minItems", c.min_items);
        put_int(&mut o, "maxItems", c.max_items);
        if c.unique_items {
            o.insert("uniqueItems".into(), Value::Bool(true));
        }
        if let Some(x) = s.unevaluated_items {
            let v = self.child(x);
            o.insert("unevaluatedItems".into(), v);
        }
        if !s.properties.is_empty() {
            let v = self.map(&s.properties);
            o.insert("properties".into(), v);
        }
        if !s.required.is_empty() {
            o.insert(
                "required".into(),
                Value::Array(s.required.iter().cloned().map(Value::String).collect()),
            );
        }
        match &s.additional {
            Additional::Unspecified => {}
            Additional::Allowed(b) => {
                o.insert("additionalProperties".into(), Value::Bool(*b));
            }
            Additional::Schema(x) => {
                let v = self.child(*x);
                o.insert("additionalProperties".into(), v);
            }
        }
        if !s.pattern_properties.is_empty() {
            let v = self.map(&s.pattern_properties);
            o.insert("patternProperties".into(), v);
        }
        if let Some(x) = s.property_names {
            let v = self.child(x);
            o.insert("propertyNames".into(), v);
        }
        put_int(&mut o, "minProperties", c.min_properties);
        put_int(&mut o, "maxProperties", c.max_properties);
        if !s.dependent_required.is_empty() {
            let v: Map<String, Value> = s
                .dependent_required
                .iter()
                .map(|(k, names)| {
                    let names = names.iter().cloned().map(Value::String).collect();
                    (k.clone(), Value::Array(names))
                })
                .collect();
            o.insert("dependentRequired".into(), Value::Object(v));
        }
        if !s.dependent_schemas.is_empty() {
            let v = self.map(&s.dependent_schemas);
            o.insert("dependentSchemas".into(), v);
        }
        if let Some(x) = s.unevaluated_properties {
            let v = self.child(x);
            o.insert("unevaluatedProperties".into(), v);
        }
        for (key, ids) in [
            ("allOf", &s.all_of),
            ("anyOf", &s.any_of),
            ("oneOf", &s.one_of),
        ] {
            if !ids.is_empty() {
                let v = self.list(ids);
                o.insert(key.into(), v);
            }
        }
        for (key, x) in [
            ("not", s.not),
            ("if", s.if_schema),
            ("then", s.then_schema),
            ("else", s.else_schema),
        ] {
            if let Some(x) = x {
                let v = self.child(x);
                o.insert(key.into(), v);
            }
        }
        if !self.annotations {
            self.stack.pop();
            return Value::Object(o);
        }
        if let Some(d) = &s.discriminator {
            let mut v = Map::new();
            v.insert(
                "propertyName".into(),
                Value::String(d.property_name.clone()),
            );
            if !d.mapping.is_empty() {
                let mapping = d
                    .mapping
                    .iter()
                    .map(|(k, r)| (k.clone(), Value::String(r.clone())))
                    .collect();
                v.insert("mapping".into(), Value::Object(mapping));
            }
            o.insert("discriminator".into(), Value::Object(v));
        }
        if let Some(v) = &s.default {
            o.insert("default".into(), v.clone());
        }
        if !s.examples.is_empty() {
            o.insert("examples".into(), Value::Array(s.examples.clone()));
        }
        for (key, on) in [
            ("readOnly", s.read_only),
            ("writeOnly", s.write_only),
            ("deprecated", s.deprecated),
        ] {
            if on {
                o.insert(key.into(), Value::Bool(true));
            }
        }
        for (k, v) in &s.extensions {
            o.insert(k.clone(), v.clone());
        }
        self.stack.pop();
        Value::Object(o)
    }
}

/// The `$defs` key of a schema: its component name, else the last token of its location, kept
/// to characters that need no escaping in a JSON pointer or a URI fragment.
fn def_name(s: &Schema) -> String {
    let raw = match &s.name {
        Some(n) => n.as_str(),
        None => s
            .location
            .rsplit(['/', '#'])
            .find(|t| !t.is_empty())
            .unwrap_or("schema"),
    };
    let clean: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() {
        "schema".to_string()
    } else {
        clean
    }
}

fn put_str(o: &mut Map<String, Value>, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        o.insert(key.into(), Value::String(v.clone()));
    }
}

fn put_int(o: &mut Map<String, Value>, key: &str, v: Option<u64>) {
    if let Some(v) = v {
        o.insert(key.into(), Value::Number(v.into()));
    }
}

/// A bound as JSON: whole numbers without a fraction (`0`, not `0.0`), as contracts write them.
fn put_num(o: &mut Map<String, Value>, key: &str, v: Option<f64>) {
    let Some(v) = v else { return };
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let n = if v.fract() == 0.0 && v.abs() < EXACT {
        Some(Number::from(v as i64))
    } else {
        Number::from_f64(v)
    };
    if let Some(n) = n {
        o.insert(key.into(), Value::Number(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TypeSet;
    use crate::source::Span;

    fn arena_with(n: usize) -> SchemaArena {
        let mut a = SchemaArena::new();
        for i in 0..n {
            a.reserve(Span::default(), format!("test.json#/$defs/s{i}"));
        }
        a
    }

    fn compile(doc: &Value) -> jsonschema::Validator {
        jsonschema::options()
            .build(doc)
            .unwrap_or_else(|e| panic!("{e}: {doc:#}"))
    }

    #[test]
    fn recursive_schema_refers_to_the_root() {
        // Node = {type: object, required: [value], properties: {value: int, children: [Node]}}
        let mut a = arena_with(4);
        let (node, value, children, self_ref) =
            (SchemaId(0), SchemaId(1), SchemaId(2), SchemaId(3));
        {
            let s = a.get_mut(node);
            s.name = Some("Node".into());
            s.types = TypeSet::OBJECT;
            s.required = vec!["value".into()];
            s.properties.insert("value".into(), value);
            s.properties.insert("children".into(), children);
        }
        a.get_mut(value).types = TypeSet::INTEGER;
        a.get_mut(children).types = TypeSet::ARRAY.union(TypeSet::NULL);
        a.get_mut(children).items = Some(self_ref);
        a.get_mut(self_ref).reference = Some(node);

        let doc = to_json_schema(&a, node);
        assert_eq!(
            doc,
            json!({
                "$schema": DIALECT,
                "type": "object",
                "properties": {
                    "value": {"type": "integer"},
                    "children": {"type": ["array", "null"], "items": {"$ref": "#"}}
                },
                "required": ["value"]
            })
        );
        let v = compile(&doc);
        assert!(v.is_valid(&json!({"value": 1, "children": [{"value": 2, "children": null}]})));
        assert!(!v.is_valid(&json!({"value": 1, "children": [{"value": "two"}]})));
    }

    #[test]
    fn mutual_recursion_goes_through_defs() {
        // Root = {a: A}; A = {b: B}; B = {a: A} (A and B named, refer to each other).
        let mut a = arena_with(6);
        let ids: Vec<SchemaId> = (0..6).map(SchemaId).collect();
        let (root, sa, sb, ref_a, ref_b, ref_a2) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
        a.get_mut(root).properties.insert("a".into(), ref_a);
        a.get_mut(ref_a).reference = Some(sa);
        a.get_mut(sa).name = Some("A".into());
        a.get_mut(sa).properties.insert("b".into(), ref_b);
        a.get_mut(ref_b).reference = Some(sb);
        a.get_mut(sb).name = Some("B".into());
        a.get_mut(sb).types = TypeSet::OBJECT;
        a.get_mut(sb).properties.insert("a".into(), ref_a2);
        a.get_mut(ref_a2).reference = Some(sa);
        a.get_mut(sa).additional = Additional::Allowed(false);

        let doc = to_json_schema(&a, root);
        assert_eq!(
            doc,
            json!({
                "$schema": DIALECT,
                "properties": {"a": {"$ref": "#/$defs/A"}},
                "$defs": {
                    "A": {"properties": {"b": {"$ref": "#/$defs/B"}}, "additionalProperties": false},
                    "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}}
                }
            })
        );
        let v = compile(&doc);
        assert!(v.is_valid(&json!({"a": {"b": {"a": {}}}})));
        assert!(!v.is_valid(&json!({"a": {"b": {"a": {"x": 1}}}})));
    }

    #[test]
    fn same_names_from_two_files_stay_apart_and_refs_with_siblings_keep_them() {
        let mut a = arena_with(5);
        let ids: Vec<SchemaId> = (0..5).map(SchemaId).collect();
        let (root, m1, m2, r1, r2) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        a.get_mut(m1).name = Some("Money".into());
        a.get_mut(m1).types = TypeSet::STRING;
        a.get_mut(m2).name = Some("Money".into());
        a.get_mut(m2).types = TypeSet::NUMBER;
        a.get_mut(r1).reference = Some(m1);
        a.get_mut(r1).description = Some("The total.".into());
        a.get_mut(r2).reference = Some(m2);
        a.get_mut(r2).constraints.minimum = Some(0.0);
        a.get_mut(r2).constraints.multiple_of = Some(0.01);
        a.get_mut(root).properties.insert("total".into(), r1);
        a.get_mut(root).properties.insert("amount".into(), r2);
        let doc = to_json_schema(&a, root);
        assert_eq!(
            doc["properties"],
            json!({
                "total": {"$ref": "#/$defs/Money", "description": "The total."},
                "amount": {"$ref": "#/$defs/Money2", "minimum": 0, "multipleOf": 0.01}
            })
        );
        assert_eq!(doc["$defs"]["Money2"], json!({"type": "number"}));
    }

    #[test]
    fn a_root_that_only_refers_is_its_target_and_booleans_stay_booleans() {
        let mut a = arena_with(3);
        a.get_mut(SchemaId(0)).reference = Some(SchemaId(1));
        a.get_mut(SchemaId(1)).name = Some("Thing".into());
        a.get_mut(SchemaId(1)).not = Some(SchemaId(2));
        a.get_mut(SchemaId(2)).boolean = Some(false);
        let doc = to_json_schema(&a, SchemaId(0));
        assert_eq!(doc, json!({"$schema": DIALECT, "not": false}));
        assert_eq!(to_json_schema(&a, SchemaId(2)), json!(false));
    }

    #[test]
    fn validation_schemas_leave_annotations_out() {
        let mut a = arena_with(2);
        let (root, p) = (SchemaId(0), SchemaId(1));
        let s = a.get_mut(root);
        s.title = Some("Order".into());
        s.description = Some("An order.".into());
        s.examples = vec![json!({"id": 1})];
        s.extensions.insert("x-java-class".into(), json!("Order"));
        s.deprecated = true;
        s.properties.insert("description".into(), p);
        a.get_mut(p).types = TypeSet::STRING;
        a.get_mut(p).format = Some("uuid".into());
        a.get_mut(p).default = Some(json!("x"));
        assert_eq!(
            to_validation_schema(&a, root),
            json!({
                "$schema": DIALECT,
                "properties": {"description": {"type": "string", "format": "uuid"}}
            })
        );
        let full = to_json_schema(&a, root);
        assert_eq!(full["title"], "Order");
        assert_eq!(full["x-java-class"], "Order");
        assert_eq!(full["deprecated"], true);
        assert_eq!(full["properties"]["description"]["default"], "x");
    }

    #[test]
    fn unnamed_reference_targets_are_named_after_their_location() {
        let mut a = SchemaArena::new();
        let root = a.reserve(Span::default(), "x.yaml#/payload".into());
        let inner = a.reserve(Span::default(), "x.yaml#/components/schemas/a b".into());
        let r = a.reserve(Span::default(), "x.yaml#/payload/items".into());
        a.get_mut(root).items = Some(r);
        a.get_mut(r).reference = Some(inner);
        a.get_mut(inner).types = TypeSet::STRING;
        let doc = to_json_schema(&a, root);
        assert_eq!(doc["items"], json!({"$ref": "#/$defs/a_b"}));
        assert_eq!(doc["$defs"]["a_b"], json!({"type": "string"}));
    }
}
