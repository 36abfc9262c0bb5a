//! The inside of a GIFT `{…}` answer block in GIFT's own terms: weights, feedback, numeric
//! ranges, matching pairs. Kinds are told apart exactly as Moodle's importer does.

use super::percent::fraction_of_percent;
use super::text::{Format, clean, find_unescaped, split_unescaped, unescaped_positions};
use crate::import::common::Skipped;

/// One answer with its credit (`=` is 1, `~` is 0 unless `%w%` says otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct Weighted {
    /// The answer text, cleaned.
    pub text: String,
    /// Its `%weight%` as a fraction, -1 to 1.
    pub credit: f64,
    /// Its `#feedback`, cleaned.
    pub feedback: Option<String>,
    /// Where the answer is.
    pub line: usize,
}

/// A numeric answer's value: `a`, `a:tolerance`, `min..max`, or `*` (any other number).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Right within `tolerance` of `answer` (a range is its middle and half-width).
    Near { answer: f64, tolerance: f64 },
    /// Moodle's `*`: any answer.
    Any,
}

/// One `=` answer of a numerical question.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeric {
    /// What it accepts.
    pub value: Value,
    /// Its `%weight%` as a fraction, -1 to 1.
    pub credit: f64,
    /// Its `#feedback`, cleaned.
    pub feedback: Option<String>,
    /// Where the answer is.
    pub line: usize,
}

/// A matching pair; an empty left side makes the right side a distractor.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The left item (a Moodle subquestion), cleaned.
    pub left: String,
    /// The right item, cleaned.
    pub right: String,
    /// Where the pair is.
    pub line: usize,
}

/// What an answer block holds, as GIFT says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Answers {
    /// `{}`: an essay, nothing to grade.
    Essay,
    /// `{T#wrong feedback#right feedback}`.
    TrueFalse {
        answer: bool,
        wrong_feedback: Option<String>,
        right_feedback: Option<String>,
    },
    /// Any `~`: multiple choice; `one_answer` when an `=` is present (Moodle's "single").
    Choices {
        one_answer: bool,
        choices: Vec<Weighted>,
    },
    /// Only `=` answers (or a bare answer): short answer.
    Short { answers: Vec<Weighted> },
    /// `{#…}`: numerical, with the feedback of a trailing `~#…` for any other number.
    Numerical {
        answers: Vec<Numeric>,
        other_feedback: Option<String>,
    },
    /// `=` answers with `->`: matching.
    Match { pairs: Vec<Pair> },
}

/// An answer block's text and where it sits in the file.
pub struct Body<'a> {
    /// The text between `{` and `}`, general feedback already cut off.
    pub text: &'a str,
    /// Line of a byte offset in `text`.
    pub line_at: &'a dyn Fn(usize) -> usize,
    /// The question text's format, the default for answers and feedback.
    pub format: Format,
}

