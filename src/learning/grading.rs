//! Grading rules (DESIGN.md). Pure functions: the server grades, the tests pin them.

use std::collections::BTreeSet;

/// Task answers are compared after this: line endings unified, trailing spaces
/// dropped on every line, blank lines trimmed at both ends.
pub fn normalize(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.lines().map(str::trim_end).collect();
    lines
        .join("\n")
        .trim_matches(|c: char| c == '\n' || c == ' ' || c == '\t')
        .to_string()
}

/// A question is right when the chosen set equals the correct set exactly.
pub fn grade_question(chosen: &[i32], correct: &[i32]) -> f32 {
    let chosen: BTreeSet<i32> = chosen.iter().copied().collect();
    let correct: BTreeSet<i32> = correct.iter().copied().collect();
    if chosen == correct {
        1.0
    } else {
        0.0
    }
}

/// A task is right when the normalized text equals an accepted answer.
pub fn grade_task(typed: &str, expected: &str, also_accepted: &[String]) -> f32 {
    let typed = normalize(typed);
    let ok = std::iter::once(expected)
        .chain(also_accepted.iter().map(String::as_str))
        .any(|answer| normalize(answer) == typed);
    if ok {
        1.0
    } else {
        0.0
    }
}

/// Which blanks of a case are right (surrounding spaces do not count).
pub fn case_blanks(typed: &[String], correct: &[String]) -> Vec<bool> {
    correct
        .iter()
        .enumerate()
        .map(|(i, c)| typed.get(i).is_some_and(|t| t.trim() == c.trim()))
        .collect()
}

/// A case scores the fraction of its blanks filled right.
pub fn grade_case(typed: &[String], correct: &[String]) -> f32 {
    if correct.is_empty() {
        return 0.0;
    }
    let right = case_blanks(typed, correct)
        .into_iter()
        .filter(|b| *b)
        .count();
    right as f32 / correct.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn normalization_unifies_line_endings_and_drops_trailing_spaces() {
        assert_eq!(normalize("  1  \r\n2\t\r\n\n"), "1\n2");
        assert_eq!(normalize("a \nb  "), "a\nb");
    }

    #[test]
    fn normalization_keeps_inner_and_leading_spaces_of_lines() {
        assert_eq!(normalize("a  b\n  c"), "a  b\n  c");
        assert_ne!(normalize("ab"), normalize("a b"));
    }

    #[test]
    fn a_task_accepts_the_expected_text_or_an_alternative() {
        assert_eq!(grade_task("5 \r\n", "5", &[]), 1.0);
        assert_eq!(grade_task("True", "True", &[]), 1.0);
        assert_eq!(grade_task("true", "True", &[]), 0.0);
        assert_eq!(grade_task("'a'", "a", &s(&["'a'"])), 1.0);
    }

    #[test]
    fn a_question_needs_exactly_the_correct_set() {
        assert_eq!(grade_question(&[1], &[1]), 1.0);
        assert_eq!(grade_question(&[2, 0], &[0, 2]), 1.0);
        assert_eq!(grade_question(&[0], &[0, 2]), 0.0, "a subset is wrong");
        assert_eq!(
            grade_question(&[0, 1, 2], &[0, 2]),
            0.0,
            "a superset is wrong"
        );
        assert_eq!(grade_question(&[], &[0]), 0.0);
    }

    #[test]
    fn a_case_earns_partial_credit_per_blank() {
        let correct = s(&["5", "x * 2", "print"]);
        assert_eq!(grade_case(&s(&["5", "x * 2", "print"]), &correct), 1.0);
        assert!((grade_case(&s(&[" 5 ", "x*2", "print"]), &correct) - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(
            grade_case(&s(&["5"]), &correct),
            1.0 / 3.0,
            "missing blanks are wrong"
        );
        assert_eq!(
            case_blanks(&s(&["1", "2"]), &s(&["1", "3"])),
            vec![true, false]
        );
    }
}
