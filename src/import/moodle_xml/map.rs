//! Step 3: a question in Moodle's terms mapped to a bank question, in one place.

use super::cloze;
use super::terms::{Answer, Body, Combined, Header, Rich};
use super::text::readable;
use crate::bank::id::{is_valid_id, slug};
use crate::bank::{Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse};
use crate::import::{Draft, Skipped};

/// Moodle's default overall feedback, which says nothing an explanation needs.
const DEFAULT_COMBINED: [&str; 3] = [
    "Your answer is correct.",
    "Your answer is partially correct.",
    "Your answer is incorrect.",
];

/// The bank question for one Moodle question, or why it cannot be one.
pub fn draft(header: &Header, body: &Body, category: Option<&str>) -> Result<Draft, Skipped> {
    let skip = |why: String| {
        Skipped::new(
            header.line,
            format!("{} question \"{}\": {why}", header.qtype, header.name),
        )
    };
    let kind = kind(header, body).map_err(skip)?;
    let mut question = Question::new("", readable(&header.text), kind);
    question.explanation = explanation(header);
    question.hint = header.hints.first().map(readable).filter(|h| !h.is_empty());
    question.points = points(header.default_grade);
    question.tags = tags(header, category);
    Ok(Draft {
        line: header.line,
        id_hint: Some(id_hint(header)),
        question,
    })
}

/// `idnumber` when it already is a valid id, else the name (slugged later).
fn id_hint(header: &Header) -> String {
    match &header.idnumber {
        Some(idnumber) if is_valid_id(idnumber.trim()) => idnumber.trim().to_string(),
        _ => header.name.clone(),
    }
}

/// `defaultgrade` rounded up, at least 1.
fn points(default_grade: Option<f64>) -> u32 {
    default_grade
        .filter(|g| g.is_finite() && *g > 0.0)
        .map_or(1, |g| (g.ceil() as u32).max(1))
}

/// The category's last segment, then the question's own tags, as slugs without repeats.
fn tags(header: &Header, category: Option<&str>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in category
        .into_iter()
        .chain(header.tags.iter().map(String::as_str))
    {
        let tag = slug(tag, 40);
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// The tag of a category path such as `$course$/top/Unit 1`: its last real segment.
pub fn category_tag(path: &str) -> Option<String> {
    let last = path
        .split('/')
        .map(str::trim)
        .rfind(|s| !s.is_empty() && !is_context(s))?;
    Some(last.to_string())
}

/// `$course$`, `$system$` and the like, and `top`, name places, not topics.
fn is_context(segment: &str) -> bool {
    segment == "top" || (segment.starts_with('$') && segment.ends_with('$'))
}

/// General feedback; without it, the overall feedback that says more than Moodle's defaults.
fn explanation(header: &Header) -> Option<String> {
    if let Some(general) = &header.general_feedback {
        return Some(readable(general)).filter(|e| !e.is_empty());
    }
    let Combined {
        correct,
        partially,
        incorrect,
    } = &header.combined;
    let parts: Vec<String> = [
        ("Correct", correct),
        ("Partially correct", partially),
        ("Incorrect", incorrect),
    ]
    .into_iter()
    .filter_map(|(label, text)| {
        let text = readable(text.as_ref()?);
        (!text.is_empty() && !DEFAULT_COMBINED.contains(&text.as_str()))
            .then(|| format!("{label}: {text}"))
    })
    .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}

fn kind(header: &Header, body: &Body) -> Result<Kind, String> {
    match body {
        Body::MultiChoice {
            single: true,
            answers,
        } => single_choice(answers),
        Body::MultiChoice {
            single: false,
            answers,
        } => multi_choice(answers),
        Body::TrueFalse { answer, .. } => Ok(Kind::TrueFalse(TrueFalse {
            answer: *answer,
            ..TrueFalse::default()
        })),
        Body::ShortAnswer { answers, .. } => short_answer(answers),
        Body::Numerical { answers, .. } => numerical(answers),
        Body::Matching { subquestions } => matching(subquestions),
        Body::Ordering { items } => Ok(Kind::Order(Order {
            items: items.iter().map(readable).collect(),
        })),
        Body::Gaps { choices } => {
            let places = cloze::choice_places(&header.text.text);
            if let Some((_, n)) = places.iter().find(|(_, n)| *n == 0 || *n > choices.len()) {
                return Err(format!(
                    "the gap [[{n}]] names a choice that does not exist ({} choices)",
                    choices.len()
                ));
            }
            Err("cloze questions need the cloze kind".to_string())
        }
        Body::Cloze => {
            cloze::validate(&cloze::markers(&header.text.text))?;
            Err("cloze questions need the cloze kind".to_string())
        }
    }
}

/// The answers with the highest fraction first (stable), read as text.
fn by_credit(answers: &[Answer]) -> Vec<(String, f64)> {
    let mut list: Vec<(String, f64)> = answers
        .iter()
        .map(|a| (readable(&a.text), a.fraction))
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1));
    list
}

