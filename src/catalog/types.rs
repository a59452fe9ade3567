use serde::{Deserialize, Serialize};

pub use crate::domain::GradeLevel;

/// A profession as a card in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub grades: Vec<GradeChip>,
    /// 0–5; mean mastery of the grades that have content (DESIGN.md).
    pub stars: f32,
}

/// A grade as a chip on a profession card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeChip {
    pub slug: String,
    pub level: GradeLevel,
    pub has_content: bool,
}

/// A profession with its grades, for `/professions/{p}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionDetail {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub grades: Vec<GradeCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeCard {
    pub slug: String,
    pub level: GradeLevel,
    pub description: String,
    pub module_count: i64,
    pub topic_count: i64,
    pub stars: f32,
}
