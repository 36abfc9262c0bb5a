//! A termquiz cloze gap written as a Moodle embedded answer: `{1:SHORTANSWER:=a#Yes~*#No}`.

use super::writer::{moodle_fraction, number, percent};
use crate::bank::{Feedback, Gap, GapKind, Multi, Number, Single, Text};

/// The marker for one gap, and notes about what Moodle could not hold exactly.
pub fn marker(gap: &Gap, notes: &mut Vec<String>, number_of_gap: usize) -> String {
    let weight = gap.weight.round().max(1.0);
    if (weight - gap.weight).abs() > 1e-9 {
        notes.push(format!(
            "gap {number_of_gap}: weight {} written as {} (Moodle weights are whole numbers)",
            gap.weight, weight
        ));
    }
    let (kind, alternatives) = match &gap.kind {
        GapKind::Single(single) => ("MULTICHOICE", single_alternatives(single, notes)),
        GapKind::Multi(multi) => {
            let right: f64 = multi
                .answers
                .iter()
                .filter_map(|a| crate::bank::kinds::credit_of(&multi.weights, a))
                .sum();
            if !multi.weights.is_empty() && (right - 1.0).abs() > 1e-6 {
                notes.push(format!(
                    "gap {number_of_gap}: the right choices weigh {}% in all; Moodle scales them to share 100%",
                    percent(right)
                ));
            }
            ("MULTIRESPONSE", multi_alternatives(multi))
        }
        GapKind::Text(text) => {
            let kind = if text.case_sensitive {
                "SHORTANSWER_C"
            } else {
                "SHORTANSWER"
            };
            (kind, text_alternatives(text, notes))
        }
        GapKind::Number(kind) => {
            if !kind.units.is_empty() {
                notes.push(format!(
                    "gap {number_of_gap}: units left out (Moodle cloze numbers have none)"
                ));
            }
            ("NUMERICAL", number_alternatives(kind, notes))
        }
    };
    format!(
        "{{{}:{kind}:{}}}",
        number(weight, 0),
        alternatives.join("~")
    )
}

/// `=` or `%33.33333%` before an answer; `%0%` too, so that an answer starting with `=` or
/// `%` is never read as a weight.
fn weight_mark(fraction: f64, notes: &mut Vec<String>, what: &str) -> String {
    let (fraction, changed) = moodle_fraction(fraction);
    if changed {
        notes.push(format!("{what}: credit written as {}%", percent(fraction)));
    }
    if (fraction - 1.0).abs() < 1e-9 {
        "=".to_string()
    } else {
        format!("%{}%", percent(fraction))
    }
}

fn with_feedback(answer: String, feedback: Option<&str>) -> String {
    match feedback.filter(|f| !f.is_empty()) {
        Some(text) => format!("{answer}#{}", html(text)),
        None => answer,
    }
}

fn single_alternatives(single: &Single, notes: &mut Vec<String>) -> Vec<String> {
    let credit =
        |choice: &str| crate::bank::kinds::credit_of(&single.partial, choice).unwrap_or(0.0);
    std::iter::once((single.answer.as_str(), 1.0))
        .chain(single.wrong.iter().map(|w| (w.as_str(), credit(w))))
        .map(|(choice, fraction)| {
            let mark = weight_mark(fraction, notes, &format!("choice \"{choice}\""));
            with_feedback(
                format!("{mark}{}", html(choice)),
                single.feedback.for_answer(choice),
            )
        })
        .collect()
}

/// Without weights every right choice is `=` and every wrong one `%0%`, which Moodle reads as
/// right 1/n and wrong −1/n (termquiz's rule). With weights each is `%n%`, `=` never: once a
/// `%n%` is written Moodle keeps the wrong choices' own weights. `%0%` is no fraction to
/// Moodle (PHP reads "0" as false) and keeps an answer starting with `=` or `%` an answer.
fn multi_alternatives(multi: &Multi) -> Vec<String> {
    let explicit = !multi.weights.is_empty();
    let right = multi.answers.iter().map(|a| (a, true));
    let wrong = multi.wrong.iter().map(|w| (w, false));
    right
        .chain(wrong)
        .map(|(choice, is_answer)| {
            let weight = crate::bank::kinds::credit_of(&multi.weights, choice).unwrap_or(0.0);
            let mark = match (explicit, is_answer) {
                (false, true) => "=".to_string(),
                (true, _) if weight != 0.0 => format!("%{}%", percent(weight)),
                _ => "%0%".to_string(),
            };
            with_feedback(
                format!("{mark}{}", html(choice)),
                multi.feedback.for_answer(choice),
            )
        })
        .collect()
}

