//! The rules of the learning path (DESIGN.md): the first module is open; module
//! N+1 opens when module N is complete, at 80 % mastery or more.

use super::types::NodeState;
use crate::progress::mastery::percent;

/// A module (or topic) is complete at this whole percentage, as the page shows it.
pub const COMPLETE_AT_PERCENT: u8 = 80;

/// Complete when the percentage the learner sees is 80 or more. Comparing the
/// f32 itself would keep a module the page shows at «80 %» locked: (0.7 + 0.9) / 2
/// is 0.79999995 in f32.
pub fn is_complete(mastery: f32) -> bool {
    percent(mastery) >= COMPLETE_AT_PERCENT
}

/// States of a grade's modules, in path order, from each module's mastery (0–1).
pub fn node_states(masteries: &[f32]) -> Vec<NodeState> {
    let mut open = true;
    masteries
        .iter()
        .map(|&mastery| {
            let state = if !open {
                NodeState::Locked
            } else if is_complete(mastery) {
                NodeState::Complete
            } else {
                NodeState::Active
            };
            open = state == NodeState::Complete;
            state
        })
        .collect()
}

pub use crate::domain::stars;

#[cfg(test)]
mod tests {
    use super::*;
    use NodeState::*;

    #[test]
    fn a_new_learner_has_the_first_module_active_and_the_rest_locked() {
        assert_eq!(node_states(&[0.0, 0.0, 0.0]), vec![Active, Locked, Locked]);
    }

    #[test]
    fn a_module_at_80_percent_opens_the_next_one() {
        assert_eq!(
            node_states(&[0.8, 0.1, 0.0]),
            vec![Complete, Active, Locked]
        );
        assert_eq!(node_states(&[0.79, 1.0]), vec![Active, Locked]);
    }

    #[test]
    fn a_module_the_page_shows_at_80_percent_is_complete() {
        // Two topics at 70 % and 90 %: the f32 mean is 0.79999995.
        let module = (0.7f32 + 0.9f32) / 2.0;
        assert!(module < 0.8);
        assert_eq!(percent(module), 80);
        assert_eq!(node_states(&[module, 0.0]), vec![Complete, Active]);
        // 79.5 % shows as 80 %, 79.4 % as 79 %.
        assert!(is_complete(0.795));
        assert!(!is_complete(0.794));
    }

    /// For every combination of topic scores in whole percent (up to four topics),
    /// the module is complete exactly when its displayed percentage is 80 or more.
    #[test]
    fn the_lock_agrees_with_the_displayed_percentage_for_every_score_combination() {
        let mut checked = 0u32;
        let scores: Vec<f32> = (0..=100).map(|p| p as f32 / 100.0).collect();
        for n in 1..=3usize {
            let mut idx = vec![0usize; n];
            loop {
                let topics: Vec<f32> = idx.iter().map(|&i| scores[i]).collect();
                let module = topics.iter().sum::<f32>() / n as f32;
                let shown = percent(module);
                let state = node_states(&[module, 0.0]);
                assert_eq!(
                    state[1] != Locked,
                    shown >= 80,
                    "topics {topics:?}: shown {shown} %, states {state:?}"
                );
                checked += 1;
                // Next combination (odometer).
                let mut k = 0;
                while k < n {
                    idx[k] += 1;
                    if idx[k] <= 100 {
                        break;
                    }
                    idx[k] = 0;
                    k += 1;
                }
                if k == n {
                    break;
                }
            }
        }
        assert_eq!(checked, 101 + 101 * 101 + 101 * 101 * 101);
    }

    #[test]
    fn mastery_of_a_locked_module_does_not_unlock_it() {
        assert_eq!(node_states(&[0.5, 0.9, 0.9]), vec![Active, Locked, Locked]);
    }

    #[test]
    fn stars_are_five_times_mastery_clamped() {
        assert_eq!(stars(0.0), 0.0);
        assert_eq!(stars(0.5), 2.5);
        assert_eq!(stars(1.5), 5.0);
    }
}
