//! `treaty check --against IMAGE`: an earlier revision given as a protobuf image, as `buf build -o
//! image.binpb` writes it. The images under fixtures/images were built by buf itself
//! (fixtures/images/make.sh records how).
//!
//! An image must find what the directory it was built from finds: the same rules at the same
//! new-side locations, for the FTGO workspace (binary, gzip, JSON, and without source info) and
//! for the old side of every protobuf breaking fixture. Old-side locations come from the image's
//! source info (line and column, no excerpt), or are the file alone without it. Images that are
//! not images are tool errors (exit 2) with a message, never a panic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use treaty::compat::{BreakingConfig, CheckOptions, check};
use treaty::report::{Finding, Location};
use treaty::workspace::Workspace;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn treaty(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("treaty")
        .unwrap()
        .current_dir(root())
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

/// Rules that compare the versions treaty.yaml declares: an image declares none.
fn is_version_policy(rule: &str) -> bool {
    rule.starts_with("version-")
}

/// The findings of `check --format json` as `(rule, contract, new location)`, less the version
/// policy, with the old locations apart.
fn findings(out: &str) -> (Vec<(String, String, Value)>, Vec<Value>) {
    let v = json(out);
    let mut found = Vec::new();
    let mut old = Vec::new();
    for f in v["findings"].as_array().unwrap() {
        let rule = f["rule"].as_str().unwrap().to_string();
        if is_version_policy(&rule) {
            continue;
        }
        found.push((
            rule,
            f["contract"].as_str().unwrap().to_string(),
            f["new"].clone(),
        ));
        old.push(f["old"].clone());
    }
    (found, old)
}

/// The same, of protobuf contracts only: the directory holds every kind of contract.
fn proto_findings(out: &str) -> (Vec<(String, String, Value)>, Vec<Value>) {
    let (found, old) = findings(out);
    found
        .into_iter()
        .zip(old)
        .filter(|((_, contract, _), _)| contract.ends_with("/proto"))
        .unzip()
}

fn check_against(reference: &str, format: &str) -> (Option<i32>, String, String) {
    treaty(&["check", "--against", reference, "--format", format])
}

#[test]
fn the_ftgo_image_finds_what_its_directory_finds() {
    let (dir_code, dir_out, err) = check_against("fixtures/ftgo/r2", "json");
    assert_eq!(dir_code, Some(1), "{err}");
    let (want, want_old) = proto_findings(&dir_out);
    assert!(
        want.iter().any(|(rule, ..)| rule == "FIELD_NO_DELETE"),
        "{want:?}"
    );
    for image in ["ftgo-r2.binpb", "ftgo-r2.binpb.gz", "ftgo-r2.json"] {
        let reference = format!("fixtures/images/{image}");
        let (code, out, err) = check_against(&reference, "json");
        assert_eq!(code, dir_code, "{image}: {err}");
        let (got, got_old) = findings(&out);
        assert_eq!(got, want, "{image}");
        // Old locations: the same line and column, in the image's file of the same name.
        for (g, w) in got_old.iter().zip(&want_old) {
            let wfile = w["file"].as_str().unwrap();
            let name = wfile.rsplit_once("/proto/").unwrap().1;
            assert_eq!(g["file"], format!("{reference}#{name}"), "{image}");
            assert_eq!((&g["line"], &g["column"]), (&w["line"], &w["column"]));
        }
        // Only protobuf contracts are compared with an image.
        let out = json(&out);
        let verdicts: Vec<&str> = out["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["contract"].as_str().unwrap())
            .collect();
        assert_eq!(verdicts, ["common/proto", "order/proto"], "{image}");
    }
}

#[test]
fn an_image_without_source_info_points_at_its_files() {
    let (_, dir_out, _) = check_against("fixtures/ftgo/r2", "json");
    let reference = "fixtures/images/ftgo-r2-nosrc.binpb";
    let (code, out, err) = check_against(reference, "json");
    assert_eq!(code, Some(1), "{err}");
    let (got, old) = findings(&out);
    assert_eq!(got, proto_findings(&dir_out).0);
    for o in old {
        assert_eq!(
            o["file"],
            format!("{reference}#ftgo/order/v1/order_service.proto")
        );
        assert_eq!(
            (o["line"].as_u64(), o["column"].as_u64()),
            (Some(1), Some(1))
        );
    }

    // Human output names the file without a line, and shows no excerpt of it.
    let (_, human, _) = check_against(reference, "human");
    let line = format!("was: {reference}#ftgo/order/v1/order_service.proto (before)");
    assert!(human.contains(&line), "{human}");
    assert!(!human.contains(&format!("[{reference}#")), "{human}");

    // SARIF claims no region in a file whose positions are unknown.
    let (_, sarif, _) = check_against(reference, "sarif");
    let sarif = json(&sarif);
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        for l in r["relatedLocations"].as_array().into_iter().flatten() {
            assert!(l["physicalLocation"].get("region").is_none(), "{l}");
        }
    }
}

#[test]
fn old_locations_in_an_image_render_without_excerpts() {
    let reference = "fixtures/images/ftgo-r2.binpb";
    let (code, human, err) = check_against(reference, "human");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        human.contains(&format!(
            "was: {reference}#ftgo/order/v1/order_service.proto:90:3 (before)"
        )),
        "{human}"
    );
    // No excerpt of the stand-in text: no source window opens on an image file.
    assert!(!human.contains(&format!("[{reference}#")), "{human}");
    assert!(human.contains("order/proto: (no version) → 1.2.0: needs major"));

    let (_, sarif, _) = check_against(reference, "sarif");
    let sarif = json(&sarif);
    let related: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["relatedLocations"].as_array())
        .flatten()
        .collect();
    assert!(!related.is_empty());
    for l in related {
        let uri = l["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with(&format!("{reference}#")), "{uri}");
        assert!(l["physicalLocation"]["region"]["startLine"].as_u64() > Some(1));
    }
}

