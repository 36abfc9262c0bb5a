//! `termquiz completions SHELL` and `termquiz man`: generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell as Target;

use crate::cli::{Cli, Shell};
use crate::error::Result;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<()> {
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
        Shell::Elvish => Target::Elvish,
    };
    let mut out = std::io::stdout().lock();
    clap_complete::generate(target, &mut Cli::command(), "termquiz", &mut out);
    out.flush()?;
    Ok(())
}

/// Prints the man page termquiz(1) (roff); it lists the subcommands, whose options
/// `termquiz help COMMAND` shows.
pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(())
}
