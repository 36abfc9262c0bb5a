//! A live countdown in the terminal's top-right corner while a prompt waits for keys.
//! The prompt owns the cursor and redraws below it, so the figure is written at a fixed
//! place with the cursor saved and restored around it, in one write.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How often the figure is looked at (it changes once a second).
const TICK: Duration = Duration::from_millis(100);

/// Draws the seconds left until dropped.
pub struct Countdown {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Countdown {
    /// Starts counting down to `deadline` on the terminal's first line.
    pub fn start(deadline: Instant) -> Countdown {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut shown = None;
            while !flag.load(Ordering::SeqCst) {
                let left = seconds_left(deadline, Instant::now());
                if shown != Some(left) {
                    let _ = draw(&badge(left));
                    shown = Some(left);
                }
                thread::sleep(TICK);
            }
            if let Some(left) = shown {
                let _ = draw(&" ".repeat(badge(left).chars().count()));
            }
        });
        Countdown {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Countdown {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Whole seconds from `now` to `deadline`, rounded up (so "1 s" until it is over).
pub fn seconds_left(deadline: Instant, now: Instant) -> u64 {
    let left = deadline.saturating_duration_since(now);
    left.as_millis().div_ceil(1000) as u64
}

/// " 17 s left " or " time is up ".
pub fn badge(seconds: u64) -> String {
    if seconds == 0 {
        " time is up ".into()
    } else {
        format!(" {seconds} s left ")
    }
}

/// Writes `text` at the right end of the first line, the cursor kept where it was.
fn draw(text: &str) -> io::Result<()> {
    let columns = usize::from(console::Term::stdout().size().1);
    let column = columns.saturating_sub(text.chars().count()) + 1;
    let styled = console::style(text).reverse();
    let mut out = io::stdout().lock();
    write!(out, "\x1b7\x1b[1;{column}H{styled}\x1b8")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_up_until_the_deadline() {
        let now = Instant::now();
        let at = |ms| now + Duration::from_millis(ms);
        assert_eq!(seconds_left(at(2500), now), 3);
        assert_eq!(seconds_left(at(1), now), 1);
        assert_eq!(seconds_left(now, at(5)), 0);
        assert_eq!(badge(3), " 3 s left ");
        assert_eq!(badge(0), " time is up ");
    }
}
