//! Authoring: the /admin area for authors and admins — the content tree, editing
//! modules, topics and their exercises (drafts, order, preview, optimistic locking),
//! roles and personal API tokens. The queries are shared with the REST API.

mod bundles_page;
mod case_page;
mod form;
mod module_page;
#[cfg(feature = "ssr")]
pub mod queries;
mod question_page;
#[cfg(feature = "ssr")]
pub mod run_python;
mod server_fns;
mod task_page;
mod theory_page;
mod tokens_page;
mod topic_page;
mod tree_page;
mod types;
mod users_page;
pub mod validate;

pub use bundles_page::BundlesPage;
pub use case_page::AdminCasePage;
pub use module_page::AdminModulePage;
pub use question_page::AdminQuestionPage;
pub use server_fns::*;
pub use task_page::AdminTaskPage;
pub use theory_page::AdminTheoryPage;
pub use tokens_page::TokensPage;
pub use topic_page::{AdminTopicPage, TopicPreviewPage};
pub use tree_page::{AdminPage, NewModulePage};
pub use types::*;
pub use users_page::UsersPage;
