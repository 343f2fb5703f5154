//! `treaty check --against REV` over real git repositories built in temporary directories:
//! revisions named as HEAD~1, a tag, a commit id and a branch; contracts added, removed and moved
//! between commits (each side's manifest read from that side); a shallow clone that lacks the
//! revision; the CI refusal of the local default and the local default itself (working tree vs
//! HEAD); and the FTGO history replayed as commits, checked against fixtures/ftgo/expected.yaml,
//! then fixed by `treaty bump --write`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use assert_cmd::Command;
use serde_json::Value;

/// The formats whose breaking rules exist; the FTGO replay judges their contracts only.
const JUDGED: &[&str] = &["proto", "openapi", "asyncapi"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Proc::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", "2025-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2025-01-01T00:00:00Z")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn init(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.email", "dev@example.com"]);
    git(dir, &["config", "user.name", "Dev"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

fn commit(dir: &Path, message: &str) -> String {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
    git(dir, &["rev-parse", "HEAD"])
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// Runs treaty in `dir`; `ci` sets CI=true, otherwise CI is cleared.
fn treaty(dir: &Path, args: &[&str], ci: bool) -> (Option<i32>, String, String) {
    let mut cmd = Command::cargo_bin("treaty").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    if ci {
        cmd.env("CI", "true");
    } else {
        cmd.env_remove("CI");
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn verdict<'a>(v: &'a Value, contract: &str) -> &'a Value {
    v["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["contract"] == contract)
        .unwrap_or_else(|| panic!("no verdict for {contract}: {v:#}"))
}

fn rules_of(v: &Value, contract: &str) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["contract"] == contract)
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

const ORDER_V1: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n  // Its state.\n  string state = 2;\n}\n";
const ORDER_V2_ADDED: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n  // Its state.\n  string state = 2;\n  // A note.\n  string note = 3;\n}\n";
const ORDER_V3_DELETED: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n  // A note.\n  string note = 3;\n}\n";

fn manifest(version: &str) -> String {
    format!(
        "services:\n  orders:\n    contracts:\n      - name: orders/proto\n        kind: proto\n        path: proto/**/*.proto\n        roots: [proto]\n        version: {version}\n"
    )
}

/// main: A (1.0.0) ─ tag v1 ─ B (field added, 1.1.0); feature: C (field deleted, 1.2.0).
fn history(dir: &Path) -> (String, String, String) {
    init(dir);
    write(dir, "treaty.yaml", &manifest("1.0.0"));
    write(dir, "proto/acme/orders/v1/orders.proto", ORDER_V1);
    let a = commit(dir, "A");
    git(dir, &["tag", "v1"]);
    write(dir, "treaty.yaml", &manifest("1.1.0"));
    write(dir, "proto/acme/orders/v1/orders.proto", ORDER_V2_ADDED);
    let b = commit(dir, "B");
    git(dir, &["checkout", "-q", "-b", "feature"]);
    write(dir, "treaty.yaml", &manifest("1.2.0"));
    write(dir, "proto/acme/orders/v1/orders.proto", ORDER_V3_DELETED);
    let c = commit(dir, "C");
    (a, b, c)
}

#[test]
fn revisions_by_relative_name_tag_commit_and_branch() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let (a, b, _c) = history(repo);

    // B → C: a field deleted under a minor bump.
    for rev in ["HEAD~1", "main", b.as_str()] {
        let (code, out, err) = treaty(
            repo,
            &["check", "--against", rev, "--format", "json"],
            false,
        );
        assert_eq!(code, Some(1), "--against {rev}: {out}{err}");
        let v = json(&out);
        let rules = rules_of(&v, "orders/proto");
        assert!(
            rules.contains(&"FIELD_NO_DELETE".to_string()),
            "--against {rev}: {rules:?}"
        );
        assert!(
            rules.contains(&"version-bump-too-small".to_string()),
            "--against {rev}: {rules:?}"
        );
        let verdict = verdict(&v, "orders/proto");
        assert_eq!(verdict["required_bump"], "major");
        assert_eq!(verdict["old_version"], "1.1.0");
        assert_eq!(verdict["new_version"], "1.2.0");
        assert_eq!(verdict["ok"], false);
    }

    // A → C through the tag and the commit id: the field added since A is there too.
    for rev in ["v1", a.as_str()] {
        let (code, out, err) = treaty(
            repo,
            &["check", "--against", rev, "--format", "json"],
            false,
        );
        assert_eq!(code, Some(1), "--against {rev}: {out}{err}");
        let v = json(&out);
        assert_eq!(verdict(&v, "orders/proto")["old_version"], "1.0.0");
        assert_eq!(verdict(&v, "orders/proto")["required_bump"], "major");
        let rules = rules_of(&v, "orders/proto");
        assert!(rules.contains(&"FIELD_NO_DELETE".to_string()), "{rules:?}");
    }

    // main's own history: A → B is an addition released as a minor.
    git(repo, &["checkout", "-q", "main"]);
    let (code, out, err) = treaty(
        repo,
        &["check", "--against", "v1", "--format", "json"],
        false,
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let v = json(&out);
    assert_eq!(verdict(&v, "orders/proto")["required_bump"], "minor");
    assert_eq!(verdict(&v, "orders/proto")["ok"], true);

    // The break released as a major passes against main and against the previous commit.
    git(repo, &["checkout", "-q", "feature"]);
    write(repo, "treaty.yaml", &manifest("2.0.0"));
    commit(repo, "D");
    for rev in ["main", "HEAD~1"] {
        let (code, out, err) = treaty(repo, &["check", "--against", rev], false);
        assert_eq!(code, Some(0), "--against {rev}: {out}{err}");
    }
    // An unknown revision is an error, not a pass.
    let (code, _, err) = treaty(repo, &["check", "--against", "no-such-branch"], false);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("no-such-branch"), "{err}");
}

#[test]
fn added_removed_and_moved_contracts_with_each_sides_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    init(repo);
    let billing = "syntax = \"proto3\";\n\npackage acme.billing.v1;\n\n// An invoice.\nmessage Invoice {\n  // Its id.\n  int64 invoice_id = 1;\n}\n";
    let shipping = "syntax = \"proto3\";\n\npackage acme.shipping.v1;\n\n// A parcel.\nmessage Parcel {\n  // Its id.\n  int64 parcel_id = 1;\n}\n";
    write(
        repo,
        "treaty.yaml",
        "services:\n  orders:\n    contracts:\n      - name: orders/proto\n        kind: proto\n        path: proto/orders/**/*.proto\n        roots: [proto/orders]\n        version: 1.0.0\n  billing:\n    contracts:\n      - name: billing/proto\n        kind: proto\n        path: proto/billing/**/*.proto\n        roots: [proto/billing]\n        version: 1.0.0\n",
    );
    write(repo, "proto/orders/acme/orders/v1/orders.proto", ORDER_V1);
    write(repo, "proto/billing/acme/billing/v1/billing.proto", billing);
    commit(repo, "orders and billing");
    // billing goes, shipping comes, orders moves to api/ (same name, same import paths).
    fs::remove_dir_all(repo.join("proto")).unwrap();
    write(
        repo,
        "treaty.yaml",
        "services:\n  orders:\n    contracts:\n      - name: orders/proto\n        kind: proto\n        path: api/orders/**/*.proto\n        roots: [api/orders]\n        version: 1.0.0\n  shipping:\n    contracts:\n      - name: shipping/proto\n        kind: proto\n        path: api/shipping/**/*.proto\n        roots: [api/shipping]\n        version: 0.1.0\n",
    );
    write(repo, "api/orders/acme/orders/v1/orders.proto", ORDER_V1);
    write(
        repo,
        "api/shipping/acme/shipping/v1/shipping.proto",
        shipping,
    );
    commit(repo, "billing removed, shipping added, orders moved");

    let (code, out, err) = treaty(
        repo,
        &["check", "--against", "HEAD~1", "--format", "json"],
        false,
    );
    assert_eq!(
        code,
        Some(1),
        "a removed contract fails the gate: {out}{err}"
    );
    let v = json(&out);
    // Removed: only the old manifest lists it.
    assert_eq!(
        rules_of(&v, "billing/proto"),
        vec!["contract-removed".to_string()]
    );
    let removed = &v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "contract-removed")
        .unwrap()["old"]["file"];
    assert_eq!(removed, "proto/billing/acme/billing/v1/billing.proto");
    assert_eq!(verdict(&v, "billing/proto")["new_version"], Value::Null);
    assert_eq!(verdict(&v, "billing/proto")["ok"], false);
    // Added: only the new manifest lists it; a first release needs no bump.
    let added = verdict(&v, "shipping/proto");
    assert_eq!(added["old_version"], Value::Null);
    assert_eq!(added["new_version"], "0.1.0");
    assert_eq!(added["required_bump"], "none");
    assert_eq!(added["ok"], true);
    assert!(rules_of(&v, "shipping/proto").is_empty());
    // Moved: paired by name across the move, unchanged.
    let moved = verdict(&v, "orders/proto");
    assert_eq!(moved["old_version"], "1.0.0");
    assert_eq!(moved["required_bump"], "none");
    assert_eq!(moved["ok"], true);
    assert!(
        rules_of(&v, "orders/proto").is_empty(),
        "{:#}",
        v["findings"]
    );
}

