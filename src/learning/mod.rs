//! Learning: a grade's path of modules, a module's topics, a topic's exercises,
//! answering them (graded on the server) and lessons.

#[cfg(feature = "ssr")]
pub mod answers;
#[cfg(feature = "ssr")]
pub mod attempt;
mod exercise_card;
mod feedback;
mod grade_page;
pub mod grading;
mod lesson_page;
mod module_page;
pub mod path;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
mod topic_page;
mod types;

pub use exercise_card::{last_answer, ExerciseCard};
pub use grade_page::GradePage;
pub use lesson_page::LessonPage;
pub use module_page::ModulePage;
pub use server_fns::*;
pub use topic_page::TopicPage;
pub use types::*;
