//! Proptest strategies the property tests share.

use proptest::prelude::*;

/// Between `min` and `max` texts drawn from `text` whose `key`s all differ.
pub fn distinct_by<S: Strategy<Value = String>>(
    text: S,
    min: usize,
    max: usize,
    key: fn(&str) -> String,
) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text, min..=max + 4).prop_filter_map("too few distinct", move |all| {
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<String> = all
            .into_iter()
            .filter(|t| seen.insert(key(t)))
            .take(max)
            .collect();
        (unique.len() >= min).then_some(unique)
    })
}
