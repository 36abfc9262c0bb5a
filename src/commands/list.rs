//! `termquiz list`: the questions as a table, or the validated bank as JSON.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use console::{measure_text_width, truncate_str};

use crate::bank::checked::{self, Checked, Kept};
use crate::bank::load::IdOwners;
use crate::bank::raw::{JsonWriter, question_json};
use crate::bank::{self, Bank, LoadError, Question, sanitize::one_line};
use crate::cli::{ListArgs, ListFormat};
use crate::error::Result;

/// Prints the banks in the chosen format.
pub fn run(args: &ListArgs) -> Result<()> {
    // Into a pipe, bank files are streamed (huge banks need not fit in memory twice); a
    // terminal gets the escaped text of the loaded bank.
    let to_terminal = std::io::stdout().is_terminal();
    if args.format == ListFormat::Json && !args.banks.is_empty() && !to_terminal {
        let stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        let listed = stream_json(&args.banks, RENDERED_BUDGET, stdout)?;
        // The command ends here: handing back, one by one, the questions the worker threads
        // rendered would be a tenth of its time.
        std::mem::forget(listed);
        return Ok(());
    }
    let bank = bank::load_paths(&args.banks)?;
    if args.tags {
        return write_tags(&bank, args.format);
    }
    match args.format {
        ListFormat::Json => super::output::write_stdout(&bank::raw::to_json(&bank)),
        ListFormat::Table => {
            let mut out = std::io::stdout().lock();
            let width = table_width();
            write_table(&mut out, &bank, width)?;
            out.flush()?;
            // The footer is not data: it goes to stderr so `list | grep` sees rows only.
            let footer = format!(
                "{} — {}",
                one_line(&bank.title),
                super::validate::summary(&bank)
            );
            eprintln!("{}", crate::ui::fit::wrap_to(&footer, "", width));
            Ok(())
        }
    }
}

/// At most this much rendered JSON waits in memory while the files are checked; questions
/// past it are rendered again once every file proved valid.
const RENDERED_BUDGET: usize = 128 << 20;

/// What is kept of a valid question: its id (when other files may clash with it) and its
/// JSON, unless the budget ran out before it was rendered.
type Rendered = (Option<String>, Option<Vec<u8>>);

/// Checks every file (all diagnostics, ids across files) while the worker threads render
/// each valid question, then writes the combined bank. Nothing is written unless every
/// file is valid; questions rendered past [`RENDERED_BUDGET`] are read and rendered again.
fn stream_json(paths: &[PathBuf], budget: usize, out: impl Write) -> Result<Listed> {
    let files = bank::load::expand(paths)?;
    let several = files.len() > 1;
    let mut diagnostics = Vec::new();
    let mut owners = IdOwners::default();
    let mut checked_files = Vec::new();
    let budget = AtomicUsize::new(budget);
    let render = |q: Question| -> Option<Vec<u8>> {
        if budget.load(Ordering::Relaxed) == 0 {
            return None;
        }
        // A question that cannot be rendered now is rendered again, and fails, then.
        let json = question_json(q).ok()?;
        let spend = |left: usize| Some(left.saturating_sub(json.len()));
        // The closure always gives a value, so the update cannot fail.
        let _ = budget.fetch_update(Ordering::Relaxed, Ordering::Relaxed, spend);
        Some(json)
    };
    for file in &files {
        let name = bank::sanitize::path(file);
        // Ids are kept only when there are other files to clash with.
        let checked = checked::check_file(file, &name, |_, q| {
            let id = several.then(|| q.id.clone());
            Some((id, render(q)))
        });
        match checked {
            Ok(checked) => {
                for Kept { index, value, .. } in &checked.kept {
                    if let Some(id) = &value.0 {
                        owners.claim(&name, *index, id, &mut diagnostics);
                    }
                }
                checked_files.push((name, checked));
            }
            Err(LoadError::Invalid(d)) => diagnostics.extend(d),
            Err(other) => return Err(other.into()),
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError::Invalid(diagnostics).into());
    }
    let titles: Vec<String> = checked_files
        .iter()
        .map(|(_, c)| c.header.0.clone())
        .collect();
    let description = match checked_files.as_slice() {
        [(_, checked)] => checked.header.1.as_deref(),
        _ => None,
    };
    let mut writer = JsonWriter::start(out, &bank::load::combined_title(&titles), description)?;
    for (name, checked) in &checked_files {
        write_file(&mut writer, name, checked)?;
    }
    writer.finish()?.flush()?;
    Ok(checked_files)
}

/// Each file listed, with its questions as checked.
type Listed = Vec<(String, Checked<Rendered>)>;

/// Writes the questions of one valid file: those rendered while checking as they are, the
/// others rendered now as the file is gone through again, all in file order.
fn write_file<W: Write>(
    writer: &mut JsonWriter<W>,
    name: &str,
    checked: &Checked<Rendered>,
) -> Result<()> {
    if checked.kept.iter().all(|k| k.value.1.is_some()) {
        for kept in &checked.kept {
            writer.question_json(kept.value.1.as_deref().unwrap_or_default())?;
        }
        return Ok(());
    }
    let mut failed = None;
    // The questions still to write are rendered on the worker threads, written here in order.
    let gone_through = checked::recheck(
        name,
        &checked.text,
        |index, q| {
            let rendered = checked.kept.get(index).and_then(|k| k.value.1.as_ref());
            Some(match rendered {
                Some(_) => Ok(None),
                None => question_json(q).map(Some),
            })
        },
        &mut |again: Kept<std::io::Result<Option<Vec<u8>>>>| {
            if failed.is_some() {
                return;
            }
            let before = checked
                .kept
                .get(again.index)
                .and_then(|k| k.value.1.as_deref());
            let written = match (again.value, before) {
                (Ok(Some(json)), _) => writer.question_json(&json),
                (Ok(None), Some(json)) => writer.question_json(json),
                (Ok(None), None) => Ok(()),
                (Err(e), _) => Err(e),
            };
            failed = written.err();
        },
    );
    if let Some(e) = failed {
        return Err(e.into());
    }
    gone_through?;
    Ok(())
}

