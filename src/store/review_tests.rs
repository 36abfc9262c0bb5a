use super::*;
use crate::bank::TrueFalse;

fn now() -> Timestamp {
    "2026-03-01T09:00:00Z".parse().unwrap()
}

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

fn bank() -> Bank {
    let questions = ["a", "b", "c", "d"]
        .iter()
        .map(|id| {
            Question::new(
                *id,
                format!("Prompt {id}?"),
                Kind::TrueFalse(TrueFalse {
                    answer: true,
                    ..TrueFalse::default()
                }),
            )
        })
        .collect();
    Bank {
        title: "Deck".into(),
        description: None,
        questions,
    }
}

fn cards(bank: &Bank) -> Vec<CardRef> {
    card_refs(std::slice::from_ref(bank))
}

fn review(
    state: &mut ReviewState,
    bank: &Bank,
    index: usize,
    rating: Rating,
    at: Timestamp,
) -> Card {
    let question = &bank.questions[index];
    schedule(
        state,
        &card_key(&bank.title, &question.id),
        prompt_hash(question),
        rating,
        at,
    )
    .unwrap()
}

fn fsrs_good_days(memory: Option<MemoryState>, elapsed: u32) -> i64 {
    let fsrs = FSRS::new(&DEFAULT_PARAMETERS).unwrap();
    interval_days(
        fsrs.next_states(memory, DESIRED_RETENTION, elapsed)
            .unwrap()
            .good
            .interval,
    )
}

#[test]
fn fnv1a_matches_the_reference_vectors() {
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn rating_follows_correctness_and_speed() {
    assert_eq!(rating_for(false, 1_000, None), Rating::Again);
    assert_eq!(rating_for(true, 4_999, None), Rating::Easy);
    assert_eq!(rating_for(true, 10_000, None), Rating::Good);
    assert_eq!(rating_for(true, 20_001, None), Rating::Hard);
    assert_eq!(rating_for(true, 7_000, Some(10_000)), Rating::Hard);
    assert_eq!(rating_for(true, 6_000, Some(10_000)), Rating::Good);
}

#[test]
fn new_card_rated_good_is_due_after_fsrs_interval() {
    let bank = bank();
    let mut state = ReviewState::default();
    let card = review(&mut state, &bank, 0, Rating::Good, now());
    let expected = fsrs_good_days(None, 0);
    assert!(expected >= 1);
    assert_eq!(card.due, now().checked_add(days(expected)).unwrap());
    assert_eq!((card.reps, card.lapses, card.last_review), (1, 0, now()));
}

#[test]
fn second_good_review_uses_days_elapsed_and_grows() {
    let bank = bank();
    let mut state = ReviewState::default();
    let first = review(&mut state, &bank, 0, Rating::Good, now());
    let later = first.due;
    let elapsed = u32::try_from(later.duration_since(now()).as_secs() / 86_400).unwrap();
    let second = review(&mut state, &bank, 0, Rating::Good, later);
    let memory = MemoryState {
        stability: first.stability,
        difficulty: first.difficulty,
    };
    assert_eq!(
        second.due,
        later
            .checked_add(days(fsrs_good_days(Some(memory), elapsed)))
            .unwrap()
    );
    assert!(second.due.duration_since(later) > first.due.duration_since(now()));
    assert_eq!(second.reps, 2);
}

#[test]
fn again_comes_back_in_minutes_and_counts_a_lapse_after_the_first_review() {
    let bank = bank();
    let mut state = ReviewState::default();
    let card = review(&mut state, &bank, 1, Rating::Again, now());
    assert_eq!(card.due, now().checked_add(AGAIN_DELAY).unwrap());
    assert_eq!(card.lapses, 0);
    let later = now().checked_add(days(3)).unwrap();
    review(&mut state, &bank, 1, Rating::Good, later);
    let lapsed = review(
        &mut state,
        &bank,
        1,
        Rating::Again,
        later.checked_add(days(5)).unwrap(),
    );
    assert_eq!((lapsed.reps, lapsed.lapses), (3, 1));
}

#[test]
fn changed_prompt_makes_the_card_new_again() {
    let mut bank = bank();
    let mut state = ReviewState::default();
    review(&mut state, &bank, 0, Rating::Good, now());
    review(
        &mut state,
        &bank,
        0,
        Rating::Good,
        now().checked_add(days(10)).unwrap(),
    );
    bank.questions[0].prompt = "A reworded prompt?".into();
    let soon = now().checked_add(days(11)).unwrap();
    assert_eq!(due_cards(&state, &cards(&bank), soon, 1), vec![0]);
    let card = review(&mut state, &bank, 0, Rating::Good, soon);
    assert_eq!(card.reps, 1);
    assert_eq!(
        card.due,
        soon.checked_add(days(fsrs_good_days(None, 0))).unwrap()
    );
}

#[test]
fn due_cards_first_oldest_first_then_new_in_bank_order_up_to_the_limit() {
    let bank = bank();
    let mut state = ReviewState::default();
    review(&mut state, &bank, 2, Rating::Again, now());
    review(
        &mut state,
        &bank,
        1,
        Rating::Again,
        now().checked_add(SignedDuration::from_mins(1)).unwrap(),
    );
    let before = now().checked_add(SignedDuration::from_mins(5)).unwrap();
    assert_eq!(due_cards(&state, &cards(&bank), before, 10), vec![0, 3]);
    let after = now().checked_add(SignedDuration::from_hours(1)).unwrap();
    assert_eq!(
        due_cards(&state, &cards(&bank), after, 10),
        vec![2, 1, 0, 3]
    );
    assert_eq!(due_cards(&state, &cards(&bank), after, 1), vec![2, 1, 0]);
    assert_eq!(due_cards(&state, &cards(&bank), after, 0), vec![2, 1]);
}

#[test]
fn summary_counts_due_soon_new_and_next_date() {
    let bank = bank();
    let mut state = ReviewState::default();
    let again = review(&mut state, &bank, 0, Rating::Again, now());
    review(&mut state, &bank, 1, Rating::Easy, now());
    let got = summary(&state, &cards(&bank), now());
    assert_eq!(
        got,
        Summary {
            due_now: 0,
            due_by_tomorrow: 1,
            new: 2,
            next_due: Some(again.due)
        }
    );
}

#[test]
fn state_round_trips_through_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert_eq!(load(&dir).unwrap(), ReviewState::default());
    let bank = bank();
    let mut state = ReviewState::default();
    review(&mut state, &bank, 0, Rating::Good, now());
    review(&mut state, &bank, 3, Rating::Hard, now());
    let path = save(&dir, &state).unwrap();
    assert_eq!(path, dir.join("review.json"));
    assert_eq!(load(&dir).unwrap(), state);
}

