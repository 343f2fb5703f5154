//! Lint rules placeholder.
pub static RULES: &[&crate::lint::LintRule] = &[];
