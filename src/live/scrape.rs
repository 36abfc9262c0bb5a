//! `termquiz join` on a terminal reads plain mode's question text back into a question
//! (prompt and shown choices only: the wire carries no answer key), so the student gets
//! the same dialoguer prompts as `play`. Anything it cannot read stays a plain line.

use serde_json::{Value, json};

use crate::bank::Bank;
use crate::engine::{Answer, Session, SessionConfig, Turn};
use crate::ui::labels::label;

/// A question as plain mode showed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// "Question 3/10", the tag, difficulty… as the header gave them.
    pub header: Vec<String>,
    /// The question text.
    pub prompt: String,
    /// Left items of a match question.
    pub lefts: Vec<String>,
    /// The choices in the order shown (letters a, b, …).
    pub choices: Vec<String>,
    /// The bank kind the instruction line names.
    pub kind: &'static str,
}

/// The kind an instruction line (the text before the answer) asks for.
fn kind_of(instruction: &str) -> Option<&'static str> {
    let starts = |p: &str| instruction.starts_with(p);
    Some(if starts("Answer (a-") {
        "single"
    } else if starts("Pick all that apply") {
        "multi"
    } else if starts("True or false?") {
        "true_false"
    } else if starts("Your answer (a number)") {
        "number"
    } else if starts("Your answer") {
        "text"
    } else if starts("Letters in the right order") {
        "order"
    } else if starts("For items 1-") {
        "match"
    } else {
        return None;
    })
}

/// Reads a block ending in an answer prompt: from the header line ("Question …" or
/// "Retry (…") to the instruction. `None` when it is not a question it knows.
pub fn read_question(block: &str) -> Option<Shown> {
    let lines: Vec<&str> = block.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("Question ") || l.starts_with("Retry ("))?;
    let (instruction, body) = lines[start + 1..].split_last()?;
    if instruction.contains("(? for a hint)") {
        return None;
    }
    let kind = kind_of(instruction)?;
    let mut prompt = Vec::new();
    let mut lefts = Vec::new();
    let mut choices = Vec::new();
    for line in body {
        if let Some(item) = choice(line, choices.len()) {
            choices.push(item.to_string());
        } else if let Some(item) = left(line, lefts.len()) {
            lefts.push(item.to_string());
        } else if *line == "  match each with one of:" {
        } else if choices.is_empty() && lefts.is_empty() {
            prompt.push(*line);
        } else {
            return None;
        }
    }
    Some(Shown {
        header: lines[start].split(" · ").map(str::to_string).collect(),
        prompt: prompt.join("\n"),
        lefts,
        choices,
        kind,
    })
}

/// "  b) text" when `b` is the label of position `n`.
fn choice(line: &str, n: usize) -> Option<&str> {
    line.strip_prefix("  ")?
        .strip_prefix(label(n).as_str())?
        .strip_prefix(") ")
}

/// "  2. text" when 2 is `n + 1`.
fn left(line: &str, n: usize) -> Option<&str> {
    line.strip_prefix("  ")?
        .strip_prefix((n + 1).to_string().as_str())?
        .strip_prefix(". ")
}

impl Shown {
    /// A one-question bank for the prompt: the choices in the order shown stand in for
    /// the answer data (never known here), so position c of the bank is letter c.
    pub fn bank(&self) -> Option<Bank> {
        let mut q = json!({ "id": "q", "kind": self.kind, "prompt": self.prompt });
        let items: Vec<Value> = self.choices.iter().map(|c| json!(c)).collect();
        let (first, rest) = match items.split_first() {
            Some((first, rest)) => (first.clone(), rest.to_vec()),
            None => (Value::Null, Vec::new()),
        };
        match self.kind {
            "single" => (q["answer"], q["wrong"]) = (first, json!(rest)),
            "multi" => (q["answers"], q["wrong"]) = (json!([first]), json!(rest)),
            "true_false" => q["answer"] = json!(true),
            "text" => q["answer"] = json!("?"),
            "number" => q["answer"] = json!(0),
            "order" => q["items"] = json!(items),
            "match" if self.lefts.len() == self.choices.len() => {
                let pairs: Vec<Value> = self
                    .lefts
                    .iter()
                    .zip(&self.choices)
                    .map(|(l, r)| json!([l, r]))
                    .collect();
                q["pairs"] = json!(pairs);
            }
            _ => return None,
        }
        let plain = json!({ "title": "live", "questions": [q.clone()] });
        // The header's tag and difficulty, when the bank format takes them back.
        for part in self.header.iter().skip(1) {
            match part.as_str() {
                "easy" | "medium" | "hard" => q["difficulty"] = json!(part),
                p if p.starts_with("streak ") || p.ends_with(" s") => {}
                tag => q["tags"] = json!([tag]),
            }
        }
        let dressed = json!({ "title": "live", "questions": [q] });
        [dressed, plain]
            .iter()
            .find_map(|bank| crate::bank::parse::parse("live", bank.to_string().as_bytes()).ok())
    }

    /// The numbers of the header ("Question 3/10" → 3, 10) and whether it is a retry.
    fn position(&self) -> (usize, usize, bool) {
        let first = self.header.first().map_or("", String::as_str);
        let retry = first.starts_with("Retry");
        let digits = first.trim_start_matches(|c: char| !c.is_ascii_digit());
        let digits = digits.trim_end_matches(')');
        let (n, total) = digits.split_once('/').unwrap_or(("1", "1"));
        (n.parse().unwrap_or(1), total.parse().unwrap_or(1), retry)
    }
}

