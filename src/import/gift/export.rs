//! Bank → GIFT, saying everything GIFT can: `// [id:…] [tag:…]` comments, `$CATEGORY:` from
//! a path tag (`unit-1/lesson-2`), `::title::`, weights, per-answer, true/false, other-answer
//! and general feedback. What GIFT cannot carry is listed per question.

use std::fmt::Write as _;

use super::percent::percent_of_fraction;
use crate::bank::kinds::credit_of;
use crate::bank::{
    Bank, Difficulty, Feedback, Kind, Match, Multi, Number, Question, Single, Text, TrueFalse,
};
use crate::import::common::looks_like_html;
use crate::import::export::Exported;

/// Writes a bank as GIFT; `order` and `cloze` questions are left out, and each question's
/// fields GIFT cannot carry are listed in [`Exported::lost`].
pub fn to_gift(bank: &Bank) -> Exported {
    let mut out = format!("// {}\n\n", one_line_comment(&bank.title));
    let mut exported = Exported::default();
    let mut category: Option<&str> = None;
    for (index, question) in bank.questions.iter().enumerate() {
        let Some(body) = body(&question.kind) else {
            let reason = format!("GIFT cannot express {} questions", question.kind.name());
            exported.skipped.push((index, question.id.clone(), reason));
            continue;
        };
        let path = question
            .tags
            .iter()
            .map(String::as_str)
            .find(|t| t.contains('/'));
        if path != category && (path.is_some() || category.is_some()) {
            let _ = writeln!(out, "$CATEGORY: {}\n", path.unwrap_or("$course$/top"));
            category = path;
        }
        write_question(&mut out, question, &body);
        let lost = lost(question);
        if !lost.is_empty() {
            let them = if lost.len() == 1 { "it" } else { "them" };
            let reason = format!(
                "GIFT cannot carry {}; written without {them}",
                lost.join(", ")
            );
            exported.lost.push((index, question.id.clone(), reason));
        }
    }
    exported.text = out;
    exported
}

/// The fields of a question GIFT has no place for.
fn lost(q: &Question) -> Vec<&'static str> {
    let mut lost = Vec::new();
    let fields = [
        (q.difficulty != Difficulty::Medium, "difficulty"),
        (q.points != 1, "points"),
        (q.hint.is_some(), "hint"),
        (q.source.is_some(), "source"),
        (q.time_limit.is_some(), "time_limit"),
    ];
    lost.extend(fields.iter().filter(|(has, _)| *has).map(|(_, name)| *name));
    match &q.kind {
        Kind::Number(n) if !n.units.is_empty() => lost.push("units"),
        Kind::Text(t) if t.case_sensitive => lost.push("case_sensitive"),
        Kind::Single(Single { feedback, .. }) | Kind::Multi(Multi { feedback, .. })
            if feedback.other().is_some() =>
        {
            lost.push("feedback \"*\" (written on each choice without its own)")
        }
        _ => {}
    }
    lost
}

fn write_question(out: &mut String, q: &Question, body: &[String]) {
    let mut meta = format!("[id:{}]", comment_value(&q.id));
    for tag in &q.tags {
        let _ = write!(meta, " [tag:{}]", comment_value(tag));
    }
    let _ = writeln!(out, "// {meta}");
    if let Some(title) = &q.title {
        let _ = write!(out, "::{}::", escape(title));
    }
    let _ = writeln!(out, "{} {{", text(&q.prompt));
    for line in body {
        let _ = writeln!(out, "\t{line}");
    }
    if let Some(explanation) = &q.explanation {
        let _ = writeln!(out, "\t####{}", text(explanation));
    }
    out.push_str("}\n\n");
}

/// The lines inside `{…}`; `None` for kinds GIFT cannot express.
fn body(kind: &Kind) -> Option<Vec<String>> {
    Some(match kind {
        Kind::Single(k) => single(k),
        Kind::Multi(k) => multi(k),
        Kind::TrueFalse(k) => vec![true_false(k)],
        Kind::Text(k) => short(k),
        Kind::Number(k) => number(k),
        Kind::Match(k) => matching(k),
        Kind::Order(_) | Kind::Cloze(_) => return None,
    })
}

