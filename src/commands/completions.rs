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

/// Prints the man page termquiz(1) (roff): the program's own sections, then one section
/// per command with its synopsis, description and every option.
pub fn man() -> Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let mut page = Vec::new();
    clap_mangen::Man::new(cli.clone()).render(&mut page)?;
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        if command.get_name() == "help" {
            continue;
        }
        command_section(&mut page, command)?;
    }
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(())
}

/// One command's section: `.SH "TERMQUIZ PLAY"`, its synopsis and description, and its
/// options under `.SS` headings (clap_mangen renders them as whole sections of their own).
fn command_section(page: &mut Vec<u8>, command: &clap::Command) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    let mut parts = Vec::new();
    man.render_synopsis_section(&mut parts)?;
    man.render_description_section(&mut parts)?;
    man.render_options_section(&mut parts)?;
    let name = format!("termquiz {}", command.get_name()).to_uppercase();
    writeln!(page, ".SH \"{name}\"")?;
    for line in String::from_utf8_lossy(&parts).lines() {
        match line.strip_prefix(".SH ") {
            Some("SYNOPSIS") => {}
            Some("DESCRIPTION") => writeln!(page, ".PP")?,
            Some(heading) => writeln!(page, ".SS {heading}")?,
            None => writeln!(page, "{line}")?,
        }
    }
    Ok(())
}
