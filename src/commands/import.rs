//! `termquiz import`: convert a GIFT, Moodle XML, Aiken, Open Trivia DB, spreadsheet or flashcard file into a valid bank.

mod detect;

use std::io::Write;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::output::write_output;
use crate::bank::{self, LoadError, sanitize};
use crate::cli::{CardStyleArg, Encoding, ImportArgs, ImportFormat};
use crate::error::{Error, Result};
use crate::import::flashcards::{CardOptions, CardStyle, Direction};
use crate::import::{self, ImportError, Imported, Parsed, common, quizlet};

/// Imports with at least this many questions show a progress bar (on a terminal).
const PROGRESS_FROM: usize = 500;

/// Reads the file, converts it, reports what was skipped and writes the bank.
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
    let parsed = if detect::is_spreadsheet(args.from, &args.file) {
        // A Kahoot XLSX is a zip, not text.
        import::kahoot::parse(&bytes).map_err(fail)?
    } else {
        let text = match args.encoding {
            Encoding::Utf8 => common::decode_utf8(&bytes).map_err(fail)?,
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
        parse(args, format, &text).map_err(fail)?
    };
    let title = args.title.clone().unwrap_or_else(|| file_stem(&args.file));
    let imported = finish_with_progress(parsed, &title);
    report_skipped(&name, &imported)?;
    if imported.bank.questions.is_empty() {
        return Err(fail(ImportError::Empty {
            skipped: imported.skipped.len(),
        }));
    }
    let json = bank::raw::to_json(&imported.bank);
    bank::parse(&name, json.as_bytes()).map_err(|d| Error::Bank(LoadError::Invalid(d)))?;
    write_output(args.output.as_deref(), &json)
}

/// The file's bytes in the asked format's terms.
fn parse(
    args: &ImportArgs,
    format: ImportFormat,
    text: &str,
) -> std::result::Result<Parsed, ImportError> {
    let parsed = match format {
        ImportFormat::Gift => import::gift::parse(text),
        ImportFormat::Aiken => import::aiken::parse(text),
        ImportFormat::Opentdb => import::opentdb::parse(text)?,
        ImportFormat::Csv => import::csv::parse(text)?,
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
        ImportFormat::MoodleXml => import::moodle_xml::parse(text)?,
    };
    Ok(parsed)
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

/// Validates the drafts, with a progress bar on stderr for long imports on a terminal.
fn finish_with_progress(parsed: Parsed, title: &str) -> Imported {
    let total = parsed.drafts.len();
    let bar = if total >= PROGRESS_FROM && console::Term::stderr().is_term() {
        ProgressBar::new(total as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) = ProgressStyle::with_template("importing {wide_bar} {pos}/{len}") {
        bar.set_style(style);
    }
    let imported = parsed.finish(title, || bar.inc(1));
    bar.finish_and_clear();
    imported
}

/// One `FILE:LINE: skipped: reason` or `FILE:LINE: note: what` line per item, in line order, then a summary.
fn report_skipped(name: &str, imported: &Imported) -> Result<()> {
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
    let count = imported.bank.questions.len();
    let plural = if count == 1 { "" } else { "s" };
    writeln!(
        err,
        "{}: imported {count} question{plural}, skipped {}",
        name,
        imported.skipped.len()
    )?;
    Ok(())
}
