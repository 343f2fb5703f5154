//! The command line: clap definitions, turned into settings and handed to one module per command.
//! Commands return an [`Outcome`]; `main` maps it to the exit code (0 clean, 1 findings that fail
//! the run, 2 tool or input errors).

pub mod bump;
pub mod changelog;
pub mod check;
pub mod compat;
pub mod completions;
pub mod generate;
pub mod init;
pub mod lint;
pub mod rules;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use treaty::diag::{LoadError, LoadErrors};
use treaty::report::human;
use treaty::workspace::{self, Workspace};

#[derive(Parser, Debug)]
#[command(
    name = "treaty",
    version,
    about = "Lint API contracts (protobuf, OpenAPI, AsyncAPI), judge breaking changes and the semver bump they need",
    long_about = None,
    after_help = "Examples:\n  treaty lint                      lint the workspace of the nearest treaty.yaml\n  treaty lint api/orders.yaml      lint one file\n  treaty rules                     list every rule\n  treaty rules FIELD_LOWER_SNAKE_CASE\n  treaty init                      write a treaty.yaml for the contracts found here"
)]
pub struct Cli {
    /// Print only findings of severity error and no summary.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print what was loaded and how long each step took (on stderr).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// Settings every command shares.
#[derive(Clone, Copy, Debug, Default)]
pub struct Global {
    pub quiet: bool,
    pub verbose: bool,
}

static GLOBAL: std::sync::OnceLock<Global> = std::sync::OnceLock::new();

pub fn global() -> Global {
    GLOBAL.get().copied().unwrap_or_default()
}

/// Prints a line on stderr with --verbose.
pub fn verbose(text: impl AsRef<str>) {
    if global().verbose {
        eprint(&format!("{}\n", text.as_ref()));
    }
}

/// A progress line on a terminal for work that runs longer than a second; cleared when dropped.
pub struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    pub fn start(what: &'static str) -> Progress {
        use std::sync::atomic::{AtomicBool, Ordering};
        let done = std::sync::Arc::new(AtomicBool::new(false));
        let show = std::io::stderr().is_terminal() && !global().quiet;
        let handle = show.then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let start = std::time::Instant::now();
                let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
                let mut shown = false;
                let mut i = 0;
                while !done.load(Ordering::Relaxed) {
                    if start.elapsed().as_millis() >= 1000 {
                        eprint(&format!(
                            "\r{} {what} ({:.0} s)",
                            frames[i % frames.len()],
                            start.elapsed().as_secs_f64()
                        ));
                        shown = true;
                        i += 1;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                if shown {
                    eprint("\r\x1b[2K");
                }
            })
        });
        Progress { done, handle }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compare two revisions: list every change, judge which break a consumer, and the semver bump needed.
    #[command(
        after_help = "Examples:\n  treaty check old.proto new.proto\n  treaty check fixtures/ftgo/r2 fixtures/ftgo/r3\n  treaty check --against fixtures/ftgo/r3 --format json\n  treaty check --against old/ --fail-on warning\n  treaty check --against origin/main --accepted accepted.yaml\n  treaty check --against v1.4.0 --write-accepted accepted.yaml   adopt treaty: accept what is there"
    )]
    Check(check::CheckArgs),
    /// Print (or --write) the smallest correct next version for every place a version is declared.
    #[command(
        after_help = "Examples:\n  treaty bump                          what the working tree needs over HEAD\n  treaty bump --against v1.4.0 --write\n  treaty bump --against origin/main --format json\n\nExit codes: 0 when every version covers its changes or --write wrote them, 1 when a version\nneeds to change and was only printed, 2 on errors."
    )]
    Bump(bump::BumpArgs),
    /// Write a changelog of the API changes since a revision, per service (Markdown or JSON).
    #[command(
        after_help = "Examples:\n  treaty changelog --against v1.4.0 > CHANGELOG-api.md\n  treaty changelog --against origin/main --format json"
    )]
    Changelog(changelog::ChangelogArgs),
    /// Schema-registry compatibility of schema files (JSON Schema, protobuf, Avro), oldest first.
    #[command(
        after_help = "Examples:\n  treaty compat v1.json v2.json                       is v2 backward compatible with v1?\n  treaty compat --mode full-transitive v1.json v2.json v3.json\n  treaty compat --mode forward --policy lenient old.json new.json\n  treaty compat --message ftgo.order.v1.Order old.proto new.proto\n  treaty compat --mode full order-v1.avsc order-v2.avsc --format json"
    )]
    Compat(compat::CompatArgs),
    /// Generate code from the contracts: `treaty gen rust --out DIR`.
    #[command(
        after_help = "Examples:\n  treaty gen rust --out clients/\n  treaty gen rust --out clients/ --check"
    )]
    Gen(generate::GenArgs),
    /// Lint the workspace (or the given files and directories).
    #[command(
        after_help = "Examples:\n  treaty lint\n  treaty lint --format json\n  treaty lint contracts/order/openapi.yaml\n  treaty lint proto/   # a directory with a buf.yaml is a workspace of its own"
    )]
    Lint(lint::LintArgs),
    /// List the rules, or print one rule's documentation.
    #[command(
        after_help = "Examples:\n  treaty rules\n  treaty rules ENUM_ZERO_VALUE_SUFFIX\n  treaty rules --format json"
    )]
    Rules(rules::RulesArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  treaty completions bash > /etc/bash_completion.d/treaty\n  treaty completions zsh > ~/.zfunc/_treaty"
    )]
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff), generated from the command-line definition.
    #[command(after_help = "Examples:\n  treaty man > treaty.1 && man ./treaty.1")]
    Man(completions::ManArgs),
    /// Write a treaty.yaml for the contracts found in a directory.
    #[command(after_help = "Examples:\n  treaty init\n  treaty init path/to/repo --force")]
    Init(init::InitArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Diagnostics with source excerpts (colour on a terminal; NO_COLOR honoured).
    #[default]
    Human,
    /// The stable JSON shape (see docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// JUnit XML test reports.
    Junit,
    /// GitHub Actions workflow annotations.
    Github,
    /// A Markdown report for pull-request comments and job summaries.
    Markdown,
}

