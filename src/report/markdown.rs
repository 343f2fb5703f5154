//! Markdown output, for pull-request comments and job summaries.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Finding, Location};
use crate::compat::Verdict;
use crate::source::SourceMap;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn render(
    findings: &[Finding],
    old: &SourceMap,
    new: &SourceMap,
    verdicts: &[Verdict],
) -> String {
    let mut out = String::from("## treaty\n\n");
    if !verdicts.is_empty() {
        out.push_str("| contract | old | new | required bump | verdict |\n|---|---|---|---|---|\n");
        for v in verdicts {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&v.contract),
                v.old_version.as_deref().unwrap_or("–"),
                v.new_version.as_deref().unwrap_or("–"),
                v.required_bump.as_str(),
                if v.ok {
                    "✅ ok"
                } else {
                    "❌ version does not cover the changes"
                }
            );
        }
        out.push('\n');
    }
    if findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let mut by_contract: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_contract.entry(&f.contract).or_default().push(f);
    }
    for (contract, list) in by_contract {
        let _ = writeln!(
            out,
            "### {}\n",
            if contract.is_empty() {
                "workspace"
            } else {
                contract
            }
        );
        out.push_str("| severity | rule | where | message |\n|---|---|---|---|\n");
        for f in list {
            let place = match (
                f.new.map(|s| Location::of(new, s)),
                f.old.map(|s| Location::of(old, s)),
            ) {
                (Some(n), Some(o)) => {
                    format!("`{}:{}` (was `{}:{}`)", n.file, n.line, o.file, o.line)
                }
                (Some(n), None) => format!("`{}:{}`", n.file, n.line),
                (None, Some(o)) => format!("was `{}:{}`", o.file, o.line),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                f.severity,
                f.rule,
                place,
                cell(&f.message)
            );
        }
        out.push('\n');
    }
    out
}
