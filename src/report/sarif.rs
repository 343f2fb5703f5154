//! SARIF 2.1.0 output, for code-scanning uploads. Rule metadata comes from the rule registries:
//! the short description is the rule's "What it does", the full description its whole doc.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::meta::{rule_meta, short_description, undent};
use super::{Finding, Location};
use crate::diag::Severity;
use crate::source::{Content, SourceMap, Span};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(sources: &SourceMap, span: Span, message: Option<&str>) -> Value {
    let f = sources.get(span.file);
    let start = Location::of(sources, span);
    let end = f.line_col(span.end);
    let mut v = if f.content() == Content::NameOnly {
        // Only the file is known (an image without source info): no region to claim.
        json!({
            "physicalLocation": {
                "artifactLocation": { "uri": start.file, "uriBaseId": "%SRCROOT%" },
            }
        })
    } else {
        json!({
        "physicalLocation": {
            "artifactLocation": { "uri": start.file, "uriBaseId": "%SRCROOT%" },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line.max(start.line),
                "endColumn": if end.line > start.line { end.column } else { end.column.max(start.column) },
            }
        }
        })
    };
    if let Some(m) = message {
        v["message"] = json!({ "text": m });
    }
    v
}

/// Renders findings as one SARIF run.
pub fn render(findings: &[Finding], old: &SourceMap, new: &SourceMap) -> String {
    let ids: BTreeSet<&str> = findings.iter().map(|f| f.rule).collect();
    let ids: Vec<&str> = ids.into_iter().collect();
    let rules: Vec<Value> = ids
        .iter()
        .map(|id| match rule_meta(id) {
            Some(m) => json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": short_description(m.doc) },
                "fullDescription": { "text": undent(m.doc) },
                "help": { "text": undent(m.doc), "markdown": undent(m.doc) },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "tags": m.categories, "kind": m.kind },
            }),
            None => json!({ "id": id }),
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut r = json!({
                "ruleId": f.rule,
                "ruleIndex": ids.iter().position(|i| *i == f.rule).unwrap_or(0),
                "level": level(f.severity),
                "message": { "text": f.message },
                "properties": { "contract": f.contract },
            });
            if let Some(b) = f.bump {
                r["properties"]["bump"] = json!(b.as_str());
            }
            match (f.new, f.old) {
                (Some(n), old_span) => {
                    r["locations"] = json!([location(new, n, None)]);
                    if let Some(o) = old_span {
                        r["relatedLocations"] =
                            json!([with_id(location(old, o, Some("in the old revision")), 1)]);
                    }
                }
                (None, Some(o)) => {
                    r["locations"] = json!([location(old, o, Some("in the old revision"))]);
                }
                (None, None) => {}
            }
            r
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "treaty",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/treaty",
                    "rules": rules,
                }
            },
            "originalUriBaseIds": { "%SRCROOT%": { "uri": "./" } },
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn with_id(mut v: Value, id: u32) -> Value {
    v["id"] = json!(id);
    v
}
