//! Progress: mastery of topics, modules, grades and professions, from each
//! learner's latest answers (DESIGN.md's rules), and the learner's profile.

pub mod mastery;
mod profile_page;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
pub mod streak;
mod types;

pub use profile_page::ProfilePage;
pub use server_fns::*;
pub use types::*;

/// XP for each correct answer; theory «Понимаю» counts as correct.
pub const XP_PER_CORRECT: i64 = 10;
