//! CSV/TSV with a header row, one question a row: rows → cells by column title → questions.

use super::common::{Draft, ImportError, Parsed, Sink, Skipped};
use super::table::{self, Header, Row};
use crate::bank::{Difficulty, Kind, Multi, Number, Question, Single, Text, TrueFalse};

/// The columns, in the order `export --to csv` writes them.
pub const COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "prompt",
    "answer",
    "wrong",
    "accept",
    "tolerance",
    "explanation",
    "source",
    "tags",
    "difficulty",
    "points",
    "time_limit",
    "hint",
    "title",
];

/// Kinds a CSV row can hold.
pub const KINDS: [&str; 5] = ["single", "multi", "true_false", "text", "number"];

/// Reads CSV or TSV text; the delimiter (`,` `;` or tab) is the header line's most frequent.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::default();
    read(text, &mut parsed)?;
    Ok(parsed)
}

/// Reads CSV or TSV text row by row, handing each question (or why its row was skipped) to
/// `sink`; a row the CSV reader cannot read fails the whole file.
pub fn read(text: &str, sink: &mut impl Sink) -> Result<(), ImportError> {
    let mut rows = table::rows(text, table::detect_delimiter(text), true);
    let header = rows
        .next()
        .transpose()?
        .ok_or_else(|| ImportError::Shape("empty file: no header row".into()))?;
    if table::fold_title(header.cell(0)).starts_with("blooket") {
        return Err(ImportError::Shape(format!(
            "row {}: this is Blooket's template; import it with --from blooket",
            header.number
        )));
    }
    let columns = Columns::locate(&header)?;
    sink.unit("row");
    for row in rows {
        let row = row?;
        if row.is_blank() {
            continue;
        }
        match columns.question(&row) {
            Ok(draft) => sink.draft(draft),
            Err(note) => sink.skip(note),
        }
    }
    Ok(())
}

/// Where each known column is; unknown columns are an error so a typo is not silently lost.
struct Columns {
    index: [Option<usize>; COLUMNS.len()],
}

impl Columns {
    fn locate(header: &Row) -> Result<Self, ImportError> {
        let titles = Header::new(header);
        let mut index = [None; COLUMNS.len()];
        for (i, title) in titles.titles().iter().enumerate() {
            let Some(known) = COLUMNS.iter().position(|c| table::fold_title(c) == *title) else {
                if title.is_empty() {
                    continue;
                }
                return Err(ImportError::Shape(format!(
                    "row {}: unknown column \"{}\"; the columns are {}",
                    header.number,
                    header.cell(i),
                    COLUMNS.join(", ")
                )));
            };
            index[known].get_or_insert(i);
        }
        for required in ["prompt", "answer"] {
            if index[column(required)].is_none() {
                return Err(ImportError::Shape(format!(
                    "row {}: no \"{required}\" column; the header row needs prompt and answer",
                    header.number
                )));
            }
        }
        Ok(Columns { index })
    }

    fn get<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        self.index[column(name)].map_or("", |i| row.cell(i))
    }

    /// One row's question, or a note naming the column at fault.
    fn question(&self, row: &Row) -> Result<Draft, Skipped> {
        let cell = |name| self.get(row, name);
        let fault = |name: &str, reason: String| Skipped::row(row.number, Some(name), reason);
        let kind = self.kind(row)?;
        let mut question = Question::new("", cell("prompt"), kind);
        question.explanation = optional(cell("explanation"));
        question.source = optional(cell("source"));
        question.hint = optional(cell("hint"));
        question.title = optional(cell("title"));
        question.tags = split_list(cell("tags"));
        if !cell("difficulty").is_empty() {
            question.difficulty = Difficulty::parse(&cell("difficulty").to_lowercase())
                .ok_or_else(|| fault("difficulty", "use easy, medium or hard".into()))?;
        }
        if !cell("points").is_empty() {
            question.points = whole(cell("points"))
                .filter(|&p| p >= 1)
                .ok_or_else(|| fault("points", "not a whole number ≥ 1".into()))?;
        }
        if !cell("time_limit").is_empty() {
            let seconds = whole(cell("time_limit"))
                .filter(|&s| s >= 1)
                .ok_or_else(|| fault("time_limit", "not a whole number of seconds".into()))?;
            question.time_limit = Some(seconds);
        }
        Ok(Draft {
            line: row.number,
            id_hint: optional(cell("id")),
            question,
        })
    }

    /// The kind named in the row (or guessed when its cell is empty) with its answer data.
    fn kind(&self, row: &Row) -> Result<Kind, Skipped> {
        let cell = |name| self.get(row, name).to_string();
        let fault = |name: &str, reason: String| Skipped::row(row.number, Some(name), reason);
        let (answer, wrong) = (cell("answer"), split_list(&cell("wrong")));
        let named = cell("kind").to_lowercase().replace([' ', '-'], "_");
        let name = if named.is_empty() {
            guess_kind(&answer, &wrong)
        } else {
            named.as_str()
        };
        let kind = match name {
            "single" => Kind::Single(Single {
                answer,
                wrong,
                ..Single::default()
            }),
            "multi" => Kind::Multi(Multi {
                answers: split_list(&answer),
                wrong,
                ..Multi::default()
            }),
            "true_false" => Kind::TrueFalse(TrueFalse {
                answer: parse_bool(&answer)
                    .ok_or_else(|| fault("answer", "use true or false".into()))?,
                ..TrueFalse::default()
            }),
            "text" => Kind::Text(Text {
                answer,
                accept: split_list(&cell("accept")),
                ..Text::default()
            }),
            "number" => Kind::Number(Number {
                answer: parse_number(&answer)
                    .ok_or_else(|| fault("answer", format!("\"{answer}\" is not a number")))?,
                tolerance: match cell("tolerance").as_str() {
                    "" => 0.0,
                    t => parse_number(t)
                        .ok_or_else(|| fault("tolerance", format!("\"{t}\" is not a number")))?,
                },
                ..Number::default()
            }),
            other => {
                return Err(fault(
                    "kind",
                    format!("unknown kind \"{other}\"; use {}", KINDS.join(", ")),
                ));
            }
        };
        Ok(kind)
    }
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// single (or multi with `|` in the answer) when there are wrong choices; else by the answer.
fn guess_kind(answer: &str, wrong: &[String]) -> &'static str {
    if !wrong.is_empty() {
        if split_list(answer).len() > 1 {
            "multi"
        } else {
            "single"
        }
    } else if parse_bool(answer).is_some() {
        "true_false"
    } else if parse_number(answer).is_some() {
        "number"
    } else {
        "text"
    }
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