#[test]
fn a_shallow_clone_without_the_revision_says_how_to_fetch() {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    fs::create_dir_all(&origin).unwrap();
    let (a, _, _) = history(&origin);
    let clone = dir.path().join("clone");
    let url = format!("file://{}", origin.display());
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--branch",
            "feature",
            &url,
            clone.to_str().unwrap(),
        ],
    );
    for rev in ["HEAD~1", a.as_str()] {
        let (code, out, err) = treaty(&clone, &["check", "--against", rev], false);
        assert_eq!(code, Some(2), "--against {rev}: {out}{err}");
        assert!(err.contains("shallow"), "--against {rev}: {err}");
        assert!(err.contains("git fetch"), "--against {rev}: {err}");
    }
    // HEAD itself is there: the working tree compares fine with it.
    let (code, out, err) = treaty(&clone, &["check", "--against", "HEAD"], false);
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn ci_refuses_the_local_default_and_takes_a_named_base() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    history(repo);
    for cmd in ["check", "bump"] {
        let (code, out, err) = treaty(repo, &[cmd], true);
        assert_eq!(code, Some(2), "{cmd}: {out}{err}");
        assert!(
            err.contains("CI") && err.contains("--against"),
            "{cmd}: {err}"
        );
    }
    let (code, out, err) = treaty(repo, &["check", "--against", "main"], true);
    assert_eq!(code, Some(1), "{out}{err}");
}

