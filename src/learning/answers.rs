//! The answer pipeline (server only). Each edge builds an `Attempt`: a page's
//! form (`Submission`, with or without JavaScript, in a lesson or not) and the
//! REST API (`api::learner`). `submit` checks it, grades it against the key,
//! appends it with the feedback the learner is shown, and says where the topic's
//! mastery now stands. Later views show that stored feedback (`stored_feedback`),
//! never a new grading against a key an author may have changed since.

use similar::{ChangeTag, TextDiff};
use sqlx::PgPool;
use uuid::Uuid;

pub use super::attempt::{client_id, Attempt, Response, Submission};

use super::feedback::{Answered, Feedback, FeedbackDetail};
use super::grading;
use crate::domain::ExerciseKind;
use crate::error::AppError;
use crate::server::render::markdown;

/// What grading needs to know about an exercise: its key and explanation.
pub enum Key {
    Theory,
    Question(Vec<i32>),
    Task {
        expected: String,
        accepted: Vec<String>,
    },
    Case(Vec<String>),
}

pub struct Exercise {
    pub key: Key,
    pub explanation: String,
}

/// Loads a published exercise's answer key: the exercise, its topic, module,
/// grade and profession all published (`published_topics`), else 404.
/// Returns it with its module, whose lock the caller checks.
pub async fn exercise(
    pool: &PgPool,
    kind: ExerciseKind,
    id: i64,
) -> Result<(Exercise, i64), AppError> {
    let found = match kind {
        ExerciseKind::Theory => sqlx::query!(
            r#"SELECT x.explanation, p.module_id AS "module_id!" FROM theory x
               JOIN published_topics p USING (topic_id) WHERE x.theory_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Theory, explanation: r.explanation }, r.module_id)),
        ExerciseKind::Question => sqlx::query!(
            r#"SELECT x.correct_answers, x.explanation, p.module_id AS "module_id!" FROM questions x
               JOIN published_topics p USING (topic_id) WHERE x.question_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Question(r.correct_answers), explanation: r.explanation }, r.module_id)),
        ExerciseKind::Task => sqlx::query!(
            r#"SELECT x.correct_answer, x.accepted_answers, x.explanation, p.module_id AS "module_id!"
               FROM tasks x JOIN published_topics p USING (topic_id) WHERE x.task_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| {
            let key = Key::Task { expected: r.correct_answer, accepted: r.accepted_answers };
            (Exercise { key, explanation: r.explanation }, r.module_id)
        }),
        ExerciseKind::Case => sqlx::query!(
            r#"SELECT x.correct_fields, x.explanation, p.module_id AS "module_id!" FROM cases x
               JOIN published_topics p USING (topic_id) WHERE x.case_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Case(r.correct_fields), explanation: r.explanation }, r.module_id)),
    };
    found.ok_or(AppError::NotFound)
}

/// Grades a response against an exercise and says what to show.
pub fn feedback(exercise: &Exercise, response: &Response) -> Feedback {
    let (score, detail) = match (&exercise.key, response) {
        (Key::Theory, Response::Theory(u)) => (
            if *u { 1.0 } else { 0.0 },
            FeedbackDetail::Theory { understood: *u },
        ),
        (Key::Question(correct), Response::Question(chosen)) => (
            grading::grade_question(chosen, correct),
            FeedbackDetail::Question {
                chosen: chosen.clone(),
                correct: correct.clone(),
            },
        ),
        (Key::Task { expected, accepted }, Response::Task(typed)) => (
            grading::grade_task(typed, expected, accepted),
            FeedbackDetail::Task {
                typed: typed.clone(),
                expected: expected.clone(),
                diff_html: diff_html(&grading::normalize(typed), &grading::normalize(expected)),
            },
        ),
        (Key::Case(correct), Response::Case(typed)) => (
            grading::grade_case(typed, correct),
            FeedbackDetail::Case {
                typed: typed.clone(),
                correct: correct.clone(),
                right: grading::case_blanks(typed, correct),
            },
        ),
        _ => (0.0, FeedbackDetail::Theory { understood: false }),
    };
    Feedback {
        score,
        correct: score >= 1.0,
        explanation_html: markdown(&exercise.explanation),
        detail,
    }
}

