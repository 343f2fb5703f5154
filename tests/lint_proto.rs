//! The protobuf loader and buf's lint rules, over the fixtures.
//!
//! `fixtures/lint/proto/<RULE_ID>/` holds a small module (a `buf.yaml` v2 selecting the rules, the
//! `.proto` files), the findings expected (`expected.txt`, hand-written), and buf's own output on
//! it (`buf.json`, from `buf lint --error-format json`). A directory `<RULE_ID>.<variant>` covers a
//! configuration option or suppression comments; a directory `_name` mixes many rules (its only
//! reference is buf). Treaty must report exactly `expected.txt`, and the same (rule, file, line,
//! column) as buf except for the differences listed in `fixtures/lint/proto/DIFFERENCES.md`.
//! `fixtures/load/proto/` holds loader inputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use treaty::diag::LoadErrors;
use treaty::formats::{self, ContractSpec, LoadCx};
use treaty::lint::LintConfig;
use treaty::model::{Contract, ContractKind, OperationKind};
use treaty::report::Location;
use treaty::source::SourceMap;
use treaty::workspace::Workspace;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn proto_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "proto"))
        .collect();
    files.sort();
    files
}

fn spec(name: &str, files: Vec<PathBuf>, roots: Vec<PathBuf>) -> ContractSpec {
    ContractSpec {
        name: name.to_string(),
        service: None,
        kind: ContractKind::Proto,
        files,
        roots,
        excludes: Vec::new(),
        version: None,
    }
}

/// Loads every .proto file under `dir` as one contract rooted at `dir`.
fn load_dir(dir: &Path) -> (SourceMap, Result<Contract, LoadErrors>) {
    let mut sources = SourceMap::new();
    let result = {
        let mut cx = LoadCx::new(&mut sources, dir);
        formats::load(
            &mut cx,
            &spec("fixture", proto_files(dir), vec![dir.to_path_buf()]),
        )
    };
    (sources, result)
}

/// The `lint:` section of a fixture's buf.yaml.
fn lint_config(dir: &Path) -> LintConfig {
    let text = std::fs::read_to_string(dir.join("buf.yaml")).expect("buf.yaml");
    let yaml: yaml_serde::Value = yaml_serde::from_str(&text).expect("buf.yaml parses");
    assert_eq!(
        yaml.get("version").and_then(|v| v.as_str()),
        Some("v2"),
        "{}",
        dir.display()
    );
    let lint = yaml.get("lint").cloned().expect("a lint section");
    yaml_serde::from_value(lint).expect("a valid lint section")
}

/// `RULE file:line:column` for every proto lint finding of the fixture, sorted.
fn treaty_findings(dir: &Path) -> Vec<String> {
    let (sources, contract) = load_dir(dir);
    let contract = contract.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let ws = Workspace {
        root: dir.to_path_buf(),
        sources,
        contracts: vec![contract],
        lint: lint_config(dir),
        ..Workspace::default()
    };
    let proto_ids: Vec<&str> = treaty::lint::proto::RULES.iter().map(|r| r.id).collect();
    let mut out: Vec<String> = treaty::lint::run(&ws, &ws.lint)
        .into_iter()
        .filter(|f| proto_ids.contains(&f.rule))
        .map(|f| {
            let at = Location::of(&ws.sources, f.new.expect("lint findings have a location"));
            format!("{} {}:{}:{}", f.rule, at.file, at.line, at.column)
        })
        .collect();
    out.sort();
    out
}

fn expected(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut out: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

/// buf's findings from the recorded `buf lint --error-format json`.
fn buf_findings(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("buf.json")).expect("buf.json");
    let mut out: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            format!(
                "{} {}:{}:{}",
                v["type"].as_str().unwrap(),
                v["path"].as_str().unwrap(),
                v["start_line"],
                v["start_column"]
            )
        })
        .collect();
    out.sort();
    out
}

