//! Hostile names in contracts: keywords, leading digits, spaces and punctuation, names that
//! collide after case conversion, non-ASCII, empty names, and descriptions that try to break out
//! of doc comments. Every generated crate must still compile.
//!
//! Property tests check that generation succeeds and yields parseable code for many random
//! contracts; the compile check then builds a batch of such contracts as modules of one crate, in
//! one `cargo build` (in the target directory the examples build in, `target/examples`), so CI
//! pays for one build, not one per case.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

/// Names written to hurt: Rust keywords (strict, reserved and the ones that cannot be raw),
/// leading digits, punctuation, whitespace, non-ASCII, case variants of each other, empty.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "type",
            "self",
            "Self",
            "super",
            "crate",
            "fn",
            "async",
            "await",
            "dyn",
            "gen",
            "try",
            "match",
            "r#type",
            "_",
            "__",
            "Option",
            "Result",
            "String",
            "Vec",
            "Box",
            "Value",
            "Some",
            "None",
            "Ok",
            "Err",
            "InvalidValue",
            "std",
            "serde",
            "core",
            "default",
            "order_id",
            "orderId",
            "OrderId",
            "ORDER-ID",
            "order id",
            "order.id",
            "2fa",
            "123",
            "0",
            "",
            " ",
            "-",
            "$ref",
            "@type",
            "für",
            "日本",
            "naïve",
            "Ω",
            "a\"b",
            "a\\b",
            "x*/y",
            "new",
            "client",
            "mock",
            "request",
            "response",
            "headers",
            "status",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9 _.$-]{1,10}",
        "[a-z]{1,6}[ _-][A-Z]{1,6}",
    ]
}

fn description() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "*/ fn injected() {} /*",
        "\"] fn injected() {} #[doc = \"",
        "Line one\n\n```rust\npanic!(\"doctest\")\n```\n    indented code",
        "Ends with a backslash \\",
        "\r\nCarriage\rreturns",
        "#![deny(warnings)]",
        "",
    ])
    .prop_map(str::to_string)
}

/// An OpenAPI 3.1 document whose every name is hostile.
fn openapi() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(name(), 1..4),
        prop::collection::vec(name(), 1..6),
        prop::collection::vec(name(), 1..4),
        prop::collection::vec(name(), 1..3),
        description(),
        name(),
    )
        .prop_map(|(schemas, props, enum_values, ops, desc, title)| {
            let mut components = serde_json::Map::new();
            for (i, s) in schemas.iter().enumerate() {
                let mut properties = serde_json::Map::new();
                for p in &props {
                    properties.insert(p.clone(), json!({"type": "string", "description": desc}));
                }
                properties.insert(
                    format!("{s}-kind"),
                    json!({"type": "string", "enum": enum_values}),
                );
                properties.insert(
                    format!("{s}-next"),
                    json!({"$ref": format!("#/components/schemas/{}", pointer_escape(&schemas[(i + 1) % schemas.len()]))}),
                );
                properties.insert(format!("{s}-map"), json!({"type": "object", "additionalProperties": {"type": "integer", "format": "int64"}}));
                // Component names must be valid JSON-pointer tokens after escaping; the loader
                // accepts any string.
                components.insert(
                    s.clone(),
                    json!({"type": "object", "description": desc, "properties": properties, "required": props.first().into_iter().collect::<Vec<_>>()}),
                );
            }
            let first = pointer_escape(&schemas[0]);
            let mut paths = serde_json::Map::new();
            for (i, op) in ops.iter().enumerate() {
                let p = props.first().cloned().unwrap_or_default();
                paths.insert(
                    format!("/things{i}/{{id}}"),
                    json!({
                        "post": {
                            "operationId": op,
                            "description": desc,
                            "parameters": [
                                {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                                {"name": p, "in": "query", "schema": {"type": "string"}},
                                {"name": format!("x-{p}"), "in": "header", "schema": {"type": "string"}}
                            ],
                            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{first}")}}}},
                            "responses": {
                                "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{first}")}}}},
                                "404": {"description": "missing", "content": {"application/json": {"schema": {"type": "object", "properties": {p.clone(): {"type": "string"}}}}}}
                            }
                        }
                    }),
                );
            }
            json!({
                "openapi": "3.1.0",
                "info": {"title": title, "version": "1.0.0", "description": desc},
                "paths": paths,
                "components": {"schemas": components}
            })
        })
}

