//! `treaty check` end to end: pairing, exit codes, the semver verdict, configuration, JSON shape,
//! suppressions and human output with excerpts from both revisions.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn treaty(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
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
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const OLD: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n  // Its state.\n  string state = 2;\n}\n";
const NEW_DELETED: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n}\n";
const NEW_IGNORED: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\n// treaty:ignore FIELD_NO_DELETE\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n}\n";

/// A workspace with one proto contract at a version.
fn workspace(root: &Path, proto: &str, version: &str, extra: &str) {
    write(
        root,
        "treaty.yaml",
        &format!(
            "services:\n  orders:\n    contracts:\n      - kind: proto\n        path: proto/**/*.proto\n        roots: [proto]\n        version: {version}\n{extra}"
        ),
    );
    write(root, "proto/acme/orders/v1/orders.proto", proto);
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[test]
fn two_files_pair_with_each_other_and_an_unversioned_break_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/orders.proto", OLD);
    write(dir.path(), "b/renamed.proto", NEW_DELETED);
    let (code, out, err) = treaty(
        dir.path(),
        &[
            "check",
            "a/orders.proto",
            "b/renamed.proto",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "FIELD_NO_DELETE");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["bump"], "major");
    assert_eq!(f["new"]["file"], "b/renamed.proto");
    assert_eq!(f["new"]["line"], 6);
    assert_eq!(f["old"]["file"], "a/orders.proto");
    assert_eq!(f["old"]["line"], 10);
    assert!(f["message"].as_str().unwrap().contains("state"));
    let verdict = &v["verdicts"][0];
    assert_eq!(verdict["required_bump"], "major");
    assert_eq!(verdict["old_version"], Value::Null);
    assert_eq!(verdict["ok"], false);
    // --fail-on never reports and passes.
    let (code, _, _) = treaty(
        dir.path(),
        &[
            "check",
            "a/orders.proto",
            "b/renamed.proto",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(code, Some(0));
}

#[test]
fn a_break_with_a_major_bump_is_covered_and_a_minor_bump_is_not() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.4.0", "");
    workspace(&dir.path().join("major"), NEW_DELETED, "2.0.0", "");
    workspace(&dir.path().join("minor"), NEW_DELETED, "1.5.0", "");
    workspace(&dir.path().join("same"), NEW_DELETED, "1.4.0", "");
    workspace(&dir.path().join("down"), NEW_DELETED, "1.3.9", "");
    let (code, out, _) = treaty(dir.path(), &["check", "old", "major", "--format", "json"]);
    assert_eq!(code, Some(0), "{out}");
    let v = json(&out);
    assert_eq!(v["verdicts"][0]["ok"], true);
    assert_eq!(v["verdicts"][0]["contract"], "orders/proto");
    for (side, rule) in [
        ("minor", "version-bump-too-small"),
        ("same", "version-unchanged"),
        ("down", "version-decreased"),
    ] {
        let (code, out, _) = treaty(dir.path(), &["check", "old", side, "--format", "json"]);
        assert_eq!(code, Some(1), "{side}: {out}");
        let v = json(&out);
        let rules: Vec<&str> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(&rule), "{side}: {rules:?}");
        // The version finding points at the version in both manifests.
        let policy = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap();
        assert_eq!(policy["new"]["file"], "treaty.yaml");
        assert_eq!(policy["old"]["file"], "treaty.yaml");
        // Even --fail-on never does not hide it from the report.
        let (code, _, _) = treaty(dir.path(), &["check", "old", side, "--fail-on", "never"]);
        assert_eq!(code, Some(0));
    }
}

#[test]
fn below_one_a_break_needs_a_new_minor() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "0.3.1", "");
    workspace(&dir.path().join("y"), NEW_DELETED, "0.4.0", "");
    workspace(&dir.path().join("z"), NEW_DELETED, "0.3.2", "");
    assert_eq!(treaty(dir.path(), &["check", "old", "y"]).0, Some(0));
    assert_eq!(treaty(dir.path(), &["check", "old", "z"]).0, Some(1));
}

