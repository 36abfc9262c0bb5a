//! GIFT (Moodle) import: blank-line separated questions with `{…}` answer blocks.

use super::common::{Draft, Parsed, Skipped, line_of};
use crate::bank::id::slug;
use crate::bank::{Kind, Question};

/// Format prefixes Moodle allows before a question text; stripped.
const FORMATS: [&str; 4] = ["[html]", "[markdown]", "[plain]", "[moodle]"];

/// Reads GIFT text; each question becomes a draft or a note saying why it was skipped.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    let mut category: Option<String> = None;
    for block in blocks(text) {
        let Some(block) = take_category(block, &mut category) else {
            continue;
        };
        match parse_block(&block, category.as_deref()) {
            Ok(draft) => parsed.drafts.push(draft),
            Err(note) => parsed.skipped.push(note),
        }
    }
    parsed
}

/// Lines between blank lines; comment lines are kept empty so line numbers stay right.
#[derive(Debug)]
struct Block {
    line: usize,
    text: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (index, line) in text.lines().enumerate() {
        let is_comment = line.trim_start().starts_with("//");
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        let line = if is_comment { "" } else { line };
        match &mut current {
            Some(block) => {
                block.text.push('\n');
                block.text.push_str(line);
            }
            None if is_comment => {}
            None => {
                current = Some(Block {
                    line: index + 1,
                    text: line.to_string(),
                })
            }
        }
    }
    out.extend(current);
    out
}

/// Handles a leading `$CATEGORY:` line; returns what is left of the block, if anything.
fn take_category(block: Block, category: &mut Option<String>) -> Option<Block> {
    let Some(rest) = block.text.trim_start().strip_prefix("$CATEGORY:") else {
        return Some(block);
    };
    let (first, others) = rest.split_once('\n').unwrap_or((rest, ""));
    let last = first
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    *category = Some(slug(last, 40)).filter(|s| !s.is_empty());
    let others = others.trim_start_matches('\n');
    if others.trim().is_empty() {
        return None;
    }
    let skipped_lines = block.text.len() - others.len();
    let line = block.line + line_of(&block.text, skipped_lines) - 1;
    Some(Block {
        line,
        text: others.to_string(),
    })
}

fn parse_block(block: &Block, category: Option<&str>) -> Result<Draft, Skipped> {
    let text = block.text.as_str();
    let line_at = |offset: usize| block.line + line_of(text, offset) - 1;
    let (title, start) = split_title(text).ok_or_else(|| {
        Skipped::new(block.line, "the title '::' is not closed; end it with '::'")
    })?;
    let Some(open) = find_unescaped(text, start, "{") else {
        return Err(Skipped::new(
            block.line,
            "a description without {…} answers has nothing to ask",
        ));
    };
    let close = find_unescaped(text, open + 1, "}").ok_or_else(|| {
        Skipped::new(
            line_at(open),
            "'{' is not closed; add '}' after the answers",
        )
    })?;
    if let Some(second) = find_unescaped(text, close + 1, "{") {
        return Err(Skipped::new(
            line_at(second),
            "a second {…} answer block; GIFT allows one per question",
        ));
    }
    let prompt = prompt_text(&text[start..open], &text[close + 1..]);
    let body = Body {
        text: &text[open + 1..close],
        base: open + 1,
        line_at: &line_at,
        line: block.line,
    };
    let (kind, feedback) = body.kind()?;
    let mut question = Question::new("", prompt, kind);
    question.explanation = feedback.filter(|f| !f.is_empty());
    question.tags.extend(category.map(str::to_string));
    Ok(Draft {
        line: block.line,
        id_hint: title,
        question,
    })
}

/// The `::title::` at the start, if any, and where the question text starts.
fn split_title(text: &str) -> Option<(Option<String>, usize)> {
    let lead = text.len() - text.trim_start().len();
    if !text[lead..].starts_with("::") {
        return Some((None, lead));
    }
    let end = find_unescaped(text, lead + 2, "::")?;
    let title = unescape(&text[lead + 2..end]).trim().to_string();
    Some((Some(title).filter(|t| !t.is_empty()), end + 2))
}

/// The question text around the answer block; text after the block makes a `_____` gap.
fn prompt_text(before: &str, after: &str) -> String {
    let before = strip_format(before.trim_start());
    if after.trim().is_empty() {
        return unescape(before).trim().to_string();
    }
    format!(
        "{}_____{}",
        unescape(before).trim_start(),
        unescape(after).trim_end()
    )
}

fn strip_format(text: &str) -> &str {
    FORMATS
        .iter()
        .find_map(|f| text.strip_prefix(f))
        .map_or(text, str::trim_start)
}

/// The inside of a `{…}` block and how to turn its offsets into line numbers.
struct Body<'a> {
    text: &'a str,
    base: usize,
    line_at: &'a dyn Fn(usize) -> usize,
    line: usize,
}

