//! `treaty check`: compare two revisions and gate on the verdict.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Format, Outcome};
use treaty::compat::accepted::{self, AcceptedFinding};
use treaty::compat::{self, BreakingConfig, CheckOptions, CheckResult};
use treaty::diag::{LoadError, LoadErrors, Severity};
use treaty::formats::proto::Reuse;
use treaty::report::{Finding, github, human, json, junit, markdown, sarif};
use treaty::source::SourceMap;
use treaty::workspace::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The old revision (a file or a directory) when comparing two paths.
    #[arg(value_name = "OLD", requires = "new", conflicts_with = "against")]
    pub old: Option<PathBuf>,
    /// The new revision (a file or a directory).
    #[arg(value_name = "NEW")]
    pub new: Option<PathBuf>,
    /// Compare the workspace with an earlier revision: a directory, an archive (.tar, .tar.gz,
    /// .zip), a protobuf image (`buf build -o image.binpb`: binary, .gz or .json; its files
    /// compared with the workspace's .proto files by name), or a git revision (main, origin/main,
    /// HEAD~3, a tag, a commit).
    /// Without it (and without OLD NEW) the working tree is compared with HEAD; under CI=true that
    /// default is refused.
    #[arg(long, value_name = "REF")]
    pub against: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The lowest severity that fails the check when the declared versions do not cover it.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Only check files under this path (repeatable).
    #[arg(long = "path", value_name = "PATH")]
    pub paths: Vec<String>,
    /// Leave out files under this path (repeatable).
    #[arg(long = "exclude-path", value_name = "PATH")]
    pub exclude_paths: Vec<String>,
    /// An earlier revision (a directory), oldest first, for rules that look further back such as
    /// field-number reuse (repeatable).
    #[arg(long, value_name = "DIR")]
    pub history: Vec<PathBuf>,
    /// The date deprecation and sunset policies compare with (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// A file of accepted findings, let through the gate until their `expires` date (default: the
    /// file named by `accepted:` in treaty.yaml).
    #[arg(long, value_name = "FILE")]
    pub accepted: Option<PathBuf>,
    /// Write the findings that fail the gate into FILE as accepted findings (keeping the reasons
    /// and dates of entries already there), then gate with it: to adopt treaty on an existing codebase.
    #[arg(long, value_name = "FILE")]
    pub write_accepted: Option<PathBuf>,
}

/// True when the environment says this is a CI run.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Loads the earlier revision of `new` named by `--against`; `keep` holds its temporary
/// directory alive. A protobuf image takes its contracts from `new`'s.
pub fn load_revision(
    reference: &str,
    new: &Workspace,
    keep: &mut Option<treaty::workspace::revision::Materialized>,
) -> Result<Workspace, LoadErrors> {
    use treaty::workspace::revision::{self, Revision};
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // The earlier revision takes the protobuf files `new` compiled where it would compile the same.
    let reuse = Reuse::new(&new.contracts, &new.sources);
    match revision::classify(reference, &cwd) {
        Revision::Dir(d) => treaty::workspace::load_dir_reusing(&d, &reuse),
        Revision::Image(p) => treaty::workspace::image::load(&p, &super::shown(&p), new),
        other => {
            let m = revision::materialize(&other, &new.root)?;
            let ws = treaty::workspace::load_dir_reusing(&m.dir, &reuse)?;
            *keep = Some(m);
            Ok(ws)
        }
    }
}

fn load_side(path: &std::path::Path) -> Result<Workspace, LoadErrors> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut ws = treaty::workspace::load_paths(&[path.to_path_buf()], &cwd)?;
    ws.release_lint_data();
    Ok(ws)
}

/// Loads OLD and NEW. NEW loads first, so that OLD takes the protobuf files NEW compiled from
/// the same text and imports rather than compiling them again (two revisions of a large module
/// mostly share their files); errors come out as if OLD had loaded first.
fn load_pair(
    old: &std::path::Path,
    new: &std::path::Path,
) -> Result<(Workspace, Workspace), LoadErrors> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let new = match load_side(new) {
        Ok(ws) => ws,
        Err(e) => {
            load_side(old)?;
            return Err(e);
        }
    };
    let reuse = Reuse::new(&new.contracts, &new.sources);
    let mut old = treaty::workspace::load_paths_reusing(&[old.to_path_buf()], &cwd, &reuse)?;
    drop(reuse);
    old.release_lint_data();
    Ok((old, new))
}