fn single_choice(answers: &[Answer]) -> Result<Kind, String> {
    let list = by_credit(answers);
    let Some((answer, best)) = list.first().cloned() else {
        return Err("it has no answers".to_string());
    };
    if best < 1.0 {
        return Err("no answer is worth 100%".to_string());
    }
    let wrong = list[1..].iter().map(|(text, _)| text.clone()).collect();
    Ok(Kind::Single(Single {
        answer,
        wrong,
        ..Single::default()
    }))
}

fn multi_choice(answers: &[Answer]) -> Result<Kind, String> {
    let list = by_credit(answers);
    let (right, wrong): (Vec<_>, Vec<_>) = list.into_iter().partition(|(_, f)| *f > 0.0);
    if right.is_empty() {
        return Err("no answer is worth any credit".to_string());
    }
    Ok(Kind::Multi(Multi {
        answers: right.into_iter().map(|(t, _)| t).collect(),
        wrong: wrong.into_iter().map(|(t, _)| t).collect(),
        ..Multi::default()
    }))
}

fn short_answer(answers: &[Answer]) -> Result<Kind, String> {
    let list: Vec<(String, f64)> = by_credit(answers)
        .into_iter()
        .filter(|(text, _)| text != "*")
        .collect();
    let full: Vec<String> = list
        .iter()
        .filter(|(_, f)| *f >= 1.0)
        .map(|(t, _)| t.clone())
        .collect();
    let Some((answer, accept)) = full.split_first() else {
        return Err("no answer is worth 100%".to_string());
    };
    if let Some((wild, _)) = list.iter().find(|(t, f)| *f > 0.0 && has_wildcard(t)) {
        return Err(format!(
            "the answer \"{wild}\" uses a * wildcard, which termquiz cannot grade"
        ));
    }
    Ok(Kind::Text(Text {
        answer: answer.clone(),
        accept: accept.to_vec(),
        ..Text::default()
    }))
}

/// Moodle's shortanswer `*` matches any characters; `\*` is a literal star.
fn has_wildcard(text: &str) -> bool {
    text.replace("\\*", "").contains('*')
}

fn numerical(answers: &[Answer]) -> Result<Kind, String> {
    let best = answers
        .iter()
        .filter(|a| a.text.text.trim() != "*" && a.fraction >= 1.0)
        .find_map(|a| Some((super::question::number(&a.text.text)?, a.tolerance)));
    let Some((answer, tolerance)) = best else {
        return Err("no number is worth 100%".to_string());
    };
    Ok(Kind::Number(Number {
        answer,
        tolerance,
        ..Number::default()
    }))
}

fn matching(subquestions: &[(Rich, String)]) -> Result<Kind, String> {
    let pairs: Vec<(String, String)> = subquestions
        .iter()
        .filter(|(question, _)| !question.is_empty())
        .map(|(question, answer)| (readable(question), answer.trim().to_string()))
        .collect();
    Ok(Kind::Match(Match {
        pairs,
        ..Match::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_tags_skip_moodle_contexts() {
        assert_eq!(
            category_tag("$course$/top/Unit 1").as_deref(),
            Some("Unit 1")
        );
        assert_eq!(
            category_tag("$course$/Iota/Kappa/").as_deref(),
            Some("Kappa")
        );
        assert_eq!(category_tag("$course$/top"), None);
    }

    #[test]
    fn points_round_up_and_stay_positive() {
        assert_eq!(points(Some(2.5)), 3);
        assert_eq!(points(Some(0.0)), 1);
        assert_eq!(points(None), 1);
        assert_eq!(points(Some(1.0000000)), 1);
    }

    #[test]
    fn shortanswer_wildcards_are_refused_but_escaped_stars_are_not() {
        assert!(has_wildcard("colo*r"));
        assert!(!has_wildcard(r"5 \* 3"));
    }
}
