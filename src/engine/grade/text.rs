//! Text answers (Moodle shortanswer): an answer the bank lists exactly wins, in bank order;
//! then lenient matching (case, accents, punctuation, a leading article), then typos.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::Grade;
use crate::bank::Text;

/// Text folded for comparison: accents, case, punctuation, extra spaces and a leading
/// "the", "a" or "an" dropped.
pub fn normalize_text(text: &str) -> String {
    let lowered: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let folded: String = drop_leading_article(lowered.trim_start())
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "the UK" and "UK" are one answer; the article must be a word followed by a space, so the
/// "A" of "A.B.C." stays, and a lone article is kept rather than emptied.
fn drop_leading_article(lowered: &str) -> &str {
    ["the", "an", "a"]
        .iter()
        .filter_map(|article| lowered.strip_prefix(article))
        .find(|rest| {
            rest.starts_with(char::is_whitespace) && rest.chars().any(char::is_alphanumeric)
        })
        .unwrap_or(lowered)
}

/// Edit distance allowed for an expected answer of `len` characters (after folding).
fn typo_allowance(expected: &str) -> usize {
    let len = expected.chars().filter(|c| !c.is_whitespace()).count();
    let numeric = expected.chars().any(|c| c.is_numeric());
    match len {
        _ if numeric => 0,
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// One answer the bank lists, with its credit (0 for a wrong answer that has feedback).
struct Listed<'a> {
    text: &'a str,
    credit: f64,
}

/// The listed answers in bank order: `answer`, `accept`, `partial`, then feedback keys.
fn listed(k: &Text) -> Vec<Listed<'_>> {
    let full = std::iter::once(&k.answer).chain(&k.accept);
    let mut out: Vec<Listed> = full
        .map(|t| Listed {
            text: t,
            credit: 1.0,
        })
        .collect();
    out.extend(k.partial.iter().map(|(t, c)| Listed {
        text: t,
        credit: *c,
    }));
    for (key, _) in &k.feedback.0 {
        if key.trim() != crate::bank::Feedback::OTHER && !out.iter().any(|l| l.text == key) {
            out.push(Listed {
                text: key,
                credit: 0.0,
            });
        }
    }
    out
}

/// Moodle's comparison: trimmed, case-insensitive unless `case_sensitive`; `*` matches any
/// text and `\*` is a literal star.
fn matches_exactly(pattern: &str, given: &str, case_sensitive: bool) -> bool {
    let fold = |s: &str| {
        if case_sensitive {
            s.to_string()
        } else {
            s.to_lowercase()
        }
    };
    let (pattern, given) = (fold(pattern.trim()), fold(given.trim()));
    let parts = split_wildcards(&pattern);
    if parts.len() == 1 {
        return parts[0] == given;
    }
    let (first, last) = (&parts[0], &parts[parts.len() - 1]);
    if given.len() < first.len() + last.len() || !given.starts_with(first.as_str()) {
        return false;
    }
    let mut rest = &given[first.len()..];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle.as_str()) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    rest.ends_with(last.as_str())
}

/// The literal pieces between unescaped `*`s.
fn split_wildcards(pattern: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'*') => {
                chars.next();
                current.push('*');
            }
            '*' => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// Grades typed text: the first listed answer matching exactly (Moodle's first-match rule)
/// gives its credit and feedback; else lenient matching and typos (not when case-sensitive);
/// else nothing, with the `"*"` feedback.
pub fn grade_text_answer(k: &Text, given: &str) -> Grade {
    let list = listed(k);
    if given.trim().is_empty() {
        return Grade::credit(0.0);
    }
    let feedback = |key: &str| k.feedback.get(key).map(str::to_string);
    if let Some(hit) = list
        .iter()
        .find(|l| matches_exactly(l.text, given, k.case_sensitive))
    {
        return Grade {
            feedback: feedback(hit.text),
            ..Grade::credit(hit.credit)
        };
    }
    if !k.case_sensitive
        && let Some((hit, typo)) = lenient(&list, given)
    {
        let note = (typo && hit.credit > 0.0)
            .then(|| format!("accepted, the spelling is \"{}\"", hit.text));
        return Grade {
            feedback: feedback(hit.text),
            note,
            ..Grade::credit(hit.credit)
        };
    }
    Grade {
        feedback: k.feedback.other().map(str::to_string),
        ..Grade::credit(0.0)
    }
}

