//! `termquiz validate`: check banks, one summary line per valid file, every diagnostic otherwise.

use std::collections::BTreeSet;
use std::io::Write;

use crate::bank::checked::{self, Kept};
use crate::bank::load::IdOwners;
use crate::bank::{self, Bank, LoadError};
use crate::cli::ValidateArgs;
use crate::error::{Error, Result};

/// Validates every file, and ids across the files as `play` would combine them; fails with
/// all diagnostics of all files. A closed output (`validate dir/ | head -1`) does not stop
/// the checking, and a failure keeps its exit code.
pub fn run(args: &ValidateArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let mut diagnostics = Vec::new();
    let mut owners = IdOwners::default();
    let mut output_error = None;
    let files = bank::load::expand(&args.banks)?;
    // Ids are kept only when there are other files to clash with.
    let several = files.len() > 1;
    for file in files {
        let name = bank::sanitize::path(&file);
        let mut clashes = Vec::new();
        let checked = checked::check_file(&file, &name, |_, q| {
            let id = if several { Some(q.id) } else { None };
            Some((id, q.kind.name()))
        });
        let checked = match checked {
            Err(LoadError::Invalid(d)) => Err(d),
            Err(other) => return Err(other.into()),
            Ok(checked) => Ok(checked.kept),
        };
        match checked {
            Ok(questions) => {
                let mut kinds = BTreeSet::new();
                for Kept { index, value, .. } in &questions {
                    let (id, kind) = value;
                    if let Some(id) = id {
                        owners.claim(&name, *index, id, &mut clashes);
                    }
                    kinds.insert(*kind);
                }
                if clashes.is_empty() {
                    let line = writeln!(out, "{name}: {}", counts(questions.len(), kinds.len()));
                    output_error = output_error.or(line.err());
                }
                diagnostics.extend(clashes);
            }
            Err(d) => diagnostics.extend(d),
        }
    }
    if !diagnostics.is_empty() {
        return Err(Error::Bank(LoadError::Invalid(diagnostics)));
    }
    output_error.map_or(Ok(()), |e| Err(e.into()))
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