/// The rows of DIFFERENCES.md: fixture → (findings only treaty reports, findings only buf reports).
fn differences() -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let text = std::fs::read_to_string(fixtures().join("lint/proto/DIFFERENCES.md"))
        .expect("DIFFERENCES.md");
    let mut out: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | fixture | only in | `finding` | why |
        if cells.len() < 5 || !cells[3].starts_with('`') {
            continue;
        }
        let entry = out.entry(cells[1].to_string()).or_default();
        let finding = cells[3].trim_matches('`').to_string();
        match cells[2] {
            "treaty" => entry.0.push(finding),
            "buf" => entry.1.push(finding),
            other => panic!("DIFFERENCES.md: `only in` must be treaty or buf, not {other}"),
        }
    }
    out
}

/// Multiset difference `a - b`.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest = b.to_vec();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| y == x) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(x.clone()),
        }
    }
    out.sort();
    out
}

fn lint_fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures().join("lint/proto"))
        .expect("fixtures/lint/proto")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_fixture_reports_exactly_its_expected_findings_and_agrees_with_buf() {
    let diffs = differences();
    let mut failures = Vec::new();
    for dir in lint_fixture_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let got = treaty_findings(&dir);
        // `_name` directories mix many rules and are checked against buf alone.
        let want = if name.starts_with('_') {
            got.clone()
        } else {
            expected(&dir)
        };
        if got != want {
            failures.push(format!(
                "{name}: treaty reported\n  {got:?}\nbut expected.txt says\n  {want:?}"
            ));
        }
        let buf = buf_findings(&dir);
        let (treaty_only, buf_only) = diffs.get(&name).cloned().unwrap_or_default();
        let (mut treaty_only, mut buf_only) = (treaty_only, buf_only);
        treaty_only.sort();
        buf_only.sort();
        let (t, b) = (minus(&got, &buf), minus(&buf, &got));
        if t != treaty_only || b != buf_only {
            failures.push(format!(
                "{name}: against buf, treaty alone reports {t:?} and buf alone {b:?}; DIFFERENCES.md lists {treaty_only:?} and {buf_only:?}"
            ));
        }
    }
    for name in diffs.keys() {
        if !fixtures().join("lint/proto").join(name).is_dir() {
            failures.push(format!(
                "DIFFERENCES.md names a fixture that does not exist: {name}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_proto_rule_is_documented_and_has_a_fixture() {
    let rules = treaty::lint::proto::RULES;
    assert_eq!(
        rules.len(),
        46,
        "buf has 46 lint rules (v2, deprecated included)"
    );
    let dirs: Vec<String> = lint_fixture_dirs()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for rule in rules {
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(rule.doc.contains(section), "{} lacks `{section}`", rule.id);
        }
        assert!(rule.formats == [ContractKind::Proto], "{}", rule.id);
        assert_eq!(rule.severity, treaty::diag::Severity::Error, "{}", rule.id);
        // buf's default set is STANDARD (DEFAULT is its old name): on exactly when listed there.
        assert_eq!(
            rule.default,
            rule.categories.contains(&"STANDARD"),
            "{}",
            rule.id
        );
        assert_eq!(
            rule.categories.contains(&"DEFAULT"),
            rule.categories.contains(&"STANDARD"),
            "{}",
            rule.id
        );
        assert!(
            treaty::lint::registry::find(rule.id).is_some_and(|r| std::ptr::eq(r, *rule)),
            "{} is not in the registry",
            rule.id
        );
        if rule.id == "PROTOVALIDATE" {
            assert!(matches!(rule.check, treaty::lint::Check::None));
            continue;
        }
        assert!(
            dirs.iter().any(|d| d == rule.id),
            "{} has no fixture directory",
            rule.id
        );
    }
    for d in dirs.iter().filter(|d| !d.starts_with('_')) {
        let id = d.split('.').next().unwrap();
        assert!(
            rules.iter().any(|r| r.id == id),
            "fixture {d} names no rule"
        );
    }
}

#[test]
fn categories_nest_as_in_buf() {
    for rule in treaty::lint::proto::RULES {
        let c = rule.categories;
        if c.contains(&"MINIMAL") {
            assert!(c.contains(&"BASIC"), "{}", rule.id);
        }
        if c.contains(&"BASIC") {
            assert!(c.contains(&"STANDARD"), "{}", rule.id);
        }
    }
    let count = |cat: &str| {
        treaty::lint::proto::RULES
            .iter()
            .filter(|r| r.categories.contains(&cat))
            .count()
    };
    assert_eq!(
        (count("MINIMAL"), count("BASIC"), count("STANDARD")),
        (5, 26, 35)
    );
    assert_eq!((count("COMMENTS"), count("UNARY_RPC")), (7, 2));
}

// ---------------------------------------------------------------------------------------------
// The loader.

fn load_fixture(rel: &str) -> (SourceMap, Result<Contract, LoadErrors>) {
    load_dir(&fixtures().join("load/proto").join(rel))
}

fn line_of(sources: &SourceMap, span: treaty::source::Span) -> u32 {
    sources.line_col(span).line
}

#[test]
fn proto3_operations_carry_streaming_idempotency_docs_and_spans() {
    let (sources, c) = load_fixture("proto3");
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.kind, ContractKind::Proto);
    assert_eq!(c.spec_version, "proto3");
    assert_eq!(
        c.files.len(),
        1,
        "the timestamp import is not one of the contract's files"
    );
    let proto = c.proto.as_ref().unwrap();
    assert_eq!(proto.files[0].name, "shop/v1/shop.proto");
    assert!(
        proto
            .descriptors
            .file
            .iter()
            .any(|f| f.name() == "google/protobuf/timestamp.proto"),
        "the well-known import is compiled"
    );
    let keys: Vec<&str> = c.operations.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "rpc:shop.v1.ShopService.GetOrder",
            "rpc:shop.v1.ShopService.UploadItems",
            "rpc:shop.v1.ShopService.WatchOrders",
            "rpc:shop.v1.ShopService.Chat"
        ]
    );
    let rpc = |i: usize| match &c.operations[i].kind {
        OperationKind::Rpc {
            service,
            method,
            input,
            output,
            client_streaming,
            server_streaming,
            idempotency,
        } => (
            service.as_str(),
            method.as_str(),
            input.as_str(),
            output.as_str(),
            *client_streaming,
            *server_streaming,
            idempotency.as_deref(),
        ),
        other => panic!("not an rpc: {other:?}"),
    };
    assert_eq!(
        rpc(0),
        (
            "shop.v1.ShopService",
            "GetOrder",
            "shop.v1.GetOrderRequest",
            "shop.v1.GetOrderResponse",
            false,
            false,
            Some("NO_SIDE_EFFECTS")
        )
    );
    assert_eq!((rpc(1).4, rpc(1).5, rpc(1).6), (true, false, None));
    assert_eq!(
        (rpc(2).4, rpc(2).5, rpc(2).6),
        (false, true, Some("IDEMPOTENT"))
    );
    assert_eq!((rpc(3).4, rpc(3).5, rpc(3).6), (true, true, None));
    assert!(c.operations[3].deprecated);
    assert_eq!(c.operations[0].summary.as_deref(), Some("Gets an order."));
    assert_eq!(
        c.operations[0].description.as_deref(),
        Some("Gets an order.\n\nSafe to retry.")
    );
    assert_eq!(c.operations[3].summary, None);
    // Spans point at the rpc statements and their names.
    assert_eq!(
        c.operations
            .iter()
            .map(|o| line_of(&sources, o.span))
            .collect::<Vec<_>>(),
        [12, 16, 18, 21]
    );
    let name = c.operations[2].id_span.unwrap();
    let text = &sources.get(name.file).text[name.start as usize..name.end as usize];
    assert_eq!(text, "WatchOrders");
    let lc = sources.line_col(name);
    assert_eq!((lc.line, lc.column), (18, 7));
}

