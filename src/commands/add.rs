//! `termquiz add`: guided prompts that append one validated question to a bank file.

mod ask;
mod insert;
mod preview;

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::output::write_atomic;
use crate::bank::{self, Bank, LoadError, Question, sanitize};
use crate::cli::AddArgs;
use crate::error::{Error, Result};
use crate::store::lock::lock_in_place;
use crate::ui::form::{Form, PlainForm, TermForm};

/// What `add` says when the user cancels, whatever the way (Esc, Ctrl-C, end of input, "n").
const CANCELLED: &str = "cancelled, nothing written";

/// Loads the bank, asks for a question, and writes the bank back with it appended.
pub fn run(args: &AddArgs) -> Result<()> {
    let added = add(args);
    if matches!(added, Err(Error::Interrupted)) {
        eprintln!("{CANCELLED}");
    }
    added
}

fn add(args: &AddArgs) -> Result<()> {
    let name = sanitize::path(&args.bank);
    // Refused before any prompt: a device or FIFO "bank" could never be written back.
    crate::store::atomic::replaceable_target(&args.bank).map_err(|e| Error::file(&args.bank, e))?;
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut form: Box<dyn Form> = if interactive {
        Box::new(TermForm::new())
    } else {
        Box::new(PlainForm::new(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
        ))
    };
    let (bank, is_new) = if args.bank.exists() {
        (read_bank(&args.bank, &name)?.0, false)
    } else {
        (new_bank(form.as_mut(), &args.bank, &name)?, true)
    };
    // Ctrl-C, SIGTERM or SIGHUP while asking: nothing is written, the cursor comes back.
    let guard = super::interrupt::install();
    guard.arm(move || eprintln!("\n{CANCELLED}"));
    let question = ask_and_confirm(form.as_mut(), &bank, &name)?;
    drop(form);
    guard.disarm();
    let (lock, bank, updated) = if is_new {
        if args.bank.exists() {
            return Err(Error::Invalid(format!(
                "{name}: the file appeared while you were typing; nothing written"
            )));
        }
        let created = Bank {
            questions: vec![question.clone()],
            ..bank.clone()
        };
        (None, bank, bank::raw::to_json(&created))
    } else {
        // Others may have changed the bank while we asked: append to the file as it is now.
        let lock = lock_in_place(&args.bank).map_err(|e| Error::file(&args.bank, e))?;
        let (bank, text) = read_bank(&args.bank, &name)?;
        let updated = with_question(&name, &text, &bank, &question)?;
        (Some(lock), bank, updated)
    };
    write_atomic(&args.bank, updated.as_bytes())?;
    drop(lock);
    let count = bank.questions.len() + 1;
    writeln!(
        std::io::stdout().lock(),
        "Added \"{}\" to {} ({count} questions).",
        question.id,
        name
    )?;
    Ok(())
}

/// The bank file's questions and text.
fn read_bank(path: &Path, name: &str) -> Result<(Bank, String)> {
    let bytes = bank::input::read_data(path).map_err(|e| Error::file(path, e))?;
    let bank = bank::parse(name, &bytes).map_err(|d| Error::Bank(LoadError::Invalid(d)))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Invalid(format!("{name}: {e}")))?;
    Ok((bank, text))
}

/// For a bank file that does not exist yet: asks whether to create it, and gives an empty
/// bank titled from the file name (the file is written whole at the end).
fn new_bank(form: &mut dyn Form, path: &Path, name: &str) -> Result<Bank> {
    let label = format!("{name} does not exist. Create it as a new bank?");
    let create = form.confirm(&label, true)?.ok_or(Error::Interrupted)?;
    if !create {
        return Err(Error::Invalid(format!(
            "{name}: no such bank; nothing written (termquiz new {name} writes a starter bank)"
        )));
    }
    let title = path
        .file_stem()
        .map_or_else(|| "My bank".into(), |s| s.to_string_lossy().into_owned());
    let bank = Bank {
        title,
        description: None,
        questions: Vec::new(),
    };
    Ok(bank)
}

/// Asks the question, shows it as it will be stored, and asks before it is written.
fn ask_and_confirm(form: &mut dyn Form, bank: &Bank, name: &str) -> Result<Question> {
    let question = ask::ask_question(form, bank)?;
    form.say(&preview::preview(&question))?;
    match form.confirm(&format!("Add this question to {name}?"), true)? {
        Some(true) => Ok(question),
        Some(false) | None => Err(Error::Interrupted),
    }
}

/// The new file text, checked to load with the bank's questions plus the new one last.
fn with_question(name: &str, text: &str, bank: &Bank, question: &Question) -> Result<String> {
    let fail = |why: String| {
        Error::Invalid(format!(
            "{name}: could not add the question ({why}); the file was not changed"
        ))
    };
    let updated = insert::insert_question(text, question).map_err(fail)?;
    let reloaded = bank::parse(name, updated.as_bytes()).map_err(|d| {
        fail(
            d.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let (last, kept) = reloaded
        .questions
        .split_last()
        .ok_or_else(|| fail("no questions".into()))?;
    if last.id != question.id || kept != bank.questions.as_slice() {
        return Err(fail("the result did not read back as expected".into()));
    }
    Ok(updated)
}