/// A session over the one-question bank, to ask it with any front end.
pub fn session(bank: &Bank) -> Option<Session<'_>> {
    Session::with_questions(bank, &[0], SessionConfig::default()).ok()
}

/// The session's turn with the host's numbers in the header.
pub fn turn<'s>(session: &'s Session, shown: &Shown) -> Option<Turn<'s>> {
    let base = session.current()?;
    let (number, total, retry) = shown.position();
    let part = |suffix: &str, prefix: &str| {
        shown.header.iter().find_map(|p| {
            p.strip_prefix(prefix)?
                .strip_suffix(suffix)?
                .parse::<u32>()
                .ok()
        })
    };
    Some(Turn {
        number,
        total,
        retry,
        time_limit_ms: part(" s", "").map(|s| u64::from(s) * 1000),
        streak: part("", "streak "),
        ..base
    })
}

/// The answer as a line for the host: positions of this layout mapped back to the
/// letters the host showed.
pub fn answer_line(answer: &Answer, turn: &Turn) -> String {
    let host = |pos: &usize| turn.shown.perm.get(*pos).copied().unwrap_or(*pos);
    let mapped = match answer {
        Answer::Choice(p) => Answer::Choice(host(p)),
        Answer::Choices(v) => Answer::Choices(v.iter().map(host).collect()),
        Answer::Order(v) => Answer::Order(v.iter().map(host).collect()),
        Answer::Match(v) => Answer::Match(v.iter().map(host).collect()),
        other => other.clone(),
    };
    crate::ui::parse::format_answer(&mapped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Prompter;
    use crate::ui::plain::Plain;

    /// What plain mode prints for the first question of `json`, up to its prompt.
    fn plain_text(json: &str) -> (String, Bank) {
        let bank = crate::bank::parse::parse("t", json.as_bytes()).unwrap();
        let session = Session::new(&bank, SessionConfig::default()).unwrap();
        let mut plain = Plain::new(&b""[..], Vec::new(), false);
        let _ = plain.ask(&session.current().unwrap());
        let text = String::from_utf8(plain.into_output()).unwrap();
        let text = console::strip_ansi_codes(&text).into_owned();
        (text.trim_end_matches('\n').to_string(), bank)
    }

    fn bank_of(question: &str) -> String {
        format!(r#"{{"title":"t","questions":[{question}]}}"#)
    }

    #[test]
    fn plain_mode_questions_read_back_with_their_shown_choices() {
        let (text, _) = plain_text(&bank_of(
            r#"{"id":"a","kind":"single","prompt":"Capital?","answer":"Paris","wrong":["Lyon","Nice"]}"#,
        ));
        let shown = read_question(&text).unwrap();
        assert_eq!(shown.kind, "single");
        assert_eq!(shown.prompt, "Capital?");
        assert_eq!(shown.choices.len(), 3);
        assert!(shown.choices.contains(&"Paris".to_string()));
        assert!(shown.bank().is_some());
    }

    #[test]
    fn match_questions_keep_left_and_right() {
        let (text, _) = plain_text(&bank_of(
            r#"{"id":"m","kind":"match","prompt":"Pair","pairs":[["x","1"],["y","2"]]}"#,
        ));
        let shown = read_question(&text).unwrap();
        assert_eq!(shown.kind, "match");
        assert_eq!(shown.lefts, ["x", "y"]);
        assert_eq!(shown.choices.len(), 2);
        assert!(shown.bank().is_some());
    }

    #[test]
    fn every_kind_is_recognised() {
        for (question, kind) in [
            (
                r#"{"id":"t","kind":"true_false","prompt":"T?","answer":true}"#,
                "true_false",
            ),
            (
                r#"{"id":"x","kind":"text","prompt":"Name?","answer":"Ann"}"#,
                "text",
            ),
            (
                r#"{"id":"n","kind":"number","prompt":"Year?","answer":1931}"#,
                "number",
            ),
            (
                r#"{"id":"o","kind":"order","prompt":"Order","items":["a","b","c"]}"#,
                "order",
            ),
            (
                r#"{"id":"p","kind":"multi","prompt":"Pick","answers":["a"],"wrong":["b"]}"#,
                "multi",
            ),
        ] {
            let (text, _) = plain_text(&bank_of(question));
            let shown = read_question(&text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(shown.kind, kind);
            assert!(shown.bank().is_some(), "{kind}");
        }
    }

    #[test]
    fn answers_map_back_to_the_hosts_letters() {
        let shown = Shown {
            header: vec!["Question 2/5".into(), "streak 3".into(), "20 s".into()],
            prompt: "Pick".into(),
            lefts: vec![],
            choices: vec!["p".into(), "q".into(), "r".into()],
            kind: "single",
        };
        let bank = shown.bank().unwrap();
        let session = session(&bank).unwrap();
        let turn = turn(&session, &shown).unwrap();
        assert_eq!((turn.number, turn.total), (2, 5));
        assert_eq!((turn.streak, turn.time_limit_ms), (Some(3), Some(20_000)));
        let items = turn.shown.items(turn.question);
        let local = items.iter().position(|i| *i == "r").unwrap();
        assert_eq!(answer_line(&Answer::Choice(local), &turn), "c");
    }

    #[test]
    fn a_question_with_a_hint_stays_a_plain_line() {
        let (text, _) = plain_text(&bank_of(
            r#"{"id":"h","kind":"text","prompt":"Who?","answer":"Ann","hint":"A name"}"#,
        ));
        assert!(read_question(&text).is_none());
    }
}
