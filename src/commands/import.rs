//! `termquiz import`: convert a GIFT, Moodle XML, Aiken, Open Trivia DB, spreadsheet or flashcard file into a valid bank.

mod detect;
mod stream;

use std::io::Write;
use std::path::Path;

use super::output::write_stdout;
use crate::bank::{self, Diagnostic, LoadError, Location, sanitize};
use crate::cli::{CardStyleArg, Encoding, ImportArgs, ImportFormat};
use crate::error::{Error, Result};
use crate::import::flashcards::{CardOptions, CardStyle, Direction};
use crate::import::{self, ImportError, Sink, common, quizlet};
use stream::{Stream, Written};

/// Text inputs of at least this many bytes (about 500 questions) show a progress bar on a
/// terminal; a spreadsheet, at least this many questions.
const PROGRESS_FROM_BYTES: usize = 64 * 1024;
const PROGRESS_FROM: usize = 500;

/// Reads the file, converts and writes it question by question, reports what was skipped
/// and puts the bank in place.
pub fn run(args: &ImportArgs) -> Result<()> {
    let name = sanitize::path(&args.file);
    let fail = |source| Error::Import {
        file: name.clone(),
        source,
    };
    if let Some(out) = &args.output {
        super::output::refuse_input(out, std::slice::from_ref(&args.file), "-o")?;
    }
    let bytes = bank::input::read_bounded(&args.file).map_err(|e| Error::file(&args.file, e))?;
    let title = args.title.clone().unwrap_or_else(|| file_stem(&args.file));
    let mut stream = Stream::new(args.output.as_deref(), &title);
    if detect::is_spreadsheet(args.from, &args.file) {
        // A Kahoot XLSX is a zip, not text.
        let parsed = import::kahoot::parse(&bytes).map_err(fail)?;
        drop(bytes);
        if parsed.drafts.len() >= PROGRESS_FROM {
            stream.show_progress(|| parsed.drafts.len(), false);
        }
        parsed.replay(&mut stream);
    } else {
        let text = match args.encoding {
            Encoding::Utf8 => common::decode_utf8(bytes).map_err(fail)?,
            Encoding::Latin1 => common::decode_latin1(&bytes),
        };
        let format = match args.from {
            Some(format) => format,
            None => {
                let (format, why) = detect::choose(&args.file, &text)
                    .map_err(|m| Error::Usage(format!("{name}: {m}")))?;
                if let Some(why) = why {
                    eprintln!("{name}: reading as {} ({why})", detect::name(format));
                }
                format
            }
        };
        detect::check(format, &text).map_err(|m| fail(ImportError::Shape(m)))?;
        if text.len() >= PROGRESS_FROM_BYTES {
            stream.show_progress(|| text.lines().count(), true);
        }
        read(args, format, &text, &mut stream).map_err(fail)?;
    }
    let written = stream.end();
    report_skipped(&name, &written)?;
    if written.count == 0 {
        return Err(fail(ImportError::Empty {
            skipped: written.skipped.len(),
        }));
    }
    check_title(&name, &title)?;
    let output = args.output.as_deref();
    let io_error = |e| match output {
        Some(path) => Error::file(path, e),
        None => Error::from(e),
    };
    match written.commit().map_err(io_error)? {
        Some(text) => write_stdout(&text),
        None => Ok(()),
    }
}

/// A bank's title must be a non-empty line: the bank validator's own rule and message.
fn check_title(name: &str, title: &str) -> Result<()> {
    if !title.trim().is_empty() && !title.chars().any(char::is_control) {
        return Ok(());
    }
    let diagnostic = Diagnostic {
        file: name.to_string(),
        location: Location::Path {
            path: "title".into(),
            id: None,
        },
        message: "\"title\" must be a non-empty line of text".into(),
    };
    Err(Error::Bank(LoadError::Invalid(vec![diagnostic])))
}

/// Reads the text in the asked format, handing each item to `sink` as it is read.
fn read(
    args: &ImportArgs,
    format: ImportFormat,
    text: &str,
    sink: &mut impl Sink,
) -> std::result::Result<(), ImportError> {
    // The formats of big banks are read as they are written, not held whole.
    let parsed = match format {
        ImportFormat::Gift => {
            import::gift::read(text, sink);
            return Ok(());
        }
        ImportFormat::Aiken => {
            import::aiken::read(text, sink);
            return Ok(());
        }
        ImportFormat::Csv => return import::csv::read(text, sink),
        ImportFormat::MoodleXml => return import::moodle_xml::read(text, sink),
        ImportFormat::Opentdb => import::opentdb::parse(text)?,
        ImportFormat::Blooket => import::blooket::parse(text)?,
        ImportFormat::Kahoot => import::kahoot::parse(text.as_bytes())?,
        ImportFormat::Blackboard => import::blackboard::parse(text)?,
        ImportFormat::Quizlet => {
            let separators = quizlet::Separators {
                term: quizlet::separator_from_arg(&args.separator),
                card: quizlet::separator_from_arg(&args.card_separator),
            };
            quizlet::parse(text, &separators, &card_options(args))
        }
        ImportFormat::AnkiText => import::anki::parse(text, &card_options(args))?,
    };
    parsed.replay(sink);
    Ok(())
}

/// What the flashcard options ask for, in the importer's terms.
fn card_options(args: &ImportArgs) -> CardOptions {
    CardOptions {
        style: match args.style {
            CardStyleArg::Single => CardStyle::Single,
            CardStyleArg::Text => CardStyle::Text,
        },
        choices: usize::from(args.choices),
        direction: match (args.reverse, args.both) {
            (_, true) => Direction::Both,
            (true, false) => Direction::Reverse,
            (false, false) => Direction::Forward,
        },
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "Imported".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// One `FILE:LINE: skipped: reason` or `FILE:LINE: note: what` line per item, in line order, then a summary.
fn report_skipped(name: &str, imported: &Written) -> Result<()> {
    let mut err = std::io::stderr().lock();
    let notes = imported.notes.iter().map(|n| (n, "note"));
    let mut lines: Vec<_> = notes
        .chain(imported.skipped.iter().map(|s| (s, "skipped")))
        .collect();
    lines.sort_by_key(|(s, _)| s.line);
    for (note, what) in lines {
        writeln!(
            err,
            "{name}{}: {what}: {}",
            sanitize::escape(&note.location()),
            sanitize::escape(&note.reason)
        )?;
    }
    let count = imported.count;
    let plural = if count == 1 { "" } else { "s" };
    writeln!(
        err,
        "{}: imported {count} question{plural}, skipped {}",
        name,
        imported.skipped.len()
    )?;
    Ok(())
}
