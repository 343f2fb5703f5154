//! `treaty bump`: the smallest correct next version per declared place, counted from the earlier
//! revision (1.x, 0.y.z, 0.0.z, pre-releases, build metadata, first releases), one version per
//! service with the documents following it, exit codes, and `--write` changing the version text
//! and nothing else: quotes, comments, key order, indentation and CRLF line endings stay.

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

/// A message `Order` in package `acme.<pkg>.v1` with the given fields.
fn proto(pkg: &str, fields: &[(&str, u32)]) -> String {
    let package = pkg.replace('-', "_");
    let mut s = format!(
        "syntax = \"proto3\";\n\npackage acme.{package}.v1;\n\n// An order.\nmessage Order {{\n"
    );
    for (name, n) in fields {
        s.push_str(&format!("  // The {name}.\n  string {name} = {n};\n"));
    }
    s.push_str("}\n");
    s
}

const BASE: &[(&str, u32)] = &[("id", 1), ("state", 2)];
const DELETED: &[(&str, u32)] = &[("id", 1)];
const ADDED: &[(&str, u32)] = &[("id", 1), ("state", 2), ("note", 3)];

/// How a contract changes between the two revisions.
#[derive(Clone, Copy)]
enum Change {
    None,
    /// A field added: a minor bump.
    Add,
    /// A field deleted: a major bump.
    Delete,
}

fn fields(change: Change) -> &'static [(&'static str, u32)] {
    match change {
        Change::None => BASE,
        Change::Add => ADDED,
        Change::Delete => DELETED,
    }
}

/// Lays out `old/` and `new/` with a proto contract per package; the manifests are given.
fn sides(dir: &Path, contracts: &[(&str, Change)], old_manifest: &str, new_manifest: &str) {
    for (pkg, change) in contracts {
        write(
            &dir.join("old"),
            &format!("proto/{pkg}/acme/{pkg}/v1/{pkg}.proto"),
            &proto(pkg, BASE),
        );
        write(
            &dir.join("new"),
            &format!("proto/{pkg}/acme/{pkg}/v1/{pkg}.proto"),
            &proto(pkg, fields(*change)),
        );
    }
    write(&dir.join("old"), "treaty.yaml", old_manifest);
    write(&dir.join("new"), "treaty.yaml", new_manifest);
}

fn entry(pkg: &str, version_line: &str) -> String {
    format!(
        "      - name: {pkg}/proto\n        kind: proto\n        path: proto/{pkg}/**/*.proto\n        roots: [proto/{pkg}]\n{version_line}"
    )
}

fn place<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name && p["place"] != "document")
        .unwrap_or_else(|| panic!("no place for {name}: {v:#}"))
}

#[test]
fn next_versions_count_from_the_old_revision() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, Change, &str, &str, Option<&str>)] = &[
        // pkg, change, old version, declared new version, expected next version
        ("major", Change::Delete, "1.4.0", "1.4.0", Some("2.0.0")),
        ("minor", Change::Add, "1.4.2", "1.4.2", Some("1.5.0")),
        ("same", Change::None, "1.4.0", "1.4.0", Some("1.4.0")),
        // A declared version that already gives enough is kept, pre-release or not.
        ("ahead", Change::Add, "1.4.0", "2.0.0", Some("2.0.0")),
        (
            "rc",
            Change::Delete,
            "1.4.0",
            "2.0.0-rc.1",
            Some("2.0.0-rc.1"),
        ),
        // Too small: counted from the old version, not from the new one.
        ("small", Change::Delete, "1.4.0", "1.5.0", Some("2.0.0")),
        // Below 1.0.0 a break needs a new minor, an addition a new patch; 0.0.z needs a new z.
        (
            "zero-break",
            Change::Delete,
            "0.3.1",
            "0.3.1",
            Some("0.4.0"),
        ),
        ("zero-add", Change::Add, "0.3.1", "0.3.1", Some("0.3.2")),
        ("zerozero", Change::Add, "0.0.3", "0.0.3", Some("0.0.4")),
        // Pre-release and build metadata of the old version (semver 2.0.0).
        (
            "pre-add",
            Change::Add,
            "1.2.0-rc.1",
            "1.2.0-rc.1",
            Some("1.3.0"),
        ),
        (
            "pre-none",
            Change::None,
            "1.2.0-rc.1",
            "1.2.0-rc.1",
            Some("1.2.0-rc.1"),
        ),
        (
            "build",
            Change::Delete,
            "1.4.0+build.7",
            "1.4.0+build.7",
            Some("2.0.0"),
        ),
        // Not semver before: nothing to count from.
        ("dated", Change::Delete, "2023-09-12", "2023-09-12", None),
    ];
    let contracts: Vec<(&str, Change)> = cases.iter().map(|c| (c.0, c.1)).collect();
    let manifest = |new: bool| {
        let mut m = String::from("services:\n  all:\n    contracts:\n");
        for (pkg, _, old, declared, _) in cases {
            m.push_str(&entry(
                pkg,
                &format!(
                    "        version: \"{}\"\n",
                    if new { declared } else { old }
                ),
            ));
        }
        m
    };
    sides(dir.path(), &contracts, &manifest(false), &manifest(true));
    let new = dir.path().join("new");
    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--format", "json"]);
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    for (pkg, _, old, declared, next) in cases {
        let p = place(&v, &format!("{pkg}/proto"));
        assert_eq!(p["old_version"], *old, "{pkg}");
        assert_eq!(p["version"], *declared, "{pkg}");
        match next {
            Some(n) => assert_eq!(p["next_version"], *n, "{pkg}: {p:#}"),
            None => {
                assert_eq!(p["next_version"], Value::Null, "{pkg}");
                assert!(
                    p["note"]
                        .as_str()
                        .unwrap()
                        .contains("not semantic versioning"),
                    "{p:#}"
                );
            }
        }
        assert_eq!(p["file"], "treaty.yaml");
    }
    assert_eq!(v["written"], false);
    // The manifest is untouched without --write.
    assert_eq!(
        fs::read_to_string(new.join("treaty.yaml")).unwrap(),
        manifest(true)
    );
}

