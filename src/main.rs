use std::process::ExitCode;

use clap::Parser;
use termquiz::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match termquiz::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => termquiz::error::report(&error),
    }
}
