//! The `treaty` binary: parse arguments, run the command, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(cli) {
        cli::Outcome::Clean => ExitCode::SUCCESS,
        cli::Outcome::Failed => ExitCode::from(1),
        cli::Outcome::Error(errors) => {
            cli::eprint(&treaty::report::human::render_errors(
                &errors,
                cli::stderr_colour(),
            ));
            ExitCode::from(2)
        }
    }
}
