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

/// The widest bar, at 100% (narrower in a narrow terminal).
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
        StatsFormat::Table => {
            let term = console::Term::stdout();
            let width = term.is_term().then(|| usize::from(term.size().1));
            write_table(&mut out, &stats, &TimeZone::system(), width)?;
        }
    }
    out.flush()?;
    eprintln!(
        "{}",
        where_data_lives("History", &dir.join(history::HISTORY_FILE))
    );
    Ok(())
}

/// "History: FILE (--data-dir or TERMQUIZ_DATA_DIR to change)", dimmed, for stderr.
/// Wrapped at words to a terminal on stderr (a long path stands on its own line).
pub fn where_data_lives(what: &str, file: &std::path::Path) -> String {
    let text = format!(
        "{what}: {} (--data-dir or TERMQUIZ_DATA_DIR to change)",
        crate::bank::sanitize::path(file)
    );
    let width = console::Term::stderr()
        .size_checked()
        .map(|(_, cols)| usize::from(cols));
    console::style(crate::ui::fit::wrap_to(&text, "", width))
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

/// Writes the stats as sections of aligned text; dates in `tz`. With a `width` (a
/// terminal), the most-missed prompts are cut to it; without (a pipe), they are whole.
pub fn write_table(
    out: &mut impl Write,
    stats: &Stats,
    tz: &TimeZone,
    width: Option<usize>,
) -> std::io::Result<()> {
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
    // A narrow terminal gets a shorter title column and bar; what still overflows is cut.
    let (bank_width, bar_width) = match width {
        Some(w) if w < 26 + BANK_WIDTH + BAR_WIDTH => {
            let bank = w.saturating_sub(40).clamp(10, BANK_WIDTH);
            (bank, w.saturating_sub(26 + bank).clamp(5, BAR_WIDTH))
        }
        _ => (BANK_WIDTH, BAR_WIDTH),
    };
    for line in &stats.recent {
        let date = line
            .finished_at
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M");
        let bank = one_line(&line.bank);
        let bank = pad_str(&bank, bank_width, Alignment::Left, Some("…"));
        // The mark is kept whole: the bar gives way to it, and in a terminal too narrow for
        // "(interrupted)" it says "(stopped)", as the quiz's own summary does.
        let room = width.map_or(usize::MAX, |w| w.saturating_sub(26 + bank_width));
        let stopped = match line.interrupted {
            false => "",
            true if room >= "  (interrupted)".len() => "  (interrupted)",
            true => "  (stopped)",
        };
        let percent = percent_label(line.percent);
        let bar_width = bar_width.min(room.saturating_sub(stopped.len()));
        let row = format!(
            "{date}  {bank}  {percent:>4}  {}{stopped}",
            bar(line.percent, bar_width)
        );
        writeln!(out, "{}", cut(&row, width))?;
    }
    write_tags(out, stats, &bold)?;
    write_missed(out, stats, &bold, width)
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

/// The most-missed questions by their prompt, under their bank's title (said once).
fn write_missed(
    out: &mut impl Write,
    stats: &Stats,
    bold: &Style,
    width: Option<usize>,
) -> std::io::Result<()> {
    if stats.most_missed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", bold.apply_to("Most missed questions"))?;
    let counts: Vec<String> = stats
        .most_missed
        .iter()
        .map(|m| format!("missed {} of {}", m.missed, m.answered))
        .collect();
    let count_width = counts.iter().map(String::len).max().unwrap_or(0);
    // Banks in the order of their most-missed question, each question under its bank.
    let mut banks: Vec<&str> = Vec::new();
    for miss in &stats.most_missed {
        if !banks.contains(&miss.bank.as_str()) {
            banks.push(&miss.bank);
        }
    }
    for bank in banks {
        writeln!(out, "{}", cut(&one_line(bank), width))?;
        for (miss, count) in stats.most_missed.iter().zip(&counts) {
            if miss.bank != bank {
                continue;
            }
            let text = match &miss.prompt {
                Some(prompt) => one_line(prompt),
                None => format!("(id {})", one_line(&miss.id)),
            };
            let line = format!("  {count:<count_width$}  {text}");
            writeln!(out, "{}", cut(&line, width))?;
        }
    }
    Ok(())
}

/// `line` cut to `width` columns with an ellipsis; whole without a width.
fn cut(line: &str, width: Option<usize>) -> String {
    match width {
        Some(width) => console::truncate_str(line, width, "…").into_owned(),
        None => line.to_string(),
    }
}

/// A bar of up to `width` blocks, green from 80%, yellow from 50%, red below.
fn bar(percent: f64, width: usize) -> String {
    let blocks = ((percent / 100.0 * width as f64).round() as usize).min(width);
    let style = match percent {
        p if p >= 80.0 => Style::new().green(),
        p if p >= 50.0 => Style::new().yellow(),
        _ => Style::new().red(),
    };
    style.apply_to("█".repeat(blocks)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::stats::MissStat;

    fn stats_missing(prompts: &[(&str, &str)]) -> Stats {
        let mut stats = crate::store::stats::compute(&[]);
        stats.sessions = 1;
        stats.most_missed = prompts
            .iter()
            .map(|(bank, prompt)| MissStat {
                bank: bank.to_string(),
                id: "q".into(),
                prompt: Some(prompt.to_string()),
                missed: 2,
                answered: 3,
            })
            .collect();
        stats
    }

    fn table(stats: &Stats, width: Option<usize>) -> String {
        console::set_colors_enabled(false);
        let mut out = Vec::new();
        write_table(&mut out, stats, &TimeZone::UTC, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn most_missed_showed_ids_and_repeated_the_bank_title() {
        let long = "Which label sold the best-selling cast albums of the 1950s and 1960s?";
        let stats = stats_missing(&[("Bank A", long), ("Bank B", "Short?"), ("Bank A", "Other?")]);
        let text = table(&stats, None);
        let missed = &text[text.find("Most missed questions").unwrap()..];
        assert_eq!(
            missed,
            format!(
                "Most missed questions\nBank A\n  missed 2 of 3  {long}\n  missed 2 of 3  Other?\nBank B\n  missed 2 of 3  Short?\n"
            )
        );
        let mut stats = stats;
        let finished_at = jiff::Timestamp::UNIX_EPOCH;
        for interrupted in [false, true] {
            stats.recent.push(crate::store::stats::SessionLine {
                finished_at,
                bank: "A bank whose title is much longer than fifty columns".into(),
                percent: 100.0,
                interrupted,
            });
        }
        let narrow = table(&stats, Some(50));
        assert!(
            narrow.lines().all(|l| console::measure_text_width(l) <= 50),
            "{narrow}"
        );
        assert!(
            narrow.contains("  missed 2 of 3  Which label sold the best-sellin…\n"),
            "{narrow}"
        );
    }

    #[test]
    fn an_interrupted_session_was_cut_mid_word_at_50_columns() {
        let mut stats = stats_missing(&[]);
        stats.recent.push(crate::store::stats::SessionLine {
            finished_at: jiff::Timestamp::UNIX_EPOCH,
            bank: "Soundtrack vs Cast Recording".into(),
            percent: 0.0,
            interrupted: true,
        });
        let wide = table(&stats, Some(160));
        let row = wide.lines().find(|l| l.starts_with("1970")).unwrap();
        assert!(row.ends_with("  (interrupted)"), "{row:?}");
        let narrow = table(&stats, Some(50));
        let row = narrow.lines().find(|l| l.starts_with("1970")).unwrap();
        assert!(row.ends_with("  (stopped)"), "{row:?}");
        assert!(console::measure_text_width(row) <= 50, "{row:?}");
    }
}
