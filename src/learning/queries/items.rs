//! A topic's exercises as the learner sees them, each with the feedback stored
//! with the learner's latest answer to it.

use std::collections::HashMap;

use sqlx::PgPool;

use crate::domain::ExerciseKind;
use crate::error::AppError;
use crate::learning::answers::stored_feedback;
use crate::learning::types::*;
use crate::server::render::{case_parts, code_html, inline_markdown, markdown};

/// A topic's exercises by kind, each with the learner's latest feedback.
pub struct TopicItems {
    pub theory: Vec<ExerciseItem>,
    pub questions: Vec<ExerciseItem>,
    pub tasks: Vec<ExerciseItem>,
    pub cases: Vec<ExerciseItem>,
}

/// `ExerciseItem::for_learner` of a page shown before the visitor's first answer
/// (not empty: an empty form field reads as no field at all).
pub const NO_LEARNER_YET: &str = "none";

/// Builds the items; feedback comes from the learner's latest answer to each
/// exercise (only within `lesson`, when given). `drafts` adds unpublished
/// exercises, for an author's preview.
pub async fn topic_items(
    pool: &PgPool,
    topic_id: i64,
    learner: Option<i64>,
    lesson: Option<i64>,
    drafts: bool,
) -> Result<TopicItems, AppError> {
    // The feedback stored with each latest answer: what the learner was shown.
    let latest = sqlx::query!(
        r#"SELECT DISTINCT ON (a.kind, a.exercise_id)
                  a.kind AS "kind!: ExerciseKind", a.exercise_id AS "exercise_id!", a.score,
                  a.is_correct, a.feedback
           FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           WHERE a.learner_id = $1 AND e.topic_id = $2 AND ($3::bigint IS NULL OR a.lesson_id = $3)
           ORDER BY a.kind, a.exercise_id, a.answered_at DESC, a.answer_id DESC"#,
        learner,
        topic_id,
        lesson
    )
    .fetch_all(pool)
    .await?;
    let mut answered: HashMap<(ExerciseKind, i64), _> = latest
        .into_iter()
        .map(|a| ((a.kind, a.exercise_id), (a.score, a.is_correct, a.feedback)))
        .collect();
    let mut item = |kind: ExerciseKind, id: i64, body: ExerciseBody, explanation: &str| {
        let feedback = answered
            .remove(&(kind, id))
            .and_then(|(score, correct, detail)| {
                stored_feedback(score, correct, detail, explanation)
            });
        ExerciseItem {
            kind,
            id,
            body,
            client_id: uuid::Uuid::new_v4().to_string(),
            for_learner: learner.map_or_else(|| NO_LEARNER_YET.to_string(), |l| l.to_string()),
            feedback,
        }
    };

    let theory = sqlx::query!(
        "SELECT theory_id, title, body, explanation FROM theory
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, theory_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let questions = sqlx::query!(
        r#"SELECT question_id, title, options, cardinality(correct_answers) > 1 AS "multiple!", explanation
           FROM questions WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, question_id"#,
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let tasks = sqlx::query!(
        "SELECT task_id, title, code_question, explanation FROM tasks
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, task_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let cases = sqlx::query!(
        "SELECT case_id, title, code_template, explanation FROM cases
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, case_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;

    Ok(TopicItems {
        theory: theory
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Theory {
                    title_html: inline_markdown(&x.title),
                    body_html: markdown(&x.body),
                };
                item(ExerciseKind::Theory, x.theory_id, body, &x.explanation)
            })
            .collect(),
        questions: questions
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Question {
                    title_html: inline_markdown(&x.title),
                    options_html: x.options.iter().map(|o| inline_markdown(o)).collect(),
                    multiple: x.multiple,
                };
                item(ExerciseKind::Question, x.question_id, body, &x.explanation)
            })
            .collect(),
        tasks: tasks
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Task {
                    title_html: inline_markdown(&x.title),
                    code_html: code_html(&x.code_question),
                };
                item(ExerciseKind::Task, x.task_id, body, &x.explanation)
            })
            .collect(),
        cases: cases
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Case {
                    title_html: inline_markdown(&x.title),
                    parts: case_parts(&x.code_template),
                };
                item(ExerciseKind::Case, x.case_id, body, &x.explanation)
            })
            .collect(),
    })
}
