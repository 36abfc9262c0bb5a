//! `termquiz validate`: check banks, one summary line per valid file, every diagnostic otherwise.

use std::collections::BTreeSet;
use std::io::Write;

use crate::bank::{self, Bank, LoadError};
use crate::cli::ValidateArgs;
use crate::error::{Error, Result};

/// Validates every file; fails with all diagnostics of all files.
pub fn run(args: &ValidateArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let mut diagnostics = Vec::new();
    for file in bank::load::expand(&args.banks)? {
        let (name, bytes) = bank::load::read_file(&file)?;
        match bank::check(&name, &bytes) {
            Ok(checked) => writeln!(out, "{name}: {}", counts(checked.questions, checked.kinds))?,
            Err(d) => diagnostics.extend(d),
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Error::Bank(LoadError::Invalid(diagnostics)))
    }
}

/// "42 questions, 7 kinds" for a bank.
pub fn summary(bank: &Bank) -> String {
    let kinds: BTreeSet<_> = bank.questions.iter().map(|q| q.kind.name()).collect();
    counts(bank.questions.len(), kinds.len())
}

fn counts(questions: usize, kinds: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(questions, "question"),
        plural(kinds, "kind")
    )
}
