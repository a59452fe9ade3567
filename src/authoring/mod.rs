//! Authoring: what authors edit, one core for every kind of content. Used by
//! /admin's pages and server functions, by the REST API's authoring endpoints and
//! (the rules in `validate`) by the seeds.
//!
//! - `types`: each kind's row and input, and `ContentKind`, the closed set of kinds.
//! - `validate`: the rules an input must meet, one per kind.
//! - `core`: the `Authorable` trait a kind implements, and the generic get, list,
//!   create, update and delete that own validation, 404, 409 and confirmation.
//! - `kinds`: each kind's queries.
//! - `order`: publishing and reordering, by kind.
//! - `bundles`: uploads kept until an author applies them.

#[cfg(feature = "ssr")]
pub mod bundles;
#[cfg(feature = "ssr")]
pub mod core;
pub mod forms;
pub mod inputs;
#[cfg(feature = "ssr")]
mod kinds;
#[cfg(feature = "ssr")]
pub mod order;
#[cfg(feature = "ssr")]
pub mod tasks;
pub mod types;
pub mod validate;

#[cfg(feature = "ssr")]
pub use kinds::profession_id;
pub use types::*;