/// One answer line: marker, weight when not the marker's own, text, `#feedback`.
fn answer(marker: char, weight: Option<f64>, text_: &str, feedback: Option<&str>) -> String {
    // A text starting with `%` would read as a weight: give it an explicit one.
    let implied = if marker == '=' { 1.0 } else { 0.0 };
    let weight = weight.or_else(|| text_.starts_with('%').then_some(implied));
    let mut line = String::from(marker);
    if let Some(w) = weight {
        let _ = write!(line, "%{}%", percent_of_fraction(w));
    }
    line.push_str(&text(text_));
    if let Some(f) = feedback {
        let _ = write!(line, "#{}", text(f));
    }
    line
}

/// A choice's feedback: its own, else the `"*"` feedback.
fn choice_feedback<'a>(feedback: &'a Feedback, choice: &str) -> Option<&'a str> {
    feedback.for_answer(choice)
}

fn single(k: &Single) -> Vec<String> {
    let right = answer(
        '=',
        None,
        &k.answer,
        choice_feedback(&k.feedback, &k.answer),
    );
    let wrong = k.wrong.iter().map(|w| {
        let credit = credit_of(&k.partial, w);
        answer('~', credit, w, choice_feedback(&k.feedback, w))
    });
    std::iter::once(right).chain(wrong).collect()
}

/// Multiple answers: explicit weights, or the default rule's (right 1/n, wrong −1/n).
fn multi(k: &Multi) -> Vec<String> {
    let share = 1.0 / k.answers.len() as f64;
    let weight = |choice: &str, right: bool| {
        credit_of(&k.weights, choice)
            .filter(|_| !k.weights.is_empty())
            .unwrap_or(if right { share } else { -share })
    };
    let right = k.answers.iter().map(|a| (a, true));
    let wrong = k.wrong.iter().map(|w| (w, false));
    right
        .chain(wrong)
        .map(|(c, is_right)| {
            answer(
                '~',
                Some(weight(c, is_right)),
                c,
                choice_feedback(&k.feedback, c),
            )
        })
        .collect()
}

/// `TRUE#wrong feedback#right feedback`; `"*"` stands for the value not named.
fn true_false(k: &TrueFalse) -> String {
    let value = |v: bool| k.feedback.for_answer(&v.to_string());
    let mut line = if k.answer { "TRUE" } else { "FALSE" }.to_string();
    match (value(!k.answer), value(k.answer)) {
        (None, None) => {}
        (wrong, right) => {
            let _ = write!(line, "#{}", wrong.map(text).unwrap_or_default());
            if let Some(right) = right {
                let _ = write!(line, "#{}", text(right));
            }
        }
    }
    line
}

/// Short answer: full answers `=`, partial ones `=%w%`, anticipated wrong ones and `*` `=%0%`.
fn short(k: &Text) -> Vec<String> {
    let fb = |a: &str| k.feedback.get(a);
    let full = std::iter::once(&k.answer).chain(&k.accept);
    let mut lines: Vec<String> = full.map(|a| answer('=', None, a, fb(a))).collect();
    for (a, credit) in &k.partial {
        lines.push(answer('=', Some(*credit), a, fb(a)));
    }
    let listed = |key: &str| {
        key == Feedback::OTHER
            || key == k.answer
            || k.accept.iter().any(|a| a == key)
            || k.partial.iter().any(|(a, _)| a == key)
    };
    for (key, feedback) in k.feedback.0.iter().filter(|(key, _)| !listed(key)) {
        lines.push(answer('=', Some(0.0), key, Some(feedback)));
    }
    // `*` already listed with a credit carries the `*` feedback itself.
    if let Some(other) = k.feedback.other().filter(|_| !listed_star(k)) {
        lines.push(format!("=%0%*#{}", text(other)));
    }
    lines
}

fn listed_star(k: &Text) -> bool {
    let star = |a: &str| a == Feedback::OTHER;
    star(&k.answer) || k.accept.iter().any(|a| star(a)) || k.partial.iter().any(|(a, _)| star(a))
}

/// `#` then `=%100%answer:tolerance#feedback`, the `also` numbers with their credit, `~#other`.
fn number(k: &Number) -> Vec<String> {
    let main_feedback = k.feedback.get(&k.answer.to_string());
    let mut lines = vec!["#".to_string()];
    let near = |value: f64, tolerance: f64| format!("{value}:{tolerance}");
    let mut line = format!("=%100%{}", near(k.answer, k.tolerance));
    if let Some(f) = main_feedback {
        let _ = write!(line, "#{}", text(f));
    }
    lines.push(line);
    for a in &k.also {
        // Feedback keyed by an `also` number (not the main one) is that number's own.
        let keyed = (a.answer != k.answer)
            .then(|| k.feedback.get(&a.answer.to_string()))
            .flatten();
        let feedback = a.feedback.as_deref().or(keyed);
        let mut line = format!(
            "=%{}%{}",
            percent_of_fraction(a.credit),
            near(a.answer, a.tolerance)
        );
        if let Some(f) = feedback {
            let _ = write!(line, "#{}", text(f));
        }
        lines.push(line);
    }
    if let Some(other) = k.feedback.other() {
        lines.push(format!("~#{}", text(other)));
    }
    lines
}

