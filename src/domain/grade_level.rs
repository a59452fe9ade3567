use serde::{Deserialize, Serialize};

/// A grade's level, in career order. The database enum `grade_level` has the same
/// values; URLs use the slug form (`junior-plus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sqlx::Type, utoipa::ToSchema))]
#[cfg_attr(
    feature = "ssr",
    sqlx(type_name = "grade_level", rename_all = "snake_case")
)]
pub enum GradeLevel {
    Intern,
    Junior,
    JuniorPlus,
    Middle,
    MiddlePlus,
    SeniorPlus,
}

impl GradeLevel {
    pub const ALL: [GradeLevel; 6] = [
        GradeLevel::Intern,
        GradeLevel::Junior,
        GradeLevel::JuniorPlus,
        GradeLevel::Middle,
        GradeLevel::MiddlePlus,
        GradeLevel::SeniorPlus,
    ];

    /// The name learners see.
    pub fn title(self) -> &'static str {
        match self {
            GradeLevel::Intern => "Стажёр",
            GradeLevel::Junior => "Джун",
            GradeLevel::JuniorPlus => "Джун+",
            GradeLevel::Middle => "Мидл",
            GradeLevel::MiddlePlus => "Мидл+",
            GradeLevel::SeniorPlus => "Синьор+",
        }
    }

    /// The value stored in the database and written in seed files.
    pub fn as_db(self) -> &'static str {
        match self {
            GradeLevel::Intern => "intern",
            GradeLevel::Junior => "junior",
            GradeLevel::JuniorPlus => "junior_plus",
            GradeLevel::Middle => "middle",
            GradeLevel::MiddlePlus => "middle_plus",
            GradeLevel::SeniorPlus => "senior_plus",
        }
    }

    /// The URL form.
    pub fn slug(self) -> String {
        self.as_db().replace('_', "-")
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_db() == value)
    }

    pub fn position(self) -> i32 {
        Self::ALL.iter().position(|l| *l == self).unwrap_or(0) as i32 + 1
    }
}