/// One `=`/`~` answer of a block.
struct Choice<'a> {
    right: bool,
    weight: Option<f64>,
    text: &'a str,
    feedback: Option<String>,
    line: usize,
}

impl Body<'_> {
    /// The question kind and the explanation (general feedback, else the right answer's feedback).
    fn kind(&self) -> Result<(Kind, Option<String>), Skipped> {
        let (answers, general) = match find_unescaped(self.text, 0, "####") {
            Some(g) => (
                &self.text[..g],
                Some(unescape(&self.text[g + 4..]).trim().to_string()),
            ),
            None => (self.text, None),
        };
        let trimmed = answers.trim();
        let (kind, feedback) = if trimmed.is_empty() {
            return Err(Skipped::new(
                self.line,
                "essay questions have no answer to grade",
            ));
        } else if let Some(number) = trimmed.strip_prefix('#') {
            (self.number(number)?, None)
        } else if let Some(result) = true_false(trimmed) {
            result
        } else {
            self.choices(answers)?
        };
        Ok((kind, general.or(feedback)))
    }

    fn number(&self, text: &str) -> Result<Kind, Skipped> {
        let first = text.trim_start().strip_prefix('=').unwrap_or(text);
        let end = [find_unescaped(first, 0, "="), find_unescaped(first, 0, "~")]
            .into_iter()
            .flatten()
            .min();
        let first = &first[..end.unwrap_or(first.len())];
        let first = first.trim_start();
        let first = match first.strip_prefix('%') {
            Some(rest) => rest.split_once('%').map_or(rest, |(_, r)| r),
            None => first,
        };
        let value = first.split('#').next().unwrap_or("").trim();
        parse_number(value).ok_or_else(|| {
            let message = format!(
                "bad number '{value}'; write {{#answer}}, {{#answer:tolerance}} or {{#min..max}}"
            );
            Skipped::new((self.line_at)(self.base), message)
        })
    }

    fn choices(&self, answers: &str) -> Result<(Kind, Option<String>), Skipped> {
        let choices = self.split_choices(answers)?;
        let feedback = choices
            .iter()
            .find(|c| c.right)
            .and_then(|c| c.feedback.clone());
        let has_wrong_marker = answers_have_tilde(answers);
        if !has_wrong_marker {
            return Ok((self.all_right(&choices)?, feedback));
        }
        // A penalty only makes sense when several picks are allowed: a one-answer multi.
        let penalties = choices.iter().any(|c| c.weight.is_some_and(|w| w < 0.0));
        let (right, wrong): (Vec<_>, Vec<_>) = choices.iter().partition(|c| c.right);
        let text = |c: &&Choice| unescape(c.text).trim().to_string();
        let answers: Vec<String> = right.iter().map(text).collect();
        let wrong: Vec<String> = wrong.iter().map(text).collect();
        let kind = match answers.len() {
            0 => {
                let message = "no right answer; mark one with '=' or give it a positive %weight%";
                return Err(Skipped::new((self.line_at)(self.base), message));
            }
            1 if !penalties => Kind::Single {
                answer: answers.into_iter().next().unwrap_or_default(),
                wrong,
            },
            _ => Kind::Multi { answers, wrong },
        };
        Ok((kind, feedback))
    }

    /// Only `=` answers: matching pairs when they use `->`, else accepted text answers.
    fn all_right(&self, choices: &[Choice]) -> Result<Kind, Skipped> {
        let arrows = choices
            .iter()
            .filter(|c| find_unescaped(c.text, 0, "->").is_some())
            .count();
        if arrows == 0 {
            let mut texts = choices.iter().map(|c| unescape(c.text).trim().to_string());
            let answer = texts.next().unwrap_or_default();
            return Ok(Kind::Text {
                answer,
                accept: texts.collect(),
            });
        }
        if let Some(plain) = choices
            .iter()
            .find(|c| find_unescaped(c.text, 0, "->").is_none())
        {
            return Err(Skipped::new(
                plain.line,
                "a matching question needs 'left -> right' in every answer",
            ));
        }
        let pairs = choices.iter().map(|c| {
            let arrow = find_unescaped(c.text, 0, "->").unwrap_or(0);
            let side = |s: &str| unescape(s).trim().to_string();
            (side(&c.text[..arrow]), side(&c.text[arrow + 2..]))
        });
        Ok(Kind::Match {
            pairs: pairs.collect(),
        })
    }

    /// Splits `=a#fb ~%50%b` into choices, checking weights.
    fn split_choices<'t>(&self, answers: &'t str) -> Result<Vec<Choice<'t>>, Skipped> {
        let marks = markers(answers);
        let lead = &answers[..marks.first().copied().unwrap_or(answers.len())];
        if !lead.trim().is_empty() {
            let at = answers.len() - answers.trim_start().len();
            let message = "text before the first answer; start each answer with '=' or '~'";
            return Err(Skipped::new((self.line_at)(self.base + at), message));
        }
        let ends = marks.iter().skip(1).copied().chain([answers.len()]);
        marks
            .iter()
            .zip(ends)
            .map(|(&start, end)| self.choice(answers, start, end))
            .collect()
    }

    fn choice<'t>(
        &self,
        answers: &'t str,
        start: usize,
        end: usize,
    ) -> Result<Choice<'t>, Skipped> {
        let line = (self.line_at)(self.base + start);
        let is_equal = answers.as_bytes()[start] == b'=';
        let mut content = answers[start + 1..end].trim_start();
        let mut weight = None;
        if let Some(rest) = content.strip_prefix('%') {
            let (value, after) = rest.split_once('%').unwrap_or((rest, ""));
            weight = Some(parse_weight(value).ok_or_else(|| {
                Skipped::new(
                    line,
                    format!("bad weight '%{value}%'; use a percentage from -100 to 100 like %50%"),
                )
            })?);
            content = after;
        }
        let (text, feedback) = match find_unescaped(content, 0, "#") {
            Some(h) => (
                &content[..h],
                Some(unescape(&content[h + 1..]).trim().to_string()),
            ),
            None => (content, None),
        };
        let right = weight.map_or(is_equal, |w| w > 0.0);
        Ok(Choice {
            right,
            weight,
            text,
            feedback,
            line,
        })
    }
}

