//! Embedded answers in a question text: Moodle's `{1:SHORTANSWER:=Paris#Yes~*#No}` (cloze)
//! and `[[1]]` (gapselect, ddwtos), following `qtype_multianswer_extract_question`.

/// The kind of an embedded sub-question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubKind {
    /// `SHORTANSWER`/`SA`/`MW`, `_C`/`SAC`/`MWC` when case counts.
    ShortAnswer { case_sensitive: bool },
    /// `MULTICHOICE`/`MC` and its vertical, horizontal and shuffled forms.
    MultiChoice,
    /// `MULTIRESPONSE`/`MR` and its forms: several right choices.
    MultiResponse,
    /// `NUMERICAL`/`NM`.
    Numerical,
}

/// One alternative inside a marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// 1 for `=`, `n/100` for `%n%`, 0 otherwise.
    pub fraction: f64,
    /// Whether the fraction was written as `%n%` with n other than `0`: PHP reads the text
    /// `0` as false, so Moodle takes `%0%` for no fraction at all.
    pub explicit: bool,
    /// The answer, unescaped (still HTML for choices).
    pub text: String,
    /// The feedback after `#`, unescaped (HTML).
    pub feedback: String,
    /// For numerical answers `answer:tolerance`, the tolerance.
    pub tolerance: f64,
}

/// One `{weight:TYPE:alternatives}` marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Byte range of the whole marker in the text.
    pub range: std::ops::Range<usize>,
    /// The weight (`{2:…`); 1 when not written.
    pub weight: f64,
    /// What kind of answer the gap takes.
    pub kind: SubKind,
    /// The alternatives in written order.
    pub alternatives: Vec<Alternative>,
}

/// Every well-formed marker in `text`, in order; text that only looks like one stays text.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        match marker_at(text, open) {
            Some(marker) => {
                from = marker.range.end;
                found.push(marker);
            }
            None => from = open + 1,
        }
    }
    found
}

fn marker_at(text: &str, open: usize) -> Option<Marker> {
    let rest = &text[open + 1..];
    let colon = rest.find(':')?;
    let weight_text = &rest[..colon];
    if !weight_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after_weight = &rest[colon + 1..];
    let type_end = after_weight.find(':')?;
    let kind = sub_kind(&after_weight[..type_end])?;
    let body_start = open + 1 + colon + 1 + type_end + 1;
    let (alternatives, end) = alternatives(text, body_start, kind)?;
    let weight = if weight_text.is_empty() {
        1.0
    } else {
        weight_text.parse().ok()?
    };
    Some(Marker {
        range: open..end,
        weight,
        kind,
        alternatives,
    })
}

fn sub_kind(name: &str) -> Option<SubKind> {
    Some(match name {
        "SHORTANSWER" | "SA" | "MW" => SubKind::ShortAnswer {
            case_sensitive: false,
        },
        "SHORTANSWER_C" | "SAC" | "MWC" => SubKind::ShortAnswer {
            case_sensitive: true,
        },
        "MULTICHOICE" | "MC" | "MULTICHOICE_V" | "MCV" | "MULTICHOICE_H" | "MCH"
        | "MULTICHOICE_S" | "MCS" | "MULTICHOICE_VS" | "MCVS" | "MULTICHOICE_HS" | "MCHS" => {
            SubKind::MultiChoice
        }
        "MULTIRESPONSE" | "MR" | "MULTIRESPONSE_H" | "MRH" | "MULTIRESPONSE_S" | "MRS"
        | "MULTIRESPONSE_HS" | "MRHS" => SubKind::MultiResponse,
        "NUMERICAL" | "NM" => SubKind::Numerical,
        _ => return None,
    })
}

/// The alternatives from `start` to the closing `}`; `None` when there is no closing brace.
fn alternatives(text: &str, start: usize, kind: SubKind) -> Option<(Vec<Alternative>, usize)> {
    let mut list = Vec::new();
    let mut at = start;
    loop {
        let (fraction, explicit, answer_start) = fraction_at(text, at);
        let answer_end = answer_end(text, answer_start)?;
        let answer = &text[answer_start..answer_end];
        let (feedback, next) = if text[answer_end..].starts_with('#') {
            let end = feedback_end(text, answer_end + 1)?;
            (&text[answer_end + 1..end], end)
        } else {
            ("", answer_end)
        };
        list.push(alternative(fraction, explicit, answer, feedback, kind));
        match text[next..].chars().next() {
            Some('~') => at = next + 1,
            Some('}') => return Some((list, next + 1)),
            _ => return None,
        }
    }
}

