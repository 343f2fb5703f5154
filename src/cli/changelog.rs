//! `treaty changelog`: the API changes since a revision, per service, as Markdown or JSON.
//!
//! The comparison is `treaty check`'s; the findings become entries in four groups:
//!
//! | group    | findings                                                          |
//! |----------|-------------------------------------------------------------------|
//! | Breaking | severity error (version-policy findings are about the version, not the API, and are left out) |
//! | Changed  | severity warning, and anything else no other group takes          |
//! | Added    | changes that need a minor bump                                    |
//! | Docs     | changes that need a patch bump                                    |
//!
//! Accepted findings are still changes: they are listed, marked with the reason they were
//! accepted. Each service gets the bump it requires and, per contract, the smallest correct next
//! version as `treaty bump` computes it. Output is deterministic: services, contracts and entries
//! are sorted, and nothing depends on the clock or the machine.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Outcome;
use super::bump::{Compared, Place};
use treaty::compat::accepted::ACCEPTED_EXPIRED;
use treaty::compat::registry::VERSION_NOT_SEMVER;
use treaty::compat::verdict::is_policy_rule;
use treaty::diag::Severity;
use treaty::report::{Bump, Finding, Location};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ChangelogFormat {
    /// A Markdown section per service.
    #[default]
    Markdown,
    /// The same content as data.
    Json,
}

#[derive(Args, Debug)]
pub struct ChangelogArgs {
    /// The earlier revision: a directory, an archive (.tar, .tar.gz, .zip) or a git revision
    /// (the last release tag, main, origin/main, HEAD~3, a commit).
    #[arg(long, value_name = "REF", required = true)]
    pub against: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ChangelogFormat,
}

/// The groups of a changelog, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Breaking,
    Added,
    Changed,
    Docs,
}

impl Group {
    const ALL: [Group; 4] = [Group::Breaking, Group::Added, Group::Changed, Group::Docs];

    fn title(self) -> &'static str {
        match self {
            Group::Breaking => "Breaking",
            Group::Added => "Added",
            Group::Changed => "Changed",
            Group::Docs => "Docs",
        }
    }

    /// The group of a finding; `None` for findings about versions or acceptances, not the API.
    fn of(f: &Finding) -> Option<Group> {
        if is_policy_rule(f.rule)
            || f.rule == VERSION_NOT_SEMVER.id
            || f.rule == ACCEPTED_EXPIRED.id
        {
            return None;
        }
        Some(match (f.severity, f.bump) {
            (Severity::Error, _) => Group::Breaking,
            (Severity::Warning, _) => Group::Changed,
            (_, Some(Bump::Minor)) => Group::Added,
            (_, Some(Bump::Patch)) => Group::Docs,
            _ => Group::Changed,
        })
    }
}

#[derive(Serialize)]
struct Entry {
    contract: String,
    rule: &'static str,
    message: String,
    file: Option<String>,
    /// The reason, when the finding is accepted.
    accepted: Option<String>,
}

#[derive(Serialize)]
struct ContractLine {
    contract: String,
    required_bump: Bump,
    old_version: Option<String>,
    new_version: Option<String>,
    next_version: Option<String>,
}

#[derive(Serialize)]
struct Service {
    service: String,
    required_bump: Bump,
    contracts: Vec<ContractLine>,
    breaking: Vec<Entry>,
    added: Vec<Entry>,
    changed: Vec<Entry>,
    docs: Vec<Entry>,
}

impl Service {
    fn group(&self, g: Group) -> &[Entry] {
        match g {
            Group::Breaking => &self.breaking,
            Group::Added => &self.added,
            Group::Changed => &self.changed,
            Group::Docs => &self.docs,
        }
    }

    fn group_mut(&mut self, g: Group) -> &mut Vec<Entry> {
        match g {
            Group::Breaking => &mut self.breaking,
            Group::Added => &mut self.added,
            Group::Changed => &mut self.changed,
            Group::Docs => &mut self.docs,
        }
    }

    fn is_empty(&self) -> bool {
        Group::ALL.iter().all(|g| self.group(*g).is_empty()) && self.required_bump == Bump::None
    }
}

#[derive(Serialize)]
struct Changelog {
    against: String,
    services: Vec<Service>,
    /// Services without changes.
    unchanged: Vec<String>,
}

