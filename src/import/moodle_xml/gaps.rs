//! Embedded answers as a termquiz cloze: `cloze`/`multianswer` (`{1:SA:=x}`) and
//! `gapselect`/`ddwtos` (`[[1]]`). The passage's first paragraph without a gap is the prompt.

use super::cloze::{self, Alternative, Marker, SubKind};
use super::kinds::{self, NumberChoice, fraction};
use super::terms::{Choice, Rich};
use super::text::readable;
use crate::bank::{Cloze, Gap, GapKind, Single};
use crate::import::common::html_to_text;

/// The prompt when the passage has no paragraph of its own before the first gap.
pub const DEFAULT_PROMPT: &str = "Fill in the gaps.";

/// Private-use marks around a gap number, so that HTML to text leaves them alone.
const OPEN: char = '\u{e000}';
const CLOSE: char = '\u{e001}';

/// A cloze question: its prompt, its passage and gaps.
pub struct Passage {
    /// The instruction.
    pub prompt: String,
    /// The passage with its gaps.
    pub cloze: Cloze,
}

/// `cloze`/`multianswer`: each marker becomes a gap, checked as Moodle checks it.
pub fn multianswer(text: &Rich) -> Result<Passage, String> {
    let markers = cloze::markers(&text.text);
    cloze::validate(&markers)?;
    let gaps = markers
        .iter()
        .enumerate()
        .map(|(index, marker)| gap(marker).map_err(|why| format!("gap {}: {why}", index + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    let ranges = markers.iter().map(|m| m.range.clone());
    Ok(passage(text, ranges, gaps))
}

/// `gapselect`/`ddwtos`: `[[n]]` is a drop-down of the choices in choice n's group.
pub fn choice_gaps(text: &Rich, choices: &[Choice]) -> Result<Passage, String> {
    let places = cloze::choice_places(&text.text);
    if places.is_empty() {
        return Err("there is no gap like [[1]] in the text".to_string());
    }
    let mut gaps = Vec::with_capacity(places.len());
    for (_, n) in &places {
        let Some(right) = n.checked_sub(1).and_then(|i| choices.get(i)) else {
            return Err(format!(
                "the gap [[{n}]] names a choice that does not exist ({} choices)",
                choices.len()
            ));
        };
        let mut wrong: Vec<String> = Vec::new();
        for choice in choices.iter().filter(|c| c.group == right.group) {
            let text = plain(&choice.text);
            if text != plain(&right.text) && !wrong.contains(&text) {
                wrong.push(text);
            }
        }
        gaps.push(Gap::new(GapKind::Single(Single::new(
            plain(&right.text),
            wrong,
        ))));
    }
    let ranges = places.into_iter().map(|(range, _)| range);
    Ok(passage(text, ranges, gaps))
}

/// Choice texts are plain in Moodle, with entities.
fn plain(text: &str) -> String {
    html_escape::decode_html_entities(text.trim()).into_owned()
}

/// The text with each range replaced by `{k}`, read as text, split into prompt and passage.
fn passage(
    text: &Rich,
    ranges: impl Iterator<Item = std::ops::Range<usize>>,
    gaps: Vec<Gap>,
) -> Passage {
    let mut marked = String::with_capacity(text.text.len());
    let mut last = 0;
    for (index, range) in ranges.enumerate() {
        marked.push_str(&text.text[last..range.start]);
        marked.push_str(&format!("{OPEN}{}{CLOSE}", index + 1));
        last = range.end;
    }
    marked.push_str(&text.text[last..]);
    let readable = readable(&Rich::new(marked, text.format));
    let readable = readable.replace(OPEN, "{").replace(CLOSE, "}");
    let (prompt, passage) = match readable.split_once("\n\n") {
        Some((first, rest)) if !first.contains('{') && !rest.trim().is_empty() => {
            (first.trim().to_string(), rest.trim().to_string())
        }
        _ => (DEFAULT_PROMPT.to_string(), readable),
    };
    Passage {
        prompt,
        cloze: Cloze::new(passage, gaps),
    }
}

fn gap(marker: &Marker) -> Result<Gap, String> {
    let html = |s: &str| html_to_text(s);
    let kind = match marker.kind {
        SubKind::MultiChoice => GapKind::Single(kinds::single_of(
            marker
                .alternatives
                .iter()
                .map(|a| (html(&a.text), fraction(a.fraction), html(&a.feedback)))
                .collect(),
        )?),
        SubKind::ShortAnswer { case_sensitive } => GapKind::Text(kinds::text_of(
            marker
                .alternatives
                .iter()
                .map(|a| (plain(&a.text), fraction(a.fraction), html(&a.feedback)))
                .collect(),
            case_sensitive,
        )?),
        SubKind::Numerical => GapKind::Number(kinds::number_of(
            marker
                .alternatives
                .iter()
                .map(|a| NumberChoice {
                    text: a.text.trim().to_string(),
                    tolerance: a.tolerance,
                    fraction: fraction(a.fraction),
                    feedback: html(&a.feedback),
                })
                .collect(),
        )?),
        SubKind::MultiResponse => {
            let fractions = multiresponse_fractions(&marker.alternatives);
            if fractions.iter().all(|f| *f > 0.0) {
                return Err(
                    "every choice is right; a termquiz multi gap needs a wrong choice".to_string(),
                );
            }
            GapKind::Multi(kinds::multi_of(
                marker
                    .alternatives
                    .iter()
                    .zip(fractions)
                    .map(|(a, fraction)| (html(&a.text), fraction, html(&a.feedback)))
                    .collect(),
            )?)
        }
    };
    Ok(Gap {
        kind,
        weight: marker.weight,
    })
}

/// A MULTIRESPONSE gap's fractions as Moodle stores them: the right choices (`=` is 100%)
/// scaled to share 100%, and, when no `%n%` was written, each wrong choice cancelling one
/// right one (`qtype_multianswer_extract_question`, question/type/multianswer/questiontype.php).
fn multiresponse_fractions(alternatives: &[Alternative]) -> Vec<f64> {
    let specific = alternatives.iter().any(|a| a.explicit);
    let total: f64 = alternatives
        .iter()
        .map(|a| a.fraction)
        .filter(|f| *f > 0.0)
        .sum();
    alternatives
        .iter()
        .map(|a| match a.fraction {
            _ if total == 0.0 => a.fraction,
            f if f > 0.0 => f / total,
            _ if !specific => -1.0 / total,
            f => f,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::moodle_xml::terms::Format;

    #[test]
    fn multianswer_becomes_prompt_passage_and_gaps() {
        let text = Rich::new(
            "<p>Complete:</p><p>A {2:SA:=cat#Yes~*#No} sat {:MC:=on~in#Inside}.</p>",
            Format::Html,
        );
        let passage = multianswer(&text).unwrap();
        assert_eq!(passage.prompt, "Complete:");
        assert_eq!(passage.cloze.text, "A {1} sat {2}.");
        assert_eq!(passage.cloze.gaps[0].weight, 2.0);
        let GapKind::Text(first) = &passage.cloze.gaps[0].kind else {
            panic!()
        };
        assert_eq!(first.answer, "cat");
        assert_eq!(first.feedback.other(), Some("No"));
        let GapKind::Single(second) = &passage.cloze.gaps[1].kind else {
            panic!()
        };
        assert_eq!(
            (second.answer.as_str(), second.wrong.as_slice()),
            ("on", &["in".to_string()][..])
        );
    }

    fn multi_gap(text: &str) -> crate::bank::Multi {
        let passage = multianswer(&Rich::new(text, Format::Plain)).unwrap();
        let GapKind::Multi(multi) = &passage.cloze.gaps[0].kind else {
            panic!("{:?}", passage.cloze.gaps[0])
        };
        multi.clone()
    }

    #[test]
    fn multiresponse_with_only_equals_is_the_default_rule() {
        // Moodle: right 1/2 each, wrong −1/2 each: termquiz's rule without weights.
        let multi = multi_gap("{1:MR:=a~=b~c#Not c}");
        assert_eq!(
            (multi.answers, multi.wrong),
            (strings(&["a", "b"]), strings(&["c"]))
        );
        assert!(multi.weights.is_empty());
        assert_eq!(multi.feedback.get("c"), Some("Not c"));
        // `%0%` is no fraction to PHP: still the default rule.
        assert!(multi_gap("{1:MRS:=a~=b~%0%c}").weights.is_empty());
    }

    #[test]
    fn multiresponse_equals_among_percentages_are_scaled_to_share_the_credit() {
        // Moodle: = is 100%, then the right ones are divided by their total (150%);
        // a wrong choice keeps its 0 once any %n% is written.
        let multi = multi_gap("{1:MULTIRESPONSE:=a~%50%b~c}");
        assert_eq!(
            multi.weights,
            [
                ("a".into(), 0.6666667),
                ("b".into(), 0.3333333),
                ("c".into(), 0.0)
            ]
        );
        let negative = multi_gap("{2:MRH:%25%a~%25%b~%-100%c~d}");
        assert_eq!(
            negative.weights,
            [
                ("a".into(), 0.5),
                ("b".into(), 0.5),
                ("c".into(), -1.0),
                ("d".into(), 0.0)
            ]
        );
    }

    #[test]
    fn multiresponse_without_any_credit_is_refused_with_its_number() {
        let text = Rich::new("{1:SA:=a} {1:MR:a~b}", Format::Plain);
        assert_eq!(
            multianswer(&text).err().unwrap(),
            "gap 2: no answer is worth any credit"
        );
    }

    #[test]
    fn multiresponse_with_no_wrong_choice_is_refused_with_why() {
        // Moodle takes {1:MULTIRESPONSE:=William~=Bill}; a termquiz multi needs a wrong choice.
        let text = Rich::new("{1:MULTIRESPONSE:=William~=Bill}", Format::Plain);
        assert_eq!(
            multianswer(&text).err().unwrap(),
            "gap 1: every choice is right; a termquiz multi gap needs a wrong choice"
        );
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn choice_gaps_offer_their_group() {
        let choice = |text: &str, group| Choice {
            text: text.to_string(),
            group,
        };
        let choices = [choice("cat", 1), choice("mat", 2), choice("dog", 1)];
        let passage = choice_gaps(
            &Rich::new("The [[1]] on the [[2]].", Format::Html),
            &choices,
        )
        .unwrap();
        assert_eq!(passage.prompt, DEFAULT_PROMPT);
        assert_eq!(passage.cloze.text, "The {1} on the {2}.");
        let GapKind::Single(first) = &passage.cloze.gaps[0].kind else {
            panic!()
        };
        assert_eq!(first.wrong, ["dog"]);
    }
}