#[test]
fn proto2_files_load_with_groups_extensions_and_defaults() {
    let (_, c) = load_fixture("proto2");
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.spec_version, "proto2");
    let proto = c.proto.as_ref().unwrap();
    let fd = &proto.descriptors.file[proto.files[0].index];
    assert_eq!(fd.extension[0].name(), "tag");
    assert_eq!(fd.message_type[0].field[1].default_value(), "7");
    assert_eq!(fd.message_type[0].nested_type[0].name(), "Extra");
}

#[test]
fn editions_are_refused_with_a_located_error_since_protox_cannot_compile_them() {
    let (_, c) = load_fixture("editions");
    let e = &c.expect_err("protox 0.10 has no editions support").0[0];
    assert_eq!(e.code, "treaty::proto::syntax");
    assert_eq!(e.path.as_deref(), Some("editions.proto"));
    assert_eq!(e.line_col(), Some((1, 1)));
}

#[test]
fn imports_resolve_across_roots_and_only_own_files_are_linted() {
    let base = fixtures().join("load/proto/two_roots");
    let mut sources = SourceMap::new();
    let c = {
        let mut cx = LoadCx::new(&mut sources, &base);
        formats::load(
            &mut cx,
            &spec(
                "two_roots",
                proto_files(&base.join("api")),
                vec![base.join("api"), base.join("vendor")],
            ),
        )
    };
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    let proto = c.proto.as_ref().unwrap();
    assert_eq!(proto.files.len(), 1);
    assert_eq!(proto.files[0].name, "shop/v1/order.proto");
    assert!(
        proto
            .descriptors
            .file
            .iter()
            .any(|f| f.name() == "common/v1/money.proto")
    );
    // The vendored file is registered (so anything pointing into it renders) but not linted.
    assert!(
        sources
            .files()
            .any(|(_, f)| f.display == "vendor/common/v1/money.proto")
    );
    let ws = Workspace {
        root: base.clone(),
        sources,
        contracts: vec![c],
        ..Workspace::default()
    };
    let findings = treaty::lint::run(&ws, &LintConfig::default());
    let own = &ws.contracts[0].files;
    assert!(
        findings
            .iter()
            .all(|f| f.new.is_some_and(|s| own.contains(&s.file))),
        "imports are never linted: {findings:?}"
    );
    // The vendored `message money` would break MESSAGE_PASCAL_CASE if it were linted.
    assert!(
        !findings.iter().any(|f| f.rule == "MESSAGE_PASCAL_CASE"),
        "{findings:?}"
    );
}

