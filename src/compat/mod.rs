//! `treaty check`: the compatibility engine.
//!
//! ```text
//! old workspace ─┐
//!                ├─ pair contracts by name ─▶ format differ (pairs elements by Key, rules judge pairs)
//! new workspace ─┘                                  │
//!                                                   ▼
//!                          findings (rule, severity, bump, old/new spans) ─▶ verdict per contract
//! ```
//!
//! Contracts pair by manifest name (or, when each side is a single contract given as a file, with
//! each other). Each format's differ pairs elements once and hands pairs to the rules; findings go
//! through one [`Emitter`], which applies rule selection, path ignores, in-contract suppressions
//! (`// treaty:ignore RULE_ID`, `x-treaty-ignore`) and severity/bump overrides, so no rule does.

pub mod accepted;
pub mod asyncapi;
pub mod config;
pub mod openapi;
pub mod proto;
pub mod registry;
pub mod rule;
pub mod verdict;

use std::collections::BTreeMap;

use crate::diag::Severity;
use crate::model::{Contract, ContractKind};
use crate::report::{Bump, Finding};
use crate::source::Span;
use crate::workspace::Workspace;

pub use config::BreakingConfig;
pub use rule::BreakingRule;
pub use verdict::Verdict;

/// Options of one comparison.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The rule configuration (the new side's).
    pub config: BreakingConfig,
    /// Only check files under these paths (relative to the new side's root), as buf's `--path`.
    pub paths: Vec<String>,
    /// Leave out files under these paths, as buf's `--exclude-path`.
    pub exclude_paths: Vec<String>,
    /// The date deprecation and sunset policies compare with (`YYYY-MM-DD`); today when unset.
    pub today: Option<String>,
}

/// Everything a comparison found.
#[derive(Debug, Default)]
pub struct CheckResult {
    pub findings: Vec<Finding>,
    pub verdicts: Vec<Verdict>,
    /// The verdicts grouped by service.
    pub services: Vec<verdict::ServiceVerdict>,
}

/// One contract in both revisions, with what the rules need around it.
pub struct PairCx<'a> {
    pub old_ws: &'a Workspace,
    pub new_ws: &'a Workspace,
    pub old: &'a Contract,
    pub new: &'a Contract,
    pub options: &'a CheckOptions,
    /// Earlier revisions of the old contract, oldest first (for rules that look further back).
    pub history: Vec<&'a Contract>,
}

/// Where findings go: applies selection, ignores, suppressions and overrides.
pub struct Emitter<'a> {
    cx: &'a PairCx<'a>,
    all: &'static [&'static BreakingRule],
    pub findings: Vec<Finding>,
}

impl<'a> Emitter<'a> {
    pub fn new(cx: &'a PairCx<'a>) -> Emitter<'a> {
        Emitter {
            cx,
            all: registry::all(),
            findings: Vec::new(),
        }
    }

    /// True when the rule runs under the configuration (differs may skip work otherwise).
    pub fn enabled(&self, rule: &BreakingRule) -> bool {
        self.cx.options.config.is_selected(rule, self.all)
    }

    /// Emits a finding. `old` is where the element was; `new` is where it is now or, for a
    /// deleted element, the enclosing element in the new revision.
    pub fn emit(
        &mut self,
        rule: &'static BreakingRule,
        old: Option<Span>,
        new: Option<Span>,
        message: impl Into<String>,
    ) -> Option<&mut Finding> {
        self.emit_with(rule, old, new, message, BTreeMap::new())
    }

    pub fn emit_with(
        &mut self,
        rule: &'static BreakingRule,
        old: Option<Span>,
        new: Option<Span>,
        message: impl Into<String>,
        args: BTreeMap<&'static str, String>,
    ) -> Option<&mut Finding> {
        if !self.enabled(rule) {
            return None;
        }
        let config = &self.cx.options.config;
        if let Some(n) = new {
            if self.cx.new.is_suppressed(rule.id, n) {
                return None;
            }
            let file = &self.cx.new_ws.sources.get(n.file).display;
            if config.ignores_path(rule, file) || !self.in_paths(file) {
                return None;
            }
        } else if let Some(o) = old {
            let file = &self.cx.old_ws.sources.get(o.file).display;
            if config.ignores_path(rule, file) || !self.in_paths(file) {
                return None;
            }
        }
        self.findings.push(Finding {
            rule: rule.id,
            severity: config.severity_of(rule),
            contract: self.cx.new.name.clone(),
            message: message.into(),
            old,
            new,
            bump: Some(config.bump_of(rule)),
            args,
        });
        self.findings.last_mut()
    }

    fn in_paths(&self, file: &str) -> bool {
        let o = self.cx.options;
        let included = o.paths.is_empty()
            || o.paths
                .iter()
                .any(|p| crate::lint::config::path_under(file, p));
        included
            && !o
                .exclude_paths
                .iter()
                .any(|p| crate::lint::config::path_under(file, p))
    }
}

