//! Writes a synthetic `history.jsonl` of about N MiB to stdout, for the stats benchmark.
//! `cargo run --release --example gen_history -- 200 > history.jsonl`
use std::io::Write;

fn main() {
    let mib: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut written, mut session) = (0usize, 0usize);
    while written < mib << 20 {
        let questions: Vec<String> = (0..20)
            .map(|i| {
                let correct = (session + i) % 3 != 0;
                format!(
                    r#"{{"id":"q-{}","correct":{correct},"awarded":{},"points":1,"answer":"answer {i}","ms":{},"tags":["tag-{}","history"]}}"#,
                    (session * 7 + i) % 5000,
                    u8::from(correct),
                    1000 + i * 37,
                    i % 12
                )
            })
            .collect();
        let day = 1 + session % 28;
        let line = format!(
            r#"{{"name":"","bank":"Bank {}","started_at":"2026-03-{day:02}T08:00:00Z","finished_at":"2026-03-{day:02}T08:05:00Z","mode":"practice","seed":{session},"score":13,"max_score":20,"interrupted":false,"longest_streak":4,"questions":[{}]}}"#,
            session % 9,
            questions.join(",")
        );
        written += line.len() + 1;
        session += 1;
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}
