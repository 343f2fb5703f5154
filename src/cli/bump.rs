//! `treaty bump`: the smallest correct next version for every place a version is declared, and
//! with `--write`, that version written in place.
//!
//! The comparison is `treaty check`'s (same revision, same configuration, same accepted findings),
//! so a version written here is one the gate accepts. Each contract needs
//! `next_version(old, effective_required(required, old))`, counted from the OLD revision's
//! version: bumping from the new side's number would bump twice when a pull request has already
//! bumped. A version already declared that gives enough is kept, even when larger than needed
//! (2.0.0-rc.1 for a break from 1.4.0 stays).
//!
//! A service with one `version` in treaty.yaml has one place: the largest version its contracts
//! need. Documents of that service that carry their own `info.version` follow it, so lint's
//! `service-version-mismatch` stays quiet. Edits change the version text only
//! ([`version_edit`](treaty::workspace::version_edit)).

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use semver::Version;
use serde::Serialize;

use super::Outcome;
use treaty::compat::accepted::AcceptedFinding;
use treaty::compat::verdict::{bump_between, effective_required, next_version};
use treaty::compat::{self, CheckOptions, CheckResult};
use treaty::diag::{LoadError, LoadErrors};
use treaty::model::{Contract, DeclaredVersion, VersionSource};
use treaty::report::Bump;
use treaty::source::Span;
use treaty::workspace::Workspace;
use treaty::workspace::revision::Materialized;
use treaty::workspace::version_edit::{self, VersionEdit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum BumpFormat {
    /// One line per place a version is declared.
    #[default]
    Human,
    /// `{"versions": [...], "written": bool}`.
    Json,
}

#[derive(Args, Debug)]
pub struct BumpArgs {
    /// The earlier revision to measure the changes from: a directory, an archive (.tar, .tar.gz,
    /// .zip) or a git revision (main, origin/main, HEAD~3, a tag, a commit). Without it the
    /// working tree is compared with HEAD; under CI=true that default is refused.
    #[arg(long, value_name = "REF")]
    pub against: Option<String>,
    /// Write the versions into treaty.yaml and the documents (only the version text changes).
    #[arg(long)]
    pub write: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: BumpFormat,
}

/// Two revisions compared as `treaty check --against` compares them, accepted findings applied.
pub struct Compared {
    pub against: String,
    pub old: Workspace,
    pub new: Workspace,
    pub result: CheckResult,
    pub accepted: Vec<AcceptedFinding>,
    _keep: Option<Materialized>,
}

/// Loads the workspace and the revision `against` (HEAD when absent, refused in CI) and compares
/// them. `needs` completes the CI refusal: "`treaty bump` needs --against REF".
pub fn compare(against: Option<&str>, needs: &str) -> Result<Compared, LoadErrors> {
    let against = super::check::against_or_head(against, needs)?;
    let mut new = super::load_workspace(&[])?;
    let mut keep = None;
    let old = super::check::load_revision(&against, &new, &mut keep)?;
    let options = CheckOptions {
        config: super::check::breaking_config(&new)?,
        ..CheckOptions::default()
    };
    let mut result = {
        let _progress = super::Progress::start("comparing revisions");
        compat::check(&old, &new, &options)
    };
    let files = super::check::AcceptedFiles {
        read: None,
        write: None,
        fail_on: None,
        today: None,
    };
    let accepted = super::check::accept(&files, &old, &mut new, &options, &mut result)?;
    Ok(Compared {
        against,
        old,
        new,
        result,
        accepted,
        _keep: keep,
    })
}

/// One place a version is declared, and the version it should hold.
#[derive(Clone, Debug, Serialize)]
pub struct Place {
    /// `contract`: the contract's own version (`info.version`, or `version:` of its entry in
    /// treaty.yaml); `service`: a service's `version:` in treaty.yaml; `document`: a document's
    /// `info.version` that follows its service's version.
    pub place: &'static str,
    /// The contract or service.
    pub name: String,
    /// The contracts whose changes this version covers.
    pub contracts: Vec<String>,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The version in the earlier revision, which the next version counts from.
    pub old_version: Option<String>,
    /// The version declared now.
    pub version: Option<String>,
    /// The smallest correct version (the declared one when it already gives enough); none when
    /// it cannot be told.
    pub next_version: Option<String>,
    pub required_bump: Bump,
    /// Why there is nothing to count from, or what the place follows.
    pub note: Option<String>,
    #[serde(skip)]
    at: Option<(PathBuf, Span)>,
}

impl Place {
    /// True when the place needs a different version than it declares.
    pub fn needs_change(&self) -> bool {
        self.at.is_some() && self.next_version.is_some() && self.next_version != self.version
    }
}

/// A contract of a service that versions its contracts together: the new contract, its old
/// version, and the bump its changes require.
type Member<'a> = (&'a Contract, Option<&'a DeclaredVersion>, Bump);

/// What one contract needs, counted from its old version.
enum Target {
    /// The declared version gives enough.
    Keep,
    Next(Version),
    /// No earlier version: a first release needs no bump.
    First,
    Unknown(String),
}

fn target(old: Option<&DeclaredVersion>, declared: &str, required: Bump) -> Target {
    let Some(old) = old else { return Target::First };
    let Ok(o) = Version::parse(old.text.trim()) else {
        return Target::Unknown(format!(
            "the earlier version `{}` is not semantic versioning",
            old.text
        ));
    };
    let needed = effective_required(required, &o);
    if let Ok(n) = Version::parse(declared.trim())
        && bump_between(&o, &n).is_some_and(|given| given >= needed)
    {
        return Target::Keep;
    }
    Target::Next(next_version(&o, needed))
}

/// The versions every place should hold, in a stable order.
pub fn plan(c: &Compared) -> Vec<Place> {
    let pairs = compat::pair_contracts(&c.old, &c.new);
    let mut places = Vec::new();
    let mut services: BTreeMap<&str, Vec<Member>> = BTreeMap::new();
    // Contracts in verdict order (by name); a service's place goes where its first contract is.
    let mut order: Vec<Result<usize, &str>> = Vec::new();
    for v in &c.result.verdicts {
        let Some((old, Some(new))) = pairs
            .iter()
            .find(|(_, n)| n.is_some_and(|n| n.name == v.contract))
        else {
            continue;
        };
        let old_version = old.and_then(|o| o.version.as_ref());
        match (&new.version, new.service.as_deref()) {
            (Some(d), Some(service)) if d.source == VersionSource::Service => {
                if !services.contains_key(service) {
                    order.push(Err(service));
                }
                services
                    .entry(service)
                    .or_default()
                    .push((new, old_version, v.required_bump));
            }
            (declared, _) => {
                order.push(Ok(places.len()));
                places.push(contract_place(
                    c,
                    new,
                    old_version,
                    declared.as_ref(),
                    v.required_bump,
                ));
            }
        }
    }
    let mut out = Vec::new();
    for o in order {
        match o {
            Ok(i) => out.push(places[i].clone()),
            Err(service) => out.extend(service_places(c, service, &services[service])),
        }
    }
    out
}

/// Points a place at where the version is written in the new revision.
fn locate(place: &mut Place, c: &Compared, d: &DeclaredVersion) {
    if let Some(span) = d.span {
        let file = c.new.sources.get(span.file);
        let lc = file.line_col(span.start);
        place.file = Some(file.display.clone());
        place.line = Some(lc.line);
        place.column = Some(lc.column);
        place.at = Some((file.path.clone(), span));
    }
}

fn contract_place(
    c: &Compared,
    new: &Contract,
    old: Option<&DeclaredVersion>,
    declared: Option<&DeclaredVersion>,
    required: Bump,
) -> Place {
    let mut place = Place {
        place: "contract",
        name: new.name.clone(),
        contracts: vec![new.name.clone()],
        file: None,
        line: None,
        column: None,
        old_version: old.map(|o| o.text.clone()),
        version: None,
        next_version: None,
        required_bump: required,
        note: None,
        at: None,
    };
    let Some(declared) = declared else {
        place.note = Some(if required == Bump::None {
            "no version declared".to_string()
        } else {
            "no version declared: declare one (`info.version`, or `version:` of the contract in treaty.yaml) so a version can cover the changes".to_string()
        });
        return place;
    };
    locate(&mut place, c, declared);
    place.version = Some(declared.text.clone());
    match target(old, &declared.text, required) {
        Target::Keep => place.next_version = Some(declared.text.clone()),
        Target::Next(v) => place.next_version = Some(v.to_string()),
        Target::First => {
            place.next_version = Some(declared.text.clone());
            place.note = Some("first release: nothing to bump from".into());
        }
        Target::Unknown(why) => place.note = Some(why),
    }
    place
}

fn service_places(c: &Compared, service: &str, members: &[Member]) -> Vec<Place> {
    let Some(declared) = members.first().and_then(|(n, _, _)| n.version.as_ref()) else {
        return Vec::new();
    };
    let mut next: Option<(Version, Option<&DeclaredVersion>)> = None;
    let mut notes = Vec::new();
    let mut all_first = true;
    for (contract, old, required) in members {
        match target(*old, &declared.text, *required) {
            Target::Keep => all_first = false,
            Target::First => {}
            Target::Next(v) => {
                all_first = false;
                if next.as_ref().is_none_or(|(best, _)| v > *best) {
                    next = Some((v, *old));
                }
            }
            Target::Unknown(why) => {
                all_first = false;
                notes.push(format!("{}: {why}", contract.name));
            }
        }
    }
    let old_version = next
        .as_ref()
        .and_then(|(_, o)| *o)
        .or_else(|| {
            members
                .iter()
                .find_map(|(_, o, _)| o.filter(|o| o.source == VersionSource::Service))
        })
        .or_else(|| members.iter().find_map(|(_, o, _)| *o))
        .map(|o| o.text.clone());
    if all_first {
        notes.push("first release: nothing to bump from".into());
    }
    let target_text = next
        .as_ref()
        .map(|(v, _)| v.to_string())
        .unwrap_or_else(|| declared.text.clone());
    let mut place = Place {
        place: "service",
        name: service.to_string(),
        contracts: members.iter().map(|(n, _, _)| n.name.clone()).collect(),
        file: None,
        line: None,
        column: None,
        old_version,
        version: Some(declared.text.clone()),
        next_version: Some(target_text.clone()),
        required_bump: members
            .iter()
            .map(|(_, _, b)| *b)
            .max()
            .unwrap_or(Bump::None),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
        at: None,
    };
    locate(&mut place, c, declared);
    let mut out = vec![place];
    for (contract, old, required) in members {
        let Some(doc) = contract
            .document_version
            .as_ref()
            .filter(|d| d.source == VersionSource::Info)
        else {
            continue;
        };
        if doc.text.trim() == target_text {
            continue;
        }
        let mut place = Place {
            place: "document",
            name: contract.name.clone(),
            contracts: vec![contract.name.clone()],
            file: None,
            line: None,
            column: None,
            old_version: old.map(|o| o.text.clone()),
            version: Some(doc.text.clone()),
            next_version: Some(target_text.clone()),
            required_bump: *required,
            note: Some(format!(
                "follows the version of service `{service}` in treaty.yaml"
            )),
            at: None,
        };
        locate(&mut place, c, doc);
        out.push(place);
    }
    out
}

/// Writes the planned versions; every file is edited once, atomically.
fn write(places: &[Place]) -> Result<usize, LoadErrors> {
    let mut by_file: BTreeMap<PathBuf, Vec<VersionEdit>> = BTreeMap::new();
    for p in places.iter().filter(|p| p.needs_change()) {
        let (Some((path, span)), Some(version), Some(next)) = (&p.at, &p.version, &p.next_version)
        else {
            continue;
        };
        by_file.entry(path.clone()).or_default().push(VersionEdit {
            start: span.start as usize,
            end: span.end as usize,
            expected: version.clone(),
            replacement: next.clone(),
        });
    }
    // Check every file before writing any, so a refusal leaves the tree as it was.
    let mut planned = Vec::new();
    for (path, edits) in &by_file {
        let bytes = std::fs::read(path).map_err(|e| {
            write_error(version_edit::EditError::Read {
                path: path.clone(),
                source: e,
            })
        })?;
        let out = version_edit::apply_to_bytes(&bytes, edits, path).map_err(write_error)?;
        planned.push((path, out));
    }
    for (path, bytes) in planned {
        version_edit::write_atomic(path, &bytes).map_err(|e| {
            write_error(version_edit::EditError::Write {
                path: path.clone(),
                source: e,
            })
        })?;
    }
    Ok(by_file.values().map(Vec::len).sum())
}

fn write_error(e: version_edit::EditError) -> LoadErrors {
    LoadError::new("treaty::bump::write", e.to_string()).into()
}

pub fn run(args: BumpArgs) -> Outcome {
    let compared = match compare(args.against.as_deref(), "`treaty bump` needs --against REF") {
        Ok(c) => c,
        Err(e) => return Outcome::Error(e),
    };
    if compared.old.proto_only {
        return Outcome::Error(
            LoadError::new(
                "treaty::usage::bump-image",
                format!("`{}` is a protobuf image, which declares no versions: `treaty bump` counts the next versions from the earlier revision's", compared.against),
            )
            .with_help("give --against the earlier revision as a git revision, a directory or an archive; `treaty check --against IMAGE` still judges the changes")
            .into(),
        );
    }
    let places = plan(&compared);
    let pending = places.iter().filter(|p| p.needs_change()).count();
    let written = if args.write && pending > 0 {
        match write(&places) {
            Ok(n) => n,
            Err(e) => return Outcome::Error(e),
        }
    } else {
        0
    };
    match args.format {
        BumpFormat::Json => {
            let out = serde_json::json!({ "versions": places, "written": written > 0 });
            super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&out).unwrap_or_default()
            ));
        }
        BumpFormat::Human => super::print(&human(&places, args.write, pending)),
    }
    if pending > 0 && !args.write {
        Outcome::Failed
    } else {
        Outcome::Clean
    }
}

