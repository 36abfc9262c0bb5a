//! Moodle questions imported from XML, played in plain mode with each answer: the credit is
//! Moodle's (fractions, gap weights, tolerances).

mod common;

use common::{Quiz, fixture};

/// The imported bank of a fixture in `moodle-xml/`, with only the question `id`.
fn one_question(fixture_name: &str, id: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("termquiz")
        .unwrap()
        .arg("import")
        .arg(fixture(&format!("moodle-xml/{fixture_name}")))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut bank: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let questions = bank["questions"].as_array_mut().unwrap();
    questions.retain(|q| q["id"] == id);
    assert_eq!(questions.len(), 1, "no {id}");
    bank.to_string()
}

/// Plays the bank with `lines` as input; the whole output.
fn play(bank: &str, lines: &str) -> String {
    let quiz = Quiz::new();
    let path = quiz.path().join("bank.json");
    std::fs::write(&path, bank).unwrap();
    let path = path.display().to_string();
    quiz.args(["play", &path, "--seed", "1"])
        .stdin(lines)
        .run()
        .stdout
}

/// The letter plain mode shows before `choice` (`a) Paris` → `a`) after the `before` lines
/// (the answers to the earlier gaps), seed 1 as in `play`.
fn letter(bank: &str, before: &str, choice: &str) -> String {
    let shown = play(bank, before);
    // The last listing is the gap being asked.
    shown
        .lines()
        .rev()
        .find_map(|line| {
            let (label, text) = line.trim().rsplit_once(") ")?;
            (text == choice).then(|| label.rsplit(' ').next().unwrap_or(label).to_string())
        })
        .unwrap_or_else(|| panic!("no choice {choice:?} in\n{shown}"))
}

fn assert_score(output: &str, score: &str) {
    assert!(output.contains(score), "no {score:?} in\n{output}");
}

#[test]
fn cloze_gaps_earn_their_weighted_share() {
    let bank = one_question("moodle-xmlformat-test-exports.xml", "simple-multianswer");
    let (right, wrong) = (
        letter(&bank, "Owl\n", "Pussy-cat"),
        letter(&bank, "Owl\n", "Bow-wow"),
    );
    assert_score(&play(&bank, &format!("Owl\n{right}\n")), "Score 2/2 (100%)");
    assert_score(&play(&bank, &format!("owl\n{wrong}\n")), "Score 1/2 (50%)");
    assert_score(&play(&bank, &format!("Dog\n{wrong}\n")), "Score 0/2 (0%)");
}

#[test]
fn cloze_weights_count_as_in_moodle() {
    let bank = one_question("own-all-kinds.xml", "every-gap");
    let red = letter(&bank, "cat\n", "red");
    let blue = letter(&bank, "cat\n", "blue");
    // Weights 2, 1, 1, 1: gap 1 alone is 2 of 5.
    assert_score(
        &play(&bank, &format!("cat\n{red}\n5.4\nAb\n")),
        "Score 5/5 (100%)",
    );
    assert_score(&play(&bank, &format!("cat\n{blue}\n7\nzz\n")), "(40%)");
}

#[test]
fn gapselect_gaps_are_drop_downs_of_their_group() {
    let bank = one_question("moodle-gapselect.xml", "imported-select-missing-words-001");
    let mut lines = String::new();
    for word in ["cat", "sat", "mat"] {
        let pick = letter(&bank, &lines, word);
        lines.push_str(&pick);
        lines.push('\n');
    }
    let all_right = lines;
    assert_score(&play(&bank, &all_right), "Score 1/1 (100%)");
}

#[test]
fn numerical_tolerance_is_moodles_absolute_error() {
    let bank = one_question("own-all-kinds.xml", "distance");
    assert_score(&play(&bank, "1509\n"), "Score 1/1 (100%)");
    assert_score(&play(&bank, "1489\n"), "Score 0/1 (0%)");
}

#[test]
fn truefalse_and_shortanswer_play_as_imported() {
    let bank = one_question("moodle-truefalse.xml", "moodle-acronym-false");
    assert_score(&play(&bank, "f\n"), "Score 1/1 (100%)");
    assert_score(&play(&bank, "t\n"), "Score 0/1 (0%)");
    let bank = one_question("moodle-xmlformat-test-exports.xml", "short-answer-question");
    assert_score(&play(&bank, "beta\n"), "Score 1/1 (100%)");
}

