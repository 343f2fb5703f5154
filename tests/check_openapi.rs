//! OpenAPI breaking-change rules over fixtures: one old/new pair per rule under
//! `fixtures/breaking/openapi/<rule>/` (written by `generate.py` there), invariants over every
//! rule and every fixture, the schema engine's judgements end to end, and Stripe's real history.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use treaty::compat::{BreakingConfig, CheckOptions, check};
use treaty::report::Location;
use treaty::workspace::{Workspace, load_paths};

const FIXTURES: &str = "fixtures/breaking/openapi";
const TODAY: &str = "2024-06-01";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(dir: &Path, file: &str) -> Workspace {
    load_paths(&[dir.join(file)], dir).unwrap_or_else(|e| panic!("{}/{file}: {e}", dir.display()))
}

fn openapi_ids() -> BTreeSet<&'static str> {
    treaty::compat::openapi::RULES
        .iter()
        .map(|r| r.id)
        .collect()
}

/// Every fixture directory (one holding old.yaml), relative to the fixtures root, sorted.
fn fixture_dirs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(FIXTURES)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p.join("old.yaml").is_file() {
                    out.push(p.clone());
                }
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A fixture's `config.yaml`: `today` and a `breaking` section.
fn fixture_options(dir: &Path) -> CheckOptions {
    let mut options = CheckOptions {
        today: Some(TODAY.to_string()),
        ..CheckOptions::default()
    };
    let path = dir.join("config.yaml");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let v: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
        if let Some(t) = v.get("today").and_then(|t| t.as_str()) {
            options.today = Some(t.to_string());
        }
        if let Some(b) = v.get("breaking") {
            options.config = BreakingConfig::from_yaml(b).unwrap();
        }
    }
    options
}

/// The OpenAPI findings of a comparison as `RULE new_file:line:col old_file:line:col` lines.
fn findings(old: &Workspace, new: &Workspace, options: &CheckOptions) -> Vec<String> {
    let ids = openapi_ids();
    let result = check(old, new, options);
    let loc = |ws: &Workspace, span: Option<treaty::source::Span>| match span {
        Some(s) => {
            let l = Location::of(&ws.sources, s);
            format!("{}:{}:{}", l.file, l.line, l.column)
        }
        None => "-".to_string(),
    };
    let mut lines: Vec<String> = result
        .findings
        .iter()
        .filter(|f| ids.contains(f.rule))
        .map(|f| format!("{} {} {}", f.rule, loc(new, f.new), loc(old, f.old)))
        .collect();
    lines.sort();
    lines
}

fn run(dir: &Path, options: &CheckOptions) -> Vec<String> {
    findings(&load(dir, "old.yaml"), &load(dir, "new.yaml"), options)
}