/// An AsyncAPI 3.0 document whose channel, message and operation names are hostile.
fn asyncapi() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(name(), 1..3),
        prop::collection::vec(name(), 1..4),
        description(),
        name(),
    )
        .prop_map(|(channels, props, desc, title)| {
            let mut chans = serde_json::Map::new();
            let mut ops = serde_json::Map::new();
            let mut messages = serde_json::Map::new();
            for (i, c) in channels.iter().enumerate() {
                let id = format!("{c}{i}");
                let msg = format!("{c} message");
                let mut properties = serde_json::Map::new();
                for p in &props {
                    properties.insert(p.clone(), json!({"type": "integer", "description": desc}));
                }
                messages.insert(
                    pointer_escape(&msg),
                    json!({"name": msg, "description": desc, "payload": {"type": "object", "properties": properties}}),
                );
                chans.insert(
                    id.clone(),
                    json!({
                        "address": format!("{c}.{i}"),
                        "description": desc,
                        "messages": {pointer_escape(&msg): {"$ref": format!("#/components/messages/{}", pointer_escape(&pointer_escape(&msg)))}}
                    }),
                );
                let action = if i % 2 == 0 { "send" } else { "receive" };
                ops.insert(
                    format!("{c} op {i}"),
                    json!({"action": action, "channel": {"$ref": format!("#/channels/{}", pointer_escape(&id))}}),
                );
            }
            json!({
                "asyncapi": "3.0.0",
                "info": {"title": title, "version": "1.0.0", "description": desc},
                "channels": chans,
                "operations": ops,
                "components": {"messages": messages}
            })
        })
}

fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// Writes `cases` contracts into `dir` with a treaty.yaml listing each as a service `case-N`.
fn write_cases(dir: &Path, cases: &[(Value, Value)]) {
    let mut manifest = String::from("services:\n");
    for (i, (openapi, asyncapi)) in cases.iter().enumerate() {
        let d = dir.join(format!("case{i}"));
        fs::create_dir_all(&d).unwrap();
        fs::write(
            d.join("openapi.json"),
            serde_json::to_string_pretty(openapi).unwrap(),
        )
        .unwrap();
        fs::write(
            d.join("asyncapi.json"),
            serde_json::to_string_pretty(asyncapi).unwrap(),
        )
        .unwrap();
        manifest.push_str(&format!(
            "  case-{i}:\n    contracts:\n      - name: case-{i}/openapi\n        kind: openapi\n        path: case{i}/openapi.json\n      - name: case-{i}/asyncapi\n        kind: asyncapi\n        path: case{i}/asyncapi.json\n"
        ));
    }
    fs::write(dir.join("treaty.yaml"), manifest).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Generation never fails on loadable contracts, and what it writes always parses as Rust.
    #[test]
    fn hostile_names_generate_parseable_code(openapi in openapi(), asyncapi in asyncapi()) {
        let dir = tempfile::tempdir().unwrap();
        write_cases(dir.path(), &[(openapi, asyncapi)]);
        let Ok(ws) = treaty::workspace::load_manifest(&dir.path().join("treaty.yaml")) else {
            // A name the loader refuses (with a located error) is not the generator's concern.
            return Ok(());
        };
        let tree = treaty::codegen::rust::generate(&ws, &Default::default()).unwrap();
        for (path, text) in &tree.files {
            if path.ends_with(".rs") {
                prop_assert!(syn::parse_file(text).is_ok(), "{path} does not parse:\n{text}");
                let escaped = text.lines().any(|l| {
                    let l = l.trim_start();
                    l.contains("fn injected") && !l.starts_with("///") && !l.starts_with("//!") && !l.starts_with("#[doc") && !l.starts_with("#![doc")
                });
                prop_assert!(!escaped, "{path}: a description escaped its doc comment");
            }
        }
    }
}

