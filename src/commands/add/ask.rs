//! The guided questions of `termquiz add`: each answer is checked with the bank's own rules.

use crate::bank::{
    Bank, Cloze, Difficulty, Gap, GapKind, Kind, Match, Multi, Number, Order, Question, Single,
    Text, TrueFalse, sanitize,
};
use crate::error::{Error, Result};
use crate::import::{IdMaker, common};
use crate::ui::form::{Answer, Form};

/// What one step asked: a value, or a reason to ask again.
type Step<T> = Result<std::result::Result<T, String>>;

/// Asks for every field of a new question for `bank`; cancelling gives `Error::Interrupted`.
pub fn ask_question(form: &mut dyn Form, bank: &Bank) -> Result<Question> {
    let kind = got(form.choose("Kind", &Kind::NAMES, 0))?;
    let mut q = Question::new("new-question", "?", placeholder(Kind::NAMES[kind]));
    step(
        form,
        &mut q,
        |f| Ok(Ok(got(f.text("Prompt", None))?.trim().to_string())),
        |q, p| q.prompt = p,
    )?;
    q.id = ask_id(form, bank, &q.prompt)?;
    let name = q.kind.name();
    step(form, &mut q, |f| ask_kind(f, name), |q, k| q.kind = k)?;
    step(
        form,
        &mut q,
        |f| optional(f, "Explanation (empty for none)"),
        |q, e| q.explanation = e,
    )?;
    step(
        form,
        &mut q,
        |f| optional(f, "Source (empty for none)"),
        |q, s| q.source = s,
    )?;
    step(
        form,
        &mut q,
        |f| Ok(Ok(got(f.list("Tags"))?)),
        |q, t| q.tags = t,
    )?;
    let names = Difficulty::ALL.map(Difficulty::as_str);
    let difficulty = got(form.choose("Difficulty", &names, 1))?;
    q.difficulty = Difficulty::ALL[difficulty];
    Ok(q)
}

/// A cancelled answer ends the command; an I/O failure is an output error.
fn got<T>(answer: Answer<T>) -> Result<T> {
    answer?.ok_or(Error::Interrupted)
}

/// Asks until the question with the answer applied is valid, telling why it is not.
fn step<T>(
    form: &mut dyn Form,
    question: &mut Question,
    ask: impl Fn(&mut dyn Form) -> Step<T>,
    apply: impl Fn(&mut Question, T),
) -> Result<()> {
    loop {
        let problem = match ask(form)? {
            Ok(value) => {
                let mut candidate = question.clone();
                apply(&mut candidate, value);
                match common::validate(&candidate) {
                    Ok(_) => {
                        *question = candidate;
                        return Ok(());
                    }
                    Err(reasons) => reasons.join("; "),
                }
            }
            Err(reason) => reason,
        };
        form.say(&format!(
            "Not valid: {}; please try again.",
            sanitize::escape(&problem)
        ))?;
    }
}

/// Valid answer data to start from, replaced when the kind's fields are asked.
fn placeholder(kind: &str) -> Kind {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    match kind {
        "single" => Kind::Single(Single {
            answer: "a".into(),
            wrong: s(&["b"]),
            ..Single::default()
        }),
        "multi" => Kind::Multi(Multi {
            answers: s(&["a"]),
            wrong: s(&["b"]),
            ..Multi::default()
        }),
        "true_false" => Kind::TrueFalse(TrueFalse {
            answer: true,
            ..TrueFalse::default()
        }),
        "text" => Kind::Text(Text {
            answer: "a".into(),
            accept: vec![],
            ..Text::default()
        }),
        "number" => Kind::Number(Number {
            answer: 0.0,
            tolerance: 0.0,
            ..Number::default()
        }),
        "order" => Kind::Order(Order {
            items: s(&["a", "b"]),
        }),
        "cloze" => Kind::Cloze(Cloze::new("{1}", vec![text_gap("a".into())])),
        _ => Kind::Match(Match {
            pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())],
            ..Match::default()
        }),
    }
}

fn text_gap(answer: String) -> Gap {
    Gap::new(GapKind::Text(Text::new(answer, Vec::new())))
}

fn ask_id(form: &mut dyn Form, bank: &Bank, prompt: &str) -> Result<String> {
    let used: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let suggestion = IdMaker::with_used(used.iter().copied()).unique(prompt);
    loop {
        let id = got(form.text("Id", Some(&suggestion)))?.trim().to_string();
        let problem = if !crate::bank::id::is_valid_id(&id) {
            format!(
                "id \"{}\" may only use a-z, 0-9 and '-'",
                sanitize::escape(&id)
            )
        } else if used.contains(&id.as_str()) {
            format!("id \"{id}\" is already used in this bank")
        } else {
            return Ok(id);
        };
        form.say(&format!("Not valid: {problem}; please try again."))?;
    }
}

fn optional(form: &mut dyn Form, label: &str) -> Step<Option<String>> {
    let text = got(form.text(label, None))?;
    Ok(Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty())))
}

/// Asks the answer fields of a kind.
fn ask_kind(form: &mut dyn Form, kind: &str) -> Step<Kind> {
    let line = |f: &mut dyn Form, label: &str| -> Result<String> {
        Ok(got(f.text(label, None))?.trim().to_string())
    };
    Ok(Ok(match kind {
        "single" => Kind::Single(Single {
            answer: line(form, "Answer")?,
            wrong: got(form.list("Wrong choices"))?,
            ..Single::default()
        }),
        "multi" => Kind::Multi(Multi {
            answers: got(form.list("Right answers"))?,
            wrong: got(form.list("Wrong choices"))?,
            ..Multi::default()
        }),
        "true_false" => Kind::TrueFalse(TrueFalse {
            answer: got(form.choose("Answer", &["true", "false"], 0))? == 0,
            ..TrueFalse::default()
        }),
        "text" => Kind::Text(Text {
            answer: line(form, "Answer")?,
            accept: got(form.list("Also accept"))?,
            ..Text::default()
        }),
        "number" => return number(form),
        // The basic cloze: typed-text gaps, one answer per gap in order.
        "cloze" => Kind::Cloze(Cloze::new(
            line(form, "Passage, gaps written {1}, {2}…")?,
            got(form.list("Gap answers, gap 1 first"))?
                .into_iter()
                .map(text_gap)
                .collect(),
        )),
        "order" => Kind::Order(Order {
            items: got(form.list("Items in the right order"))?,
        }),
        _ => return pairs(form),
    }))
}

fn number(form: &mut dyn Form) -> Step<Kind> {
    let answer = got(form.text("Answer (a number)", None))?;
    let tolerance = got(form.text("Tolerance", Some("0")))?;
    let parse = |s: &str| s.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    Ok(match (parse(&answer), parse(&tolerance)) {
        (Some(answer), Some(tolerance)) => Ok(Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        })),
        (None, _) => Err(format!("\"{}\" is not a number", answer.trim())),
        (_, None) => Err(format!(
            "tolerance \"{}\" is not a number",
            tolerance.trim()
        )),
    })
}

fn pairs(form: &mut dyn Form) -> Step<Kind> {
    let lines = got(form.list("Pairs as 'left = right'"))?;
    let mut pairs = Vec::with_capacity(lines.len());
    for line in &lines {
        match line.split_once('=') {
            Some((l, r)) => pairs.push((l.trim().to_string(), r.trim().to_string())),
            None => return Ok(Err(format!("\"{line}\" has no '='; write 'left = right'"))),
        }
    }
    Ok(Ok(Kind::Match(Match {
        pairs,
        ..Match::default()
    })))
}
