//! JUnit XML output, for CI systems that show test reports: one test suite per contract, one
//! failing test case per finding of severity error or warning, and a passing case for a contract
//! without such findings.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Finding, Location};
use crate::diag::Severity;
use crate::source::SourceMap;

/// Escapes text for XML attributes and content.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Renders findings; `contracts` lists every contract checked, so clean ones appear as passing.
pub fn render(
    findings: &[Finding],
    old: &SourceMap,
    new: &SourceMap,
    contracts: &[String],
) -> String {
    let mut by_contract: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for c in contracts {
        by_contract.entry(c.as_str()).or_default();
    }
    for f in findings {
        by_contract.entry(f.contract.as_str()).or_default().push(f);
    }
    fn failing(f: &&&Finding) -> bool {
        f.severity >= Severity::Warning
    }
    let total_failures: usize = by_contract
        .values()
        .map(|v| v.iter().filter(failing).count())
        .sum();
    let total_tests: usize = by_contract
        .values()
        .map(|v| v.iter().filter(failing).count().max(1))
        .sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"treaty\" tests=\"{total_tests}\" failures=\"{total_failures}\">"
    );
    for (contract, list) in &by_contract {
        let fails: Vec<&&Finding> = list.iter().filter(failing).collect();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">",
            xml_escape(contract),
            fails.len().max(1),
            fails.len()
        );
        if fails.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\"/>",
                xml_escape(contract),
                xml_escape(contract)
            );
        }
        for f in fails {
            let at = f
                .new
                .map(|s| Location::of(new, s))
                .or_else(|| f.old.map(|s| Location::of(old, s)));
            let place = at
                .as_ref()
                .map(|l| format!("{}:{}:{}", l.file, l.line, l.column))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    <testcase name=\"{} {}\" classname=\"{}\"{}>",
                xml_escape(f.rule),
                xml_escape(&place),
                xml_escape(contract),
                at.as_ref()
                    .map(|l| format!(" file=\"{}\" line=\"{}\"", xml_escape(&l.file), l.line))
                    .unwrap_or_default()
            );
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}: {}</failure>",
                xml_escape(f.severity.as_str()),
                xml_escape(&f.message),
                xml_escape(&place),
                xml_escape(&f.message)
            );
            let _ = writeln!(out, "    </testcase>");
        }
        let _ = writeln!(out, "  </testsuite>");
    }
    out.push_str("</testsuites>\n");
    out
}
