//! Whole-question tests of the GIFT import: text in, bank questions or notes out.

use super::*;
use crate::bank::{
    Feedback, Kind, Match, Multi, Number, NumberAnswer, Question, Single, Text, TrueFalse,
};

fn one(text: &str) -> Question {
    let imported = parse(text).finish("t", || {});
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    imported.bank.questions.into_iter().next().unwrap()
}

fn skipped(text: &str) -> Skipped {
    let imported = parse(text).finish("t", || {});
    assert!(imported.bank.questions.is_empty(), "{:?}", imported.bank);
    imported.skipped.into_iter().next().unwrap()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn single_choice_with_title_and_feedback() {
    let q = one("::capital-fr::Capital of France? {=Paris#Right! ~Lyon ~Nice}");
    assert_eq!(q.id, "capital-fr");
    assert_eq!(q.prompt, "Capital of France?");
    assert_eq!(
        q.kind,
        Kind::Single(Single {
            answer: "Paris".into(),
            wrong: strings(&["Lyon", "Nice"]),
            feedback: Feedback(vec![("Paris".into(), "Right!".into())]),
            ..Single::default()
        })
    );
    assert_eq!(q.title.as_deref(), Some("capital-fr"));
    assert_eq!(q.explanation, None);
}

#[test]
fn multi_choice_by_weights() {
    // Moodle's own weights: picking 4 takes away everything.
    let q = one("Primes? {~%50%2 ~%50%3 ~%-100%4}");
    assert_eq!(
        q.kind,
        Kind::Multi(Multi {
            answers: strings(&["2", "3"]),
            wrong: strings(&["4"]),
            weights: vec![("2".into(), 0.5), ("3".into(), 0.5), ("4".into(), -1.0)],
            ..Multi::default()
        })
    );
    // Weights that are termquiz's default rule (right 1/n, wrong -1/n) are left out.
    let q = one("Primes? {~%50%2 ~%50%3 ~%-50%4}");
    assert_eq!(
        q.kind,
        Kind::Multi(Multi::new(strings(&["2", "3"]), strings(&["4"])))
    );
}

#[test]
fn true_false_forms() {
    for (body, answer) in [("T", true), ("TRUE", true), ("F", false), ("false", false)] {
        assert_eq!(
            one(&format!("Sky is green? {{{body}}}")).kind,
            Kind::TrueFalse(TrueFalse {
                answer,
                ..TrueFalse::default()
            })
        );
    }
    let q = one("Water is wet {TRUE#no#yes indeed}");
    let feedback = Feedback(vec![
        ("true".into(), "yes indeed".into()),
        ("false".into(), "no".into()),
    ]);
    assert_eq!(
        q.kind,
        Kind::TrueFalse(TrueFalse {
            answer: true,
            feedback
        })
    );
}

#[test]
fn text_with_variants() {
    let q = one("Who wrote Hamlet? {=Shakespeare =William Shakespeare}");
    assert_eq!(
        q.kind,
        Kind::Text(Text {
            answer: "Shakespeare".into(),
            accept: strings(&["William Shakespeare"]),
            ..Text::default()
        })
    );
}

#[test]
fn numbers_exact_tolerance_and_range() {
    assert_eq!(
        one("Year? {#1929}").kind,
        Kind::Number(Number {
            answer: 1929.0,
            tolerance: 0.0,
            ..Number::default()
        })
    );
    assert_eq!(
        one("Half? {#2.5:0.01}").kind,
        Kind::Number(Number {
            answer: 2.5,
            tolerance: 0.01,
            ..Number::default()
        })
    );
    assert_eq!(
        one("Five-ish? {#4..6}").kind,
        Kind::Number(Number {
            answer: 5.0,
            tolerance: 1.0,
            ..Number::default()
        })
    );
    assert_eq!(
        one("Two? {#=2:0 =%50%3:0}").kind,
        Kind::Number(Number {
            answer: 2.0,
            tolerance: 0.0,
            also: vec![NumberAnswer {
                credit: 0.5,
                ..NumberAnswer::new(3.0, 0.0)
            }],
            ..Number::default()
        })
    );
}

#[test]
fn matching_pairs() {
    let q = one("Match {=cat -> meow =dog -> woof}");
    assert_eq!(
        q.kind,
        Kind::Match(Match {
            pairs: vec![("cat".into(), "meow".into()), ("dog".into(), "woof".into())],
            ..Match::default()
        })
    );
}

#[test]
fn general_feedback_wins() {
    let q = one("Q {=a#fa ~b####Because.}");
    assert_eq!(q.explanation.as_deref(), Some("Because."));
}

#[test]
fn gap_in_the_middle() {
    assert_eq!(
        one("The {=cat ~dog} sat on the mat.").prompt,
        "The _____ sat on the mat."
    );
}

#[test]
fn escapes_comments_categories_formats_multiline() {
    let text = "// a comment\n$CATEGORY: top/Sub Topic\n\n::t1::[html]What is 1\\+1 \\= \\{x\\}\\: a\\~b\\#?\nsecond line{\n=two\n~three\n}\n";
    let q = one(text);
    assert_eq!(q.prompt, "What is 1\\+1 = {x}: a~b#?\nsecond line");
    assert_eq!(q.tags, strings(&["sub-topic"]));
    assert_eq!(q.id, "t1");
}

#[test]
fn crlf_and_bom_are_accepted() {
    let q = one("\u{feff}::a::Q?\r\n{=x\r\n~y}\r\n");
    assert_eq!(
        q.kind,
        Kind::Single(Single {
            answer: "x".into(),
            wrong: strings(&["y"]),
            ..Single::default()
        })
    );
}

#[test]
fn essay_and_description_are_skipped() {
    assert_eq!(
        skipped("\n\nWrite an essay {}"),
        Skipped::new(3, "essay questions have no answer to grade")
    );
    assert_eq!(
        skipped("Just some text.").reason,
        "a description without {…} answers has nothing to ask"
    );
}

#[test]
fn malformed_blocks_name_the_line() {
    assert_eq!(skipped("Q\n{=a ~b\n").line, 2);
    assert!(
        skipped("Q\n{=a ~b\n")
            .reason
            .starts_with("'{' is not closed")
    );
    assert_eq!(
        skipped("Q {~a ~b}").reason,
        "no right answer; mark one with '=' or give it a positive %weight%"
    );
    let bad = skipped("Q {\n~%50%a\n~%abc%b\n}");
    assert_eq!(
        bad,
        Skipped::new(
            3,
            "bad weight '%abc%'; use a percentage from -100 to 100 like %50%"
        )
    );
    assert!(skipped("Q {#abc}").reason.starts_with("bad number 'abc'"));
}

#[test]
fn duplicate_choices_are_skipped_not_fatal() {
    let imported = parse("A {=x ~x}\n\nB {=y ~z}").finish("t", || {});
    assert_eq!(imported.bank.questions.len(), 1);
    assert_eq!(imported.skipped[0].line, 1);
}

#[test]
fn ids_from_prompts_are_unique() {
    let imported = parse("Same? {T}\n\nSame? {F}").finish("t", || {});
    let ids: Vec<_> = imported
        .bank
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["same", "same-2"]);
}