impl Body<'_> {
    /// Reads the block, telling the kind apart as Moodle does.
    pub fn parse(&self) -> Result<Answers, Skipped> {
        let trimmed = self.text.trim();
        let lead = self.text.len() - self.text.trim_start().len();
        if trimmed.is_empty() {
            return Ok(Answers::Essay);
        }
        if trimmed.starts_with('#') {
            return self.numerical(lead + 1);
        }
        let has = |c: u8| !unescaped_positions(self.text, &[c]).is_empty();
        if has(b'~') {
            return self.choices();
        }
        if has(b'=') && find_unescaped(self.text, 0, "->").is_some() {
            return self.matching();
        }
        if let Some(tf) = self.true_false(trimmed) {
            return Ok(tf);
        }
        self.short()
    }

    fn clean(&self, raw: &str) -> String {
        clean(raw, self.format)
    }

    /// The pieces between answer markers, with their offsets; a non-blank lead is a piece too.
    fn pieces(&self, from: usize, markers: &[u8]) -> Vec<(usize, &str)> {
        let text = self.text;
        let mut starts: Vec<usize> = unescaped_positions(&text[from..], markers)
            .into_iter()
            .map(|p| p + from)
            .collect();
        if !text[from..starts.first().copied().unwrap_or(text.len())]
            .trim()
            .is_empty()
        {
            starts.insert(0, from);
        }
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        starts
            .iter()
            .zip(ends)
            .map(|(&s, e)| (s, &text[s..e]))
            .collect()
    }

    fn line_of_piece(&self, offset: usize, piece: &str) -> usize {
        (self.line_at)(offset + (piece.len() - piece.trim_start().len()))
    }

    /// `~` answers (and `=` ones): Moodle's multichoice; one answer allowed when an `=` is there.
    fn choices(&self) -> Result<Answers, Skipped> {
        let one_answer = !unescaped_positions(self.text, b"=").is_empty();
        let mut choices = Vec::new();
        for (offset, piece) in self.pieces(0, b"=~") {
            let line = self.line_of_piece(offset, piece);
            let (marker, rest) = marker(piece);
            let (weight, rest) = weight(rest, line)?;
            let default = if marker == Some('=') { 1.0 } else { 0.0 };
            let (text, feedback) = self.comment(rest);
            choices.push(Weighted {
                text,
                credit: weight.unwrap_or(default),
                feedback,
                line,
            });
        }
        Ok(Answers::Choices {
            one_answer,
            choices,
        })
    }

    /// `=a =%50%b#feedback`: short answer; a bare `{answer}` is one full-credit answer.
    fn short(&self) -> Result<Answers, Skipped> {
        let mut answers = Vec::new();
        for (offset, piece) in self.pieces(0, b"=") {
            let line = self.line_of_piece(offset, piece);
            let (_, rest) = marker(piece);
            let (weight, rest) = weight(rest, line)?;
            let (text, feedback) = self.comment(rest);
            answers.push(Weighted {
                text,
                credit: weight.unwrap_or(1.0),
                feedback,
                line,
            });
        }
        Ok(Answers::Short { answers })
    }

    /// `=left -> right` pairs; `= -> x` is a distractor.
    fn matching(&self) -> Result<Answers, Skipped> {
        let mut pairs = Vec::new();
        for (offset, piece) in self.pieces(0, b"=") {
            let line = self.line_of_piece(offset, piece);
            let (_, rest) = marker(piece);
            let Some(arrow) = find_unescaped(rest, 0, "->") else {
                return Err(Skipped::new(
                    line,
                    format!(
                        "a matching answer needs 'left -> right': '={}'",
                        rest.trim()
                    ),
                ));
            };
            pairs.push(Pair {
                left: self.clean(&rest[..arrow]),
                right: self.clean(&rest[arrow + 2..]),
                line,
            });
        }
        Ok(Answers::Match { pairs })
    }

    /// `T`, `TRUE`, `F`, `FALSE` (any case), then `#wrong feedback#right feedback`.
    fn true_false(&self, trimmed: &str) -> Option<Answers> {
        let parts = split_unescaped(trimmed, b'#');
        let answer = match parts[0].trim().to_ascii_uppercase().as_str() {
            "T" | "TRUE" => true,
            "F" | "FALSE" => false,
            _ => return None,
        };
        let feedback = |i: usize| {
            // Moodle splits in three at most: a third `#` stays in the right feedback.
            let raw = if i == 2 && parts.len() > 3 {
                parts[2..].join("#")
            } else {
                parts.get(i)?.to_string()
            };
            Some(self.clean(&raw)).filter(|f| !f.is_empty())
        };
        Some(Answers::TrueFalse {
            answer,
            wrong_feedback: feedback(1),
            right_feedback: feedback(2),
        })
    }

    /// `{#=a:t =%50%min..max#feedback ~#other}`.
    fn numerical(&self, from: usize) -> Result<Answers, Skipped> {
        let tilde = find_unescaped(self.text, from, "~");
        let answers_end = tilde.unwrap_or(self.text.len());
        let other_feedback = tilde.and_then(|t| self.comment(&self.text[t + 1..]).1);
        let mut answers = Vec::new();
        for (offset, piece) in self.pieces(from, b"=") {
            if offset >= answers_end {
                break;
            }
            let piece = &piece[..piece.len().min(answers_end - offset)];
            let line = self.line_of_piece(offset, piece);
            let (_, rest) = marker(piece);
            let (weight, rest) = weight(rest, line)?;
            let (value, feedback) = self.comment(rest);
            answers.push(Numeric {
                value: number_value(&value, line)?,
                credit: weight.unwrap_or(1.0),
                feedback,
                line,
            });
        }
        if answers.is_empty() {
            let line = (self.line_at)(from);
            return Err(Skipped::new(
                line,
                "a numerical question needs a number after '#': {#answer}, {#answer:tolerance} or {#min..max}",
            ));
        }
        Ok(Answers::Numerical {
            answers,
            other_feedback,
        })
    }

    /// An answer and its `#feedback` (split at the first `#`), both cleaned.
    fn comment(&self, raw: &str) -> (String, Option<String>) {
        match find_unescaped(raw, 0, "#") {
            Some(h) => {
                let feedback = self.clean(&raw[h + 1..]);
                (
                    self.clean(&raw[..h]),
                    Some(feedback).filter(|f| !f.is_empty()),
                )
            }
            None => (self.clean(raw), None),
        }
    }
}