#[test]
fn damaged_file_is_an_error_naming_it_and_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(file(tmp.path()), "{\"cards\": {").unwrap();
    let error = load(tmp.path()).unwrap_err().to_string();
    assert!(error.contains("review.json:1:"), "{error}");
    assert_eq!(
        std::fs::read_to_string(file(tmp.path())).unwrap(),
        "{\"cards\": {"
    );
}

#[test]
fn introduced_counts_first_reviews_since_a_moment() {
    let bank = bank();
    let mut state = ReviewState::default();
    review(&mut state, &bank, 0, Rating::Good, now());
    review(&mut state, &bank, 1, Rating::Good, now() + days(1));
    review(&mut state, &bank, 0, Rating::Good, now() + days(2));
    assert_eq!(introduced_since(&state, &cards(&bank), now()), 2);
    assert_eq!(
        introduced_since(&state, &cards(&bank), now() + days(1)),
        1,
        "a second review is not an introduction"
    );
    assert_eq!(introduced_since(&state, &cards(&bank), now() + days(3)), 0);
}

#[test]
fn unknown_fields_in_review_json_are_kept_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let key = card_key("Deck", "a");
    let json = format!(
        r#"{{"version": 1, "sync": {{"device": "laptop"}}, "cards": {{"{}": {{"prompt_hash": 1, "stability": 1.0, "difficulty": 5.0, "due": "2026-03-01T09:00:00Z", "last_review": "2026-03-01T09:00:00Z", "reps": 1, "lapses": 0, "colour": "red"}}}}}}"#,
        key.replace('\u{1f}', "\\u001f")
    );
    std::fs::write(file(dir.path()), json).unwrap();
    update(dir.path(), |state| {
        schedule(state, &card_key("Deck", "b"), 2, Rating::Good, now())
    })
    .unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file(dir.path())).unwrap()).unwrap();
    assert_eq!(saved["sync"]["device"], "laptop", "{saved}");
    assert_eq!(saved["cards"][&key]["colour"], "red", "{saved}");
}

#[test]
fn review_json_from_a_newer_version_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"version": 99999, "cards": {}, "future": true}"#;
    std::fs::write(file(dir.path()), json).unwrap();
    let err = load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("newer termquiz"), "{err}");
    let err = update(dir.path(), |_| Ok(())).unwrap_err().to_string();
    assert!(err.contains("version 99999"), "{err}");
    assert_eq!(std::fs::read_to_string(file(dir.path())).unwrap(), json);
}

#[test]
fn cards_are_keyed_by_their_own_bank_not_the_combined_title() {
    let mut other = bank();
    other.title = "Other".into();
    for q in &mut other.questions {
        q.id = format!("o-{}", q.id);
    }
    let cards = card_refs(&[bank(), other]);
    assert_eq!(cards[0].key, card_key("Deck", "a"));
    assert_eq!(cards[4].key, card_key("Other", "o-a"));
}
