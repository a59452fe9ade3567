use serde::{Deserialize, Serialize};

use crate::domain::GradeLevel;

/// `/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfileView {
    /// False for a visitor who has not answered anything yet.
    pub has_learner: bool,
    pub display_name: String,
    pub email: Option<String>,
    pub role: crate::auth::Role,
    pub time_zone: String,
    pub xp: i64,
    pub answers: i64,
    pub streak_current: u32,
    pub streak_longest: u32,
    pub week: Vec<DayActivity>,
    pub professions: Vec<ProfessionProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DayActivity {
    /// «пн», «вт», …
    pub weekday: String,
    /// «22.11».
    pub date: String,
    pub answers: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfessionProgress {
    pub slug: String,
    pub title: String,
    pub stars: f32,
    pub grades: Vec<GradeProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradeProgress {
    pub slug: String,
    pub level: GradeLevel,
    pub stars: f32,
    pub percent: u8,
}