fn parse_weight(value: &str) -> Option<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|w| (-100.0..=100.0).contains(w))
}

fn answers_have_tilde(answers: &str) -> bool {
    markers(answers)
        .iter()
        .any(|&m| answers.as_bytes()[m] == b'~')
}

/// Byte offsets of the unescaped `=` and `~` that start answers (not the `=` of a `->`-less text).
fn markers(answers: &str) -> Vec<usize> {
    let bytes = answers.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'=' | b'~' => out.push(i),
            _ => {}
        }
        i += 1;
    }
    out
}

/// `{T}`, `{FALSE#wrong feedback#right feedback}` and the like.
fn true_false(body: &str) -> Option<(Kind, Option<String>)> {
    let mut parts = split_unescaped(body, '#');
    let head = parts.next()?.trim().to_ascii_uppercase();
    let answer = match head.as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let right_feedback = parts.nth(1).map(|f| unescape(f).trim().to_string());
    Some((Kind::TrueFalse { answer }, right_feedback))
}

fn parse_number(value: &str) -> Option<Kind> {
    let num = |s: &str| s.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    let (answer, tolerance) = if let Some((a, t)) = value.split_once(':') {
        (num(a)?, num(t)?)
    } else if let Some((lo, hi)) = value.split_once("..") {
        let (lo, hi) = (num(lo)?, num(hi)?);
        ((lo + hi) / 2.0, (hi - lo).abs() / 2.0)
    } else {
        (num(value)?, 0.0)
    };
    Some(Kind::Number { answer, tolerance })
}

/// Byte offset of the first `pattern` at or after `from` that is not escaped by `\`.
pub(crate) fn find_unescaped(text: &str, from: usize, pattern: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(pattern.as_bytes()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn split_unescaped(text: &str, separator: char) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let mut buf = [0; 4];
        match find_unescaped(current, 0, separator.encode_utf8(&mut buf)) {
            Some(at) => {
                rest = Some(&current[at + 1..]);
                Some(&current[..at])
            }
            None => rest.take(),
        }
    })
}