/// `=` or `%n%` (n may have a `.` or `,` decimal part) at `at`.
fn fraction_at(text: &str, at: usize) -> (f64, bool, usize) {
    let rest = &text[at..];
    if rest.starts_with('=') {
        return (1.0, false, at + 1);
    }
    if let Some(inner) = rest.strip_prefix('%')
        && let Some(end) = inner.find('%')
    {
        let number = &inner[..end];
        let digits = number.strip_prefix('-').unwrap_or(number);
        let (whole, decimals) = digits.split_once(['.', ',']).unwrap_or((digits, ""));
        let well_formed = !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && decimals.bytes().all(|b| b.is_ascii_digit());
        if let (true, Ok(value)) = (well_formed, number.replace(',', ".").parse::<f64>()) {
            return (value / 100.0, number != "0", at + 1 + end + 1);
        }
    }
    (0.0, false, at)
}

/// End of an answer: the first `~`, `#` or `}` after at least one character that is not
/// escaped by `\` and (for `#`) not part of an entity after `&` or `&amp;`.
fn answer_end(text: &str, start: usize) -> Option<usize> {
    let mut chars = text[start..].char_indices();
    chars.next()?;
    for (offset, c) in chars {
        let at = start + offset;
        if matches!(c, '~' | '#' | '}') && !escaped(text, at) {
            let before = &text[..at];
            if !(before.ends_with('&') || before.ends_with("&amp;")) {
                return Some(at);
            }
        }
    }
    None
}

/// End of a feedback: the first `~` or `}` not escaped by `\`.
fn feedback_end(text: &str, start: usize) -> Option<usize> {
    text[start..]
        .char_indices()
        .map(|(offset, c)| (start + offset, c))
        .find(|&(at, c)| matches!(c, '~' | '}') && !escaped(text, at))
        .map(|(at, _)| at)
}

fn escaped(text: &str, at: usize) -> bool {
    text[..at].ends_with('\\')
}

fn alternative(
    fraction: f64,
    explicit: bool,
    answer: &str,
    feedback: &str,
    kind: SubKind,
) -> Alternative {
    let (text, tolerance) = match kind {
        SubKind::Numerical => numerical(answer).unwrap_or_else(|| (answer.to_string(), 0.0)),
        _ => (unescape(answer), 0.0),
    };
    Alternative {
        fraction,
        explicit,
        text,
        feedback: unescape(feedback),
        tolerance,
    }
}

/// `answer:tolerance` as Moodle's NUMERICAL_ALTERNATIVE_REGEX reads it.
fn numerical(answer: &str) -> Option<(String, f64)> {
    let (value, tolerance) = answer.split_once(':').unwrap_or((answer, ""));
    let value = value.trim().replace(',', ".");
    value.parse::<f64>().ok()?;
    let tolerance = if tolerance.is_empty() {
        0.0
    } else {
        tolerance
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()?
            .abs()
    };
    Some((value, tolerance))
}

/// Moodle's checks of `qtype_multianswer_validate_question`: gaps exist, choice gaps have two
/// choices, one answer is worth 100% (except multiple response), numbers are numbers.
pub fn validate(markers: &[Marker]) -> Result<(), String> {
    if markers.is_empty() {
        return Err("there is no gap like {1:SHORTANSWER:=answer} in the text".to_string());
    }
    for (index, marker) in markers.iter().enumerate() {
        let gap = index + 1;
        let answers = &marker.alternatives;
        if matches!(marker.kind, SubKind::MultiChoice | SubKind::MultiResponse) && answers.len() < 2
        {
            return Err(format!("gap {gap} needs at least two choices"));
        }
        if marker.kind == SubKind::Numerical
            && let Some(bad) = answers
                .iter()
                .find(|a| a.text != "*" && a.text.parse::<f64>().is_err())
        {
            return Err(format!("gap {gap}: \"{}\" is not a number", bad.text));
        }
        let best = answers.iter().map(|a| a.fraction).fold(f64::MIN, f64::max);
        if marker.kind != SubKind::MultiResponse && (best - 1.0).abs() > 1e-7 {
            return Err(format!("gap {gap}: no answer is worth 100%"));
        }
    }
    Ok(())
}

