use super::*;
use crate::bank::raw::RawBankIn;

/// Gathers the questions of the pieces (checked against the file at their offsets) and
/// hands each piece's bytes back to be read into again. A question that is not UTF-8
/// is gathered as `\u{fffd}`, which no object is.
struct Collect<'t> {
    text: &'t [u8],
    questions: Vec<String>,
    spare: Vec<Vec<u8>>,
    stop_after: usize,
}

impl Sink for Collect<'_> {
    fn take(&mut self, piece: Piece) -> bool {
        for span in &piece.questions {
            let question = &piece.bytes[span.clone()];
            let start = piece.offset as usize + span.start;
            assert_eq!(&self.text[start..start + span.len()], question);
            let question = String::from_utf8(question.to_vec());
            self.questions
                .push(question.unwrap_or_else(|_| "\u{fffd}".into()));
        }
        self.spare.push(piece.bytes);
        self.questions.len() < self.stop_after
    }

    fn spare(&mut self) -> Option<Vec<u8>> {
        self.spare.pop()
    }
}

impl<'t> Collect<'t> {
    /// A sink for the pieces of `text` that wants no more after `stop_after` questions.
    fn new(text: &'t [u8], stop_after: usize) -> Self {
        Collect {
            text,
            questions: Vec::new(),
            spare: Vec::new(),
            stop_after,
        }
    }
}

/// The header and questions the cut gives in pieces of `size`, or `None` if unusual.
fn cut_text(text: &[u8], size: usize) -> Option<(Header, Vec<String>)> {
    let mut sink = Collect::new(text, usize::MAX);
    match cut_in(text, u64::MAX, size, &mut sink).unwrap() {
        Cut::Done(header) => Some((header, sink.questions)),
        Cut::Unusual => None,
    }
}

/// What serde's derive reads: the header and each question's raw text.
fn exact(text: &[u8]) -> Option<(Header, Vec<String>)> {
    let text = std::str::from_utf8(text).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bank = serde_json::from_str::<RawBankIn>(text).ok()?;
    let questions = bank.questions.iter().map(|q| q.get().to_string()).collect();
    Some(((bank.title, bank.description), questions))
}

const PLAIN: &[&str] = &[
    r#"{"title":"T","questions":[{"id":"a"},{"id":"b","x":[{"y":"}{"}]}]}"#,
    "\u{feff}{ \"$schema\" : \"s\" ,\n\t\"questions\" : [ {} ] , \"description\" : null, \"title\": \"T\\\"\\\\\" }\r\n",
    r#"{"questions":[{"p":"{\"[\\"},{"q":"é ✔ 𝄞"}],"description":"d","ti\u0074le":"T"}"#,
    r#"{"title":"T","questions":[]}"#,
    r#"{"title":"T","questions":[{"a":{"b":{"c":"}}}"}}}]}  "#,
];

#[test]
fn a_plain_bank_is_cut_as_serde_reads_it_whatever_the_piece_size() {
    for text in PLAIN {
        let want = exact(text.as_bytes()).expect("a valid bank");
        for size in (1..=40).chain([PIECE]) {
            let got = cut_text(text.as_bytes(), size);
            assert_eq!(got.as_ref(), Some(&want), "{text} in pieces of {size}");
        }
    }
}

#[test]
fn other_shapes_are_left_to_the_exact_path() {
    let unusual = [
        r#"["s","T",null,[{}]]"#,
        r#"{"title":"T","questions":[{}],"extra":1}"#,
        r#"{"title":"T","title":"U","questions":[]}"#,
        r#"{"title":"T","questions":[],"questions":[]}"#,
        r#"{"title":"T","questions":[]} x"#,
        r#"{"questions":[]}"#,
        r#"{"title":"T","questions":{}}"#,
        r#"{"title":"T","questions":[1]}"#,
        r#"{"title":"T","questions":[{},]}"#,
        r#"{"title":"T","questions":[{}{}]}"#,
        r#"{"title":5,"questions":[]}"#,
        r#"{"title":"T","questions":[{"a":"b"}"#,
        r#"{"title":"T","description":nul,"questions":[]}"#,
        " ",
        "",
    ];
    for text in unusual {
        for size in [1, 3, PIECE] {
            assert!(cut_text(text.as_bytes(), size).is_none(), "{text}");
        }
    }
}

/// Whether every question the cut gave is a JSON object, as the workers will check.
fn objects(questions: &[String]) -> bool {
    questions
        .iter()
        .all(|q| serde_json::from_str::<serde_json::Value>(q).is_ok_and(|v| v.is_object()))
}

#[test]
fn a_damaged_bank_is_never_cut_into_questions_serde_would_refuse() {
    let text = PLAIN[2].as_bytes();
    let bytes = [
        b'{', b'}', b'[', b']', b'"', b',', b':', b'\\', b' ', b'a', 0xff,
    ];
    let mut damaged = Vec::new();
    for at in 0..text.len() {
        let mut without = text.to_vec();
        without.remove(at);
        damaged.push(without);
        for &b in &bytes {
            let mut with = text.to_vec();
            with.insert(at, b);
            damaged.push(with);
            let mut replaced = text.to_vec();
            replaced[at] = b;
            damaged.push(replaced);
        }
    }
    let mut cut_whole = 0;
    for text in &damaged {
        for size in [4, PIECE] {
            let Some(got) = cut_text(text, size).filter(|(_, q)| objects(q)) else {
                continue;
            };
            cut_whole += 1;
            let shown = String::from_utf8_lossy(text);
            assert_eq!(Some(got), exact(text), "{shown} in pieces of {size}");
        }
    }
    // Some damage leaves a valid bank (a space added): those must still be cut.
    assert!(cut_whole > 100, "only {cut_whole} damaged texts were cut");
}

#[test]
fn a_sink_that_wants_no_more_stops_the_cut() {
    let text = PLAIN[0].as_bytes();
    let mut sink = Collect::new(text, 1);
    let cut = cut_in(text, u64::MAX, 30, &mut sink).unwrap();
    assert!(matches!(cut, Cut::Unusual));
    assert_eq!(sink.questions.len(), 1);
}

#[test]
fn a_file_past_the_limit_is_an_error() {
    let text = PLAIN[0].as_bytes();
    let mut sink = Collect::new(text, usize::MAX);
    let limit = text.len() as u64 - 1;
    let Err(e) = cut_in(text, limit, 8, &mut sink) else {
        panic!("a file past the limit must be refused");
    };
    assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    assert!(cut_in(text, limit + 1, 8, &mut sink).is_ok());
}