/// The listed answer equal after folding (first in bank order), else the closest within the
/// typo allowance; `true` when it was a typo.
fn lenient<'l, 'a>(list: &'l [Listed<'a>], given: &str) -> Option<(&'l Listed<'a>, bool)> {
    let given_norm = normalize_text(given);
    if given_norm.is_empty() {
        return None;
    }
    let folded: Vec<String> = list.iter().map(|l| normalize_text(l.text)).collect();
    if let Some(i) = folded.iter().position(|f| *f == given_norm) {
        return Some((&list[i], false));
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, expected) in folded.iter().enumerate() {
        let distance =
            crate::engine::distance::osa_within(expected, &given_norm, typo_allowance(expected));
        if let Some(distance) = distance
            && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, i));
        }
    }
    best.map(|(_, i)| (&list[i], true))
}

/// Lenient text grading against an answer and its alternatives (see [`grade_text_answer`]).
pub fn grade_text(answer: &str, accept: &[String], given: &str) -> Grade {
    grade_text_answer(&Text::new(answer, accept.to_vec()), given)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn weighted() -> Text {
        // GIFT {=%100%área de trabajo =%80%area de trabajo =%0%Greece#we want the island}
        let mut k = Text::new("área de trabajo", vec![]);
        k.partial = vec![("area de trabajo".into(), 0.8)];
        k.feedback.insert("Greece", "we want the island");
        k.feedback.insert("*", "No.");
        k
    }

    #[test]
    fn an_answer_listed_exactly_wins_over_accent_folding() {
        let g = grade_text_answer(&weighted(), "area de trabajo");
        assert!((g.credit - 0.8).abs() < 1e-9, "{g:?}");
        assert!(grade_text_answer(&weighted(), "ÁREA DE TRABAJO").is_correct());
    }

    #[test]
    fn a_wrong_answer_listed_with_feedback_earns_nothing_and_says_why() {
        let g = grade_text_answer(&weighted(), "greece");
        assert_eq!(g.credit, 0.0);
        assert_eq!(g.feedback.as_deref(), Some("we want the island"));
    }

    #[test]
    fn any_other_answer_gets_the_star_feedback() {
        let g = grade_text_answer(&weighted(), "Crete");
        assert_eq!(g.credit, 0.0);
        assert_eq!(g.feedback.as_deref(), Some("No."));
    }

    #[test]
    fn partial_answers_are_also_matched_leniently() {
        let mut k = Text::new("Photoplay", vec![]);
        k.partial = vec![("Billboard".into(), 0.5)];
        let g = grade_text_answer(&k, "billboard!");
        assert_eq!(g.credit, 0.5);
    }

    #[test]
    fn case_sensitive_compares_exactly_like_moodle_usecase() {
        let mut k = Text::new("Word", vec![]);
        k.case_sensitive = true;
        k.partial = vec![("word".into(), 0.5)];
        assert!(grade_text_answer(&k, " Word ").is_correct());
        assert_eq!(grade_text_answer(&k, "word").credit, 0.5);
        assert_eq!(
            grade_text_answer(&k, "WORD").credit,
            0.0,
            "no lenient folding"
        );
    }

    #[test]
    fn star_is_a_wildcard_in_listed_answers_as_in_moodle() {
        let k = Text::new("colo*r", vec![]);
        assert!(grade_text_answer(&k, "colour").is_correct());
        assert!(grade_text_answer(&k, "Color").is_correct());
        assert!(!grade_text_answer(&k, "colonel").is_correct());
        assert!(matches_exactly("a\\*b", "a*b", false));
        assert!(!matches_exactly("a\\*b", "axb", false));
    }

    #[test]
    fn the_first_listed_match_counts() {
        let mut k = Text::new("cat", vec![]);
        k.partial = vec![("c*".into(), 0.5)];
        assert!(grade_text_answer(&k, "cat").is_correct());
        assert_eq!(grade_text_answer(&k, "cow").credit, 0.5);
    }

    #[test]
    fn text_ignores_case_accents_punctuation_and_spaces() {
        for given in [
            "hamilton an american musical",
            "  HAMILTON:  an American-musical! ",
            "Hâmilton, an américan musical",
        ] {
            let g = grade_text("Hamilton: An American Musical", &[], given);
            assert!(g.is_correct(), "{given}");
            assert_eq!(g.note, None, "{given}");
        }
    }

    #[test]
    fn text_accepts_alternatives() {
        assert!(grade_text("Original Soundtrack", &strings(&["OST"]), "ost").is_correct());
        assert!(!grade_text("Original Soundtrack", &strings(&["OST"]), "osd").is_correct());
    }

    #[test]
    fn text_typo_limits() {
        // 5 to 8 characters: one edit.
        assert!(grade_text("Decca", &[], "Deca").is_correct());
        assert!(!grade_text("Decca", &[], "Dca").is_correct());
        // Over 8: two edits.
        assert!(grade_text("Photoplay", &[], "Photoplai").is_correct());
        assert!(grade_text("Photoplay", &[], "Fotoplay").is_correct());
        assert!(
            !grade_text("Photoplay", &[], "Fotoplai").is_correct(),
            "three edits"
        );
        // Under 5: exact.
        assert!(!grade_text("ABC", &[], "ABD").is_correct());
        // Numbers: exact.
        assert!(!grade_text("1940s", &[], "1930s").is_correct());
        // A transposition is one edit.
        assert!(grade_text("Capitol", &[], "Capiotl").is_correct());
    }

    #[test]
    fn text_typo_is_told_with_the_spelling() {
        let g = grade_text("Decca", &[], "Deca");
        assert_eq!(
            g.note.as_deref(),
            Some("accepted, the spelling is \"Decca\"")
        );
    }

    #[test]
    fn empty_text_is_wrong() {
        assert!(!grade_text("abcde", &[], "  !! ").is_correct());
    }

    #[test]
    fn text_ignores_a_leading_article_on_both_sides() {
        assert!(grade_text("Photoplay", &[], "The Photoplay").is_correct());
        assert!(grade_text("The British", &[], "British").is_correct());
        assert!(grade_text("The British", &[], "the  british").is_correct());
        assert!(grade_text("GOT", &[], "the GOT").is_correct());
        assert!(grade_text("Original Soundtrack", &[], "an original soundtrack").is_correct());
        assert!(grade_text("Band Wagon", &[], "A Band Wagon").is_correct());
        assert_eq!(grade_text("GOT", &[], "the GOT").note, None, "not a typo");
    }

    #[test]
    fn a_leading_article_is_dropped_only_as_a_whole_word() {
        assert_eq!(normalize_text("The UK"), "uk");
        assert_eq!(normalize_text("  An  apple"), "apple");
        assert_eq!(
            normalize_text("A.B.C."),
            "a b c",
            "an initial is not an article"
        );
        assert_eq!(normalize_text("Theme park"), "theme park");
        assert_eq!(normalize_text("Another"), "another");
        assert_eq!(normalize_text("the"), "the", "a lone article is kept");
        assert_eq!(
            normalize_text("the !!"),
            "the",
            "nothing but punctuation after it"
        );
        assert!(!grade_text("ABC", &[], "A.B.D.").is_correct());
        assert!(!grade_text("Cast", &[], "the").is_correct());
    }

    #[test]
    fn normalize_folds_compatibility_forms() {
        assert_eq!(normalize_text("ﬁlm  Café—Théâtre"), "film cafe theatre");
    }
}
