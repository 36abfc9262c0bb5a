//! A bank file read in pieces and cut into its questions as they arrive, so that a big
//! file is never held whole. Only the plain shape is followed: one object with `title`,
//! `questions` and optionally `$schema` and `description`, each once. Anything else (another
//! shape, a syntax error, bytes that are not UTF-8) ends the cut with [`Cut::Unusual`]: the
//! caller then reads the file the exact way, which names the problem at its place. A piece's
//! questions are only delimited here; whoever parses them checks what is inside.

use std::io::{self, Read};
use std::ops::Range;

use memchr::{memchr2, memchr3_iter};

/// Bytes read at a time; a question longer than this grows the piece until it ends.
pub(crate) const PIECE: usize = 1 << 20;

/// Some questions of the file and the bytes they are in.
pub(crate) struct Piece {
    /// Where `bytes` starts in the file.
    pub offset: u64,
    /// The bytes read; past the last question they may be left from an earlier piece.
    pub bytes: Vec<u8>,
    /// Each question's place in `bytes`, in file order.
    pub questions: Vec<Range<usize>>,
}

/// A bank's title and description.
pub(crate) type Header = super::stream::Header;

/// How cutting a file ended.
pub(crate) enum Cut {
    /// The whole file was cut: its title and description.
    Done(Header),
    /// The file is not in the plain shape or not well-formed.
    Unusual,
}

/// Where the pieces go, in file order.
pub(crate) trait Sink {
    /// Takes a piece; `false` stops the cut as [`Cut::Unusual`].
    fn take(&mut self, piece: Piece) -> bool;
    /// The bytes of a piece that is done with, to read into again.
    fn spare(&mut self) -> Option<Vec<u8>>;
}

/// Reads `input` to its end (at most `limit` bytes), handing its questions to `sink` a
/// piece at a time in file order.
pub(crate) fn cut(input: impl Read, limit: u64, sink: &mut dyn Sink) -> io::Result<Cut> {
    cut_in(input, limit, PIECE, sink)
}

/// [`cut`] with pieces of `size` bytes (tests cut in tiny pieces).
fn cut_in(input: impl Read, limit: u64, size: usize, sink: &mut dyn Sink) -> io::Result<Cut> {
    let mut cutter = Cutter {
        size,
        input: input.take(limit.saturating_add(1)),
        limit,
        piece: Piece {
            offset: 0,
            bytes: Vec::new(),
            questions: Vec::new(),
        },
        at: 0,
        filled: 0,
        end: false,
        header: Fields::default(),
    };
    let cut = cutter.run(sink)?;
    if !cutter.piece.questions.is_empty() && !sink.take(cutter.piece) {
        return Ok(Cut::Unusual);
    }
    Ok(cut)
}

/// The top-level fields as written: their raw JSON values, parsed once the cut is over.
#[derive(Default)]
struct Fields {
    schema: Option<Vec<u8>>,
    title: Option<Vec<u8>>,
    description: Option<Vec<u8>>,
    questions: bool,
}

impl Fields {
    /// The header, when the fields are all there and of the right types.
    fn header(self) -> Option<Header> {
        let text = |raw: &Option<Vec<u8>>| -> Option<Option<String>> {
            match raw {
                None => Some(None),
                Some(raw) => serde_json::from_slice::<Option<String>>(raw).ok(),
            }
        };
        text(&self.schema)?;
        let title = serde_json::from_slice::<String>(self.title.as_deref()?).ok()?;
        let description = text(&self.description)?;
        self.questions.then_some((title, description))
    }
}

/// Where the cut stands: what the next significant byte may be.
#[derive(Clone, Copy)]
enum State {
    /// The start of the file: `{`, after an optional byte-order mark.
    Open,
    /// Just after `{`: a key or `}`.
    FirstKey,
    /// After `,`: a key.
    Key,
    /// After a key: `:` then the value of this field.
    Colon(Field),
    /// The value of a field.
    Value(Field),
    /// After a value: `,` or `}`.
    AfterValue,
    /// Just after `[` of the questions: a question or `]`.
    FirstQuestion,
    /// After `,` among the questions: a question.
    Question,
    /// After a question: `,` or `]`.
    AfterQuestion,
    /// After the final `}`: only white space.
    Over,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Schema,
    Title,
    Description,
    Questions,
}

