//! The one list of lint rules. A rule that is not listed here does not exist; tests check that
//! every listed rule has documentation and a fixture that makes exactly it fire.

use super::LintRule;

/// Every lint rule, in a stable order.
pub fn all() -> &'static [&'static LintRule] {
    static ALL: std::sync::OnceLock<Vec<&'static LintRule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static LintRule> = Vec::new();
        v.extend_from_slice(crate::lint::proto::RULES);
        v.extend_from_slice(crate::lint::openapi::RULES);
        v.extend_from_slice(crate::lint::asyncapi::RULES);
        v.extend_from_slice(crate::lint::convention::RULES);
        v.extend_from_slice(crate::lint::manifest::RULES);
        v
    })
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static LintRule> {
    all().iter().copied().find(|r| r.id == id)
}
