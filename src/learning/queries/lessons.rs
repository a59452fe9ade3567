//! Lessons: one run through a topic's exercises, a step at a time, and the
//! summary at the end.

use sqlx::PgPool;

use super::{find_topic, TopicSlugs};
use crate::error::AppError;
use crate::learning::types::*;

/// Starts a lesson on a topic for a learner; returns its id.
pub async fn start_lesson(
    pool: &PgPool,
    learner: i64,
    at: TopicSlugs<'_>,
) -> Result<i64, AppError> {
    let row = find_topic(pool, Some(learner), at, None).await?;
    Ok(sqlx::query_scalar!(
        "INSERT INTO lessons (learner_id, topic_id) VALUES ($1, $2) RETURNING lesson_id",
        learner,
        row.topic_id
    )
    .fetch_one(pool)
    .await?)
}

/// A lesson's screen: the intro (no lesson yet), step N, or the end screen.
pub async fn lesson_view(
    pool: &PgPool,
    learner: Option<i64>,
    at: TopicSlugs<'_>,
    lesson: Option<i64>,
    step: usize,
) -> Result<LessonView, AppError> {
    let lesson = lesson.filter(|_| learner.is_some());
    let row = find_topic(pool, learner, at, lesson).await?;
    let t = row.view;
    let mut view = LessonView {
        module_slug: t.module_slug.clone(),
        topic_slug: t.slug.clone(),
        topic_title: t.title.clone(),
        trail: t.trail.clone(),
        lesson_id: None,
        total: t.theory.len() + t.questions.len() + t.tasks.len() + t.cases.len(),
        step: 0,
        answered: 0,
        item: None,
        summary: None,
    };
    let (Some(lesson), Some(learner)) = (lesson, learner) else {
        return Ok(view);
    };
    let started = sqlx::query!(
        r#"SELECT extract(epoch FROM (
                  coalesce((SELECT max(answered_at) FROM answers WHERE lesson_id = $1), started_at)
                  - started_at))::bigint AS "seconds!"
           FROM lessons WHERE lesson_id = $1 AND learner_id = $2 AND topic_id = $3"#,
        lesson,
        learner,
        row.topic_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    // find_topic already scoped the feedback to this lesson.
    let items: Vec<ExerciseItem> = [t.theory, t.questions, t.tasks, t.cases]
        .into_iter()
        .flatten()
        .collect();
    view.lesson_id = Some(lesson);
    view.answered = items.iter().filter(|i| i.feedback.is_some()).count();
    view.step = step.clamp(1, view.total + 1);
    if view.step <= view.total {
        view.item = items.into_iter().nth(view.step - 1);
        return Ok(view);
    }
    let xp = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE lesson_id = $1 AND is_correct"#,
        lesson
    )
    .fetch_one(pool)
    .await?;
    let topic_href = t.trail.topic_href(&t.module_slug, &t.slug);
    let correct = items
        .iter()
        .filter(|i| i.feedback.as_ref().is_some_and(|f| f.correct))
        .count();
    let review = items
        .iter()
        .filter(|i| !i.feedback.as_ref().is_some_and(|f| f.correct))
        .map(|i| {
            (
                i.title_html().to_string(),
                format!("{topic_href}#ex-{}", i.key()),
            )
        })
        .collect();
    view.summary = Some(LessonSummary {
        answered: view.answered,
        correct,
        accuracy_pct: (correct * 100).checked_div(view.answered).unwrap_or(0) as u8,
        xp: xp * crate::progress::XP_PER_CORRECT,
        seconds: started.seconds.max(0),
        review,
    });
    Ok(view)
}