#[test]
fn a_file_outside_every_root_is_a_clear_error() {
    let base = fixtures().join("load/proto/two_roots");
    let mut sources = SourceMap::new();
    let mut cx = LoadCx::new(&mut sources, &base);
    let err = formats::load(
        &mut cx,
        &spec(
            "x",
            proto_files(&base.join("api")),
            vec![base.join("vendor")],
        ),
    )
    .expect_err("api/ is not a root");
    assert_eq!(err.0[0].code, "treaty::proto::outside-roots");
    assert_eq!(err.0[0].path.as_deref(), Some("api/shop/v1/order.proto"));
}

#[test]
fn excluded_files_are_left_out() {
    let base = fixtures().join("lint/proto/IMPORT_NO_PUBLIC");
    let mut sources = SourceMap::new();
    let mut cx = LoadCx::new(&mut sources, &base);
    let mut s = spec("x", proto_files(&base), vec![base.clone()]);
    s.excludes = vec![base.join("foo/v1/a.proto")];
    let c = formats::load(&mut cx, &s).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = c
        .proto
        .as_ref()
        .unwrap()
        .files
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["foo/v1/b.proto"]);
}

/// Compiling each broken file gives one error with a stable code, at the right place.
#[test]
fn compile_errors_are_located_and_coded() {
    for (dir, code, line, col, message) in [
        (
            "unresolved_import",
            "treaty::proto::unresolved-import",
            5,
            1,
            "import 'does/not/exist.proto' not found",
        ),
        (
            "duplicate_field",
            "treaty::proto::duplicate-field-number",
            7,
            18,
            "field number '1' is already used",
        ),
        ("syntax", "treaty::proto::syntax", 7, 1, "expected ';'"),
        (
            "unknown_type",
            "treaty::proto::unresolved-type",
            6,
            3,
            "name 'Missing' is not defined",
        ),
    ] {
        let (_, c) = load_fixture(&format!("errors/{dir}"));
        let errors = c.expect_err(dir).0;
        assert_eq!(errors.len(), 1, "{dir}: {errors:?}");
        let e = &errors[0];
        assert_eq!(e.code, code, "{dir}");
        assert_eq!(e.path.as_deref(), Some("broken.proto"), "{dir}");
        assert_eq!(e.line_col(), Some((line, col)), "{dir}: {e}");
        assert!(e.message.contains(message), "{dir}: {}", e.message);
    }
}

