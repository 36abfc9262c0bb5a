//! Bank → Moodle XML, as Moodle's own exporter writes it: a category per bank and first tag,
//! plain-text fields (CDATA where needed), fractions Moodle accepts, cloze as `multianswer`.

mod answers;
mod markers;
mod writer;

use writer::Xml;

use crate::bank::{Bank, Kind, Question};

/// The XML, and notes about values Moodle could not hold exactly.
#[derive(Debug)]
pub struct MoodleXml {
    /// The document.
    pub text: String,
    /// `(index, id, note)` for each value that was rounded to what Moodle accepts.
    pub notes: Vec<(usize, String, String)>,
}

/// Writes every question of the bank; no kind is left out.
pub fn to_moodle_xml(bank: &Bank) -> MoodleXml {
    let mut xml = Xml::default();
    xml.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut notes = Vec::new();
    let mut category = None;
    for (index, question) in bank.questions.iter().enumerate() {
        let path = category_path(&bank.title, question.tags.first().map(String::as_str));
        if category.as_ref() != Some(&path) {
            write_category(&mut xml, &path);
            category = Some(path);
        }
        let mut question_notes = Vec::new();
        write_question(&mut xml, question, &mut question_notes);
        notes.extend(
            question_notes
                .into_iter()
                .map(|n| (index, question.id.clone(), n)),
        );
    }
    xml.out.push_str("</quiz>\n");
    MoodleXml {
        text: xml.out,
        notes,
    }
}

/// `$course$/top/Bank title/first-tag`; a `/` inside a name is doubled, as Moodle does.
fn category_path(title: &str, tag: Option<&str>) -> String {
    let segment = |s: &str| s.replace('/', "//");
    match tag {
        Some(tag) => format!("$course$/top/{}/{}", segment(title), segment(tag)),
        None => format!("$course$/top/{}", segment(title)),
    }
}

fn write_category(xml: &mut Xml, path: &str) {
    xml.line(1, "<question type=\"category\">");
    xml.line(2, "<category>");
    xml.text(3, path);
    xml.line(2, "</category>");
    xml.line(1, "</question>");
}

fn moodle_type(kind: &Kind) -> &'static str {
    match kind {
        Kind::Single(_) | Kind::Multi(_) => "multichoice",
        Kind::TrueFalse(_) => "truefalse",
        Kind::Text(_) => "shortanswer",
        Kind::Number(_) => "numerical",
        Kind::Order(_) => "ordering",
        Kind::Match(_) => "matching",
        Kind::Cloze(_) => "cloze",
    }
}

fn write_question(xml: &mut Xml, question: &Question, notes: &mut Vec<String>) {
    xml.line(
        1,
        &format!("<question type=\"{}\">", moodle_type(&question.kind)),
    );
    xml.line(2, "<name>");
    xml.text(3, question.title.as_deref().unwrap_or(&question.id));
    xml.line(2, "</name>");
    xml.text_element(2, "questiontext", &question_text(question, notes));
    xml.text_element(
        2,
        "generalfeedback",
        question.explanation.as_deref().unwrap_or(""),
    );
    if !matches!(question.kind, Kind::Cloze(_)) {
        // A cloze question's mark is the sum of its gap weights.
        xml.value(2, "defaultgrade", &question.points.to_string());
    }
    xml.value(2, "penalty", "0.3333333");
    xml.value(2, "hidden", "0");
    xml.value(2, "idnumber", &question.id);
    match &question.kind {
        Kind::Single(k) => answers::single(xml, k, notes),
        Kind::Multi(k) => answers::multi(xml, k, notes),
        Kind::TrueFalse(k) => answers::true_false(xml, k, notes),
        Kind::Text(k) => answers::text(xml, k, notes),
        Kind::Number(k) => answers::number_kind(xml, k, notes),
        Kind::Order(k) => answers::order(xml, k),
        Kind::Match(k) => answers::matching(xml, k),
        Kind::Cloze(_) => {}
    }
    if let Some(hint) = &question.hint {
        xml.text_element(2, "hint", hint);
    }
    if !question.tags.is_empty() {
        xml.line(2, "<tags>");
        for tag in &question.tags {
            xml.line(3, "<tag>");
            xml.text(4, tag);
            xml.line(3, "</tag>");
        }
        xml.line(2, "</tags>");
    }
    xml.line(1, "</question>");
}

/// The prompt; for a cloze, the prompt, a blank line, then the passage with its markers.
fn question_text(question: &Question, notes: &mut Vec<String>) -> String {
    let Kind::Cloze(cloze) = &question.kind else {
        return question.prompt.clone();
    };
    let mut passage = String::with_capacity(cloze.text.len() * 2);
    for piece in cloze.pieces() {
        match piece {
            crate::bank::model::Piece::Text(text) => passage.push_str(text),
            crate::bank::model::Piece::Gap(n) => match cloze.gaps.get(n - 1) {
                Some(gap) => passage.push_str(&markers::marker(gap, notes, n)),
                None => passage.push_str(&format!("{{{n}}}")),
            },
        }
    }
    format!("{}\n\n{passage}", question.prompt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_paths_double_slashes() {
        assert_eq!(
            category_path("A/B", Some("unit-1")),
            "$course$/top/A//B/unit-1"
        );
        assert_eq!(category_path("Quiz", None), "$course$/top/Quiz");
    }
}