fn human(places: &[Place], wrote: bool, pending: usize) -> String {
    let quiet = super::global().quiet;
    let mut text = String::new();
    for p in places {
        if quiet && !p.needs_change() {
            continue;
        }
        let who = match p.place {
            "service" => format!("service {}", p.name),
            "document" => format!("{} (info.version)", p.name),
            _ => p.name.clone(),
        };
        let at = match (&p.file, p.line) {
            (Some(f), Some(l)) => format!(" at {f}:{l}"),
            _ => String::new(),
        };
        let why = match (&p.old_version, p.place) {
            (_, "document") => p.note.clone().unwrap_or_default(),
            (Some(old), _) if p.required_bump == Bump::None => {
                format!("no change that needs a bump since {old}")
            }
            (Some(old), _) => format!("{} change since {old}", p.required_bump.as_str()),
            (None, _) => p.note.clone().unwrap_or_default(),
        };
        let version = p.version.as_deref().unwrap_or("(none)");
        let line = match &p.next_version {
            Some(next) if p.needs_change() => format!(
                "{who}: {version} → {next}{} ({why}){at}",
                if wrote { " (written)" } else { "" }
            ),
            Some(_) => format!("{who}: {version} ok ({why})"),
            None => format!(
                "{who}: {version} ({}){at}",
                p.note.as_deref().unwrap_or("cannot tell")
            ),
        };
        text.push_str(&line);
        if p.place != "document"
            && let Some(note) = &p.note
            && p.old_version.is_some()
            && p.next_version.is_some()
        {
            text.push_str(&format!("; {note}"));
        }
        text.push('\n');
    }
    if !quiet {
        text.push_str(&match (pending, wrote) {
            (0, _) => "every declared version covers its changes\n".to_string(),
            (n, true) => format!("wrote {n} version{}\n", if n == 1 { "" } else { "s" }),
            (n, false) => format!(
                "{n} version{} to change: run `treaty bump --write` to write {}\n",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
        });
    }
    text
}
