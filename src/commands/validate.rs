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
        match bank::load_file(&file) {
            Ok(bank) => writeln!(out, "{}: {}", file.display(), summary(&bank))?,
            Err(LoadError::Invalid(d)) => diagnostics.extend(d),
            Err(other) => return Err(other.into()),
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Error::Bank(LoadError::Invalid(diagnostics)))
    }
}

/// "42 questions, 7 kinds".
pub fn summary(bank: &Bank) -> String {
    let kinds: BTreeSet<_> = bank.questions.iter().map(|q| q.kind.name()).collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(bank.questions.len(), "question"),
        plural(kinds.len(), "kind")
    )
}
