//! Bytes → validated bank. The file is split into its questions (one borrowed slice each),
//! then the questions are parsed and validated in blocks, on both cores for big banks, and
//! every problem is reported at its own place.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::value::RawValue;

use super::diagnostic::{Diagnostic, LineIndex, Location, json_error_parts};
use super::model::{Bank, Question};
use super::raw::RawQuestion;
use super::validate::validate_question;

/// Questions validated together; a worker thread stays at most two blocks ahead.
const BLOCK: usize = 2048;
/// Banks with fewer questions are validated on one thread (threads would cost more).
const PARALLEL_MIN: usize = 2 * BLOCK;

/// Parses and validates one bank from its bytes; `file` names it in diagnostics.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Bank, Vec<Diagnostic>> {
    let ((title, description), questions) = check(file, bytes, |_, q| Some(q))?;
    Ok(Bank {
        title,
        description,
        questions,
    })
}

/// Parses and validates one bank, keeping what `keep` returns for its valid questions, in
/// file order, with the bank's title and description; or every problem of the file. The
/// questions are checked as they are found, on a second thread once a bank is big.
pub fn check<T: Send>(
    file: &str,
    bytes: &[u8],
    keep: impl Fn(usize, Question) -> Option<T> + Sync,
) -> Result<(Header, Vec<T>), Vec<Diagnostic>> {
    check_spans(file, bytes, |index, _, q| keep(index, q))
}

/// [`check`], telling `keep` where each question stands in `bytes` too.
pub(crate) fn check_spans<T: Send>(
    file: &str,
    bytes: &[u8],
    keep: impl Fn(usize, Range<usize>, Question) -> Option<T> + Sync,
) -> Result<(Header, Vec<T>), Vec<Diagnostic>> {
    let text = decode(file, bytes)?;
    let bom = text.as_ptr() as usize - bytes.as_ptr() as usize;
    let questions = Questions { file, text };
    let mut checker = Checker::new(file, 0);
    let keep = |index, span: Range<usize>, q| keep(index, span.start + bom..span.end + bom, q);
    let (header, kept) = questions.check_streamed(&keep, &mut checker)?;
    checker.finish(&header.0)?;
    Ok((header, kept))
}

/// A bank's title and description.
type Header = super::stream::Header;

/// The questions of one file's text, checked block by block.
#[derive(Clone, Copy)]
struct Questions<'t> {
    file: &'t str,
    text: &'t str,
}

/// A block of questions to check: its number, the index of its first question, and each
/// question's raw slice.
type Job<'t> = (usize, usize, Vec<&'t RawValue>);

