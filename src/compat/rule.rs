//! Breaking-change rules: metadata as data, declared once with [`breaking_rule!`].
//!
//! A rule's id, formats, categories, default, severity and required bump are data (overridable in
//! configuration); its doc comment is its documentation (`treaty rules ID`). Detection lives in
//! the format's differ, which receives elements already paired by key and emits through an
//! [`Emitter`](super::Emitter) naming the rule.

use crate::diag::Severity;
use crate::model::ContractKind;
use crate::report::Bump;

pub struct BreakingRule {
    pub id: &'static str,
    pub formats: &'static [ContractKind],
    pub categories: &'static [&'static str],
    pub default: bool,
    pub severity: Severity,
    /// The bump a change found by this rule requires.
    pub bump: Bump,
    pub doc: &'static str,
}

impl std::fmt::Debug for BreakingRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BreakingRule")
            .field("id", &self.id)
            .finish()
    }
}

impl PartialEq for BreakingRule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Declares a breaking-change rule; the doc comment becomes its documentation.
#[macro_export]
macro_rules! breaking_rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis $name:ident = $id:literal, formats: [$($fmt:ident),*],
        categories: [$($cat:literal),*], default: $def:literal, severity: $sev:ident, bump: $bump:ident
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::compat::rule::BreakingRule = $crate::compat::rule::BreakingRule {
            id: $id,
            formats: &[$($crate::model::ContractKind::$fmt),*],
            categories: &[$($cat),*],
            default: $def,
            severity: $crate::diag::Severity::$sev,
            bump: $crate::report::Bump::$bump,
            doc: concat!($($doc, "\n"),*),
        };
    };
}
