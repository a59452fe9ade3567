//! Learning: a grade's path of modules, a module's topics, and a topic's exercises.

mod grade_page;
mod module_page;
pub mod path;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
mod topic_page;
mod types;

pub use grade_page::GradePage;
pub use module_page::ModulePage;
pub use server_fns::*;
pub use topic_page::TopicPage;
pub use types::*;
