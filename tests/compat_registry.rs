//! `treaty compat`: schema-registry compatibility modes over JSON Schema, Avro and protobuf.
//!
//! Every JSON Schema difference type of the registry's table (fixtures/compat/json-schema-cases.yaml)
//! and every protobuf one (protobuf-cases.yaml) has a case; Avro cases follow Avro's resolution
//! rules (avro-cases.yaml). Each case runs under every mode and, for JSON Schema, both policies:
//!
//! - `none` never reports anything;
//! - `backward` (and `backward-transitive` over two files) gives the table's verdict;
//! - `forward` is `backward` with the files swapped, `full` is both;
//! - transitive modes with `[old, new, new]` still see the old schema, plain ones do not.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use treaty::registry::{self, CompatOptions, Language, Mode, Policy, json, protobuf};

fn fixture(name: &str) -> yaml_serde::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/compat")
        .join(name);
    yaml_serde::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn to_json(v: &yaml_serde::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

/// Writes the schemas of a case into a temporary directory, oldest first.
fn write(dir: &Path, ext: &str, texts: &[String]) -> Vec<PathBuf> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let sub = dir.join(format!("v{i}"));
            std::fs::create_dir_all(&sub).unwrap();
            let p = sub.join(format!("schema.{ext}"));
            std::fs::write(&p, t).unwrap();
            p
        })
        .collect()
}

fn run(paths: &[PathBuf], mode: Mode, policy: Policy) -> registry::CompatResult {
    let options = CompatOptions {
        mode,
        policy,
        language: None,
        message: None,
    };
    registry::check_files(paths, Path::new("/"), &options).unwrap_or_else(|e| panic!("{e}"))
}

fn ok(paths: &[PathBuf], mode: Mode, policy: Policy) -> bool {
    run(paths, mode, policy).incompatible.is_empty()
}

/// Checks one case under every mode, given its backward and forward verdicts.
fn modes(
    name: &str,
    old: &Path,
    new: &Path,
    policy: Policy,
    backward: bool,
    forward: bool,
    failures: &mut Vec<String>,
) {
    let (o, n) = (old.to_path_buf(), new.to_path_buf());
    let expect = [
        (Mode::None, vec![o.clone(), n.clone()], true),
        (Mode::Backward, vec![o.clone(), n.clone()], backward),
        (Mode::Forward, vec![o.clone(), n.clone()], forward),
        (Mode::Full, vec![o.clone(), n.clone()], backward && forward),
        // Plain modes compare with the schema just before: the identical one.
        (Mode::Backward, vec![o.clone(), n.clone(), n.clone()], true),
        (Mode::Full, vec![o.clone(), n.clone(), n.clone()], true),
        // Transitive ones compare with every earlier schema, so the old one too.
        (
            Mode::BackwardTransitive,
            vec![o.clone(), n.clone(), n.clone()],
            backward,
        ),
        (
            Mode::ForwardTransitive,
            vec![o.clone(), n.clone(), n.clone()],
            forward,
        ),
        (
            Mode::FullTransitive,
            vec![o.clone(), n.clone(), n.clone()],
            backward && forward,
        ),
        (
            Mode::BackwardTransitive,
            vec![o.clone(), o.clone(), n.clone()],
            backward,
        ),
    ];
    for (mode, files, want) in expect {
        let got = ok(&files, mode, policy);
        if got != want {
            failures.push(format!(
                "{name} {policy:?} {} over {} files: compatible {got}, expected {want}",
                mode.as_str(),
                files.len()
            ));
        }
    }
}

