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
fn the_shipped_workspace_and_every_ftgo_revision_lint_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        root.to_path_buf(),
        root.join("fixtures/ftgo/r1"),
        root.join("fixtures/ftgo/r2"),
        root.join("fixtures/ftgo/r3"),
    ] {
        let out = treaty(&dir).arg("lint").output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // No warnings either: every component is used, every convention met.
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("0 errors, 0 warnings"),
            "{}",
            dir.display()
        );
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_cli_definition() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = treaty(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("check") && text.contains("against"),
            "{shell}"
        );
    }
    let out = treaty(dir.path()).arg("man").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(".TH treaty 1") && text.contains("lint"),
        "{text}"
    );
    treaty(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn quiet_keeps_errors_only_and_verbose_says_what_was_loaded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("fixtures/lint/manifest/service-version-mismatch");
    let out = treaty(&fixture).args(["lint", "--quiet"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("service-version-mismatch") && !stdout.contains("0 warnings"),
        "{stdout}"
    );
    let out = treaty(root).args(["lint", "--verbose"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("loaded ") && stderr.contains(" contracts ("),
        "{stderr}"
    );
    let out = treaty(root)
        .args([
            "check",
            "--against",
            "fixtures/ftgo/r3",
            "--verbose",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("compared "));
    // Help shows examples for each command.
    for cmd in [
        "lint",
        "check",
        "rules",
        "init",
        "bump",
        "changelog",
        "compat",
    ] {
        let out = treaty(root).args([cmd, "--help"]).output().unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Examples:"),
            "{cmd} --help has no examples"
        );
    }
}

#[test]
fn the_readmes_first_command_shows_findings_from_both_revisions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let first = readme.lines().find(|l| l.starts_with("cargo run")).unwrap();
    assert_eq!(
        first,
        "cargo run --release -- check --against fixtures/ftgo/r3"
    );
    let out = treaty(root)
        .args(["check", "--against", "fixtures/ftgo/r3"])
        .output()
        .unwrap();
    // r3 → current holds a patch release of an addition: the gate fails, and says why.
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.contains("asyncapi-shard-key-changed") && text.contains("version-bump-too-small"),
        "{text}"
    );
    assert!(
        text.contains("☞ was: ") && text.contains("╰── now"),
        "{text}"
    );
    // A finding on a large element shows its first line, not the whole element.
    let longest = text
        .split("╭─[")
        .skip(1)
        .map(|block| block.split("╰────").next().unwrap_or("").lines().count())
        .max()
        .unwrap();
    assert!(longest <= 14, "an excerpt of {longest} lines");
    insta::assert_snapshot!("readme_first_command", text);
}
