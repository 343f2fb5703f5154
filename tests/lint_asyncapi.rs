//! The AsyncAPI and convention lint rules over their fixtures.
//!
//! Each directory `fixtures/lint/asyncapi/<rule-id>/` holds a minimal workspace (one document, or
//! two for a workspace rule) that violates exactly that rule, and `expected.txt` with one line
//! `RULE_ID file:line:column` per finding. The test loads the documents as contracts of one
//! workspace, runs every lint rule with the default configuration, and asserts exactly the
//! expected findings.

use std::path::{Path, PathBuf};

use treaty::formats::{ContractSpec, LoadCx};
use treaty::lint::{LintConfig, registry};
use treaty::model::ContractKind;
use treaty::report::Location;
use treaty::source::SourceMap;
use treaty::workspace::Workspace;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/asyncapi")
}

/// Further workspaces for the cross-service rule (not one per rule).
fn workspace_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/workspace")
}

/// Loads every YAML/JSON document of `dir` (sorted by name) as a contract of its own service.
fn workspace(dir: &Path) -> Workspace {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml" | "json")
            )
        })
        .collect();
    files.sort();
    let mut sources = SourceMap::new();
    let mut contracts = Vec::new();
    {
        let mut cx = LoadCx::new(&mut sources, dir);
        for file in files {
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            let spec = ContractSpec {
                name: stem.clone(),
                service: Some(stem),
                kind: ContractKind::Asyncapi,
                files: vec![file.clone()],
                roots: Vec::new(),
                excludes: Vec::new(),
                version: None,
            };
            match treaty::formats::load(&mut cx, &spec) {
                Ok(c) => contracts.push(c),
                Err(e) => panic!("{} does not load:\n{e}", file.display()),
            }
        }
    }
    Workspace {
        root: dir.to_path_buf(),
        sources,
        contracts,
        ..Default::default()
    }
}

/// `RULE file:line:column` for every finding, sorted.
fn findings(ws: &Workspace) -> Vec<String> {
    let mut out: Vec<String> = treaty::lint::run(ws, &LintConfig::default())
        .iter()
        .map(|f| {
            let at = Location::of(&ws.sources, f.new.expect("lint findings are located"));
            format!("{} {}:{}:{}", f.rule, at.file, at.line, at.column)
        })
        .collect();
    out.sort();
    out
}

fn expected(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default();
    let mut out: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

fn our_rules() -> Vec<&'static str> {
    registry::all()
        .iter()
        .filter(|r| r.id.starts_with("asyncapi-") || r.id.starts_with("convention-"))
        .map(|r| r.id)
        .collect()
}

#[test]
fn each_fixture_gives_exactly_its_findings() {
    let mut failures = Vec::new();
    for rule in our_rules() {
        let dir = fixtures().join(rule);
        let ws = workspace(&dir);
        let (got, want) = (findings(&ws), expected(&dir));
        if got != want {
            failures.push(format!("{rule}:\n  expected {want:#?}\n  got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn point_to_point_receivers_count_replies_and_skip_run_time_addresses() {
    for case in ["no-receiver", "replies"] {
        let dir = workspace_fixtures().join(case);
        assert_eq!(findings(&workspace(&dir)), expected(&dir), "{case}");
    }
}

#[test]
fn every_rule_has_a_fixture_that_fires_only_that_rule() {
    let rules = our_rules();
    assert_eq!(rules.len(), 12, "{rules:?}");
    for rule in &rules {
        let want = expected(&fixtures().join(rule));
        assert!(!want.is_empty(), "{rule}: expected.txt lists no finding");
        for line in &want {
            assert!(
                line.starts_with(&format!("{rule} ")),
                "{rule}: {line} names another rule"
            );
        }
    }
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            rules.contains(&name.as_str()),
            "fixture {name} names no rule"
        );
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in registry::all()
        .iter()
        .filter(|r| our_rules().contains(&r.id))
    {
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(rule.doc.contains(section), "{} lacks `{section}`", rule.id);
        }
    }
}
