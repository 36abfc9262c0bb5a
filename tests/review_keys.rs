//! Review progress belongs to each bank's own questions, however banks are combined.

mod common;

use common::Quiz;

fn bank(title: &str, prefix: &str) -> String {
    format!(
        r#"{{"title": "{title}", "questions": [
          {{"id": "{prefix}1", "kind": "number", "prompt": "Type 1", "answer": 1}},
          {{"id": "{prefix}2", "kind": "number", "prompt": "Type 2", "answer": 2}}
        ]}}"#
    )
}

#[test]
fn reviewing_two_banks_together_then_one_alone_keeps_its_cards() {
    let quiz = Quiz::new();
    let dir = quiz.path().join("banks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.json"), bank("Bank A", "a")).unwrap();
    std::fs::write(dir.join("b.json"), bank("Bank B", "b")).unwrap();
    let data = quiz.path().join("data");
    let data = data.to_str().unwrap();
    Quiz::new()
        .env("TERMQUIZ_DATA_DIR", data)
        .args(["review", dir.to_str().unwrap(), "--new", "10"])
        .stdin("1\n2\n1\n2\n")
        .run()
        .code(0)
        .stdout_has("Reviewed 4");
    // Alone, Bank A's cards are the ones just reviewed: nothing is new or due.
    Quiz::new()
        .env("TERMQUIZ_DATA_DIR", data)
        .args(["review", dir.join("a.json").to_str().unwrap()])
        .run()
        .code(0)
        .stdout_has("Nothing to review in Bank A");
    // A new file in the directory does not make the others' cards new.
    std::fs::write(dir.join("c.json"), bank("Bank C", "c")).unwrap();
    Quiz::new()
        .env("TERMQUIZ_DATA_DIR", data)
        .args(["review", dir.to_str().unwrap(), "--new", "10"])
        .stdin("1\n2\n")
        .run()
        .code(0)
        .stdout_has("— 2 to review");
}