fn expected(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

fn name(dir: &Path) -> String {
    dir.strip_prefix(root().join(FIXTURES))
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn each_fixture_reports_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let got = run(&dir, &fixture_options(&dir));
        let want = expected(&dir);
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", name(&dir)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Rules that legitimately report besides a fixture's own when every rule runs with the default
/// configuration, and why.
const CO_FIRING: &[(&str, &str, &str)] = &[
    // The fixture turns the deprecation period off to show the bare deprecation; with the default
    // period, a deprecation without a sunset date is reported as such.
    (
        "request-property-deprecated",
        "request-property-deprecated-sunset-missing",
        "default deprecation_days",
    ),
    (
        "response-property-deprecated",
        "response-property-deprecated-sunset-missing",
        "default deprecation_days",
    ),
];

#[test]
fn every_rule_on_every_fixture_reports_nothing_unexpected() {
    let options = CheckOptions {
        config: BreakingConfig {
            use_: vec!["OPENAPI".to_string()],
            ..BreakingConfig::default()
        },
        today: Some(TODAY.to_string()),
        ..CheckOptions::default()
    };
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let fixture = name(&dir);
        let rule_of_fixture = fixture.split('/').next().unwrap().to_string();
        let want: BTreeSet<String> = expected(&dir)
            .iter()
            .map(|l| l.split(' ').next().unwrap().to_string())
            .collect();
        for line in run(&dir, &options) {
            let rule = line.split(' ').next().unwrap();
            let allowed = CO_FIRING
                .iter()
                .any(|(f, r, _)| *f == rule_of_fixture && *r == rule);
            if !want.contains(rule) && !allowed {
                failures.push(format!("{fixture}: {line}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "unexpected findings:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_revision_compared_with_itself_has_no_findings() {
    let options = CheckOptions {
        today: Some(TODAY.to_string()),
        ..CheckOptions::default()
    };
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        for side in ["old.yaml", "new.yaml"] {
            let ws = load(&dir, side);
            let got = findings(&ws, &ws, &options);
            if !got.is_empty() {
                failures.push(format!("{}/{side}: {got:?}", name(&dir)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_is_documented_and_has_a_fixture() {
    let mut failures = Vec::new();
    for rule in treaty::compat::openapi::RULES {
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            if !rule.doc.contains(section) {
                failures.push(format!("{}: no `{section}`", rule.id));
            }
        }
        let dir = root().join(FIXTURES).join(rule.id);
        if !dir.join("old.yaml").is_file() || !dir.join("expected.txt").is_file() {
            failures.push(format!("{}: no fixture", rule.id));
        } else if !expected(&dir)
            .iter()
            .any(|l| l.starts_with(&format!("{} ", rule.id)))
        {
            failures.push(format!("{}: its fixture does not expect it", rule.id));
        }
        assert!(
            treaty::compat::registry::find(rule.id).is_some(),
            "{} is not registered",
            rule.id
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every oasdiff check at error level is reported by some fixture (when the reference table is
/// at hand).
#[test]
fn every_oasdiff_error_check_has_a_fixture() {
    let tsv = root().join("../shared/reference/openapi-checks.tsv");
    let Ok(text) = std::fs::read_to_string(&tsv) else {
        eprintln!("skipped: {} not found", tsv.display());
        return;
    };
    let ids = openapi_ids();
    let errors: BTreeSet<&str> = text
        .lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let id = cols.next()?;
            (cols.next()? == "ERR").then_some(id)
        })
        .collect();
    assert_eq!(errors.len(), 213);
    let missing: Vec<_> = errors.iter().filter(|id| !ids.contains(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

/// DIFFERENCES.md lists every rule whose severity differs from oasdiff's, with the severities
/// the rules declare; the rules' docs say so too.
#[test]
fn the_documented_differences_from_oasdiff_are_the_declared_ones() {
    let text = std::fs::read_to_string(root().join(FIXTURES).join("DIFFERENCES.md")).unwrap();
    let level = |s: &str| match s {
        "error" => treaty::diag::Severity::Error,
        "warning" => treaty::diag::Severity::Warning,
        "info" => treaty::diag::Severity::Info,
        other => panic!("unknown level {other}"),
    };
    let rules: BTreeMap<_, _> = treaty::compat::openapi::RULES
        .iter()
        .map(|r| (r.id, *r))
        .collect();
    let mut listed = BTreeSet::new();
    for line in text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| id") && !l.starts_with("|---"))
    {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let (id, theirs, ours) = (cols[1], cols[2], cols[3]);
        let rule = rules
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not a rule"));
        assert_eq!(rule.severity, level(ours), "{id}");
        assert_ne!(level(theirs), level(ours), "{id}");
        assert!(
            rule.doc.contains("treaty differs from oasdiff"),
            "{id}: docs do not say it differs"
        );
        listed.insert(id);
    }
    let documented: BTreeSet<&str> = rules
        .values()
        .filter(|r| r.doc.contains("treaty differs from oasdiff"))
        .map(|r| r.id)
        .collect();
    assert_eq!(documented, listed);
    // And against oasdiff's own table, when it is at hand.
    if let Ok(tsv) = std::fs::read_to_string(root().join("../shared/reference/openapi-checks.tsv"))
    {
        for l in tsv.lines() {
            let cols: Vec<&str> = l.split('\t').collect();
            let (Some(id), Some(lvl)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            let Some(rule) = rules.get(id) else { continue };
            let theirs = match *lvl {
                "ERR" => treaty::diag::Severity::Error,
                "WARN" => treaty::diag::Severity::Warning,
                "INFO" => treaty::diag::Severity::Info,
                _ => continue,
            };
            assert_eq!(
                rule.severity != theirs,
                listed.contains(id),
                "{id}: oasdiff says {lvl}"
            );
        }
    }
}

// ---- the schema engine end to end --------------------------------------------------------------

/// Writes an old and a new document into a temporary directory and returns the findings.
fn compare(old: &str, new: &str) -> Vec<String> {
    compare_with(
        old,
        new,
        &CheckOptions {
            today: Some(TODAY.into()),
            ..CheckOptions::default()
        },
    )
}

fn compare_with(old: &str, new: &str, options: &CheckOptions) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.yaml"), old).unwrap();
    std::fs::write(dir.path().join("new.yaml"), new).unwrap();
    run(dir.path(), options)
}

fn rules_of(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|l| l.split(' ').next().unwrap()).collect()
}

/// A document with one operation whose request body and 200 response use `req` and `resp`, and
/// `components.schemas` written as given.
fn doc(version: &str, req: &str, resp: &str, components: &str) -> String {
    format!(
        "openapi: {version}\ninfo: {{title: T, version: 1.0.0}}\npaths:\n  /orders:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {req}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {resp}\ncomponents:\n  schemas:\n{components}"
    )
}

const ORDER: &str = "    Order:\n      type: object\n      required: [id]\n      properties:\n        id: {type: string}\n        lines: {type: array, items: {$ref: '#/components/schemas/Line'}}\n    Line:\n      type: object\n      properties:\n        qty: {type: integer, minimum: 1}\n";
const ORDER_INLINE: &str = "{type: object, required: [id], properties: {id: {type: string}, lines: {type: array, items: {type: object, properties: {qty: {type: integer, minimum: 1}}}}}}";

#[test]
fn an_inline_schema_replaced_by_an_equivalent_ref_is_no_change() {
    for v in ["3.0.3", "3.1.0"] {
        let by_ref = doc(
            v,
            "{$ref: '#/components/schemas/Order'}",
            "{$ref: '#/components/schemas/Order'}",
            ORDER,
        );
        let inline = doc(v, ORDER_INLINE, ORDER_INLINE, ORDER);
        assert_eq!(
            compare(&by_ref, &inline),
            Vec::<String>::new(),
            "{v}: ref → inline"
        );
        assert_eq!(
            compare(&inline, &by_ref),
            Vec::<String>::new(),
            "{v}: inline → ref"
        );
        // allOf with one branch is the branch.
        let all_of = doc(
            v,
            "{allOf: [{$ref: '#/components/schemas/Order'}]}",
            "{allOf: [{$ref: '#/components/schemas/Order'}]}",
            ORDER,
        );
        assert_eq!(
            compare(&by_ref, &all_of),
            Vec::<String>::new(),
            "{v}: ref → allOf"
        );
    }
}

#[test]
fn a_change_deep_in_a_shared_component_is_judged_by_direction_and_located() {
    let changed = ORDER.replace("minimum: 1", "minimum: 2");
    let old = doc(
        "3.0.3",
        "{$ref: '#/components/schemas/Order'}",
        "{$ref: '#/components/schemas/Order'}",
        ORDER,
    );
    let new = doc(
        "3.0.3",
        "{$ref: '#/components/schemas/Order'}",
        "{$ref: '#/components/schemas/Order'}",
        &changed,
    );
    let got = compare(&old, &new);
    // The request may not narrow (error); the response may (so nothing for it). One location.
    assert_eq!(
        got,
        vec!["request-property-min-increased new.yaml:27:14 old.yaml:27:14".to_string()]
    );
    let widened = ORDER.replace("minimum: 1", "minimum: 0");
    let got = compare(
        &old,
        &doc(
            "3.0.3",
            "{$ref: '#/components/schemas/Order'}",
            "{$ref: '#/components/schemas/Order'}",
            &widened,
        ),
    );
    assert_eq!(
        rules_of(&got),
        vec![
            "request-property-min-decreased",
            "response-property-min-decreased"
        ]
    );
}

#[test]
fn wrapping_in_one_of_is_fine_in_a_request_and_widens_a_response() {
    let old = doc(
        "3.0.3",
        "{$ref: '#/components/schemas/Order'}",
        "{$ref: '#/components/schemas/Order'}",
        ORDER,
    );
    let wrapped = "{oneOf: [{$ref: '#/components/schemas/Order'}, {type: string}]}";
    let new = doc("3.0.3", wrapped, wrapped, ORDER);
    let got = compare(&old, &new);
    assert_eq!(
        rules_of(&got),
        vec![
            "request-body-wrapped-in-one-of",
            "response-body-wrapped-in-one-of"
        ]
    );
    let severities: BTreeMap<_, _> = treaty::compat::openapi::RULES
        .iter()
        .map(|r| (r.id, r.severity))
        .collect();
    assert_eq!(
        severities["request-body-wrapped-in-one-of"],
        treaty::diag::Severity::Info
    );
    assert_eq!(
        severities["response-body-wrapped-in-one-of"],
        treaty::diag::Severity::Error
    );
}

#[test]
fn one_of_branches_pair_by_component_and_alternatives_judge_by_direction() {
    let comps = format!(
        "{ORDER}    Refund: {{type: object, properties: {{amount: {{type: integer}}}}}}\n    Credit: {{type: object, properties: {{note: {{type: string}}}}}}\n"
    );
    let two =
        "{oneOf: [{$ref: '#/components/schemas/Order'}, {$ref: '#/components/schemas/Refund'}]}";
    let three = "{oneOf: [{$ref: '#/components/schemas/Refund'}, {$ref: '#/components/schemas/Credit'}, {$ref: '#/components/schemas/Order'}]}";
    let old = doc("3.0.3", two, two, &comps);
    let new = doc("3.0.3", three, three, &comps);
    // Reordered and extended: the request widened (info), the response widened (error).
    assert_eq!(
        rules_of(&compare(&old, &new)),
        vec!["request-body-one-of-added", "response-body-one-of-added"]
    );
    // The reverse: a request alternative removed breaks; a response one removed does not.
    assert_eq!(
        rules_of(&compare(&new, &old)),
        vec![
            "request-body-one-of-removed",
            "response-body-one-of-removed"
        ]
    );
}

#[test]
fn read_only_properties_do_not_count_in_requests_nor_write_only_in_responses() {
    let old = "    Order:\n      type: object\n      properties:\n        id: {type: string}\n";
    let new = "    Order:\n      type: object\n      required: [id, secret]\n      properties:\n        id: {type: string, readOnly: true}\n        secret: {type: string, writeOnly: true}\n";
    let r = "{$ref: '#/components/schemas/Order'}";
    let got = compare(&doc("3.0.3", r, r, old), &doc("3.0.3", r, r, new));
    // Request: `id` left the request (read-only now), `secret` is new and required.
    // Response: `id` became required; `secret` is not in responses.
    assert_eq!(
        rules_of(&got),
        vec![
            "new-required-request-property",
            "request-property-removed",
            "response-property-became-required"
        ]
    );
}

#[test]
fn cyclic_schemas_terminate_and_report_a_change_once() {
    let node = |t: &str| {
        format!(
            "    Node:\n      type: object\n      properties:\n        value: {{type: {t}}}\n        next: {{$ref: '#/components/schemas/Node'}}\n        children: {{type: array, items: {{$ref: '#/components/schemas/Tree'}}}}\n    Tree:\n      type: object\n      properties:\n        root: {{$ref: '#/components/schemas/Node'}}\n"
        )
    };
    let r = "{$ref: '#/components/schemas/Node'}";
    let got = compare(
        &doc("3.1.0", r, r, &node("integer")),
        &doc("3.1.0", r, r, &node("number")),
    );
    // integer → number: fine in the request (info), breaking in the response; once each, at Node.
    assert_eq!(
        rules_of(&got),
        vec![
            "request-property-type-generalized",
            "response-property-type-generalized"
        ]
    );
    assert!(
        got.iter()
            .all(|l| l.ends_with("new.yaml:21:16 old.yaml:21:16")),
        "{got:?}"
    );
}

#[test]
fn response_enum_additions_warn_by_default_follow_the_setting_and_are_silent_when_extensible() {
    let e = |vals: &str, ext: bool| {
        let kw = if ext { "x-extensible-enum" } else { "enum" };
        doc(
            "3.0.3",
            "{type: object}",
            &format!("{{type: object, properties: {{state: {{type: string, {kw}: [{vals}]}}}}}}"),
            "    X: {type: string}\n",
        )
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.yaml"), e("a, b", false)).unwrap();
    std::fs::write(dir.path().join("new.yaml"), e("a, b, c", false)).unwrap();
    let (old, new) = (load(dir.path(), "old.yaml"), load(dir.path(), "new.yaml"));
    let mut options = CheckOptions {
        today: Some(TODAY.into()),
        ..CheckOptions::default()
    };
    let f = check(&old, &new, &options);
    let added = f
        .findings
        .iter()
        .find(|f| f.rule == "response-property-enum-value-added")
        .unwrap();
    assert_eq!(added.severity, treaty::diag::Severity::Warning);
    options.config.response_enum_added = Some(treaty::diag::Severity::Error);
    let f = check(&old, &new, &options);
    let added = f
        .findings
        .iter()
        .find(|f| f.rule == "response-property-enum-value-added")
        .unwrap();
    assert_eq!(added.severity, treaty::diag::Severity::Error);
    assert_eq!(added.bump, Some(treaty::report::Bump::Major));
    // x-extensible-enum: a new value is expected; a removed one from a request is not.
    assert_eq!(
        compare(&e("a, b", true), &e("a, b, c", true)),
        Vec::<String>::new()
    );
}

#[test]
fn removal_follows_the_deprecation_policy_and_today() {
    let op = |extra: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: 1.0.0}}\npaths:\n  /orders:\n    get:\n{extra}      responses:\n        '200': {{description: ok}}\n    delete:\n      responses:\n        '204': {{description: gone}}\n"
        )
    };
    let kept = "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths:\n  /orders:\n    delete:\n      responses:\n        '204': {description: gone}\n";
    let at = |today: &str, days: Option<u32>| CheckOptions {
        today: Some(today.into()),
        config: BreakingConfig {
            deprecation_days: days,
            ..BreakingConfig::default()
        },
        ..CheckOptions::default()
    };
    let sunset = op("      deprecated: true\n      x-sunset: '2024-06-30'\n");
    assert_eq!(
        rules_of(&compare_with(&sunset, kept, &at("2024-06-29", None))),
        vec!["api-removed-before-sunset"]
    );
    assert_eq!(
        rules_of(&compare_with(&sunset, kept, &at("2024-06-30", None))),
        vec!["api-removed-with-deprecation"]
    );
    let since = op("      deprecated: true\n      x-deprecated-at: '2024-01-01'\n");
    assert_eq!(
        rules_of(&compare_with(&since, kept, &at("2024-03-01", None))),
        vec!["api-removed-before-sunset"]
    );
    assert_eq!(
        rules_of(&compare_with(&since, kept, &at("2024-03-01", Some(30)))),
        vec!["api-removed-with-deprecation"]
    );
    assert_eq!(
        rules_of(&compare_with(&since, kept, &at("2024-06-29", None))),
        vec!["api-removed-with-deprecation"]
    );
    assert_eq!(
        rules_of(&compare_with(&op(""), kept, &at("2024-06-29", None))),
        vec!["api-removed-without-deprecation"]
    );
    // Draft operations may go.
    assert_eq!(
        compare_with(
            &op("      x-stability-level: draft\n"),
            kept,
            &at("2024-06-29", None)
        ),
        Vec::<String>::new()
    );
}

#[test]
fn draft_operations_report_no_breaking_changes() {
    let with = |level: &str, t: &str| {
        doc(
            "3.0.3",
            &format!("{{type: {t}}}"),
            "{type: string}",
            "    X: {type: string}\n",
        )
        .replace(
            "    post:\n",
            &format!("    post:\n      x-stability-level: {level}\n"),
        )
    };
    assert_eq!(
        compare(&with("alpha", "string"), &with("alpha", "integer")),
        Vec::<String>::new()
    );
    assert_eq!(
        rules_of(&compare(&with("beta", "string"), &with("beta", "integer"))),
        vec!["request-body-type-changed"]
    );
}

#[test]
fn x_treaty_ignore_silences_a_rule_where_it_is_written() {
    let old = doc(
        "3.0.3",
        "{type: string, maxLength: 10}",
        "{type: string}",
        "    X: {type: string}\n",
    );
    let new = doc(
        "3.0.3",
        "{type: string, maxLength: 5}",
        "{type: string}",
        "    X: {type: string}\n",
    );
    assert_eq!(
        rules_of(&compare(&old, &new)),
        vec!["request-body-max-length-decreased"]
    );
    // On the operation that uses the schema…
    let ignored = new.replace(
        "    post:\n",
        "    post:\n      x-treaty-ignore: [request-body-max-length-decreased]\n",
    );
    assert_eq!(compare(&old, &ignored), Vec::<String>::new());
    // …on the schema itself…
    let ignored = new.replace(
        "maxLength: 5}",
        "maxLength: 5, x-treaty-ignore: request-body-max-length-decreased}",
    );
    assert_eq!(compare(&old, &ignored), Vec::<String>::new());
    // …and on the path item that encloses a removed operation.
    let two = old.replace(
        "  /orders:\n",
        "  /orders:\n    get:\n      responses:\n        '200': {description: ok}\n",
    );
    let removed = old.replace(
        "  /orders:\n",
        "  /orders:\n    x-treaty-ignore: [api-removed-without-deprecation]\n",
    );
    assert_eq!(compare(&two, &removed), Vec::<String>::new());
    // Another rule is not silenced.
    let other = new.replace(
        "    post:\n",
        "    post:\n      x-treaty-ignore: [request-body-type-changed]\n",
    );
    assert_eq!(
        rules_of(&compare(&old, &other)),
        vec!["request-body-max-length-decreased"]
    );
}

#[test]
fn top_level_security_tightened_is_reported_once_where_it_is_written() {
    let d = |security: &str, op_security: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: T, version: 1.0.0}}\nsecurity: {security}\npaths:\n  /a:\n    get:\n{op_security}      responses:\n        '200': {{description: ok}}\n  /b:\n    get:\n      responses:\n        '200': {{description: ok}}\ncomponents:\n  securitySchemes:\n    key: {{type: apiKey, in: header, name: X-Key}}\n    basic: {{type: http, scheme: basic}}\n"
        )
    };
    // Anonymous or a key, then a key only: both operations inherit it, one finding.
    let got = compare(&d("[{}, {key: []}]", ""), &d("[{key: []}]", ""));
    assert_eq!(
        got,
        vec!["api-security-tightened new.yaml:3:1 old.yaml:3:1".to_string()]
    );
    // Another scheme accepted besides the old one loosens: nothing to report.
    assert_eq!(
        compare(&d("[{key: []}]", ""), &d("[{key: []}, {basic: []}]", "")),
        Vec::<String>::new()
    );
    // An operation that sets its own, stricter requirements is reported on the operation.
    let got = compare(
        &d("[{key: []}]", ""),
        &d("[{key: []}]", "      security: [{key: [], basic: []}]\n"),
    );
    assert_eq!(
        got,
        vec!["api-security-tightened new.yaml:6:5 old.yaml:6:5".to_string()]
    );
}

// ---- Stripe -------------------------------------------------------------------------------------

/// `METHOD /path/{}` of every operation of a description, read independently of treaty.
fn endpoints(path: &Path) -> BTreeSet<String> {
    let v: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeSet::new();
    for (p, item) in v["paths"].as_object().unwrap() {
        let mut shape = String::new();
        let mut depth = 0;
        for c in p.chars() {
            match c {
                '{' => {
                    depth += 1;
                    if depth == 1 {
                        shape.push_str("{}");
                    }
                }
                '}' => depth -= 1,
                _ if depth > 0 => {}
                _ => shape.push(c),
            }
        }
        for m in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            if item.get(m).is_some() {
                out.insert(format!("{} {shape}", m.to_uppercase()));
            }
        }
    }
    out
}

#[test]
fn stripe_added_and_removed_operations_match_an_independent_count() {
    let dir = root().join("../shared/corpus/openapi/stripe");
    let (old_file, new_file) = ("spec3-2023-06-01.yaml", "spec3-2023-09-12.yaml");
    if !dir.join(old_file).is_file() || !dir.join(new_file).is_file() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let old_eps = endpoints(&dir.join(old_file));
    let new_eps = endpoints(&dir.join(new_file));
    let added: BTreeSet<_> = new_eps.difference(&old_eps).cloned().collect();
    let removed: BTreeSet<_> = old_eps.difference(&new_eps).cloned().collect();

    let start = Instant::now();
    let old = load(&dir, old_file);
    let new = load(&dir, new_file);
    let loaded = start.elapsed();
    let result = check(
        &old,
        &new,
        &CheckOptions {
            today: Some("2023-09-12".into()),
            ..CheckOptions::default()
        },
    );
    eprintln!(
        "stripe: loaded in {loaded:?}, checked in {:?}, {} findings",
        start.elapsed() - loaded,
        result.findings.len()
    );

    let key = |f: &treaty::report::Finding, ws: &Workspace| {
        let span = if f.rule == "endpoint-added" {
            f.new
        } else {
            f.old
        }
        .unwrap();
        let c = &ws.contracts[0];
        let op = c.operations.iter().find(|o| o.span == span).unwrap();
        op.key.to_string()
    };
    let got_added: BTreeSet<String> = result
        .findings
        .iter()
        .filter(|f| f.rule == "endpoint-added")
        .map(|f| key(f, &new))
        .collect();
    let removal_rules = [
        "api-removed-without-deprecation",
        "api-path-removed-without-deprecation",
        "api-removed-before-sunset",
        "api-path-removed-before-sunset",
        "api-removed-with-deprecation",
        "api-path-removed-with-deprecation",
        "api-path-sunset-parse",
    ];
    let got_removed: BTreeSet<String> = result
        .findings
        .iter()
        .filter(|f| removal_rules.contains(&f.rule))
        .map(|f| key(f, &old))
        .collect();
    assert_eq!(got_added, added);
    assert_eq!(got_removed, removed);
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &result.findings {
        *by_rule.entry(f.rule).or_default() += 1;
    }
    eprintln!("stripe findings by rule: {by_rule:?}");
}