#[test]
fn bare_answers_are_short_answers() {
    let q = one("Say one {One}");
    assert_eq!(
        q.kind,
        Kind::Text(Text {
            answer: "One".into(),
            accept: vec![],
            ..Text::default()
        })
    );
    let q = one("Five? {5}");
    assert_eq!(
        q.kind,
        Kind::Text(Text {
            answer: "5".into(),
            accept: vec![],
            ..Text::default()
        })
    );
}

#[test]
fn stray_closing_brace_is_unmatched_not_a_description() {
    let note = skipped("Text with a stray } brace");
    assert_eq!(note.line, 1);
    assert!(note.reason.starts_with("unmatched '}'"), "{}", note.reason);
    let note = skipped("Q {=a ~b}\nthen }");
    assert_eq!(note.line, 2);
    assert!(note.reason.starts_with("unmatched '}'"), "{}", note.reason);
}

#[test]
fn question_split_by_a_blank_line_says_so() {
    let imported = parse("What is the capital\nof France?\n\n{=Paris ~Lyon}").finish("t", || {});
    assert!(imported.bank.questions.is_empty());
    assert_eq!(imported.skipped[0].line, 1);
    assert!(
        imported.skipped[0]
            .reason
            .starts_with("the question text goes on after a blank line?"),
        "{:?}",
        imported.skipped
    );
}

