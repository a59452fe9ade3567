//! Grader's vocabulary: the values every feature speaks of (a grade's level, an
//! exercise's kind, mastery as stars and percent, the slug rule, Russian plurals).
//! It depends on nothing else in the crate; everything else may depend on it.

mod exercise_kind;
mod grade_level;
mod scale;
pub mod slug;
mod words;

pub use exercise_kind::ExerciseKind;
pub use grade_level::GradeLevel;
pub use scale::{percent, stars};
pub use slug::is_slug;
pub use words::plural;

/// The blank marker of a fill-the-blanks case: the seeds, the authors' editor
/// and the learner's page all split a template on it.
pub const BLANK: &str = "___";