#[test]
fn every_json_schema_difference_type_under_every_mode_and_both_policies() {
    let doc = fixture("json-schema-cases.yaml");
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for (i, case) in doc["cases"].as_sequence().unwrap().iter().enumerate() {
        let kind = case[0].as_str().unwrap();
        let texts = [to_json(&case[1]).to_string(), to_json(&case[2]).to_string()];
        let files = write(&dir.path().join(format!("c{i}")), "json", &texts);
        let ty = *json::Type::ALL
            .iter()
            .find(|t| t.name() == kind)
            .unwrap_or_else(|| panic!("unknown type {kind}"));
        covered.insert(ty);
        // diff(old, new) reports the type, and nothing else that breaks.
        let found = run(&files, Mode::Backward, Policy::Lenient);
        let all: Vec<&str> = found
            .incompatible
            .iter()
            .chain(&found.compatible)
            .map(|d| d.kind)
            .collect();
        if !all.contains(&kind) {
            failures.push(format!("{kind}: diff reports {all:?}"));
            continue;
        }
        let others_break = all.iter().filter(|k| **k != kind).any(|k| {
            json::Type::ALL.iter().any(|t| {
                t.name() == *k && !(t.compatible(Policy::Strict) && t.compatible(Policy::Lenient))
            })
        });
        if others_break {
            failures.push(format!("{kind}: diff also reports {all:?}"));
        }
        for policy in [Policy::Strict, Policy::Lenient] {
            let backward = ty.compatible(policy);
            // FORWARD is BACKWARD of the swapped pair.
            let forward = ok(
                &[files[1].clone(), files[0].clone()],
                Mode::Backward,
                policy,
            );
            modes(
                kind,
                &files[0],
                &files[1],
                policy,
                backward,
                forward,
                &mut failures,
            );
        }
    }
    let missing: Vec<&str> = json::Type::ALL
        .iter()
        .filter(|t| !covered.contains(t))
        .map(|t| t.name())
        .collect();
    assert!(
        missing.is_empty(),
        "difference types without a case: {missing:?}"
    );
    assert_eq!(json::Type::ALL.len(), 132);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_policy_table_matches_the_reference() {
    let strict_ok = json::Type::ALL
        .iter()
        .filter(|t| t.compatible(Policy::Strict))
        .count();
    let lenient_only = json::Type::ALL
        .iter()
        .filter(|t| !t.compatible(Policy::Strict) && t.compatible(Policy::Lenient))
        .count();
    let never = json::Type::ALL
        .iter()
        .filter(|t| !t.compatible(Policy::Lenient))
        .count();
    assert_eq!((strict_ok, lenient_only, never), (65, 9, 58));
    let proto_ok = protobuf::Type::ALL
        .iter()
        .filter(|t| t.compatible())
        .count();
    assert_eq!((protobuf::Type::ALL.len(), proto_ok), (26, 15));
}

#[test]
fn every_protobuf_difference_type_under_every_mode() {
    let doc = fixture("protobuf-cases.yaml");
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for (i, case) in doc["cases"].as_sequence().unwrap().iter().enumerate() {
        let kind = case[0].as_str().unwrap();
        let texts = [
            case[1].as_str().unwrap().to_string(),
            case[2].as_str().unwrap().to_string(),
        ];
        let files = write(&dir.path().join(format!("c{i}")), "proto", &texts);
        let ty = *protobuf::Type::ALL
            .iter()
            .find(|t| t.name() == kind)
            .unwrap_or_else(|| panic!("unknown type {kind}"));
        covered.insert(ty);
        let found = run(&files, Mode::Backward, Policy::Strict);
        let all: Vec<&str> = found
            .incompatible
            .iter()
            .chain(&found.compatible)
            .map(|d| d.kind)
            .collect();
        if !all.contains(&kind) {
            failures.push(format!("{kind}: diff reports {all:?}"));
            continue;
        }
        if all.iter().filter(|k| **k != kind).any(|k| {
            protobuf::Type::ALL
                .iter()
                .any(|t| t.name() == *k && !t.compatible())
        }) {
            failures.push(format!("{kind}: diff also reports {all:?}"));
        }
        let forward = ok(
            &[files[1].clone(), files[0].clone()],
            Mode::Backward,
            Policy::Strict,
        );
        modes(
            kind,
            &files[0],
            &files[1],
            Policy::Strict,
            ty.compatible(),
            forward,
            &mut failures,
        );
    }
    let missing: Vec<&str> = protobuf::Type::ALL
        .iter()
        .filter(|t| !covered.contains(t))
        .map(|t| t.name())
        .collect();
    assert!(
        missing.is_empty(),
        "difference types without a case: {missing:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn avro_schema_resolution_under_every_mode() {
    let doc = fixture("avro-cases.yaml");
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (i, case) in doc["cases"].as_sequence().unwrap().iter().enumerate() {
        let name = case[0].as_str().unwrap();
        let (backward, forward) = (case[1].as_bool().unwrap(), case[2].as_bool().unwrap());
        let texts = [to_json(&case[3]).to_string(), to_json(&case[4]).to_string()];
        let files = write(&dir.path().join(format!("c{i}")), "avsc", &texts);
        modes(
            name,
            &files[0],
            &files[1],
            Policy::Strict,
            backward,
            forward,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn raw_payload_comparison_follows_the_same_rules() {
    let old: serde_json::Value = serde_json::json!({"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]});
    let new: serde_json::Value = serde_json::json!({"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]});
    let r = registry::compare_raw(Language::Avro, &old, &new, &[Mode::Backward]).unwrap();
    assert!(r.incompatible.is_empty() && r.changed);
    let r = registry::compare_raw(Language::Avro, &old, &new, &[Mode::Forward]).unwrap();
    assert_eq!(r.incompatible.len(), 1, "{r:?}");
    let p = |t: &str| {
        serde_json::Value::String(format!(
            "syntax = \"proto3\"; package a; message M {{ {t} x = 1; }}"
        ))
    };
    let r = registry::compare_raw(
        Language::Protobuf,
        &p("string"),
        &p("int32"),
        &[Mode::Backward],
    )
    .unwrap();
    assert!(
        r.incompatible[0].contains("FIELD_SCALAR_KIND_CHANGED"),
        "{r:?}"
    );
    assert!(
        registry::compare_raw(
            Language::Protobuf,
            &p("int32"),
            &p("int64"),
            &[Mode::Backward]
        )
        .unwrap()
        .incompatible
        .is_empty()
    );
}

fn treaty() -> Command {
    Command::cargo_bin("treaty").unwrap()
}

fn compat_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("v1.json"), "{\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"properties\": {\n    \"a\": {\"type\": \"string\"},\n    \"b\": {\"type\": \"string\"}\n  }\n}\n").unwrap();
    std::fs::write(dir.path().join("v2.json"), "{\n  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"properties\": {\n    \"a\": {\"type\": \"string\"}\n  }\n}\n").unwrap();
    dir
}

#[test]
fn cli_reports_compatible_with_exit_0() {
    let dir = compat_dir();
    treaty()
        .current_dir(dir.path())
        .args(["compat", "--policy", "lenient", "v1.json", "v2.json"])
        .assert()
        .code(0)
        .stdout("compatible\n");
}

#[test]
fn cli_reports_each_incompatibility_with_its_locations_and_exit_1() {
    let dir = compat_dir();
    let out = treaty()
        .current_dir(dir.path())
        .args(["compat", "v1.json", "v2.json"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("v2.json:1:1: incompatible (backward): PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at /properties/b"), "{text}");
    assert!(text.contains("against v1.json:6:10"), "{text}");
    // Forward: v1 reads what v2 writes, which v2's closed model keeps within v1's.
    treaty()
        .current_dir(dir.path())
        .args(["compat", "--mode", "forward", "v1.json", "v2.json"])
        .assert()
        .code(0);
}

#[test]
fn cli_json_output_lists_type_check_and_locations() {
    let dir = compat_dir();
    let out = treaty()
        .current_dir(dir.path())
        .args([
            "compat", "--mode", "full", "--format", "json", "v1.json", "v2.json",
        ])
        .assert()
        .code(1);
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["compatible"], false);
    assert_eq!(doc["mode"], "full");
    assert_eq!(doc["policy"], "strict");
    let first = &doc["incompatibilities"][0];
    assert_eq!(first["type"], "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
    assert_eq!(first["check"], "backward");
    assert_eq!(first["new"]["file"], "v2.json");
    assert_eq!(first["old"]["file"], "v1.json");
}

#[test]
fn cli_unreadable_input_exits_2_with_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), "{\"type\": \"object\"}").unwrap();
    std::fs::write(dir.path().join("b.json"), "{\"type\": 5}").unwrap();
    let out = treaty()
        .current_dir(dir.path())
        .args(["compat", "a.json", "b.json"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("b.json"), "{err}");
    treaty()
        .current_dir(dir.path())
        .args(["compat", "a.json", "missing.json"])
        .assert()
        .code(2);
    std::fs::write(
        dir.path().join("c.proto"),
        "syntax = \"proto3\"; message M { strin x = 1; }",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d.proto"),
        "syntax = \"proto3\"; message M { string x = 1; }",
    )
    .unwrap();
    let out = treaty()
        .current_dir(dir.path())
        .args(["compat", "d.proto", "c.proto"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("c.proto"), "{err}");
}

#[test]
fn cli_protobuf_message_selection_and_type_override() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.proto"), "syntax = \"proto3\";\npackage ftgo;\nmessage A { string x = 1; }\nmessage B { string y = 1; }\n").unwrap();
    std::fs::write(dir.path().join("b.proto"), "syntax = \"proto3\";\npackage ftgo;\nmessage A { string x = 1; }\nmessage B { int32 y = 1; }\n").unwrap();
    let out = treaty()
        .current_dir(dir.path())
        .args(["compat", "a.proto", "b.proto"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("b.proto:4:13: incompatible (backward)"),
        "{text}"
    );
    assert!(text.contains("FIELD_SCALAR_KIND_CHANGED"), "{text}");
    treaty()
        .current_dir(dir.path())
        .args(["compat", "--message", "ftgo.A", "a.proto", "b.proto"])
        .assert()
        .code(0);
    treaty()
        .current_dir(dir.path())
        .args(["compat", "--message", "B", "a.proto", "b.proto"])
        .assert()
        .code(1);
    // An Avro schema in a .json file, named by --type.
    std::fs::write(dir.path().join("r1.json"), "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}]}").unwrap();
    std::fs::write(dir.path().join("r2.json"), "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"int\"}]}").unwrap();
    let out = treaty()
        .current_dir(dir.path())
        .args(["compat", "--type", "avro", "r1.json", "r2.json"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("field `b` of record `R`") && text.contains("r2.json:1:"),
        "{text}"
    );
}