#[test]
fn a_version_that_is_not_semver_is_noted_and_covers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "2023-06-01", "");
    workspace(&dir.path().join("new"), NEW_DELETED, "2023-09-12", "");
    let (code, out, _) = treaty(dir.path(), &["check", "old", "new", "--format", "json"]);
    assert_eq!(code, Some(1));
    let v = json(&out);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "version-not-semver" && f["severity"] == "info")
    );
}

#[test]
fn a_revision_compared_with_itself_has_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.0.0", "");
    let (code, out, _) = treaty(dir.path(), &["check", "old", "old", "--format", "json"]);
    assert_eq!(code, Some(0));
    assert_eq!(json(&out)["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn treaty_ignore_on_the_enclosing_element_suppresses_a_deletion() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.0.0", "");
    workspace(&dir.path().join("new"), NEW_IGNORED, "1.0.1", "");
    let (code, out, _) = treaty(dir.path(), &["check", "old", "new", "--format", "json"]);
    let v = json(&out);
    assert!(
        !v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "FIELD_NO_DELETE"),
        "{out}"
    );
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn the_new_sides_configuration_selects_rules_and_treaty_yaml_wins_over_buf_yaml() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.0.0", "");
    // buf.yaml turns the rule off; treaty.yaml says nothing about it.
    workspace(&dir.path().join("buf"), NEW_DELETED, "1.0.0", "");
    write(
        &dir.path().join("buf"),
        "proto/buf.yaml",
        "version: v2\nbreaking:\n  use: [FILE]\n  except: [FIELD_NO_DELETE]\n",
    );
    let (_, out, _) = treaty(dir.path(), &["check", "old", "buf", "--format", "json"]);
    assert!(!out.contains("FIELD_NO_DELETE"), "{out}");
    // treaty.yaml's own except list wins over buf.yaml's.
    workspace(
        &dir.path().join("both"),
        NEW_DELETED,
        "1.0.0",
        "breaking:\n  use: [FILE]\n  except: [FIELD_SAME_TYPE]\n",
    );
    write(
        &dir.path().join("both"),
        "proto/buf.yaml",
        "version: v2\nbreaking:\n  use: [FILE]\n  except: [FIELD_NO_DELETE]\n",
    );
    let (_, out, _) = treaty(dir.path(), &["check", "old", "both", "--format", "json"]);
    assert!(out.contains("FIELD_NO_DELETE"), "{out}");
}

#[test]
fn paths_limit_the_check() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.0.0", "");
    workspace(&dir.path().join("new"), NEW_DELETED, "1.0.0", "");
    let (_, out, _) = treaty(
        dir.path(),
        &[
            "check",
            "old",
            "new",
            "--format",
            "json",
            "--exclude-path",
            "proto/acme",
        ],
    );
    assert!(!out.contains("FIELD_NO_DELETE"), "{out}");
    let (_, out, _) = treaty(
        dir.path(),
        &[
            "check",
            "old",
            "new",
            "--format",
            "json",
            "--path",
            "proto/acme/orders",
        ],
    );
    assert!(out.contains("FIELD_NO_DELETE"), "{out}");
}

#[test]
fn against_compares_the_workspace_with_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    workspace(&dir.path().join("old"), OLD, "1.0.0", "");
    workspace(&dir.path().join("new"), NEW_DELETED, "2.0.0", "");
    let (code, out, err) = treaty(&dir.path().join("new"), &["check", "--against", "../old"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("FIELD_NO_DELETE"));
    let (code, _, _) = treaty(
        &dir.path().join("new"),
        &["check", "--against", "../old", "../old", "."],
    );
    assert_eq!(code, Some(2));
}

#[test]
fn human_output_shows_both_revisions() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "old/orders.proto", OLD);
    write(dir.path(), "new/orders.proto", NEW_DELETED);
    let (code, out, _) = treaty(
        dir.path(),
        &["check", "old/orders.proto", "new/orders.proto"],
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("check_human_field_deleted", out);
}
