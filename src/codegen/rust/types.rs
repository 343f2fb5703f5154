//! Rust types for the JSON schemas of OpenAPI and AsyncAPI contracts, with serde.
//!
//! One `types` module per crate holds every named type of the service's contracts. A schema gets
//! a named Rust type when it is a component (`components.schemas.Order` → `Order`, also when it
//! lives in a shared file such as `common/schemas.yaml`) or when it needs one (an inline object,
//! string enum or `oneOf`; named from where it is used: `CreateOrderRequest`, `OrderLineItem`).
//! The same schema location always maps to the same type, however many contracts of the service
//! refer to it.
//!
//! | schema | Rust |
//! |---|---|
//! | `boolean` | `bool` |
//! | `integer` (`int32`: `i32`, otherwise `i64`, so int64 ids fit) | `i64` |
//! | `number` (`float`: `f32`) | `f64` |
//! | `string` | `String`; a named string with `pattern`/length limits: a validated newtype (`Money`) |
//! | string `enum` | a Rust enum with the values as serde names |
//! | `array` | `Vec<T>` |
//! | object with `properties` | a struct; optional properties `Option<T>`, left out when `None` |
//! | object with only `additionalProperties: {schema}` | `BTreeMap<String, T>` |
//! | `additionalProperties: {schema}` beside properties | a flattened `BTreeMap` field |
//! | `allOf` | one struct with the properties of every part |
//! | `oneOf` / `anyOf` | an enum: by `discriminator` when there is one, else untagged |
//! | `nullable` / `type: [T, "null"]` | `Option<T>` |
//! | anything else (no type, several types, non-string enums) | `serde_json::Value` |
//!
//! A field whose type contains itself (a recursive schema) is boxed.

use std::collections::{HashMap, HashSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::ident::{self, Scope};
use super::{doc, doc_inner};
use crate::model::{Additional, Contract, Schema, SchemaArena, SchemaId, TypeSet};

/// Collects the named types of one crate.
#[derive(Default)]
pub struct TypeGen {
    /// Type name → its item(s).
    items: Vec<(String, TokenStream)>,
    names: Scope,
    /// Schema location → type name.
    by_location: HashMap<String, String>,
    /// Type names whose definitions are being built (for boxing recursive fields).
    in_progress: HashSet<String>,
    /// The `InvalidValue` error type is needed (some newtype validates).
    needs_invalid: bool,
    /// The `regex` crate is needed.
    pub needs_regex: bool,
}

/// Where a type is written from: inside the `types` module, or from a sibling module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum From {
    Types,
    Sibling,
}

impl TypeGen {
    pub fn new() -> TypeGen {
        TypeGen {
            names: Scope::with_reserved(&[
                "InvalidValue",
                "Value",
                "BTreeMap",
                "Map",
                "Vec",
                "Option",
                "String",
                "Box",
                "Result",
            ]),
            ..TypeGen::default()
        }
    }

    /// The Rust type of schema `id` of `contract`, written so that it resolves in a module beside
    /// `types` (`super::types::Order`, `Vec<super::types::Item>`, `String`). `hint` names the
    /// type if the schema needs a new one (an inline object, enum or `oneOf`).
    pub fn type_of(&mut self, contract: &Contract, id: SchemaId, hint: &str) -> TokenStream {
        self.ty(&contract.schemas, id, hint, From::Sibling)
    }

    /// The name (in `types`) of the type for schema `id`, when it has a named type: the type
    /// itself when the schema is (a reference to) an object, enum or newtype.
    pub fn named(&mut self, contract: &Contract, id: SchemaId, hint: &str) -> Option<String> {
        let _ = self.ty(&contract.schemas, id, hint, From::Sibling);
        let id = contract.schemas.resolve(id);
        self.by_location
            .get(&contract.schemas.get(id).location)
            .cloned()
    }

    /// Declares a type for every component schema of `contract`, under its component name, so
    /// that component names win over names made up for inline schemas.
    pub fn components(&mut self, contract: &Contract) {
        for (name, id) in &contract.components {
            let _ = self.ty(&contract.schemas, *id, name, From::Types);
        }
    }