/// A whole number; spreadsheets may write `20.0`.
pub fn whole(cell: &str) -> Option<u32> {
    let cell = cell.trim();
    cell.parse().ok().or_else(|| {
        let n: f64 = cell.parse().ok()?;
        (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
    })
}

/// A finite number; a decimal comma is accepted (`1,5`) as spreadsheets in many locales write it.
pub fn parse_number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    let n: f64 = cell
        .parse()
        .ok()
        .or_else(|| cell.replacen(',', ".", 1).parse().ok())?;
    n.is_finite().then_some(n)
}

fn parse_bool(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "true" | "t" | "yes" => Some(true),
        "false" | "f" | "no" => Some(false),
        _ => None,
    }
}

/// Splits a list cell on `|`; `\|` is a literal bar and `\\` a backslash. Items are trimmed.
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ ('|' | '\\')) => item.push(next),
                Some(next) => {
                    item.push('\\');
                    item.push(next);
                }
                None => item.push('\\'),
            },
            '|' => items.push(std::mem::take(&mut item)),
            c => item.push(c),
        }
    }
    items.push(item);
    let items: Vec<String> = items.iter().map(|i| i.trim().to_string()).collect();
    if items.len() == 1 && items[0].is_empty() {
        Vec::new()
    } else {
        items
    }
}

/// Joins items into one list cell, escaping `|` and `\` so [`split_list`] gives them back.
pub fn join_list(items: &[String]) -> String {
    let escaped: Vec<String> = items
        .iter()
        .map(|i| i.replace('\\', "\\\\").replace('|', "\\|"))
        .collect();
    escaped.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_split_on_bars_with_escapes() {
        assert_eq!(split_list("a | b|c"), ["a", "b", "c"]);
        assert_eq!(split_list(r"a\|b|c\\"), ["a|b", "c\\"]);
        assert!(split_list("  ").is_empty());
        let items = vec!["x|y".to_string(), "back\\".to_string(), "z".to_string()];
        assert_eq!(split_list(&join_list(&items)), items);
    }

    #[test]
    fn kinds_are_guessed_from_the_cells_when_not_named() {
        assert_eq!(guess_kind("a|b", &["c".into()]), "multi");
        assert_eq!(guess_kind("a", &["c".into()]), "single");
        assert_eq!(guess_kind("TRUE", &[]), "true_false");
        assert_eq!(guess_kind("1,5", &[]), "number");
        assert_eq!(guess_kind("Paris", &[]), "text");
    }

    #[test]
    fn numbers_accept_spreadsheet_spellings() {
        assert_eq!(whole("20.0"), Some(20));
        assert_eq!(whole("2.5"), None);
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("inf"), None);
    }

    #[test]
    fn blookets_template_is_pointed_to_its_importer() {
        let err = parse("\"Blooket\nImport Template\",,\nQuestion #,Question Text\n").unwrap_err();
        assert!(err.to_string().contains("--from blooket"), "{err}");
    }

    #[test]
    fn a_bad_cell_names_its_row_and_column() {
        let parsed = parse("prompt,kind,answer\nQ,number,ten\nR,dance,x\n").unwrap();
        let places: Vec<_> = parsed.skipped.iter().map(|s| s.location()).collect();
        assert_eq!(
            places,
            [": row 2, column \"answer\"", ": row 3, column \"kind\""]
        );
    }
}
