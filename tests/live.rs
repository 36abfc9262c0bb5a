//! `termquiz host` and `termquiz join` over loopback with real processes: whole classes in
//! each pace, result files and scores, and clients that misbehave.

mod live_client;

use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use live_client::{Host, PIN, Peer, result_of, results};

const CLASS: usize = 30;

fn name(i: usize) -> String {
    format!("Student {i}")
}

/// Even students answer everything right, odd ones everything wrong.
fn right(i: usize) -> bool {
    i.is_multiple_of(2)
}

#[test]
fn a_class_of_thirty_plays_at_its_own_pace_beside_bad_clients() {
    let started = Instant::now();
    let host = Host::start(&["--players", "31", "--idle", "3"]);
    let port = host.port;
    assert!(host.first_line.contains("PIN 4242"), "{}", host.first_line);

    // Ann sits in the lobby first, so the second "Ann" finds the name taken.
    let mut ann = Peer::tcp(port);
    ann.enter("Student 0");
    ann.until("Waiting for the teacher");
    let mut students = vec![thread::spawn(move || ann.play(true))];
    students.push(thread::spawn(move || {
        let mut peer = Peer::tcp(port);
        peer.enter("STUDENT 0");
        peer.until("That name is taken");
        peer.until("Rejoin code (or Enter for another name): ");
        peer.send("");
        peer.until("Name: ");
        peer.send("\u{1b}[31mEvil");
        peer.until("cannot hold control characters");
        peer.until("Name: ");
        peer.send(&name(1));
        peer.play(right(1))
    }));
    // Student 2 sends garbage to a choice question: plain mode's message, the same question.
    students.push(thread::spawn(move || {
        let mut peer = Peer::tcp(port);
        peer.enter(&name(2));
        let mut question = peer.next_prompt().expect("first question");
        while question.contains("magazine") {
            peer.send("Photoplay");
            question = peer.next_prompt().expect("next question");
        }
        peer.send_raw(b"\xff\xfe\x1b[2J\n");
        let again = peer.next_prompt().expect("the same question");
        assert!(!again.contains("Question"), "{again}");
        assert!(again.trim_start().starts_with("type"), "{again}");
        assert_eq!(again.lines().last(), question.lines().last());
        peer.play_after(question, true)
    }));
    // Student 3 answers one question, leaves mid-line, joins again and continues.
    students.push(thread::spawn(move || {
        let mut peer = Peer::tcp(port);
        peer.enter(&name(3));
        let question = peer.next_prompt().expect("first question");
        peer.send(&live_client::answer_for(&question, true));
        peer.next_prompt().expect("second question");
        peer.send_raw(b"t");
        peer.hang_up();
        let mut back = Peer::tcp(port);
        back.enter(&name(3));
        let second = back.next_prompt().expect("second question again");
        assert!(second.contains("Question 2/4"), "{second}");
        back.play_after(second, true)
    }));
    for i in 4..CLASS {
        students.push(thread::spawn(move || {
            let mut peer = if i % 8 == 0 {
                Peer::join(port)
            } else {
                Peer::tcp(port)
            };
            peer.enter(&name(i));
            peer.play(right(i))
        }));
    }
    let flood = thread::spawn(move || flooder(port));
    let silent = thread::spawn(move || silent_client(port));
    let wrong_pin = thread::spawn(move || wrong_pin_client(port));
    let long_line = thread::spawn(move || long_line_client(port));

    let transcripts: Vec<String> = students.into_iter().map(|t| t.join().unwrap()).collect();
    for t in [flood, silent, wrong_pin, long_line] {
        t.join().unwrap();
    }
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(20));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Live class — 31 results"), "{out}");

    let all = results(&results_dir);
    assert_eq!(all.len(), CLASS + 1, "one file per student and the flooder");
    for (i, transcript) in transcripts.iter().enumerate() {
        let result = result_of(&all, &name(i));
        let want = if right(i) || i == 3 { 4.0 } else { 0.0 };
        assert_eq!(
            result["score"],
            want,
            "{}: {result}\n{}",
            name(i),
            transcript
        );
        assert_eq!(
            result["questions"].as_array().unwrap().len(),
            4,
            "{}",
            name(i)
        );
        assert_eq!(result["interrupted"], false, "{}", name(i));
    }
    // Practice mode: feedback after each answer; the same questions, choices per student.
    assert!(transcripts[0].contains("✔ Right!"), "{}", transcripts[0]);
    let paris: std::collections::HashSet<String> = transcripts
        .iter()
        .map(|t| live_client::answer_for(t, true))
        .collect();
    assert!(paris.len() > 1, "every student got the same layout");
    eprintln!("own pace, 30 students: {:?}", started.elapsed());
}

