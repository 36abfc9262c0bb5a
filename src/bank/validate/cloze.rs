//! The `cloze` kind: a passage whose `{n}` placeholders and gaps must match one to one.

use super::problems::Problems;
use super::{choices, fields_of_kind, known_kind, typed};
use crate::bank::kinds::{Piece, split_placeholders};
use crate::bank::model::{Cloze, Gap, GapKind};
use crate::bank::raw::{RawGap, RawQuestion};

pub(super) fn cloze(raw: &mut RawQuestion, p: &mut Problems) -> Cloze {
    let text = p.text("text", raw.text.take()).unwrap_or_default();
    let raw_gaps = match raw.gaps.take() {
        Some(gaps) if !gaps.is_empty() => gaps,
        Some(_) => {
            p.push("\"gaps\" needs at least 1 item");
            Vec::new()
        }
        None => {
            p.push("missing \"gaps\"");
            Vec::new()
        }
    };
    let count = raw_gaps.len();
    let gaps: Vec<Gap> = raw_gaps
        .into_iter()
        .enumerate()
        .filter_map(|(i, g)| gap(p, i, g))
        .collect();
    if !text.is_empty() && count > 0 {
        placeholders(p, &text, count);
    }
    Cloze { text, gaps }
}

/// Every `{n}` names a gap, and every gap appears exactly once.
fn placeholders(p: &mut Problems, text: &str, count: usize) {
    let mut uses = vec![0usize; count];
    for piece in split_placeholders(text) {
        match piece {
            Piece::Gap(0) => p.push("\"text\" has {0}; gaps are numbered from 1"),
            Piece::Gap(n) if n > count => p.push(format!(
                "\"text\" has {{{n}}} but \"gaps\" has only {count}; add gap {n} or remove {{{n}}}"
            )),
            Piece::Gap(n) => uses[n - 1] += 1,
            Piece::Text(_) => {}
        }
    }
    for (i, used) in uses.into_iter().enumerate() {
        let n = i + 1;
        match used {
            0 => p.push(format!(
                "gaps[{i}] (gap {n}) is never used; put {{{n}}} in \"text\" where it goes"
            )),
            1 => {}
            _ => p.push(format!(
                "\"text\" has {{{n}}} {used} times; each gap goes in one place"
            )),
        }
    }
}

/// One gap checked as its kind; its problems are prefixed with `gaps[i]: `.
fn gap(p: &mut Problems, i: usize, raw: RawGap) -> Option<Gap> {
    let mut gp = Problems::default();
    let weight = raw.weight.unwrap_or(1.0);
    if !(weight > 0.0 && weight.is_finite()) {
        gp.push(format!("\"weight\" must be above 0, not {weight}"));
    }
    let mut as_question = RawQuestion {
        answer: raw.answer,
        answers: raw.answers,
        wrong: raw.wrong,
        accept: raw.accept,
        partial: raw.partial,
        weights: raw.weights,
        case_sensitive: raw.case_sensitive,
        tolerance: raw.tolerance,
        also: raw.also,
        feedback: raw.feedback,
        ..RawQuestion::default()
    };
    let kind = known_kind(raw.kind, &GapKind::NAMES, &mut gp).and_then(|kind| {
        fields_of_kind(&as_question, &kind, &mut gp);
        let q = &mut as_question;
        match kind.as_str() {
            "single" => Some(GapKind::Single(choices::single(q, &mut gp))),
            "multi" => Some(GapKind::Multi(choices::multi(q, &mut gp))),
            "text" => typed::text(q, &mut gp).map(GapKind::Text),
            _ => typed::number(q, &mut gp).map(GapKind::Number),
        }
    });
    let clean = gp.count() == 0;
    p.0.extend(gp.0.into_iter().map(|m| format!("gaps[{i}]: {m}")));
    kind.filter(|_| clean).map(|kind| Gap { kind, weight })
}