/// Resolves GIFT escapes: `\~ \= \# \{ \} \: \\` and `\n` for a newline.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(n) if "~=#{}:\\".contains(n) => out.push(n),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Question {
        let imported = parse(text).finish("t", || {});
        assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
        imported.bank.questions.into_iter().next().unwrap()
    }

    fn skipped(text: &str) -> Skipped {
        let imported = parse(text).finish("t", || {});
        assert!(imported.bank.questions.is_empty(), "{:?}", imported.bank);
        imported.skipped.into_iter().next().unwrap()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn single_choice_with_title_and_feedback() {
        let q = one("::capital-fr::Capital of France? {=Paris#Right! ~Lyon ~Nice}");
        assert_eq!(q.id, "capital-fr");
        assert_eq!(q.prompt, "Capital of France?");
        assert_eq!(
            q.kind,
            Kind::Single {
                answer: "Paris".into(),
                wrong: strings(&["Lyon", "Nice"])
            }
        );
        assert_eq!(q.explanation.as_deref(), Some("Right!"));
    }

    #[test]
    fn multi_choice_by_weights() {
        let q = one("Primes? {~%50%2 ~%50%3 ~%-100%4}");
        assert_eq!(
            q.kind,
            Kind::Multi {
                answers: strings(&["2", "3"]),
                wrong: strings(&["4"])
            }
        );
    }

    #[test]
    fn true_false_forms() {
        for (body, answer) in [("T", true), ("TRUE", true), ("F", false), ("false", false)] {
            assert_eq!(
                one(&format!("Sky is green? {{{body}}}")).kind,
                Kind::TrueFalse { answer }
            );
        }
        let q = one("Water is wet {TRUE#no#yes indeed}");
        assert_eq!(q.explanation.as_deref(), Some("yes indeed"));
    }

    #[test]
    fn text_with_variants() {
        let q = one("Who wrote Hamlet? {=Shakespeare =William Shakespeare}");
        assert_eq!(
            q.kind,
            Kind::Text {
                answer: "Shakespeare".into(),
                accept: strings(&["William Shakespeare"])
            }
        );
    }

    #[test]
    fn numbers_exact_tolerance_and_range() {
        assert_eq!(
            one("Year? {#1929}").kind,
            Kind::Number {
                answer: 1929.0,
                tolerance: 0.0
            }
        );
        assert_eq!(
            one("Half? {#2.5:0.01}").kind,
            Kind::Number {
                answer: 2.5,
                tolerance: 0.01
            }
        );
        assert_eq!(
            one("Five-ish? {#4..6}").kind,
            Kind::Number {
                answer: 5.0,
                tolerance: 1.0
            }
        );
        assert_eq!(
            one("Two? {#=2:0 =%50%3:0}").kind,
            Kind::Number {
                answer: 2.0,
                tolerance: 0.0
            }
        );
    }

    #[test]
    fn matching_pairs() {
        let q = one("Match {=cat -> meow =dog -> woof}");
        assert_eq!(
            q.kind,
            Kind::Match {
                pairs: vec![("cat".into(), "meow".into()), ("dog".into(), "woof".into())]
            }
        );
    }

    #[test]
    fn general_feedback_wins() {
        let q = one("Q {=a#fa ~b####Because.}");
        assert_eq!(q.explanation.as_deref(), Some("Because."));
    }

    #[test]
    fn gap_in_the_middle() {
        assert_eq!(
            one("The {=cat ~dog} sat on the mat.").prompt,
            "The _____ sat on the mat."
        );
    }

    #[test]
    fn escapes_comments_categories_formats_multiline() {
        let text = "// a comment\n$CATEGORY: top/Sub Topic\n\n::t1::[html]What is 1\\+1 \\= \\{x\\}\\: a\\~b\\#?\nsecond line{\n=two\n~three\n}\n";
        let q = one(text);
        assert_eq!(q.prompt, "What is 1\\+1 = {x}: a~b#?\nsecond line");
        assert_eq!(q.tags, strings(&["sub-topic"]));
        assert_eq!(q.id, "t1");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let q = one("\u{feff}::a::Q?\r\n{=x\r\n~y}\r\n");
        assert_eq!(
            q.kind,
            Kind::Single {
                answer: "x".into(),
                wrong: strings(&["y"])
            }
        );
    }

    #[test]
    fn essay_and_description_are_skipped() {
        assert_eq!(
            skipped("\n\nWrite an essay {}"),
            Skipped::new(3, "essay questions have no answer to grade")
        );
        assert_eq!(
            skipped("Just some text.").reason,
            "a description without {…} answers has nothing to ask"
        );
    }

    #[test]
    fn malformed_blocks_name_the_line() {
        assert_eq!(skipped("Q\n{=a ~b\n").line, 2);
        assert!(
            skipped("Q\n{=a ~b\n")
                .reason
                .starts_with("'{' is not closed")
        );
        assert_eq!(
            skipped("Q {~a ~b}").reason,
            "no right answer; mark one with '=' or give it a positive %weight%"
        );
        let bad = skipped("Q {\n~%50%a\n~%abc%b\n}");
        assert_eq!(
            bad,
            Skipped::new(
                3,
                "bad weight '%abc%'; use a percentage from -100 to 100 like %50%"
            )
        );
        assert!(skipped("Q {#abc}").reason.starts_with("bad number 'abc'"));
    }

    #[test]
    fn duplicate_choices_are_skipped_not_fatal() {
        let imported = parse("A {=x ~x}\n\nB {=y ~z}").finish("t", || {});
        assert_eq!(imported.bank.questions.len(), 1);
        assert_eq!(imported.skipped[0].line, 1);
    }

    #[test]
    fn ids_from_prompts_are_unique() {
        let imported = parse("Same? {T}\n\nSame? {F}").finish("t", || {});
        let ids: Vec<_> = imported
            .bank
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids, ["same", "same-2"]);
    }
}