/// Floods lines: disconnected, while the others play on.
fn flooder(port: u16) {
    let mut peer = Peer::tcp(port);
    peer.enter("Flood");
    peer.next_prompt().expect("a question");
    let socket = peer.socket();
    let lines = "zzz\n".repeat(200_000);
    let writer = thread::spawn(move || {
        let _ = (&socket).write_all(lines.as_bytes());
    });
    let rest = peer.rest();
    assert!(rest.contains("Too many lines at once"), "{rest}");
    writer.join().unwrap();
}

/// Connects and says nothing: dropped at the idle limit or when the session ends.
fn silent_client(port: u16) {
    let mut peer = Peer::tcp(port);
    peer.until("Name: ");
    let rest = peer.rest();
    assert!(
        rest.contains("No answer for too long") || rest.contains("The teacher ended"),
        "{rest}"
    );
}

#[test]
fn a_silent_client_is_dropped_after_the_idle_time() {
    let host = Host::start(&["--players", "2", "--idle", "1"]);
    let started = Instant::now();
    let mut peer = Peer::tcp(host.port);
    peer.until("Name: ");
    let rest = peer.rest();
    assert!(rest.contains("No answer for too long"), "{rest}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

fn wrong_pin_client(port: u16) {
    let mut peer = Peer::tcp(port);
    peer.until("Name: ");
    peer.send("Guesser");
    for _ in 0..3 {
        peer.until("PIN: ");
        peer.send("0000");
    }
    let rest = peer.rest();
    assert!(rest.contains("Too many wrong PINs"), "{rest}");
}

fn long_line_client(port: u16) {
    let mut peer = Peer::tcp(port);
    peer.until("Name: ");
    peer.send_raw(&[b'9'; 10_000]);
    let rest = peer.rest();
    assert!(rest.contains("Line too long"), "{rest}");
}

#[test]
fn a_class_of_thirty_plays_at_the_teachers_pace() {
    let started = Instant::now();
    let host = Host::start(&["--players", "30", "--pace", "teacher", "--speed-bonus"]);
    let port = host.port;
    let students: Vec<_> = (0..CLASS)
        .map(|i| {
            thread::spawn(move || {
                let mut peer = if i % 10 == 0 {
                    Peer::join(port)
                } else {
                    Peer::tcp(port)
                };
                peer.enter(&name(i));
                peer.play(right(i))
            })
        })
        .collect();
    let transcripts: Vec<String> = students.into_iter().map(|t| t.join().unwrap()).collect();
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(20));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Question 4 closed"), "{out}");
    assert!(out.contains("Top five"), "{out}");
    let all = results(&results_dir);
    assert_eq!(all.len(), CLASS);
    for i in 0..CLASS {
        let score = result_of(&all, &name(i))["score"].as_f64().unwrap();
        if right(i) {
            assert!(score >= 4.0, "{} scored {score}", name(i));
        } else {
            assert_eq!(score, 0.0, "{}", name(i));
        }
    }
    assert!(transcripts[0].contains("rank "), "{}", transcripts[0]);
    assert!(transcripts[0].contains("Final rank"), "{}", transcripts[0]);
    eprintln!("teacher pace, 30 students: {:?}", started.elapsed());
}

#[test]
fn exam_mode_never_sends_a_right_answer() {
    let host = Host::start(&["--players", "2", "--mode", "exam"]);
    let port = host.port;
    let students: Vec<_> = (0..2)
        .map(|i| {
            thread::spawn(move || {
                let mut peer = Peer::tcp(port);
                peer.enter(&name(i));
                peer.play(false)
            })
        })
        .collect();
    for t in students {
        let transcript = t.join().unwrap();
        for secret in ["Photoplay", "1931", "since 987", "The answer"] {
            assert!(!transcript.contains(secret), "{secret} sent:\n{transcript}");
        }
        assert!(transcript.contains("Score 0/4"), "{transcript}");
    }
    let (code, _, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0);
}

#[test]
fn ctrl_c_ends_the_session_for_everyone_and_saves_partial_results() {
    let host = Host::start(&["--players", "2"]);
    let port = host.port;
    let mut peers: Vec<Peer> = (0..2)
        .map(|i| {
            let mut peer = Peer::tcp(port);
            peer.enter(&name(i));
            peer
        })
        .collect();
    for peer in &mut peers {
        let question = peer.next_prompt().expect("first question");
        peer.send(&live_client::answer_for(&question, true));
        peer.next_prompt().expect("second question");
    }
    host.interrupt();
    for peer in &mut peers {
        let rest = peer.rest();
        assert!(rest.contains("The teacher ended the session"), "{rest}");
    }
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 130, "{out}");
    let all = results(&results_dir);
    assert_eq!(all.len(), 2);
    for result in &all {
        assert_eq!(result["interrupted"], true);
        assert_eq!(result["questions"].as_array().unwrap().len(), 1);
        // The whole session is on record, so the report reads 1 of 4, not 1 of 1.
        assert_eq!(result["session_questions"], 4);
        assert_eq!(result["session_max"], 4.0);
    }
    assert!(out.contains("Live class — 2 results"), "{out}");
}

