//! The arranging kinds: `order` and `match`.

use super::entry::ListRule;
use super::problems::{ChoiceSet, Problems};
use crate::bank::model::{Match, Order};
use crate::bank::raw::RawQuestion;

pub(super) fn order(raw: &mut RawQuestion, p: &mut Problems) -> Order {
    Order {
        items: p.required_list(ListRule::ITEMS, raw.items.take()),
    }
}

pub(super) fn matching(raw: &mut RawQuestion, p: &mut Problems) -> Match {
    let Some(pairs) = raw.pairs.take() else {
        p.push("missing \"pairs\"");
        return Match::default();
    };
    if pairs.len() < 2 {
        p.push(format!(
            "\"pairs\" needs at least 2 pairs, not {}",
            pairs.len()
        ));
    }
    let (left, right): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
    // Checked as lists so a repeated left side is named; left items may share a right side.
    let left = ListRule::PAIR_LEFT.check(p, left);
    let right = ListRule::PAIR_RIGHT.check(p, right);
    let extra = ListRule::EXTRA.check(p, raw.extra.take().unwrap_or_default());
    let rights = ChoiceSet::new(right.iter().map(String::as_str));
    for e in extra.iter().filter(|e| rights.contains(e)) {
        p.push(format!(
            "\"extra\" item \"{e}\" is already a right-hand side in \"pairs\"; remove it from \"extra\""
        ));
    }
    Match {
        pairs: left.into_iter().zip(right).collect(),
        extra,
    }
}
