//! Protobuf breaking rules against their fixtures.
//!
//! Every rule has `fixtures/breaking/proto/<RULE_ID>/{old,new}` (a buf module each, whose
//! `buf.yaml` selects the rule), `expected.txt` (the findings, `RULE new_location old_location`,
//! `-` where a side has none) and `buf.json` (what `buf breaking new --against old --error-format
//! json` reported there; for fixtures of treaty's own rules, which buf does not know, what buf
//! reports with its default rules). A fixture may have `history/1`, `history/2`, … (oldest first)
//! for rules that look further back than the old revision.
//!
//! The invariants run over every fixture: exactly the expected findings; no other rule fires on a
//! fixture when all rules run, except where `CO_FIRING` says why; a revision compared with itself
//! reports nothing; and treaty reports what buf reports except for the differences listed in
//! `DIFFERENCES.md`, no more and no fewer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use treaty::compat::{BreakingConfig, CheckOptions, Emitter, PairCx, check, registry};
use treaty::model::ContractKind;
use treaty::report::{Finding, Location};
use treaty::workspace::Workspace;

const ROOT: &str = "fixtures/breaking/proto";

struct Fixture {
    name: String,
    dir: PathBuf,
    /// The `breaking` section of the new side's buf.yaml.
    config: BreakingConfig,
    /// Earlier revisions, oldest first.
    history: Vec<PathBuf>,
}

fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(ROOT).expect("fixtures/breaking/proto exists") {
        let dir = entry.expect("readable").path();
        if !dir.join("new").is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut history: Vec<PathBuf> = match std::fs::read_dir(dir.join("history")) {
            Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        };
        history.sort_by_key(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .parse::<u32>()
                .unwrap_or(u32::MAX)
        });
        let config = config_of(&dir.join("new"));
        out.push(Fixture {
            name,
            dir,
            config,
            history,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        out.len() >= 65,
        "expected a fixture per rule, found {}",
        out.len()
    );
    out
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

fn proto_rules() -> Vec<&'static treaty::compat::BreakingRule> {
    treaty::compat::proto::RULES.to_vec()
}

/// Every protobuf rule selected.
fn all_rules() -> BreakingConfig {
    BreakingConfig {
        use_: proto_rules().iter().map(|r| r.id.to_string()).collect(),
        ..BreakingConfig::default()
    }
}

/// The findings of a fixture under a configuration, as `RULE new old` lines.
fn run(fx: &Fixture, config: BreakingConfig) -> Vec<String> {
    let old = load(&fx.dir.join("old"));
    let new = load(&fx.dir.join("new"));
    let options = CheckOptions {
        config,
        ..CheckOptions::default()
    };
    let findings = if fx.history.is_empty() {
        check(&old, &new, &options).findings
    } else {
        let earlier: Vec<Workspace> = fx.history.iter().map(|d| load(d)).collect();
        let cx = PairCx {
            old_ws: &old,
            new_ws: &new,
            old: &old.contracts[0],
            new: &new.contracts[0],
            options: &options,
            history: earlier.iter().map(|w| &w.contracts[0]).collect(),
        };
        let mut em = Emitter::new(&cx);
        treaty::compat::proto::diff(&cx, &mut em);
        em.findings
    };
    let mut lines: Vec<String> = findings.iter().map(|f| line(f, &old, &new)).collect();
    lines.sort();
    lines
}

fn at(ws: &Workspace, span: Option<treaty::source::Span>) -> String {
    match span {
        Some(s) => {
            let l = Location::of(&ws.sources, s);
            format!("{}:{}:{}", l.file, l.line, l.column)
        }
        None => "-".to_string(),
    }
}

fn line(f: &Finding, old: &Workspace, new: &Workspace) -> String {
    format!("{} {} {}", f.rule, at(new, f.new), at(old, f.old))
}

