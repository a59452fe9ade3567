//! Accounts and identity. A visitor becomes a guest learner on their first answer
//! (a row in `learners` bound to the session cookie); registering turns that same
//! row into an account, and logging in merges a guest's answers into the account.

#[cfg(feature = "ssr")]
pub mod guard;
mod login_page;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod queries;
mod register_page;
pub mod roles;
mod server_fns;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod tokens;
mod types;

pub use login_page::LoginPage;
pub use register_page::RegisterPage;
pub use roles::Role;
pub use server_fns::*;
pub use types::*;