/// Typed vs expected, character by character: `<del>` what should not be there,
/// `<ins>` what is missing. Spaces, tabs and line breaks are drawn (·, →, ↵).
pub fn diff_html(typed: &str, expected: &str) -> String {
    fn visible(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                ' ' => out.push('·'),
                '\t' => out.push('→'),
                '\n' => out.push_str("↵\n"),
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out
    }
    // A deadline: past it the diff is coarser, never slow (texts are ≤ 10 KB).
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(50))
        .diff_chars(typed, expected);
    let mut html = String::new();
    for change in diff.iter_all_changes() {
        let text = visible(change.value());
        match change.tag() {
            ChangeTag::Equal => html.push_str(&text),
            ChangeTag::Delete => html.push_str(&format!("<del>{text}</del>")),
            ChangeTag::Insert => html.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    html
}

/// Grades and appends an answer, and says where the topic's mastery now stands.
pub async fn submit(
    pool: &PgPool,
    learner_id: i64,
    attempt: &Attempt,
) -> Result<Answered, AppError> {
    let feedback = store(pool, learner_id, attempt).await?;
    let topic_pct = crate::progress::mastery::exercise_topic_percent(
        pool,
        learner_id,
        attempt.response.kind(),
        attempt.exercise_id,
    )
    .await?;
    Ok(Answered {
        feedback,
        topic_pct,
        next_client_id: Uuid::new_v4().to_string(),
    })
}

/// Grades and appends an answer with its feedback. A retry with the same client
/// id answers with the stored answer's feedback and stores nothing new.
async fn store(pool: &PgPool, learner_id: i64, attempt: &Attempt) -> Result<Feedback, AppError> {
    let kind = attempt.response.kind();
    let (ex, module_id) = exercise(pool, kind, attempt.exercise_id).await?;
    // The path's lock holds on the server too, not only on the page.
    if !super::queries::module_is_open(pool, learner_id, module_id).await? {
        return Err(AppError::Locked(
            "Этот модуль ещё закрыт: сначала пройдите предыдущий модуль хотя бы на 80 %.".into(),
        ));
    }
    if let Some(lesson) = attempt.lesson_id {
        let mine = sqlx::query_scalar!(
            "SELECT EXISTS (SELECT 1 FROM lessons WHERE lesson_id = $1 AND learner_id = $2) AS \"m!\"",
            lesson,
            learner_id
        )
        .fetch_one(pool)
        .await?;
        if !mine {
            return Err(AppError::NotFound);
        }
    }
    let fb = feedback(&ex, &attempt.response);
    let id = Some(attempt.exercise_id);
    let none = None::<i64>;
    let (theory, question, task, case) = match kind {
        ExerciseKind::Theory => (id, none, none, none),
        ExerciseKind::Question => (none, id, none, none),
        ExerciseKind::Task => (none, none, id, none),
        ExerciseKind::Case => (none, none, none, id),
    };
    let detail = serde_json::to_value(&fb.detail).map_err(|_| AppError::Internal)?;
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO answers (learner_id, client_id, kind, theory_id, question_id, task_id, case_id,
                                lesson_id, response, score, is_correct, feedback)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (learner_id, client_id) DO NOTHING
           RETURNING answer_id"#,
        learner_id,
        attempt.client_id,
        kind as ExerciseKind,
        theory,
        question,
        task,
        case,
        attempt.lesson_id,
        attempt.response.to_json(),
        fb.score,
        fb.correct,
        detail
    )
    .fetch_optional(pool)
    .await?;
    if inserted.is_some() {
        return Ok(fb);
    }
    // A retry: answer with what was stored the first time.
    let stored = sqlx::query!(
        r#"SELECT kind AS "kind: ExerciseKind", exercise_id AS "exercise_id!", score, is_correct,
                  feedback
           FROM answers WHERE learner_id = $1 AND client_id = $2"#,
        learner_id,
        attempt.client_id
    )
    .fetch_one(pool)
    .await?;
    if (stored.kind, stored.exercise_id) != (kind, attempt.exercise_id) {
        return Err(AppError::Conflict(
            "Этот ответ уже отправлен для другого упражнения: обновите страницу.".into(),
        ));
    }
    stored_feedback(
        stored.score,
        stored.is_correct,
        stored.feedback,
        &ex.explanation,
    )
    .ok_or(AppError::Internal)
}

