//! One file per subcommand, each a small function over the library.

mod add;
mod export;
mod import;
mod interrupt;
mod list;
mod output;
mod play;
mod report;
mod review;
mod save;
mod schema;
mod stats;
mod table;
mod validate;

use crate::cli::{Cli, Command, PlayArgs};
use crate::error::Result;

/// Runs the command the user asked for; no command means play.
pub fn run(cli: Cli) -> Result<()> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        console::set_colors_enabled(false);
        console::set_colors_enabled_stderr(false);
    }
    match cli
        .command
        .unwrap_or_else(|| Command::Play(PlayArgs::default()))
    {
        Command::Play(args) => play::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::List(args) => list::run(&args),
        Command::Schema => schema::run(),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Add(args) => add::run(&args),
    }
}