fn read_lines(path: &Path) -> Vec<String> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
    let mut lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn each_fixture_reports_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for fx in fixtures() {
        let got = run(&fx, fx.config.clone());
        let want = read_lines(&fx.dir.join("expected.txt"));
        if got != want {
            failures.push(format!(
                "{}:\n  expected {want:#?}\n  got {got:#?}",
                fx.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rules that legitimately fire on another rule's fixture when every rule runs, and why.
const CO_FIRING: &[(&str, &[&str], &str)] = &[
    (
        "FIELD_NO_DELETE",
        &[
            "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
            "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
        ],
        "the fields are deleted without reservations",
    ),
    (
        "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
        &["FIELD_NO_DELETE"],
        "every deletion is one",
    ),
    (
        "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
        &["FIELD_NO_DELETE"],
        "every deletion is one",
    ),
    (
        "ENUM_VALUE_NO_DELETE",
        &[
            "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
            "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
        ],
        "the values are deleted without reservations",
    ),
    (
        "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
        &["ENUM_VALUE_NO_DELETE"],
        "every deletion is one",
    ),
    (
        "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
        &["ENUM_VALUE_NO_DELETE"],
        "every deletion is one",
    ),
    (
        "ENUM_NO_DELETE",
        &["PACKAGE_ENUM_NO_DELETE"],
        "gone from the file and from the package",
    ),
    (
        "PACKAGE_ENUM_NO_DELETE",
        &["ENUM_NO_DELETE"],
        "gone from the package is gone from its file; one enum moved files",
    ),
    (
        "MESSAGE_NO_DELETE",
        &[
            "PACKAGE_MESSAGE_NO_DELETE",
            "FIELD_NO_DELETE",
            "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
            "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
        ],
        "gone from file and package; the map field whose entry disappears is deleted",
    ),
    (
        "PACKAGE_MESSAGE_NO_DELETE",
        &["MESSAGE_NO_DELETE"],
        "gone from the package is gone from its file; one message moved files",
    ),
    (
        "SERVICE_NO_DELETE",
        &["PACKAGE_SERVICE_NO_DELETE"],
        "gone from the file and from the package",
    ),
    (
        "PACKAGE_SERVICE_NO_DELETE",
        &["SERVICE_NO_DELETE"],
        "gone from the package is gone from its file; one service moved files",
    ),
    (
        "EXTENSION_NO_DELETE",
        &["PACKAGE_EXTENSION_NO_DELETE"],
        "gone from the file and from the package",
    ),
    (
        "PACKAGE_EXTENSION_NO_DELETE",
        &["EXTENSION_NO_DELETE"],
        "gone from the package is gone from its file; one extension moved files",
    ),
    (
        "FILE_NO_DELETE",
        &["PACKAGE_MESSAGE_NO_DELETE"],
        "the deleted file's message is gone from the package",
    ),
    (
        "PACKAGE_NO_DELETE",
        &["FILE_NO_DELETE"],
        "the package's only file is deleted",
    ),
    (
        "FILE_SAME_PACKAGE",
        &["PACKAGE_NO_DELETE"],
        "the old package has no file left",
    ),
    (
        "FIELD_SAME_TYPE",
        &[
            "FIELD_WIRE_COMPATIBLE_TYPE",
            "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
        ],
        "the source view and the wire views of the same change",
    ),
    (
        "FIELD_WIRE_COMPATIBLE_TYPE",
        &["FIELD_SAME_TYPE", "FIELD_WIRE_JSON_COMPATIBLE_TYPE"],
        "the three views of type changes",
    ),
    (
        "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
        &["FIELD_SAME_TYPE", "FIELD_WIRE_COMPATIBLE_TYPE"],
        "the three views of type changes",
    ),
    (
        "FIELD_SAME_CARDINALITY",
        &[
            "FIELD_WIRE_COMPATIBLE_CARDINALITY",
            "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
            "FIELD_SAME_TYPE",
        ],
        "the three views of cardinality changes; map → repeated also changes the type name",
    ),
    (
        "FIELD_WIRE_COMPATIBLE_CARDINALITY",
        &[
            "FIELD_SAME_CARDINALITY",
            "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
        ],
        "the three views of cardinality changes",
    ),
    (
        "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
        &[
            "FIELD_SAME_CARDINALITY",
            "FIELD_WIRE_COMPATIBLE_CARDINALITY",
        ],
        "the three views of cardinality changes",
    ),
    (
        "MESSAGE_SAME_REQUIRED_FIELDS",
        &[
            "FIELD_SAME_CARDINALITY",
            "FIELD_WIRE_COMPATIBLE_CARDINALITY",
            "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
        ],
        "optional ↔ required is a cardinality change",
    ),
    (
        "FIELD_SAME_NAME",
        &["FIELD_SAME_JSON_NAME"],
        "a renamed field has a new JSON name",
    ),
    (
        "ONEOF_NO_DELETE",
        &["FIELD_SAME_ONEOF"],
        "the fields of the deleted oneof leave it",
    ),
    (
        "ENUM_SAME_TYPE",
        &["FILE_SAME_SYNTAX"],
        "the syntax change is what makes the enum open",
    ),
    (
        "ENUM_SAME_JSON_FORMAT",
        &["FILE_SAME_SYNTAX", "ENUM_SAME_TYPE"],
        "proto3 → proto2 also closes the enum",
    ),
    (
        "MESSAGE_SAME_JSON_FORMAT",
        &["FILE_SAME_SYNTAX"],
        "the syntax change is what changes the JSON format",
    ),
    (
        "FIELD_SAME_UTF8_VALIDATION",
        &["FILE_SAME_SYNTAX", "FIELD_SAME_JAVA_UTF8_VALIDATION"],
        "proto3 validates strings, in Java too",
    ),
    (
        "RPC_SAME_REQUEST_TYPE",
        &["RPC_SAME_REQUEST_TYPE_NAME"],
        "a second RPC switches to another request type of the same shape",
    ),
    (
        "FIELD_NUMBER_REUSED",
        &["FIELD_ADDED"],
        "reused numbers belong to added fields",
    ),
];

#[test]
fn no_other_rule_fires_on_a_rules_fixture() {
    let ids: BTreeSet<&str> = proto_rules().iter().map(|r| r.id).collect();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    for fx in fixtures() {
        if !ids.contains(fx.name.as_str()) {
            continue;
        }
        let allowed: &[&str] = CO_FIRING
            .iter()
            .find(|(f, _, _)| *f == fx.name)
            .map(|(_, a, _)| *a)
            .unwrap_or(&[]);
        for l in run(&fx, all_rules()) {
            let rule = l.split(' ').next().unwrap().to_string();
            if rule == fx.name {
                continue;
            }
            if allowed.contains(&rule.as_str()) {
                seen.insert((fx.name.clone(), rule));
            } else {
                failures.push(format!("{}: {l}", fx.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "unexpected findings:\n{}",
        failures.join("\n")
    );
    // The allow-list holds nothing that does not happen.
    let stale: Vec<String> = CO_FIRING
        .iter()
        .flat_map(|(fixture, rules, _)| rules.iter().map(move |r| (fixture, r)))
        .filter(|(f, r)| !seen.contains(&(f.to_string(), r.to_string())))
        .map(|(f, r)| format!("{f}: {r}"))
        .collect();
    assert!(
        stale.is_empty(),
        "CO_FIRING allows what does not fire:\n{}",
        stale.join("\n")
    );
}

#[test]
fn a_revision_compared_with_itself_reports_nothing() {
    let options = CheckOptions {
        config: all_rules(),
        ..CheckOptions::default()
    };
    for fx in fixtures() {
        let sides = [fx.dir.join("old"), fx.dir.join("new")]
            .into_iter()
            .chain(fx.history.iter().cloned());
        for side in sides {
            let ws = load(&side);
            let findings = check(&ws, &ws, &options).findings;
            assert!(
                findings.is_empty(),
                "{} against itself: {findings:#?}",
                side.display()
            );
        }
    }
}

/// One entry of DIFFERENCES.md's list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Difference {
    fixture: String,
    side: String,
    rule: String,
    at: String,
}

/// The machine-readable parts of DIFFERENCES.md: treaty's own rule ids (`- own RULE_ID …`) and
/// the differences per fixture (`- FIXTURE treaty-only|buf-only RULE file:line:column (reason)`),
/// one line per finding (a line twice means two findings at the same place).
fn documented() -> (BTreeSet<String>, Vec<Difference>) {
    let text =
        std::fs::read_to_string(Path::new(ROOT).join("DIFFERENCES.md")).expect("DIFFERENCES.md");
    let mut own = BTreeSet::new();
    let mut diffs = Vec::new();
    for l in text.lines() {
        let Some(rest) = l.strip_prefix("- ") else {
            continue;
        };
        let words: Vec<&str> = rest
            .split_whitespace()
            .map(|w| w.trim_matches('`'))
            .collect();
        match words.as_slice() {
            ["own", rule, ..] => {
                own.insert(rule.to_string());
            }
            [fixture, side @ ("treaty-only" | "buf-only"), rule, at, ..] => {
                diffs.push(Difference {
                    fixture: fixture.to_string(),
                    side: side.to_string(),
                    rule: rule.to_string(),
                    at: at.to_string(),
                })
            }
            _ => {}
        }
    }
    diffs.sort();
    (own, diffs)
}

/// What buf reported for a fixture, as (rule, location) with paths relative to the new side.
fn buf_findings(fx: &Fixture) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fx.dir.join("buf.json"))
        .unwrap_or_else(|_| panic!("{}/buf.json is missing", fx.name));
    let mut out: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("buf.json holds JSON lines");
            let rule = v["type"].as_str().unwrap().to_string();
            let at = match v["path"].as_str() {
                Some(p) => format!(
                    "{}:{}:{}",
                    p.strip_prefix("new/").unwrap_or(p),
                    v["start_line"],
                    v["start_column"]
                ),
                None => "-".to_string(),
            };
            (rule, at)
        })
        .collect();
    out.sort();
    out
}

/// The items of `a` that `b` lacks, counting repeats (a multiset difference).
fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut rest: Vec<&T> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(x.clone()),
        }
    }
    out
}

