//! Checks shared by several kinds: feedback keyed by answer, and credits or weights per answer.

use std::collections::HashSet;

use super::problems::{ChoiceSet, Problems, choice_key};
use crate::bank::model::{Credits, Feedback};
use crate::bank::pairs::Pairs;

/// Checks `feedback`: each key must satisfy `names` (or be `"*"`), else `hint` says what to use.
pub(super) fn feedback(
    p: &mut Problems,
    raw: Option<Pairs<String>>,
    names: impl Fn(&str) -> bool,
    hint: &str,
) -> Feedback {
    let mut out = Feedback::default();
    let mut seen = HashSet::new();
    for (key, text) in raw.map(|f| f.0).unwrap_or_default() {
        if !keyed(p, "feedback", &key, &mut seen) {
            continue;
        }
        if key.trim() != Feedback::OTHER && !names(&key) {
            p.push(format!("\"feedback\" key \"{key}\" {hint}"));
        }
        if text.trim().is_empty() {
            p.push(format!(
                "\"feedback\" for \"{key}\" is empty; write it or remove the key"
            ));
        } else if let Some(text) = p.present_text("feedback", text) {
            out.0.push((key, text));
        }
    }
    out
}

/// A key that is not blank and not in `seen` (the keys before it, by [`choice_key`]).
fn keyed(p: &mut Problems, field: &str, key: &str, seen: &mut HashSet<String>) -> bool {
    if key.trim().is_empty() {
        p.push(format!("\"{field}\" has an empty key; name an answer"));
        return false;
    }
    if !seen.insert(choice_key(key).into_owned()) {
        p.push(format!("\"{field}\" lists \"{key}\" twice; remove one"));
        return false;
    }
    true
}

/// Checks `partial`: each key an answer that `names` accepts, each credit strictly between 0 and 1.
pub(super) fn partial(
    p: &mut Problems,
    raw: Option<Pairs<f64>>,
    names: impl Fn(&str) -> Option<String>,
) -> Credits {
    let mut out = Credits::new();
    let mut seen = HashSet::new();
    for (key, credit) in raw.map(|c| c.0).unwrap_or_default() {
        if !keyed(p, "partial", &key, &mut seen) {
            continue;
        }
        if let Some(problem) = names(&key) {
            p.push(format!("\"partial\" key \"{key}\" {problem}"));
        }
        if !(credit > 0.0 && credit < 1.0) {
            p.push(format!(
                "\"partial\" credit of \"{key}\" must be between 0 and 1 (both excluded), not {credit}"
            ));
        }
        out.push((key, credit));
    }
    out
}

/// Checks `weights` keys and range; the kind checks which choice may weigh what.
pub(super) fn weights(p: &mut Problems, raw: Option<Pairs<f64>>, choices: &[&str]) -> Credits {
    let mut out = Credits::new();
    let mut seen = HashSet::new();
    let choices = ChoiceSet::new(choices.iter().copied());
    for (key, weight) in raw.map(|c| c.0).unwrap_or_default() {
        if !keyed(p, "weights", &key, &mut seen) {
            continue;
        }
        if !choices.contains(&key) {
            p.push(format!(
                "\"weights\" key \"{key}\" names no choice; use a choice from \"answers\" or \"wrong\""
            ));
        }
        if !(-1.0..=1.0).contains(&weight) {
            p.push(format!(
                "\"weights\" of \"{key}\" must be from -1 to 1, not {weight}"
            ));
        }
        out.push((key, weight));
    }
    out
}
