//! Step 3: a question in Moodle's terms mapped to a bank question, in one place.

use super::terms::{Body, Combined, Header};
use super::text::readable;
use super::{gaps, kinds};
use crate::bank::id::is_valid_id;
use crate::bank::{Kind, Question};
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
    let (kind, prompt) = kind(header, body).map_err(skip)?;
    let grade = match (&kind, body) {
        // Moodle's mark of an embedded-answers question is the sum of its gaps' weights.
        (Kind::Cloze(cloze), Body::Cloze) => Some(cloze.gaps.iter().map(|g| g.weight).sum()),
        _ => header.default_grade,
    };
    let prompt = prompt.unwrap_or_else(|| readable(&header.text));
    let mut question = Question::new("", prompt, kind);
    question.title = title(header);
    question.explanation = explanation(header);
    question.hint = header.hints.first().map(readable).filter(|h| !h.is_empty());
    question.points = points(grade);
    question.tags = tags(header, category);
    Ok(Draft {
        line: header.line,
        id_hint: Some(id_hint(header)),
        question,
    })
}

/// The name, unless it only repeats the `idnumber` that becomes the id.
fn title(header: &Header) -> Option<String> {
    let name = header.name.trim();
    let repeats_id = header.idnumber.as_deref().map(str::trim) == Some(name);
    (!name.is_empty() && !repeats_id).then(|| name.to_string())
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
    let own = header.tags.iter().map(String::as_str);
    crate::import::common::tag_slugs(category.into_iter().chain(own))
}

/// The tag of a category path such as `$course$/top/Unit 1`: its last real segment.
pub fn category_tag(path: &str) -> Option<String> {
    // Moodle writes a `/` inside a category name as `//`.
    let path = path.replace("//", "\u{0}");
    let last = path
        .split('/')
        .map(str::trim)
        .rfind(|s| !s.is_empty() && !is_context(s))?;
    Some(last.replace('\u{0}', "/"))
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

/// The kind, and the prompt when the question text is a cloze passage.
fn kind(header: &Header, body: &Body) -> Result<(Kind, Option<String>), String> {
    let kind: Kind = match body {
        Body::MultiChoice {
            single: true,
            answers,
        } => kinds::single(answers)?.into(),
        Body::MultiChoice {
            single: false,
            answers,
        } => kinds::multi(answers)?.into(),
        Body::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        } => kinds::true_false(*answer, feedback_true, feedback_false).into(),
        Body::ShortAnswer { answers, usecase } => kinds::text(answers, *usecase)?.into(),
        Body::Numerical { answers, units } => kinds::number_kind(answers, units)?.into(),
        Body::Matching { subquestions } => kinds::matching(subquestions).into(),
        Body::Ordering { items } => kinds::order(items).into(),
        Body::Gaps { choices } => return cloze(gaps::choice_gaps(&header.text, choices)?),
        Body::Cloze => return cloze(gaps::multianswer(&header.text)?),
    };
    Ok((kind, None))
}

fn cloze(passage: gaps::Passage) -> Result<(Kind, Option<String>), String> {
    Ok((passage.cloze.into(), Some(passage.prompt)))
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
        assert_eq!(category_tag("$course$/top/A//B").as_deref(), Some("A/B"));
    }

    #[test]
    fn points_round_up_and_stay_positive() {
        assert_eq!(points(Some(2.5)), 3);
        assert_eq!(points(Some(0.0)), 1);
        assert_eq!(points(None), 1);
        assert_eq!(points(Some(1.0000000)), 1);
    }
}
