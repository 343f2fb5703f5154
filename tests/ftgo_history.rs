//! `treaty check` on the FTGO history agrees with fixtures/ftgo/expected.yaml, the truth written
//! from the changes themselves: per step and contract, the required bump, whether the declared
//! version is enough, and whether there are breaking changes.
//!
//! Formats join this comparison as their rules land; `JUDGED` lists them.

use std::path::PathBuf;

use treaty::compat::{self, CheckOptions};
use treaty::diag::Severity;
use treaty::model::ContractKind;
use treaty::workspace;

const JUDGED: &[ContractKind] = &[
    ContractKind::Proto,
    ContractKind::Asyncapi,
    ContractKind::Openapi,
];

#[test]
fn check_agrees_with_expected_yaml() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("fixtures/ftgo/expected.yaml")).unwrap();
    let doc: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
    let dir_of = |r: &str| {
        if r == "current" {
            root.clone()
        } else {
            root.join("fixtures/ftgo").join(r)
        }
    };
    let mut disagreements = Vec::new();
    let mut compared = 0;
    for step in doc["steps"].as_sequence().unwrap() {
        let (from, to) = (step["from"].as_str().unwrap(), step["to"].as_str().unwrap());
        let old = workspace::load_manifest(&dir_of(from).join("treaty.yaml")).unwrap();
        let new = workspace::load_manifest(&dir_of(to).join("treaty.yaml")).unwrap();
        let result = compat::check(&old, &new, &CheckOptions::default());
        for (name, c) in step["contracts"].as_mapping().unwrap() {
            let name = name.as_str().unwrap();
            let kind = new
                .contract(name)
                .or(old.contract(name))
                .map(|c| c.kind)
                .unwrap();
            if !JUDGED.contains(&kind) {
                continue;
            }
            compared += 1;
            let Some(v) = result.verdicts.iter().find(|v| v.contract == name) else {
                disagreements.push(format!("{from}→{to} {name}: no verdict"));
                continue;
            };
            let want_bump = c["required_bump"].as_str().unwrap();
            if v.required_bump.as_str() != want_bump {
                let found: Vec<String> = result
                    .findings
                    .iter()
                    .filter(|f| f.contract == name)
                    .map(|f| format!("{} {}", f.rule, f.message))
                    .collect();
                disagreements.push(format!("{from}→{to} {name}: required bump {} (expected {want_bump}); findings: {found:#?}", v.required_bump.as_str()));
            }
            if c["version_ok"].as_bool() != Some(v.ok) {
                disagreements.push(format!(
                    "{from}→{to} {name}: version ok {} (expected {:?})",
                    v.ok,
                    c["version_ok"].as_bool()
                ));
            }
            let want_breaking = c["changes"]
                .as_sequence()
                .is_some_and(|s| s.iter().any(|ch| ch["kind"].as_str() == Some("breaking")));
            let has_breaking = result.findings.iter().any(|f| {
                f.contract == name
                    && f.severity == Severity::Error
                    && !compat::verdict::is_policy_rule(f.rule)
            });
            if want_breaking != has_breaking {
                disagreements.push(format!(
                    "{from}→{to} {name}: breaking {has_breaking} (expected {want_breaking})"
                ));
            }
        }
    }
    assert!(
        compared > 0,
        "no contract of a judged format in the history"
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
