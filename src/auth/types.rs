//! What the account pages show.

use serde::{Deserialize, Serialize};

/// A personal API token as its owner sees it: never the secret, only its prefix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenView {
    pub token_id: i64,
    pub name: String,
    pub prefix: String,
    pub created: String,
    pub last_used: Option<String>,
    pub revoked: bool,
}