impl<'t> Questions<'t> {
    /// Reads the file's top level, checking the blocks of questions as they are found (a
    /// second thread joins once there are two blocks), and hands the checked blocks to
    /// `checker` in file order; gives the title and description and what was kept, or the
    /// syntax error.
    fn check_streamed<T: Send>(
        self,
        keep: &(impl Fn(usize, Range<usize>, Question) -> Option<T> + Sync),
        checker: &mut Checker,
    ) -> Result<(Header, Vec<T>), Vec<Diagnostic>> {
        let (job_tx, job_rx) = std::sync::mpsc::channel::<Job<'t>>();
        let jobs = std::sync::Mutex::new(job_rx);
        let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Block<T>)>();
        // Takes blocks until there are none left and the reading is over.
        let work = |done: &std::sync::mpsc::Sender<(usize, Block<T>)>| loop {
            let Ok(Ok((b, start, raws))) = jobs.lock().map(|jobs| jobs.recv()) else {
                return;
            };
            if done
                .send((b, self.validate_block(start, &raws, keep)))
                .is_err()
            {
                return;
            }
        };
        std::thread::scope(|scope| {
            let (mut blocks, mut count) = (0, 0);
            let work = &work;
            let read = super::stream::read(self.text, BLOCK, &mut |raws| {
                let start = count;
                count += raws.len();
                // The receiver lives until the end of the scope: sending cannot fail.
                let _ = job_tx.send((blocks, start, raws));
                blocks += 1;
                if blocks == PARALLEL_MIN / BLOCK {
                    let done = done_tx.clone();
                    scope.spawn(move || work(&done));
                }
            });
            drop(job_tx);
            let header = read.map_err(|e| vec![serde_diagnostic(self.file, &e, None)])?;
            work(&done_tx);
            drop(done_tx);
            checker.first_use.reserve(count);
            let mut kept = Vec::new();
            let mut checked: Vec<Option<Block<T>>> = (0..blocks).map(|_| None).collect();
            let mut next = 0;
            for (b, block) in done_rx {
                checked[b] = Some(block);
                while let Some(block) = checked.get_mut(next).and_then(Option::take) {
                    kept.extend(checker.block(block));
                    next += 1;
                }
            }
            Ok((header, kept))
        })
    }

    fn validate_block<T>(
        self,
        start: usize,
        raws: &[&RawValue],
        keep: &impl Fn(usize, Range<usize>, Question) -> Option<T>,
    ) -> Block<T> {
        let mut lines = LineIndex::new(self.text);
        let mut block = Block::default();
        for (index, raw) in (start..).zip(raws) {
            let one = self.validate_one(index, raw, &mut lines, keep);
            block.kept.extend(one.kept);
            block.seen.extend(one.seen);
        }
        block
    }

    fn validate_one<T>(
        self,
        index: usize,
        raw: &RawValue,
        lines: &mut LineIndex,
        keep: &impl Fn(usize, Range<usize>, Question) -> Option<T>,
    ) -> Block<T> {
        let mut block = Block::default();
        let offset = raw.get().as_ptr() as usize - self.text.as_ptr() as usize;
        let raw_question = match serde_json::from_str::<RawQuestion>(raw.get()) {
            Ok(q) => q,
            Err(e) => {
                let mut diagnostic = serde_diagnostic(self.file, &e, Some((lines, offset)));
                // A bad pair names its question too: its place in the file and its id.
                let id = serde_json::from_str::<serde_json::Value>(raw.get())
                    .ok()
                    .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string));
                diagnostic.message = match id {
                    _ if !diagnostic.message.starts_with("pairs[") => diagnostic.message,
                    Some(id) => format!(
                        "questions[{index}] (id \"{}\"): {}",
                        super::sanitize::escape_line(&id),
                        diagnostic.message
                    ),
                    None => format!("questions[{index}]: {}", diagnostic.message),
                };
                block.seen.push(Seen {
                    index,
                    id: None,
                    problems: vec![diagnostic],
                });
                return block;
            }
        };
        match validate_question(raw_question) {
            Ok(q) => {
                block.seen.push(Seen {
                    index,
                    id: Some(q.id.clone()),
                    problems: Vec::new(),
                });
                block
                    .kept
                    .extend(keep(index, offset..offset + raw.get().len(), q));
            }
            Err(invalid) => {
                let location = question_location(index, invalid.id.as_deref());
                let problems = invalid
                    .problems
                    .into_iter()
                    .map(|m| diag(self.file, location.clone(), m))
                    .collect();
                block.seen.push(Seen {
                    index,
                    id: invalid.id,
                    problems,
                });
            }
        }
        block
    }
}

/// Parses and validates the one question at `span` of a file already validated whole.
pub fn question_at(
    file: &str,
    bytes: &[u8],
    span: std::ops::Range<usize>,
) -> Result<Question, Vec<Diagnostic>> {
    let located = |message: String| vec![diag(file, Location::File, message)];
    let text = bytes
        .get(span)
        .and_then(|b| std::str::from_utf8(b).ok())
        .ok_or_else(|| located("the file changed while it was read; run again".into()))?;
    let raw = serde_json::from_str::<RawQuestion>(text).map_err(|e| located(e.to_string()))?;
    validate_question(raw).map_err(|invalid| {
        invalid
            .problems
            .into_iter()
            .map(|m| diag(file, Location::File, m))
            .collect()
    })
}

/// What validating some questions found: what was kept of the valid ones, and each
/// question's id and problems.
struct Block<T> {
    kept: Vec<T>,
    seen: Vec<Seen>,
}

impl<T> Default for Block<T> {
    fn default() -> Self {
        Block {
            kept: Vec::new(),
            seen: Vec::new(),
        }
    }
}

struct Seen {
    index: usize,
    id: Option<String>,
    problems: Vec<Diagnostic>,
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

/// Gathers the problems of every question in file order, and checks ids across the file.
struct Checker<'f> {
    file: &'f str,
    diagnostics: Vec<Diagnostic>,
    first_use: HashMap<String, usize>,
    count: usize,
}