#[test]
fn the_local_default_compares_the_working_tree_with_head() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    history(repo);
    // Clean tree: nothing changed since HEAD.
    let (code, out, err) = treaty(repo, &["check", "--format", "json"], false);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(verdict(&json(&out), "orders/proto")["old_version"], "1.2.0");
    // An uncommitted deletion is judged against HEAD.
    write(
        repo,
        "proto/acme/orders/v1/orders.proto",
        "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n}\n",
    );
    let (code, out, err) = treaty(repo, &["check", "--format", "json"], false);
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    assert!(rules_of(&v, "orders/proto").contains(&"FIELD_NO_DELETE".to_string()));
    assert_eq!(verdict(&v, "orders/proto")["new_version"], "1.2.0");
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

/// Replaces the repository's content (all but .git) with one FTGO revision.
fn lay_out(repo: &Path, rev: &str) {
    for entry in fs::read_dir(repo).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap() == ".git" {
            continue;
        }
        if p.is_dir() {
            fs::remove_dir_all(&p).unwrap();
        } else {
            fs::remove_file(&p).unwrap();
        }
    }
    if rev == "current" {
        copy_dir(&root().join("contracts"), &repo.join("contracts"));
        fs::copy(root().join("treaty.yaml"), repo.join("treaty.yaml")).unwrap();
    } else {
        copy_dir(&root().join("fixtures/ftgo").join(rev), repo);
    }
}

