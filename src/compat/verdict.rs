//! The verdict: which bump the changes require, and whether the declared versions give it.
//!
//! The required bump is the largest over the contract's findings. It is compared with the versions
//! declared in the two revisions (semver 2.0.0; build metadata ignored). For 1.0.0 and up a break
//! needs a new major, an addition a new minor, anything else a new patch. For 0.y.z, as Cargo reads
//! it, a break needs a new y and anything else a new z; for 0.0.z every change needs a new z. The
//! policy speaks through findings of its own rules, so it is configured like any rule.

use std::collections::BTreeMap;

use semver::Version;
use serde::Serialize;

use super::registry::{
    VERSION_BUMP_TOO_SMALL, VERSION_DECREASED, VERSION_NOT_SEMVER, VERSION_UNCHANGED,
};
use super::{BreakingRule, CheckOptions};
use crate::model::{Contract, DeclaredVersion};
use crate::report::{Bump, Finding};
use crate::workspace::Workspace;

/// The verdict on one contract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub contract: String,
    pub required_bump: Bump,
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    /// The declared versions give at least the required bump.
    pub ok: bool,
    /// The contract's compatibility findings are covered by its version change (a correct major
    /// bump covers a break); when no version is declared nothing is covered.
    #[serde(skip)]
    pub covered: bool,
    #[serde(skip)]
    pub service: Option<String>,
}

/// The verdict on a service: all its contracts together.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceVerdict {
    pub service: String,
    /// The largest bump any of its contracts requires.
    pub required_bump: Bump,
    /// The service's own version when it versions its contracts together.
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    /// Every contract's declared version covers its changes.
    pub ok: bool,
    pub contracts: Vec<String>,
}

/// Groups contract verdicts by service.
pub fn by_service(
    verdicts: &[Verdict],
    old_ws: &Workspace,
    new_ws: &Workspace,
) -> Vec<ServiceVerdict> {
    use crate::model::VersionSource;
    let mut out: Vec<ServiceVerdict> = Vec::new();
    for v in verdicts {
        let Some(service) = &v.service else { continue };
        let shared = |ws: &Workspace| {
            ws.contract(&v.contract)
                .and_then(|c| c.version.as_ref())
                .filter(|d| d.source == VersionSource::Service)
                .map(|d| d.text.clone())
        };
        let entry = match out.iter_mut().position(|s| &s.service == service) {
            Some(i) => &mut out[i],
            None => {
                out.push(ServiceVerdict {
                    service: service.clone(),
                    required_bump: Bump::None,
                    old_version: shared(old_ws),
                    new_version: shared(new_ws),
                    ok: true,
                    contracts: Vec::new(),
                });
                out.last_mut().expect("just pushed")
            }
        };
        entry.required_bump = entry.required_bump.max(v.required_bump);
        entry.ok &= v.ok;
        entry.contracts.push(v.contract.clone());
    }
    out.sort_by(|a, b| a.service.cmp(&b.service));
    out
}

/// Ids of the version-policy rules, whose findings no version change covers.
pub fn is_policy_rule(id: &str) -> bool {
    [
        VERSION_BUMP_TOO_SMALL.id,
        VERSION_UNCHANGED.id,
        VERSION_DECREASED.id,
    ]
    .contains(&id)
}

fn parse(v: &DeclaredVersion) -> Option<Version> {
    Version::parse(v.text.trim()).ok()
}

fn precedence(v: &Version) -> (u64, u64, u64, &semver::Prerelease) {
    (v.major, v.minor, v.patch, &v.pre)
}