#[test]
fn suppression_comments_cover_their_element() {
    let dir = fixtures().join("lint/proto/FIELD_LOWER_SNAKE_CASE.ignore_comments");
    let (sources, c) = load_dir(&dir);
    let c = c.unwrap();
    let lines: Vec<(u32, Vec<String>)> = c
        .suppressions
        .iter()
        .map(|s| (line_of(&sources, s.span), s.rules.clone()))
        .collect();
    let rule = |r: &str| vec![r.to_string()];
    assert!(
        lines.contains(&(6, rule("FIELD_LOWER_SNAKE_CASE"))),
        "{lines:?}"
    );
    assert!(
        lines.contains(&(24, rule("FIELD_LOWER_SNAKE_CASE"))),
        "treaty:ignore: {lines:?}"
    );
    // The trailing buf comment on line 13 and the detached one above line 16 suppress nothing.
    assert!(
        !lines.iter().any(|(l, _)| *l == 13 || *l == 16),
        "{lines:?}"
    );
    let proto = c.proto.as_ref().unwrap();
    assert_eq!(
        proto.lint_ignores.len(),
        c.suppressions.len() - 1,
        "all but the treaty:ignore"
    );
}

/// Loads and lints all of googleapis when the corpus is there (`../shared/corpus/proto/googleapis`
/// beside the repository, or `TREATY_GOOGLEAPIS`), and prints the times. Run it in release:
/// `cargo test --release --test lint_proto -- --ignored googleapis --nocapture`.
#[test]
#[ignore]
fn googleapis_loads_and_lints() {
    let dir = std::env::var_os("TREATY_GOOGLEAPIS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/proto/googleapis")
        });
    if !dir.is_dir() {
        eprintln!("skipped: no googleapis at {}", dir.display());
        return;
    }
    let start = std::time::Instant::now();
    let (sources, c) = load_dir(&dir);
    let c = c.unwrap_or_else(|e| panic!("{e}"));
    let loaded = start.elapsed();
    assert!(c.files.len() > 7000, "{} files", c.files.len());
    let ws = Workspace {
        root: dir.clone(),
        sources,
        contracts: vec![c],
        ..Workspace::default()
    };
    let start = std::time::Instant::now();
    let findings = treaty::lint::run(&ws, &LintConfig::default());
    eprintln!(
        "googleapis: {} files loaded in {loaded:.2?}; {} findings (STANDARD) in {:.2?}",
        ws.contracts[0].files.len(),
        findings.len(),
        start.elapsed()
    );
}

mod no_panic {
    use proptest::prelude::*;

    const SEED: &str = "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/empty.proto\";\nmessage A { string b = 1; map<string, A> m = 2; oneof o { int32 c = 3; } }\nenum E { E_UNSPECIFIED = 0; }\nservice S { rpc R(A) returns (stream google.protobuf.Empty) { option idempotency_level = IDEMPOTENT; } }\n";

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

        /// Any edit of a valid file loads or fails with errors; it never panics.
        #[test]
        fn mangled_files_never_panic(cut in 0usize..400, len in 0usize..40, insert in "[ -~\n{};=\"]{0,12}") {
            let dir = tempfile::tempdir().unwrap();
            let mut text = SEED.to_string();
            let start = cut.min(text.len());
            let end = (start + len).min(text.len());
            text.replace_range(start..end, &insert);
            std::fs::create_dir_all(dir.path().join("a/v1")).unwrap();
            std::fs::write(dir.path().join("a/v1/a.proto"), &text).unwrap();
            let (sources, result) = super::load_dir(dir.path());
            if let Ok(c) = result {
                let ws = treaty::workspace::Workspace { sources, contracts: vec![c], ..Default::default() };
                let _ = treaty::lint::run(&ws, &treaty::lint::LintConfig::default());
            }
        }
    }
}