/// The feedback stored with an answer, as the learner was shown it; the
/// explanation is the exercise's current one (authors improve explanations, and a
/// better one helps). None for an answer with no stored feedback.
pub fn stored_feedback(
    score: f32,
    correct: bool,
    detail: Option<serde_json::Value>,
    explanation: &str,
) -> Option<Feedback> {
    Some(Feedback {
        score,
        correct,
        explanation_html: markdown(explanation),
        detail: serde_json::from_value(detail?).ok()?,
    })
}

/// Answers stored before feedback was kept get it once, graded against the key as
/// it is now (the score and verdict stay the ones stored at answer time). Run at
/// start-up after the migrations; a no-op when every answer has its feedback.
pub async fn backfill_feedback(pool: &PgPool) -> Result<u64, AppError> {
    let mut filled = 0;
    loop {
        let rows = sqlx::query!(
            r#"SELECT answer_id, kind AS "kind: ExerciseKind", exercise_id AS "exercise_id!", response
               FROM answers WHERE feedback IS NULL ORDER BY answer_id LIMIT 500"#
        )
        .fetch_all(pool)
        .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        for r in rows {
            let key = any_key(pool, r.kind, r.exercise_id).await?;
            let detail = Response::from_json(r.kind, &r.response)
                .map(|response| {
                    feedback(
                        &Exercise {
                            key,
                            explanation: String::new(),
                        },
                        &response,
                    )
                    .detail
                })
                // An unreadable response still gets a row of feedback, so this ends.
                .unwrap_or(FeedbackDetail::Theory { understood: false });
            let detail = serde_json::to_value(&detail).map_err(|_| AppError::Internal)?;
            sqlx::query!(
                "UPDATE answers SET feedback = $2 WHERE answer_id = $1",
                r.answer_id,
                detail
            )
            .execute(pool)
            .await?;
            filled += 1;
        }
    }
}

/// An exercise's key whether or not it is published (for the backfill).
async fn any_key(pool: &PgPool, kind: ExerciseKind, id: i64) -> Result<Key, AppError> {
    Ok(match kind {
        ExerciseKind::Theory => Key::Theory,
        ExerciseKind::Question => Key::Question(
            sqlx::query_scalar!(
                "SELECT correct_answers FROM questions WHERE question_id = $1",
                id
            )
            .fetch_one(pool)
            .await?,
        ),
        ExerciseKind::Task => {
            let t = sqlx::query!(
                "SELECT correct_answer, accepted_answers FROM tasks WHERE task_id = $1",
                id
            )
            .fetch_one(pool)
            .await?;
            Key::Task {
                expected: t.correct_answer,
                accepted: t.accepted_answers,
            }
        }
        ExerciseKind::Case => Key::Case(
            sqlx::query_scalar!("SELECT correct_fields FROM cases WHERE case_id = $1", id)
                .fetch_one(pool)
                .await?,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_marks_extra_and_missing_text_and_shows_whitespace() {
        assert_eq!(diff_html("a b", "a b"), "a·b");
        let html = diff_html("1 2", "1\n2");
        assert!(html.contains("<del>·</del>"), "{html}");
        assert!(html.contains("<ins>↵\n</ins>"), "{html}");
        assert_eq!(diff_html("<", "<"), "&lt;");
    }
}
