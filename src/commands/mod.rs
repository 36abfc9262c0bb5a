//! One file per subcommand, each a small function over the library.

mod add;
mod export;
mod host;
mod import;
mod interrupt;
mod join;
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

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};

/// Runs the command the user asked for; no command means play.
pub fn run(cli: Cli) -> Result<()> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        console::set_colors_enabled(false);
        console::set_colors_enabled_stderr(false);
    }
    if cli.command.is_none()
        && let Some(error) = mistyped_command(&cli.play.banks)
    {
        return Err(error);
    }
    match cli.command.unwrap_or(Command::Play(cli.play)) {
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
        Command::Host(args) => host::run(&args),
        Command::Join(args) => join::run(&args),
    }
}

/// `termquiz lsit`: a first "bank" that does not exist and looks like a word was
/// probably meant as a command.
fn mistyped_command(banks: &[std::path::PathBuf]) -> Option<Error> {
    let first = banks.first()?;
    let word = first.to_str()?;
    if first.exists() || word.contains(['.', '/', '\\']) {
        return None;
    }
    let commands = <Cli as clap::CommandFactory>::command();
    let closest = commands
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .min_by_key(|name| strsim::levenshtein(name, word))
        .filter(|name| strsim::levenshtein(name, word) <= 2);
    let hint = closest.map_or_else(String::new, |name| {
        format!("; did you mean `termquiz {name}`?")
    });
    Some(Error::Usage(format!(
        "'{}' is neither a command nor a bank file{hint} (see termquiz --help)",
        crate::bank::sanitize::escape_line(word)
    )))
}
