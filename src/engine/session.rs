//! The quiz as a state machine: pick and lay out questions, take answers, keep score.

use std::collections::VecDeque;

use rand::rngs::StdRng;

use super::answer::Answer;
use super::grade::{Grade, grade};
use super::order::{Presented, pick, rng};
use super::parts::{AnswerPart, answer_parts};
use super::score::{Tally, award, max_award};
use crate::bank::filter::Filter;
use crate::bank::{Bank, Question};

pub use super::correct::correct_answer;
pub use super::in_words::describe_answer;

/// How a session is set up.
#[derive(Debug, Clone, Default)]
pub struct SessionConfig {
    /// Which questions qualify.
    pub filter: Filter,
    /// Ask at most this many.
    pub count: Option<usize>,
    /// Shuffle seed.
    pub seed: u64,
    /// Ask missed questions again until each is right once.
    pub retry_wrong: bool,
    /// Seconds per question when the question sets none.
    pub timer: Option<u32>,
    /// Reward quick right answers.
    pub speed_bonus: bool,
    /// Show the running streak while playing (off in exam mode, where it would tell).
    pub reveal_streak: bool,
}

/// Why a session cannot start.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SessionError {
    /// The filter left nothing to ask.
    #[error("no questions match {0}; try other --tag or --difficulty values (see `termquiz list`)")]
    NoQuestions(String),
}

/// Picks from `candidates` (the questions the filter let through) by the seeded shuffle,
/// cut to the count; gives the picks and the shuffle, which goes on to lay them out.
pub fn choose(
    candidates: &[usize],
    config: &SessionConfig,
) -> Result<(Vec<usize>, StdRng), SessionError> {
    if candidates.is_empty() {
        let what = config.filter.describe();
        return Err(SessionError::NoQuestions(if what.is_empty() {
            "an empty bank".into()
        } else {
            what
        }));
    }
    let mut rng = rng(config.seed);
    let picked = pick(candidates, config.count, &mut rng);
    Ok((picked, rng))
}

/// The question being asked, with what the front end needs to show it.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its layout.
    pub shown: &'a Presented,
    /// 1-based position in the first round, or among the retries for a retry.
    pub number: usize,
    /// Questions in the first round, or retries so far and still queued for a retry.
    pub total: usize,
    /// True when this is a retry of a missed question.
    pub retry: bool,
    /// Time allowed, when limited.
    pub time_limit_ms: Option<u64>,
    /// Right answers in a row so far (retries included), when it may be shown and is not 0.
    pub streak: Option<u32>,
}

/// How one answer went.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Index of the question in the bank.
    pub question: usize,
    /// The grade (credit 0 when time ran out).
    pub grade: Grade,
    /// Points earned.
    pub awarded: f64,
    /// Points the question could earn.
    pub max: f64,
    /// The answer in words.
    pub answer: String,
    /// The answer part by part (multi picks, order places, match pairs) with right or wrong.
    pub parts: Vec<AnswerPart>,
    /// The time limit, when there was one.
    pub limit_ms: Option<u64>,
    /// The credit the answer would have had in time (it came after the limit).
    pub late_credit: f64,
    /// The points of `awarded` that are speed bonus.
    pub bonus: f64,
    /// Time taken.
    pub ms: u64,
    /// The answer came after the time limit.
    pub timed_out: bool,
    /// This was a retry (not scored).
    pub retry: bool,
}

/// A quiz in progress.
pub struct Session<'b> {
    bank: &'b Bank,
    config: SessionConfig,
    rng: StdRng,
    queue: VecDeque<(Presented, bool)>,
    first_attempts: Vec<Outcome>,
    retries: usize,
    total: usize,
    max_total: f64,
    tally: Tally,
    /// Right answers in a row as asked, retries included (the tally counts first attempts).
    run: u32,
    interrupted: bool,
}

impl<'b> Session<'b> {
    /// Picks and lays out the questions; fails when the filter leaves none.
    pub fn new(bank: &'b Bank, config: SessionConfig) -> Result<Self, SessionError> {
        let candidates = config.filter.apply(&bank.questions);
        let (picked, rng) = choose(&candidates, &config)?;
        Ok(Self::start(bank, config, rng, &picked))
    }

    /// A session over a bank that holds just the questions [`choose`] picked, in its order,
    /// with the shuffle it left: the same quiz [`Session::new`] gives on the whole bank.
    pub fn chosen(bank: &'b Bank, config: SessionConfig, rng: StdRng) -> Self {
        let all: Vec<usize> = (0..bank.questions.len()).collect();
        Self::start(bank, config, rng, &all)
    }