/// The terminal's width; `None` into a pipe, where rows are never cut.
fn table_width() -> Option<usize> {
    let term = console::Term::stdout();
    term.is_term().then(|| usize::from(term.size().1))
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

/// The prompt gets at least this many columns in a terminal; other columns give way.
const MIN_PROMPT: usize = 20;

/// Writes one row per question; columns sized to the content. On a terminal of `width`
/// the table fits it: TAGS, then DIFFICULTY, then KIND give way to the prompt, which is
/// cut with `…`; into a pipe (`None`) every column stays and nothing is cut.
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
    // The columns before the prompt.
    let mut columns = vec![0, 1, 2, 3];
    if let Some(total) = width {
        widths[0] = widths[0].min(28);
        widths[3] = widths[3].min(30);
        for least_needed in [3, 2, 1] {
            if fixed_width(&columns, &widths) + MIN_PROMPT <= total {
                break;
            }
            columns.retain(|&c| c != least_needed);
        }
        widths[0] = widths[0].min(total.saturating_sub(MIN_PROMPT + 2).max(8));
    }
    let fixed = fixed_width(&columns, &widths);
    let prompt_width = width.map_or(usize::MAX, |w| w.saturating_sub(fixed).max(1));
    let bold = console::Style::new().bold();
    let cells = header.map(String::from);
    let layout = Layout {
        columns: &columns,
        widths: &widths,
        prompt_width,
    };
    writeln!(out, "{}", bold.apply_to(layout.row(&cells)))?;
    for row in &rows {
        writeln!(out, "{}", layout.row(row))?;
    }
    Ok(())
}

/// The columns shown before the prompt, with their separators.
fn fixed_width(columns: &[usize], widths: &[usize; 5]) -> usize {
    columns.iter().map(|&c| widths[c] + 2).sum()
}

/// Which columns are shown and how wide each is.
struct Layout<'a> {
    columns: &'a [usize],
    widths: &'a [usize; 5],
    prompt_width: usize,
}

impl Layout<'_> {
    fn row(&self, row: &[String; 5]) -> String {
        let mut line = String::new();
        for &c in self.columns {
            let cell = truncate_str(&row[c], self.widths[c], "…");
            line.push_str(&cell);
            line.push_str(&" ".repeat(self.widths[c] - measure_text_width(&cell) + 2));
        }
        if self.prompt_width == usize::MAX {
            line.push_str(&row[4]);
        } else {
            line.push_str(&truncate_str(&row[4], self.prompt_width, "…"));
        }
        line.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bank of `n` questions of several kinds, written to `dir/name`.
    fn bank_file(dir: &std::path::Path, name: &str, n: usize) -> PathBuf {
        let questions: Vec<String> = (0..n)
            .map(|i| match i % 3 {
                0 => format!(
                    r#"{{"id":"{name}-{i}","kind":"true_false","prompt":"p {i}","answer":true}}"#
                ),
                1 => format!(
                    r#"{{"id":"{name}-{i}","kind":"single","prompt":"q\u00e9 {i}","answer":"a","wrong":["b","c"],"tags":["x"]}}"#
                ),
                _ => format!(
                    r#"{{"id":"{name}-{i}","kind":"number","prompt":"n {i}","answer":{i}.5,"tolerance":0.5}}"#
                ),
            })
            .collect();
        let path = dir.join(name);
        let text = format!(
            r#"{{"title":"T {name}","questions":[{}]}}"#,
            questions.join(",\n")
        );
        std::fs::write(&path, text).unwrap();
        path
    }

    fn listed(paths: &[PathBuf], budget: usize) -> String {
        let mut out = Vec::new();
        stream_json(paths, budget, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn list_json_renders_while_checking_and_again_past_the_budget_in_file_order() {
        let dir = tempfile::tempdir().unwrap();
        // Big enough for two threads, which render blocks in any order.
        let big = bank_file(dir.path(), "big", 9000);
        let small = bank_file(dir.path(), "small", 5);
        for paths in [vec![big.clone()], vec![small.clone(), big.clone()]] {
            let expected = bank::raw::to_json(&bank::load_paths(&paths).unwrap());
            for budget in [usize::MAX, 0, 1, 300, 200_000] {
                assert!(listed(&paths, budget) == expected, "budget {budget}");
            }
        }
    }

    #[test]
    fn list_json_writes_nothing_when_a_later_file_is_invalid() {
        let dir = tempfile::tempdir().unwrap();
        let good = bank_file(dir.path(), "good", 5);
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, r#"{"title":"B","questions":[{"id":"good-1"}]}"#).unwrap();
        let mut out = Vec::new();
        let Err(err) = stream_json(&[good, bad], usize::MAX, &mut out) else {
            panic!("an invalid file must fail the listing");
        };
        assert!(out.is_empty());
        assert!(err.to_string().contains("missing \"kind\""), "{err}");
    }
}