/// The `=` or `~` a piece starts with, and the rest.
fn marker(piece: &str) -> (Option<char>, &str) {
    let trimmed = piece.trim_start();
    match trimmed.chars().next() {
        Some(c @ ('=' | '~')) => (Some(c), &trimmed[1..]),
        _ => (None, trimmed),
    }
}

/// A leading `%weight%` (percent, -100 to 100) as a fraction, and the rest.
fn weight(raw: &str, line: usize) -> Result<(Option<f64>, &str), Skipped> {
    let trimmed = raw.trim_start();
    let Some(rest) = trimmed.strip_prefix('%') else {
        return Ok((None, raw));
    };
    let (value, after) = rest.split_once('%').unwrap_or((rest, ""));
    let weight = fraction_of_percent(value).filter(|w| (-1.0..=1.0).contains(w));
    match weight {
        Some(w) => Ok((Some(w), after)),
        None => Err(Skipped::new(
            line,
            format!("bad weight '%{value}%'; use a percentage from -100 to 100 like %50%"),
        )),
    }
}

/// `a`, `a:tolerance`, `min..max` or `*`.
fn number_value(text: &str, line: usize) -> Result<Value, Skipped> {
    let num = |s: &str| s.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    let value = text.trim();
    let parsed = if value == "*" {
        Some(Value::Any)
    } else if let Some((lo, hi)) = value.split_once("..").filter(|(lo, _)| !lo.is_empty()) {
        num(lo).zip(num(hi)).map(|(lo, hi)| Value::Near {
            answer: (lo + hi) / 2.0,
            tolerance: (hi - lo).abs() / 2.0,
        })
    } else if let Some((a, t)) = value.split_once(':').filter(|(a, _)| !a.is_empty()) {
        num(a).zip(num(t)).map(|(answer, t)| Value::Near {
            answer,
            tolerance: t.abs(),
        })
    } else {
        num(value).map(|answer| Value::Near {
            answer,
            tolerance: 0.0,
        })
    };
    parsed.ok_or_else(|| {
        Skipped::new(
            line,
            format!(
                "bad number '{value}'; write {{#answer}}, {{#answer:tolerance}} or {{#min..max}}"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Answers, Skipped> {
        let line_at = |offset: usize| 1 + text[..offset].matches('\n').count();
        Body {
            text,
            line_at: &line_at,
            format: Format::Moodle,
        }
        .parse()
    }

    fn w(text: &str, percent: f64, feedback: Option<&str>, line: usize) -> Weighted {
        Weighted {
            text: text.into(),
            credit: percent / 100.0,
            feedback: feedback.map(Into::into),
            line,
        }
    }

    #[test]
    fn choices_with_weights_and_feedback() {
        let got = parse("~Jerusalem ~%25%Bethlehem#close\n~%50%Galilee =Nazareth").unwrap();
        assert_eq!(
            got,
            Answers::Choices {
                one_answer: true,
                choices: vec![
                    w("Jerusalem", 0.0, None, 1),
                    w("Bethlehem", 25.0, Some("close"), 1),
                    w("Galilee", 50.0, None, 2),
                    w("Nazareth", 100.0, None, 2),
                ]
            }
        );
        let Answers::Choices { one_answer, .. } = parse("~%50%2 ~%50%3 ~%-100%4").unwrap() else {
            panic!()
        };
        assert!(!one_answer);
    }

    #[test]
    fn short_answers_bare_weighted_and_catch_all() {
        assert_eq!(
            parse("One").unwrap(),
            Answers::Short {
                answers: vec![w("One", 100.0, None, 1)]
            }
        );
        assert_eq!(
            parse("=%100%Crete =%0%Greece#we want the island =%0%*#No").unwrap(),
            Answers::Short {
                answers: vec![
                    w("Crete", 100.0, None, 1),
                    w("Greece", 0.0, Some("we want the island"), 1),
                    w("*", 0.0, Some("No"), 1),
                ]
            }
        );
    }

    #[test]
    fn true_false_feedback_wrong_then_right() {
        assert_eq!(
            parse("F#wrong#right").unwrap(),
            Answers::TrueFalse {
                answer: false,
                wrong_feedback: Some("wrong".into()),
                right_feedback: Some("right".into())
            }
        );
        assert!(matches!(
            parse("TRUE").unwrap(),
            Answers::TrueFalse { answer: true, .. }
        ));
    }

    #[test]
    fn numerical_several_answers_ranges_and_other_feedback() {
        let Answers::Numerical {
            answers,
            other_feedback,
        } = parse("#\n=%100%9#yes\n=%0%5:1#GRASP\n=3..5\n~#no").unwrap()
        else {
            panic!()
        };
        assert_eq!(other_feedback.as_deref(), Some("no"));
        let values: Vec<_> = answers
            .iter()
            .map(|a| (a.value, a.credit, a.line))
            .collect();
        assert_eq!(
            values,
            [
                (
                    Value::Near {
                        answer: 9.0,
                        tolerance: 0.0
                    },
                    1.0,
                    2
                ),
                (
                    Value::Near {
                        answer: 5.0,
                        tolerance: 1.0
                    },
                    0.0,
                    3
                ),
                (
                    Value::Near {
                        answer: 4.0,
                        tolerance: 1.0
                    },
                    1.0,
                    4
                ),
            ]
        );
        let Answers::Numerical { answers, .. } = parse("#=-7 =4").unwrap() else {
            panic!()
        };
        assert_eq!(answers.len(), 2);
        assert_eq!(parse("#5").unwrap(), parse("#=5").unwrap());
        assert!(
            parse("#lots")
                .unwrap_err()
                .reason
                .starts_with("bad number 'lots'")
        );
    }

    #[test]
    fn matching_with_distractor_and_shared_right_side() {
        let Answers::Match { pairs } = parse("=a -> x\n=b -> x\n= -> Chat").unwrap() else {
            panic!()
        };
        let got: Vec<_> = pairs
            .iter()
            .map(|p| (p.left.as_str(), p.right.as_str()))
            .collect();
        assert_eq!(got, [("a", "x"), ("b", "x"), ("", "Chat")]);
    }

    #[test]
    fn escapes_keep_specials_in_answers() {
        assert_eq!(
            parse(r"=a \= b\#c#fb\~ ~d").unwrap(),
            Answers::Choices {
                one_answer: true,
                choices: vec![w("a = b#c", 100.0, Some("fb~"), 1), w("d", 0.0, None, 1)]
            }
        );
    }

    #[test]
    fn bad_weight_names_its_line() {
        let err = parse("~%50%a\n~%abc%b").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(
            err.reason,
            "bad weight '%abc%'; use a percentage from -100 to 100 like %50%"
        );
    }
}