#[test]
fn multi_answer_without_a_wrong_choice_says_so_in_gift_terms() {
    assert_eq!(
        skipped("Q {~%50%a ~%50%b}").reason,
        "every answer is right: a GIFT multiple-answer question needs a wrong choice"
    );
}

#[test]
fn comment_metadata_gives_id_and_tags() {
    let q =
        one("// [id:cap-fr] [tag:geo] [tag:europe]\n::Capital::Capital of France? {=Paris ~Lyon}");
    assert_eq!(q.id, "cap-fr");
    assert_eq!(q.tags, strings(&["geo", "europe"]));
}

#[test]
fn html_and_format_prefixes_are_cleaned_everywhere() {
    let q = one("[html]<p>Pick <b>blue</b>&nbsp;now</p> {=[plain]blue ~[moodle]<i>red</i>}");
    assert_eq!(q.prompt, "Pick blue now");
    assert_eq!(
        q.kind,
        Kind::Single(Single {
            answer: "blue".into(),
            wrong: strings(&["red"]),
            ..Single::default()
        })
    );
}

#[test]
fn general_feedback_is_split_at_the_last_marker() {
    let q = one("Q {=a ~b ####one####two}");
    assert_eq!(q.explanation.as_deref(), Some("two"));
}

#[test]
fn what_the_bank_cannot_hold_gets_a_note() {
    let imported = parse("P {=a ~%-50%b ~c}\n\nS {=x =%-10%y\n=z}\n\nN {#=5 =%-25%6 =%10%*}")
        .finish("t", || {});
    assert_eq!(imported.bank.questions.len(), 3, "{:?}", imported.skipped);
    let notes: Vec<(usize, &str)> = imported
        .notes
        .iter()
        .map(|n| (n.line, n.reason.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (
                1,
                "the penalty %-50% of 'b' is left out: a one-answer question earns 0 at worst"
            ),
            (
                3,
                "the penalty %-10% of 'y' is left out: a typed answer earns 0 at worst"
            ),
            (
                6,
                "the penalty %-25% is left out: a number earns 0 at worst"
            ),
            (6, "'*' at 10% is left out: any other number earns 0"),
        ]
    );
}

#[test]
fn star_in_a_short_answer_is_moodle_s_wildcard_with_its_credit() {
    let q = one("S {=%50%*#anything =Cat* =Tiger}");
    assert_eq!(
        q.kind,
        Kind::Text(Text {
            answer: "Tiger".into(),
            accept: strings(&["Cat*"]),
            partial: vec![("*".into(), 0.5)],
            feedback: Feedback(vec![("*".into(), "anything".into())]),
            ..Text::default()
        })
    );
}

#[test]
fn several_full_answers_in_a_one_answer_question_are_skipped() {
    assert_eq!(
        skipped("Q {=a =b ~c}").reason,
        "several answers at 100% in a one-answer question; keep one '=' and give the others '~'"
    );
}

#[test]
fn multi_weights_must_share_100_percent() {
    assert_eq!(
        skipped("Q {~%50%a ~%60%b ~c}").reason,
        "the right answers' weights add up to 110%, not 100%; make them share 100%"
    );
}

#[test]
fn case_different_choices_are_kept_apart() {
    let q = one("Which? {=GB ~Gb ~gb}");
    assert_eq!(
        q.kind,
        Kind::Single(Single::new("GB", strings(&["Gb", "gb"])))
    );
}
