//! Authoring: the /admin area for authors and admins — the content tree, editing
//! professions, grades, modules, topics, their exercises, portfolio projects and
//! checklists (drafts, order, live markdown preview, optimistic locking, typed
//! input kept when a no-JavaScript save fails), roles and personal API tokens.
//! Reads and writes go through `crate::authoring`, shared with the REST API.

mod bundles_page;
mod case_page;
mod content_fns;
pub mod drafts;
mod edit_pages;
mod form;
mod grade_page;
mod markdown_preview;
mod module_page;
mod profession_page;
mod project_page;
#[cfg(feature = "ssr")]
pub mod queries;
mod question_page;
mod server_fns;
mod task_page;
mod theory_page;
mod tokens_page;
mod topic_page;
mod tree_page;
mod types;
mod users_page;

pub use bundles_page::BundlesPage;
pub use content_fns::*;
pub use edit_pages::*;
pub use markdown_preview::MarkdownInput;
pub use profession_page::NewProfessionPage;
pub use server_fns::*;
pub use tokens_page::TokensPage;
pub use tree_page::{AdminPage, NewModulePage};
pub use types::*;
pub use users_page::UsersPage;