/// What one step of the cut found.
enum Step {
    /// Go on from this state.
    Next(State),
    /// The bytes so far end inside a token: read more, then take the step again.
    More,
    /// Not the plain shape, or not JSON.
    Unusual,
}

struct Cutter<R> {
    /// Bytes read at a time.
    size: usize,
    input: io::Take<R>,
    limit: u64,
    /// The piece being filled: its bytes up to `filled` are read, up to `at` cut.
    piece: Piece,
    at: usize,
    filled: usize,
    /// The input is over.
    end: bool,
    header: Fields,
}

impl<R: Read> Cutter<R> {
    fn run(&mut self, sink: &mut dyn Sink) -> io::Result<Cut> {
        let mut state = State::Open;
        loop {
            let step = match self.skip_space() {
                Some(byte) => self.step(state, byte),
                None if self.end => {
                    return Ok(match (state, std::mem::take(&mut self.header).header()) {
                        (State::Over, Some(header)) => Cut::Done(header),
                        _ => Cut::Unusual,
                    });
                }
                None => Step::More,
            };
            match step {
                Step::Next(next) => state = next,
                Step::Unusual => return Ok(Cut::Unusual),
                Step::More if self.end => return Ok(Cut::Unusual),
                Step::More => {
                    if !self.read_more(sink)? {
                        return Ok(Cut::Unusual);
                    }
                }
            }
        }
    }

    /// The bytes read and not yet cut.
    fn rest(&self) -> &[u8] {
        &self.piece.bytes[self.at..self.filled]
    }

    /// Skips white space; gives the byte after it, if the bytes read go that far.
    fn skip_space(&mut self) -> Option<u8> {
        let rest = self.rest();
        let space = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        self.at += space;
        self.rest().first().copied()
    }

    /// One step from `state` at the byte `byte` (at `self.at`).
    fn step(&mut self, state: State, byte: u8) -> Step {
        let punct = |at: &mut usize, want: u8, next: State| {
            if byte == want {
                *at += 1;
                Step::Next(next)
            } else {
                Step::Unusual
            }
        };
        match state {
            State::Open => {
                let bom = "\u{feff}".as_bytes();
                let rest = self.rest();
                if self.piece.offset == 0 && self.at == 0 && rest.starts_with(bom) {
                    self.at += bom.len();
                    Step::Next(State::Open)
                } else if self.piece.offset == 0 && self.at == 0 && bom.starts_with(rest) {
                    Step::More
                } else {
                    punct(&mut self.at, b'{', State::FirstKey)
                }
            }
            State::FirstKey if byte == b'}' => {
                self.at += 1;
                Step::Next(State::Over)
            }
            State::FirstKey | State::Key => self.key(),
            State::Colon(field) => punct(&mut self.at, b':', State::Value(field)),
            State::Value(Field::Questions) => punct(&mut self.at, b'[', State::FirstQuestion),
            State::Value(field) => self.header_value(field),
            State::AfterValue if byte == b',' => {
                self.at += 1;
                Step::Next(State::Key)
            }
            State::AfterValue => punct(&mut self.at, b'}', State::Over),
            State::FirstQuestion if byte == b']' => {
                self.at += 1;
                Step::Next(State::AfterValue)
            }
            State::FirstQuestion | State::Question => self.question(byte),
            State::AfterQuestion if byte == b',' => {
                self.at += 1;
                Step::Next(State::Question)
            }
            State::AfterQuestion => punct(&mut self.at, b']', State::AfterValue),
            State::Over => Step::Unusual,
        }
    }