#[test]
fn a_wrong_pin_count_is_kept_per_address() {
    let host = Host::start(&["--players", "1", "--pin-tries", "2"]);
    let mut first = Peer::tcp(host.port);
    first.until("Name: ");
    first.send("Guesser");
    first.until("PIN: ");
    first.send("1111");
    first.until("PIN: ");
    first.send("2222");
    assert!(first.rest().contains("Too many wrong PINs"));
    let mut second = Peer::tcp(host.port);
    let said = second.rest();
    assert!(said.contains("Too many wrong PINs"), "{said}");
    assert!(!said.contains(PIN));
}

#[test]
fn the_host_asks_the_name_before_the_pin() {
    let host = Host::start(&["--players", "1"]);
    let mut peer = Peer::tcp(host.port);
    let first = peer.until(": ");
    assert_eq!(first, "Name: ", "the first prompt");
    peer.send("Ann");
    assert_eq!(peer.until(": "), "PIN: ", "the second prompt");
}

#[test]
fn a_wrong_pin_asks_the_pin_again_not_the_name() {
    let host = Host::start(&["--players", "1"]);
    let mut peer = Peer::tcp(host.port);
    peer.until("Name: ");
    peer.send("Ann");
    peer.until("PIN: ");
    peer.send("0000");
    let again = peer.until("PIN: ");
    assert!(again.contains("Wrong PIN"), "{again}");
    assert!(!again.contains("Name"), "{again}");
    peer.send(PIN);
    let first = peer.play(true);
    assert!(first.contains("Question 1/4"), "{first}");
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    assert_eq!(result_of(&results(&results_dir), "Ann")["score"], 4.0);
}

/// The rejoin code the host gave in `transcript`.
fn rejoin_code(transcript: &str) -> String {
    let after = transcript
        .split("Your rejoin code is ")
        .nth(1)
        .unwrap_or_else(|| panic!("no rejoin code in {transcript}"));
    after.chars().take_while(char::is_ascii_digit).collect()
}

