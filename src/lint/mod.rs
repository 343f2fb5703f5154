//! `treaty lint`: rules over one loaded workspace.
//!
//! Each rule is declared once with [`lint_rule!`]: its id, the formats it applies to, its
//! categories (buf's for protobuf), whether it is on by default, its severity, and its doc comment,
//! which is its documentation (`treaty rules ID` prints it). Detection is a plain function over a
//! contract (or the whole workspace, for rules that look across services) that reports through a
//! [`Sink`]; the sink applies suppressions written in the contract, so no rule handles them.

pub mod asyncapi;
pub mod config;
pub mod convention;
pub mod manifest;
pub mod openapi;
pub mod proto;
pub mod registry;

use crate::diag::Severity;
use crate::model::{Contract, ContractKind};
use crate::report::Finding;
use crate::source::{SourceMap, Span};
use crate::workspace::Workspace;

pub use config::LintConfig;

/// How a rule inspects the workspace.
#[derive(Clone, Copy)]
pub enum Check {
    /// Runs once per contract of one of the rule's formats.
    Contract(fn(&LintCx, &Contract, &mut Sink)),
    /// Runs once over the whole workspace (consistency across services).
    Workspace(fn(&LintCx, &mut Sink)),
    /// Documented but not implemented by design (with the reason in its docs).
    None,
}

/// A lint rule: metadata as data, detection as a function.
pub struct LintRule {
    pub id: &'static str,
    pub formats: &'static [ContractKind],
    pub categories: &'static [&'static str],
    pub default: bool,
    pub severity: Severity,
    pub doc: &'static str,
    pub check: Check,
}

impl std::fmt::Debug for LintRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LintRule").field("id", &self.id).finish()
    }
}

/// Declares a lint rule; the doc comment becomes its documentation.
///
/// ```ignore
/// lint_rule! {
///     /// ## What it does
///     /// ...
///     pub ENUM_PASCAL_CASE = "ENUM_PASCAL_CASE", formats: [Proto],
///     categories: ["BASIC", "STANDARD"], default: true, severity: Error, check: Contract(check_fn)
/// }
/// ```
#[macro_export]
macro_rules! lint_rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis $name:ident = $id:literal, formats: [$($fmt:ident),*],
        categories: [$($cat:literal),*], default: $def:literal, severity: $sev:ident,
        check: $kind:ident $(($check:path))?
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::lint::LintRule = $crate::lint::LintRule {
            id: $id,
            formats: &[$($crate::model::ContractKind::$fmt),*],
            categories: &[$($cat),*],
            default: $def,
            severity: $crate::diag::Severity::$sev,
            doc: concat!($($doc, "\n"),*),
            check: $crate::lint::Check::$kind $(($check))?,
        };
    };
}

/// What a rule sees.
pub struct LintCx<'a> {
    pub workspace: &'a Workspace,
}

impl LintCx<'_> {
    pub fn sources(&self) -> &SourceMap {
        &self.workspace.sources
    }
}

/// Collects a rule's findings, applying suppressions and severity.
pub struct Sink<'a> {
    rule: &'static LintRule,
    severity: Severity,
    contract: Option<&'a Contract>,
    contracts: &'a [Contract],
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(
        rule: &'static LintRule,
        severity: Severity,
        contract: Option<&'a Contract>,
        contracts: &'a [Contract],
    ) -> Sink<'a> {
        Sink {
            rule,
            severity,
            contract,
            contracts,
            findings: Vec::new(),
        }
    }

    /// Reports a finding at `at` in the contract being checked.
    pub fn report(&mut self, at: Span, message: impl Into<String>) {
        let contract = match self.contract {
            Some(c) => Some(c),
            None => self.contracts.iter().find(|c| c.files.contains(&at.file)),
        };
        if let Some(c) = contract
            && c.is_suppressed(self.rule.id, at)
        {
            return;
        }
        let name = contract.map(|c| c.name.as_str()).unwrap_or("");
        self.findings.push(Finding::lint(
            self.rule.id,
            self.severity,
            name,
            at,
            message,
        ));
    }

    /// Reports against a named contract (workspace rules).
    pub fn report_in(&mut self, contract: &Contract, at: Span, message: impl Into<String>) {
        if contract.is_suppressed(self.rule.id, at) {
            return;
        }
        self.findings.push(Finding::lint(
            self.rule.id,
            self.severity,
            &contract.name,
            at,
            message,
        ));
    }
}

/// Runs the selected rules over a workspace. Findings come back sorted.
///
/// `config` is the workspace's configuration; contracts of a buf module with lint settings of its
/// own are checked with those ([`Workspace::lint_for`]).
pub fn run(workspace: &Workspace, config: &LintConfig) -> Vec<Finding> {
    let cx = LintCx { workspace };
    let all = registry::all();
    let mut findings = Vec::new();
    for &rule in all {
        match rule.check {
            Check::Contract(f) => {
                for contract in workspace
                    .contracts
                    .iter()
                    .filter(|c| rule.formats.contains(&c.kind))
                {
                    let config = workspace
                        .contract_lint
                        .get(&contract.name)
                        .unwrap_or(config);
                    if !config.is_selected(rule, all) {
                        continue;
                    }
                    let mut sink = Sink::new(
                        rule,
                        config.severity_of(rule),
                        Some(contract),
                        &workspace.contracts,
                    );
                    f(&cx, contract, &mut sink);
                    findings.extend(
                        sink.findings
                            .into_iter()
                            .filter(|f| !config.ignores(f, &workspace.sources)),
                    );
                }
            }
            Check::Workspace(f) => {
                if config.is_selected(rule, all)
                    && workspace
                        .contracts
                        .iter()
                        .any(|c| rule.formats.contains(&c.kind))
                {
                    let mut sink =
                        Sink::new(rule, config.severity_of(rule), None, &workspace.contracts);
                    f(&cx, &mut sink);
                    findings.extend(
                        sink.findings
                            .into_iter()
                            .filter(|f| !config.ignores(f, &workspace.sources)),
                    );
                }
            }
            Check::None => {}
        }
    }
    let empty = SourceMap::new();
    crate::report::sort_findings(&mut findings, &empty, &workspace.sources);
    findings.dedup();
    findings
}
