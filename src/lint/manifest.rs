//! Lint rules about versions declared in treaty.yaml.

use super::{LintCx, Sink};
use crate::lint_rule;
use crate::model::{Contract, VersionSource};

lint_rule! {
    /// ## What it does
    /// Flags a contract whose own `info.version` disagrees with the version its service declares
    /// in treaty.yaml.
    ///
    /// ## Why is this bad?
    /// When a service versions all its contracts together, the manifest's number is the one that
    /// counts; a different number in the document misleads whoever reads the document alone
    /// (generated clients, API portals, registries).
    ///
    /// ## Example
    /// treaty.yaml says `order: {version: 2.0.0}` and contracts/order/openapi.yaml says
    /// `info.version: 1.4.0`. Write `2.0.0` in both places (or let `treaty bump --write` do it).
    pub SERVICE_VERSION_MISMATCH = "service-version-mismatch", formats: [Openapi, Asyncapi],
    categories: ["MANIFEST"], default: true, severity: Error, check: Contract(service_version_mismatch)
}

fn service_version_mismatch(_cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let (Some(service), Some(document)) = (&contract.version, &contract.document_version) else {
        return;
    };
    if service.source != VersionSource::Service || service.text.trim() == document.text.trim() {
        return;
    }
    if let Some(span) = document.span {
        sink.report(
            span,
            format!(
                "`info.version` is {} but the service `{}` declares {} in treaty.yaml, which is the version that counts",
                document.text,
                contract.service.as_deref().unwrap_or("?"),
                service.text
            ),
        );
    }
}

lint_rule! {
    /// ## What it does
    /// Flags a version in treaty.yaml (a proto contract's or a service's) that is not semantic
    /// versioning.
    ///
    /// ## Why is this bad?
    /// `treaty check` decides whether a release's version covers its changes by comparing
    /// semantic versions; a version it cannot read covers nothing, so every breaking change fails
    /// the gate.
    ///
    /// ## Example
    /// `version: v1` or `version: 1.2`. Write `1.2.0`.
    pub MANIFEST_VERSION_SEMVER = "manifest-version-semver", formats: [Proto, Openapi, Asyncapi],
    categories: ["MANIFEST"], default: true, severity: Error, check: Contract(manifest_version_semver)
}

fn manifest_version_semver(_cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let Some(v) = &contract.version else { return };
    if v.source == VersionSource::Info || semver::Version::parse(v.text.trim()).is_ok() {
        return;
    }
    if let Some(span) = v.span {
        sink.report(
            span,
            format!(
                "`{}` is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)",
                v.text
            ),
        );
    }
}

pub static RULES: &[&super::LintRule] = &[&SERVICE_VERSION_MISMATCH, &MANIFEST_VERSION_SEMVER];