#[test]
fn a_connection_dead_without_a_fin_is_taken_over_with_the_rejoin_code() {
    let host = Host::start(&["--players", "1"]);
    let mut gone = Peer::tcp(host.port);
    gone.enter("Ann");
    let first = gone.next_prompt().expect("first question");
    let code = rejoin_code(&gone.transcript);
    gone.send(&live_client::answer_for(&first, true));
    let second = gone.next_prompt().expect("second question");
    assert!(second.contains("Question 2/4"), "{second}");
    // `gone` stays open and silent from here on: the laptop slept, no FIN was sent.
    let mut back = Peer::tcp(host.port);
    back.enter("Ann");
    back.until("That name is taken");
    back.until("Rejoin code (or Enter for another name): ");
    back.send("000000");
    back.until("Wrong rejoin code");
    // The PIN stays given; the name is asked again, then the code.
    let asked = back.until("Name: ");
    assert!(!asked.contains("PIN"), "{asked}");
    back.send("Ann");
    back.until("Rejoin code (or Enter for another name): ");
    back.send(&code);
    let again = back.next_prompt().expect("the question Ann was at");
    assert!(again.contains("Question 2/4"), "{again}");
    // The host closed the connection it took the seat from.
    gone.rest();
    back.play_after(again, true);
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    let all = results(&results_dir);
    assert_eq!(all.len(), 1);
    assert_eq!(result_of(&all, "Ann")["score"], 4.0);
    assert_eq!(
        result_of(&all, "Ann")["questions"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

/// The host's end of the connection from local port `client` to `host`, in
/// /proc/net/tcp: its timer field ("02" is the keepalive timer).
#[cfg(target_os = "linux")]
fn host_side_timer(host: u16, client: u16) -> Option<String> {
    let table = std::fs::read_to_string("/proc/net/tcp").ok()?;
    let port = |field: &str| u16::from_str_radix(field.rsplit(':').next()?, 16).ok();
    table.lines().skip(1).find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let mine = port(fields.get(1)?)? == host && port(fields.get(2)?)? == client;
        mine.then(|| fields.get(5)?.split(':').next().map(str::to_string))?
    })
}

#[cfg(target_os = "linux")]
#[test]
fn a_silent_connection_is_probed_so_a_dead_peer_is_noticed() {
    let host = Host::start(&["--players", "2"]);
    let mut peer = Peer::tcp(host.port);
    peer.until("Name: ");
    let client = peer.socket().local_addr().unwrap().port();
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut timer = None;
    while Instant::now() < deadline {
        timer = host_side_timer(host.port, client);
        if timer.as_deref() == Some("02") {
            return;
        }
        thread::sleep(Duration::from_millis(50));
    }
    panic!("the host's socket runs no keepalive timer: {timer:?}");
}

/// The letter a host started with `--seed seed` gives `choice` on `name`'s screen (the
/// layout depends only on the seed and the name), read by a line client.
fn host_letter(bank: &std::path::Path, seed: &str, name: &str, choice: &str) -> String {
    let host = Host::start_with(bank, &["--players", "1", "--seed", seed]);
    let mut peer = Peer::tcp(host.port);
    peer.enter(name);
    let question = peer.next_prompt().expect("the question");
    question
        .lines()
        .find_map(|l| l.trim().strip_suffix(choice)?.strip_suffix(") "))
        .unwrap_or_else(|| panic!("no {choice} in {question}"))
        .to_string()
}

/// Reads the PTY until `wanted` holds for what came since the call; panics after 15 s.
#[cfg(unix)]
fn read_until(pty: &mut expectrl::session::OsSession, wanted: impl Fn(&str) -> bool) -> String {
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while !wanted(&seen) {
        assert!(
            Instant::now() < deadline,
            "screen never got there: {seen:?}"
        );
        let mut buf = [0u8; 4096];
        match pty.try_read(&mut buf) {
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
    seen
}

#[cfg(unix)]
#[test]
fn join_on_a_terminal_asks_with_plays_prompts_and_sends_the_hosts_letter() {
    use expectrl::{Eof, Expect};
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("one.json");
    std::fs::write(
        &bank,
        r#"{"title": "One", "questions": [{"id": "pick", "kind": "single", "prompt": "Which label?",
            "answer": "Decca", "wrong": ["ABC", "Capitol", "Columbia"], "tags": ["labels"]}]}"#,
    )
    .unwrap();
    // A fixed seed whose layout for Zoe puts Decca at another letter than join's menu
    // does (checked below), so sending the menu's position instead of the host's letter
    // fails every run, not only when the random layouts happen to differ.
    const SEED: &str = "7";
    let letter = host_letter(&bank, SEED, "Zoe", "Decca");
    let host = Host::start_with(&bank, &["--players", "1", "--seed", SEED]);
    let mut pty = join_in_pty(host.port);
    enter_as_zoe(&mut pty);
    pty.expect("labels").unwrap();
    pty.expect("Pick one").unwrap();
    // Down to "Decca" wherever the menu put it: dialoguer's menu, not a typed letter.
    let choices = ["Decca", "ABC", "Capitol", "Columbia"];
    let shown = read_until(&mut pty, |s| {
        choices.iter().all(|c| s.contains(c)) && s.contains("❯")
    });
    let mut items: Vec<(usize, &str)> = choices
        .iter()
        .map(|c| (shown.rfind(c).expect("every choice shown"), *c))
        .collect();
    items.sort();
    let items: Vec<&str> = items.into_iter().map(|(_, c)| c).collect();
    let decca = items.iter().position(|c| *c == "Decca").unwrap();
    assert_ne!(
        letter,
        ["a", "b", "c", "d"][decca],
        "seed {SEED} lays Decca out at the menu's own position: pick another seed"
    );
    // Each key waits for the menu to redraw with the cursor on the next item.
    for item in &items[1..=decca] {
        pty.send("\x1b[B").unwrap();
        let marked = format!("❯ {item}");
        read_until(&mut pty, |s| console::strip_ansi_codes(s).contains(&marked));
    }
    pty.send("\r").unwrap();
    pty.expect("Right!").unwrap();
    pty.expect(Eof).unwrap();
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    let all = results(&results_dir);
    assert_eq!(result_of(&all, "Zoe")["score"], 1.0);
}