/// The new side's breaking configuration: treaty.yaml over buf.yaml.
pub fn breaking_config(ws: &Workspace) -> Result<BreakingConfig, LoadErrors> {
    let read = |v: &Option<yaml_serde::Value>| -> Result<BreakingConfig, LoadErrors> {
        match v {
            Some(v) => BreakingConfig::from_yaml(v)
                .map_err(|e| LoadError::new("treaty::config::breaking", e).into()),
            None => Ok(BreakingConfig::default()),
        }
    };
    let own = read(&ws.breaking)?;
    let buf = read(&ws.buf_breaking)?;
    Ok(own.merged_over(&buf))
}

pub fn run(args: CheckArgs) -> Outcome {
    if let Some(d) = &args.today
        && !valid_date(d)
    {
        return Outcome::Error(
            LoadError::new(
                "treaty::usage::today",
                format!("--today `{d}` is not a date in the form YYYY-MM-DD"),
            )
            .into(),
        );
    }
    let mut _keep = None;
    let sides = match (&args.old, &args.new, &args.against) {
        (Some(o), Some(n), None) => load_pair(o, n),
        (None, None, against) => {
            let against = match against_or_head(
                against.as_deref(),
                "`treaty check` needs --against REF or OLD NEW",
            ) {
                Ok(a) => a,
                Err(e) => return Outcome::Error(e),
            };
            super::load_workspace(&[]).and_then(|mut new| {
                new.release_lint_data();
                let mut old = load_revision(&against, &new, &mut _keep)?;
                old.release_lint_data();
                Ok((old, new))
            })
        }
        _ => Err(LoadError::new(
            "treaty::usage::check",
            "give either OLD and NEW, or --against REF",
        )
        .with_help(
            "treaty check old.proto new.proto   or   treaty check --against fixtures/ftgo/r3",
        )
        .into()),
    };
    let (old, mut new) = match sides {
        Ok(s) => s,
        Err(e) => return Outcome::Error(e),
    };
    let mut history = Vec::new();
    for h in &args.history {
        match load_side(h) {
            Ok(w) => history.push(w),
            Err(e) => return Outcome::Error(e),
        }
    }
    let config = match breaking_config(&new) {
        Ok(c) => c,
        Err(e) => return Outcome::Error(e),
    };
    let options = CheckOptions {
        config,
        paths: args.paths.clone(),
        exclude_paths: args.exclude_paths.clone(),
        today: args.today.clone(),
    };
    let started = std::time::Instant::now();
    let mut result = {
        let _progress = super::Progress::start("comparing revisions");
        compat::check_with_history(&old, &new, &history, &options)
    };
    let fail_on = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let files = AcceptedFiles {
        read: args.accepted.as_deref(),
        write: args.write_accepted.as_deref(),
        fail_on,
        today: args.today.as_deref(),
    };
    let accepted = match accept(&files, &old, &mut new, &options, &mut result) {
        Ok(a) => a,
        Err(e) => return Outcome::Error(e),
    };
    super::verbose(format!(
        "compared {} contracts: {} findings in {:.2} s",
        result.verdicts.len(),
        result.findings.len(),
        started.elapsed().as_secs_f64()
    ));
    render(&result, &accepted, &old.sources, &new.sources, args.format);
    let outcome = if gate_fails(&result, fail_on) {
        Outcome::Failed
    } else {
        Outcome::Clean
    };
    // The process ends next: its memory goes back whole, which is faster than freeing the
    // revisions' millions of descriptor allocations one by one (0.4 s on googleapis).
    std::mem::forget((old, new, history));
    outcome
}

/// True when a finding at or above `fail_on` is not covered by its contract's version change.
pub fn gate_fails(result: &CheckResult, fail_on: Option<Severity>) -> bool {
    result
        .findings
        .iter()
        .any(|f| fails_gate(result, f, fail_on))
}

/// True when this finding fails the gate: at or above `fail_on` and not covered.
pub fn fails_gate(result: &CheckResult, f: &Finding, fail_on: Option<Severity>) -> bool {
    compat::fails(f, fail_on) && {
        let covered = !compat::verdict::is_policy_rule(f.rule)
            && result
                .verdicts
                .iter()
                .any(|v| v.contract == f.contract && v.covered);
        !covered
    }
}

/// Where accepted findings are read from and written to.
pub struct AcceptedFiles<'a> {
    /// --accepted; else the manifest's `accepted:`.
    pub read: Option<&'a std::path::Path>,
    /// --write-accepted.
    pub write: Option<&'a std::path::Path>,
    pub fail_on: Option<Severity>,
    pub today: Option<&'a str>,
}

