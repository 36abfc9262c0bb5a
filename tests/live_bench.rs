//! The live host under load: `scripts/bench_live.sh` runs this in release mode.
//! 200 students on loopback answer as fast as they can; prints answers per second and
//! the time from an answer sent to the next question received (p50, p99).

mod live_client;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use live_client::{Host, PIN};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A bank of `n` single-choice questions.
fn bank(n: usize) -> String {
    let questions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{ "id": "q{i}", "kind": "single", "prompt": "Question number {i}: which is right?",
                   "answer": "right {i}", "wrong": ["wrong a", "wrong b", "wrong c"] }}"#
            )
        })
        .collect();
    format!(
        r#"{{ "title": "Load", "questions": [{}] }}"#,
        questions.join(",")
    )
}

/// Reads until the host waits for a line (the text ends with ": ").
fn until_prompt(reader: &mut BufReader<TcpStream>) -> Option<String> {
    let mut seen = Vec::new();
    loop {
        let buffer = reader.fill_buf().ok()?;
        if buffer.is_empty() {
            return None;
        }
        let n = buffer.len();
        seen.extend_from_slice(buffer);
        reader.consume(n);
        if seen.ends_with(b": ") {
            return Some(String::from_utf8_lossy(&seen).into_owned());
        }
    }
}

/// One student: name, PIN, then every question answered at once; the latencies in µs.
fn student(port: u16, name: String) -> Vec<u64> {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    until_prompt(&mut reader).expect("Name prompt");
    writeln!(writer, "{name}").expect("send");
    until_prompt(&mut reader).expect("PIN prompt");
    writeln!(writer, "{PIN}").expect("send");
    let mut latencies = Vec::new();
    if until_prompt(&mut reader).is_none() {
        return latencies;
    }
    loop {
        let sent = Instant::now();
        if writeln!(writer, "a").is_err() {
            break;
        }
        match until_prompt(&mut reader) {
            Some(_) => latencies.push(sent.elapsed().as_micros() as u64),
            None => break,
        }
    }
    let mut rest = String::new();
    let _ = reader.read_to_string(&mut rest);
    latencies
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or(0)
}

#[test]
#[ignore = "benchmark: scripts/bench_live.sh runs it in release mode"]
fn bench_students_answering_as_fast_as_they_can() {
    let students = env_number("LIVE_STUDENTS", 200);
    let questions = env_number("LIVE_QUESTIONS", 100);
    let dir = tempfile::tempdir().expect("temp dir");
    let bank_path = dir.path().join("load.json");
    std::fs::write(&bank_path, bank(questions)).expect("write bank");
    let players = students.to_string();
    let count = questions.to_string();
    let host = Host::start_with(&bank_path, &["--players", &players, "-n", &count]);
    let port = host.port;
    let started = Instant::now();
    let threads: Vec<_> = (0..students)
        .map(|i| {
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || student(port, format!("s{i}")))
                .expect("thread")
        })
        .collect();
    let mut all: Vec<u64> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("student"))
        .collect();
    let wall = started.elapsed();
    let (code, _, _dir) = host.finish(Duration::from_secs(120));
    assert_eq!(code, 0);
    all.sort_unstable();
    let answers = all.len();
    println!(
        "live: {students} students × {questions} questions: {answers} answers in {:.2} s = {:.0} answers/s; answer → next question p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        wall.as_secs_f64(),
        answers as f64 / wall.as_secs_f64(),
        percentile(&all, 0.5) as f64 / 1000.0,
        percentile(&all, 0.99) as f64 / 1000.0,
        all.last().copied().unwrap_or(0) as f64 / 1000.0,
    );
    // The last answer has no next question, only the summary.
    assert_eq!(answers, students * (questions - 1));
}