/// The bump one version change gives, judged as Cargo does for 0.y.z.
pub fn bump_between(old: &Version, new: &Version) -> Option<Bump> {
    if precedence(new) < precedence(old) {
        return None;
    }
    let b = if old.major >= 1 || new.major > old.major {
        if new.major > old.major {
            Bump::Major
        } else if new.minor > old.minor {
            Bump::Minor
        } else if precedence(new) > precedence(old) {
            Bump::Patch
        } else {
            Bump::None
        }
    } else if old.minor >= 1 || new.minor > old.minor {
        // 0.y.z: y is the breaking position, z everything else.
        if new.minor > old.minor {
            Bump::Major
        } else if precedence(new) > precedence(old) {
            Bump::Minor
        } else {
            Bump::None
        }
    } else if precedence(new) > precedence(old) {
        // 0.0.z: every change is breaking.
        Bump::Major
    } else {
        Bump::None
    };
    Some(b)
}

/// The bump a version change must give for `required`: as is from 1.0.0; for 0.y.z a break needs
/// a new y and anything else a new z; for 0.0.z every change needs a new z. (Returned in the terms
/// of [`bump_between`], which reads a new y below 1.0.0 as major.)
pub fn effective_required(required: Bump, old: &Version) -> Bump {
    if old.major >= 1 || required == Bump::None {
        required
    } else if old.minor >= 1 {
        if required == Bump::Major {
            Bump::Major
        } else {
            Bump::Minor
        }
    } else {
        Bump::Major
    }
}

fn policy(
    options: &CheckOptions,
    rule: &'static BreakingRule,
    contract: &str,
    old: &DeclaredVersion,
    new: &DeclaredVersion,
    message: String,
) -> Option<Finding> {
    let all = super::registry::all();
    if !options.config.is_selected(rule, all) {
        return None;
    }
    let mut args = BTreeMap::new();
    args.insert("label", format!("declared {}", new.text));
    args.insert("old_label", format!("was {}", old.text));
    Some(Finding {
        rule: rule.id,
        severity: options.config.severity_of(rule),
        contract: contract.to_string(),
        message,
        old: old.span,
        new: new.span,
        bump: Some(options.config.bump_of(rule)),
        args,
    })
}

/// Judges one contract pair; pushes version-policy findings to `out`.
pub fn judge(
    old: Option<&Contract>,
    new: Option<&Contract>,
    _old_ws: &Workspace,
    _new_ws: &Workspace,
    findings: &[Finding],
    options: &CheckOptions,
    out: &mut Vec<Finding>,
) -> Option<Verdict> {
    let required = super::required_bump(findings);
    let name = new.or(old)?.name.clone();
    let service = new.or(old).and_then(|c| c.service.clone());
    let old_v = old.and_then(|c| c.version.clone());
    let new_v = new.and_then(|c| c.version.clone());
    let mut verdict = Verdict {
        contract: name.clone(),
        required_bump: required,
        old_version: old_v.as_ref().map(|v| v.text.clone()),
        new_version: new_v.as_ref().map(|v| v.text.clone()),
        ok: required == Bump::None,
        covered: false,
        service,
    };
    let (Some(ov), Some(nv)) = (old_v, new_v) else {
        // The first release of a contract needs no bump.
        if old.is_none() {
            verdict.ok = true;
            verdict.required_bump = Bump::None;
        }
        return Some(verdict);
    };
    let (Some(o), Some(n)) = (parse(&ov), parse(&nv)) else {
        for v in [&ov, &nv] {
            if parse(v).is_none()
                && let Some(f) = policy(
                    options,
                    &VERSION_NOT_SEMVER,
                    &name,
                    &ov,
                    &nv,
                    format!(
                        "the version `{}` is not semantic versioning, so treaty cannot tell whether it gives the bump the changes need; the contract is gated as if it had no version",
                        v.text
                    ),
                )
            {
                out.push(f);
                break;
            }
        }
        return Some(verdict);
    };
    let needed = effective_required(required, &o);
    match bump_between(&o, &n) {
        None => {
            out.extend(policy(options, &VERSION_DECREASED, &name, &ov, &nv, format!(
                "the version went down from {} to {}: consumers and registries treat versions as increasing. Declare a version above {}",
                ov.text, nv.text, ov.text
            )));
            verdict.ok = false;
        }
        Some(given) if given >= needed => {
            verdict.ok = true;
            verdict.covered = true;
        }
        Some(Bump::None) => {
            out.extend(policy(options, &VERSION_UNCHANGED, &name, &ov, &nv, format!(
                "the contract changed but its version is still {}: the changes need a {} bump. Declare {}",
                nv.text,
                required.as_str(),
                next_version(&o, needed)
            )));
            verdict.ok = false;
        }
        Some(given) => {
            out.extend(policy(options, &VERSION_BUMP_TOO_SMALL, &name, &ov, &nv, format!(
                "the version went from {} to {}, a {} bump, but the changes need a {} bump. Declare {}",
                ov.text,
                nv.text,
                given.as_str(),
                required.as_str(),
                next_version(&o, needed)
            )));
            verdict.ok = false;
        }
    }
    Some(verdict)
}

