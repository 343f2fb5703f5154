//! Which breaking rules run, where, and how their findings weigh.
//!
//! In treaty.yaml under `breaking:`, with buf's vocabulary (`use`, `except`, `ignore`,
//! `ignore_only`, `ignore_unstable_packages`) plus per-rule `severity` and `bump` overrides. A
//! buf.yaml `breaking` section (v1beta1, v1, v2) is read the same way, with buf's deprecated ids
//! expanded to their replacements. As in buf, the new side's configuration selects the rules.

use indexmap::IndexMap;
use serde::Deserialize;

use super::rule::BreakingRule;
use crate::diag::Severity;
use crate::lint::config::{path_under, rule_family};
use crate::report::Bump;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BreakingConfig {
    #[serde(default, rename = "use")]
    pub use_: Vec<String>,
    #[serde(default)]
    pub except: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub ignore_only: IndexMap<String, Vec<String>>,
    /// buf: skip packages whose last component is alpha/beta/test (`v1alpha1`, `v2beta`, `v1test`).
    #[serde(default)]
    pub ignore_unstable_packages: bool,
    #[serde(default)]
    pub severity: IndexMap<String, Severity>,
    #[serde(default)]
    pub bump: IndexMap<String, Bump>,
    /// Severity of a new enum value in a response (default warning; `x-extensible-enum` silences it).
    #[serde(default)]
    pub response_enum_added: Option<Severity>,
    /// Days an OpenAPI operation must have been deprecated before its removal is allowed.
    #[serde(default)]
    pub deprecation_days: Option<u32>,
}

/// buf's deprecated breaking ids and what they stand for now.
pub const DEPRECATED: &[(&str, &[&str])] = &[
    ("FIELD_SAME_CTYPE", &["FIELD_SAME_CPP_STRING_TYPE"]),
    (
        "FIELD_SAME_LABEL",
        &[
            "FIELD_SAME_CARDINALITY",
            "FIELD_WIRE_COMPATIBLE_CARDINALITY",
            "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
        ],
    ),
    (
        "FILE_SAME_JAVA_STRING_CHECK_UTF8",
        &["FIELD_SAME_JAVA_UTF8_VALIDATION"],
    ),
    ("FILE_SAME_PHP_GENERIC_SERVICES", &[]),
];

impl BreakingConfig {
    /// Reads a `breaking:` section (treaty.yaml or buf.yaml).
    pub fn from_yaml(value: &yaml_serde::Value) -> Result<BreakingConfig, String> {
        yaml_serde::from_value(value.clone())
            .map_err(|e| format!("invalid `breaking` section: {e}"))
    }

    fn expand(names: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for n in names {
            match DEPRECATED.iter().find(|(old, _)| old == n) {
                Some((_, new)) => out.extend(new.iter().map(|s| s.to_string())),
                None => out.push(n.clone()),
            }
        }
        out
    }

    fn names(rule: &BreakingRule, name: &str) -> bool {
        rule.id == name || rule.categories.contains(&name)
    }

