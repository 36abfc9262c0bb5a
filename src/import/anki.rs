//! Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note a line
//! (fields split by the separator, quoted like CSV) → cards → [`flashcards`](super::flashcards).

use super::common::{Draft, ImportError, Parsed, Skipped, html_to_text, looks_like_html};
use super::flashcards::{self, Card, CardOptions};
use super::table::{self, Row};
use crate::bank::{Cloze, Gap, GapKind, Question, Text};

/// What the `#` header lines say.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Headers {
    separator: u8,
    html: bool,
    /// 0-based columns holding something other than fields.
    tags: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    guid: Option<usize>,
    /// Lines the header takes.
    lines: usize,
}

/// Reads an Anki text export; notes name the line of the file.
pub fn parse(text: &str, options: &CardOptions) -> Result<Parsed, ImportError> {
    let headers = read_headers(text)?;
    let body = text
        .split_inclusive('\n')
        .skip(headers.lines)
        .collect::<String>();
    let rows = table::read_rows(&body, headers.separator)?;
    let mut parsed = Parsed::default();
    let mut cards = Vec::with_capacity(rows.len());
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let line = headers.lines + row.line;
        match note(row, &headers) {
            Ok(Note::Card(front, back, tags)) => cards.push(Card {
                number: line,
                front,
                back,
                tags,
            }),
            Ok(Note::Cloze(field, extra, tags)) => match cloze_question(&field, extra, tags) {
                Some(question) => parsed.drafts.push(Draft {
                    line,
                    id_hint: Some(cloze_shown(&field)),
                    question,
                }),
                None => parsed.skipped.push(Skipped::new(
                    line,
                    "a cloze note without a {{c1::…}} deletion has nothing to ask",
                )),
            },
            Err(reason) => parsed.skipped.push(Skipped::new(line, reason)),
        }
    }
    flashcards::add_questions(&cards, options, &mut parsed);
    // Cloze notes were added as read, cards after: back to file order (stable, so a card's
    // two directions stay together).
    parsed.drafts.sort_by_key(|d| d.line);
    Ok(parsed)
}

/// A cloze note as a cloze question: each deletion a typed gap; the second field (Anki's
/// "Back Extra") the explanation.
fn cloze_question(field: &str, extra: Option<String>, tags: Vec<String>) -> Option<Question> {
    let (passage, answers) = cloze_passage(field);
    if answers.is_empty() {
        return None;
    }
    let gaps = answers
        .into_iter()
        .map(|a| Gap::new(GapKind::Text(Text::new(a, Vec::new()))))
        .collect();
    let mut question = Question::new("", "Fill in the gaps.", Cloze::new(passage, gaps));
    question.explanation = extra;
    question.tags = super::common::tag_slugs(tags.iter().map(String::as_str));
    Some(question)
}

/// The `#separator:`, `#html:` and `#… column:` lines at the top of the file.
fn read_headers(text: &str) -> Result<Headers, ImportError> {
    let mut headers = Headers {
        separator: b'\t',
        html: true,
        tags: None,
        notetype: None,
        deck: None,
        guid: None,
        lines: 0,
    };
    for line in text.lines() {
        let Some(header) = line.strip_prefix('#') else {
            break;
        };
        headers.lines += 1;
        let Some((key, value)) = header.split_once(':') else {
            continue;
        };
        let bad = |what: &str| ImportError::Shape(format!("{}: {what} \"{value}\"", headers.lines));
        let column = |value: &str| -> Result<Option<usize>, ImportError> {
            match value.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Ok(Some(n - 1)),
                _ => Err(bad("a column is a number from 1, not")),
            }
        };
        match key.trim().to_lowercase().as_str() {
            "separator" => {
                headers.separator = separator(value).ok_or_else(|| bad("unknown separator"))?
            }
            "html" => headers.html = value.trim().eq_ignore_ascii_case("true"),
            "tags column" => headers.tags = column(value)?,
            "notetype column" => headers.notetype = column(value)?,
            "deck column" => headers.deck = column(value)?,
            "guid column" => headers.guid = column(value)?,
            _ => {}
        }
    }
    Ok(headers)
}

/// Anki's separator names, or a single ASCII character.
fn separator(value: &str) -> Option<u8> {
    match value.trim().to_lowercase().as_str() {
        "tab" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "space" => Some(b' '),
        "pipe" => Some(b'|'),
        "colon" => Some(b':'),
        other => match other.as_bytes() {
            [b] if b.is_ascii() => Some(*b),
            _ if value == "\t" => Some(b'\t'),
            _ => None,
        },
    }
}