    /// A key: one of the four fields, not seen before.
    fn key(&mut self) -> Step {
        let rest = self.rest();
        if rest.first() != Some(&b'"') {
            return Step::Unusual;
        }
        let Some(len) = string_len(rest) else {
            return Step::More;
        };
        let Ok(name) = serde_json::from_slice::<String>(&rest[..len]) else {
            return Step::Unusual;
        };
        let (field, seen) = match name.as_str() {
            "$schema" => (Field::Schema, self.header.schema.is_some()),
            "title" => (Field::Title, self.header.title.is_some()),
            "description" => (Field::Description, self.header.description.is_some()),
            "questions" => (Field::Questions, self.header.questions),
            _ => return Step::Unusual,
        };
        if seen {
            return Step::Unusual;
        }
        self.header.questions |= field == Field::Questions;
        self.at += len;
        Step::Next(State::Colon(field))
    }

    /// The value of `$schema`, `title` or `description`: a string or `null`, kept raw.
    fn header_value(&mut self, field: Field) -> Step {
        let rest = self.rest();
        let len = if rest.first() == Some(&b'"') {
            string_len(rest)
        } else {
            rest.iter()
                .position(|b| !b.is_ascii_alphabetic())
                .filter(|&len| &rest[..len] == b"null")
        };
        let Some(len) = len else {
            let partial = rest.first() == Some(&b'"') || b"null".starts_with(rest);
            return if partial { Step::More } else { Step::Unusual };
        };
        let raw = Some(rest[..len].to_vec());
        match field {
            Field::Schema => self.header.schema = raw,
            Field::Title => self.header.title = raw,
            Field::Description => self.header.description = raw,
            Field::Questions => return Step::Unusual,
        }
        self.at += len;
        Step::Next(State::AfterValue)
    }

    /// A question: an object, delimited by its braces outside strings.
    fn question(&mut self, byte: u8) -> Step {
        if byte != b'{' {
            return Step::Unusual;
        }
        let Some(len) = object_len(self.rest()) else {
            return Step::More;
        };
        self.piece.questions.push(self.at..self.at + len);
        self.at += len;
        Step::Next(State::AfterQuestion)
    }

    /// Hands the cut questions on and reads more bytes after what is left of this piece;
    /// `false` when the sink wants no more.
    fn read_more(&mut self, sink: &mut dyn Sink) -> io::Result<bool> {
        let left = self.at..self.filled;
        let mut next = sink.spare().unwrap_or_default();
        // A spare piece keeps its length: only new room is zeroed.
        let room = next.len().max(self.size).max(left.len() * 2);
        next.resize(room, 0);
        next[..left.len()].copy_from_slice(&self.piece.bytes[left.clone()]);
        let offset = self.piece.offset + self.at as u64;
        let done = std::mem::replace(
            &mut self.piece,
            Piece {
                offset,
                bytes: next,
                questions: Vec::new(),
            },
        );
        if !done.questions.is_empty() && !sink.take(done) {
            return Ok(false);
        }
        self.at = 0;
        self.filled = left.len();
        while self.filled < room {
            match self.input.read(&mut self.piece.bytes[self.filled..]) {
                Ok(0) => break,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.end = self.filled < room;
        if self.piece.offset + self.filled as u64 > self.limit {
            return Err(super::input::too_large(self.limit));
        }
        Ok(true)
    }
}

/// The length of the string that `bytes` starts with, quotes included; `None` when the
/// bytes end first.
fn string_len(bytes: &[u8]) -> Option<usize> {
    let mut at = 1;
    loop {
        at += memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        at += 2;
    }
}

/// The length of the object that `bytes` starts with, from `{` to its `}`; `None` when the
/// bytes end first. Only braces outside strings count: whoever parses the object checks
/// the rest. One search for quotes and braces runs through the object; a quote inside a
/// string ends it unless an odd number of backslashes comes before it.
fn object_len(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    for at in memchr3_iter(b'"', b'{', b'}', bytes) {
        match bytes[at] {
            b'"' if in_string => {
                let escapes = bytes[..at]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count();
                in_string = escapes % 2 == 1;
            }
            b'"' => in_string = true,
            _ if in_string => {}
            b'{' => depth += 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "pieces_tests.rs"]
mod tests;
