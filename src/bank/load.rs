//! Reads bank files and directories: JSON → raw → validated, with every diagnostic.

use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

use super::diagnostic::{Diagnostic, LineIndex, Location};
use super::model::Bank;
use super::raw::{RawBankIn, RawQuestion};
use super::validate::{duplicate_ids, validate_question};

/// The name the embedded default bank is reported under.
pub const DEFAULT_BANK_NAME: &str = "questions/soundtrack-vs-cast.json";

/// The default bank, embedded in the binary.
pub const DEFAULT_BANK_JSON: &str = include_str!("../../questions/soundtrack-vs-cast.json");

/// Why banks could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
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

/// Parses and validates one bank from its bytes; `file` names it in diagnostics.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Bank, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![diag(
            file,
            Location::File,
            format!(
                "not valid UTF-8 at byte {}; save the file as UTF-8",
                e.valid_up_to()
            ),
        )]
    })?;
    let raw: RawBankIn =
        serde_json::from_str(text).map_err(|e| vec![serde_diagnostic(file, &e, None)])?;
    let mut diagnostics = Vec::new();
    if raw.title.trim().is_empty() || raw.title.chars().any(char::is_control) {
        let message = "\"title\" must be a non-empty line of text";
        diagnostics.push(diag(
            file,
            Location::Path {
                path: "title".into(),
                id: None,
            },
            message.into(),
        ));
    }
    if raw.questions.is_empty() {
        diagnostics.push(diag(
            file,
            Location::Path {
                path: "questions".into(),
                id: None,
            },
            "the bank has no questions; add at least one".into(),
        ));
    }
    let questions = parse_questions(file, text, &raw.questions, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    Ok(Bank {
        title: raw.title.trim().to_string(),
        description: raw.description,
        questions,
    })
}

fn parse_questions(
    file: &str,
    text: &str,
    raws: &[&RawValue],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<super::model::Question> {
    let mut lines = LineIndex::new(text);
    let mut questions = Vec::with_capacity(raws.len());
    let mut ids = Vec::with_capacity(raws.len());
    for (index, raw) in raws.iter().enumerate() {
        let parsed: RawQuestion = match serde_json::from_str(raw.get()) {
            Ok(q) => q,
            Err(e) => {
                let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                diagnostics.push(serde_diagnostic(file, &e, Some((&mut lines, offset))));
                continue;
            }
        };
        ids.push((index, parsed.id.clone()));
        match validate_question(&parsed) {
            Ok(q) => questions.push(q),
            Err(problems) => diagnostics.extend(problems.into_iter().map(|message| {
                diag(
                    file,
                    question_location(index, parsed.id.as_deref()),
                    message,
                )
            })),
        }
    }
    let id_refs = ids.iter().filter_map(|(i, id)| Some((*i, id.as_deref()?)));
    for (index, message) in duplicate_ids(id_refs) {
        let id = ids
            .iter()
            .find(|(i, _)| *i == index)
            .and_then(|(_, id)| id.as_deref());
        diagnostics.push(diag(file, question_location(index, id), message));
    }
    questions
}

fn question_location(index: usize, id: Option<&str>) -> Location {
    Location::Path {
        path: format!("questions[{index}]"),
        id: id.map(str::to_string),
    }
}

fn diag(file: &str, location: Location, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        location,
        message,
    }
}

/// A serde error as a diagnostic at its line and column; `base` shifts it when
/// the error comes from a slice of the file that starts at a byte offset.
fn serde_diagnostic(
    file: &str,
    e: &serde_json::Error,
    base: Option<(&mut LineIndex, usize)>,
) -> Diagnostic {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at])
        .to_string();
    let (mut line, mut column) = (e.line(), e.column());
    if let Some((lines, offset)) = base {
        let (base_line, base_column) = lines.line_col(offset);
        if line == 1 {
            column += base_column - 1;
        }
        line += base_line - 1;
    }
    diag(file, Location::LineCol { line, column }, message)
}

/// Reads and validates one bank file.
pub fn load_file(path: &Path) -> Result<Bank, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: name.clone(),
        source,
    })?;
    parse(&name, &bytes).map_err(LoadError::Invalid)
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
            path: path.display().to_string(),
            source,
        };
        let mut found: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(read_err)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
            .collect();
        if found.is_empty() {
            return Err(LoadError::EmptyDir {
                path: path.display().to_string(),
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
    if paths.is_empty() {
        return default_bank();
    }
    let mut banks = Vec::new();
    let mut diagnostics = Vec::new();
    for file in expand(paths)? {
        match load_file(&file) {
            Ok(bank) => banks.push((file.display().to_string(), bank)),
            Err(LoadError::Invalid(d)) => diagnostics.extend(d),
            Err(other) => return Err(other),
        }
    }
    let combined = combine(banks, &mut diagnostics);
    if diagnostics.is_empty() {
        Ok(combined)
    } else {
        Err(LoadError::Invalid(diagnostics))
    }
}

/// Joins banks into one; an id used in two files is a diagnostic on the later file.
fn combine(banks: Vec<(String, Bank)>, diagnostics: &mut Vec<Diagnostic>) -> Bank {
    if banks.len() == 1 {
        return banks
            .into_iter()
            .map(|(_, b)| b)
            .next()
            .unwrap_or_else(empty_bank);
    }
    let mut owner = std::collections::HashMap::new();
    let mut combined = empty_bank();
    let mut titles = Vec::new();
    for (file, bank) in banks {
        for (index, q) in bank.questions.iter().enumerate() {
            if let Some(first) = owner.get(&q.id) {
                let message = format!(
                    "id \"{}\" is also used in {first}; ids must be unique across the banks played together",
                    q.id
                );
                diagnostics.push(diag(&file, question_location(index, Some(&q.id)), message));
            } else {
                owner.insert(q.id.clone(), file.clone());
            }
        }
        titles.push(bank.title);
        combined.questions.extend(bank.questions);
    }
    combined.title = titles.join(" + ");
    combined
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
