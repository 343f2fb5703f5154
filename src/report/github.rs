//! GitHub Actions workflow commands: one annotation per finding on the new file and line (the old
//! file where the element only exists there).

use std::fmt::Write as _;

use super::{Finding, Location};
use crate::diag::Severity;
use crate::source::SourceMap;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(findings: &[Finding], old: &SourceMap, new: &SourceMap) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at: Option<Location> = f
            .new
            .map(|s| Location::of(new, s))
            .or_else(|| f.old.map(|s| Location::of(old, s)));
        let mut props = Vec::new();
        if let Some(l) = &at {
            props.push(format!("file={}", escape_property(&l.file)));
            props.push(format!("line={}", l.line));
            props.push(format!("col={}", l.column));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} ({})", f.rule, f.contract))
        ));
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&f.message)
        );
    }
    out
}