fn build(c: &Compared, places: &[Place]) -> Changelog {
    let service_of = |contract: &str| -> String {
        c.result
            .verdicts
            .iter()
            .find(|v| v.contract == contract)
            .and_then(|v| v.service.clone())
            .unwrap_or_else(|| contract.to_string())
    };
    let mut services: BTreeMap<String, Service> = BTreeMap::new();
    for v in &c.result.verdicts {
        let s = service_mut(&mut services, service_of(&v.contract));
        s.required_bump = s.required_bump.max(v.required_bump);
        let next = places
            .iter()
            .find(|p| p.place != "document" && p.contracts.contains(&v.contract))
            .and_then(|p| p.next_version.clone());
        s.contracts.push(ContractLine {
            contract: v.contract.clone(),
            required_bump: v.required_bump,
            old_version: v.old_version.clone(),
            new_version: v.new_version.clone(),
            next_version: next,
        });
    }
    let listed = c.result.findings.iter().map(|f| (f, None)).chain(
        c.accepted
            .iter()
            .map(|a| (&a.finding, Some(a.reason.clone()))),
    );
    for (f, accepted) in listed {
        let Some(group) = Group::of(f) else { continue };
        let file = f
            .new
            .map(|s| Location::of(&c.new.sources, s).file)
            .or_else(|| f.old.map(|s| Location::of(&c.old.sources, s).file));
        service_mut(&mut services, service_of(&f.contract))
            .group_mut(group)
            .push(Entry {
                contract: f.contract.clone(),
                rule: f.rule,
                message: f.message.clone(),
                file,
                accepted,
            });
    }
    let mut out = Changelog {
        against: c.against.clone(),
        services: Vec::new(),
        unchanged: Vec::new(),
    };
    for (name, mut s) in services {
        if s.is_empty() {
            out.unchanged.push(name);
            continue;
        }
        for g in Group::ALL {
            s.group_mut(g).sort_by(|a, b| {
                (&a.contract, &a.file, a.rule, &a.message).cmp(&(
                    &b.contract,
                    &b.file,
                    b.rule,
                    &b.message,
                ))
            });
        }
        s.contracts.sort_by(|a, b| a.contract.cmp(&b.contract));
        out.services.push(s);
    }
    out
}

fn service_mut(services: &mut BTreeMap<String, Service>, name: String) -> &mut Service {
    services.entry(name.clone()).or_insert_with(|| Service {
        service: name,
        required_bump: Bump::None,
        contracts: Vec::new(),
        breaking: Vec::new(),
        added: Vec::new(),
        changed: Vec::new(),
        docs: Vec::new(),
    })
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn markdown(log: &Changelog) -> String {
    let mut out = format!("# API changelog\n\nChanges since `{}`.\n", log.against);
    if log.services.is_empty() {
        out.push_str("\nNo API changes.\n");
    }
    for s in &log.services {
        let _ = write!(
            out,
            "\n## {}\n\nRequired bump: **{}**\n\n",
            s.service,
            s.required_bump.as_str()
        );
        out.push_str("| contract | version | required bump | next version |\n|---|---|---|---|\n");
        for c in &s.contracts {
            let version = match (&c.old_version, &c.new_version) {
                (Some(o), Some(n)) if o == n => o.clone(),
                (Some(o), Some(n)) => format!("{o} → {n}"),
                (None, Some(n)) => format!("new: {n}"),
                (Some(o), None) => format!("{o} (removed or unversioned)"),
                (None, None) => "–".to_string(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&c.contract),
                cell(&version),
                c.required_bump.as_str(),
                c.next_version.as_deref().unwrap_or("–")
            );
        }
        for g in Group::ALL {
            let entries = s.group(g);
            if entries.is_empty() {
                continue;
            }
            let _ = write!(out, "\n### {}\n\n", g.title());
            for e in entries {
                let _ = write!(
                    out,
                    "- **{}**: {} (`{}`)",
                    e.contract,
                    e.message.replace('\n', " "),
                    e.rule
                );
                if let Some(reason) = &e.accepted {
                    let _ = write!(out, " — accepted: {}", reason.replace('\n', " "));
                }
                out.push('\n');
            }
        }
    }
    if !log.unchanged.is_empty() {
        let _ = write!(out, "\nUnchanged: {}.\n", log.unchanged.join(", "));
    }
    out
}

pub fn run(args: ChangelogArgs) -> Outcome {
    let compared = match super::bump::compare(
        Some(&args.against),
        "`treaty changelog` needs --against REF",
    ) {
        Ok(c) => c,
        Err(e) => return Outcome::Error(e),
    };
    let places = super::bump::plan(&compared);
    let log = build(&compared, &places);
    match args.format {
        ChangelogFormat::Markdown => super::print(&markdown(&log)),
        ChangelogFormat::Json => super::print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&log).unwrap_or_default()
        )),
    }
    Outcome::Clean
}
