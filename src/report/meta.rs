//! Rule metadata for renderers that describe rules (SARIF): lint and breaking rules seen alike.

use crate::diag::Severity;

/// What a renderer needs to know about a rule.
pub struct RuleMeta {
    pub id: &'static str,
    pub kind: &'static str,
    pub categories: &'static [&'static str],
    pub severity: Severity,
    pub doc: &'static str,
}

/// Looks a rule up in both registries.
pub fn rule_meta(id: &str) -> Option<RuleMeta> {
    if let Some(r) = crate::lint::registry::find(id) {
        return Some(RuleMeta {
            id: r.id,
            kind: "lint",
            categories: r.categories,
            severity: r.severity,
            doc: r.doc,
        });
    }
    crate::compat::registry::find(id).map(|r| RuleMeta {
        id: r.id,
        kind: "breaking",
        categories: r.categories,
        severity: r.severity,
        doc: r.doc,
    })
}

/// A doc comment without its leading spaces.
pub fn undent(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// The first paragraph under "## What it does": a one-line description.
pub fn short_description(doc: &str) -> String {
    let text = undent(doc);
    let body = text.split("## What it does").nth(1).unwrap_or(&text);
    body.split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with("##"))
        .unwrap_or("")
        .replace('\n', " ")
}
