//! Loading for a session that asks a few questions of a possibly huge bank: every file is
//! read and validated whole, but only the questions the session picks are built; the
//! others stay bytes, so memory stays close to the files' size.

use std::ops::Range;
use std::path::PathBuf;

use super::load::{self, DEFAULT_BANK_JSON, DEFAULT_BANK_NAME, IdOwners, LoadError};
use super::model::{Bank, Question};
use super::parse::{Split, question_at};

/// The questions of some banks that a filter let through, ready to be built on demand.
pub struct Selection {
    files: Vec<(String, Vec<u8>)>,
    /// File and byte range of each question that passed, in bank order.
    passed: Vec<(usize, Range<usize>)>,
    /// The title of the banks together.
    pub title: String,
    /// The description, when one bank is played.
    pub description: Option<String>,
}

impl Selection {
    /// Reads and validates every bank (all problems of all files, ids checked across files)
    /// and remembers where each question that passes `wanted` is; no paths: the default bank.
    pub fn load(
        paths: &[PathBuf],
        wanted: impl Fn(&Question) -> bool + Sync,
    ) -> Result<Self, LoadError> {
        let files = if paths.is_empty() {
            vec![(
                DEFAULT_BANK_NAME.to_string(),
                DEFAULT_BANK_JSON.as_bytes().to_vec(),
            )]
        } else {
            load::expand(paths)?
                .iter()
                .map(|file| load::read_file(file))
                .collect::<Result<_, _>>()?
        };
        let mut selection = Selection {
            files: Vec::new(),
            passed: Vec::new(),
            title: String::new(),
            description: None,
        };
        let (mut diagnostics, mut owners, mut titles) =
            (Vec::new(), IdOwners::default(), Vec::new());
        let several = files.len() > 1;
        for (number, (name, bytes)) in files.iter().enumerate() {
            let split = match Split::new(name, bytes) {
                Ok(split) => split,
                Err(d) => {
                    diagnostics.extend(d);
                    continue;
                }
            };
            let kept = split.validate(|index, q| {
                let id = several.then(|| q.id.clone());
                Some((index, id, wanted(&q)))
            });
            match kept {
                Ok(kept) => {
                    for (index, id, passed) in kept {
                        if let Some(id) = id {
                            owners.claim(name, index, &id, &mut diagnostics);
                        }
                        if passed {
                            selection.passed.push((number, split.span(index, bytes)));
                        }
                    }
                    titles.push(split.title.clone());
                    selection.description = split.description.clone();
                }
                Err(d) => diagnostics.extend(d),
            }
        }
        if !diagnostics.is_empty() {
            return Err(LoadError::Invalid(diagnostics));
        }
        if several {
            selection.description = None;
        }
        selection.title = load::combined_title(&titles);
        selection.files = files;
        Ok(selection)
    }

    /// How many questions passed the filter.
    pub fn len(&self) -> usize {
        self.passed.len()
    }

    /// True when no question passed the filter.
    pub fn is_empty(&self) -> bool {
        self.passed.is_empty()
    }

    /// A bank of the questions at these positions among those that passed, in this order.
    pub fn bank(&self, positions: &[usize]) -> Result<Bank, LoadError> {
        let mut questions = Vec::with_capacity(positions.len());
        for &position in positions {
            let Some((file, span)) = self.passed.get(position) else {
                continue;
            };
            let (name, bytes) = &self.files[*file];
            questions.push(question_at(name, bytes, span.clone()).map_err(LoadError::Invalid)?);
        }
        Ok(Bank {
            title: self.title.clone(),
            description: self.description.clone(),
            questions,
        })
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
}
