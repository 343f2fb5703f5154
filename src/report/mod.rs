//! Findings and their renderers.
//!
//! A [`Finding`] is structured: rule id, severity, the spans it points at in the old and the new
//! revision, and arguments. Text is produced late, by one renderer per output format over this
//! neutral model (`human` through miette, `json`).

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod meta;
pub mod sarif;

use std::collections::BTreeMap;

use crate::diag::Severity;
use crate::source::{SourceMap, Span};

/// The semantic-version bump a change requires.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// One result of a rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The contract the finding belongs to (its manifest name or path).
    pub contract: String,
    pub message: String,
    /// Where the element is in the old revision (compatibility findings only).
    pub old: Option<Span>,
    /// Where the element is in the new revision, or where a lint finding is.
    pub new: Option<Span>,
    /// The bump the change requires (compatibility findings only).
    pub bump: Option<Bump>,
    /// Structured arguments the message was rendered from.
    pub args: BTreeMap<&'static str, String>,
}

impl Finding {
    pub fn lint(
        rule: &'static str,
        severity: Severity,
        contract: &str,
        at: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity,
            contract: contract.to_string(),
            message: message.into(),
            old: None,
            new: Some(at),
            bump: None,
            args: BTreeMap::new(),
        }
    }
}

/// A resolved location: file as shown to users, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn of(sources: &SourceMap, span: Span) -> Location {
        let f = sources.get(span.file);
        let lc = f.line_col(span.start);
        Location {
            file: f.display.clone(),
            line: lc.line,
            column: lc.column,
        }
    }
}

/// Sorts findings into a stable order: file, line, column, rule, message.
pub fn sort_findings(findings: &mut [Finding], old: &SourceMap, new: &SourceMap) {
    findings.sort_by_cached_key(|f| {
        let new_loc = f.new.map(|s| Location::of(new, s));
        let old_loc = f.old.map(|s| Location::of(old, s));
        (
            f.contract.clone(),
            new_loc,
            old_loc,
            f.rule,
            f.message.clone(),
        )
    });
}