/// 48 hostile cases as modules of one crate, built with `cargo build` once (with the contract
/// checks of the mocks and the broker, feature `validate`); warnings are errors,
/// so a generated name that only a lint catches (a non-camel-case type) fails too.
#[test]
fn hostile_names_compile_as_one_crate() {
    let dir = tempfile::tempdir().unwrap();
    let krate = write_hostile_crate(dir.path(), 48);
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // Start from the examples' lock file, so the build reuses what they built.
    let _ = fs::copy(
        root.join("examples/ftgo-clients/Cargo.lock"),
        krate.join("Cargo.lock"),
    );
    let out = std::process::Command::new(env!("CARGO"))
        .current_dir(&krate)
        .args(["build", "--quiet", "--lib", "--features", "validate"])
        .env("CARGO_TARGET_DIR", root.join("target/examples"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the hostile-names crate does not build:\n{}\n(kept in {})",
        String::from_utf8_lossy(&out.stderr),
        {
            let kept = root.join("target/hostile-names-failed");
            let _ = fs::remove_dir_all(&kept);
            let _ = std::process::Command::new("cp")
                .arg("-r")
                .arg(dir.path())
                .arg(&kept)
                .status();
            kept.display().to_string()
        }
    );
}

/// Writes one crate holding `n` deterministic hostile cases as modules `case_0` … and returns
/// its directory; the runtime is written beside it.
fn write_hostile_crate(dir: &Path, n: usize) -> std::path::PathBuf {
    let mut runner = TestRunner::deterministic();
    let strategy = (openapi(), asyncapi());
    let mut cases = Vec::new();
    while cases.len() < n {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        let probe = tempfile::tempdir().unwrap();
        write_cases(probe.path(), std::slice::from_ref(&case));
        if treaty::workspace::load_manifest(&probe.path().join("treaty.yaml")).is_ok() {
            cases.push(case);
        }
    }
    let contracts = dir.join("contracts");
    fs::create_dir_all(&contracts).unwrap();
    write_cases(&contracts, &cases);
    let ws = treaty::workspace::load_manifest(&contracts.join("treaty.yaml")).unwrap();
    let mut deps = std::collections::BTreeMap::new();
    let mut features: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut modules = Vec::new();
    for (service, list) in treaty::codegen::rust::services(&ws) {
        let krate = treaty::codegen::rust::generate_crate(&ws, &service, &list).unwrap();
        deps.extend(krate.deps.clone());
        for (f, enables) in &krate.features {
            let all = features.entry(f.clone()).or_default();
            for e in enables {
                if !all.contains(e) {
                    all.push(e.clone());
                }
            }
        }
        let case = quote::format_ident!("{}", service.replace('-', "_"));
        let mods = krate.modules.iter().map(|m| {
            let name = treaty::codegen::rust::ident::ident(&m.name);
            let code = &m.code;
            quote::quote! { pub mod #name { #code } }
        });
        modules.push(quote::quote! { pub mod #case { #(#mods)* } });
    }
    let code = quote::quote! { #(#modules)* };
    let lib = treaty::codegen::rust::render_file(&code, &[]).unwrap();
    let krate = dir.join("hostile");
    fs::create_dir_all(krate.join("src")).unwrap();
    fs::write(krate.join("src/lib.rs"), lib).unwrap();
    let mut toml = String::from(
        "[package]\nname = \"hostile-names\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[lib]\ndoctest = false\n\n[dependencies]\n",
    );
    for (name, value) in deps {
        toml.push_str(&format!("{name} = {value}\n"));
    }
    toml.push_str("\n[features]\n");
    for (f, enables) in &features {
        let list: Vec<String> = enables.iter().map(|e| format!("{e:?}")).collect();
        toml.push_str(&format!("{f} = [{}]\n", list.join(", ")));
    }
    toml.push_str("\n[workspace]\n");
    fs::write(krate.join("Cargo.toml"), toml).unwrap();
    for (path, text) in treaty::codegen::rust::RUNTIME {
        let target = if *path == "Cargo.toml.tmpl" {
            dir.join("treaty-runtime/Cargo.toml")
        } else {
            dir.join("treaty-runtime").join(path)
        };
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, text).unwrap();
    }
    krate
}
