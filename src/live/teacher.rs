//! Teacher pace (Kahoot style): everyone sees question k at once; it closes when every
//! connected student answered, the timer ran out, or the teacher pressed Enter; then each
//! student gets their result and rank and the host the histogram and top five.
//!
//! The host's phase counter says where the class is: 0 lobby, 2k+1 question k open,
//! 2k+2 question k closed.

use std::io;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::hub::Hub;
use super::student::{End, Remote};
use super::wire::{self, Stopped};
use crate::engine::Session;
use crate::ui::host::{SeatState, round_result};
use crate::ui::{Prompter, render};

use super::protocol::{self, say};

/// A student's side: answer each question while it is open, then hear how it went.
pub fn follow<'h, 'b>(
    hub: &'h Hub<'b>,
    seat: usize,
    session: &mut Session<'b>,
    remote: &mut Remote<'h>,
) -> io::Result<End> {
    while let Some(turn) = session.current() {
        let number = session.first_attempts().len() + 1;
        let open = 2 * number - 1;
        let Some(phase) = wait_phase(hub, open, remote)? else {
            return Ok(End::Left);
        };
        if phase > open {
            // Joined late or came back late: the closed question counts as unanswered.
            if let Some(outcome) = session.answer(None, 0) {
                hub.publish(seat, session, &outcome, number);
            }
            continue;
        }
        wire::discard_waiting(remote.input_mut())?;
        remote
            .input_mut()
            .get_mut()
            .watch_round(Some((&hub.phase, open)));
        if let Some(left) = hub.seconds_left(number) {
            // A late joiner has less than the limit the header shows.
            remote.output_mut().line(&protocol::time_left_line(left))?;
        }
        let asked = Instant::now();
        let answer = remote.ask(&turn);
        remote.input_mut().get_mut().watch_round(None);
        let answer = match answer {
            // An answer read after the question closed came too late for everyone.
            Ok(Some(_)) if hub.phase.load(Ordering::SeqCst) != open => None,
            Ok(Some(answer)) => Some(answer),
            Ok(None) => return Ok(End::Left),
            Err(e) if wire::is_cancelled(&e) && !hub.stopping() => None,
            Err(e) => return Err(e),
        };
        let ms = u64::try_from(asked.elapsed().as_millis()).unwrap_or(u64::MAX);
        let Some(outcome) = session.answer(answer.as_ref(), ms) else {
            break;
        };
        hub.publish(seat, session, &outcome, number);
        let waiting = match (answer.is_some(), hub.cfg.exam) {
            (false, _) => say::TIME_UP,
            (true, true) => say::RECEIVED,
            (true, false) => say::WAIT_OTHERS,
        };
        remote.output_mut().line(waiting)?;
        if wait_phase(hub, open + 1, remote)?.is_none() {
            return Ok(End::Left);
        }
        if !hub.cfg.exam {
            let q = &hub.bank.questions[outcome.question];
            let (rank, of) = hub.rank(session.tally().score);
            let mut text = render::feedback(q, &outcome);
            text.push_str(&format!(
                "Score {} · rank {rank} of {of}\n",
                render::points(session.tally().score)
            ));
            remote.show(&text)?;
        }
    }
    Ok(End::Done)
}

/// Waits until the phase reaches `target`; `None` when the client left meanwhile.
fn wait_phase(hub: &Hub<'_>, target: usize, remote: &mut Remote<'_>) -> io::Result<Option<usize>> {
    loop {
        if hub.stopping() {
            return Err(io::Error::other(Stopped::Cancelled));
        }
        let phase = hub.phase.load(Ordering::SeqCst);
        if phase >= target {
            return Ok(Some(phase));
        }
        if remote.input_mut().get_ref().closed() {
            return Ok(None);
        }
        hub.wait(Duration::from_millis(100));
    }
}

/// The host's side: moves the phase on and says what happened.
#[derive(Default)]
pub struct Conductor;

impl Conductor {
    /// One step: `enter` is the teacher's key, `start` whether the lobby may start.
    pub fn step(&mut self, hub: &Hub<'_>, enter: bool, start: bool) {
        let phase = hub.phase.load(Ordering::SeqCst);
        let total = hub.cfg.questions.len();
        if phase == 0 {
            if start || enter {
                hub.started.store(true, Ordering::SeqCst);
                self.next(hub, 1);
            }
        } else if phase % 2 == 1 {
            let number = phase.div_ceil(2);
            if enter || self.time_is_up(hub, number) || everyone_answered(hub, number) {
                self.next(hub, phase + 1);
                hub.note(summary(hub, number));
            }
        } else if phase / 2 < total && (enter || !hub.cfg.interactive) {
            self.next(hub, phase + 1);
        }
    }

    fn next(&mut self, hub: &Hub<'_>, phase: usize) {
        hub.open_phase(phase);
    }

    fn time_is_up(&self, hub: &Hub<'_>, number: usize) -> bool {
        hub.seconds_left(number) == Some(0)
    }

    /// The host's status line.
    pub fn status(&self, hub: &Hub<'_>) -> String {
        let phase = hub.phase.load(Ordering::SeqCst);
        let total = hub.cfg.questions.len();
        let number = phase.div_ceil(2);
        let enter = if hub.cfg.interactive {
            " · Enter: next"
        } else {
            ""
        };
        if phase == 0 {
            return format!(
                "Lobby{}",
                if hub.cfg.interactive {
                    " · Enter: start"
                } else {
                    ""
                }
            );
        }
        if phase.is_multiple_of(2) {
            return format!("Question {number}/{total} closed{enter}");
        }
        let answered = hub
            .seats()
            .iter()
            .filter(|s| s.last.as_ref().is_some_and(|l| l.0 == number))
            .count();
        let left = hub
            .seconds_left(number)
            .map_or_else(String::new, |s| format!(" · {s} s left"));
        format!("Question {number}/{total} open · {answered} answered{left}{enter}")
    }
}

/// True when every connected student answered question `number`.
fn everyone_answered(hub: &Hub<'_>, number: usize) -> bool {
    hub.seats()
        .iter()
        .filter(|s| s.state == SeatState::Playing)
        .all(|s| s.last.as_ref().is_some_and(|l| l.0 >= number))
}

/// The histogram of answers to question `number` and the top five.
fn summary(hub: &Hub<'_>, number: usize) -> String {
    let seats = hub.seats();
    let mut answers: Vec<(String, usize, bool)> = Vec::new();
    for (_, answer, right) in seats
        .iter()
        .filter_map(|s| s.last.as_ref())
        .filter(|l| l.0 == number)
    {
        match answers.iter_mut().find(|a| &a.0 == answer) {
            Some(entry) => entry.1 += 1,
            None => answers.push((answer.clone(), 1, *right)),
        }
    }
    answers.sort_by_key(|a| std::cmp::Reverse(a.1));
    let mut top: Vec<(String, f64)> = seats.iter().map(|s| (s.name.clone(), s.score)).collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    format!("Question {number} closed\n{}", round_result(&answers, &top))
}
