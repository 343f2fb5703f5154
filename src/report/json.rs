//! JSON output: a stable, documented shape. Keys may be added later; the ones here never change.

use serde::Serialize;

use super::{Finding, Location};
use crate::source::SourceMap;

#[derive(Serialize)]
pub struct JsonFinding {
    pub rule: &'static str,
    pub severity: &'static str,
    pub contract: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bump: Option<&'static str>,
    pub old: Option<Location>,
    pub new: Option<Location>,
}

pub fn finding(f: &Finding, old: &SourceMap, new: &SourceMap) -> JsonFinding {
    JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        contract: f.contract.clone(),
        message: f.message.clone(),
        bump: f.bump.map(|b| b.as_str()),
        old: f.old.map(|s| Location::of(old, s)),
        new: f.new.map(|s| Location::of(new, s)),
    }
}

/// `treaty lint --format json`.
pub fn render_lint(findings: &[Finding], sources: &SourceMap) -> String {
    #[derive(Serialize)]
    struct Out {
        findings: Vec<JsonFinding>,
    }
    let empty = SourceMap::new();
    let out = Out {
        findings: findings
            .iter()
            .map(|f| finding(f, &empty, sources))
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

/// Tool errors as JSON (exit 2), so a CI reading JSON sees them too.
pub fn render_errors(errors: &crate::diag::LoadErrors) -> String {
    let list: Vec<serde_json::Value> = errors
        .0
        .iter()
        .map(|e| {
            let (line, column) = e
                .line_col()
                .map(|(l, c)| (Some(l), Some(c)))
                .unwrap_or((None, None));
            serde_json::json!({
                "code": e.code,
                "message": e.message,
                "file": e.path,
                "line": line,
                "column": column,
                "help": e.help,
            })
        })
        .collect();
    let mut s =
        serde_json::to_string_pretty(&serde_json::json!({ "errors": list })).unwrap_or_default();
    s.push('\n');
    s
}
