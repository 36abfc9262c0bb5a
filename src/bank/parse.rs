//! Bytes → validated bank. One streaming pass when the JSON is well-formed; when serde
//! stops at a syntax or type error, a second, slower pass reports every such error.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::diagnostic::{Diagnostic, LineIndex, Location, json_error_parts};
use super::model::{Bank, Question};
use super::raw::{RawBankIn, RawQuestion};
use super::validate::validate_question;

/// Parses and validates one bank from its bytes; `file` names it in diagnostics.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Bank, Vec<Diagnostic>> {
    let mut questions = Vec::new();
    let (title, description) = for_each(file, bytes, |_, q| questions.push(q))?;
    Ok(Bank {
        title,
        description,
        questions,
    })
}

/// What `check` learns of a valid bank without keeping it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Number of questions.
    pub questions: usize,
    /// Distinct kinds used.
    pub kinds: usize,
}

/// Validates a bank without keeping its questions (less memory for huge banks).
pub fn check(file: &str, bytes: &[u8]) -> Result<Checked, Vec<Diagnostic>> {
    let mut kinds = std::collections::BTreeSet::new();
    let mut questions = 0;
    for_each(file, bytes, |_, q| {
        questions += 1;
        kinds.insert(q.kind.name());
    })?;
    Ok(Checked {
        questions,
        kinds: kinds.len(),
    })
}

type Header = (String, Option<String>);

/// Parses and validates, handing each valid question and its index to `sink` as it is
/// read; returns the title and description, or every diagnostic. After an error the
/// sink may have seen some questions: callers keep nothing from a failed parse.
pub fn for_each(
    file: &str,
    bytes: &[u8],
    mut sink: impl FnMut(usize, Question),
) -> Result<Header, Vec<Diagnostic>> {
    let text = decode(file, bytes)?;
    let mut checker = Checker::new(file);
    let header = match stream(text, &mut checker, &mut sink) {
        Ok(header) => header,
        Err(e) => {
            // The precise pass finds every syntax and type error with its place.
            checker = Checker::new(file);
            let header = two_pass(file, text, &mut checker, &mut |_, _| {})?;
            checker.finish(&header.0)?;
            return Err(vec![serde_diagnostic(file, &e, None)]);
        }
    };
    checker.finish(&header.0)?;
    Ok(header)
}

fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let message = format!(
            "not valid UTF-8 at byte {}; save the file as UTF-8",
            e.valid_up_to()
        );
        vec![diag(file, Location::File, message)]
    })?;
    if text.trim().is_empty() {
        let message = "the file is empty; a bank is a JSON object with \"title\" and \"questions\"";
        return Err(vec![diag(file, Location::File, message.into())]);
    }
    Ok(text)
}

/// Validates questions one by one and remembers every problem.
struct Checker<'f> {
    file: &'f str,
    diagnostics: Vec<Diagnostic>,
    first_use: HashMap<String, usize>,
    count: usize,
}

impl<'f> Checker<'f> {
    fn new(file: &'f str) -> Self {
        Checker {
            file,
            diagnostics: Vec::new(),
            first_use: HashMap::new(),
            count: 0,
        }
    }

    fn question(&mut self, index: usize, raw: RawQuestion, sink: &mut dyn FnMut(usize, Question)) {
        self.count += 1;
        let (id, result) = match validate_question(raw) {
            Ok(q) => (Some(q.id.clone()), Ok(q)),
            Err(invalid) => (invalid.id, Err(invalid.problems)),
        };
        let location = || question_location(index, id.as_deref());
        match result {
            Ok(q) => sink(index, q),
            Err(problems) => {
                let file = self.file;
                self.diagnostics
                    .extend(problems.into_iter().map(|m| diag(file, location(), m)));
            }
        }
        let Some(id) = id.as_deref().filter(|id| !id.is_empty()) else {
            return;
        };
        if let Some(earlier) = self.first_use.get(id) {
            let message =
                format!("id \"{id}\" is already used by questions[{earlier}]; ids must be unique");
            self.diagnostics.push(diag(self.file, location(), message));
        } else {
            self.first_use.insert(id.to_string(), index);
        }
    }