#[test]
fn shortanswer_wildcards_are_graded_as_in_moodle_not_skipped() {
    let bank = one_question("own-wildcard.xml", "colour");
    assert_score(&play(&bank, "colour\n"), "Score 1/1 (100%)");
    assert_score(&play(&bank, "Color\n"), "Score 1/1 (100%)");
    assert_score(&play(&bank, "colonel\n"), "Score 0/1 (0%)");
    assert_score(&play(&bank, "5 * 3\n"), "(50%)");
    assert_score(&play(&bank, "5 x 3\n"), "Score 0/1 (0%)");
}

#[test]
fn shortanswer_fractions_usecase_and_the_star_feedback_as_in_moodle() {
    let bank = one_question("own-all-kinds.xml", "peru-capital");
    assert_score(&play(&bank, "Lima\n"), "(100%)");
    assert_score(&play(&bank, "LIMA\n"), "(100%)");
    assert_score(&play(&bank, "lima\n"), "(0%)");
    let cuzco = play(&bank, "Cuzco\n");
    assert_score(&cuzco, "(50%)");
    assert_score(&cuzco, "The old capital.");
    let other = play(&bank, "Quito\n");
    assert_score(&other, "(0%)");
    assert_score(&other, "No.");
}

#[test]
fn numerical_answers_credits_and_units_as_in_moodle() {
    let bank = one_question("own-all-kinds.xml", "distance");
    assert_score(&play(&bank, "1505\n"), "(100%)");
    assert_score(&play(&bank, "1500 m\n"), "(100%)");
    assert_score(&play(&bank, "1.5 km\n"), "(100%)");
    let close = play(&bank, "1000\n");
    assert_score(&close, "(50%)");
    assert_score(&close, "Close.");
    assert_score(&play(&bank, "42\n"), "(0%)");
}

#[test]
fn multichoice_fractions_single_and_multi_as_in_moodle() {
    let planet = one_question("own-all-kinds.xml", "planet");
    let saturn = letter(&planet, "", "Saturn");
    let played = play(&planet, &format!("{saturn}\n"));
    assert_score(&played, "(33%)");
    assert_score(&played, "Second.");
    let jupiter = letter(&planet, "", "Jupiter");
    assert_score(&play(&planet, &format!("{jupiter}\n")), "(100%)");
    let primes = one_question("own-all-kinds.xml", "primes");
    let (two, three, four) = (
        letter(&primes, "", "2"),
        letter(&primes, "", "3"),
        letter(&primes, "", "4"),
    );
    assert_score(&play(&primes, &format!("{two},{three}\n")), "(100%)");
    assert_score(&play(&primes, &format!("{two}\n")), "(50%)");
    assert_score(&play(&primes, &format!("{two},{four}\n")), "(0%)");
}

/// The letters of `choices` in the gap asked after the `before` lines, as `a,c`.
fn letters(bank: &str, before: &str, choices: &[&str]) -> String {
    let picked: Vec<String> = choices.iter().map(|c| letter(bank, before, c)).collect();
    picked.join(",")
}

#[test]
fn multiresponse_gaps_earn_moodles_credit_in_plain_mode() {
    let bank = one_question(
        "moodle-multianswer-multiresponse.xml",
        "multichoice-multiple",
    );
    let fruits = letters(&bank, "", &["Apple", "Orange", "Banana"]);
    let gap2 = |choices: &[&str]| letters(&bank, &format!("{fruits}\n"), choices);
    // Moodle's walkthrough_test.php (test_deferred_feedback_multiple): every fruit and only
    // Carrot earn 1.5 of 2 (fruits 3 × 0.3333333, vegetables 0.5).
    let carrot = gap2(&["Carrot"]);
    let played = play(&bank, &format!("{fruits}\n{carrot}\n"));
    assert_score(&played, "Score 1.5/2 (75%)");
    assert_score(&played, "[2] Correct");
    let both = gap2(&["Raddish", "Carrot"]);
    assert_score(
        &play(&bank, &format!("{fruits}\n{both}\n")),
        "Score 2/2 (100%)",
    );
    // A wrong choice costs its −50%: Apple + Burger is 0.3333333 − 0.5, clamped to 0.
    let greedy = letters(&bank, "", &["Apple", "Burger"]);
    let chocolate = letters(
        &bank,
        &format!("{greedy}\n"),
        &["Raddish", "Carrot", "Chocolate"],
    );
    assert_score(
        &play(&bank, &format!("{greedy}\n{chocolate}\n")),
        "Score 0.5/2 (25%)",
    );
    // Three fruits and a hot dog: 1 − 0.5.
    let hot_dog = letters(&bank, "", &["Apple", "Orange", "Banana", "Hot dog"]);
    let played = play(&bank, &format!("{hot_dog}\n{both}\n"));
    assert_score(&played, "Score 1.5/2 (75%)");
    assert_score(&played, "[1] Not a fruit");
}
