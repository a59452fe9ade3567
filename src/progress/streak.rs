//! Streaks: runs of consecutive days with at least one answer, in the learner's
//! own time zone. Days are numbers (days since some fixed date), sorted.

/// (current, longest). The current streak is still alive when the last answer
/// was yesterday: today is not over yet.
pub fn streaks(days: &[i32], today: i32) -> (u32, u32) {
    let mut longest = 0u32;
    let mut run = 0u32;
    let mut prev: Option<i32> = None;
    for &d in days {
        run = match prev {
            Some(p) if d == p + 1 => run + 1,
            Some(p) if d == p => run,
            _ => 1,
        };
        longest = longest.max(run);
        prev = Some(d);
    }
    let current = match prev {
        Some(last) if last == today || last == today - 1 => run,
        _ => 0,
    };
    (current, longest)
}

#[cfg(test)]
mod tests {
    use super::streaks;

    #[test]
    fn no_answers_no_streak() {
        assert_eq!(streaks(&[], 100), (0, 0));
    }

    #[test]
    fn a_run_ending_today_or_yesterday_is_current() {
        assert_eq!(streaks(&[98, 99, 100], 100), (3, 3));
        assert_eq!(streaks(&[98, 99], 100), (2, 2));
    }

    #[test]
    fn a_gap_breaks_the_current_streak_but_not_the_record() {
        assert_eq!(streaks(&[90, 91, 92, 93, 99, 100], 100), (2, 4));
        assert_eq!(streaks(&[90, 91, 92], 100), (0, 3));
    }
}