/// `=left -> right`; `= -> extra` for each distractor. A `->` inside a left item is `-\>`.
fn matching(k: &Match) -> Vec<String> {
    let pairs = k
        .pairs
        .iter()
        .map(|(l, r)| format!("={} -> {}", text(l), text(r)));
    let extra = k.extra.iter().map(|e| format!("= -> {}", text(e)));
    pairs.chain(extra).collect()
}

/// A text inside or before `{…}`: escaped, and marked `[plain]` when it would otherwise read
/// as HTML or as starting with a format name.
fn text(raw: &str) -> String {
    let (format, _) = super::text::split_format(raw);
    let plain = format.is_some() || looks_like_html(raw);
    let escaped = escape(raw);
    if plain {
        format!("[plain]{escaped}")
    } else {
        escaped
    }
}

/// Escapes GIFT's special characters `~ = # { } :` and backslash, `->` as `-\>` (termquiz
/// reads it back; Moodle has no escape for it); newlines become `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '-' if chars.peek() == Some(&'>') => out.push_str("-\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A comment's `[key:value]` value: `]` and `\` escaped, on one line.
fn comment_value(value: &str) -> String {
    one_line_comment(value)
        .replace('\\', "\\\\")
        .replace(']', "\\]")
}

fn one_line_comment(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{NumberAnswer, Order};

    fn bank(questions: Vec<Question>) -> Bank {
        Bank {
            title: "T".into(),
            description: None,
            questions,
        }
    }

    #[test]
    fn escapes_specials_and_arrows() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\ni->j"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni-\\>j"
        );
    }

    #[test]
    fn match_left_side_with_an_arrow_keeps_its_key() {
        let q = Question::new(
            "m",
            "Match",
            Match {
                pairs: vec![("a -> b".into(), "c".into()), ("d".into(), "e".into())],
                extra: vec!["f".into()],
            },
        );
        let text = to_gift(&bank(vec![q])).text;
        assert!(
            text.contains("\t=a -\\> b -> c\n\t=d -> e\n\t= -> f\n"),
            "{text}"
        );
    }

    #[test]
    fn weights_feedback_and_other_numbers_are_written() {
        let mut feedback = Feedback::default();
        feedback.insert("9", "Right.");
        feedback.insert("*", "Count again.");
        let q = Question::new(
            "n",
            "Legs?",
            Number {
                also: vec![NumberAnswer {
                    credit: 0.5,
                    feedback: Some("Close.".into()),
                    ..NumberAnswer::new(8.0, 1.0)
                }],
                feedback,
                ..Number::new(9.0, 0.0)
            },
        );
        let text = to_gift(&bank(vec![q])).text;
        assert!(
            text.contains("{\n\t#\n\t=%100%9:0#Right.\n\t=%50%8:1#Close.\n\t~#Count again.\n}"),
            "{text}"
        );
    }

    #[test]
    fn lost_fields_are_listed_and_order_is_skipped() {
        let mut q = Question::new("s", "Pick", Single::new("a", vec!["b".into()]));
        q.difficulty = Difficulty::Hard;
        q.points = 3;
        let order = Question::new("o", "Order", Order::new(vec!["a".into(), "b".into()]));
        let exported = to_gift(&bank(vec![q, order]));
        assert_eq!(
            exported.lost,
            [(
                0,
                "s".to_string(),
                "GIFT cannot carry difficulty, points; written without them".to_string()
            )]
        );
        assert_eq!(exported.skipped.len(), 1);
    }

    #[test]
    fn html_looking_text_is_marked_plain() {
        let q = Question::new("t", "Is <b> a tag?", TrueFalse::new(true));
        let text = to_gift(&bank(vec![q])).text;
        assert!(text.contains("[plain]Is <b> a tag? {\n\tTRUE\n}"), "{text}");
    }
}
