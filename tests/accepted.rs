//! Accepted findings: honoured by the gate until their `expires` date (`--today`, else the system
//! date), reported as `accepted-expired` and counted again afterwards, matched across line shifts,
//! named by treaty.yaml or `--accepted`, and written by `--write-accepted` (a round trip that keeps
//! the reasons people wrote).

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

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn rules(v: &Value, key: &str) -> Vec<String> {
    let mut r: Vec<String> = v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    r.sort();
    r
}

const OLD: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n  // Its state.\n  string state = 2;\n}\n";
const NEW: &str = "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n  // Its id.\n  int64 order_id = 1;\n}\n";
const PROTO: &str = "proto/acme/orders/v1/orders.proto";

/// old/ at 1.4.0 and new/ at 1.5.0 with a field deleted: a break released as a minor.
fn workspace(dir: &Path, extra: &str) -> std::path::PathBuf {
    let manifest = |v: &str, extra: &str| {
        format!(
            "services:\n  orders:\n    contracts:\n      - name: orders/proto\n        kind: proto\n        path: proto/**/*.proto\n        roots: [proto]\n        version: {v}\n{extra}"
        )
    };
    write(&dir.join("old"), "treaty.yaml", &manifest("1.4.0", ""));
    write(&dir.join("old"), PROTO, OLD);
    write(&dir.join("new"), "treaty.yaml", &manifest("1.5.0", extra));
    write(&dir.join("new"), PROTO, NEW);
    dir.join("new")
}

fn field_no_delete_message(new: &Path) -> String {
    let (_, out, _) = treaty(new, &["check", "--against", "../old", "--format", "json"]);
    let v = json(&out);
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "FIELD_NO_DELETE")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string()
}

fn accepted_file(message: &str, expires: &str) -> String {
    format!(
        "accepted:\n  - rule: FIELD_NO_DELETE\n    contract: orders/proto\n    file: {PROTO}\n    message: {}\n    reason: the back office is the only reader and moves in the same release\n{expires}",
        serde_json::to_string(message).unwrap()
    )
}

#[test]
fn an_accepted_finding_passes_the_gate_until_it_expires() {
    let dir = tempfile::tempdir().unwrap();
    let new = workspace(dir.path(), "");
    let (code, _, _) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(code, Some(1), "the break fails without acceptance");
    let message = field_no_delete_message(&new);
    write(
        &new,
        "accepted.yaml",
        &accepted_file(&message, "    expires: 2025-06-30\n"),
    );

    // Through the expiry day: accepted, listed, and the verdict judged without it.
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
            "--today",
            "2025-06-30",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let v = json(&out);
    assert_eq!(rules(&v, "accepted"), ["FIELD_NO_DELETE"]);
    assert_eq!(
        v["accepted"][0]["reason"],
        "the back office is the only reader and moves in the same release"
    );
    assert_eq!(v["accepted"][0]["expires"], "2025-06-30");
    assert_eq!(v["accepted"][0]["new"]["file"], PROTO);
    assert!(
        rules(&v, "findings").is_empty(),
        "no version-bump-too-small once the break is accepted: {:#}",
        v["findings"]
    );
    assert_eq!(v["verdicts"][0]["required_bump"], "none");
    assert_eq!(v["verdicts"][0]["ok"], true);
    // The existing keys are all still there.
    for key in ["findings", "verdicts", "services"] {
        assert!(v.get(key).is_some(), "{key}");
    }

    // The day after: the finding counts again, with a warning saying why.
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
            "--today",
            "2025-07-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    assert!(rules(&v, "accepted").is_empty());
    assert_eq!(
        rules(&v, "findings"),
        [
            "FIELD_NO_DELETE",
            "accepted-expired",
            "version-bump-too-small"
        ]
    );
    let expired = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "accepted-expired")
        .unwrap();
    assert_eq!(expired["severity"], "warning");
    assert_eq!(expired["new"]["file"], "accepted.yaml");
    assert_eq!(expired["new"]["line"], 2);
    assert!(
        expired["message"].as_str().unwrap().contains("2025-06-30"),
        "{expired:#}"
    );
    assert_eq!(v["verdicts"][0]["ok"], false);
}

