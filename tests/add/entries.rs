//! Each value is checked as it is typed: a refused entry is asked again alone, with the reason,
//! and nothing is ever written when the user cancels.

use predicates::str::contains;
use termquiz::bank::{Kind, Match, Order, Single, TrueFalse};

use super::{BANK, DEFAULTS, add, last_question};

fn single(answer: &str, wrong: &[&str]) -> Kind {
    Kind::Single(Single {
        answer: answer.into(),
        wrong: wrong.iter().map(|w| w.to_string()).collect(),
        ..Single::default()
    })
}

fn times(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn add_rejects_a_duplicate_choice_as_it_is_typed() {
    let stdin = format!("single\nCapital of France?\n\nParis\nLyon\nLyon\nNice\n\n{DEFAULTS}");
    let (assert, after) = add(BANK, &stdin);
    let out = String::from_utf8(assert.success().get_output().stdout.clone()).unwrap();
    let reason = "Not valid: \"wrong\" lists \"Lyon\" twice; remove one; please try again.";
    assert_eq!(times(&out, reason), 1, "{out}");
    assert_eq!(
        times(&out, "Answer:"),
        1,
        "the answer is not asked again: {out}"
    );
    assert_eq!(
        last_question(&after).kind,
        single("Paris", &["Lyon", "Nice"])
    );
}

#[test]
fn add_rejects_a_wrong_choice_that_is_the_answer_as_it_is_typed() {
    let stdin =
        format!("single\nCapital of France?\n\nParis\nParis \nLy\u{7}on\nLyon\n\n{DEFAULTS}");
    let (assert, after) = add(BANK, &stdin);
    assert
        .success()
        .stdout(contains(
            "Not valid: \"answer\" also appears in \"wrong\": \"Paris\"; remove it from \"wrong\"",
        ))
        .stdout(contains("contains the control character U+0007"));
    assert_eq!(last_question(&after).kind, single("Paris", &["Lyon"]));
}

#[test]
fn add_order_asks_for_one_more_item_instead_of_the_whole_list() {
    let stdin = format!("order\nIn order?\n\nfirst\n\nsecond\n\n{DEFAULTS}");
    let (assert, after) = add(BANK, &stdin);
    assert.success().stdout(contains(
        "Not valid: \"items\" needs at least 2 items; please try again.",
    ));
    let items = vec!["first".to_string(), "second".to_string()];
    assert_eq!(last_question(&after).kind, Kind::Order(Order { items }));
}

#[test]
fn add_asks_a_pair_without_equals_again_alone() {
    let stdin =
        format!("match\nPairs?\n\ncat meow\ncat = meow\n\ncat = purr\ndog = woof\n\n{DEFAULTS}");
    let (assert, after) = add(BANK, &stdin);
    assert
        .success()
        .stdout(contains("\"cat meow\" has no '='; write 'left = right'"))
        .stdout(contains("\"pairs\" needs at least 2 pairs"))
        .stdout(contains("\"pairs (left side)\" lists \"cat\" twice"));
    let pairs = vec![("cat".into(), "meow".into()), ("dog".into(), "woof".into())];
    let kind = Kind::Match(Match {
        pairs,
        ..Match::default()
    });
    assert_eq!(last_question(&after).kind, kind);
}

#[test]
fn add_takes_t_f_yes_and_no_for_true_false_as_play_does() {
    for (typed, answer) in [("t", true), ("F", false), ("yes", true), ("no", false)] {
        let stdin = format!("true_false\nTrue?\n\nmaybe\n{typed}\n{DEFAULTS}");
        let (assert, after) = add(BANK, &stdin);
        assert.success().stdout(contains("Not valid: type t or f"));
        let kind = Kind::TrueFalse(TrueFalse {
            answer,
            ..TrueFalse::default()
        });
        assert_eq!(last_question(&after).kind, kind, "{typed}");
    }
}

#[test]
fn add_normalises_tags_as_import_does() {
    let tags = "Film Scores\nfilm-scores\n???\nGéo\n\n";
    let stdin = format!("true_false\nTrue?\n\nt\n\n\n\n{tags}\n\n\n\n");
    let (assert, after) = add(BANK, &stdin);
    assert
        .success()
        .stdout(contains("\"tags\" lists \"film-scores\" twice"))
        .stdout(contains("\"???\" has no letter or digit to make a tag of"));
    let imported = ["Film Scores", "Géo"].map(termquiz::import::common::tag_slug);
    assert_eq!(imported, ["film-scores", "geo"]);
    assert_eq!(last_question(&after).tags, imported);
}

#[test]
fn add_asks_for_hint_points_and_time_limit_within_the_bank_bounds() {
    let stdin = "true_false\nTrue?\n\nt\n\nThink twice\n\n\n\n0\nmany\n3\n-5\n20\n\n";
    let (assert, after) = add(BANK, stdin);
    assert
        .success()
        .stdout(contains(
            "\"points\" must be a positive whole number, not 0",
        ))
        .stdout(contains("\"many\" is not a whole number"))
        .stdout(contains(
            "\"time_limit\" must be a positive whole number, not -5",
        ));
    let q = last_question(&after);
    assert_eq!(q.hint.as_deref(), Some("Think twice"));
    assert_eq!((q.points, q.time_limit), (3, Some(20)));
}

#[test]
fn add_shows_the_question_and_writes_nothing_when_told_no() {
    let stdin = "true_false\nTrue?\n\nt\n\n\n\n\n\n\n\nn\n";
    let (assert, after) = add(BANK, stdin);
    assert
        .code(130)
        .stdout(contains(
            "New question \"true\" (true_false):\n  True?\n  ✔ true\n",
        ))
        .stdout(contains("Add this question to "))
        .stdout(contains("? [Y/n] "))
        .stderr("cancelled, nothing written\n");
    assert_eq!(after, BANK);
}

#[test]
fn add_cancelled_by_end_of_input_writes_nothing() {
    let lines = format!("single\nCapital?\n\nParis\nLyon\nLyon\nNice\n\n{DEFAULTS}");
    let lines: Vec<&str> = lines.lines().collect();
    // Every prefix short of the last answer (the confirm) stops somewhere mid-way.
    for cut in 0..lines.len() {
        let stdin: String = lines[..cut].iter().map(|l| format!("{l}\n")).collect();
        let (assert, after) = add(BANK, &stdin);
        assert.code(130).stderr("cancelled, nothing written\n");
        assert_eq!(after, BANK, "cut after {cut} lines");
    }
}

#[test]
fn add_on_a_missing_file_cancelled_by_end_of_input_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.json");
    super::termquiz()
        .arg("add")
        .arg(&path)
        .write_stdin("")
        .assert()
        .code(130)
        .stdout(contains("does not exist. Create it as a new bank? [Y/n]"))
        .stderr("cancelled, nothing written\n");
    assert!(!path.exists());
}