#[test]
fn treaty_differs_from_buf_exactly_as_documented() {
    let (own, documented) = documented();
    let mut found = Vec::new();
    for fx in fixtures() {
        // buf ran with the fixture's configuration, or with its defaults where the fixture selects
        // rules buf does not know.
        let knows_all = fx.config.use_.iter().all(|u| !own.contains(u));
        let config = if knows_all {
            fx.config.clone()
        } else {
            BreakingConfig::default()
        };
        let ours: Vec<(String, String)> = run(&fx, config)
            .iter()
            .map(|l| {
                let mut w = l.split(' ');
                (w.next().unwrap().to_string(), w.next().unwrap().to_string())
            })
            .collect();
        let theirs = buf_findings(&fx);
        for (side, a, b) in [
            ("treaty-only", &ours, &theirs),
            ("buf-only", &theirs, &ours),
        ] {
            for (rule, at) in minus(a, b) {
                found.push(Difference {
                    fixture: fx.name.clone(),
                    side: side.to_string(),
                    rule,
                    at,
                });
            }
        }
    }
    found.sort();
    let show = |v: &[Difference]| {
        v.iter()
            .map(|d| format!("- {} {} {} {}", d.fixture, d.side, d.rule, d.at))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let undocumented = minus(&found, &documented);
    let stale = minus(&documented, &found);
    assert!(
        undocumented.is_empty() && stale.is_empty(),
        "DIFFERENCES.md is not the list of differences from buf.\nundocumented:\n{}\nlisted but not found:\n{}",
        show(&undocumented),
        show(&stale)
    );
}

/// buf's breaking rules as its reference table lists them: id, categories, default.
const BUF_TABLE: &str = "
EXTENSION_NO_DELETE FILE yes
SERVICE_NO_DELETE FILE yes
ENUM_NO_DELETE CSR,FILE yes
FILE_NO_DELETE CSR,FILE yes
MESSAGE_NO_DELETE CSR,FILE yes
ENUM_SAME_TYPE FILE,PACKAGE yes
FIELD_SAME_CARDINALITY FILE,PACKAGE yes
FIELD_SAME_CPP_STRING_TYPE FILE,PACKAGE yes
FIELD_SAME_JAVA_UTF8_VALIDATION FILE,PACKAGE yes
FIELD_SAME_JSTYPE FILE,PACKAGE yes
FIELD_SAME_UTF8_VALIDATION FILE,PACKAGE yes
FILE_SAME_CC_ENABLE_ARENAS FILE,PACKAGE yes
FILE_SAME_CC_GENERIC_SERVICES FILE,PACKAGE yes
FILE_SAME_CSHARP_NAMESPACE FILE,PACKAGE yes
FILE_SAME_GO_PACKAGE FILE,PACKAGE yes
FILE_SAME_JAVA_GENERIC_SERVICES FILE,PACKAGE yes
FILE_SAME_JAVA_MULTIPLE_FILES FILE,PACKAGE yes
FILE_SAME_JAVA_OUTER_CLASSNAME FILE,PACKAGE yes
FILE_SAME_JAVA_PACKAGE FILE,PACKAGE yes
FILE_SAME_OBJC_CLASS_PREFIX FILE,PACKAGE yes
FILE_SAME_OPTIMIZE_FOR FILE,PACKAGE yes
FILE_SAME_PHP_CLASS_PREFIX FILE,PACKAGE yes
FILE_SAME_PHP_METADATA_NAMESPACE FILE,PACKAGE yes
FILE_SAME_PHP_NAMESPACE FILE,PACKAGE yes
FILE_SAME_PY_GENERIC_SERVICES FILE,PACKAGE yes
FILE_SAME_RUBY_PACKAGE FILE,PACKAGE yes
FILE_SAME_SWIFT_PREFIX FILE,PACKAGE yes
RPC_NO_DELETE FILE,PACKAGE yes
ENUM_VALUE_NO_DELETE CSR,FILE,PACKAGE yes
EXTENSION_MESSAGE_NO_DELETE CSR,FILE,PACKAGE yes
FIELD_NO_DELETE CSR,FILE,PACKAGE yes
FIELD_SAME_TYPE CSR,FILE,PACKAGE yes
FILE_SAME_SYNTAX CSR,FILE,PACKAGE yes
MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR CSR,FILE,PACKAGE yes
ONEOF_NO_DELETE CSR,FILE,PACKAGE yes
ENUM_SAME_JSON_FORMAT CSR,FILE,PACKAGE,WIRE_JSON yes
ENUM_VALUE_SAME_NAME CSR,FILE,PACKAGE,WIRE_JSON yes
FIELD_SAME_JSON_NAME CSR,FILE,PACKAGE,WIRE_JSON yes
FIELD_SAME_NAME CSR,FILE,PACKAGE,WIRE_JSON yes
MESSAGE_SAME_JSON_FORMAT CSR,FILE,PACKAGE,WIRE_JSON yes
FIELD_SAME_DEFAULT CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
FIELD_SAME_ONEOF CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
FILE_SAME_PACKAGE CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
MESSAGE_SAME_REQUIRED_FIELDS CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RESERVED_ENUM_NO_DELETE CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RESERVED_MESSAGE_NO_DELETE CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RPC_SAME_CLIENT_STREAMING CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RPC_SAME_IDEMPOTENCY_LEVEL CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RPC_SAME_REQUEST_TYPE CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RPC_SAME_RESPONSE_TYPE CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
RPC_SAME_SERVER_STREAMING CSR,FILE,PACKAGE,WIRE_JSON,WIRE yes
PACKAGE_ENUM_NO_DELETE PACKAGE no
PACKAGE_EXTENSION_NO_DELETE PACKAGE no
PACKAGE_MESSAGE_NO_DELETE PACKAGE no
PACKAGE_NO_DELETE PACKAGE no
PACKAGE_SERVICE_NO_DELETE PACKAGE no
ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED CSR,WIRE_JSON no
FIELD_NO_DELETE_UNLESS_NAME_RESERVED CSR,WIRE_JSON no
FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY CSR,WIRE_JSON no
FIELD_WIRE_JSON_COMPATIBLE_TYPE CSR,WIRE_JSON no
ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED CSR,WIRE_JSON,WIRE no
FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED CSR,WIRE_JSON,WIRE no
FIELD_WIRE_COMPATIBLE_CARDINALITY WIRE no
FIELD_WIRE_COMPATIBLE_TYPE WIRE no
MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT - no
";

#[test]
fn buf_rules_keep_bufs_ids_categories_and_defaults() {
    let (own, _) = documented();
    let mut buf_ids = BTreeSet::new();
    for row in BUF_TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let [id, cats, default] = row.split_whitespace().collect::<Vec<_>>()[..] else {
            panic!("bad row {row}")
        };
        buf_ids.insert(id);
        let rule = registry::find(id).unwrap_or_else(|| panic!("buf's {id} is not a treaty rule"));
        let want: BTreeSet<&str> = cats.split(',').filter(|c| *c != "-").collect();
        let got: BTreeSet<&str> = rule.categories.iter().copied().collect();
        assert_eq!(got, want, "categories of {id}");
        assert_eq!(rule.default, default == "yes", "default of {id}");
        assert_eq!(
            rule.severity,
            treaty::diag::Severity::Error,
            "severity of {id}"
        );
        assert_eq!(rule.bump, treaty::report::Bump::Major, "bump of {id}");
    }
    assert_eq!(buf_ids.len(), 65);
    // Every other protobuf rule is one of treaty's own, and DIFFERENCES.md names each.
    let others: BTreeSet<String> = proto_rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| !buf_ids.contains(id))
        .map(str::to_string)
        .collect();
    assert_eq!(
        others, own,
        "DIFFERENCES.md must list exactly treaty's own rules"
    );
}

