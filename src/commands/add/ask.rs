//! The guided questions of `termquiz add`: each value is checked as it is typed, with the
//! bank's own rules, and asked again alone (with the reason) when refused.

mod answers;

use crate::bank::entry::{ListRule, check_positive, check_text};
use crate::bank::{Bank, Difficulty, Kind, Question};
use crate::error::{Error, Result};
use crate::import::{IdMaker, common};
use crate::ui::form::{Answer, Form};

/// Asks for every field of a new question for `bank`; cancelling gives `Error::Interrupted`.
pub fn ask_question(form: &mut dyn Form, bank: &Bank) -> Result<Question> {
    let kind = got(form.choose("Kind", &Kind::NAMES, 0))?;
    let prompt = got(form.text("Prompt", None, &mut |t| text_of("prompt", t)))?;
    let id = ask_id(form, bank, &prompt)?;
    let kind = answers::ask(form, Kind::NAMES[kind])?;
    let mut q = Question::new(id, prompt, kind);
    q.explanation = optional(form, "Explanation", "explanation")?;
    q.hint = optional(form, "Hint", "hint")?;
    q.source = optional(form, "Source", "source")?;
    q.tags = tags(form)?;
    let names = Difficulty::ALL.map(Difficulty::as_str);
    q.difficulty = Difficulty::ALL[got(form.choose("Difficulty", &names, 1))?];
    q.points = whole(form, "Points", "points", Some("1"))?.unwrap_or(1);
    q.time_limit = whole(
        form,
        "Time limit in seconds (empty for none)",
        "time_limit",
        None,
    )?;
    // Every value was checked on entry; the whole question gets the bank's last word.
    common::validate(&q).map_err(|reasons| {
        Error::Invalid(format!(
            "the question is not valid ({}); nothing written",
            reasons.join("; ")
        ))
    })
}

/// A cancelled answer ends the command; an I/O failure is an output error.
fn got<T>(answer: Answer<T>) -> Result<T> {
    answer?.ok_or(Error::Interrupted)
}

/// `text` when the bank accepts it as `field`.
fn text_of(field: &str, text: &str) -> std::result::Result<String, String> {
    check_text(field, text).map(|()| text.to_string())
}

fn ask_id(form: &mut dyn Form, bank: &Bank, prompt: &str) -> Result<String> {
    let used: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let suggestion = IdMaker::with_used(used.iter().copied()).unique(prompt);
    let mut check = |id: &str| {
        if !crate::bank::id::is_valid_id(id) {
            Err(format!("id \"{id}\" may only use a-z, 0-9 and '-'"))
        } else if used.contains(&id) {
            Err(format!("id \"{id}\" is already used in this bank"))
        } else {
            Ok(id.to_string())
        }
    };
    got(form.text("Id", Some(&suggestion), &mut check))
}

/// An optional text field: empty for none.
fn optional(form: &mut dyn Form, name: &str, field: &str) -> Result<Option<String>> {
    let label = format!("{name} (empty for none)");
    let mut check = |t: &str| {
        if t.is_empty() {
            Ok(String::new())
        } else {
            text_of(field, t)
        }
    };
    let text = got(form.text(&label, None, &mut check))?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// Tags, each made a tag as importers make them (`Film Scores` → `film-scores`).
fn tags(form: &mut dyn Form) -> Result<Vec<String>> {
    let mut entry = |earlier: &[String], typed: &str| {
        let tag = common::tag_slug(typed);
        if tag.is_empty() {
            return Err(format!(
                "\"{typed}\" has no letter or digit to make a tag of"
            ));
        }
        ListRule::TAGS.check_entry(earlier, &tag).map(|()| tag)
    };
    got(form.list("Tags", &mut entry, &|tags| ListRule::TAGS.check_end(tags)))
}

/// A whole number the bank bounds (`points`, `time_limit`); empty for `default` or none.
fn whole(
    form: &mut dyn Form,
    label: &str,
    field: &str,
    default: Option<&str>,
) -> Result<Option<u32>> {
    let mut check = |t: &str| {
        if t.is_empty() {
            return Ok(String::new());
        }
        let n = t
            .parse::<i64>()
            .map_err(|_| format!("\"{t}\" is not a whole number"))?;
        check_positive(field, n).map(|n| n.to_string())
    };
    let text = got(form.text(label, default, &mut check))?;
    Ok(text.parse().ok())
}