/// `\}`, `\#`, `\~` and `\\` written as the character itself.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next @ ('}' | '#' | '~' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The `[[n]]` places of a gapselect or ddwtos text: byte range and choice number.
pub fn choice_places(text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut places = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("[[").map(|i| from + i) {
        let digits_end = text[open + 2..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(text.len(), |i| open + 2 + i);
        let number = text[open + 2..digits_end].parse::<usize>();
        match number {
            Ok(n) if text[digits_end..].starts_with("]]") => {
                places.push((open..digits_end + 2, n));
                from = digits_end + 2;
            }
            _ => from = open + 2,
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(text: &str) -> Marker {
        let mut found = markers(text);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn reads_weights_fractions_and_feedback() {
        let m = only("Capital: {2:SA:%100%Paris#Yes!~%50%Marseille#Close~*#No}.");
        assert_eq!(m.weight, 2.0);
        assert_eq!(
            m.kind,
            SubKind::ShortAnswer {
                case_sensitive: false
            }
        );
        let texts: Vec<(&str, f64, &str)> = m
            .alternatives
            .iter()
            .map(|a| (a.text.as_str(), a.fraction, a.feedback.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Paris", 1.0, "Yes!"),
                ("Marseille", 0.5, "Close"),
                ("*", 0.0, "No")
            ]
        );
        assert_eq!(
            &"Capital: {2:SA:%100%Paris#Yes!~%50%Marseille#Close~*#No}."[m.range],
            "{2:SA:%100%Paris#Yes!~%50%Marseille#Close~*#No}"
        );
    }

    #[test]
    fn reads_every_type_name() {
        for (name, kind) in [
            (
                "MW",
                SubKind::ShortAnswer {
                    case_sensitive: false,
                },
            ),
            (
                "MWC",
                SubKind::ShortAnswer {
                    case_sensitive: true,
                },
            ),
            (
                "SHORTANSWER_C",
                SubKind::ShortAnswer {
                    case_sensitive: true,
                },
            ),
            ("MCV", SubKind::MultiChoice),
            ("MULTICHOICE_HS", SubKind::MultiChoice),
            ("MRS", SubKind::MultiResponse),
            ("NM", SubKind::Numerical),
        ] {
            assert_eq!(only(&format!("{{1:{name}:=a~b}}")).kind, kind, "{name}");
        }
        assert!(markers("{1:REGEXP:=a} {1:MULTICHOICE} {x:SA:=a} {1:SA:=open").is_empty());
    }

    #[test]
    fn numerical_tolerances_and_decimal_commas() {
        let m = only("{1:NM:=5:0.1#ok~%50%5:1,5~*#no}");
        let values: Vec<(&str, f64, f64)> = m
            .alternatives
            .iter()
            .map(|a| (a.text.as_str(), a.tolerance, a.fraction))
            .collect();
        assert_eq!(values, [("5", 0.1, 1.0), ("5", 1.5, 0.5), ("*", 0.0, 0.0)]);
        assert!((only("{1:NM:%33,3%2}").alternatives[0].fraction - 0.333).abs() < 1e-12);
    }

    #[test]
    fn escapes_and_entities_do_not_end_an_answer() {
        let m = only(r"{1:SA:=a\}b\#c\~d#fb \} x~&#35;1~x&amp;#35;}");
        let texts: Vec<&str> = m.alternatives.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["a}b#c~d", "&#35;1", "x&amp;#35;"]);
        assert_eq!(m.alternatives[0].feedback, "fb } x");
    }

    #[test]
    fn validates_as_moodle_does() {
        let check = |text: &str| validate(&markers(text)).err().unwrap_or_default();
        assert_eq!(check("{1:SA:=a} {1:MC:=a~b}"), "");
        assert_eq!(
            check("{1:MULTICHOICE}"),
            "there is no gap like {1:SHORTANSWER:=answer} in the text"
        );
        assert_eq!(
            check("{1:SA:=a} {1:MC:=a}"),
            "gap 2 needs at least two choices"
        );
        assert_eq!(check("{1:MC:a~%50%b}"), "gap 1: no answer is worth 100%");
        assert_eq!(
            check("{3:NUMERICAL:=zero}"),
            "gap 1: \"zero\" is not a number"
        );
        assert_eq!(check("{1:MR:%50%a~%50%b~c}"), "");
    }

    #[test]
    fn finds_choice_places() {
        let places = choice_places("The [[1]] [[2]] on [x] [[a]] the [[13]].");
        let numbers: Vec<usize> = places.iter().map(|p| p.1).collect();
        assert_eq!(numbers, [1, 2, 13]);
    }
}
