//! The new question as `add` shows it before writing: one item a line, wrapped at words.

use crate::bank::sanitize::escape;
use crate::bank::{Kind, Question};
use crate::ui::fit::{hang, terminal_width, wrap_to};

/// The question, compact: its id and kind, the prompt, each answer marked ✔ or ✘, then the
/// optional fields that are set.
pub fn preview(q: &Question) -> String {
    let width = terminal_width();
    let title = format!("New question \"{}\" ({}):", escape(&q.id), q.kind.name());
    let mut lines = vec![wrap_to(&title, "", width)];
    let mut line = |first: &str, text: &str| lines.push(hang(first, &escape(text), width));
    line("  ", &q.prompt);
    for (mark, text) in answers(q) {
        line(&format!("  {mark} "), &text);
    }
    let fields = [
        ("explanation", &q.explanation),
        ("hint", &q.hint),
        ("source", &q.source),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            line(&format!("  {name}: "), value);
        }
    }
    let mut about = Vec::new();
    if !q.tags.is_empty() {
        about.push(format!("tags {}", q.tags.join(", ")));
    }
    about.push(q.difficulty.as_str().to_string());
    about.push(match q.points {
        1 => "1 point".to_string(),
        n => format!("{n} points"),
    });
    if let Some(s) = q.time_limit {
        about.push(format!("{s} s to answer"));
    }
    line("  ", &about.join(" · "));
    lines.join("\n")
}

/// Each answer line: a mark (✔ right, ✘ wrong, a place or gap number) and its text.
fn answers(q: &Question) -> Vec<(String, String)> {
    let marked = |mark: &str, items: &[String]| {
        items
            .iter()
            .map(|i| (mark.to_string(), i.clone()))
            .collect::<Vec<_>>()
    };
    match &q.kind {
        Kind::Single(k) => [
            marked("✔", std::slice::from_ref(&k.answer)),
            marked("✘", &k.wrong),
        ]
        .concat(),
        Kind::Multi(k) => [marked("✔", &k.answers), marked("✘", &k.wrong)].concat(),
        Kind::Text(k) => [
            marked("✔", std::slice::from_ref(&k.answer)),
            marked("✔", &k.accept),
        ]
        .concat(),
        Kind::Order(k) => (k.items.iter().enumerate())
            .map(|(i, item)| (format!("{}.", i + 1), item.clone()))
            .collect(),
        Kind::Match(k) => (k.pairs.iter())
            .map(|(l, r)| ("✔".to_string(), format!("{l} → {r}")))
            .collect(),
        Kind::Cloze(k) => {
            let gaps = (k.gaps.iter().enumerate()).map(|(i, g)| {
                (
                    format!("[{}]", i + 1),
                    crate::bank::model::gap_answer_text(&g.kind),
                )
            });
            std::iter::once(("passage:".to_string(), k.text.clone()))
                .chain(gaps)
                .collect()
        }
        Kind::TrueFalse(_) | Kind::Number(_) => vec![("✔".into(), q.correct_answer_text())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Single;

    #[test]
    fn a_single_shows_its_choices_marked_and_the_set_fields() {
        let mut q = Question::new(
            "capital",
            "Capital of Italy?",
            Kind::Single(Single {
                answer: "Rome".into(),
                wrong: vec!["Milan".into(), "Naples".into()],
                ..Single::default()
            }),
        );
        q.hint = Some("Boot".into());
        q.tags = vec!["geo".into()];
        q.time_limit = Some(30);
        assert_eq!(
            preview(&q),
            "New question \"capital\" (single):\n  Capital of Italy?\n  ✔ Rome\n  ✘ Milan\n  ✘ Naples\n  hint: Boot\n  tags geo · medium · 1 point · 30 s to answer"
        );
    }
}
