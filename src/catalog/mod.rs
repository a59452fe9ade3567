//! The catalog: professions and their grades (`/` and `/professions/{p}`).

mod catalog_page;
mod profession_page;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
mod types;

pub use catalog_page::CatalogPage;
pub use profession_page::{plural, ProfessionPage};
pub use server_fns::*;
pub use types::*;