/// Pairs contracts of two revisions: by name, or the single contract of each side with the other.
/// Against a revision that can hold protobuf contracts only (an image), the new side's other
/// contracts are left out.
pub fn pair_contracts<'a>(
    old: &'a Workspace,
    new: &'a Workspace,
) -> Vec<(Option<&'a Contract>, Option<&'a Contract>)> {
    let compared = |c: &&Contract| !old.proto_only || c.kind == ContractKind::Proto;
    let new_contracts: Vec<&Contract> = new.contracts.iter().filter(compared).collect();
    if let ([o], [n]) = (old.contracts.as_slice(), new_contracts.as_slice())
        && o.kind == n.kind
    {
        return vec![(Some(o), Some(n))];
    }
    let mut pairs: Vec<(Option<&Contract>, Option<&Contract>)> = Vec::new();
    for n in new_contracts.iter().copied() {
        pairs.push((
            old.contracts
                .iter()
                .find(|o| o.name == n.name && o.kind == n.kind),
            Some(n),
        ));
    }
    for o in &old.contracts {
        if !new_contracts
            .iter()
            .any(|n| n.name == o.name && n.kind == o.kind)
        {
            pairs.push((Some(o), None));
        }
    }
    pairs
}

/// Compares two revisions of a workspace.
pub fn check(old: &Workspace, new: &Workspace, options: &CheckOptions) -> CheckResult {
    check_with_history(old, new, &[], options)
}

/// Compares two revisions, with earlier revisions (oldest first) for rules that look further back.
pub fn check_with_history(
    old: &Workspace,
    new: &Workspace,
    history: &[Workspace],
    options: &CheckOptions,
) -> CheckResult {
    let mut result = CheckResult::default();
    for (o, n) in pair_contracts(old, new) {
        let mut findings = Vec::new();
        // Two single .proto files given on the command line pair with each other whatever their
        // names: the old file takes the new one's name, so its elements pair by full name. (An
        // image's files pair by name, as buf pairs them.)
        let renamed = match (o, n) {
            (Some(o), Some(n))
                if old.contracts.len() == 1 && new.contracts.len() == 1 && !old.proto_only =>
            {
                single_file_renamed(o, n)
            }
            _ => None,
        };
        let o = renamed.as_ref().or(o);
        match (o, n) {
            (Some(o), Some(n)) => {
                let cx = PairCx {
                    old_ws: old,
                    new_ws: new,
                    old: o,
                    new: n,
                    options,
                    history: history
                        .iter()
                        .filter_map(|h| {
                            h.contracts
                                .iter()
                                .find(|c| c.name == o.name && c.kind == o.kind)
                        })
                        .collect(),
                };
                let mut em = Emitter::new(&cx);
                diff_contract(&cx, &mut em);
                findings = em.findings;
            }
            (Some(o), None) => {
                findings.push(Finding {
                    rule: registry::CONTRACT_REMOVED.id,
                    severity: options.config.severity_of(&registry::CONTRACT_REMOVED),
                    contract: o.name.clone(),
                    message: format!(
                        "the contract `{}` was removed: every consumer of its API loses it. Keep it, or deprecate it first and remove it in a major release",
                        o.name
                    ),
                    old: Some(Span::file_start(o.root_file)),
                    new: None,
                    bump: Some(options.config.bump_of(&registry::CONTRACT_REMOVED)),
                    args: BTreeMap::new(),
                });
            }
            _ => {}
        }
        let verdict = verdict::judge(o, n, old, new, &findings, options, &mut result.findings);
        result.findings.extend(findings);
        if let Some(v) = verdict {
            result.verdicts.push(v);
        }
    }
    crate::report::sort_findings(&mut result.findings, &old.sources, &new.sources);
    result.verdicts.sort_by(|a, b| a.contract.cmp(&b.contract));
    result.services = verdict::by_service(&result.verdicts, old, new);
    result
}

/// For two single-file proto contracts with different file names: the old one, renamed.
fn single_file_renamed(old: &Contract, new: &Contract) -> Option<Contract> {
    let (op, np) = (old.proto.as_ref()?, new.proto.as_ref()?);
    let ([of], [nf]) = (op.files.as_slice(), np.files.as_slice()) else {
        return None;
    };
    if of.name == nf.name
        || op
            .descriptors
            .file
            .iter()
            .any(|f| f.name.as_deref() == Some(nf.name.as_str()))
    {
        return None;
    }
    let mut renamed = old.clone();
    let p = renamed.proto.as_mut()?;
    let index = p.files[0].index;
    p.descriptors.file[index].name = Some(nf.name.clone());
    p.files[0].name = nf.name.clone();
    Some(renamed)
}

/// Runs the differ of the contract's format.
fn diff_contract(cx: &PairCx, em: &mut Emitter) {
    match cx.new.kind {
        ContractKind::Proto => proto::diff(cx, em),
        ContractKind::Openapi => openapi::diff(cx, em),
        ContractKind::Asyncapi => asyncapi::diff(cx, em),
    }
}

/// The largest bump over findings.
pub fn required_bump(findings: &[Finding]) -> Bump {
    findings
        .iter()
        .filter_map(|f| f.bump)
        .max()
        .unwrap_or(Bump::None)
}

/// True when a finding fails the gate at `fail_on`.
pub fn fails(f: &Finding, fail_on: Option<Severity>) -> bool {
    fail_on.is_some_and(|level| f.severity >= level)
}