/// Applies accepted findings to a result. With a file to write, the findings that fail the gate
/// are first written there (keeping reasons and dates of entries already in it) and then applied.
pub fn accept(
    files: &AcceptedFiles,
    old: &Workspace,
    new: &mut Workspace,
    options: &CheckOptions,
    result: &mut CheckResult,
) -> Result<Vec<AcceptedFinding>, LoadErrors> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let today = files
        .today
        .and_then(accepted::Date::parse)
        .unwrap_or_else(accepted::Date::today);
    let acceptance = if let Some(target) = files.write {
        let target = cwd.join(target);
        let previous = if target.is_file() {
            Some(accepted::load(&target, new)?)
        } else {
            None
        };
        let failing: Vec<&Finding> = result
            .findings
            .iter()
            .filter(|f| fails_gate(result, f, files.fail_on))
            .collect();
        let entries =
            accepted::entries_for(&failing, previous.as_ref(), &old.sources, &new.sources);
        accepted::write(&target, &accepted::render(&entries))?;
        accepted::Acceptance {
            path: target,
            entries,
        }
    } else {
        match files
            .read
            .map(|f| cwd.join(f))
            .or_else(|| accepted::manifest_file(new))
        {
            Some(path) => accepted::load(&path, new)?,
            None => return Ok(Vec::new()),
        }
    };
    Ok(accepted::apply(
        result,
        old,
        new,
        options,
        &acceptance,
        today,
    ))
}

fn render(
    result: &CheckResult,
    accepted: &[AcceptedFinding],
    old: &SourceMap,
    new: &SourceMap,
    format: Format,
) {
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "findings": result.findings.iter().map(|f| json::finding(f, old, new)).collect::<Vec<_>>(),
                "verdicts": result.verdicts,
                "services": result.services,
                "accepted": accepted.iter().map(|a| a.to_json(old, new)).collect::<Vec<_>>(),
            });
            super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&out).unwrap_or_default()
            ));
        }
        Format::Sarif => super::print(&sarif::render(&result.findings, old, new)),
        Format::Github => super::print(&github::render(&result.findings, old, new)),
        Format::Markdown => super::print(&markdown::render(
            &result.findings,
            old,
            new,
            &result.verdicts,
        )),
        Format::Junit => {
            let names: Vec<String> = result.verdicts.iter().map(|v| v.contract.clone()).collect();
            super::print(&junit::render(&result.findings, old, new, &names))
        }
        Format::Human => {
            let quiet = super::global().quiet;
            let shown: Vec<_> = result
                .findings
                .iter()
                .filter(|f| !quiet || f.severity == Severity::Error)
                .cloned()
                .collect();
            let mut text = human::render_findings(&shown, old, new, super::stdout_colour());
            for v in result.verdicts.iter().filter(|v| !quiet || !v.ok) {
                text.push_str(&format!(
                    "{}: {} → {}: needs {} — {}\n",
                    v.contract,
                    v.old_version.as_deref().unwrap_or("(no version)"),
                    v.new_version.as_deref().unwrap_or("(no version)"),
                    v.required_bump.as_str(),
                    if v.ok {
                        "ok"
                    } else {
                        "version does not cover the changes"
                    }
                ));
            }
            if !quiet && !accepted.is_empty() {
                text.push_str(&format!(
                    "{} accepted finding{} let through (listed in --format json)\n",
                    accepted.len(),
                    if accepted.len() == 1 { "" } else { "s" }
                ));
            }
            if !quiet {
                text.push_str(&human::summary(&result.findings, result.verdicts.len()));
                text.push('\n');
            }
            super::print(&text);
        }
    }
}

/// The revision to compare with: the one given, else HEAD, which CI refuses (there HEAD is the
/// revision under test and the comparison could never fail).
pub fn against_or_head(against: Option<&str>, needs: &str) -> Result<String, LoadErrors> {
    match against {
        Some(a) => Ok(a.to_string()),
        None if in_ci() => Err(LoadError::new("treaty::usage::ci-default", format!("in CI (CI=true), {needs}"))
            .with_help("the local default compares the working tree with HEAD, which in CI is the revision under test itself and would never fail: name the base, e.g. --against origin/main")
            .into()),
        None => Ok("HEAD".to_string()),
    }
}

fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&parts[2].parse::<u32>().unwrap_or(0))
}
