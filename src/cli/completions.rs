//! `treaty completions SHELL` and `treaty man`: shell completions and a man page, both generated
//! from the CLI definition so they never drift from it.

use clap::{Args, CommandFactory};

use super::{Cli, Outcome};
use treaty::diag::LoadError;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn completions(args: CompletionsArgs) -> Outcome {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "treaty", &mut out);
    super::print(&String::from_utf8_lossy(&out));
    Outcome::Clean
}

#[derive(Args, Debug)]
pub struct ManArgs {}

pub fn man(_args: ManArgs) -> Outcome {
    let cmd = Cli::command();
    let mut out = Vec::new();
    if let Err(e) = clap_mangen::Man::new(cmd).render(&mut out) {
        return Outcome::Error(
            LoadError::new(
                "treaty::io::write",
                format!("cannot render the man page: {e}"),
            )
            .into(),
        );
    }
    super::print(&String::from_utf8_lossy(&out));
    Outcome::Clean
}
