//! GIFT (Moodle) import, a pipeline of small steps: [`blocks`] splits the file into located
//! blocks, [`question`] and [`answers`] read each into GIFT's own terms (weights, feedback,
//! ranges, pairs), [`text`] cleans every text, and [`map`] turns them into bank questions.

pub mod answers;
pub mod blocks;
pub mod export;
pub mod map;
pub mod percent;
pub mod question;
pub mod text;

use super::common::{Parsed, Sink, Skipped};
use question::NotAQuestion;

pub use text::unescape;

/// Reads GIFT text; each question becomes a draft or a note saying why it was skipped.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    read(text, &mut parsed);
    parsed
}

/// Reads GIFT text block by block, handing each question (or why it was skipped) to `sink`.
pub fn read(text: &str, sink: &mut impl Sink) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut category_tags = Vec::new();
    let mut description: Option<usize> = None;
    for block in blocks::blocks(text) {
        let block = match blocks::category(block) {
            Ok(category) => {
                category_tags = blocks::category_tags(&category.path);
                match category.rest {
                    Some(rest) => rest,
                    None => continue,
                }
            }
            Err(block) => block,
        };
        let meta = blocks::meta(&block.comments);
        let read = question::read(&block);
        drop(block);
        if let Some(line) = description.take() {
            sink.skip(description_note(line, &read));
        }
        match read {
            Ok(q) => match map::draft(q, &meta, own_category(&meta, &category_tags)) {
                Ok(mapped) => {
                    mapped.notes.into_iter().for_each(|n| sink.note(n));
                    sink.draft(mapped.draft);
                }
                Err(note) => sink.skip(note),
            },
            Err(NotAQuestion::Description { line }) => description = Some(line),
            Err(NotAQuestion::Bad(note)) => sink.skip(note),
        }
    }
    if let Some(line) = description {
        sink.skip(description_note(
            line,
            &Err(NotAQuestion::Description { line }),
        ));
    }
}

/// The category's tags, unless the question's `[tag:…]` comments already name its path (a
/// file termquiz wrote, where the comments list every tag).
fn own_category<'a>(meta: &blocks::Meta, category_tags: &'a [String]) -> &'a [String] {
    let named = meta
        .tags
        .iter()
        .any(|t| t.contains('/') && blocks::category_tags(t) == category_tags);
    if named { &[] } else { category_tags }
}

/// Why a text without answers was skipped; a question without text right after it means a
/// blank line split one question in two.
fn description_note(line: usize, next: &Result<question::GiftQuestion, NotAQuestion>) -> Skipped {
    match next {
        Ok(q) if q.text.is_empty() => Skipped::new(
            line,
            format!(
                "the question text goes on after a blank line? the answers at line {} have no text before them; remove the blank line",
                q.line
            ),
        ),
        _ => Skipped::new(line, "a description without {…} answers has nothing to ask"),
    }
}

#[cfg(test)]
mod tests;
