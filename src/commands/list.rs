//! `termquiz list`: the questions as a table, or the validated bank as JSON.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use console::{measure_text_width, truncate_str};

use crate::bank::load::IdOwners;
use crate::bank::parse::Split;
use crate::bank::raw::{JsonWriter, question_text};
use crate::bank::{self, Bank, LoadError, sanitize::one_line};
use crate::cli::{ListArgs, ListFormat};
use crate::error::Result;

/// Prints the banks in the chosen format.
pub fn run(args: &ListArgs) -> Result<()> {
    // Into a pipe, bank files are streamed (huge banks need not fit in memory twice); a
    // terminal gets the escaped text of the loaded bank.
    let to_terminal = std::io::stdout().is_terminal();
    if args.format == ListFormat::Json && !args.banks.is_empty() && !to_terminal {
        return stream_json(&args.banks);
    }
    let bank = bank::load_paths(&args.banks)?;
    if args.tags {
        return write_tags(&bank, args.format);
    }
    match args.format {
        ListFormat::Json => super::output::write_stdout(&bank::raw::to_json(&bank)),
        ListFormat::Table => {
            let mut out = std::io::stdout().lock();
            write_table(&mut out, &bank, table_width())?;
            out.flush()?;
            // The footer is not data: it goes to stderr so `list | grep` sees rows only.
            eprintln!(
                "{} — {}",
                one_line(&bank.title),
                super::validate::summary(&bank)
            );
            Ok(())
        }
    }
}

/// Checks every file (all diagnostics, ids across files), then writes the combined bank
/// question by question as the files are read again.
fn stream_json(paths: &[PathBuf]) -> Result<()> {
    let files = bank::load::expand(paths)?;
    let several = files.len() > 1;
    let mut diagnostics = Vec::new();
    let mut owners = IdOwners::default();
    let mut headers = Vec::new();
    for file in &files {
        let (name, bytes) = bank::load::read_file(file)?;
        let mut clashes = Vec::new();
        let checked = Split::new(&name, &bytes).and_then(|split| {
            // Ids are kept only when there are other files to clash with.
            let ids = split.validate(|index, q| several.then_some((index, q.id)))?;
            for (index, id) in ids {
                owners.claim(&name, index, &id, &mut clashes);
            }
            Ok((split.title, split.description))
        });
        match checked {
            Ok(header) => headers.push(header),
            Err(d) => diagnostics.extend(d),
        }
        diagnostics.extend(clashes);
    }
    if !diagnostics.is_empty() {
        return Err(LoadError::Invalid(diagnostics).into());
    }
    let titles: Vec<String> = headers.iter().map(|(title, _)| title.clone()).collect();
    let description = match headers.as_slice() {
        [(_, description)] => description.as_deref(),
        _ => None,
    };
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = JsonWriter::start(stdout, &bank::load::combined_title(&titles), description)?;
    for file in &files {
        let (name, bytes) = bank::load::read_file(file)?;
        let split = Split::new(&name, &bytes).map_err(LoadError::Invalid)?;
        let mut failed = None;
        // Each question is turned into text on the worker threads, written here in order.
        let written = split.for_each_kept(
            |_, q| Some(question_text(&q)),
            |text| {
                if failed.is_none() {
                    failed = text.and_then(|text| writer.question_text(&text)).err();
                }
            },
        );
        if let Some(e) = failed {
            return Err(e.into());
        }
        written.map_err(LoadError::Invalid)?;
    }
    writer.finish()?.flush()?;
    Ok(())
}

/// The terminal's width; `None` into a pipe, where rows are never cut.
fn table_width() -> Option<usize> {
    let term = console::Term::stdout();
    term.is_term().then(|| usize::from(term.size().1).max(40))
}

/// Every tag with its number of questions, most used first (`--tags`).
fn write_tags(bank: &Bank, format: ListFormat) -> Result<()> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in bank.questions.iter().flat_map(|q| &q.tags) {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    let mut tags: Vec<(&str, usize)> = counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out = std::io::stdout().lock();
    if format == ListFormat::Json {
        let map: serde_json::Map<String, serde_json::Value> = tags
            .iter()
            .map(|(tag, n)| ((*tag).to_string(), (*n).into()))
            .collect();
        writeln!(out, "{}", serde_json::Value::Object(map))?;
    } else {
        let width = tags
            .iter()
            .map(|(t, _)| measure_text_width(&one_line(t)))
            .max();
        for (tag, n) in &tags {
            let tag = one_line(tag);
            let pad = width.unwrap_or(0) - measure_text_width(&tag);
            writeln!(out, "{tag}{}  {n}", " ".repeat(pad))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Writes one row per question; columns sized to the content, the prompt cut to fit
/// `width` on a terminal and left whole into a pipe (`None`).
pub fn write_table(out: &mut impl Write, bank: &Bank, width: Option<usize>) -> std::io::Result<()> {
    let header = ["ID", "KIND", "DIFFICULTY", "TAGS", "PROMPT"];
    let rows: Vec<[String; 5]> = bank
        .questions
        .iter()
        .map(|q| {
            [
                one_line(&q.id),
                q.kind.name().to_string(),
                q.difficulty.to_string(),
                one_line(&q.tags.join(",")),
                one_line(&q.prompt),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(measure_text_width(cell));
        }
    }
    if width.is_some() {
        widths[3] = widths[3].min(30);
    }
    let fixed: usize = widths[..4].iter().sum::<usize>() + 4 * 2;
    let prompt_width = width.map_or(usize::MAX, |w| w.saturating_sub(fixed).max(20));
    let bold = console::Style::new().bold();
    let cells = header.map(String::from);
    writeln!(
        out,
        "{}",
        bold.apply_to(format_row(&cells, &widths, prompt_width))
    )?;
    for row in &rows {
        writeln!(out, "{}", format_row(row, &widths, prompt_width))?;
    }
    Ok(())
}

fn format_row(row: &[String; 5], widths: &[usize; 5], prompt_width: usize) -> String {
    let mut line = String::new();
    for (cell, &w) in row[..4].iter().zip(widths) {
        let cell = truncate_str(cell, w, "…");
        line.push_str(&cell);
        line.push_str(&" ".repeat(w - measure_text_width(&cell) + 2));
    }
    if prompt_width == usize::MAX {
        line.push_str(&row[4]);
    } else {
        line.push_str(&truncate_str(&row[4], prompt_width, "…"));
    }
    line.trim_end().to_string()
}
