//! `treaty changelog`: a snapshot of the Markdown changelog for the FTGO step r2 → r3, replayed as
//! two commits, and the grouping and determinism of its JSON form.
//!
//! The step is taken over the protobuf contracts (order/proto, common/proto), whose rules exist,
//! so the snapshot shows what those rules say; the formats list grows as rules land.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn git(dir: &Path, args: &[&str]) {
    let out = Proc::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
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

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The version a FTGO revision's treaty.yaml declares for a proto contract.
fn proto_version(rev: &str, contract: &str) -> String {
    let text =
        fs::read_to_string(root().join("fixtures/ftgo").join(rev).join("treaty.yaml")).unwrap();
    let doc: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
    let service = contract.split('/').next().unwrap();
    doc["services"][service]["contracts"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str() == Some(contract))
        .and_then(|c| c["version"].as_str().map(str::to_string))
        .unwrap()
}

/// Lays out the proto contracts of a FTGO revision with a manifest listing only them.
fn lay_out(repo: &Path, rev: &str) {
    let _ = fs::remove_dir_all(repo.join("contracts"));
    for c in ["order/proto", "common/proto"] {
        copy_dir(
            &root()
                .join("fixtures/ftgo")
                .join(rev)
                .join("contracts")
                .join(c),
            &repo.join("contracts").join(c),
        );
    }
    let manifest = format!(
        "services:\n  order:\n    contracts:\n      - name: order/proto\n        kind: proto\n        path: contracts/order/proto/**/*.proto\n        roots: [contracts/order/proto, contracts/common/proto]\n        version: {}\n  common:\n    contracts:\n      - name: common/proto\n        kind: proto\n        path: contracts/common/proto/**/*.proto\n        roots: [contracts/common/proto]\n        version: {}\n",
        proto_version(rev, "order/proto"),
        proto_version(rev, "common/proto")
    );
    fs::write(repo.join("treaty.yaml"), manifest).unwrap();
}

fn ftgo_step(repo: &Path, from: &str, to: &str) {
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["config", "user.email", "dev@example.com"]);
    git(repo, &["config", "user.name", "Dev"]);
    for rev in [from, to] {
        lay_out(repo, rev);
        git(repo, &["add", "-A"]);
        git(repo, &["commit", "-q", "-m", rev]);
    }
}

#[test]
fn changelog_of_an_ftgo_step() {
    let dir = tempfile::tempdir().unwrap();
    ftgo_step(dir.path(), "r2", "r3");
    let (code, out, err) = treaty(dir.path(), &["changelog", "--against", "HEAD~1"]);
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("ftgo_r2_r3_proto", out);
    // The same again: nothing depends on the run.
    let (_, again, _) = treaty(dir.path(), &["changelog", "--against", "HEAD~1"]);
    assert_eq!(out, again);
}

#[test]
fn changelog_json_groups_changes_per_service() {
    let dir = tempfile::tempdir().unwrap();
    ftgo_step(dir.path(), "r2", "r3");
    let (code, out, err) = treaty(
        dir.path(),
        &["changelog", "--against", "HEAD~1", "--format", "json"],
    );
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["against"], "HEAD~1");
    assert_eq!(v["unchanged"], serde_json::json!(["common"]));
    let services = v["services"].as_array().unwrap();
    assert_eq!(services.len(), 1);
    let order = &services[0];
    assert_eq!(order["service"], "order");
    assert_eq!(order["required_bump"], "major");
    let contract = &order["contracts"][0];
    assert_eq!(contract["contract"], "order/proto");
    assert_eq!(contract["old_version"], "1.1.0");
    assert_eq!(contract["new_version"], "1.2.0");
    assert_eq!(contract["next_version"], "2.0.0");
    // The renumbered field is a break; the new enum value an addition; version-policy findings
    // are about the version, not the API, and stay out.
    let breaking = order["breaking"].as_array().unwrap();
    assert!(!breaking.is_empty());
    assert!(breaking.iter().all(|e| e["contract"] == "order/proto"));
    assert!(
        breaking.iter().any(|e| e["message"]
            .as_str()
            .unwrap()
            .contains("revised_line_items")),
        "{breaking:#?}"
    );
    let added = order["added"].as_array().unwrap();
    assert!(
        added.iter().any(|e| e["message"]
            .as_str()
            .unwrap()
            .contains("CANCEL_REASON_COURIER_UNAVAILABLE")),
        "{added:#?}"
    );
    for group in ["breaking", "added", "changed", "docs"] {
        assert!(
            !order[group]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["rule"].as_str().unwrap().starts_with("version-")),
            "{group}"
        );
    }
}

#[test]
fn changelog_needs_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    ftgo_step(dir.path(), "r1", "r2");
    let (code, _, err) = treaty(dir.path(), &["changelog"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--against"), "{err}");
    let (code, out, err) = treaty(dir.path(), &["changelog", "--against", "HEAD"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("No API changes."), "{out}");
}