    /// A session over exactly these questions, in this order (choices still shuffled);
    /// the filter and count of `config` are not used.
    pub fn with_questions(
        bank: &'b Bank,
        questions: &[usize],
        config: SessionConfig,
    ) -> Result<Self, SessionError> {
        let valid: Vec<usize> = questions
            .iter()
            .copied()
            .filter(|&i| i < bank.questions.len())
            .collect();
        if valid.is_empty() {
            return Err(SessionError::NoQuestions("the given list".into()));
        }
        let rng = rng(config.seed);
        Ok(Self::start(bank, config, rng, &valid))
    }

    fn start(bank: &'b Bank, config: SessionConfig, mut rng: StdRng, picked: &[usize]) -> Self {
        let queue = picked
            .iter()
            .map(|&i| (Presented::new(&bank.questions[i], i, &mut rng), false))
            .collect();
        let max_total = picked
            .iter()
            .map(|&i| max_award(bank.questions[i].points, config.speed_bonus))
            .sum();
        Session {
            bank,
            total: picked.len(),
            max_total,
            config,
            rng,
            queue,
            first_attempts: Vec::new(),
            retries: 0,
            tally: Tally::default(),
            run: 0,
            interrupted: false,
        }
    }

    /// The question to ask now, or None when the session is over.
    pub fn current(&self) -> Option<Turn<'_>> {
        if self.interrupted {
            return None;
        }
        let (shown, retry) = self.queue.front()?;
        let question = &self.bank.questions[shown.question];
        let (number, total) = if *retry {
            let queued = self.queue.iter().filter(|(_, r)| *r).count();
            (self.retries + 1, self.retries + queued)
        } else {
            ((self.first_attempts.len() + 1).min(self.total), self.total)
        };
        Some(Turn {
            question,
            shown,
            number,
            total,
            retry: *retry,
            time_limit_ms: self.time_limit_ms(question),
            streak: Some(self.run).filter(|&s| s > 0 && self.config.reveal_streak),
        })
    }

    fn time_limit_ms(&self, q: &Question) -> Option<u64> {
        q.time_limit
            .or(self.config.timer)
            .map(|s| u64::from(s) * 1000)
    }

    /// Grades the answer to the current question (None: no answer) and moves on.
    pub fn answer(&mut self, answer: Option<&Answer>, ms: u64) -> Option<Outcome> {
        if self.interrupted {
            return None;
        }
        let (shown, retry) = self.queue.pop_front()?;
        let q = &self.bank.questions[shown.question];
        let limit = self.time_limit_ms(q);
        let timed_out = limit.is_some_and(|l| ms > l);
        let in_time = match answer {
            Some(a) => grade(q, &shown, a),
            None => Grade::default(),
        };
        let late_credit = if timed_out { in_time.credit } else { 0.0 };
        let grade = if timed_out {
            Grade {
                note: Some("time over".into()),
                ..Grade::default()
            }
        } else {
            in_time
        };
        let awarded = award(q.points, grade.credit, ms, limit, self.config.speed_bonus);
        let outcome = Outcome {
            question: shown.question,
            awarded,
            bonus: (awarded - f64::from(q.points) * grade.credit.clamp(0.0, 1.0)).max(0.0),
            max: max_award(q.points, self.config.speed_bonus),
            answer: answer.map_or_else(|| "(no answer)".into(), |a| describe_answer(q, &shown, a)),
            parts: answer.map_or_else(Vec::new, |a| answer_parts(q, &shown, a)),
            limit_ms: limit,
            late_credit,
            grade,
            ms,
            timed_out,
            retry,
        };
        if self.config.retry_wrong && !outcome.grade.is_correct() {
            let again = Presented::new(q, shown.question, &mut self.rng);
            self.queue.push_back((again, true));
        }
        self.run = if outcome.grade.is_correct() {
            self.run + 1
        } else {
            0
        };
        if retry {
            self.retries += 1;
        } else {
            self.tally
                .record(outcome.awarded, outcome.max, outcome.grade.is_correct());
            self.first_attempts.push(outcome.clone());
        }
        Some(outcome)
    }

    /// Stops the session early (Ctrl-C, Esc, end of input).
    pub fn interrupt(&mut self) {
        self.interrupted = true;
    }

    /// True after [`Session::interrupt`].
    pub fn is_interrupted(&self) -> bool {
        self.interrupted
    }

    /// Scores over first attempts.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// First attempts, in the order asked.
    pub fn first_attempts(&self) -> &[Outcome] {
        &self.first_attempts
    }

    /// Retries answered (with `--retry-wrong`).
    pub fn retries(&self) -> usize {
        self.retries
    }

    /// Questions in the first round.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Points available over the whole first round, answered or not.
    pub fn max_total(&self) -> f64 {
        self.max_total
    }

    /// The bank being played.
    pub fn bank(&self) -> &'b Bank {
        self.bank
    }

    /// The session's setup.
    pub fn config(&self) -> &SessionConfig {
        &self.config
    }
}
