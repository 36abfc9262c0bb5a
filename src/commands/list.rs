//! `termquiz list`: the questions as a table, or the validated bank as JSON.

use std::io::Write;

use console::{measure_text_width, truncate_str};

use crate::bank::{self, Bank, sanitize::one_line};
use crate::cli::{ListArgs, ListFormat};
use crate::error::Result;

/// Prints the banks in the chosen format.
pub fn run(args: &ListArgs) -> Result<()> {
    let bank = bank::load_paths(&args.banks)?;
    match args.format {
        ListFormat::Json => super::output::write_stdout(&bank::raw::to_json(&bank)),
        ListFormat::Table => {
            let mut out = std::io::stdout().lock();
            write_table(&mut out, &bank, table_width())?;
            out.flush()?;
            Ok(())
        }
    }
}

fn table_width() -> usize {
    let term = console::Term::stdout();
    if term.is_term() {
        usize::from(term.size().1).max(60)
    } else {
        120
    }
}

/// Writes one row per question; columns sized to the content, the prompt cut to fit `width`.
pub fn write_table(out: &mut impl Write, bank: &Bank, width: usize) -> std::io::Result<()> {
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
    widths[3] = widths[3].min(30);
    let fixed: usize = widths[..4].iter().sum::<usize>() + 4 * 2;
    let prompt_width = width.saturating_sub(fixed).max(20);
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
    writeln!(
        out,
        "{} — {}",
        one_line(&bank.title),
        super::validate::summary(bank)
    )
}

fn format_row(row: &[String; 5], widths: &[usize; 5], prompt_width: usize) -> String {
    let mut line = String::new();
    for (cell, &w) in row[..4].iter().zip(widths) {
        let cell = truncate_str(cell, w, "…");
        line.push_str(&cell);
        line.push_str(&" ".repeat(w - measure_text_width(&cell) + 2));
    }
    line.push_str(&truncate_str(&row[4], prompt_width, "…"));
    line.trim_end().to_string()
}