#[test]
fn every_proto_rule_is_registered_once_documented_and_has_a_fixture() {
    let all = registry::all();
    for rule in proto_rules() {
        assert_eq!(
            all.iter().filter(|r| r.id == rule.id).count(),
            1,
            "{} registered once",
            rule.id
        );
        assert_eq!(
            rule.formats,
            &[ContractKind::Proto],
            "{} is a protobuf rule",
            rule.id
        );
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(
                rule.doc.contains(section),
                "{} lacks `{section}` in its doc comment",
                rule.id
            );
        }
        let dir = Path::new(ROOT).join(rule.id);
        for side in ["old", "new"] {
            assert!(
                dir.join(side).join("buf.yaml").is_file(),
                "{}/{side}/buf.yaml is missing",
                rule.id
            );
        }
        for file in ["expected.txt", "buf.json"] {
            assert!(dir.join(file).is_file(), "{}/{file} is missing", rule.id);
        }
        let expected = read_lines(&dir.join("expected.txt"));
        assert!(
            expected
                .iter()
                .any(|l| l.starts_with(&format!("{} ", rule.id))),
            "the fixture of {} does not show it firing",
            rule.id
        );
    }
}

#[test]
fn additions_and_documentation_ask_for_minor_and_patch_releases() {
    for id in [
        "SERVICE_ADDED",
        "RPC_ADDED",
        "MESSAGE_ADDED",
        "ENUM_ADDED",
        "FIELD_ADDED",
        "ENUM_VALUE_ADDED",
    ] {
        let r = registry::find(id).unwrap();
        assert_eq!(
            (r.categories, r.default, r.severity, r.bump),
            (
                &["ADDITIONS"][..],
                true,
                treaty::diag::Severity::Info,
                treaty::report::Bump::Minor
            ),
            "{id}"
        );
    }
    let r = registry::find("COMMENT_CHANGED").unwrap();
    assert_eq!(
        (r.severity, r.bump),
        (treaty::diag::Severity::Info, treaty::report::Bump::Patch)
    );
}