/// A note in Anki's terms.
enum Note {
    /// Front, back and tags.
    Card(String, String, Vec<String>),
    /// A cloze note: the field with the deletions, the extra field, tags.
    Cloze(String, Option<String>, Vec<String>),
}

fn note(row: &Row, headers: &Headers) -> Result<Note, String> {
    let special = [headers.tags, headers.notetype, headers.deck, headers.guid];
    let fields: Vec<String> = (0..row.cells.len())
        .filter(|i| !special.contains(&Some(*i)))
        .map(|i| field_text(row.cell(i), headers.html))
        .collect();
    let notetype = headers.notetype.map_or("", |i| row.cell(i));
    let first = fields.first().map_or("", String::as_str);
    let tags = headers
        .tags
        .map(|i| row.cell(i).split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    if notetype.to_lowercase().contains("cloze") || is_cloze(first) {
        let extra = fields.get(1).filter(|e| !e.is_empty()).cloned();
        return Ok(Note::Cloze(first.to_string(), extra, tags));
    }
    match fields.as_slice() {
        [front, back, ..] if !front.is_empty() && !back.is_empty() => {
            Ok(Note::Card(front.clone(), back.clone(), tags))
        }
        [front, ..] if front.is_empty() => Err("the first field (the front) is empty".into()),
        [_, _, ..] => Err("the second field (the back) is empty".into()),
        _ => Err("only one field; a card needs a front and a back".into()),
    }
}

/// A field as plain text: HTML rendered when the export says fields are HTML.
fn field_text(cell: &str, html: bool) -> String {
    if html && looks_like_html(cell) {
        html_to_text(cell).trim().to_string()
    } else {
        cell.trim().to_string()
    }
}

/// A cloze field as a passage with `{1}`, `{2}`… in place of each deletion, in order, and each
/// deletion's answer; a hint (`{{c1::answer::hint}}`) stays in the passage as `[hint]`.
pub fn cloze_passage(field: &str) -> (String, Vec<String>) {
    let mut passage = String::with_capacity(field.len());
    let mut answers = Vec::new();
    let mut rest = field;
    while let Some(start) = rest.find("{{c") {
        let after = &rest[start + 3..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let body = after[digits..].strip_prefix("::").filter(|_| digits > 0);
        let Some((inner, tail)) = body.and_then(|b| b.split_once("}}")) else {
            passage.push_str(&rest[..start + 3]);
            rest = after;
            continue;
        };
        passage.push_str(&rest[..start]);
        let (answer, hint) = inner.split_once("::").unwrap_or((inner, ""));
        answers.push(answer.trim().to_string());
        passage.push_str(&format!("{{{}}}", answers.len()));
        if !hint.trim().is_empty() {
            passage.push_str(&format!(" [{}]", hint.trim()));
        }
        rest = tail;
    }
    passage.push_str(rest);
    (passage, answers)
}

/// A cloze field as read with every deletion revealed, for the question's id.
fn cloze_shown(field: &str) -> String {
    let (mut passage, answers) = cloze_passage(field);
    for (i, answer) in answers.iter().enumerate() {
        passage = passage.replacen(&format!("{{{}}}", i + 1), answer, 1);
    }
    passage
}

/// Whether a field holds a cloze deletion `{{c1::…}}`.
fn is_cloze(field: &str) -> bool {
    field.match_indices("{{c").any(|(i, _)| {
        let rest = &field[i + 3..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with("::")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_set_separator_html_and_columns() {
        let h = read_headers(
            "#separator:Semicolon\n#html:false\n#tags column:3\n#notetype column:4\na;b\n",
        )
        .unwrap();
        assert_eq!(
            (h.separator, h.html, h.tags, h.notetype, h.lines),
            (b';', false, Some(2), Some(3), 4)
        );
        assert!(read_headers("#separator:twice\n").is_err());
    }

    #[test]
    fn cloze_deletions_become_numbered_gaps() {
        let (passage, answers) =
            cloze_passage("{{c1::Paris}} is in {{c2::France::country}}; {{c}} stays");
        assert_eq!(passage, "{1} is in {2} [country]; {{c}} stays");
        assert_eq!(answers, ["Paris", "France"]);
    }

    #[test]
    fn cloze_fields_are_recognised() {
        assert!(is_cloze("The {{c1::cat}} sat"));
        assert!(is_cloze("x {{c12::y::hint}}"));
        assert!(!is_cloze("{{cat}} and {{c::x}}"));
    }
}
