//! Points, speed bonus and the running tally of a session (streaks included).

/// With the speed bonus on, a correct answer earns up to this share more.
pub const MAX_SPEED_BONUS: f64 = 0.5;

/// Time assumed for the speed bonus when a question has no time limit.
pub const DEFAULT_BONUS_WINDOW_MS: u64 = 30_000;

/// Points earned: points × credit, plus a Kahoot-style bonus that shrinks linearly
/// from +50% at 0 s to nothing at the time limit.
pub fn award(points: u32, credit: f64, ms: u64, limit_ms: Option<u64>, speed_bonus: bool) -> f64 {
    let base = f64::from(points) * credit.clamp(0.0, 1.0);
    if !speed_bonus || base <= 0.0 {
        return base;
    }
    let window = limit_ms.unwrap_or(DEFAULT_BONUS_WINDOW_MS).max(1) as f64;
    let quickness = (1.0 - ms as f64 / window).clamp(0.0, 1.0);
    base * (1.0 + MAX_SPEED_BONUS * quickness)
}

/// The most a question can earn.
pub fn max_award(points: u32, speed_bonus: bool) -> f64 {
    f64::from(points)
        * if speed_bonus {
            1.0 + MAX_SPEED_BONUS
        } else {
            1.0
        }
}

/// Running totals over first attempts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Points earned.
    pub score: f64,
    /// Points available in the questions answered so far.
    pub max_score: f64,
    /// Questions answered (first attempts).
    pub answered: usize,
    /// Of those, fully right.
    pub correct: usize,
    /// Current run of right answers.
    pub streak: u32,
    /// Longest run of right answers.
    pub longest_streak: u32,
}

impl Tally {
    /// Records one first attempt.
    pub fn record(&mut self, awarded: f64, max: f64, correct: bool) {
        self.score += awarded;
        self.max_score += max;
        self.answered += 1;
        if correct {
            self.correct += 1;
            self.streak += 1;
            self.longest_streak = self.longest_streak.max(self.streak);
        } else {
            self.streak = 0;
        }
    }

    /// Score as a percentage of the points available (0 when nothing was asked).
    pub fn percent(&self) -> f64 {
        if self.max_score > 0.0 {
            100.0 * self.score / self.max_score
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn award_without_bonus_is_points_times_credit() {
        assert_eq!(award(3, 1.0, 99_999, None, false), 3.0);
        assert_eq!(award(2, 0.5, 0, None, false), 1.0);
    }

    #[test]
    fn bonus_shrinks_with_time() {
        assert_eq!(award(2, 1.0, 0, Some(10_000), true), 3.0);
        assert_eq!(award(2, 1.0, 5_000, Some(10_000), true), 2.5);
        assert_eq!(award(2, 1.0, 10_000, Some(10_000), true), 2.0);
        assert_eq!(
            award(2, 1.0, 60_000, None, true),
            2.0,
            "past the default window, no bonus"
        );
        assert_eq!(
            award(2, 0.0, 0, Some(10_000), true),
            0.0,
            "no bonus for a wrong answer"
        );
        assert_eq!(max_award(2, true), 3.0);
    }

    #[test]
    fn tally_tracks_streaks() {
        let mut t = Tally::default();
        for right in [true, true, false, true, true, true, false] {
            t.record(if right { 1.0 } else { 0.0 }, 1.0, right);
        }
        assert_eq!(
            (t.correct, t.answered, t.streak, t.longest_streak),
            (5, 7, 0, 3)
        );
        assert!((t.percent() - 500.0 / 7.0).abs() < 1e-9);
        assert_eq!(Tally::default().percent(), 0.0);
    }
}