    /// True when this configuration runs the rule: named in `use` (by id or category, deprecated
    /// ids expanded), or on by default while `use` names no rule of its family
    /// ([`rule_family`]). So buf's `use: [FILE]` leaves the PACKAGE-only rules off, as in buf,
    /// while treaty's own additions and version policy stay at their defaults.
    pub fn is_selected(&self, rule: &BreakingRule, all: &[&'static BreakingRule]) -> bool {
        let except = Self::expand(&self.except);
        if except.iter().any(|e| Self::names(rule, e)) {
            return false;
        }
        let uses = Self::expand(&self.use_);
        if uses.iter().any(|u| Self::names(rule, u)) {
            return true;
        }
        let family = rule_family(rule.formats, rule.categories);
        let family_named = uses.iter().any(|u| {
            all.iter()
                .filter(|r| Self::names(r, u))
                .any(|r| rule_family(r.formats, r.categories) == family)
        });
        rule.default && !family_named
    }

    pub fn severity_of(&self, rule: &BreakingRule) -> Severity {
        self.severity.get(rule.id).copied().unwrap_or(rule.severity)
    }

    pub fn bump_of(&self, rule: &BreakingRule) -> Bump {
        self.bump.get(rule.id).copied().unwrap_or(rule.bump)
    }

    /// True when findings of `rule` in `file` (relative to the root) are ignored by path.
    pub fn ignores_path(&self, rule: &BreakingRule, file: &str) -> bool {
        if self.ignore.iter().any(|p| path_under(file, p)) {
            return true;
        }
        self.ignore_only.iter().any(|(id, paths)| {
            Self::expand(std::slice::from_ref(id))
                .iter()
                .any(|i| Self::names(rule, i))
                && paths.iter().any(|p| path_under(file, p))
        })
    }

    /// Merges a lower-priority configuration (a buf.yaml) under this one.
    pub fn merged_over(mut self, lower: &BreakingConfig) -> BreakingConfig {
        if self.use_.is_empty() {
            self.use_ = lower.use_.clone();
        }
        if self.except.is_empty() {
            self.except = lower.except.clone();
        }
        self.ignore.extend(lower.ignore.iter().cloned());
        for (k, v) in &lower.ignore_only {
            self.ignore_only
                .entry(k.clone())
                .or_insert_with(|| v.clone());
        }
        self.ignore_unstable_packages |= lower.ignore_unstable_packages;
        self
    }
}

/// True for buf's unstable package versions: a last component like `v1alpha1`, `v1beta`, `v1test`.
pub fn is_unstable_package(package: &str) -> bool {
    let Some(last) = package.rsplit('.').next() else {
        return false;
    };
    let Some(rest) = last.strip_prefix('v') else {
        return false;
    };
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let tail = &rest[digits..];
    ["alpha", "beta", "test"].iter().any(|k| {
        tail.strip_prefix(k)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naming_buf_rules_turns_buf_defaults_off_and_leaves_treatys_own_on() {
        let all = crate::compat::registry::all();
        let rule = |id: &str| crate::compat::registry::find(id).unwrap();
        let config = BreakingConfig {
            use_: vec!["FIELD_WIRE_COMPATIBLE_TYPE".into()],
            ..BreakingConfig::default()
        };
        assert!(config.is_selected(rule("FIELD_WIRE_COMPATIBLE_TYPE"), all));
        // A FILE default of buf's is off, as in buf.
        assert!(!config.is_selected(rule("EXTENSION_NO_DELETE"), all));
        // treaty's additions and the version policy keep their defaults.
        assert!(config.is_selected(rule("RPC_ADDED"), all));
        assert!(config.is_selected(rule("version-bump-too-small"), all));
        // With no `use`, defaults.
        let none = BreakingConfig::default();
        assert!(none.is_selected(rule("EXTENSION_NO_DELETE"), all));
        assert!(!none.is_selected(rule("FIELD_WIRE_COMPATIBLE_TYPE"), all));
        // `except` wins, and deprecated ids expand.
        let label = BreakingConfig {
            use_: vec!["FIELD_SAME_LABEL".into()],
            except: vec!["FIELD_WIRE_COMPATIBLE_CARDINALITY".into()],
            ..BreakingConfig::default()
        };
        assert!(label.is_selected(rule("FIELD_SAME_CARDINALITY"), all));
        assert!(!label.is_selected(rule("FIELD_WIRE_COMPATIBLE_CARDINALITY"), all));
    }

    #[test]
    fn unstable_packages_as_buf_defines_them() {
        assert!(is_unstable_package("foo.v1alpha1"));
        assert!(is_unstable_package("foo.v1beta"));
        assert!(is_unstable_package("foo.v2test"));
        assert!(!is_unstable_package("foo.v1"));
        assert!(!is_unstable_package("foo.alpha"));
        assert!(!is_unstable_package("foo.v1alphabet"));
    }
}
