//! Reads bank files and directories and combines banks; `parse` does the checking.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::model::Bank;
use super::parse::{diag, parse, question_location};

/// The name the embedded default bank is reported under.
pub const DEFAULT_BANK_NAME: &str = "questions/soundtrack-vs-cast.json";

/// The default bank, embedded in the binary.
pub const DEFAULT_BANK_JSON: &str = include_str!("../../questions/soundtrack-vs-cast.json");

/// Why banks could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or directory could not be read.
    #[error("{path}: {}", super::input::in_words(source))]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// A directory holds no bank files.
    #[error("{path}: no .json bank files in this directory")]
    EmptyDir { path: String },
    /// One or more files are invalid; each diagnostic is one line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// The error for a file `name` that could not be read, for `map_err`.
    pub fn read(name: &str) -> impl Fn(std::io::Error) -> LoadError + Copy + '_ {
        move |source| LoadError::Read {
            path: name.to_string(),
            source,
        }
    }
}

/// Reads and validates one bank file.
pub fn load_file(path: &Path) -> Result<Bank, LoadError> {
    let (name, bytes) = read_file(path)?;
    parse(&name, &bytes).map_err(LoadError::Invalid)
}

/// A bank file's name as diagnostics show it, and its bytes.
pub fn read_file(path: &Path) -> Result<(String, Vec<u8>), LoadError> {
    let name = super::sanitize::path(path);
    match super::input::read_bounded(path) {
        Ok(bytes) => Ok((name, bytes)),
        Err(source) => Err(LoadError::Read { path: name, source }),
    }
}

/// The bank files a list of paths names: files as given, directories as their sorted `*.json`.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let read_err = |source| LoadError::Read {
            path: super::sanitize::path(path),
            source,
        };
        let mut found: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(read_err)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
            .collect();
        if found.is_empty() {
            return Err(LoadError::EmptyDir {
                path: super::sanitize::path(path),
            });
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Loads banks from files and directories and combines them into one; with no
/// paths, the embedded default bank. Reports the problems of every file.
pub fn load_paths(paths: &[PathBuf]) -> Result<Bank, LoadError> {
    load_banks(paths).map(combine_banks)
}

/// Loads each bank of the files and directories on its own (the default bank when none),
/// after checking every file and that no id is used in two files.
pub fn load_banks(paths: &[PathBuf]) -> Result<Vec<Bank>, LoadError> {
    if paths.is_empty() {
        return default_bank().map(|bank| vec![bank]);
    }
    let mut banks = Vec::new();
    let mut diagnostics = Vec::new();
    let mut owners = IdOwners::default();
    for file in expand(paths)? {
        match load_file(&file) {
            Ok(bank) => {
                let name = super::sanitize::path(&file);
                for (index, q) in bank.questions.iter().enumerate() {
                    owners.claim(&name, index, &q.id, &mut diagnostics);
                }
                banks.push(bank);
            }
            Err(LoadError::Invalid(d)) => diagnostics.extend(d),
            Err(other) => return Err(other),
        }
    }
    if diagnostics.is_empty() {
        Ok(banks)
    } else {
        Err(LoadError::Invalid(diagnostics))
    }
}

/// Which file each id came from, for banks played together: an id used in two files is
/// a diagnostic on the later file.
#[derive(Debug, Default)]
pub struct IdOwners {
    files: Vec<String>,
    owner: HashMap<String, usize>,
}

impl IdOwners {
    /// Records that `file` uses `id` at `questions[index]`; a clash becomes a diagnostic.
    pub fn claim(&mut self, file: &str, index: usize, id: &str, diagnostics: &mut Vec<Diagnostic>) {
        if let Some(&first) = self.owner.get(id) {
            let first = &self.files[first];
            let message = format!(
                "id \"{id}\" is also used in {first}; ids must be unique across the banks played together"
            );
            diagnostics.push(diag(file, question_location(index, Some(id)), message));
        } else {
            if self.files.last().is_none_or(|last| last != file) {
                self.files.push(file.to_string());
            }
            self.owner.insert(id.to_string(), self.files.len() - 1);
        }
    }
}

/// Joins banks (already checked together) into one under [`combined_title`].
pub fn combine_banks(banks: Vec<Bank>) -> Bank {
    if banks.len() == 1 {
        return banks.into_iter().next().unwrap_or_else(empty_bank);
    }
    let mut combined = empty_bank();
    let mut titles = Vec::new();
    for bank in banks {
        titles.push(bank.title);
        combined.questions.extend(bank.questions);
    }
    combined.title = combined_title(&titles);
    combined
}

/// The title of banks played together.
pub fn combined_title(titles: &[String]) -> String {
    titles.join(" + ")
}

fn empty_bank() -> Bank {
    Bank {
        title: String::new(),
        description: None,
        questions: Vec::new(),
    }
}

/// The embedded default bank.
pub fn default_bank() -> Result<Bank, LoadError> {
    parse(DEFAULT_BANK_NAME, DEFAULT_BANK_JSON.as_bytes()).map_err(LoadError::Invalid)
}
