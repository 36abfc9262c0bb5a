//! Moodle XML import, as a pipeline: read the document and split it into located
//! `<question>` elements (`read`), read each in Moodle's own terms (`question`, `terms`,
//! `cloze`), then map to bank questions in one place (`map`, `kinds`, `gaps`). `export` writes
//! a bank back as Moodle XML.

mod cloze;
pub mod export;
mod gaps;
mod kinds;
mod map;
mod question;
mod read;
mod split;
mod terms;
mod text;

use super::{ImportError, Parsed, Sink, Skipped};
use read::Located;
use terms::Item;

/// Reads Moodle XML; each question becomes a draft or a note naming its type and name.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::default();
    read(text, &mut parsed)?;
    Ok(parsed)
}

/// Reads Moodle XML question by question, handing each (or why it was skipped) to `sink`.
/// A `<quiz>` of the usual shape is read one `<question>` at a time; any other document,
/// or one with an error, is read whole, which names the first error at its line and column.
pub fn read(text: &str, sink: &mut impl Sink) -> Result<(), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(spans) = split::spans(text) else {
        return read_whole(text, sink);
    };
    let mut category: Option<String> = None;
    for batch in spans.chunks(BATCH) {
        for (span, item) in batch.iter().zip(read_batch(text, batch)) {
            let Some(item) = item else {
                // The question is malformed: the whole document names the first error.
                return Err(match read::document(text) {
                    Err(e) => e,
                    Ok(_) => ImportError::Xml {
                        line: span.line,
                        column: 1,
                        message: "this <question> cannot be read apart from its document".into(),
                    },
                });
            };
            take(item, &mut category, sink);
        }
    }
    Ok(())
}

/// Questions read together, on two threads; then mapped in file order (a category applies
/// to the questions after it).
const BATCH: usize = 1024;

/// Reads each question of the batch in Moodle's terms (`None`: not well-formed), in order,
/// the second half on another thread.
fn read_batch(text: &str, spans: &[split::Span]) -> Vec<Option<Item>> {
    let one = |span: &split::Span| {
        let doc = split::question(text, span)?;
        let node = doc.root_element();
        Some(question::read(Located {
            line: span.line,
            node,
        }))
    };
    if spans.len() < 64 {
        return spans.iter().map(one).collect();
    }
    let (first, second) = spans.split_at(spans.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| second.iter().map(one).collect::<Vec<_>>());
        let mut items: Vec<_> = first.iter().map(one).collect();
        match later.join() {
            Ok(rest) => items.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        items
    })
}

/// Reads the document as one tree.
fn read_whole(text: &str, sink: &mut impl Sink) -> Result<(), ImportError> {
    let doc = read::document(text)?;
    let mut category: Option<String> = None;
    for located in read::questions(&doc)? {
        item(located, &mut category, sink);
    }
    Ok(())
}

/// One `<question>` element: a category for those after it, a draft or a skip note.
fn item(located: Located, category: &mut Option<String>, sink: &mut impl Sink) {
    take(question::read(located), category, sink);
}

/// A question read in Moodle's terms, mapped under the category that applies.
fn take(item: Item, category: &mut Option<String>, sink: &mut impl Sink) {
    match item {
        Item::Category { path } => *category = map::category_tag(&path),
        Item::Question(header, body) => match map::draft(&header, &body, category.as_deref()) {
            Ok(draft) => sink.draft(draft),
            Err(note) => sink.skip(note),
        },
        Item::Skip { line, reason } => sink.skip(Skipped::new(line, reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quiz of `n` true/false questions, a category before question `category_at`, and
    /// question `broken_at` not well-formed.
    fn quiz(n: usize, category_at: usize, broken_at: Option<usize>) -> String {
        let mut text = String::from("<?xml version=\"1.0\"?>\n<quiz>\n");
        for i in 0..n {
            if i == category_at {
                text += "<question type=\"category\"><category><text>$course$/Later</text></category></question>\n";
            }
            if Some(i) == broken_at {
                text += "<question type=\"truefalse\"><name><text>b</nam></question>\n";
                continue;
            }
            text += &format!(
                "<question type=\"truefalse\"><name><text>q{i}</text></name><questiontext format=\"html\"><text>Is {i} even?</text></questiontext><answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question>\n"
            );
        }
        text + "</quiz>\n"
    }

    #[test]
    fn questions_read_on_two_threads_keep_file_order_and_their_category() {
        let category_at = BATCH + 7;
        let text = quiz(3 * BATCH / 2, category_at, None);
        let parsed = parse(&text).expect("a valid quiz");
        let mut whole = Parsed::default();
        read_whole(&text, &mut whole).expect("a valid quiz");
        assert_eq!(format!("{parsed:?}"), format!("{whole:?}"));
        let tags = |i: usize| parsed.drafts[i].question.tags.clone();
        assert_eq!(parsed.drafts.len(), 3 * BATCH / 2);
        assert!(
            tags(category_at - 1).is_empty(),
            "{:?}",
            tags(category_at - 1)
        );
        assert_eq!(tags(category_at), ["later"]);
        assert_eq!(
            parsed.drafts[category_at].question.prompt,
            format!("Is {category_at} even?")
        );
    }

    #[test]
    fn a_malformed_question_read_on_a_thread_gives_the_whole_documents_error() {
        let text = quiz(300, usize::MAX, Some(250));
        let error = parse(&text).expect_err("a malformed question");
        let Err(whole) = read::document(&text) else {
            panic!("the whole document is malformed too");
        };
        assert_eq!(error.to_string(), whole.to_string());
        assert!(error.to_string().starts_with("253:"), "{error}");
    }
}