#[test]
fn images_that_are_not_images_are_tool_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(root().join("fixtures/images/ftgo-r2.binpb")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.binpb",
            good[..good.len() / 2].to_vec(),
            "truncated",
        ),
        (
            "garbage.binpb.gz",
            b"\x1f\x8b\x08\x00not gzip at all".to_vec(),
            "cannot be decompressed",
        ),
        (
            "notes.txt",
            b"these are notes\n".to_vec(),
            "not a protobuf image",
        ),
        ("empty.binpb", Vec::new(), "empty"),
        ("broken.json", b"{\"file\": [".to_vec(), "not JSON"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = check_against(path.to_str().unwrap(), "human");
        assert_eq!(code, Some(2), "{name}: {out}{err}");
        assert!(err.contains("treaty::revision::image"), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn files_the_workspace_lacks_are_a_removed_contract_or_only_imports() {
    // buf marks `a.proto` (package `treaty.fixture.v1`) as a file of the module it was built from, and no
    // contract of the FTGO workspace has that file, its package or its directory.
    let (code, out, err) = check_against("fixtures/images/breaking/FIELD_NO_DELETE.binpb", "json");
    assert_eq!(code, Some(1), "{err}");
    let out = json(&out);
    let rules: Vec<(&str, &str)> = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["contract"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, [("contract-removed", "treaty.fixture.v1")]);

    // An image without buf's marks (as protoc writes them): such files are taken for imports,
    // and with nothing left to compare the image is refused.
    use prost::Message;
    let set = prost_types::FileDescriptorSet {
        file: vec![prost_types::FileDescriptorProto {
            name: Some("other/v1/other.proto".into()),
            package: Some("other.v1".into()),
            syntax: Some("proto3".into()),
            ..Default::default()
        }],
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.binpb");
    std::fs::write(&path, set.encode_to_vec()).unwrap();
    let (code, _, err) = check_against(path.to_str().unwrap(), "human");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("none of the image's files"), "{err}");
}

fn config_of(dir: &Path) -> BreakingConfig {
    let text = std::fs::read_to_string(dir.join("buf.yaml")).expect("buf.yaml");
    let yaml: yaml_serde::Value = yaml_serde::from_str(&text).expect("buf.yaml is YAML");
    match yaml.get("breaking") {
        Some(b) => BreakingConfig::from_yaml(b).expect("a valid breaking section"),
        None => BreakingConfig::default(),
    }
}

fn load(dir: &Path) -> Workspace {
    treaty::workspace::load_dir(dir)
        .unwrap_or_else(|e| panic!("{} does not load: {e:?}", dir.display()))
}

/// `RULE new-location old-line:old-column` per finding, sorted.
fn lines(findings: &[Finding], old: &Workspace, new: &Workspace) -> BTreeSet<String> {
    findings
        .iter()
        .map(|f| {
            let n = f.new.map(|s| {
                let l = Location::of(&new.sources, s);
                format!("{}:{}:{}", l.file, l.line, l.column)
            });
            let o = f.old.map(|s| {
                let l = Location::of(&old.sources, s);
                format!("{}:{}", l.line, l.column)
            });
            format!(
                "{} {} {}",
                f.rule,
                n.unwrap_or_default(),
                o.unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn every_breaking_fixture_finds_the_same_against_its_image() {
    let fixtures = root().join("fixtures/breaking/proto");
    let images = root().join("fixtures/images/breaking");
    let mut compared = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&images).unwrap() {
        let image = entry.unwrap().path();
        let rule = image.file_stem().unwrap().to_string_lossy().to_string();
        let dir = fixtures.join(&rule);
        let new = load(&dir.join("new"));
        let old = load(&dir.join("old"));
        let from_image = treaty::workspace::image::load(&image, &format!("{rule}.binpb"), &new)
            .unwrap_or_else(|e| panic!("{rule}: {e:?}"));
        let options = CheckOptions {
            config: config_of(&dir.join("new")),
            ..CheckOptions::default()
        };
        let want = lines(&check(&old, &new, &options).findings, &old, &new);
        let got = lines(
            &check(&from_image, &new, &options).findings,
            &from_image,
            &new,
        );
        if got != want {
            failures.push(format!("{rule}:\n  directory {want:#?}\n  image {got:#?}"));
        }
        compared += 1;
    }
    assert!(compared >= 65, "only {compared} images");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bump_refuses_an_image_which_declares_no_versions() {
    let (code, _, err) = treaty(&["bump", "--against", "fixtures/images/ftgo-r2.binpb"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("declares no versions"), "{err}");
}