/// The seconds of every " N s left " badge in `screen`, in the order drawn.
#[cfg(unix)]
fn countdown_figures(screen: &str) -> Vec<u64> {
    screen
        .split(" s left ")
        .filter_map(|before| before.rsplit(' ').next()?.parse().ok())
        .collect()
}

#[cfg(unix)]
#[test]
fn join_shows_a_countdown_that_ticks_down_in_teacher_pace() {
    use expectrl::{Eof, Expect};
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("one.json");
    std::fs::write(
        &bank,
        r#"{"title": "One", "questions": [{"id": "pick", "kind": "single", "prompt": "Which label?",
            "answer": "Decca", "wrong": ["ABC", "Capitol"]}]}"#,
    )
    .unwrap();
    let host = Host::start_with(
        &bank,
        &["--players", "1", "--pace", "teacher", "--timer", "3"],
    );
    let mut pty = join_in_pty(host.port);
    enter_as_zoe(&mut pty);
    pty.expect("Pick one").unwrap();
    // Watch the screen without answering until the countdown reached 1 s.
    let mut screen = String::new();
    let deadline = Instant::now() + Duration::from_secs(8);
    while !countdown_figures(&screen).contains(&1) && Instant::now() < deadline {
        let mut buf = [0u8; 4096];
        match pty.try_read(&mut buf) {
            Ok(n) => screen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(_) => thread::sleep(Duration::from_millis(30)),
        }
    }
    let figures = countdown_figures(&screen);
    assert!(figures.len() >= 2, "no live countdown: {screen:?}");
    assert!(
        figures.windows(2).all(|w| w[1] < w[0]) && figures.last() == Some(&1),
        "the seconds left do not tick down: {figures:?}"
    );
    assert!(!screen.contains("Time left:"), "{screen:?}");
    // The question closes for everyone; the late key press is not sent as an answer.
    pty.expect("time is up").unwrap();
    host.wait_for("Question 1 closed");
    pty.send("\r").unwrap();
    pty.expect(Eof).unwrap();
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    let all = results(&results_dir);
    assert_eq!(
        result_of(&all, "Zoe")["questions"][0]["answer"],
        "(no answer)"
    );
}

#[test]
fn nc_clients_are_told_the_seconds_left_in_teacher_pace() {
    let host = Host::start(&["--players", "1", "--pace", "teacher", "--timer", "30"]);
    let mut peer = Peer::tcp(host.port);
    peer.enter("Ann");
    let question = peer.next_prompt().expect("first question");
    let (told, rest) = question
        .split_once("Time left: ")
        .unwrap_or_else(|| panic!("no time left: {question}"));
    let seconds: u64 = rest.split(' ').next().unwrap().parse().unwrap();
    assert!((28..=30).contains(&seconds), "{question}");
    assert!(
        !told.contains("Question 1/4"),
        "told before the question: {question}"
    );
    assert!(
        rest.contains("Question 1/4 · ") && rest.contains("30 s"),
        "{question}"
    );
}

/// A one-question bank whose explanation is far wider than a narrow terminal.
const LONG_EXPLANATION: &str = "The first soundtrack album came from Snow White and the Seven Dwarfs in nineteen thirty seven, long before any cast recording.";

#[cfg(unix)]
fn long_feedback_bank(dir: &std::path::Path) -> std::path::PathBuf {
    let bank = dir.join("long.json");
    let json = serde_json::json!({"title": "Long", "questions": [{"id": "first",
        "kind": "text", "prompt": "Which film gave the first soundtrack album?",
        "answer": "Snow White", "explanation": LONG_EXPLANATION}]});
    std::fs::write(&bank, json.to_string()).unwrap();
    bank
}