/// True when two texts differ only in version strings (`1.2.0`, `2.0.0-rc.1`), line by line.
fn differ_only_in_versions(before: &str, after: &str) -> bool {
    let version =
        regex::Regex::new(r"\b\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?\b").unwrap();
    let (b, a): (Vec<&str>, Vec<&str>) = (
        before.split_inclusive('\n').collect(),
        after.split_inclusive('\n').collect(),
    );
    b.len() == a.len()
        && b.iter()
            .zip(&a)
            .all(|(x, y)| x == y || version.replace_all(x, "V") == version.replace_all(y, "V"))
}

#[test]
fn the_ftgo_history_replayed_as_commits() {
    let text = fs::read_to_string(root().join("fixtures/ftgo/expected.yaml")).unwrap();
    let expected: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    init(repo);
    let revisions: Vec<&str> = expected["revisions"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    lay_out(repo, revisions[0]);
    commit(repo, revisions[0]);
    let mut judged = 0;
    let mut bumped = 0;
    for step in expected["steps"].as_sequence().unwrap() {
        let (from, to) = (step["from"].as_str().unwrap(), step["to"].as_str().unwrap());
        lay_out(repo, to);
        commit(repo, to);
        let (code, out, err) = treaty(
            repo,
            &["check", "--against", "HEAD~1", "--format", "json"],
            false,
        );
        assert!(matches!(code, Some(0 | 1)), "{from}→{to}: {err}");
        let v = json(&out);
        let mut fails = false;
        for (name, want) in step["contracts"].as_mapping().unwrap() {
            let name = name.as_str().unwrap();
            let kind = name.rsplit('/').next().unwrap();
            if !JUDGED.contains(&kind) {
                continue;
            }
            judged += 1;
            let got = verdict(&v, name);
            assert_eq!(
                got["required_bump"],
                want["required_bump"].as_str().unwrap(),
                "{from}→{to} {name}: {:#}",
                v["findings"]
            );
            assert_eq!(
                got["ok"],
                want["version_ok"].as_bool().unwrap(),
                "{from}→{to} {name}"
            );
            assert_eq!(
                got["old_version"],
                want["old_version"].as_str().unwrap(),
                "{from}→{to} {name}"
            );
            assert_eq!(
                got["new_version"],
                want["new_version"].as_str().unwrap(),
                "{from}→{to} {name}"
            );
            fails |= !want["version_ok"].as_bool().unwrap();
        }
        if fails {
            assert_eq!(
                code,
                Some(1),
                "{from}→{to}: a version that does not cover its changes fails the gate"
            );
        }
        // Whatever the step needs, `treaty bump --write` gives it, and changes version text only.
        let (code, out, err) = treaty(repo, &["bump", "--against", "HEAD~1", "--write"], false);
        assert_eq!(code, Some(0), "{from}→{to}: {out}{err}");
        let (code, out, err) = treaty(repo, &["check", "--against", "HEAD~1"], false);
        assert_eq!(code, Some(0), "{from}→{to}: after bump --write: {out}{err}");
        let changed = git(repo, &["diff", "--name-only"]);
        for file in changed.lines() {
            let before = Proc::new("git")
                .current_dir(repo)
                .args(["show", &format!("HEAD:{file}")])
                .output()
                .unwrap()
                .stdout;
            let after = fs::read(repo.join(file)).unwrap();
            assert!(
                differ_only_in_versions(
                    &String::from_utf8(before).unwrap(),
                    &String::from_utf8(after).unwrap()
                ),
                "{from}→{to}: {file} changed beyond its versions:\n{}",
                git(repo, &["diff", file])
            );
        }
        if from == "r2" {
            // order/proto: a break from 1.1.0 needs 2.0.0, written where the version is declared.
            let manifest = fs::read_to_string(repo.join("treaty.yaml")).unwrap();
            assert!(
                manifest.contains("version: 2.0.0"),
                "{}",
                git(repo, &["diff", "treaty.yaml"])
            );
            assert!(changed.lines().any(|f| f == "treaty.yaml"), "{changed}");
            bumped += 1;
        }
        // Back to the revision as it was, so the next step compares the history as recorded.
        git(repo, &["checkout", "-q", "--", "."]);
    }
    assert!(judged > 0, "no contract of a judged format in the history");
    assert_eq!(bumped, 1);
}
