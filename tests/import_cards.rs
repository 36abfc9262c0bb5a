//! Flashcard sets: Quizlet and Anki text exports as single-choice or typed questions.

mod common;

use common::{import_fixture, lines_picking, play_bank};
use termquiz::bank::{Kind, Single};

fn answers(bank: &termquiz::bank::Bank) -> Vec<(String, String)> {
    bank.questions
        .iter()
        .map(|q| (q.prompt.clone(), q.correct_answer_text()))
        .collect()
}

#[test]
fn quizlet_set_becomes_single_choice_from_its_own_answers() {
    let (bank, stderr) = import_fixture("quizlet-animals.txt", "quizlet", &[]);
    assert_eq!(
        stderr,
        "quizlet-animals.txt: card 7: skipped: no tab between term and definition; pass the one used with --separator\n\
         quizlet-animals.txt: imported 6 questions, skipped 1\n"
    );
    let backs = ["dog", "cat", "bird", "horse", "cow", "mouse"];
    for q in &bank.questions {
        let Kind::Single(Single { answer, wrong, .. }) = &q.kind else {
            panic!("single expected: {q:?}")
        };
        assert_eq!(wrong.len(), 3);
        assert!(
            wrong
                .iter()
                .all(|w| backs.contains(&w.as_str()) && w != answer)
        );
    }
    let (again, _) = import_fixture("quizlet-animals.txt", "quizlet", &[]);
    assert_eq!(again, bank, "the same set gives the same choices");
    let (two, _) = import_fixture("quizlet-animals.txt", "quizlet", &["--choices", "1"]);
    assert!(
        two.questions
            .iter()
            .all(|q| matches!(&q.kind, Kind::Single(Single { wrong, .. }) if wrong.len() == 1))
    );
}

#[test]
fn quizlet_custom_separators_reverse_and_both() {
    let args = [
        "--separator",
        " - ",
        "--card-separator",
        ";",
        "--as",
        "text",
    ];
    let (bank, stderr) = import_fixture("quizlet-capitals-custom.txt", "quizlet", &args);
    assert!(
        stderr.starts_with("quizlet-capitals-custom.txt: card 5: skipped: no \" - \" between"),
        "{stderr}"
    );
    assert_eq!(answers(&bank)[0], ("Paris".into(), "France".into()));
    let reversed = [&args[..], &["--reverse"]].concat();
    let (bank, _) = import_fixture("quizlet-capitals-custom.txt", "quizlet", &reversed);
    assert_eq!(answers(&bank)[0], ("France".into(), "Paris".into()));
    let both = [&args[..], &["--both"]].concat();
    let (bank, _) = import_fixture("quizlet-capitals-custom.txt", "quizlet", &both);
    assert_eq!(bank.questions.len(), 8);
    assert_eq!(answers(&bank)[1], ("France".into(), "Paris".into()));
}

#[test]
fn anki_text_reads_headers_html_tags_and_cloze_notes() {
    let (bank, stderr) = import_fixture("anki-capitals.txt", "anki-text", &["--as", "text"]);
    assert_eq!(
        stderr,
        "anki-capitals.txt:11: skipped: the second field (the back) is empty\n\
         anki-capitals.txt: imported 5 questions, skipped 1\n"
    );
    assert_eq!(
        answers(&bank),
        [
            ("Capital of France?".to_string(), "Paris".to_string()),
            ("Capital of\tItaly?".into(), "Rome".into()),
            ("Capital of Spain?".into(), "Madrid".into()),
            ("Fill in the gaps.".into(), "[1] Portugal".into()),
            ("Capital of Austria?".into(), "Vienna".into()),
        ]
    );
    assert_eq!(bank.questions[0].tags, ["geo", "europe"]);
    let Kind::Cloze(cloze) = &bank.questions[3].kind else {
        panic!("cloze expected")
    };
    assert_eq!(cloze.text, "The capital of {1} is Lisbon");
}

#[test]
fn imported_flashcards_are_graded_in_plain_mode() {
    let (bank, _) = import_fixture("anki-capitals.txt", "anki-text", &[]);
    // Right for every card but Austria, where the first wrong choice is picked; the cloze
    // gap typed in lower case.
    let lines = lines_picking(&bank, 5, |q| match &q.kind {
        Kind::Single(Single { wrong, .. }) if q.prompt.contains("Austria") => wrong[0].clone(),
        Kind::Single(Single { answer, .. }) => answer.clone(),
        _ => "portugal".into(),
    });
    play_bank(&bank, &["--seed", "5"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has("4 of 5 right");
    let (typed, _) = import_fixture(
        "quizlet-animals.txt",
        "quizlet",
        &["--as", "text", "--reverse"],
    );
    // Lenient grading: the answer typed in capitals is right.
    let lines = lines_picking(&typed, 2, |q| q.correct_answer_text().to_uppercase());
    play_bank(&typed, &["--seed", "2"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has("6 of 6 right");
}