/// `termquiz ARGS` in a PTY of `cols` columns (set with stty before it starts).
#[cfg(unix)]
fn spawn_sized(cols: u16, args: &[&str]) -> expectrl::session::OsSession {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        // ptyprocess sets 80x24 from the parent after the child starts, which raced with a
        // `stty` in the child: the shell waits for the size the test sets after spawning.
        .arg(format!(
            "while [ \"$(stty size)\" != \"40 {cols}\" ]; do sleep 0.01; done; exec \"$0\" \"$@\""
        ))
        .arg(live_client::binary())
        .args(args)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut pty = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    pty.get_process_mut()
        .set_window_size(cols, 40)
        .expect("set the pty size");
    pty.set_expect_timeout(Some(Duration::from_secs(15)));
    pty
}

/// `termquiz join` to the host on `port`, in a PTY of the default size.
#[cfg(unix)]
fn join_in_pty(port: u16) -> expectrl::session::OsSession {
    let mut cmd = std::process::Command::new(live_client::binary());
    cmd.args(["join", &format!("127.0.0.1:{port}")])
        .env("TERM", "xterm-256color");
    let mut pty = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    pty.set_expect_timeout(Some(Duration::from_secs(15)));
    pty
}

/// Answers join's handshake as Zoe with the test PIN.
#[cfg(unix)]
fn enter_as_zoe(pty: &mut expectrl::session::OsSession) {
    use expectrl::Expect;
    pty.expect("Name: ").unwrap();
    pty.send("Zoe\r").unwrap();
    pty.expect("PIN: ").unwrap();
    pty.send("4242\r").unwrap();
}

#[cfg(unix)]
#[test]
fn join_rewraps_the_hosts_feedback_at_words_to_a_narrow_terminal() {
    use expectrl::Expect;
    let dir = tempfile::tempdir().unwrap();
    let host = Host::start_with(&long_feedback_bank(dir.path()), &["--players", "1"]);
    let mut pty = spawn_sized(50, &["join", &format!("127.0.0.1:{}", host.port)]);
    enter_as_zoe(&mut pty);
    pty.expect("Your answer").unwrap();
    pty.send("Bambi\r").unwrap();
    let mut shown = String::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        let mut buf = [0u8; 4096];
        match pty.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => shown.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(30))
            }
            Err(_) => break,
        }
    }
    let shown = console::strip_ansi_codes(&shown).replace('\r', "");
    let lines: Vec<&str> = shown
        .lines()
        .filter(|l| LONG_EXPLANATION.split(' ').any(|w| l.contains(w)))
        .collect();
    for line in &lines {
        assert!(
            console::measure_text_width(line) <= 50,
            "wider than the terminal: {line:?}\n{shown}"
        );
    }
    let joined: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
    assert!(
        joined.join(" ").contains(LONG_EXPLANATION),
        "words cut: {lines:#?}\n{shown:?}"
    );
}

#[cfg(unix)]
#[test]
fn feedback_to_students_is_not_wrapped_at_the_teachers_width() {
    use expectrl::{Expect, Regex};
    let dir = tempfile::tempdir().unwrap();
    let bank = long_feedback_bank(dir.path());
    let results = dir.path().join("out");
    let bank = bank.display().to_string();
    let results = results.display().to_string();
    let mut teacher = spawn_sized(
        40,
        &[
            "host",
            &bank,
            "--listen",
            "127.0.0.1:0",
            "--pin",
            PIN,
            "--players",
            "1",
            "--results",
            &results,
        ],
    );
    let found = teacher.expect(Regex(r"127\.0\.0\.1:(\d+)")).unwrap();
    let port: u16 = String::from_utf8_lossy(found.get(1).unwrap())
        .parse()
        .unwrap();
    let mut peer = Peer::tcp(port);
    peer.enter("Ann");
    peer.next_prompt().expect("the question");
    peer.send("Bambi");
    let rest = peer.rest();
    assert!(rest.contains(LONG_EXPLANATION), "{rest}");
}

