//! `termquiz import --from moodle-xml`: real Moodle exports and termquiz's own fixtures,
//! notes for what is skipped, errors with line and column.

mod common;

use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::fixture;
use termquiz::bank::{
    self, Bank, Feedback, GapKind, Kind, Match, Number, NumberAnswer, Order, Question, Single,
    Text, TrueFalse, Unit,
};

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(fixture("moodle-xml"));
    cmd
}

/// Imports a fixture by its bare name (so notes name it briefly); the bank and stderr.
fn import(name: &str) -> (Bank, String) {
    let output = termquiz().args(["import", name]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (bank::parse("out.json", &output.stdout).unwrap(), stderr)
}

fn question<'a>(bank: &'a Bank, id: &str) -> &'a Question {
    bank.questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(bank)))
}

fn ids(bank: &Bank) -> Vec<&str> {
    bank.questions.iter().map(|q| q.id.as_str()).collect()
}

fn feedback(pairs: &[(&str, &str)]) -> Feedback {
    let mut feedback = Feedback::default();
    for (key, text) in pairs {
        feedback.insert(*key, *text);
    }
    feedback
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn moodle_truefalse_export_keeps_answers_feedback_images_and_category() {
    let (bank, stderr) = import("moodle-truefalse.xml");
    assert_eq!(
        stderr,
        "moodle-truefalse.xml: imported 2 questions, skipped 0\n"
    );
    assert_eq!(ids(&bank), ["moodle-acronym-false", "moodle-acronym-true"]);
    let first = &bank.questions[0];
    assert_eq!(first.title.as_deref(), Some("Moodle acronym (False)"));
    assert_eq!(
        first.kind,
        Kind::TrueFalse(TrueFalse {
            answer: false,
            feedback: feedback(&[
                ("true", "[image: Thumb down] Your answer is incorrect."),
                ("false", "[image: Thumb up] Your answer is correct.")
            ])
        })
    );
    assert_eq!(
        first.prompt,
        "Moodle [image: Moodle logo] is an acronym for Modular Object-Oriented Dynamic Learning Education."
    );
    assert_eq!(
        first.explanation.as_deref(),
        Some("[image: Informations]For further information, see the [documentation about Moodle].")
    );
    assert_eq!(first.tags, ["truefalse"]);
    let Kind::TrueFalse(second) = &bank.questions[1].kind else {
        panic!()
    };
    assert!(second.answer);
}

#[test]
fn moodle_multichoice_export_with_images_in_choices_and_feedback() {
    let (bank, _) = import("moodle-multichoice.xml");
    let q = question(&bank, "greeting");
    assert_eq!(
        q.prompt,
        "[Listen to this greeting:]\n\nWhat language is being spoken?"
    );
    let Kind::Single(single) = &q.kind else {
        panic!("{:?}", q.kind)
    };
    assert_eq!(single.answer, "[image: French flag] French");
    assert_eq!(single.wrong.len(), 3);
    assert_eq!(
        single.feedback.get("[image: French flag] French"),
        Some("Yes, well done!")
    );
    assert_eq!(
        single.feedback.get("[image: German flag] German"),
        Some("Sorry, listen again.")
    );
    assert_eq!(q.tags, ["multichoice"]);
}

#[test]
fn moodle_xmlformat_exports_map_each_type() {
    let (bank, stderr) = import("moodle-xmlformat-test-exports.xml");
    assert!(
        stderr.contains(
            "moodle-xmlformat-test-exports.xml:222: skipped: description question \"A description\": a description has nothing to answer\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            ":238: skipped: essay question \"An essay\": essays are graded by a person\n"
        )
    );
    // Moodle's form refuses right choices that add up to more than 100%; termquiz too.
    assert!(
        stderr.contains(
            ":135: skipped: the weights of \"answers\" add up to 2, not 1; right choices share the whole credit\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("imported 6 questions, skipped 3\n"),
        "{stderr}"
    );
    let text = question(&bank, "short-answer-question");
    assert_eq!(
        text.kind,
        Kind::Text(Text {
            feedback: feedback(&[("Beta", "Well done!"), ("*", "Doh!")]),
            ..Text::new("Beta", vec![])
        })
    );
    assert_eq!(text.hint.as_deref(), Some("Hint 1"));
    let number = question(&bank, "numerical-question");
    let mut expected = Number::new(42.0, 0.001);
    expected.also = vec![NumberAnswer {
        credit: 0.0,
        feedback: Some("What were you thinking?!".into()),
        ..NumberAnswer::new(13.0, 1.0)
    }];
    expected.feedback = feedback(&[("42", "Well done!"), ("*", "Completely wrong.")]);
    assert_eq!(number.kind, Kind::Number(expected));
    let matching = question(&bank, "matching-question");
    assert_eq!(
        matching.explanation.as_deref(),
        Some("The answer is A -> a, B -> b and C -> c.")
    );
    assert_eq!(
        matching.kind,
        Kind::Match(Match {
            pairs: vec![
                ("A".into(), "a".into()),
                ("B".into(), "b".into()),
                ("C".into(), "c".into())
            ],
            extra: strings(&["d"]),
        }),
        "the subquestion without text is a distractor"
    );
    // `TestIDNum2` is not a termquiz id (capitals), so the name gives it.
    let Kind::TrueFalse(tf) = &question(&bank, "true-false-question").kind else {
        panic!()
    };
    assert!(tf.answer);
}

#[test]
fn moodle_cloze_exports_become_cloze_questions() {
    let (bank, _) = import("moodle-xmlformat-test-exports.xml");
    let verse = question(&bank, "simple-multianswer");
    assert_eq!(verse.prompt, "Fill in the gaps.");
    assert_eq!(verse.points, 2, "the sum of the gap weights");
    let Kind::Cloze(cloze) = &verse.kind else {
        panic!("{:?}", verse.kind)
    };
    assert_eq!(
        cloze.text,
        "Complete this opening line of verse: \"The {1} and the {2} went to sea\"."
    );
    assert_eq!(
        cloze.gaps[0].kind,
        GapKind::Text(Text {
            feedback: feedback(&[
                ("Dog", "Wrong, silly!"),
                ("Owl", "Well done!"),
                ("*", "Wrong answer")
            ]),
            ..Text::new("Owl", vec![])
        })
    );
    let GapKind::Single(pussy) = &cloze.gaps[1].kind else {
        panic!()
    };
    assert_eq!(pussy.answer, "Pussy-cat");
    assert_eq!(pussy.wrong, strings(&["Bow-wow", "Wiggly worm"]));
    let dollars = question(&bank, "multianswer-with-s");
    let Kind::Cloze(cloze) = &dollars.kind else {
        panic!()
    };
    assert_eq!(
        cloze.gaps[0].kind,
        GapKind::Single(Single::new("y,y,$3", strings(&["$3,y,y"])))
    );
}

#[test]
fn moodle_multiresponse_gaps_were_skipped_and_now_keep_moodles_fractions() {
    let (bank, stderr) = import("moodle-multianswer-multiresponse.xml");
    assert_eq!(
        stderr,
        "moodle-multianswer-multiresponse.xml: imported 1 question, skipped 0\n"
    );
    let q = question(&bank, "multichoice-multiple");
    assert_eq!(q.points, 2, "two gaps of mark 1");
    let Kind::Cloze(cloze) = &q.kind else {
        panic!()
    };
    assert_eq!(
        cloze.text,
        "Please select the fruits {1} and vegetables {2}"
    );
    let GapKind::Multi(fruits) = &cloze.gaps[0].kind else {
        panic!("{:?}", cloze.gaps[0])
    };
    assert_eq!(fruits.answers, strings(&["Apple", "Orange", "Banana"]));
    assert_eq!(fruits.wrong, strings(&["Burger", "Hot dog", "Pizza"]));
    // The fractions Moodle's helper.php lists for this question.
    let weight = |c: &str| fruits.weights.iter().find(|(k, _)| k == c).map(|w| w.1);
    assert_eq!(weight("Apple"), Some(0.3333333));
    assert_eq!(weight("Hot dog"), Some(-0.5));
    assert_eq!(
        fruits.feedback,
        feedback(&[
            ("Apple", "Good"),
            ("Hot dog", "Not a fruit"),
            ("Orange", "Correct")
        ])
    );
    let GapKind::Multi(vegetables) = &cloze.gaps[1].kind else {
        panic!()
    };
    // Right 0.5 each, wrong −0.5 each: termquiz's rule, so no weights are written.
    assert!(vegetables.weights.is_empty(), "{:?}", vegetables.weights);
    assert_eq!(vegetables.answers, strings(&["Raddish", "Carrot"]));
}

#[test]
fn moodle_cloze_with_images_splits_prompt_and_passage() {
    let (bank, _) = import("moodle-multianswer.xml");
    let q = question(&bank, "cloze-with-images");
    assert_eq!(
        q.prompt,
        "Match the following cities with the correct state,"
    );
    let Kind::Cloze(cloze) = &q.kind else {
        panic!()
    };
    assert!(cloze.text.starts_with("California [image: California flag] or Arizona [image: Arizona flag]\n* San Francisco: {1}\n"), "{}", cloze.text);
    assert_eq!(cloze.gaps.len(), 5);
    let GapKind::Text(capital) = &cloze.gaps[4].kind else {
        panic!()
    };
    assert_eq!(capital.answer, "Paris");
    assert_eq!(capital.partial, [("Marseille".to_string(), 0.5)]);
    assert_eq!(
        capital.feedback.get("Marseille"),
        Some("No, that is the second largest city in France (after\nParis).")
    );
}

#[test]
fn moodle_broken_cloze_questions_are_skipped_as_moodle_refuses_them() {
    let output = termquiz()
        .args(["import", "moodle-broken-cloze.xml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "moodle-broken-cloze.xml:4: skipped: cloze question \"Multianswer question without subquestions\": there is no gap like {1:SHORTANSWER:=answer} in the text\n\
         moodle-broken-cloze.xml:20: skipped: cloze question \"Multichoice subquestion without choices\": there is no gap like {1:SHORTANSWER:=answer} in the text\n\
         moodle-broken-cloze.xml:36: skipped: cloze question \"Multichoice subquestion with only one choice\": gap 1 needs at least two choices\n\
         moodle-broken-cloze.xml:52: skipped: cloze question \"Multichoice subquestion with no completely correct answer\": gap 1: no answer is worth 100%\n\
         moodle-broken-cloze.xml:68: skipped: cloze question \"Numerical subquestion with buggy answer\": gap 1: \"zero\" is not a number\n\
         moodle-broken-cloze.xml: imported 0 questions, skipped 5\n\
         error: moodle-broken-cloze.xml: nothing could be imported (5 items skipped)\n"
    );
}

#[test]
fn moodle_gapselect_offers_every_choice_of_the_group() {
    let (bank, _) = import("moodle-gapselect.xml");
    let q = question(&bank, "imported-select-missing-words-001");
    let Kind::Cloze(cloze) = &q.kind else {
        panic!()
    };
    assert_eq!(cloze.text, "The {1} {2} on the {3}.");
    assert_eq!(
        cloze.gaps[0].kind,
        GapKind::Single(Single::new("cat", strings(&["sat", "mat", "dog", "table"])))
    );
    assert_eq!(
        q.points, 1,
        "a gapselect's mark is its defaultgrade, not its gap count"
    );
    assert_eq!(q.hint.as_deref(), Some("First hint"));
    assert_eq!(q.explanation.as_deref(), Some("The cat sat on the mat."));
}

#[test]
fn moodle_nested_categories_tag_each_question_with_its_category() {
    let (bank, stderr) = import("moodle-nested-categories.xml");
    assert_eq!(
        stderr,
        "moodle-nested-categories.xml:55: skipped: essay question \"Kappa Essay Question\": essays are graded by a person\n\
         moodle-nested-categories.xml: imported 4 questions, skipped 1\n"
    );
    let tags: Vec<&str> = bank.questions.iter().map(|q| q.tags[0].as_str()).collect();
    assert_eq!(tags, ["iota", "kappa", "lambda", "mu"]);
}

#[test]
fn moodle_ordering_without_quiz_root_keeps_order_id_and_hint() {
    let (bank, _) = import("moodle-ordering.xml");
    let q = question(&bank, "myid");
    assert_eq!(q.prompt, "Put these words in order.");
    assert_eq!(
        q.kind,
        Kind::Order(Order {
            items: [
                "Modular",
                "Object",
                "Oriented",
                "Dynamic",
                "Learning",
                "Environment"
            ]
            .map(String::from)
            .to_vec()
        })
    );
    assert_eq!(q.hint.as_deref(), Some("Hint 1"));
}

#[test]
fn moodle_idnumber_with_entities_falls_back_to_the_name() {
    let (bank, _) = import("moodle-html-chars-in-idnumbers.xml");
    assert_eq!(ids(&bank), ["alpha-question"]);
    assert_eq!(bank.questions[0].tags, ["alpha"]);
}

#[test]
fn own_fixture_reads_every_field() {
    let (bank, _) = import("own-all-kinds.xml");
    let peru = question(&bank, "peru-capital");
    assert_eq!(peru.prompt, "Capital of Peru?\n(one word)");
    assert_eq!(peru.points, 3, "defaultgrade 2.5 rounds up");
    assert_eq!(peru.tags, ["unit-1", "geography", "south-america"]);
    assert_eq!(peru.hint.as_deref(), Some("It starts with **L**."));
    let distance = question(&bank, "distance");
    assert_eq!(distance.prompt, "How far is it, in m?  a < b & c");
    assert_eq!(distance.explanation.as_deref(), Some("It is 1500 m."));
    assert_eq!(
        question(&bank, "planet").explanation.as_deref(),
        Some("Correct: Jupiter is the largest.\nIncorrect: Look it up."),
        "overall feedback explains when there is no general feedback; Moodle's default sentences are left out"
    );
    let Kind::Match(capitals) = &question(&bank, "capitals").kind else {
        panic!()
    };
    assert_eq!(capitals.pairs[1], ("Italy".to_string(), "Rome".to_string()));
    assert_eq!(capitals.extra, ["Berlin"]);
    let Kind::Text(peru_kind) = &peru.kind else {
        panic!()
    };
    assert_eq!(peru_kind.accept, ["LIMA"]);
    assert_eq!(peru_kind.partial, [("Cuzco".to_string(), 0.5)]);
    assert!(peru_kind.case_sensitive);
    assert_eq!(peru_kind.feedback.other(), Some("No."));
    let Kind::Number(number) = &distance.kind else {
        panic!()
    };
    assert_eq!((number.answer, number.tolerance), (1500.0, 10.0));
    assert_eq!(number.also[0].credit, 0.5);
    assert_eq!(
        number.units,
        [
            Unit {
                unit: "m".into(),
                multiplier: 1.0
            },
            Unit {
                unit: "km".into(),
                multiplier: 0.001
            }
        ]
    );
    let Kind::Single(planet) = &question(&bank, "planet").kind else {
        panic!()
    };
    assert_eq!(planet.partial, [("Saturn".to_string(), 0.3333333)]);
    let Kind::Multi(primes) = &question(&bank, "primes").kind else {
        panic!()
    };
    assert_eq!(
        primes.weights,
        [
            ("2".to_string(), 0.5),
            ("3".to_string(), 0.5),
            ("4".to_string(), -1.0)
        ]
    );
    assert_eq!(primes.feedback.get("4"), Some("4 = 2 × 2"));
    let Kind::Cloze(sentence) = &question(&bank, "sentence").kind else {
        panic!()
    };
    assert_eq!(sentence.text, "The {1} sat on the {2}. The {3} slept.");
    assert_eq!(
        sentence.gaps[1].kind,
        GapKind::Single(Single::new("mat", strings(&["rug"])))
    );
    let every = question(&bank, "every-gap");
    assert_eq!(every.points, 5, "weights 2 + 1 + 1 + 1");
    let Kind::Cloze(every) = &every.kind else {
        panic!()
    };
    assert_eq!(every.text, "A {1} sat; {2} or {3}, case {4}.");
    let weights: Vec<f64> = every.gaps.iter().map(|g| g.weight).collect();
    assert_eq!(weights, [2.0, 1.0, 1.0, 1.0]);
    let GapKind::Number(five) = &every.gaps[2].kind else {
        panic!()
    };
    assert_eq!(
        (five.answer, five.tolerance, five.also[0].credit),
        (5.0, 0.5, 0.5)
    );
    let GapKind::Text(case) = &every.gaps[3].kind else {
        panic!()
    };
    assert!(case.case_sensitive);
    let sky = question(&bank, "sky");
    assert_eq!(sky.tags, ["extra"], "the last category segment is the tag");
    assert_eq!(sky.title.as_deref(), Some("Sky"));
}

#[test]
fn unsupported_types_are_skipped_naming_type_and_question() {
    let output = termquiz()
        .args(["import", "own-skipped.xml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "own-skipped.xml:4: skipped: calculated question \"Area\": its numbers are computed from random datasets\n\
         own-skipped.xml:5: skipped: calculatedmulti question \"Sum\": its numbers are computed from random datasets\n\
         own-skipped.xml:6: skipped: random question \"Random (Unit 1)\": it draws other questions at random from the Moodle bank\n\
         own-skipped.xml:7: skipped: randomsamatch question \"Random match\": it draws other questions at random from the Moodle bank\n\
         own-skipped.xml:8: skipped: ddimageortext question \"Map\": it needs a background image\n\
         own-skipped.xml:9: skipped: ddmarker question \"Markers\": it needs a background image\n\
         own-skipped.xml:10: skipped: wordselect question \"Words\": termquiz does not know this question type\n\
         own-skipped.xml: imported 1 question, skipped 7\n"
    );
}

#[test]
fn billion_laughs_fails_fast_without_expanding() {
    let start = Instant::now();
    let output = termquiz()
        .args(["import", "billion-laughs.xml"])
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: billion-laughs.xml:2:1: a DOCTYPE is not allowed in Moodle XML (its entities could expand without bound); remove it\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn malformed_xml_names_line_and_column() {
    let output = termquiz()
        .args(["import", "malformed.xml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: malformed.xml:4:30: expected 'name' tag, not 'nam'\n"
    );
}

#[test]
fn bom_crlf_and_entities_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.xml");
    let xml = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<quiz>\r\n<question type=\"truefalse\">\r\n\
        <name><text>A &amp; B</text></name>\r\n<questiontext format=\"plain_text\"><text>Is 1 &lt; 2?\r\nSure?</text></questiontext>\r\n\
        <answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer>\r\n</question>\r\n</quiz>\r\n";
    std::fs::write(&path, xml).unwrap();
    let output = termquiz().arg("import").arg(&path).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bank = bank::parse("out.json", &output.stdout).unwrap();
    assert_eq!(bank.questions[0].id, "a-b");
    assert_eq!(bank.questions[0].prompt, "Is 1 < 2?\nSure?");
}

#[test]
fn format_comes_from_the_extension_or_from() {
    let output = termquiz().args(["import", "SOURCES.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: SOURCES.md: cannot tell the format from the file name; add --from gift, moodle-xml, csv, kahoot, blooket, blackboard, aiken, opentdb, quizlet or anki-text\n"
    );
    let output = termquiz()
        .args(["import", "moodle-ordering.xml", "--from", "moodle-xml"])
        .output()
        .unwrap();
    assert!(output.status.success());
}

#[test]
fn export_to_moodle_xml_notes_credits_moodle_lacks_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.json");
    std::fs::write(
        &bank,
        r#"{"title": "Planets", "questions": [
            {"id": "big", "kind": "single", "prompt": "Largest?", "answer": "Jupiter",
             "wrong": ["Saturn", "Mars"], "partial": {"Saturn": 0.44}, "tags": ["space"]},
            {"id": "order", "kind": "order", "prompt": "Inner first", "items": ["Mercury", "Venus"]}
        ]}"#,
    )
    .unwrap();
    let xml = dir.path().join("bank.xml");
    let output = termquiz()
        .arg("export")
        .arg(&bank)
        .args(["--to", "moodle-xml", "-o"])
        .arg(&xml)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "{}: questions[0] (id \"big\"): note: \"Saturn\": credit 0.44 written as 40%\n",
            bank.display()
        )
    );
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(
        text.contains("<text>$course$/top/Planets/space</text>"),
        "{text}"
    );
    assert!(text.contains("<question type=\"ordering\">"), "{text}");
    let output = termquiz().arg("import").arg(&xml).output().unwrap();
    assert!(output.status.success());
    let back = bank::parse("back.json", &output.stdout).unwrap();
    let Kind::Single(big) = &back.questions[0].kind else {
        panic!()
    };
    assert_eq!(big.partial, [("Saturn".to_string(), 0.4)]);
    assert_eq!(
        back.questions[1].tags,
        ["planets"],
        "untagged: the bank's category"
    );
}