/// The smallest version after `v` that gives `bump` (the bump already mapped for 0.y.z).
pub fn next_version(v: &Version, bump: Bump) -> Version {
    let mut n = Version::new(v.major, v.minor, v.patch);
    let zero = v.major == 0;
    match (bump, zero, v.minor == 0 && zero) {
        (Bump::None, _, _) => return v.clone(),
        (Bump::Major, false, _) => {
            n.major += 1;
            n.minor = 0;
            n.patch = 0;
        }
        (Bump::Major, true, false) => {
            n.minor += 1;
            n.patch = 0;
        }
        (Bump::Minor, false, _) => {
            n.minor += 1;
            n.patch = 0;
        }
        _ => {
            // A release of a pre-release version is the version itself.
            if v.pre.is_empty() {
                n.patch += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn bumps_from_one_up() {
        assert_eq!(bump_between(&v("1.2.3"), &v("2.0.0")), Some(Bump::Major));
        assert_eq!(bump_between(&v("1.2.3"), &v("1.3.0")), Some(Bump::Minor));
        assert_eq!(bump_between(&v("1.2.3"), &v("1.2.4")), Some(Bump::Patch));
        assert_eq!(bump_between(&v("1.2.3"), &v("1.2.3")), Some(Bump::None));
        assert_eq!(bump_between(&v("1.2.3"), &v("1.2.2")), None);
        assert_eq!(
            bump_between(&v("1.2.3"), &v("2.0.0-rc.1")),
            Some(Bump::Major)
        );
        // Build metadata does not count.
        assert_eq!(bump_between(&v("1.2.3+a"), &v("1.2.3+b")), Some(Bump::None));
    }

    #[test]
    fn bumps_below_one_as_cargo_reads_them() {
        assert_eq!(bump_between(&v("0.3.1"), &v("0.4.0")), Some(Bump::Major));
        assert_eq!(bump_between(&v("0.3.1"), &v("0.3.2")), Some(Bump::Minor));
        assert_eq!(bump_between(&v("0.0.3"), &v("0.0.4")), Some(Bump::Major));
        assert_eq!(effective_required(Bump::Minor, &v("0.3.1")), Bump::Minor);
        assert_eq!(effective_required(Bump::Patch, &v("0.3.1")), Bump::Minor);
        assert_eq!(effective_required(Bump::Patch, &v("0.0.1")), Bump::Major);
    }

    #[test]
    fn next_versions() {
        assert_eq!(next_version(&v("1.2.3"), Bump::Major), v("2.0.0"));
        assert_eq!(next_version(&v("1.2.3"), Bump::Minor), v("1.3.0"));
        assert_eq!(next_version(&v("1.2.3"), Bump::Patch), v("1.2.4"));
        assert_eq!(next_version(&v("0.2.3"), Bump::Major), v("0.3.0"));
        assert_eq!(next_version(&v("0.2.3"), Bump::Minor), v("0.2.4"));
        assert_eq!(next_version(&v("0.0.3"), Bump::Major), v("0.0.4"));
    }
}