#[test]
fn write_changes_the_version_text_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    // CRLF line endings, comments, three quoting styles, `version` before `path` in one entry.
    let manifest = |a: &str, b: &str, c: &str| {
        format!(
            "# orders workspace\r\nservices:\r\n  orders:\r\n    contracts:\r\n      - name: single/proto   # quoted in single quotes\r\n        kind: proto\r\n        path: proto/single/**/*.proto\r\n        roots: [proto/single]\r\n        version: '{a}'   # released on Monday\r\n      - name: double/proto\r\n        version: \"{b}\"\r\n        kind: proto\r\n        path: proto/double/**/*.proto\r\n        roots: [proto/double]\r\n      - name: bare/proto\r\n        kind: proto\r\n        path: proto/bare/**/*.proto\r\n        roots: [proto/bare]\r\n        version:    {c}  # bare, odd spacing\r\n      - name: none/proto\r\n        kind: proto\r\n        path: proto/none/**/*.proto\r\n        roots: [proto/none]\r\n        version: 3.1.4\r\n"
        )
    };
    sides(
        dir.path(),
        &[
            ("single", Change::Delete),
            ("double", Change::Add),
            ("bare", Change::Delete),
            ("none", Change::None),
        ],
        &manifest("1.4.0", "1.4.0", "0.9.9"),
        &manifest("1.4.0", "1.4.0", "0.9.9"),
    );
    let new = dir.path().join("new");
    let (code, out, err) = treaty(&new, &["bump", "--against", "../old"]);
    assert_eq!(
        code,
        Some(1),
        "a bump is needed and only printed: {out}{err}"
    );
    assert!(out.contains("single/proto: 1.4.0 → 2.0.0"), "{out}");
    assert!(out.contains("3 versions to change"), "{out}");

    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--write"]);
    assert_eq!(code, Some(0), "written: {out}{err}");
    let after = fs::read_to_string(new.join("treaty.yaml")).unwrap();
    assert_eq!(
        after,
        manifest("2.0.0", "1.5.0", "0.10.0"),
        "only the version text changes"
    );

    // Nothing left to do: a second run changes nothing and passes.
    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--write"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(fs::read_to_string(new.join("treaty.yaml")).unwrap(), after);
    let (code, out, err) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(
        code,
        Some(0),
        "the gate accepts what bump wrote: {out}{err}"
    );
}

