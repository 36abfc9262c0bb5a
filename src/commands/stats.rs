//! `termquiz stats`: the history as a table for people or JSON for scripts.

use std::io::Write;

use console::{Alignment, Style, pad_str};
use jiff::tz::TimeZone;

use super::table::percent_label;
use crate::bank::sanitize::one_line;
use crate::cli::{StatsArgs, StatsFormat};
use crate::error::Result;
use crate::store::stats::{self, Stats};
use crate::store::{history, paths};

/// The widest bar, at 100%.
const BAR_WIDTH: usize = 20;
/// Bank titles are cut to this width in the table.
const BANK_WIDTH: usize = 32;

/// Loads the history, warns about damaged lines on stderr, prints the stats.
pub fn run(args: &StatsArgs) -> Result<()> {
    let dir = paths::data_dir()?;
    let mut tally = stats::Tally::default();
    let warnings = history::for_each(&dir, |session| tally.add(&session))?;
    warn_all(&warnings);
    let stats = tally.finish();
    let mut out = std::io::stdout().lock();
    match args.format {
        StatsFormat::Json => {
            drop(out);
            // On a terminal, escaped like any bank text; in a pipe, byte-exact JSON.
            let json = serde_json::to_string_pretty(&stats).map_err(std::io::Error::from)?;
            return super::output::write_stdout(&format!("{json}\n"));
        }
        StatsFormat::Table if stats.sessions == 0 => {
            writeln!(out, "no sessions yet — play one with `termquiz`")?;
        }
        StatsFormat::Table => write_table(&mut out, &stats, &TimeZone::system())?,
    }
    out.flush()?;
    eprintln!(
        "{}",
        where_data_lives("History", &dir.join(history::HISTORY_FILE))
    );
    Ok(())
}

/// "History: FILE (--data-dir or TERMQUIZ_DATA_DIR to change)", dimmed, for stderr.
pub fn where_data_lives(what: &str, file: &std::path::Path) -> String {
    console::style(format!(
        "{what}: {} (--data-dir or TERMQUIZ_DATA_DIR to change)",
        crate::bank::sanitize::path(file)
    ))
    .for_stderr()
    .dim()
    .to_string()
}

/// Prints each warning on stderr, one line each.
pub fn warn_all(warnings: &[String]) {
    for warning in warnings {
        crate::error::print_warning(&one_line(warning));
    }
}

/// Writes the stats as sections of aligned text; dates in `tz`.
pub fn write_table(out: &mut impl Write, stats: &Stats, tz: &TimeZone) -> std::io::Result<()> {
    let bold = Style::new().bold();
    writeln!(out, "Sessions  {}", stats.sessions)?;
    writeln!(
        out,
        "Answered  {} questions, {} right",
        stats.answered, stats.correct
    )?;
    writeln!(
        out,
        "Accuracy  {}",
        stats.accuracy.map_or("—".into(), percent_label)
    )?;
    writeln!(
        out,
        "\n{}",
        bold.apply_to(format!("Last {} sessions", stats.recent.len()))
    )?;
    for line in &stats.recent {
        let date = line
            .finished_at
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M");
        let bank = one_line(&line.bank);
        let bank = pad_str(&bank, BANK_WIDTH, Alignment::Left, Some("…"));
        let stopped = if line.interrupted {
            "  (interrupted)"
        } else {
            ""
        };
        let percent = percent_label(line.percent);
        writeln!(
            out,
            "{date}  {bank}  {percent:>4}  {}{stopped}",
            bar(line.percent)
        )?;
    }
    write_tags(out, stats, &bold)?;
    write_missed(out, stats, &bold)
}

fn write_tags(out: &mut impl Write, stats: &Stats, bold: &Style) -> std::io::Result<()> {
    if stats.weakest_tags.is_empty() {
        return Ok(());
    }
    let width = stats
        .weakest_tags
        .iter()
        .map(|t| one_line(&t.tag).chars().count())
        .max();
    let width = width.unwrap_or(0).min(BANK_WIDTH);
    writeln!(out, "\n{}", bold.apply_to("Weakest tags"))?;
    for tag in &stats.weakest_tags {
        let name = one_line(&tag.tag);
        let name = pad_str(&name, width, Alignment::Left, Some("…"));
        let percent = percent_label(tag.accuracy);
        writeln!(
            out,
            "{name}  {percent:>4}  {} of {} right",
            tag.correct, tag.answered
        )?;
    }
    Ok(())
}

fn write_missed(out: &mut impl Write, stats: &Stats, bold: &Style) -> std::io::Result<()> {
    if stats.most_missed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", bold.apply_to("Most missed questions"))?;
    let names: Vec<String> = stats
        .most_missed
        .iter()
        .map(|m| format!("{} / {}", one_line(&m.bank), one_line(&m.id)))
        .collect();
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .min(2 * BANK_WIDTH);
    for (name, miss) in names.iter().zip(&stats.most_missed) {
        let name = pad_str(name, width, Alignment::Left, Some("…"));
        writeln!(out, "{name}  missed {} of {}", miss.missed, miss.answered)?;
    }
    Ok(())
}

/// A bar of up to [`BAR_WIDTH`] blocks, green from 80%, yellow from 50%, red below.
fn bar(percent: f64) -> String {
    let blocks = ((percent / 100.0 * BAR_WIDTH as f64).round() as usize).min(BAR_WIDTH);
    let style = match percent {
        p if p >= 80.0 => Style::new().green(),
        p if p >= 50.0 => Style::new().yellow(),
        _ => Style::new().red(),
    };
    style.apply_to("█".repeat(blocks)).to_string()
}
