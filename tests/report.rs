//! `termquiz report` over fixture result files and over 1,000 generated ones.

mod common;

use common::{Quiz, fixture};
use termquiz::store::{QuestionRecord, SessionRecord, results};

fn fixture_dir() -> String {
    fixture("results").display().to_string()
}

const TABLE: &str = "\
Soundtrack vs Cast Recording — 3 results

NAME              SCORE  MAX  PERCENT     TIME  INTERRUPTED
Ann Lee               3    4      75%     4:05  no
bob                   1    3      33%     2:00  yes
Cléo, \"the\" =Ace      2    4      50%  1:01:03  no

QUESTION                   RIGHT  ASKED  MOST COMMON WRONG ANSWER
best-selling-albums-label     0%      3  Columbia (2×)
first-soundtrack-film        67%      3  The Band Wagon (1×)
ost-full-form                67%      3  Oh So True\\u{1b}[2J (1×)
first-cast-recording-year   100%      2

World Capitals — 1 result

NAME  SCORE  MAX  PERCENT  TIME  INTERRUPTED
Zed       1    2      50%  0:30  no

QUESTION  RIGHT  ASKED  MOST COMMON WRONG ANSWER
peru         0%      1  Cusco (1×)
france     100%      1
";

const CSV: &str = "\
section,bank,name,score,max_score,percent,seconds,interrupted,problems\r
student,Soundtrack vs Cast Recording,Ann Lee,3,4,75,245,no,\r
student,Soundtrack vs Cast Recording,bob,1,3,33.33,120,yes,\r
student,Soundtrack vs Cast Recording,\"Cléo, \"\"the\"\" =Ace\",2,4,50,3663,no,\r
student,World Capitals,Zed,1,2,50,30,no,\r
\r
section,bank,question,asked,right,percent_right,most_common_wrong,wrong_count\r
question,Soundtrack vs Cast Recording,best-selling-albums-label,3,0,0,Columbia,2\r
question,Soundtrack vs Cast Recording,first-soundtrack-film,3,2,66.7,The Band Wagon,1\r
question,Soundtrack vs Cast Recording,ost-full-form,3,2,66.7,Oh So True\\u{1b}[2J,1\r
question,Soundtrack vs Cast Recording,first-cast-recording-year,2,2,100,,\r
question,World Capitals,peru,1,0,0,Cusco,1\r
question,World Capitals,france,1,1,100,,\r
";

#[test]
fn table_per_bank_with_a_bad_file_named_and_exit_1() {
    let run = Quiz::new().args(["report", &fixture_dir()]).run().code(1);
    assert_eq!(run.stdout, TABLE);
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(
        errors[0].ends_with("results/broken.json:5:3: expected `,` or `}`"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[1], "error: 1 of 5 result files could not be read");
}

#[test]
fn csv_has_two_blocks_quoted_per_rfc_4180() {
    let run = Quiz::new()
        .args(["report", "--format", "csv", &fixture_dir()])
        .run()
        .code(1);
    assert_eq!(run.stdout, CSV);
    assert!(run.stderr.contains("broken.json:5:3"), "{}", run.stderr);
}

#[test]
fn only_good_files_exit_0() {
    let dir = fixture_dir();
    let files = ["ann.json", "bob.json"].map(|f| format!("{dir}/{f}"));
    let run = Quiz::new().args(["report"]).args(files).run().code(0);
    assert!(
        run.stdout
            .starts_with("Soundtrack vs Cast Recording — 2 results\n")
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn no_valid_file_is_an_error() {
    let broken = format!("{}/broken.json", fixture_dir());
    let run = Quiz::new()
        .args(["report", &broken, "/nonexistent/x.json"])
        .run()
        .code(1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("/nonexistent/x.json: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("none of the 2 files given is a result termquiz can read"),
        "{}",
        run.stderr
    );
}

/// Student `i` answers questions q0..q9; question `j` is right unless `(i + j) % 4 == 0`.
fn generated(i: usize) -> SessionRecord {
    let start = jiff::Timestamp::from_second(1_772_000_000 + i as i64).unwrap();
    let questions: Vec<QuestionRecord> = (0..10)
        .map(|j| {
            let correct = !(i + j).is_multiple_of(4);
            QuestionRecord {
                id: format!("q{j}"),
                correct,
                awarded: if correct { 1.0 } else { 0.0 },
                points: 1,
                answer: if correct {
                    "right".into()
                } else {
                    format!("wrong{}", i % 3)
                },
                ms: 1000,
                tags: Vec::new(),
                prompt: None,
            }
        })
        .collect();
    let score = questions.iter().filter(|q| q.correct).count() as f64;
    SessionRecord {
        name: format!("student-{i:04}"),
        bank: "Big Class".into(),
        started_at: start,
        finished_at: start
            .checked_add(jiff::SignedDuration::from_secs(60))
            .unwrap(),
        mode: "exam".into(),
        seed: i as u64,
        score,
        max_score: 10.0,
        interrupted: false,
        session_questions: Some(10),
        session_max: Some(10.0),
        longest_streak: 0,
        questions,
    }
}

#[test]
fn a_thousand_result_files() {
    let quiz = Quiz::new();
    let dir = quiz.path().join("class");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..1000 {
        results::write_result(&dir, &generated(i)).unwrap();
    }
    let run = quiz
        .args(["report", "--format", "csv", dir.to_str().unwrap()])
        .run()
        .code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let students: Vec<&&str> = lines.iter().filter(|l| l.starts_with("student,")).collect();
    assert_eq!(students.len(), 1000);
    assert_eq!(
        *students[0],
        "student,Big Class,student-0000,7,10,70,60,no,"
    );
    assert_eq!(
        *students[1],
        "student,Big Class,student-0001,8,10,80,60,no,"
    );
    assert_eq!(
        *students[999],
        "student,Big Class,student-0999,7,10,70,60,no,"
    );
    let questions: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("question,"))
        .collect();
    assert_eq!(questions.len(), 10);
    // Every question is missed by exactly a quarter of the 1,000 students.
    for line in questions {
        assert!(line.contains(",1000,750,75,wrong"), "{line}");
    }
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn report_of_an_empty_dir_said_no_valid_result_file_among_0() {
    let quiz = Quiz::new();
    let empty = quiz.path().join("emptydir");
    std::fs::create_dir(&empty).unwrap();
    let arg = format!("{}/", empty.display());
    let run = quiz.args(["report", &arg]).run().code(1);
    assert!(!run.stderr.contains("among 0"), "{}", run.stderr);
    assert!(
        run.stderr.contains("no result files (*.json) in") && run.stderr.contains("--results DIR/"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bank_given_to_report_said_missing_field_correct() {
    let bank =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/soundtrack-vs-cast.json");
    let run = Quiz::new()
        .args(["report", &bank.display().to_string()])
        .run()
        .code(1);
    assert!(!run.stderr.contains("missing field"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("soundtrack-vs-cast.json: this is a question bank, not a result file"),
        "{}",
        run.stderr
    );
}
