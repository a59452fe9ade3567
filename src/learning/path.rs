//! The rules of the learning path (DESIGN.md): the first module is open; module
//! N+1 opens when module N is complete, at 80 % mastery or more.

use super::types::NodeState;

pub const COMPLETE_AT: f32 = 0.8;

/// States of a grade's modules, in path order, from each module's mastery (0–1).
pub fn node_states(masteries: &[f32]) -> Vec<NodeState> {
    let mut open = true;
    masteries
        .iter()
        .map(|&mastery| {
            let state = if !open {
                NodeState::Locked
            } else if mastery >= COMPLETE_AT {
                NodeState::Complete
            } else {
                NodeState::Active
            };
            open = state == NodeState::Complete;
            state
        })
        .collect()
}

/// Stars (0–5) for a mastery (0–1).
pub fn stars(mastery: f32) -> f32 {
    (mastery.clamp(0.0, 1.0) * 5.0 * 10.0).round() / 10.0
}

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
