//! Loading for a session that asks a few questions of a possibly huge bank: every file is
//! validated whole, but only the questions the session picks are built, read again from the
//! file; the others are not kept, so memory stays well under the files' size.

use std::ops::Range;
use std::path::PathBuf;

use super::checked::{self, Kept, Reread, Text};
use super::load::{self, DEFAULT_BANK_JSON, DEFAULT_BANK_NAME, IdOwners, LoadError};
use super::model::{Bank, Question};

/// The questions of some banks that a filter let through, ready to be built on demand,
/// each with what the caller kept of it (`T`).
pub struct Selection<T = ()> {
    /// Each file's name, title and where its questions can be read again.
    files: Vec<(String, String, Text)>,
    /// Each question that passed, in bank order.
    passed: Vec<Passed<T>>,
    /// The title of the banks together.
    pub title: String,
    /// The description, when one bank is played.
    pub description: Option<String>,
}

/// A question that passed: its file, its byte range there, and what was kept of it.
struct Passed<T> {
    file: usize,
    span: Range<u64>,
    value: T,
}

impl Selection {
    /// Reads and validates every bank (all problems of all files, ids checked across files)
    /// and remembers where each question that passes `wanted` is; no paths: the default bank.
    pub fn load(
        paths: &[PathBuf],
        wanted: impl Fn(&Question) -> bool + Sync,
    ) -> Result<Self, LoadError> {
        Selection::keeping(paths, |q| wanted(&q).then_some(()))
    }
}

impl<T: Send> Selection<T> {
    /// [`Selection::load`], keeping what `keep` returns for each question (given away: it
    /// may keep parts without copying them); those it returns nothing for do not pass.
    pub fn keeping(
        paths: &[PathBuf],
        keep: impl Fn(Question) -> Option<T> + Sync,
    ) -> Result<Self, LoadError> {
        let files = if paths.is_empty() {
            Vec::new()
        } else {
            load::expand(paths)?
        };
        let several = files.len() > 1;
        // One file: only the questions that pass are kept; several: every id, for clashes.
        let mark = |_, q: Question| {
            let id = several.then(|| q.id.clone());
            let kept = keep(q);
            (several || kept.is_some()).then_some((id, kept))
        };
        let mut checked = Vec::new();
        let mut diagnostics = Vec::new();
        if files.is_empty() {
            let bytes = DEFAULT_BANK_JSON.as_bytes().to_vec();
            let bank = checked::check_bytes(DEFAULT_BANK_NAME, bytes, mark)?;
            checked.push((DEFAULT_BANK_NAME.to_string(), bank));
        }
        for file in &files {
            let name = super::sanitize::path(file);
            match checked::check_file(file, &name, mark) {
                Ok(bank) => checked.push((name, bank)),
                Err(LoadError::Invalid(d)) => diagnostics.extend(d),
                Err(other) => return Err(other),
            }
        }
        let mut owners = IdOwners::default();
        let mut selection = Selection {
            files: Vec::new(),
            passed: Vec::new(),
            title: String::new(),
            description: None,
        };
        for (file, (name, bank)) in checked.into_iter().enumerate() {
            for Kept { index, span, value } in bank.kept {
                let (id, kept) = value;
                if let Some(id) = id {
                    owners.claim(&name, index, &id, &mut diagnostics);
                }
                if let Some(value) = kept {
                    selection.passed.push(Passed { file, span, value });
                }
            }
            let (title, description) = bank.header;
            selection.description = description;
            selection.files.push((name, title, bank.text));
        }
        if !diagnostics.is_empty() {
            return Err(LoadError::Invalid(diagnostics));
        }
        if several {
            selection.description = None;
        }
        let titles: Vec<String> = selection.files.iter().map(|f| f.1.clone()).collect();
        selection.title = load::combined_title(&titles);
        Ok(selection)
    }

    /// What was kept of each question that passed, with the title of its bank, in order.
    pub fn kept(&self) -> impl Iterator<Item = (&str, &T)> {
        let title = |p: &Passed<T>| self.files[p.file].1.as_str();
        self.passed.iter().map(move |p| (title(p), &p.value))
    }

    /// How many questions passed the filter.
    pub fn len(&self) -> usize {
        self.passed.len()
    }

    /// True when no question passed the filter.
    pub fn is_empty(&self) -> bool {
        self.passed.is_empty()
    }

    /// A bank of the questions at these positions among those that passed, in this order,
    /// read again from their files.
    pub fn bank(&self, positions: &[usize]) -> Result<Bank, LoadError> {
        let mut questions = Vec::with_capacity(positions.len());
        self.each(positions, |_, q| questions.push(q))?;
        Ok(Bank {
            title: self.title.clone(),
            description: self.description.clone(),
            questions,
        })
    }

    /// Builds the questions at these positions among those that passed, in this order,
    /// handing each to `each` with its position; each file is opened once and read forward.
    pub fn each(
        &self,
        positions: &[usize],
        mut each: impl FnMut(usize, Question),
    ) -> Result<(), LoadError> {
        let mut readers: Vec<Option<Reread>> = self.files.iter().map(|_| None).collect();
        for &position in positions {
            let Some(passed) = self.passed.get(position) else {
                continue;
            };
            let (name, _, text) = &self.files[passed.file];
            let reader = match &mut readers[passed.file] {
                Some(reader) => reader,
                empty => empty.insert(Reread::new(name, text)),
            };
            each(position, reader.question(passed.span.clone())?);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &std::path::Path, name: &str, ids: &[&str]) -> PathBuf {
        let questions: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(r#"{{"id":"{id}","kind":"true_false","prompt":"{id}?","answer":true,"tags":["{id}"]}}"#)
            })
            .collect();
        let path = dir.join(name);
        let text = format!(
            r#"{{"title":"{name}","questions":[{}]}}"#,
            questions.join(",")
        );
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn only_the_picked_questions_are_built_in_the_order_asked() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.json", &["a1", "a2", "a3"]);
        let b = write(dir.path(), "b.json", &["b1", "b2"]);
        let selection = Selection::load(&[a, b], |q| q.id.ends_with('2') || q.id == "b1").unwrap();
        assert_eq!(selection.len(), 3);
        assert_eq!(selection.title, "a.json + b.json");
        let bank = selection.bank(&[2, 0]).unwrap();
        let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["b2", "a2"]);
    }

    #[test]
    fn ids_clashing_across_files_are_refused_as_when_loading_whole() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.json", &["x"]);
        let b = write(dir.path(), "b.json", &["x"]);
        let Err(LoadError::Invalid(d)) = Selection::load(&[a, b], |_| true) else {
            panic!("a clash must be refused");
        };
        assert!(d[0].message.contains("also used in"), "{}", d[0]);
    }

    #[test]
    fn the_default_bank_without_paths() {
        let selection = Selection::load(&[], |_| true).unwrap();
        let whole = load::default_bank().unwrap();
        assert_eq!(selection.len(), whole.questions.len());
        assert_eq!(
            selection.bank(&[0]).unwrap().questions[0],
            whole.questions[0]
        );
    }

    #[test]
    fn a_bank_changed_after_checking_is_not_read_as_other_questions() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.json", &["a1", "a2"]);
        let selection = Selection::load(std::slice::from_ref(&a), |_| true).unwrap();
        let text = std::fs::read_to_string(&a).unwrap();
        std::fs::write(&a, text.replace("a1", "x-1")).unwrap();
        let Err(LoadError::Invalid(d)) = selection.bank(&[1]) else {
            panic!("a changed file must be refused");
        };
        assert!(d[0].to_string().contains("the file changed"), "{}", d[0]);
    }
}