/// What a command ended with.
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: findings that fail the run.
    Failed,
    /// Exit 2: the inputs could not be read, or the command was misused.
    Error(LoadErrors),
}

pub fn run(cli: Cli) -> Outcome {
    let _ = GLOBAL.set(Global {
        quiet: cli.quiet,
        verbose: cli.verbose,
    });
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Compat(args) => compat::run(args),
        Command::Bump(args) => bump::run(args),
        Command::Changelog(args) => changelog::run(args),
        Command::Gen(args) => generate::run(args),
        Command::Lint(args) => lint::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Init(args) => init::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}

/// Loads the workspace from paths, else from the nearest treaty.yaml.
pub fn load_workspace(paths: &[PathBuf]) -> Result<Workspace, LoadErrors> {
    let _progress = Progress::start("loading contracts");
    let started = std::time::Instant::now();
    let ws = load_workspace_quietly(paths);
    if let Ok(ws) = &ws {
        verbose(format!(
            "loaded {} contracts ({} files) from {} in {:.2} s",
            ws.contracts.len(),
            ws.sources.len(),
            ws.root.display(),
            started.elapsed().as_secs_f64()
        ));
    }
    ws
}

fn load_workspace_quietly(paths: &[PathBuf]) -> Result<Workspace, LoadErrors> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if !paths.is_empty() {
        return workspace::load_paths(paths, &cwd);
    }
    match workspace::find_manifest(&cwd) {
        Some(m) => workspace::load_manifest(&m),
        None => Err(LoadError::new(
            "treaty::workspace::none",
            format!("no {} in {} or any parent directory, and no paths given", workspace::MANIFEST, cwd.display()),
        )
        .with_help("run `treaty init` to write a manifest for the contracts here, or name files: `treaty lint api.yaml`")
        .into()),
    }
}

/// Writes to stdout; a closed pipe (`treaty lint | head`) is not an error.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

pub fn eprint(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}

pub fn stdout_colour() -> bool {
    human::use_colour(std::io::stdout().is_terminal())
}

pub fn stderr_colour() -> bool {
    human::use_colour(std::io::stderr().is_terminal())
}

/// Shows a path relative to the current directory.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    treaty::formats::display_path(&cwd, path)
}
