use leptos::prelude::*;

use super::types::*;
use crate::error::AppError;

#[cfg(feature = "ssr")]
async fn learner() -> Result<(sqlx::PgPool, Option<i64>), AppError> {
    let pool = crate::server::pool()?;
    let learner = crate::auth::session::current_learner(&pool).await?;
    Ok((pool, learner))
}

#[server(endpoint = "learning/grade")]
pub async fn get_grade_path(profession: String, grade: String) -> Result<GradePath, AppError> {
    let (pool, learner) = learner().await?;
    super::queries::grade_path(&pool, learner, &profession, &grade).await
}

#[server(endpoint = "learning/module")]
pub async fn get_module(
    profession: String,
    grade: String,
    module: String,
) -> Result<ModuleView, AppError> {
    let (pool, learner) = learner().await?;
    super::queries::module_view(&pool, learner, &profession, &grade, &module).await
}

#[server(endpoint = "learning/topic")]
pub async fn get_topic(
    profession: String,
    grade: String,
    module: String,
    topic: String,
) -> Result<TopicView, AppError> {
    let (pool, learner) = learner().await?;
    let at = super::queries::TopicSlugs::new(&profession, &grade, &module, &topic);
    super::queries::topic_view(&pool, learner, at).await
}

/// Grades and stores one answer for the current learner (a guest is created on the
/// first answer). The form fields are the same with and without JavaScript (see
/// `AnswerForm`).
#[server(endpoint = "learning/answer")]
pub async fn submit_answer(
    exercise_id: i64,
    lesson_id: Option<i64>,
    /// `picked[i]` and `fields[i]`: indexed fields, read as maps (a flattened
    /// struct would buffer them as lists).
    picked: Option<std::collections::HashMap<String, String>>,
    fields: Option<std::collections::HashMap<String, String>>,
    #[server(flatten)] form: AnswerForm,
) -> Result<Answered, AppError> {
    let AnswerForm {
        kind,
        client_id,
        understood,
        choice,
        text,
        return_to,
        for_learner,
    } = form;
    let key = format!("{kind}-{exercise_id}");
    let run = async {
        let pool = crate::server::pool()?;
        if let Some(shown_to) = for_learner.as_deref() {
            answered_by_whom_it_was_shown_to(&pool, shown_to).await?;
        }
        let learner = crate::auth::session::ensure_learner(&pool).await?;
        let submission = super::answers::Submission {
            kind,
            exercise_id,
            client_id,
            lesson_id,
            understood,
            choice,
            picked: picked.unwrap_or_default(),
            text,
            fields: fields.unwrap_or_default(),
        };
        super::answers::submit(&pool, learner, &submission.attempt()?).await
    };
    match run.await {
        Ok(answered) => {
            // A plain form post (no JavaScript) goes back to the exercise it answered.
            if let Some(to) = return_to.map(|t| crate::server::guard::safe_local_path(&t, "/")) {
                if accepts_html() {
                    leptos_axum::redirect(&format!("{to}#ex-{key}"));
                }
            }
            Ok(answered)
        }
        // The field names the exercise, so only its own form shows the message.
        Err(AppError::Invalid { message, .. }) => Err(AppError::Invalid {
            field: key,
            message,
        }
        .with_status()),
        Err(e) => Err(e.with_status()),
    }
}

/// An answer posted (or queued offline and sent later) from a page shown to one
/// learner counts only for that learner: after a logout and another person's
/// login on the device it is refused (409), never stored for them. A page shown
/// before any answer (`none`) may create or use a guest, not an account.
#[cfg(feature = "ssr")]
async fn answered_by_whom_it_was_shown_to(
    pool: &sqlx::PgPool,
    shown_to: &str,
) -> Result<(), AppError> {
    let current = crate::auth::session::current_learner(pool).await?;
    use super::queries::NO_LEARNER_YET;
    let same = match (shown_to, current) {
        (NO_LEARNER_YET, None) => true,
        (NO_LEARNER_YET, Some(id)) => crate::auth::guard::account(pool, id).await?.is_none(),
        (tag, Some(id)) => tag == id.to_string(),
        (_, None) => false,
    };
    if same {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "Этот ответ дан под другим аккаунтом на этом устройстве, поэтому не засчитан.".into(),
        ))
    }
}

#[cfg(feature = "ssr")]
fn accepts_html() -> bool {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(axum::http::header::ACCEPT).cloned())
        .and_then(|v| v.to_str().map(|v| v.contains("text/html")).ok())
        .unwrap_or(false)
}

#[server(endpoint = "learning/lesson")]
pub async fn get_lesson(
    profession: String,
    grade: String,
    module: String,
    topic: String,
    lesson: Option<i64>,
    step: Option<usize>,
) -> Result<LessonView, AppError> {
    let (pool, learner) = learner().await?;
    let at = super::queries::TopicSlugs::new(&profession, &grade, &module, &topic);
    super::queries::lesson_view(&pool, learner, at, lesson, step.unwrap_or(1)).await
}

/// Starts a lesson and goes to its first step.
#[server(endpoint = "learning/start-lesson")]
pub async fn start_lesson(
    profession: String,
    grade: String,
    module: String,
    topic: String,
) -> Result<(), AppError> {
    let pool = crate::server::pool()?;
    let learner = crate::auth::session::ensure_learner(&pool).await?;
    let id = super::queries::start_lesson(
        &pool,
        learner,
        super::queries::TopicSlugs::new(&profession, &grade, &module, &topic),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/professions/{profession}/{grade}/{module}/{topic}/lesson?id={id}&step=1"
    ));
    Ok(())
}

/// Ticks a portfolio checklist item off (`done=yes`) or back (`done=no`).
#[server(endpoint = "learning/project-item")]
pub async fn check_project_item(
    item_id: i64,
    done: String,
    return_to: Option<String>,
) -> Result<(), AppError> {
    let run = async {
        let pool = crate::server::pool()?;
        let learner = crate::auth::session::ensure_learner(&pool).await?;
        let done = match done.as_str() {
            "yes" => true,
            "no" => false,
            _ => return Err(AppError::invalid("done", "Отметка должна быть yes или no.")),
        };
        super::queries::check_project_item(&pool, learner, item_id, done).await
    };
    run.await.map_err(AppError::with_status)?;
    if let Some(to) = return_to.map(|t| crate::server::guard::safe_local_path(&t, "/")) {
        if accepts_html() {
            leptos_axum::redirect(&format!("{to}#project-item-{item_id}"));
        }
    }
    Ok(())
}
