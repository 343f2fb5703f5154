//! The OpenAPI lint rules over their fixtures: `fixtures/lint/openapi/<rule-id>/openapi.yaml`
//! violates exactly that rule, at the places `expected.txt` lists (`RULE_ID file:line:column`).
//! `TREATY_BLESS=1 cargo test --test lint_openapi` rewrites the expected files from the findings.

use std::path::{Path, PathBuf};

use treaty::formats::{ContractSpec, LoadCx};
use treaty::lint::LintConfig;
use treaty::model::ContractKind;
use treaty::report::Location;
use treaty::source::SourceMap;
use treaty::workspace::Workspace;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/openapi")
}

/// Loads `root/openapi.yaml` into a workspace of its own.
fn workspace(root: &Path) -> Workspace {
    let mut sources = SourceMap::new();
    let contract = {
        let mut cx = LoadCx::new(&mut sources, root);
        let spec = ContractSpec {
            name: "api".into(),
            service: None,
            kind: ContractKind::Openapi,
            files: vec![root.join("openapi.yaml")],
            roots: Vec::new(),
            excludes: Vec::new(),
            version: None,
        };
        match treaty::formats::load(&mut cx, &spec) {
            Ok(c) => c,
            Err(e) => panic!("{}: {e}", root.display()),
        }
    };
    Workspace {
        root: root.to_path_buf(),
        sources,
        contracts: vec![contract],
        ..Default::default()
    }
}

/// The OpenAPI rules' findings as `RULE_ID file:line:column` lines, with their messages.
fn findings(ws: &Workspace) -> Vec<(String, String)> {
    let ours: Vec<&str> = treaty::lint::openapi::RULES.iter().map(|r| r.id).collect();
    treaty::lint::run(ws, &LintConfig::default())
        .into_iter()
        .filter(|f| ours.contains(&f.rule))
        .map(|f| {
            let at = Location::of(&ws.sources, f.new.unwrap());
            (
                format!("{} {}:{}:{}", f.rule, at.file, at.line, at.column),
                f.message,
            )
        })
        .collect()
}

#[test]
fn every_rule_fires_exactly_where_its_fixture_says() {
    for rule in treaty::lint::openapi::RULES {
        let dir = fixtures().join(rule.id);
        let expected = std::fs::read_to_string(dir.join("expected.txt"))
            .unwrap_or_else(|_| panic!("rule {} has no fixture at {}", rule.id, dir.display()));
        let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        let got = findings(&workspace(&dir));
        let lines: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
        if std::env::var_os("TREATY_BLESS").is_some() {
            let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
            std::fs::write(dir.join("expected.txt"), text).unwrap();
            continue;
        }
        assert_eq!(lines, expected, "{}: {got:#?}", rule.id);
        assert!(lines.iter().all(|l| l.starts_with(rule.id)), "{}", rule.id);
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in treaty::lint::openapi::RULES {
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(rule.doc.contains(section), "{} lacks `{section}`", rule.id);
        }
        assert!(rule.formats == [ContractKind::Openapi], "{}", rule.id);
        assert_eq!(
            treaty::lint::registry::find(rule.id).map(|r| r.id),
            Some(rule.id)
        );
    }
}

#[test]
fn messages_name_the_failing_instance_path() {
    let got = findings(&workspace(&fixtures().join("example-valid")));
    let messages: Vec<&str> = got.iter().map(|(_, m)| m.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("at `/0/total`") && m.contains("example `bad`")),
        "{messages:#?}"
    );
}

#[test]
fn x_treaty_ignore_silences_a_rule_on_its_element() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("openapi.yaml"),
        "openapi: 3.1.0\n\
         info: {title: t, version: 1.0.0}\n\
         paths:\n\
         \x20 /a:\n\
         \x20   get:\n\
         \x20     x-treaty-ignore: [operation-id-missing]\n\
         \x20     responses: {'200': {description: ok}}\n\
         \x20   post:\n\
         \x20     responses: {'200': {description: ok}}\n\
         components:\n\
         \x20 schemas:\n\
         \x20   Unused:\n\
         \x20     x-treaty-ignore: component-unused\n\
         \x20     type: object\n",
    )
    .unwrap();
    let got = findings(&workspace(dir.path()));
    let lines: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
    // `get` is silenced, `post` is not; the unused schema is silenced.
    assert_eq!(lines, ["operation-id-missing openapi.yaml:8:5"]);
}