#[test]
fn the_system_date_decides_without_today() {
    let dir = tempfile::tempdir().unwrap();
    let new = workspace(dir.path(), "accepted: accepted.yaml\n");
    write(&new, "accepted.yaml", "accepted: []\n");
    let message = field_no_delete_message(&new);
    // Named by treaty.yaml: no flag needed.
    write(
        &new,
        "accepted.yaml",
        &accepted_file(&message, "    expires: 2999-12-31\n"),
    );
    let (code, out, err) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("1 accepted finding"), "{out}");
    write(
        &new,
        "accepted.yaml",
        &accepted_file(&message, "    expires: 2000-01-01\n"),
    );
    let (code, out, err) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("accepted-expired"), "{out}");
    // No expiry: accepted for good.
    write(&new, "accepted.yaml", &accepted_file(&message, ""));
    let (code, out, err) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn matching_survives_line_shifts_but_not_another_change() {
    let dir = tempfile::tempdir().unwrap();
    let new = workspace(dir.path(), "");
    let message = field_no_delete_message(&new);
    write(&new, "accepted.yaml", &accepted_file(&message, ""));
    // Lines added above the element: still the same finding.
    write(
        &new,
        PROTO,
        &NEW.replace(
            "// An order.\n",
            "// An order.\n//\n// Placed by a consumer,\n// fulfilled by a restaurant.\n",
        ),
    );
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(rules(&json(&out), "accepted"), ["FIELD_NO_DELETE"]);
    // Another field deleted too: that change is not the accepted one.
    write(
        &new,
        PROTO,
        "syntax = \"proto3\";\n\npackage acme.orders.v1;\n\n// An order.\nmessage Order {\n}\n",
    );
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    assert_eq!(rules(&v, "accepted"), ["FIELD_NO_DELETE"]);
    assert!(rules(&v, "findings").contains(&"FIELD_NO_DELETE".to_string()));
}

#[test]
fn write_accepted_round_trip_keeps_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let new = workspace(dir.path(), "");
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--write-accepted",
            "accepted.yaml",
        ],
    );
    assert_eq!(
        code,
        Some(0),
        "the written file lets the findings through: {out}{err}"
    );
    let written = fs::read_to_string(new.join("accepted.yaml")).unwrap();
    let doc: yaml_serde::Value = yaml_serde::from_str(&written).unwrap();
    let entries = doc["accepted"].as_sequence().unwrap();
    let mut ids: Vec<&str> = entries
        .iter()
        .map(|e| e["rule"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        ["FIELD_NO_DELETE", "version-bump-too-small"],
        "{written}"
    );
    assert!(
        entries.iter().all(|e| e["contract"] == "orders/proto"
            && e["reason"].as_str().is_some_and(|r| !r.is_empty()))
    );
    assert!(entries.iter().any(|e| e["file"] == PROTO));

    // Read back by the gate.
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(
        rules(&json(&out), "accepted"),
        ["FIELD_NO_DELETE", "version-bump-too-small"]
    );

    // A reason and a date written by hand survive rewriting the file.
    let edited = written.replacen(
        "reason: present when treaty was adopted; say why it is acceptable",
        "reason: migrated by hand\n  expires: 2031-01-31",
        1,
    );
    assert_ne!(edited, written);
    fs::write(new.join("accepted.yaml"), &edited).unwrap();
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--write-accepted",
            "accepted.yaml",
            "--today",
            "2030-01-01",
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let rewritten = fs::read_to_string(new.join("accepted.yaml")).unwrap();
    assert!(rewritten.contains("migrated by hand"), "{rewritten}");
    assert!(rewritten.contains("2031-01-31"), "{rewritten}");
    let again: yaml_serde::Value = yaml_serde::from_str(&rewritten).unwrap();
    assert_eq!(again["accepted"].as_sequence().unwrap().len(), 2);
}

#[test]
fn an_invalid_file_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let new = workspace(dir.path(), "");
    write(
        &new,
        "accepted.yaml",
        "accepted:\n  - rule: FIELD_NO_DELETE\n    contract: orders/proto\n    message: m\n    reason: r\n    expires: 30/06/2025\n",
    );
    let (code, out, err) = treaty(
        &new,
        &[
            "check",
            "--against",
            "../old",
            "--accepted",
            "accepted.yaml",
        ],
    );
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(err.contains("accepted.yaml:6"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let (code, _, err) = treaty(
        &new,
        &["check", "--against", "../old", "--accepted", "missing.yaml"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("missing.yaml"), "{err}");
}