impl<'f> Checker<'f> {
    /// A checker for `questions` questions: the id table is sized once (growing it would
    /// move every id again, on the thread that waits for the others).
    fn new(file: &'f str, questions: usize) -> Self {
        Checker {
            file,
            diagnostics: Vec::new(),
            first_use: HashMap::with_capacity(questions),
            count: 0,
        }
    }

    /// Records a block's problems and ids; gives back what it kept.
    fn block<T>(&mut self, block: Block<T>) -> Vec<T> {
        for seen in block.seen {
            self.count += 1;
            self.diagnostics.extend(seen.problems);
            let Some(id) = seen.id.filter(|id| !id.is_empty()) else {
                continue;
            };
            if let Some(earlier) = self.first_use.get(&id) {
                let message = format!(
                    "id \"{id}\" is already used by questions[{earlier}]; ids must be unique"
                );
                let location = question_location(seen.index, Some(&id));
                self.diagnostics.push(diag(self.file, location, message));
            } else {
                self.first_use.insert(id, seen.index);
            }
        }
        block.kept
    }

    /// Adds the whole-bank checks and gives every problem found.
    fn finish(mut self, title: &str) -> Result<(), Vec<Diagnostic>> {
        if !is_title(title) {
            let message = "\"title\" must be a non-empty line of text".to_string();
            let location = Location::Path {
                path: "title".into(),
                id: None,
            };
            self.diagnostics
                .insert(0, diag(self.file, location, message));
        }
        if self.count == 0 {
            let message = "the bank has no questions; add at least one".to_string();
            let location = Location::Path {
                path: "questions".into(),
                id: None,
            };
            self.diagnostics.push(diag(self.file, location, message));
        }
        if self.diagnostics.is_empty() {
            Ok(())
        } else {
            Err(self.diagnostics)
        }
    }
}

/// Whether a bank's title is what the bank format wants: a non-empty line of text.
pub(crate) fn is_title(title: &str) -> bool {
    !title.trim().is_empty() && !title.chars().any(char::is_control)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn big_bank(n: usize, broken: &[(usize, &str)]) -> String {
        let questions: Vec<String> = (0..n)
            .map(|i| {
                broken.iter().find(|(at, _)| *at == i).map_or_else(
                    || {
                        format!(
                            r#"{{"id":"q-{i}","kind":"true_false","prompt":"p {i}","answer":true}}"#
                        )
                    },
                    |(_, text)| text.to_string(),
                )
            })
            .collect();
        format!(
            r#"{{"title":"Big","questions":[{}]}}"#,
            questions.join(",\n")
        )
    }

    #[test]
    fn a_big_bank_is_checked_in_file_order_on_both_threads() {
        let n = PARALLEL_MIN + BLOCK + 7;
        let text = big_bank(n, &[]);
        let bank = parse("big.json", text.as_bytes()).expect("valid");
        let ids: Vec<String> = (0..n).map(|i| format!("q-{i}")).collect();
        assert_eq!(
            bank.questions.iter().map(|q| &q.id).collect::<Vec<_>>(),
            ids.iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn problems_of_a_big_bank_come_in_file_order_whatever_thread_found_them() {
        let late = PARALLEL_MIN + 3;
        let text = big_bank(
            late + 10,
            &[
                (
                    1,
                    r#"{"id":"q-0","kind":"true_false","prompt":"p","answer":true}"#,
                ),
                (
                    BLOCK + 1,
                    r#"{"id":"x","kind":"true_false","prompt":5,"answer":true}"#,
                ),
                (
                    late,
                    r#"{"id":"q-5","kind":"true_false","prompt":"p","answer":true, "answer":1}"#,
                ),
            ],
        );
        let problems = parse("big.json", text.as_bytes()).expect_err("invalid");
        let places: Vec<String> = problems
            .iter()
            .map(|d| format!("{:?}", d.location))
            .collect();
        assert_eq!(problems.len(), 3, "{places:?}");
        assert!(
            problems[0]
                .message
                .contains("\"q-0\" is already used by questions[0]")
        );
        assert!(
            matches!(problems[1].location, Location::LineCol { line, .. } if line == BLOCK + 2)
        );
        assert!(matches!(problems[2].location, Location::LineCol { line, .. } if line == late + 1));
    }
}