#[test]
fn deprecated_ids_in_use_expand_to_their_replacements() {
    let config = BreakingConfig {
        use_: vec!["FIELD_SAME_LABEL".to_string()],
        ..BreakingConfig::default()
    };
    // Of buf's rules, exactly the three FIELD_SAME_LABEL stands for run (treaty's own additions
    // and documentation rules keep their defaults).
    let buf_categories = ["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSR"];
    let selected: BTreeSet<&str> = proto_rules()
        .into_iter()
        .filter(|r| r.categories.iter().any(|c| buf_categories.contains(c)))
        .filter(|r| config.is_selected(r, registry::all()))
        .map(|r| r.id)
        .collect();
    assert_eq!(
        selected,
        BTreeSet::from([
            "FIELD_SAME_CARDINALITY",
            "FIELD_WIRE_COMPATIBLE_CARDINALITY",
            "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"
        ])
    );
    // And the expansion drives a real comparison: all three report the same changes.
    let fx = fixtures()
        .into_iter()
        .find(|f| f.name == "FIELD_WIRE_COMPATIBLE_CARDINALITY")
        .unwrap();
    let rules: BTreeSet<String> = run(&fx, config)
        .iter()
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(
        rules,
        BTreeSet::from(
            [
                "FIELD_SAME_CARDINALITY",
                "FIELD_WIRE_COMPATIBLE_CARDINALITY",
                "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"
            ]
            .map(String::from)
        )
    );
}

