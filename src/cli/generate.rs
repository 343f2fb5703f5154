//! `treaty gen rust --out DIR`: generate (or with `--check`, verify) Rust clients, types and mocks.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Outcome, eprint, print, verbose};
use treaty::codegen::{self, GenError, StaleKind};
use treaty::diag::LoadError;

#[derive(Args, Debug)]
pub struct GenArgs {
    #[command(subcommand)]
    pub target: GenTarget,
}

#[derive(Subcommand, Debug)]
pub enum GenTarget {
    /// A Cargo workspace with one crate per service (`<service>-api`): serde types, reqwest and
    /// tonic clients with timeouts, bulkhead, circuit breaker and fallback, messaging publishers
    /// and handlers, and mocks that check what passes through them against the contracts.
    #[command(
        after_help = "Examples:\n  treaty gen rust --out clients/\n  treaty gen rust --out clients/ --service order --service kitchen\n  treaty gen rust --out clients/ --check     exit 1 with a diff when clients/ is out of date\n\nFiles treaty wrote are listed in DIR/.treaty-generated; on regeneration the ones it no longer\nwrites are removed, and no other file in DIR is touched. Cargo.lock is left to cargo."
    )]
    Rust(RustArgs),
}

#[derive(Args, Debug)]
pub struct RustArgs {
    /// The directory to generate into (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Generate only this service (by its name in treaty.yaml); repeatable. Default: every service.
    #[arg(long = "service", value_name = "NAME")]
    pub services: Vec<String>,
    /// Write nothing: compare DIR with what would be generated, print the differences as unified
    /// diffs and exit 1 when there are any.
    #[arg(long)]
    pub check: bool,
    /// Contract files or directories (default: the workspace of the nearest treaty.yaml).
    pub paths: Vec<PathBuf>,
}

pub fn run(args: GenArgs) -> Outcome {
    match args.target {
        GenTarget::Rust(args) => rust(args),
    }
}

fn error(e: GenError) -> Outcome {
    Outcome::Error(LoadError::new("treaty::gen", e.to_string()).into())
}

fn rust(args: RustArgs) -> Outcome {
    let ws = match super::load_workspace(&args.paths) {
        Ok(ws) => ws,
        Err(e) => return Outcome::Error(e),
    };
    let started = std::time::Instant::now();
    let options = codegen::rust::Options {
        services: args.services.clone(),
    };
    let tree = match codegen::rust::generate(&ws, &options) {
        Ok(t) => t,
        Err(e) => return error(e),
    };
    verbose(format!(
        "generated {} files in {:.3} s",
        tree.files.len(),
        started.elapsed().as_secs_f64()
    ));
    let out = args.out.display().to_string();
    if args.check {
        let stale = match codegen::check_tree(&args.out, &tree) {
            Ok(s) => s,
            Err(e) => return error(e),
        };
        if stale.is_empty() {
            if !super::global().quiet {
                eprint(&format!(
                    "{out} is up to date ({} files)\n",
                    tree.files.len()
                ));
            }
            return Outcome::Clean;
        }
        for s in &stale {
            print(&s.diff);
        }
        let what = |k: StaleKind| stale.iter().filter(|s| s.kind == k).count();
        eprint(&format!(
            "{out} is out of date: {} changed, {} missing, {} no longer generated. Run `treaty gen rust --out {out}` to regenerate.\n",
            what(StaleKind::Changed),
            what(StaleKind::Missing),
            what(StaleKind::Removed),
        ));
        return Outcome::Failed;
    }
    let report = match codegen::write_tree(&args.out, &tree) {
        Ok(r) => r,
        Err(e) => return error(e),
    };
    if !super::global().quiet {
        eprint(&format!(
            "{out}: {} written, {} unchanged, {} removed\n",
            report.written.len(),
            report.unchanged.len(),
            report.removed.len()
        ));
    }
    for r in &report.removed {
        verbose(format!("removed {r}"));
    }
    Outcome::Clean
}
