//! Loading OpenAPI descriptions into the model: versions, references, structure errors, and a
//! real-world description (Stripe's, when the shared corpus is present).

use std::path::{Path, PathBuf};
use std::time::Instant;

use treaty::diag::LoadErrors;
use treaty::formats::{ContractSpec, LoadCx};
use treaty::model::{Contract, ContractKind};
use treaty::source::SourceMap;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/load/openapi")
}

/// Loads `file` as an OpenAPI contract with `root` as the workspace root.
fn load_in(root: &Path, file: &Path) -> (SourceMap, Result<Contract, LoadErrors>) {
    let mut sources = SourceMap::new();
    let mut cx = LoadCx::new(&mut sources, root);
    let spec = ContractSpec {
        name: "test".into(),
        service: None,
        kind: ContractKind::Openapi,
        files: vec![file.to_path_buf()],
        roots: Vec::new(),
        excludes: Vec::new(),
        version: None,
    };
    let result = treaty::formats::load(&mut cx, &spec);
    (sources, result)
}

#[test]
fn stripe_loads_every_operation() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/openapi/stripe");
    let file = corpus.join("spec3-2023-09-12.yaml");
    if !file.exists() {
        eprintln!("skipped: {} is not present", file.display());
        return;
    }
    let start = Instant::now();
    let (_, result) = load_in(&corpus, &file);
    let elapsed = start.elapsed();
    let contract = match result {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    eprintln!(
        "stripe: {} operations, {} schemas, {} component schemas in {elapsed:?}",
        contract.operations.len(),
        contract.schemas.len(),
        contract.components.len()
    );
    // The reference count: (path, method) pairs of a plain parse.
    let text = std::fs::read_to_string(&file).unwrap();
    let doc: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
    let methods = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let pairs: usize = doc["paths"]
        .as_mapping()
        .unwrap()
        .values()
        .map(|item| {
            item.as_mapping()
                .map(|m| {
                    m.keys()
                        .filter(|k| k.as_str().is_some_and(|k| methods.contains(&k)))
                        .count()
                })
                .unwrap_or(0)
        })
        .sum();
    assert_eq!(contract.operations.len(), pairs);
    assert!(!contract.components.is_empty());
}

fn load_fixture(dir: &str, file: &str) -> (SourceMap, Result<Contract, LoadErrors>) {
    let root = fixtures().join(dir);
    load_in(&root, &root.join(file))
}

fn ok(dir: &str, file: &str) -> (SourceMap, Contract) {
    match load_fixture(dir, file) {
        (s, Ok(c)) => (s, c),
        (_, Err(e)) => panic!("{dir}/{file} should load: {e}"),
    }
}

fn err(dir: &str, file: &str) -> LoadErrors {
    match load_fixture(dir, file) {
        (_, Ok(_)) => panic!("{dir}/{file} should not load"),
        (_, Err(e)) => e,
    }
}

/// A canonical rendering of a contract without spans or file names, for comparing models.
mod dump {
    use serde_json::{Map, Value, json};
    use treaty::model::{Additional, Contract, Parameter, SchemaArena, SchemaId};

