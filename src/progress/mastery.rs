//! Rolls topic mastery up the hierarchy (DESIGN.md):
//! module = mean of its topics; grade = mean of its modules; profession = mean of
//! its grades that have content. All values are 0.0–1.0.

use std::collections::HashMap;

/// One active topic with its place in the hierarchy and the learner's mastery.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicMastery {
    pub topic_id: i64,
    pub module_id: i64,
    pub grade_id: i64,
    pub profession_id: i64,
    pub mastery: f32,
}

#[derive(Debug, Default, Clone)]
pub struct Rollup {
    pub topics: HashMap<i64, f32>,
    pub modules: HashMap<i64, f32>,
    pub grades: HashMap<i64, f32>,
    pub professions: HashMap<i64, f32>,
}

fn mean(values: &[f32]) -> f32 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f32>() / values.len() as f32
    }
}

impl Rollup {
    pub fn new(rows: &[TopicMastery]) -> Self {
        let mut by_module: HashMap<i64, Vec<f32>> = HashMap::new();
        let mut module_grade: HashMap<i64, i64> = HashMap::new();
        let mut grade_profession: HashMap<i64, i64> = HashMap::new();
        let mut topics = HashMap::new();
        for r in rows {
            topics.insert(r.topic_id, r.mastery);
            by_module.entry(r.module_id).or_default().push(r.mastery);
            module_grade.insert(r.module_id, r.grade_id);
            grade_profession.insert(r.grade_id, r.profession_id);
        }
        let modules: HashMap<i64, f32> = by_module.iter().map(|(m, v)| (*m, mean(v))).collect();
        let mut by_grade: HashMap<i64, Vec<f32>> = HashMap::new();
        for (m, v) in &modules {
            by_grade.entry(module_grade[m]).or_default().push(*v);
        }
        let grades: HashMap<i64, f32> = by_grade.iter().map(|(g, v)| (*g, mean(v))).collect();
        // Only grades with content appear here, so empty grades do not drag the mean down.
        let mut by_profession: HashMap<i64, Vec<f32>> = HashMap::new();
        for (g, v) in &grades {
            by_profession
                .entry(grade_profession[g])
                .or_default()
                .push(*v);
        }
        let professions = by_profession.iter().map(|(p, v)| (*p, mean(v))).collect();
        Rollup {
            topics,
            modules,
            grades,
            professions,
        }
    }

    pub fn topic(&self, id: i64) -> f32 {
        self.topics.get(&id).copied().unwrap_or(0.0)
    }
    pub fn module(&self, id: i64) -> f32 {
        self.modules.get(&id).copied().unwrap_or(0.0)
    }
    pub fn grade(&self, id: i64) -> f32 {
        self.grades.get(&id).copied().unwrap_or(0.0)
    }
    pub fn profession(&self, id: i64) -> f32 {
        self.professions.get(&id).copied().unwrap_or(0.0)
    }
}

pub use crate::domain::percent;

/// The reads: one SQL formula, the database function `topic_mastery` (see its
/// migration), for every figure.
#[cfg(feature = "ssr")]
mod reads {
    use sqlx::PgPool;

    use super::{percent, Rollup, TopicMastery};
    use crate::domain::ExerciseKind;
    use crate::error::AppError;

    /// Every published topic's mastery for a learner (zeros for a visitor), rolled up.
    pub async fn rollup(pool: &PgPool, learner: Option<i64>) -> Result<Rollup, AppError> {
        let rows = sqlx::query_as!(
            TopicMastery,
            r#"SELECT t.topic_id AS "topic_id!", t.module_id AS "module_id!",
                      t.grade_id AS "grade_id!", t.profession_id AS "profession_id!",
                      m.mastery AS "mastery!"
               FROM topic_mastery($1, NULL) m JOIN published_topics t USING (topic_id)"#,
            learner
        )
        .fetch_all(pool)
        .await?;
        Ok(Rollup::new(&rows))
    }

    /// The mastery of the topic an exercise belongs to, 0–100: the figure the topic
    /// page shows, read right after an answer so the page can update in place.
    pub async fn exercise_topic_percent(
        pool: &PgPool,
        learner: i64,
        kind: ExerciseKind,
        exercise_id: i64,
    ) -> Result<u8, AppError> {
        let mastery = sqlx::query_scalar!(
            r#"SELECT coalesce((
                   SELECT m.mastery FROM exercises e, topic_mastery($1, ARRAY[e.topic_id]) m
                   WHERE e.kind = $2 AND e.exercise_id = $3), 0)::real AS "mastery!""#,
            learner,
            kind as ExerciseKind,
            exercise_id
        )
        .fetch_one(pool)
        .await?;
        Ok(percent(mastery))
    }
}

#[cfg(feature = "ssr")]
pub use reads::{exercise_topic_percent, rollup};

#[cfg(test)]
mod tests {
    use super::*;

    fn t(
        topic_id: i64,
        module_id: i64,
        grade_id: i64,
        profession_id: i64,
        mastery: f32,
    ) -> TopicMastery {
        TopicMastery {
            topic_id,
            module_id,
            grade_id,
            profession_id,
            mastery,
        }
    }

    #[test]
    fn modules_grades_and_professions_are_means_of_their_children() {
        let r = Rollup::new(&[
            t(1, 10, 100, 1000, 1.0),
            t(2, 10, 100, 1000, 0.5),
            t(3, 11, 100, 1000, 0.0),
            t(4, 12, 101, 1000, 0.25),
        ]);
        assert_eq!(r.module(10), 0.75);
        assert_eq!(r.grade(100), 0.375, "mean of modules, not of topics");
        assert_eq!(r.grade(101), 0.25);
        assert_eq!(
            r.profession(1000),
            0.3125,
            "mean of the grades that have content"
        );
    }

    #[test]
    fn unknown_ids_have_no_mastery() {
        let r = Rollup::new(&[]);
        assert_eq!(r.topic(1), 0.0);
        assert_eq!(r.profession(1), 0.0);
    }

    #[test]
    fn percent_rounds_and_clamps() {
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(1.2), 100);
    }
}
