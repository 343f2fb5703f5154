//! The one list of breaking-change rules, with the rules every format shares: a removed contract
//! and the version policy.

use super::rule::BreakingRule;
use crate::breaking_rule;

breaking_rule! {
    /// ## What it does
    /// Reports a contract that the old revision has and the new one does not.
    ///
    /// ## Why is this bad?
    /// Every consumer of the API loses it: clients stop compiling or start failing at run time.
    ///
    /// ## Example
    /// `order/openapi` listed in the old treaty.yaml and missing from the new one. Deprecate the
    /// API first, and remove it in a major release that consumers have been told about.
    pub CONTRACT_REMOVED = "contract-removed", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a declared version change smaller than the changes require: a break released as a
    /// minor or patch, an addition released as a patch.
    ///
    /// ## Why is this bad?
    /// Consumers pick versions by their number: a caret requirement (`^1.2`) takes 1.3.0
    /// automatically, and breaks if 1.3.0 removed what it used.
    ///
    /// ## Example
    /// A field removed between 1.2.0 and 1.3.0: declare 2.0.0 instead.
    pub VERSION_BUMP_TOO_SMALL = "version-bump-too-small", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Error, bump: None
}

breaking_rule! {
    /// ## What it does
    /// Reports a contract that changed while its declared version stayed the same.
    ///
    /// ## Why is this bad?
    /// Two different contracts under one version: caches, registries and generated clients keyed
    /// by version silently disagree.
    ///
    /// ## Example
    /// A new endpoint added with `info.version` still 1.4.0: declare 1.5.0.
    pub VERSION_UNCHANGED = "version-unchanged", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Error, bump: None
}

breaking_rule! {
    /// ## What it does
    /// Reports a declared version lower than the old revision's.
    ///
    /// ## Why is this bad?
    /// Versions order releases; going down makes every tool that picks "the newest" pick wrong.
    ///
    /// ## Example
    /// 2.1.0 followed by 2.0.5: declare 2.1.1 or later.
    pub VERSION_DECREASED = "version-decreased", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Error, bump: None
}

breaking_rule! {
    /// ## What it does
    /// Notes a declared version that is not semantic versioning (Stripe's are dates).
    ///
    /// ## Why is this bad?
    /// treaty cannot tell whether such a version gives the bump the changes need, so the contract
    /// is gated as if it had no version: any breaking change fails the check.
    ///
    /// ## Example
    /// `info.version: 2023-09-12`. Use `1.4.0`-style versions to let the gate accept deliberate
    /// breaks released as a new major.
    pub VERSION_NOT_SEMVER = "version-not-semver", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Info, bump: None
}

/// Every breaking rule, in a stable order.
pub fn all() -> &'static [&'static BreakingRule] {
    static ALL: std::sync::OnceLock<Vec<&'static BreakingRule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static BreakingRule> = vec![
            &CONTRACT_REMOVED,
            &VERSION_BUMP_TOO_SMALL,
            &VERSION_UNCHANGED,
            &VERSION_DECREASED,
            &VERSION_NOT_SEMVER,
            &super::accepted::ACCEPTED_EXPIRED,
        ];
        v.extend_from_slice(super::proto::RULES);
        v.extend_from_slice(super::openapi::RULES);
        v.extend_from_slice(super::asyncapi::RULES);
        v
    })
}

pub fn find(id: &str) -> Option<&'static BreakingRule> {
    all().iter().copied().find(|r| r.id == id)
}