    pub fn contract(c: &Contract) -> Value {
        let ops: Vec<Value> = c
            .operations
            .iter()
            .map(|op| {
                json!({
                    "key": op.key.as_str(),
                    "id": op.id,
                    "kind": format!("{:?}", op.kind).split("path_span").next().unwrap_or_default(),
                    "summary": op.summary,
                    "description": op.description,
                    "tags": op.tags,
                    "deprecated": op.deprecated,
                    "parameters": op.parameters.iter().map(|p| param(&c.schemas, p)).collect::<Vec<_>>(),
                    "request": op.request.as_ref().map(|r| json!({
                        "required": r.required,
                        "description": r.description,
                        "content": r.content.iter().map(|m| json!({
                            "media_type": m.media_type,
                            "schema": m.schema.map(|s| schema(&c.schemas, s)),
                            "examples": m.examples.iter().map(|e| json!([e.name, e.value])).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    })),
                    "responses": op.responses.iter().map(|r| json!({
                        "status": r.status,
                        "description": r.description,
                        "headers": r.headers.iter().map(|h| json!({
                            "name": h.name, "required": h.required, "deprecated": h.deprecated,
                            "schema": h.schema.map(|s| schema(&c.schemas, s)),
                        })).collect::<Vec<_>>(),
                        "content": r.content.iter().map(|m| json!({
                            "media_type": m.media_type,
                            "schema": m.schema.map(|s| schema(&c.schemas, s)),
                            "examples": m.examples.iter().map(|e| json!([e.name, e.value])).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "security": op.security,
                    "extensions": op.extensions,
                })
            })
            .collect();
        let components: Map<String, Value> = c
            .components
            .iter()
            .map(|(name, &id)| (name.clone(), schema(&c.schemas, id)))
            .collect();
        json!({
            "title": c.title,
            "description": c.description,
            "version": c.version.as_ref().map(|v| v.text.clone()),
            "operations": ops,
            "components": components,
            "other_components": c.other_components.iter().map(|(k, v)| (k.clone(), json!(v.keys().collect::<Vec<_>>()))).collect::<Map<String, Value>>(),
            "security": c.security,
        })
    }

    fn param(arena: &SchemaArena, p: &Parameter) -> Value {
        json!({
            "key": p.key.as_str(), "name": p.name, "in": p.location.as_str(), "required": p.required,
            "deprecated": p.deprecated, "schema": p.schema.map(|s| schema(arena, s)), "style": p.style,
            "explode": p.explode, "description": p.description, "examples": p.examples,
        })
    }

    /// A schema, with references rendered as the pointer of their target (not followed).
    pub fn schema(arena: &SchemaArena, id: SchemaId) -> Value {
        let s = arena.get(id);
        let list = |ids: &[SchemaId]| ids.iter().map(|&i| schema(arena, i)).collect::<Vec<_>>();
        let map = |m: &indexmap::IndexMap<String, SchemaId>| {
            m.iter()
                .map(|(k, &v)| (k.clone(), schema(arena, v)))
                .collect::<Map<String, Value>>()
        };
        let c = &s.constraints;
        json!({
            "ref": s.reference.map(|r| arena.get(r).location.split_once('#').map(|(_, p)| p.to_string()).unwrap_or_default()),
            "types": s.types.names(),
            "format": s.format, "enum": s.enum_values, "const": s.const_value,
            "properties": map(&s.properties), "required": s.required,
            "additional": match &s.additional {
                Additional::Unspecified => json!("unspecified"),
                Additional::Allowed(b) => json!(b),
                Additional::Schema(x) => schema(arena, *x),
            },
            "pattern_properties": map(&s.pattern_properties),
            "items": s.items.map(|i| schema(arena, i)), "prefix_items": list(&s.prefix_items),
            "all_of": list(&s.all_of), "one_of": list(&s.one_of), "any_of": list(&s.any_of),
            "not": s.not.map(|i| schema(arena, i)),
            "discriminator": s.discriminator.as_ref().map(|d| json!([d.property_name, d.mapping])),
            "constraints": [c.minimum, c.maximum, c.exclusive_minimum, c.exclusive_maximum, c.multiple_of,
                c.min_length, c.max_length, c.pattern, c.min_items, c.max_items, c.unique_items,
                c.min_properties, c.max_properties],
            "read_only": s.read_only, "write_only": s.write_only, "deprecated": s.deprecated,
            "default": s.default, "title": s.title, "description": s.description,
            "examples": s.examples, "extensions": s.extensions, "boolean": s.boolean, "name": s.name,
        })
    }
}

#[test]
fn openapi_30_and_31_descriptions_of_one_api_load_equal() {
    let (_, v30) = ok("same-api", "openapi-3.0.yaml");
    let (_, v31) = ok("same-api", "openapi-3.1.yaml");
    assert_eq!(v30.spec_version, "3.0.3");
    assert_eq!(v31.spec_version, "3.1.0");
    let (a, b) = (dump::contract(&v30), dump::contract(&v31));
    assert_eq!(
        serde_json::to_string_pretty(&a).unwrap(),
        serde_json::to_string_pretty(&b).unwrap()
    );
    // The normalisations really happened (the dumps are not equal because both are empty).
    let order = v30.schemas.get(v30.components["Order"]);
    let total = v30.schemas.get(order.properties["total"]);
    assert_eq!(total.constraints.exclusive_minimum, Some(0.0));
    assert_eq!(total.constraints.minimum, None);
    assert!(v30.schemas.get(order.properties["note"]).is_nullable());
}

#[test]
fn a_30_description_loads_fully() {
    let (sources, c) = ok("petstore-30", "openapi.yaml");
    assert_eq!(c.title.as_deref(), Some("Pet store"));
    // `version: 1.10` keeps its text.
    let version = c.version.as_ref().unwrap();
    assert_eq!(version.text, "1.10");
    assert_eq!(sources.line_col(version.span.unwrap()).line, 5);
    assert_eq!(c.servers[0].url, "https://pets.example.com/v1");
    assert_eq!(c.security[0]["apiKey"], Vec::<String>::new());

    let keys: Vec<&str> = c.operations.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["GET /pets/{}", "PUT /pets/{}"]);
    let get = &c.operations[0];
    assert_eq!(get.id.as_deref(), Some("getPet"));
    assert_eq!(get.tags, ["pets"]);
    // Path-level parameters merged; the operation's `x-trace` overrides the path's `X-Trace`.
    let params: Vec<(&str, bool)> = get
        .parameters
        .iter()
        .map(|p| (p.key.as_str(), p.required))
        .collect();
    assert_eq!(
        params,
        [
            ("path:0", true),
            ("header:x-trace", true),
            ("query:fields", false)
        ]
    );
    assert_eq!(get.parameters[2].examples, [serde_json::json!(["name"])]);
    // Responses keep their status as written; references followed.
    let statuses: Vec<&str> = get.responses.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses, ["200", "4XX"]);
    let ok_resp = &get.responses[0];
    assert_eq!(ok_resp.headers[0].name, "X-Rate-Limit");
    assert!(ok_resp.headers[0].required);
    let examples: Vec<Option<&str>> = ok_resp.content[0]
        .examples
        .iter()
        .map(|e| e.name.as_deref())
        .collect();
    assert_eq!(examples, [Some("rex"), Some("inline")]);
    assert_eq!(ok_resp.content[0].examples[0].value["name"], "Rex");
    let pet = c.schemas.resolve(ok_resp.content[0].schema.unwrap());
    assert_eq!(c.schemas.get(pet).name.as_deref(), Some("Pet"));
    assert_eq!(
        get.responses[1].content[0].media_type,
        "application/problem+json"
    );

    let put = &c.operations[1];
    assert!(put.deprecated);
    assert_eq!(put.security, Some(vec![]));
    assert!(put.request.as_ref().unwrap().required);
    assert_eq!(put.extensions["x-internal"], serde_json::json!(true));

    // Components: schemas named, the rest listed, every $ref target recorded.
    assert_eq!(c.components.keys().collect::<Vec<_>>(), ["Pet", "Problem"]);
    let kinds: Vec<&str> = c.other_components.keys().map(String::as_str).collect();
    assert_eq!(
        kinds,
        [
            "parameters",
            "headers",
            "examples",
            "requestBodies",
            "responses",
            "securitySchemes"
        ]
    );
    for target in [
        "parameters/PetId",
        "headers/RateLimit",
        "examples/Rex",
        "requestBodies/PetBody",
        "responses/Problem",
        "schemas/Problem",
    ] {
        assert!(
            c.referenced
                .contains(&format!("openapi.yaml#/components/{target}")),
            "{target}"
        );
    }
    assert_eq!(c.security_schemes["apiKey"].kind, "apiKey");
    // Nullable in 3.0 adds null to the type.
    let tag = c
        .schemas
        .get(c.schemas.get(c.components["Pet"]).properties["tag"]);
    assert!(tag.is_nullable());
}

#[test]
fn webhooks_are_operations() {
    let (_, c) = ok("webhooks-31", "openapi.yaml");
    assert_eq!(c.operations.len(), 1);
    assert_eq!(c.operations[0].key.as_str(), "WEBHOOK orderCreated POST");
    let body = c.operations[0].request.as_ref().unwrap();
    let s = c.schemas.get(body.content[0].schema.unwrap());
    assert!(s.is_nullable());
    assert_eq!(s.examples, [serde_json::json!({"id": "a"})]);
}

#[test]
fn path_item_refs_are_followed() {
    let (_, c) = ok("path-item-ref", "openapi.yaml");
    assert_eq!(c.operations[0].key.as_str(), "GET /orders");
    assert!(
        c.referenced
            .contains("openapi.yaml#/components/pathItems/Orders")
    );
}

#[test]
fn swagger_2_is_refused_with_advice() {
    let e = err("swagger2", "swagger.yaml");
    assert_eq!(e.0[0].code, "treaty::openapi::swagger2");
    assert!(e.0[0].message.contains("Swagger 2.0"), "{}", e.0[0].message);
    assert!(e.0[0].help.as_deref().unwrap().contains("swagger2openapi"));
    assert_eq!(e.0[0].line_col(), Some((1, 10)));
}

#[test]
fn unknown_and_missing_versions_are_located_errors() {
    let e = err("unknown-version", "openapi.yaml");
    assert_eq!(e.0[0].code, "treaty::openapi::version");
    assert!(e.0[0].message.contains("4.0.0"));
    assert_eq!(e.0[0].line_col(), Some((1, 10)));
    let e = err("missing-version", "openapi.yaml");
    assert_eq!(e.0[0].code, "treaty::openapi::version");
    assert_eq!(e.0[0].line_col(), Some((1, 1)));
}

#[test]
fn relative_file_refs_resolve() {
    let (sources, c) = ok("relative-refs", "openapi.yaml");
    assert_eq!(c.files.len(), 3);
    let op = &c.operations[0];
    assert_eq!(op.parameters[0].name, "orderId");
    assert_eq!(op.parameters[0].key.as_str(), "path:0");
    let id = c.schemas.resolve(op.parameters[0].schema.unwrap());
    assert_eq!(c.schemas.get(id).format.as_deref(), Some("uuid"));
    let order = c.schemas.get(
        c.schemas
            .resolve(op.responses[0].content[0].schema.unwrap()),
    );
    assert_eq!(order.location, "components/schemas.yaml#/Order");
    // The `#/Id` inside schemas.yaml is the same schema the parameter reached.
    assert_eq!(c.schemas.resolve(order.properties["id"]), id);
    assert!(c.referenced.contains("components/schemas.yaml#/Line"));
    assert_eq!(sources.get(c.files[0]).display, "openapi.yaml");
}

#[test]
fn cyclic_schemas_stay_finite() {
    let (_, c) = ok("cyclic", "openapi.yaml");
    // Tree, value, children, children.items, parent, forest, Forest, (response schema ref).
    let tree = c.components["Tree"];
    let t = c.schemas.get(tree);
    assert_eq!(c.schemas.get(t.properties["parent"]).reference, Some(tree));
    let children = c.schemas.get(t.properties["children"]);
    assert_eq!(c.schemas.get(children.items.unwrap()).reference, Some(tree));
    assert_eq!(
        c.schemas.len(),
        9,
        "{:#?}",
        c.schemas
            .iter()
            .map(|(_, s)| &s.location)
            .collect::<Vec<_>>()
    );
}

#[test]
fn remote_and_escaping_refs_are_refused() {
    let e = err("remote-ref", "openapi.yaml");
    assert_eq!(e.0[0].code, "treaty::ref::remote");
    assert_eq!(e.0[0].line_col().unwrap().0, 13);
    let root = fixtures().join("escaping-ref/api");
    let (_, r) = load_in(&root, &root.join("openapi.yaml"));
    let e = r.expect_err("a ref leaving the root must fail");
    assert_eq!(e.0[0].code, "treaty::ref::outside-root");
    assert_eq!(e.0[0].line_col().unwrap().0, 13);
}

#[test]
fn structure_errors_are_collected_and_located() {
    let e = err("structure-errors", "openapi.yaml");
    let got: Vec<(&str, usize)> =
        e.0.iter()
            .map(|e| (e.code, e.line_col().unwrap().0))
            .collect();
    assert_eq!(
        got,
        [
            ("treaty::openapi::invalid", 5),
            ("treaty::openapi::missing-field", 7),
            ("treaty::openapi::missing-field", 13),
            // `/d/{y}` and `/d/{x}`: POST is new, GET is the same operation twice.
            ("treaty::openapi::invalid", 27),
        ],
        "{e}"
    );
    assert!(e.0[2].message.contains("`in`"), "{}", e.0[2].message);
}

#[test]
fn wrong_typed_schema_keywords_are_located_errors() {
    let e = err("schema-invalid", "openapi.yaml");
    assert_eq!(e.0[0].code, "treaty::schema::invalid");
    assert_eq!(e.0[0].line_col().unwrap().0, 8);
    assert!(e.0[0].message.contains("required"), "{}", e.0[0].message);
}
