//! Which lint rules run, where, and how loudly.
//!
//! Configured in treaty.yaml (`lint:`) or, for protobuf, in a buf.yaml `lint:` section, with buf's
//! vocabulary: `use` and `except` take rule ids or categories, `ignore` takes paths,
//! `ignore_only` takes rule → paths. Selection is made per format: when `use` names nothing that
//! applies to a format, that format runs its default rules, so `use: [STANDARD]` (buf's words)
//! configures protobuf and leaves the OpenAPI and AsyncAPI rules at their defaults.

use indexmap::IndexMap;
use serde::Deserialize;

use super::LintRule;
use crate::diag::Severity;
use crate::report::Finding;
use crate::source::SourceMap;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    #[serde(default, rename = "use")]
    pub use_: Vec<String>,
    #[serde(default)]
    pub except: Vec<String>,
    /// Paths (files or directories, relative to the workspace root) whose findings are dropped.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rule id or category → paths.
    #[serde(default)]
    pub ignore_only: IndexMap<String, Vec<String>>,
    /// Rule id → severity override.
    #[serde(default)]
    pub severity: IndexMap<String, Severity>,
    /// buf: the suffix ENUM_ZERO_VALUE_SUFFIX expects (default `_UNSPECIFIED`).
    #[serde(default)]
    pub enum_zero_value_suffix: Option<String>,
    /// buf: the suffix SERVICE_SUFFIX expects (default `Service`).
    #[serde(default)]
    pub service_suffix: Option<String>,
    /// buf: allow an RPC to use the same message as request and response.
    #[serde(default)]
    pub rpc_allow_same_request_response: bool,
    #[serde(default)]
    pub rpc_allow_google_protobuf_empty_requests: bool,
    #[serde(default)]
    pub rpc_allow_google_protobuf_empty_responses: bool,
    /// buf: honour `// buf:lint:ignore ID` comments (on by default, as in buf v2).
    #[serde(default)]
    pub disallow_comment_ignores: bool,
}

impl LintConfig {
    /// Rules selected by this configuration, in registry order.
    pub fn selected(&self, all: &[&'static LintRule]) -> Vec<&'static LintRule> {
        all.iter()
            .copied()
            .filter(|rule| self.is_selected(rule, all))
            .collect()
    }

    fn names(rule: &LintRule, name: &str) -> bool {
        rule.id == name || rule.categories.contains(&name)
    }

    /// A rule named in `use` (by id or category) runs. A rule not named runs only by default,
    /// and not even then when `use` names rules of its family ([`rule_family`]): `use: [MINIMAL]`
    /// turns buf's other STANDARD rules off, but leaves the OpenAPI and AsyncAPI rules, and
    /// treaty's own, at their defaults.
    pub fn is_selected(&self, rule: &LintRule, all: &[&'static LintRule]) -> bool {
        if self.except.iter().any(|e| LintConfig::names(rule, e)) {
            return false;
        }
        if self.use_.iter().any(|u| LintConfig::names(rule, u)) {
            return true;
        }
        let family = rule_family(rule.formats, rule.categories);
        let family_named = self.use_.iter().any(|u| {
            all.iter()
                .filter(|r| LintConfig::names(r, u))
                .any(|r| rule_family(r.formats, r.categories) == family)
        });
        rule.default && !family_named
    }

    pub fn severity_of(&self, rule: &LintRule) -> Severity {
        self.severity.get(rule.id).copied().unwrap_or(rule.severity)
    }

    /// True when the finding's file is under an `ignore` path, or an `ignore_only` path for its rule.
    pub fn ignores(&self, finding: &Finding, sources: &SourceMap) -> bool {
        let Some(span) = finding.new else {
            return false;
        };
        let file = &sources.get(span.file).display;
        if self.ignore.iter().any(|p| path_under(file, p)) {
            return true;
        }
        let rule = crate::lint::registry::find(finding.rule);
        self.ignore_only.iter().any(|(id, paths)| {
            let names =
                id == finding.rule || rule.is_some_and(|r| r.categories.contains(&id.as_str()));
            names && paths.iter().any(|p| path_under(file, p))
        })
    }

    /// Merges a lower-priority configuration (a buf.yaml) under this one: what this one sets wins.
    pub fn merged_over(mut self, lower: &LintConfig) -> LintConfig {
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
        self.enum_zero_value_suffix = self
            .enum_zero_value_suffix
            .or_else(|| lower.enum_zero_value_suffix.clone());
        self.service_suffix = self.service_suffix.or_else(|| lower.service_suffix.clone());
        self.rpc_allow_same_request_response |= lower.rpc_allow_same_request_response;
        self.rpc_allow_google_protobuf_empty_requests |=
            lower.rpc_allow_google_protobuf_empty_requests;
        self.rpc_allow_google_protobuf_empty_responses |=
            lower.rpc_allow_google_protobuf_empty_responses;
        self.disallow_comment_ignores |= lower.disallow_comment_ignores;
        self
    }
}

/// buf's categories, lint and breaking.
const BUF_CATEGORIES: &[&str] = &[
    "MINIMAL",
    "BASIC",
    "DEFAULT",
    "STANDARD",
    "COMMENTS",
    "UNARY_RPC",
    "FILE",
    "PACKAGE",
    "WIRE_JSON",
    "WIRE",
    "CSR",
];

/// The family a rule belongs to for selection: every rule of buf (protobuf rules in buf's
/// categories, or in none) is one family, as a buf `use` list names the whole set that runs;
/// treaty's own rules form families by category (additions, documentation, version policy,
/// OpenAPI, AsyncAPI, conventions), so naming buf's rules leaves them at their defaults.
pub fn rule_family(formats: &[crate::model::ContractKind], categories: &[&str]) -> String {
    let proto_only = formats == [crate::model::ContractKind::Proto];
    if proto_only
        && (categories.is_empty() || categories.iter().any(|c| BUF_CATEGORIES.contains(c)))
    {
        "buf".to_string()
    } else {
        categories.join(",")
    }
}

/// True when `file` (a `/`-separated path relative to the root) is `prefix` or lies under it.
pub fn path_under(file: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_start_matches("./").trim_end_matches('/');
    if prefix.is_empty() || prefix == "." {
        return true;
    }
    file == prefix
        || file
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_whole_components() {
        assert!(path_under("a/b/c.proto", "a/b"));
        assert!(path_under("a/b/c.proto", "./a/b/"));
        assert!(path_under("a/b/c.proto", "a/b/c.proto"));
        assert!(!path_under("a/bc/c.proto", "a/b"));
    }
}
