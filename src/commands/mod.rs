//! One file per subcommand, each a small function over the library.

mod add;
mod completions;
mod export;
mod host;
mod import;
mod interrupt;
mod join;
mod list;
mod new;
mod output;
mod play;
mod report;
mod review;
mod save;
mod schema;
mod stats;
mod table;
mod validate;

use crate::cli::{Cli, ColorChoice, Command};
use crate::error::{Error, Result};

/// Runs the command the user asked for; no command means play.
pub fn run(cli: Cli) -> Result<()> {
    set_color(cli.color);
    if let Some(dir) = &cli.data_dir {
        crate::store::paths::set_data_dir(dir);
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
        Command::New(args) => new::run(&args),
        Command::Completions(args) => completions::completions(args.shell),
        Command::Man => completions::man(),
    }
}

/// `--color` over NO_COLOR over console's own check (a terminal, CLICOLOR…).
fn set_color(choice: ColorChoice) {
    let enabled = match choice {
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
        ColorChoice::Auto => std::env::var_os("NO_COLOR")
            .is_some_and(|v| !v.is_empty())
            .then_some(false),
    };
    if let Some(enabled) = enabled {
        console::set_colors_enabled(enabled);
        console::set_colors_enabled_stderr(enabled);
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
