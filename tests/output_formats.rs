//! Machine-readable output validates: JSON against treaty's own schema (docs/), SARIF against the
//! SARIF 2.1.0 schema, JUnit as XML; GitHub annotations and Markdown are snapshots.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn treaty(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("treaty")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn schema(rel: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    // The committed SARIF 2.1.0 schema (rtm.5, as published) has a stray `]` in its `language`
    // pattern, which ECMAScript engines read as a literal and Rust's regex refuses. The pattern
    // means a language code such as `en` or `en-US`; it is corrected here, in memory only.
    let text = text.replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&v).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

/// A comparison with findings in every part of the output: two proto revisions.
fn proto_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (side, body, version) in [
        (
            "old",
            "  int64 order_id = 1;\n  // Its state.\n  string state = 2;\n",
            "1.0.0",
        ),
        ("new", "  int64 order_id = 1;\n", "1.1.0"),
    ] {
        let d = dir.path().join(side);
        std::fs::create_dir_all(d.join("proto/acme/orders/v1")).unwrap();
        std::fs::write(d.join("treaty.yaml"), format!("services:\n  orders:\n    contracts:\n      - kind: proto\n        path: proto/**/*.proto\n        roots: [proto]\n        version: {version}\n")).unwrap();
        std::fs::write(
            d.join("proto/acme/orders/v1/orders.proto"),
            format!("syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {{\n  // Its id.\n{body}}}\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn check_json_validates_against_the_shipped_schema() {
    let dir = proto_pair();
    let (code, out) = treaty(dir.path(), &["check", "old", "new", "--format", "json"]);
    assert_eq!(code, Some(1));
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert!(!doc["findings"].as_array().unwrap().is_empty());
    assert_valid(
        &schema("docs/treaty-output.schema.json"),
        &doc,
        "check --format json",
    );
    // The schema is not vacuous: a finding without a rule is refused.
    let mut broken = doc.clone();
    broken["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("rule");
    assert!(!schema("docs/treaty-output.schema.json").is_valid(&broken));
}

#[test]
fn lint_json_validates_against_the_shipped_schema() {
    let (code, out) = treaty(
        &root(),
        &[
            "lint",
            "--format",
            "json",
            "fixtures/lint/manifest/service-version-mismatch",
        ],
    );
    assert_eq!(code, Some(1));
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_valid(
        &schema("docs/treaty-output.schema.json"),
        &doc,
        "lint --format json",
    );
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let dir = proto_pair();
    let (_, out) = treaty(dir.path(), &["check", "old", "new", "--format", "sarif"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_valid(
        &schema("tests/schemas/sarif-2.1.0-rtm.5.json"),
        &doc,
        "check --format sarif",
    );
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| {
        r["id"] == "FIELD_NO_DELETE"
            && r["fullDescription"]["text"]
                .as_str()
                .unwrap()
                .contains("## What it does")
    }));
    assert!(
        run["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["relatedLocations"].is_array())
    );
    let (_, out) = treaty(
        &root(),
        &[
            "lint",
            "--format",
            "sarif",
            "fixtures/lint/manifest/service-version-mismatch",
        ],
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_valid(
        &schema("tests/schemas/sarif-2.1.0-rtm.5.json"),
        &doc,
        "lint --format sarif",
    );
}

#[test]
fn junit_is_xml_with_one_failure_per_finding() {
    let dir = proto_pair();
    let (_, out) = treaty(dir.path(), &["check", "old", "new", "--format", "junit"]);
    let xml = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    let failures = xml
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert!(failures >= 1);
    let suites = xml.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(
        suites
            .attribute("failures")
            .unwrap()
            .parse::<usize>()
            .unwrap(),
        failures
    );
}

#[test]
fn github_annotations_and_markdown_are_stable() {
    let dir = proto_pair();
    let (_, gh) = treaty(dir.path(), &["check", "old", "new", "--format", "github"]);
    insta::assert_snapshot!("check_github", gh);
    let (_, md) = treaty(dir.path(), &["check", "old", "new", "--format", "markdown"]);
    insta::assert_snapshot!("check_markdown", md);
}
