//! Loads the content files in `seeds/` into PostgreSQL (format: seeds/README.md).
//!
//! Everything is parsed and checked before the database is touched; then one
//! transaction upserts every row by slug and unpublishes rows no file names any
//! more. A bad file names the file, the entry and the field, and changes nothing.

mod checks;
mod format;
mod load;
pub mod table;
mod upsert;

pub use format::*;
mod bundle;

pub use bundle::{export, import_bundle, pack, unpack, MAX_BUNDLE_BYTES};
pub use load::{load, load_dir, Scope, SeedReport};

use std::fmt;
use std::path::PathBuf;

/// What is wrong with the seeds, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedError {
    pub file: PathBuf,
    /// e.g. `topic "immutable-types" > question "which-is-immutable"`; empty for the file itself.
    pub entry: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for SeedError {}