#[test]
fn a_service_gets_one_version_and_its_documents_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = |v: &str| {
        format!(
            "services:\n  orders:\n    version: {v}   # one version for the service\n    contracts:\n{}{}{}{}",
            entry("grpc", ""),
            entry("events", ""),
            "      - name: orders/openapi\n        path: api/openapi.yaml\n",
            "      - name: orders/json\n        path: api/openapi.json\n",
        )
    };
    sides(
        dir.path(),
        &[("grpc", Change::Delete), ("events", Change::Add)],
        &manifest("1.2.0"),
        &manifest("1.2.0"),
    );
    let yaml = "openapi: 3.0.3\ninfo:\n  title: Orders\n  version: '1.2.0' # kept in step with treaty.yaml\n  description: The orders API.\npaths: {}\n";
    let json_doc = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"Orders\", \"version\": \"1.2.0\"},\n  \"paths\": {}\n}\n";
    for side in ["old", "new"] {
        write(&dir.path().join(side), "api/openapi.yaml", yaml);
        write(&dir.path().join(side), "api/openapi.json", json_doc);
    }
    let new = dir.path().join("new");
    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--format", "json"]);
    assert_eq!(code, Some(1), "{out}{err}");
    let v = json(&out);
    let service = place(&v, "orders");
    assert_eq!(service["place"], "service");
    assert_eq!(service["required_bump"], "major");
    assert_eq!(
        service["next_version"], "2.0.0",
        "the largest over its contracts"
    );
    let contracts: Vec<&str> = service["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        contracts,
        [
            "events/proto",
            "grpc/proto",
            "orders/json",
            "orders/openapi"
        ]
    );
    let documents: Vec<&Value> = v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["place"] == "document")
        .collect();
    assert_eq!(documents.len(), 2, "{v:#}");
    assert!(documents.iter().all(|d| d["next_version"] == "2.0.0"));
    // No contract of the service has a place of its own.
    assert!(
        !v["versions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["place"] == "contract")
    );

    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--write"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(
        fs::read_to_string(new.join("treaty.yaml")).unwrap(),
        manifest("2.0.0")
    );
    assert_eq!(
        fs::read_to_string(new.join("api/openapi.yaml")).unwrap(),
        yaml.replace("1.2.0", "2.0.0")
    );
    assert_eq!(
        fs::read_to_string(new.join("api/openapi.json")).unwrap(),
        json_doc.replace("1.2.0", "2.0.0")
    );
    // lint finds the documents in step with the service.
    let (_, out, err) = treaty(&new, &["lint", "--format", "json"]);
    let lint = json(&out);
    assert!(
        !lint["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "service-version-mismatch"),
        "{out}{err}"
    );
    let (code, out, err) = treaty(&new, &["check", "--against", "../old"]);
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn a_service_needs_the_largest_of_its_contracts_bumps() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = |v: &str| {
        format!(
            "services:\n  orders:\n    version: \"{v}\"\n    contracts:\n{}{}",
            entry("a", ""),
            entry("b", "")
        )
    };
    sides(
        dir.path(),
        &[("a", Change::Add), ("b", Change::None)],
        &manifest("0.4.2"),
        &manifest("0.4.2"),
    );
    let new = dir.path().join("new");
    let (code, out, err) = treaty(
        &new,
        &["bump", "--against", "../old", "--write", "--format", "json"],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let v = json(&out);
    assert_eq!(
        place(&v, "orders")["next_version"],
        "0.4.3",
        "an addition below 1.0.0 needs a new patch"
    );
    assert_eq!(v["written"], true);
    assert_eq!(
        fs::read_to_string(new.join("treaty.yaml")).unwrap(),
        manifest("0.4.3")
    );
}

#[test]
fn a_first_release_needs_no_bump() {
    let dir = tempfile::tempdir().unwrap();
    sides(
        dir.path(),
        &[("old", Change::None)],
        &format!(
            "services:\n  s:\n    contracts:\n{}",
            entry("old", "        version: 1.0.0\n")
        ),
        &format!(
            "services:\n  s:\n    contracts:\n{}",
            entry("old", "        version: 1.0.0\n")
        ),
    );
    let new = dir.path().join("new");
    write(
        &new,
        "proto/fresh/acme/fresh/v1/fresh.proto",
        &proto("fresh", BASE),
    );
    let m = fs::read_to_string(new.join("treaty.yaml")).unwrap()
        + &entry("fresh", "        version: 0.1.0\n");
    write(&new, "treaty.yaml", &m);
    let (code, out, err) = treaty(&new, &["bump", "--against", "../old", "--format", "json"]);
    assert_eq!(code, Some(0), "nothing to bump: {out}{err}");
    let v = json(&out);
    let fresh = place(&v, "fresh/proto");
    assert_eq!(fresh["old_version"], Value::Null);
    assert_eq!(fresh["next_version"], "0.1.0");
    assert!(fresh["note"].as_str().unwrap().contains("first release"));
    let (code, out, _) = treaty(&new, &["bump", "--against", "../old"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("every declared version covers its changes"),
        "{out}"
    );
}

#[test]
fn errors_exit_2_and_leave_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let m = format!(
        "services:\n  s:\n    contracts:\n{}",
        entry("a", "        version: 1.0.0\n")
    );
    sides(dir.path(), &[("a", Change::Delete)], &m, &m);
    let new = dir.path().join("new");
    let (code, _, err) = treaty(&new, &["bump", "--against", "../missing", "--write"]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(fs::read_to_string(new.join("treaty.yaml")).unwrap(), m);
}
