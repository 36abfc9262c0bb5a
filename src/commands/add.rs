//! `termquiz add`: guided prompts that append one validated question to a bank file.

mod ask;
mod insert;

use std::io::{IsTerminal, Write};

use super::output::write_atomic;
use crate::bank::{self, Bank, LoadError, Question, raw::RawQuestion, sanitize};
use crate::cli::AddArgs;
use crate::error::{Error, Result};
use crate::ui::form::{Form, PlainForm, TermForm};

/// Loads the bank, asks for a question, and writes the bank back with it appended.
pub fn run(args: &AddArgs) -> Result<()> {
    let name = sanitize::path(&args.bank);
    let bytes = std::fs::read(&args.bank).map_err(|e| Error::file(&args.bank, e))?;
    let bank = bank::parse(&name, &bytes).map_err(|d| Error::Bank(LoadError::Invalid(d)))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Invalid(format!("{name}: {e}")))?;
    // Ctrl-C, SIGTERM or SIGHUP while asking: nothing is written, the cursor comes back.
    let guard = super::interrupt::install();
    let cancelled = format!("\ncancelled; {} was not changed", name);
    guard.arm(move || eprintln!("{cancelled}"));
    let question = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        ask_and_show(&mut TermForm::new(), &bank)?
    } else {
        let mut form = PlainForm::new(std::io::stdin().lock(), std::io::stdout().lock());
        ask_and_show(&mut form, &bank)?
    };
    guard.disarm();
    let updated = with_question(&name, &text, &bank, &question)?;
    write_atomic(&args.bank, updated.as_bytes())?;
    let count = bank.questions.len() + 1;
    writeln!(
        std::io::stdout().lock(),
        "Added \"{}\" to {} ({count} questions).",
        question.id,
        name
    )?;
    Ok(())
}

/// Asks the question, then shows it as it will be stored.
fn ask_and_show(form: &mut dyn Form, bank: &Bank) -> Result<Question> {
    let question = ask::ask_question(form, bank)?;
    let json = serde_json::to_string_pretty(&RawQuestion::from(&question)).unwrap_or_default();
    form.say(&format!(
        "This question will be added:\n{}",
        sanitize::escape(&json)
    ))?;
    Ok(question)
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
