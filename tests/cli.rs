//! The command line end to end: exit codes, messages, init, rules.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn treaty(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("treaty").unwrap();
    c.current_dir(dir).env("NO_COLOR", "1").env_remove("CI");
    c
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

#[test]
fn without_a_manifest_or_paths_treaty_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    treaty(dir.path()).arg("lint").assert().code(2).stderr(
        predicate::str::contains("no treaty.yaml").and(predicate::str::contains("treaty init")),
    );
}

#[test]
fn init_writes_a_manifest_that_lint_then_reads() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "contracts/orders/openapi.yaml",
        "openapi: 3.1.0\ninfo: {title: Orders, version: 1.0.0}\npaths: {}\n",
    );
    write(
        dir.path(),
        "contracts/orders/proto/acme/orders/v1/orders.proto",
        "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  string order_id = 1;\n}\n",
    );
    treaty(dir.path())
        .arg("init")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 contracts"));
    let text = fs::read_to_string(dir.path().join("treaty.yaml")).unwrap();
    assert!(text.contains("orders/openapi"), "{text}");
    assert!(text.contains("orders/proto"), "{text}");
    assert!(text.contains("roots: [contracts/orders/proto]"), "{text}");
    // A second init refuses to overwrite.
    treaty(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    treaty(dir.path())
        .args(["lint", "--format", "json"])
        .assert()
        .code(0);
}

#[test]
fn rules_prints_a_rules_documentation() {
    let dir = tempfile::tempdir().unwrap();
    treaty(dir.path())
        .args(["rules", "version-bump-too-small"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("## What it does")
                .and(predicate::str::contains("## Why is this bad?")),
        );
    treaty(dir.path())
        .args(["rules", "NO_SUCH_RULE"])
        .assert()
        .code(2);
    treaty(dir.path())
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("FIELD_LOWER_SNAKE_CASE"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    treaty(dir.path())
        .args(["lint", "--format", "yaml"])
        .assert()
        .code(2);
    treaty(dir.path()).args(["frobnicate"]).assert().code(2);
    treaty(dir.path())
        .args(["check", "a.proto"])
        .assert()
        .code(2);
}

#[test]
fn the_shipped_workspace_lints_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("treaty.yaml").exists() {
        return;
    }
    let out = treaty(root).arg("lint").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