    /// Adds the whole-bank checks and gives every problem found.
    fn finish(mut self, title: &str) -> Result<(), Vec<Diagnostic>> {
        if title.trim().is_empty()
            || title
                .chars()
                .any(|c| c.is_control() || super::sanitize::is_unsafe(c))
        {
            let message = "\"title\" must be a non-empty line of text".to_string();
            self.diagnostics.insert(
                0,
                diag(
                    self.file,
                    Location::Path {
                        path: "title".into(),
                        id: None,
                    },
                    message,
                ),
            );
        }
        if self.count == 0 {
            let message = "the bank has no questions; add at least one".to_string();
            self.diagnostics.push(diag(
                self.file,
                Location::Path {
                    path: "questions".into(),
                    id: None,
                },
                message,
            ));
        }
        if self.diagnostics.is_empty() {
            Ok(())
        } else {
            Err(self.diagnostics)
        }
    }
}

/// The fast path: one pass, each question validated as soon as it is read.
fn stream(
    text: &str,
    checker: &mut Checker,
    sink: &mut dyn FnMut(usize, Question),
) -> serde_json::Result<Header> {
    let mut de = serde_json::Deserializer::from_str(text);
    let header = BankSeed { checker, sink }.deserialize(&mut de)?;
    de.end()?;
    Ok(header)
}

struct BankSeed<'c, 'f, 's> {
    checker: &'c mut Checker<'f>,
    sink: &'s mut dyn FnMut(usize, Question),
}

impl<'de> DeserializeSeed<'de> for BankSeed<'_, '_, '_> {
    type Value = Header;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Header, D::Error> {
        d.deserialize_map(self)
    }
}

const TOP_FIELDS: &[&str] = &["$schema", "title", "description", "questions"];

impl<'de> Visitor<'de> for BankSeed<'_, '_, '_> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a bank object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let (mut title, mut description, mut questions) = (None, None, false);
        while let Some(key) = map.next_key::<std::borrow::Cow<str>>()? {
            match key.as_ref() {
                "$schema" => drop(map.next_value::<IgnoredAny>()?),
                "title" => title = Some(map.next_value::<String>()?),
                "description" => description = map.next_value::<Option<String>>()?,
                "questions" if !questions => {
                    questions = true;
                    map.next_value_seed(QuestionsSeed {
                        checker: &mut *self.checker,
                        sink: &mut *self.sink,
                    })?;
                }
                other => return Err(de::Error::unknown_field(other, TOP_FIELDS)),
            }
        }
        match (title, questions) {
            (Some(title), true) => Ok((title, description)),
            (None, _) => Err(de::Error::missing_field("title")),
            (_, false) => Err(de::Error::missing_field("questions")),
        }
    }
}

struct QuestionsSeed<'c, 'f, 's> {
    checker: &'c mut Checker<'f>,
    sink: &'s mut dyn FnMut(usize, Question),
}

impl<'de> DeserializeSeed<'de> for QuestionsSeed<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for QuestionsSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of questions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(raw) = seq.next_element::<RawQuestion>()? {
            self.checker.question(index, raw, self.sink);
            index += 1;
        }
        Ok(())
    }
}

/// The precise path: split into raw questions, then parse each alone so that every
/// broken question is reported at its own line and column.
fn two_pass(
    file: &str,
    text: &str,
    checker: &mut Checker,
    sink: &mut dyn FnMut(usize, Question),
) -> Result<Header, Vec<Diagnostic>> {
    let raw: RawBankIn =
        serde_json::from_str(text).map_err(|e| vec![serde_diagnostic(file, &e, None)])?;
    let mut lines = LineIndex::new(text);
    for (index, value) in raw.questions.iter().enumerate() {
        match serde_json::from_str::<RawQuestion>(value.get()) {
            Ok(q) => checker.question(index, q, sink),
            Err(e) => {
                checker.count += 1;
                let offset = offset_in(text, value);
                checker
                    .diagnostics
                    .push(serde_diagnostic(file, &e, Some((&mut lines, offset))));
            }
        }
    }
    Ok((raw.title, raw.description))
}

fn offset_in(text: &str, value: &RawValue) -> usize {
    value.get().as_ptr() as usize - text.as_ptr() as usize
}

pub(crate) fn question_location(index: usize, id: Option<&str>) -> Location {
    Location::Path {
        path: format!("questions[{index}]"),
        id: id.map(str::to_string),
    }
}

pub(crate) fn diag(file: &str, location: Location, message: String) -> Diagnostic {
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
    let (mut line, mut column, message) = json_error_parts(e);
    if let Some((lines, offset)) = base {
        let (base_line, base_column) = lines.line_col(offset);
        if line == 1 {
            column += base_column - 1;
        }
        line += base_line - 1;
    }
    diag(file, Location::LineCol { line, column }, message)
}
