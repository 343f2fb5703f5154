//! `treaty lint`.

use std::path::PathBuf;

use clap::Args;

use super::{Format, Outcome};
use treaty::diag::Severity;
use treaty::report::{github, human, json, junit, markdown, sarif};

#[derive(Args, Debug)]
pub struct LintArgs {
    /// Files or directories to lint instead of the manifest's contracts.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: LintArgs) -> Outcome {
    let ws = match super::load_workspace(&args.paths) {
        Ok(ws) => ws,
        Err(e) => return Outcome::Error(e),
    };
    let mut findings = treaty::lint::run(&ws, &ws.lint);
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    if super::global().quiet {
        findings.retain(|f| f.severity == Severity::Error);
    }
    let empty = treaty::source::SourceMap::new();
    match args.format {
        Format::Json => super::print(&json::render_lint(&findings, &ws.sources)),
        Format::Sarif => super::print(&sarif::render(&findings, &empty, &ws.sources)),
        Format::Github => super::print(&github::render(&findings, &empty, &ws.sources)),
        Format::Markdown => super::print(&markdown::render(&findings, &empty, &ws.sources, &[])),
        Format::Junit => {
            let names: Vec<String> = ws.contracts.iter().map(|c| c.name.clone()).collect();
            super::print(&junit::render(&findings, &empty, &ws.sources, &names))
        }
        Format::Human => {
            let mut text =
                human::render_findings(&findings, &empty, &ws.sources, super::stdout_colour());
            if !super::global().quiet {
                text.push_str(&human::summary(&findings, ws.contracts.len()));
                text.push('\n');
            }
            super::print(&text);
        }
    }
    if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    }
}