#[test]
fn unstable_packages_are_skipped_only_when_asked() {
    let fx = fixtures()
        .into_iter()
        .find(|f| f.name == "ignore-unstable-packages")
        .unwrap();
    assert!(fx.config.ignore_unstable_packages);
    let skipped = run(&fx, fx.config.clone());
    assert_eq!(
        skipped,
        vec!["FIELD_NO_DELETE stable.proto:4:1 stable.proto:6:3".to_string()]
    );
    let config = BreakingConfig {
        ignore_unstable_packages: false,
        ..fx.config.clone()
    };
    let all = run(&fx, config);
    for want in [
        "FILE_NO_DELETE - beta.proto:1:1",
        "MESSAGE_NO_DELETE alpha.proto:1:1 alpha.proto:9:1",
        "FIELD_NO_DELETE alpha.proto:4:1 alpha.proto:6:3",
    ] {
        assert!(
            all.iter().any(|l| l == want),
            "{want} missing from {all:#?}"
        );
    }
}

#[test]
fn treaty_ignore_comments_silence_a_rule_on_the_element_or_its_enclosing_element() {
    let fx = fixtures()
        .into_iter()
        .find(|f| f.name == "treaty-ignore")
        .unwrap();
    let got = run(&fx, fx.config.clone());
    // The deleted field is reported on its message, which carries `treaty:ignore FIELD_NO_DELETE`;
    // `size` carries `treaty:ignore FIELD_SAME_TYPE`; `count` carries nothing.
    assert_eq!(
        got,
        vec!["FIELD_SAME_TYPE a.proto:9:3 a.proto:8:3".to_string()]
    );
    // buf, which has no such comments, reports all three.
    assert_eq!(buf_findings(&fx).len(), 3);
}

#[test]
fn findings_carry_their_bump_and_a_message_that_says_what_to_do() {
    let fx = fixtures()
        .into_iter()
        .find(|f| f.name == "FIELD_NO_DELETE")
        .unwrap();
    let old = load(&fx.dir.join("old"));
    let new = load(&fx.dir.join("new"));
    let result = check(
        &old,
        &new,
        &CheckOptions {
            config: fx.config.clone(),
            ..CheckOptions::default()
        },
    );
    let f = result
        .findings
        .iter()
        .find(|f| f.message.contains("kms_key_name"))
        .expect("the deleted field");
    assert_eq!(f.bump, Some(treaty::report::Bump::Major));
    assert_eq!(
        f.message,
        "Field 5 `kms_key_name` on message `treaty.fixture.v1.Topic` was deleted. Consumers that still send or read it lose the data; reserve the number and name instead: `reserved 5; reserved \"kms_key_name\";`"
    );
    let by_rule: BTreeMap<&str, usize> =
        result.findings.iter().fold(BTreeMap::new(), |mut m, f| {
            *m.entry(f.rule).or_default() += 1;
            m
        });
    assert_eq!(by_rule.get("FIELD_NO_DELETE"), Some(&2));
}
