use serde::{Deserialize, Serialize};

/// The kinds of exercise a learner answers. The database enum `exercise_kind` has
/// the same values; forms, the API and the stored answers name them in lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(sqlx::Type, utoipa::ToSchema))]
#[cfg_attr(
    feature = "ssr",
    sqlx(type_name = "exercise_kind", rename_all = "lowercase")
)]
pub enum ExerciseKind {
    Theory,
    Question,
    Task,
    Case,
}

impl ExerciseKind {
    pub const ALL: [ExerciseKind; 4] = [
        ExerciseKind::Theory,
        ExerciseKind::Question,
        ExerciseKind::Task,
        ExerciseKind::Case,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseKind::Theory => "theory",
            ExerciseKind::Question => "question",
            ExerciseKind::Task => "task",
            ExerciseKind::Case => "case",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

impl std::fmt::Display for ExerciseKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_kind_reads_back_what_it_writes_and_nothing_else() {
        for kind in ExerciseKind::ALL {
            assert_eq!(ExerciseKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).ok(),
                Some(format!("\"{kind}\""))
            );
        }
        assert_eq!(ExerciseKind::parse("Theory"), None);
        assert_eq!(ExerciseKind::parse("code"), None);
    }
}