#[test]
fn teacher_pace_moves_on_when_the_timer_runs_out() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("two.json");
    std::fs::write(
        &bank,
        r#"{"title": "Two", "questions": [
            {"id": "one", "kind": "true_false", "prompt": "Water boils at 100 degrees Celsius at sea level.", "answer": true},
            {"id": "two", "kind": "text", "prompt": "Which magazine established the term?", "answer": "Photoplay"}]}"#,
    )
    .unwrap();
    let started = Instant::now();
    let host = Host::start_with(
        &bank,
        &["--players", "2", "--pace", "teacher", "--timer", "1"],
    );
    let port = host.port;
    let quick = thread::spawn(move || {
        let mut peer = Peer::tcp(port);
        peer.enter("Quick");
        peer.play(true)
    });
    // Connected but never answering: each question closes when its second is up.
    let mut dreamer = Peer::tcp(port);
    dreamer.enter("Dreamer");
    dreamer.next_prompt().expect("first question");
    let rest = dreamer.rest_until("Final rank");
    assert!(rest.contains("Time is up"), "{rest}");
    quick.join().unwrap();
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    let all = results(&results_dir);
    assert_eq!(result_of(&all, "Quick")["score"], 2.0);
    let dreamer = result_of(&all, "Dreamer");
    assert_eq!(dreamer["score"], 0.0);
    assert_eq!(dreamer["questions"][0]["answer"], "(no answer)");
    assert!(started.elapsed() < Duration::from_secs(8));
}

#[test]
fn connections_past_the_limit_are_told_the_room_is_full() {
    let host = Host::start(&["--players", "5", "--max-connections", "2"]);
    let mut first = Peer::tcp(host.port);
    first.until("Name: ");
    let mut second = Peer::tcp(host.port);
    second.until("Name: ");
    let mut third = Peer::tcp(host.port);
    let said = third.rest();
    assert!(said.contains("The room is full"), "{said}");
}

#[test]
fn a_late_joiner_in_teacher_pace_starts_at_the_open_question() {
    let host = Host::start(&["--players", "1", "--pace", "teacher"]);
    let mut early = Peer::tcp(host.port);
    early.enter("Early");
    let first = early.next_prompt().expect("first question");
    early.send(&live_client::answer_for(&first, true));
    let second = early.next_prompt().expect("second question");
    assert!(second.contains("Question 2/4"), "{second}");
    let mut late = Peer::tcp(host.port);
    late.enter("Late");
    let joined_at = late.next_prompt().expect("the open question");
    assert!(joined_at.contains("Question 2/4"), "{joined_at}");
    let late_done = thread::spawn(move || late.play_after(joined_at, true));
    early.play_after(second, true);
    late_done.join().unwrap();
    let results_dir = host.results();
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    let all = results(&results_dir);
    let late = result_of(&all, "Late");
    assert_eq!(late["questions"][0]["answer"], "(no answer)");
    assert_eq!(late["score"], 3.0);
    assert_eq!(result_of(&all, "Early")["score"], 4.0);
}

#[test]
fn a_cloze_with_a_multi_gap_is_played_one_line_per_gap_over_tcp() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("cloze.json");
    std::fs::write(
        &bank,
        r#"{"title": "Cloze", "questions": [{"id": "uses", "kind": "cloze", "prompt": "Fill in.",
            "text": "Soundtracks sell {1} and are heard in {2}.",
            "gaps": [{"kind": "text", "answer": "records"},
                     {"kind": "multi", "answers": ["video games", "theme parks"],
                      "wrong": ["radio jingles", "doorbells"]}]}]}"#,
    )
    .unwrap();
    let host = Host::start_with(&bank, &["--players", "1"]);
    let results_dir = host.results();
    let mut peer = Peer::tcp(host.port);
    peer.enter("Ann");
    peer.until("Gap 1: ");
    peer.send("records");
    let listed = peer.until("e.g. a,c): ");
    // Nothing picked is refused as in plain mode, and the same gap is asked again.
    peer.send("");
    peer.until("type one or more letters");
    peer.until("e.g. a,c): ");
    let right: Vec<&str> = listed
        .lines()
        .filter_map(|line| {
            let (label, text) = line.trim().strip_prefix("[2] ")?.split_once(") ")?;
            ["video games", "theme parks"]
                .contains(&text)
                .then_some(label)
        })
        .collect();
    assert_eq!(right.len(), 2, "{listed}");
    peer.send(&right.join(","));
    let rest = peer.rest();
    assert!(rest.contains("Right!"), "{rest}");
    let (code, out, _dir) = host.finish(Duration::from_secs(10));
    assert_eq!(code, 0, "{out}");
    assert_eq!(result_of(&results(&results_dir), "Ann")["score"], 1.0);
}
