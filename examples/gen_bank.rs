//! Writes a synthetic bank of N questions (all kinds, realistic text) to stdout, for benchmarks.
//! `cargo run --release --example gen_bank -- 100000 > big.json`

use std::io::Write;

use termquiz::bank::{
    Bank, Difficulty, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse, raw,
};

const WORDS: [&str; 16] = [
    "soundtrack",
    "cast",
    "recording",
    "studio",
    "audience",
    "musical",
    "label",
    "album",
    "theatre",
    "scene",
    "movie",
    "broadway",
    "original",
    "release",
    "famous",
    "music",
];

fn sentence(seed: usize, words: usize) -> String {
    let mut s: Vec<&str> = (0..words)
        .map(|i| WORDS[(seed * 7 + i * 13 + i * i) % WORDS.len()])
        .collect();
    s.push(WORDS[seed % WORDS.len()]);
    let mut text = s.join(" ");
    text.push_str(&format!(" {seed}"));
    text
}

fn choices(i: usize, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| format!("{} {k}", sentence(i + k, 3)))
        .collect()
}

fn kind(i: usize) -> Kind {
    match i % 7 {
        0 => {
            let mut c = choices(i, 4);
            Kind::Single(Single {
                answer: c.remove(0),
                wrong: c,
                ..Single::default()
            })
        }
        1 => {
            let mut c = choices(i, 5);
            Kind::Multi(Multi {
                answers: c.drain(..2).collect(),
                wrong: c,
                ..Multi::default()
            })
        }
        2 => Kind::TrueFalse(TrueFalse {
            answer: i.is_multiple_of(2),
            ..TrueFalse::default()
        }),
        3 => Kind::Text(Text {
            answer: format!("answer {i}"),
            accept: vec![format!("alt {i}")],
            ..Text::default()
        }),
        4 => Kind::Number(Number {
            answer: 1900.0 + (i % 120) as f64,
            tolerance: 0.5,
            ..Number::default()
        }),
        5 => Kind::Order(Order {
            items: choices(i, 4),
        }),
        _ => Kind::Match(Match {
            pairs: choices(i, 3).into_iter().zip(choices(i + 50, 3)).collect(),
            ..Match::default()
        }),
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let questions = (0..n)
        .map(|i| {
            let mut q = Question::new(format!("q-{i}"), format!("{}?", sentence(i, 12)), kind(i));
            q.explanation = Some(sentence(i + 1, 20));
            q.source = Some("Comparison table".into());
            q.tags = vec![WORDS[i % 16].to_string(), WORDS[(i + 3) % 16].to_string()];
            q.difficulty = Difficulty::ALL[i % 3];
            q
        })
        .collect();
    let bank = Bank {
        title: format!("Synthetic {n}"),
        description: None,
        questions,
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(raw::to_json(&bank).as_bytes());
}