fn text_alternatives(text: &Text, notes: &mut Vec<String>) -> Vec<String> {
    let mut list: Vec<(String, f64)> = std::iter::once(&text.answer)
        .chain(&text.accept)
        .map(|a| (a.clone(), 1.0))
        .collect();
    list.extend(text.partial.iter().cloned());
    for (key, _) in &text.feedback.0 {
        if key != Feedback::OTHER && !list.iter().any(|(a, _)| a == key) {
            list.push((key.clone(), 0.0));
        }
    }
    let mut alternatives: Vec<String> = list
        .iter()
        .map(|(answer, fraction)| {
            let mark = weight_mark(*fraction, notes, &format!("answer \"{answer}\""));
            let written = plain(answer);
            with_feedback(format!("{mark}{written}"), text.feedback.get(answer))
        })
        .collect();
    if let Some(other) = text.feedback.other() {
        alternatives.push(with_feedback("*".to_string(), Some(other)));
    }
    alternatives
}

fn number_alternatives(kind: &Number, notes: &mut Vec<String>) -> Vec<String> {
    let value = |answer: f64, tolerance: f64| {
        if tolerance > 0.0 {
            format!("{answer}:{tolerance}")
        } else {
            answer.to_string()
        }
    };
    let mut alternatives = vec![with_feedback(
        format!("={}", value(kind.answer, kind.tolerance)),
        kind.feedback.get(&kind.answer.to_string()),
    )];
    for also in &kind.also {
        let mark = weight_mark(also.credit, notes, &format!("number {}", also.answer));
        alternatives.push(with_feedback(
            format!("{mark}{}", value(also.answer, also.tolerance)),
            also.feedback.as_deref(),
        ));
    }
    if let Some(other) = kind.feedback.other() {
        alternatives.push(with_feedback("*".to_string(), Some(other)));
    }
    alternatives
}

/// Characters that end or escape an embedded answer, as numeric entities: Moodle decodes
/// entities in every answer and feedback, and `&` before `#` never ends an answer.
fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '{' | '}' | '#' | '~' | '\\' => out.push_str(&format!("&#{};", u32::from(c))),
            _ => out.push(c),
        }
    }
    out
}

/// A short answer, compared as text after Moodle decodes its entities.
fn plain(text: &str) -> String {
    entities(text)
}

/// A choice or feedback, which Moodle shows as HTML.
fn html(text: &str) -> String {
    entities(text)
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_write_as_moodle_markers() {
        let mut notes = Vec::new();
        let mut single = Single::new("on", vec!["in".into(), "a}b".into()]);
        single.partial = vec![("in".into(), 0.5)];
        single.feedback.insert("in", "Inside <x>");
        let gap = Gap {
            kind: GapKind::Single(single),
            weight: 2.0,
        };
        assert_eq!(
            marker(&gap, &mut notes, 1),
            "{2:MULTICHOICE:=on~%50%in#Inside &lt;x&gt;~%0%a&#125;b}"
        );
        let mut text = Text::new("R&D", vec![]);
        text.case_sensitive = true;
        text.feedback.insert("*", "No");
        let gap = Gap {
            kind: GapKind::Text(text),
            weight: 1.5,
        };
        assert_eq!(
            marker(&gap, &mut notes, 2),
            "{2:SHORTANSWER_C:=R&#38;D~*#No}"
        );
        assert_eq!(
            notes,
            ["gap 2: weight 1.5 written as 2 (Moodle weights are whole numbers)"]
        );
    }

    #[test]
    fn multi_gaps_write_as_multiresponse() {
        let mut notes = Vec::new();
        let mut multi = Multi::new(vec!["a~b".into(), "=c".into()], vec!["d#".into()]);
        multi.feedback.insert("d#", "No {way}");
        assert_eq!(
            marker(&Gap::new(GapKind::Multi(multi.clone())), &mut notes, 1),
            "{1:MULTIRESPONSE:=a&#126;b~==c~%0%d&#35;#No &#123;way&#125;}"
        );
        multi.weights = vec![
            ("a~b".into(), 0.25),
            ("=c".into(), 0.75),
            ("d#".into(), -0.5),
        ];
        assert_eq!(
            marker(&Gap::new(GapKind::Multi(multi)), &mut notes, 1),
            "{1:MULTIRESPONSE:%25%a&#126;b~%75%=c~%-50%d&#35;#No &#123;way&#125;}"
        );
        assert!(notes.is_empty(), "{notes:?}");
        let mut thirds = Multi::new(vec!["a".into(), "b".into(), "c".into()], vec!["d".into()]);
        thirds.weights = vec![
            ("a".into(), 0.333),
            ("b".into(), 0.333),
            ("c".into(), 0.333),
        ];
        marker(&Gap::new(GapKind::Multi(thirds)), &mut notes, 3);
        assert_eq!(
            notes,
            ["gap 3: the right choices weigh 99.9% in all; Moodle scales them to share 100%"]
        );
    }
}