    /// The `types` module's code, once every generator has asked for its types; `None` when no
    /// named type was needed.
    pub fn take_module(&mut self) -> Option<TokenStream> {
        if self.items.is_empty() {
            return None;
        }
        let mut items = std::mem::take(&mut self.items);
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let items = items.into_iter().map(|(_, t)| t);
        let invalid = self.needs_invalid.then(invalid_value);
        let docs = doc_inner(
            "Types of the payloads, request and response bodies of the service's contracts.",
        );
        Some(quote! {
            #docs
            #invalid
            #(#items)*
        })
    }

    fn path(&self, name: &str, from: From) -> TokenStream {
        let id = ident::ident(name);
        match from {
            From::Types => quote! { #id },
            From::Sibling => quote! { super::types::#id },
        }
    }

    fn ty(&mut self, arena: &SchemaArena, id: SchemaId, hint: &str, from: From) -> TokenStream {
        let s = arena.get(id);
        if let Some(target) = s.reference.filter(|_| s.is_pure_ref()) {
            let hint = schema_name(arena.get(target)).unwrap_or_else(|| hint.to_string());
            return self.ty(arena, target, &hint, from);
        }
        let (inner, nullable) = self.ty_non_null(arena, id, hint, from);
        if nullable {
            quote! { Option<#inner> }
        } else {
            inner
        }
    }

    /// The type without nullability, and whether the schema allows `null`.
    fn ty_non_null(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        hint: &str,
        from: From,
    ) -> (TokenStream, bool) {
        let s = arena.get(id);
        let nullable = s.is_nullable();
        let value = quote! { serde_json::Value };
        if s.boolean.is_some() {
            return (value, false);
        }
        // A `$ref` with siblings that do not change the shape (3.1, AsyncAPI): the target's type.
        if let Some(target) = s
            .reference
            .filter(|_| s.properties.is_empty() && s.all_of.is_empty() && s.one_of.is_empty())
        {
            let hint = schema_name(arena.get(target)).unwrap_or_else(|| hint.to_string());
            let t = self.ty(arena, target, &hint, from);
            return (t, false);
        }
        let name = schema_name(s).unwrap_or_else(|| hint.to_string());
        if !s.one_of.is_empty() || !s.any_of.is_empty() {
            let alts: Vec<SchemaId> = if s.one_of.is_empty() {
                s.any_of.clone()
            } else {
                s.one_of.clone()
            };
            // `oneOf: [X, {type: null}]` is a nullable X.
            let (nulls, rest): (Vec<SchemaId>, Vec<SchemaId>) =
                alts.into_iter().partition(|a| is_null_only(arena, *a));
            let nullable = nullable || !nulls.is_empty();
            if rest.len() == 1 {
                let t = self.ty(arena, rest[0], &name, from);
                return (t, nullable);
            }
            if rest.is_empty() {
                return (value, nullable);
            }
            return (self.one_of(arena, id, &rest, &name, from), nullable);
        }
        if !s.all_of.is_empty() {
            return (self.structure(arena, id, &name, from), nullable);
        }
        let types = s.types.without(TypeSet::NULL);
        if let Some(values) = &s.enum_values {
            let strings: Option<Vec<&str>> = values
                .iter()
                .filter(|v| !v.is_null())
                .map(|v| v.as_str())
                .collect();
            let has_null = values.iter().any(|v| v.is_null());
            return match strings {
                Some(strings) if !strings.is_empty() => (
                    self.string_enum(arena, id, &name, &strings, from),
                    nullable || has_null,
                ),
                _ => (value, nullable),
            };
        }
        let t = match types {
            TypeSet::BOOLEAN => self.alias_or(arena, id, quote! { bool }, from),
            TypeSet::INTEGER => {
                let t = if s.format.as_deref() == Some("int32") {
                    quote! { i32 }
                } else {
                    quote! { i64 }
                };
                self.alias_or(arena, id, t, from)
            }
            TypeSet::NUMBER => {
                let t = if s.format.as_deref() == Some("float") {
                    quote! { f32 }
                } else {
                    quote! { f64 }
                };
                self.alias_or(arena, id, t, from)
            }
            TypeSet::STRING => {
                let c = &s.constraints;
                let validated =
                    c.pattern.is_some() || c.min_length.is_some() || c.max_length.is_some();
                if validated && schema_name(s).is_some() {
                    self.newtype(arena, id, &name, from)
                } else {
                    self.alias_or(arena, id, quote! { String }, from)
                }
            }
            TypeSet::ARRAY => {
                let item = match s.items {
                    Some(items) => self.ty(arena, items, &format!("{name}Item"), From::Types),
                    None => value.clone(),
                };
                self.alias_or(arena, id, quote! { Vec<#item> }, from)
            }
            t if t == TypeSet::OBJECT || (t.is_any() && !s.properties.is_empty()) => {
                if s.properties.is_empty() && s.additional == Additional::Allowed(false) {
                    self.structure(arena, id, &name, from)
                } else if s.properties.is_empty() {
                    let v = match &s.additional {
                        Additional::Schema(a) => {
                            self.ty(arena, *a, &format!("{name}Value"), From::Types)
                        }
                        _ => value.clone(),
                    };
                    self.alias_or(
                        arena,
                        id,
                        quote! { std::collections::BTreeMap<String, #v> },
                        from,
                    )
                } else {
                    self.structure(arena, id, &name, from)
                }
            }
            _ => value,
        };
        (t, nullable)
    }

    /// A primitive type; for a named component, a type alias with its docs so the name shows up
    /// in the API (`pub type MessageId = String;`).
    fn alias_or(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        t: TokenStream,
        from: From,
    ) -> TokenStream {
        let s = arena.get(id);
        let Some(name) = schema_name(s) else {
            return requalify(t, from);
        };
        if let Some(existing) = self.by_location.get(&s.location) {
            return self.path(&existing.clone(), from);
        }
        let rust = self.names.unique(ident::camel(&name));
        self.by_location.insert(s.location.clone(), rust.clone());
        let docs = doc(&describe(s));
        let id_tok = ident::ident(&rust);
        self.items
            .push((rust.clone(), quote! { #docs pub type #id_tok = #t; }));
        self.path(&rust, from)
    }

    fn declare(&mut self, s: &Schema, name: &str) -> Result<String, String> {
        if let Some(existing) = self.by_location.get(&s.location) {
            return Err(existing.clone());
        }
        let rust = self.names.unique(ident::camel(name));
        self.by_location.insert(s.location.clone(), rust.clone());
        Ok(rust)
    }

    fn structure(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        name: &str,
        from: From,
    ) -> TokenStream {
        let s = arena.get(id);
        let rust = match self.declare(s, name) {
            Ok(n) => n,
            Err(existing) => return self.path(&existing, from),
        };
        self.in_progress.insert(rust.clone());
        let mut props: Vec<(String, SchemaId)> = Vec::new();
        let mut required: HashSet<String> = HashSet::new();
        let mut additional = Additional::Unspecified;
        collect_properties(arena, id, &mut props, &mut required, &mut additional, 0);
        let mut fields = Scope::new();
        let mut tokens = Vec::new();
        for (prop, pid) in &props {
            let field = fields.unique(ident::snake(prop));
            let hint = format!("{rust}{}", ident::camel(prop));
            let mut t = self.ty(arena, *pid, &hint, From::Types);
            let resolved = arena.get(arena.resolve(*pid));
            let nullable = t.to_string().starts_with("Option <");
            if self.is_in_progress(arena, *pid) {
                t = if nullable {
                    // `Option<X>` where X contains this type: box inside the option.
                    let inner = self
                        .ty_non_null(arena, arena.resolve(*pid), &hint, From::Types)
                        .0;
                    quote! { Option<Box<#inner>> }
                } else {
                    quote! { Box<#t> }
                };
            }
            let docs = doc(&describe(arena.get(*pid)).or_else_desc(resolved));
            let fid = ident::ident(&field);
            let rename = (field.trim_start_matches("r#") != prop.as_str())
                .then(|| quote! { rename = #prop, });
            let is_required = required.contains(prop);
            let attrs = if is_required {
                rename.map(|r| quote! { #[serde(#r)] })
            } else {
                Some(quote! { #[serde(#rename default, skip_serializing_if = "Option::is_none")] })
            };
            let ty = if is_required || nullable {
                t
            } else {
                quote! { Option<#t> }
            };
            tokens.push(quote! { #docs #attrs pub #fid: #ty, });
        }
        if let Additional::Schema(a) = additional {
            let field = ident::ident(&fields.unique("additional_properties".to_string()));
            let t = self.ty(arena, a, &format!("{rust}Value"), From::Types);
            tokens.push(quote! {
                /// Properties beyond the declared ones (`additionalProperties`).
                #[serde(flatten)]
                pub #field: std::collections::BTreeMap<String, #t>,
            });
        }
        self.in_progress.remove(&rust);
        let docs = doc(&describe(s));
        let id_tok = ident::ident(&rust);
        self.items.push((
            rust.clone(),
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                pub struct #id_tok { #(#tokens)* }
            },
        ));
        self.path(&rust, from)
    }

    /// Whether the schema is (a reference to, possibly nullable) a struct still being built.
    fn is_in_progress(&self, arena: &SchemaArena, id: SchemaId) -> bool {
        let r = arena.resolve(id);
        let s = arena.get(r);
        let target = match s.reference {
            Some(t) => arena.get(arena.resolve(t)),
            None => s,
        };
        self.by_location
            .get(&target.location)
            .is_some_and(|n| self.in_progress.contains(n))
    }

    fn string_enum(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        name: &str,
        values: &[&str],
        from: From,
    ) -> TokenStream {
        let s = arena.get(id);
        let rust = match self.declare(s, name) {
            Ok(n) => n,
            Err(existing) => return self.path(&existing, from),
        };
        let mut scope = Scope::new();
        let variants: Vec<(proc_macro2::Ident, &str)> = values
            .iter()
            .map(|v| (ident::ident(&scope.unique(ident::camel(v))), *v))
            .collect();
        let decl = variants
            .iter()
            .map(|(v, text)| quote! { #[serde(rename = #text)] #v, });
        let arms = variants
            .iter()
            .map(|(v, text)| quote! { Self::#v => #text, });
        let docs = doc(&describe(s));
        let id_tok = ident::ident(&rust);
        self.items.push((
            rust.clone(),
            quote! {
                #docs
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
                pub enum #id_tok { #(#decl)* }

                impl #id_tok {
                    /// The value as the contract writes it.
                    pub fn as_str(&self) -> &'static str {
                        match self { #(#arms)* }
                    }
                }

                impl std::fmt::Display for #id_tok {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
            },
        ));
        self.path(&rust, from)
    }

    fn one_of(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        alts: &[SchemaId],
        name: &str,
        from: From,
    ) -> TokenStream {
        let s = arena.get(id);
        let rust = match self.declare(s, name) {
            Ok(n) => n,
            Err(existing) => return self.path(&existing, from),
        };
        self.in_progress.insert(rust.clone());
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            let target = arena.get(arena.resolve(*alt));
            let base = schema_name(target)
                .map(|n| ident::camel(&n))
                .unwrap_or_else(|| format!("Variant{}", i + 1));
            let v = scope.unique(base);
            let mut t = self.ty(arena, *alt, &format!("{rust}{v}"), From::Types);
            if self.is_in_progress(arena, *alt) {
                t = quote! { Box<#t> };
            }
            let tag = target
                .location
                .rsplit('/')
                .next()
                .map(str::to_string)
                .unwrap_or_default();
            variants.push((ident::ident(&v), t, tag, target.location.clone()));
        }
        self.in_progress.remove(&rust);
        let docs = doc(&describe(s));
        let id_tok = ident::ident(&rust);
        let decl = variants.iter().map(|(v, t, _, _)| quote! { #v(#t), });
        let item = match &s.discriminator {
            Some(d) => {
                let prop = &d.property_name;
                // The values of the discriminator per variant: the mapping's keys whose `$ref`
                // names the variant's schema, else the schema's name.
                let arms = variants.iter().map(|(v, _, tag, location)| {
                    let mut values: Vec<&str> = d
                        .mapping
                        .iter()
                        .filter(|(_, r)| {
                            let pointer = r.rsplit('#').next().unwrap_or(r);
                            location.ends_with(pointer) || r.rsplit('/').next() == Some(tag.as_str())
                        })
                        .map(|(k, _)| k.as_str())
                        .collect();
                    if values.is_empty() {
                        values.push(tag.as_str());
                    }
                    quote! {
                        #(Some(#values))|* => serde_json::from_value(value).map(Self::#v).map_err(serde::de::Error::custom),
                    }
                });
                let ser = variants
                    .iter()
                    .map(|(v, ..)| quote! { Self::#v(x) => x.serialize(serializer), });
                let msg = format!("unknown `{prop}` {{:?}} for {rust}");
                quote! {
                    #docs
                    #[derive(Debug, Clone, PartialEq)]
                    pub enum #id_tok { #(#decl)* }

                    impl serde::Serialize for #id_tok {
                        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                            match self { #(#ser)* }
                        }
                    }

                    impl<'de> serde::Deserialize<'de> for #id_tok {
                        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                            let value = serde_json::Value::deserialize(deserializer)?;
                            let tag = value.get(#prop).and_then(|t| t.as_str()).map(str::to_string);
                            match tag.as_deref() {
                                #(#arms)*
                                other => Err(serde::de::Error::custom(format!(#msg, other))),
                            }
                        }
                    }
                }
            }
            None => quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                #[serde(untagged)]
                pub enum #id_tok { #(#decl)* }
            },
        };
        self.items.push((rust.clone(), item));
        self.path(&rust, from)
    }

    fn newtype(
        &mut self,
        arena: &SchemaArena,
        id: SchemaId,
        name: &str,
        from: From,
    ) -> TokenStream {
        let s = arena.get(id);
        let rust = match self.declare(s, name) {
            Ok(n) => n,
            Err(existing) => return self.path(&existing, from),
        };
        self.needs_invalid = true;
        let id_tok = ident::ident(&rust);
        let c = &s.constraints;
        let mut checks = Vec::new();
        if let Some(min) = c.min_length {
            let min = min as usize;
            let msg = format!("shorter than {min} characters");
            checks.push(quote! {
                if value.chars().count() < #min { return Err(InvalidValue::new(#rust, value, #msg)); }
            });
        }
        if let Some(max) = c.max_length {
            let max = max as usize;
            let msg = format!("longer than {max} characters");
            checks.push(quote! {
                if value.chars().count() > #max { return Err(InvalidValue::new(#rust, value, #msg)); }
            });
        }
        let mut pattern_const = quote! {};
        if let Some(p) = &c.pattern {
            // Patterns that the regex crate cannot compile (look-around, back-references) are
            // documented but not checked.
            if regex::Regex::new(p).is_ok() {
                self.needs_regex = true;
                let msg = format!("does not match the pattern `{p}`");
                pattern_const = quote! {
                    /// The pattern every value matches.
                    pub const PATTERN: &'static str = #p;
                };
                checks.push(quote! {
                    static RE: std::sync::LazyLock<Option<regex::Regex>> =
                        std::sync::LazyLock::new(|| regex::Regex::new(#id_tok::PATTERN).ok());
                    if let Some(re) = RE.as_ref() {
                        if !re.is_match(&value) { return Err(InvalidValue::new(#rust, value, #msg)); }
                    }
                });
            }
        }
        let mut docs_text = describe(s);
        if let Some(e) = s.examples.first().and_then(|e| e.as_str()) {
            docs_text.push_str(&format!("\n\nExample: `{}`", e.replace('`', "'")));
        }
        let docs = doc(&docs_text);
        self.items.push((
            rust.clone(),
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
                #[serde(try_from = "String", into = "String")]
                pub struct #id_tok(String);

                impl #id_tok {
                    #pattern_const

                    /// Checks `value` against the contract's constraints.
                    pub fn new(value: impl Into<String>) -> Result<Self, InvalidValue> {
                        let value = value.into();
                        #(#checks)*
                        Ok(#id_tok(value))
                    }

                    /// The value as text.
                    pub fn as_str(&self) -> &str {
                        &self.0
                    }

                    /// The value as text, owned.
                    pub fn into_inner(self) -> String {
                        self.0
                    }
                }

                impl TryFrom<String> for #id_tok {
                    type Error = InvalidValue;
                    fn try_from(value: String) -> Result<Self, InvalidValue> {
                        #id_tok::new(value)
                    }
                }

                impl TryFrom<&str> for #id_tok {
                    type Error = InvalidValue;
                    fn try_from(value: &str) -> Result<Self, InvalidValue> {
                        #id_tok::new(value)
                    }
                }

                impl std::str::FromStr for #id_tok {
                    type Err = InvalidValue;
                    fn from_str(value: &str) -> Result<Self, InvalidValue> {
                        #id_tok::new(value)
                    }
                }

                impl From<#id_tok> for String {
                    fn from(value: #id_tok) -> String {
                        value.0
                    }
                }

                impl AsRef<str> for #id_tok {
                    fn as_ref(&self) -> &str {
                        &self.0
                    }
                }

                impl std::fmt::Display for #id_tok {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(&self.0)
                    }
                }
            },
        ));
        self.path(&rust, from)
    }
}

/// Named types inside an element type (`Vec<Item>`) are plain identifiers, computed for the
/// `types` module; a sibling module reaches them through `super::types::`.
fn requalify(t: TokenStream, from: From) -> TokenStream {
    if from == From::Types {
        return t;
    }
    use proc_macro2::TokenTree;
    let mut out = Vec::new();
    let tokens: Vec<TokenTree> = t.into_iter().collect();
    let mut prev_colon = false;
    for tok in tokens {
        match &tok {
            TokenTree::Ident(id) if !prev_colon && is_local_type(&id.to_string()) => {
                out.extend(quote! { super::types:: });
                out.push(tok.clone());
            }
            TokenTree::Group(g) => {
                let inner = requalify(g.stream(), from);
                let mut ng = proc_macro2::Group::new(g.delimiter(), inner);
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            _ => out.push(tok.clone()),
        }
        prev_colon = matches!(&tok, TokenTree::Punct(p) if p.as_char() == ':');
    }
    out.into_iter().collect()
}

/// An identifier that names a generated type rather than a std or serde_json path segment.
fn is_local_type(s: &str) -> bool {
    let s = s.trim_start_matches("r#");
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && !matches!(
            s,
            "Vec" | "Option" | "String" | "Box" | "BTreeMap" | "Value"
        )
}

fn is_null_only(arena: &SchemaArena, id: SchemaId) -> bool {
    let s = arena.get(arena.resolve(id));
    s.types == TypeSet::NULL
        || s.enum_values
            .as_ref()
            .is_some_and(|v| v.len() == 1 && v[0].is_null())
}

/// The name a schema has by itself: its component name, or the last segment of a location under
/// `components/schemas`, `$defs` or `definitions`.
fn schema_name(s: &Schema) -> Option<String> {
    if let Some(n) = &s.name {
        return Some(n.clone());
    }
    let pointer = s.location.rsplit_once('#')?.1;
    let (parent, last) = pointer.rsplit_once('/')?;
    let named = parent.ends_with("/components/schemas")
        || parent.ends_with("/$defs")
        || parent.ends_with("/definitions");
    (named && !last.is_empty()).then(|| last.replace("~1", "/").replace("~0", "~"))
}

fn describe(s: &Schema) -> String {
    let mut out = String::new();
    if let Some(t) = &s.title {
        out.push_str(t.trim());
    }
    if let Some(d) = &s.description {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(d.trim());
    }
    if s.deprecated {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str("Deprecated by the contract.");
    }
    out
}

trait OrElseDesc {
    fn or_else_desc(self, s: &Schema) -> String;
}

impl OrElseDesc for String {
    fn or_else_desc(self, s: &Schema) -> String {
        if self.is_empty() { describe(s) } else { self }
    }
}

/// Gathers the properties of an object schema and of the parts of its `allOf`, in order.
fn collect_properties(
    arena: &SchemaArena,
    id: SchemaId,
    props: &mut Vec<(String, SchemaId)>,
    required: &mut HashSet<String>,
    additional: &mut Additional,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    let s = arena.get(id);
    if let Some(target) = s.reference {
        collect_properties(arena, target, props, required, additional, depth + 1);
    }
    for part in &s.all_of {
        collect_properties(arena, *part, props, required, additional, depth + 1);
    }
    for (name, pid) in &s.properties {
        match props.iter_mut().find(|(n, _)| n == name) {
            Some(existing) => existing.1 = *pid,
            None => props.push((name.clone(), *pid)),
        }
    }
    required.extend(s.required.iter().cloned());
    if let Additional::Schema(a) = &s.additional {
        *additional = Additional::Schema(*a);
    }
}

fn invalid_value() -> TokenStream {
    quote! {
        /// A value that breaks its type's constraints in the contract (pattern, length).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct InvalidValue {
            /// The type that refused the value.
            pub type_name: &'static str,
            /// The value refused.
            pub value: String,
            /// Which constraint it breaks.
            pub reason: &'static str,
        }

        impl InvalidValue {
            fn new(type_name: &'static str, value: String, reason: &'static str) -> Self {
                InvalidValue { type_name, value, reason }
            }
        }

        impl std::fmt::Display for InvalidValue {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "invalid {}: {:?} {}", self.type_name, self.value, self.reason)
            }
        }

        impl std::error::Error for InvalidValue {}
    }
}
