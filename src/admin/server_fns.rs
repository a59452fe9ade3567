//! /admin's server functions besides each kind's CRUD (`content_fns`): the tree,
//! order and publication, users and roles, API tokens, bundles, «Проверить код»
//! and the markdown preview. Every one checks the role first: guests get 401,
//! learners 403. Forms post here natively (no JavaScript needed); success
//! redirects to the page that shows the result.

use leptos::prelude::*;

use super::types::*;
use crate::auth::TokenView;
use crate::error::AppError;

#[cfg(feature = "ssr")]
pub(super) async fn author() -> Result<(sqlx::PgPool, crate::auth::guard::Actor), AppError> {
    let pool = crate::server::pool()?;
    let actor = crate::auth::guard::require(&pool, crate::auth::Role::Author).await?;
    Ok((pool, actor))
}

#[cfg(feature = "ssr")]
async fn admin() -> Result<(sqlx::PgPool, crate::auth::guard::Actor), AppError> {
    let pool = crate::server::pool()?;
    let actor = crate::auth::guard::require(&pool, crate::auth::Role::Admin).await?;
    Ok((pool, actor))
}

/// Runs a mutation; on success goes to `to(result)`, on failure sets the status.
#[cfg(feature = "ssr")]
pub(super) async fn act<T>(
    run: impl std::future::Future<Output = Result<T, AppError>>,
    to: impl FnOnce(&T) -> String,
) -> Result<(), AppError> {
    match run.await {
        Ok(v) => {
            leptos_axum::redirect(&to(&v));
            Ok(())
        }
        Err(e) => Err(e.with_status()),
    }
}

#[server(endpoint = "admin/tree")]
pub async fn get_admin_tree() -> Result<AdminTree, AppError> {
    let (pool, _) = author().await?;
    super::queries::tree(&pool).await
}

#[server(endpoint = "admin/grade")]
pub async fn get_grade_trail(id: i64) -> Result<AdminTrail, AppError> {
    let (pool, _) = author().await?;
    super::queries::trail(&pool, id, None, None).await
}

/// «Выше» / «Ниже» in a list of modules, topics or questions.
#[server(endpoint = "admin/move")]
pub async fn move_item(
    kind: String,
    id: i64,
    direction: String,
    return_to: String,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let kind = crate::authoring::ContentKind::parse(&kind)?;
            crate::authoring::order::move_item(&pool, kind, id, direction == "up").await
        },
        |_| safe_return(&return_to),
    )
    .await
}

/// «Снять с публикации» / «Опубликовать».
#[server(endpoint = "admin/publish")]
pub async fn set_published(
    kind: String,
    id: i64,
    publish: String,
    return_to: String,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let kind = crate::authoring::ContentKind::parse(&kind)?;
            crate::authoring::order::set_published(&pool, kind, id, publish == "yes").await
        },
        |_| {
            let to = safe_return(&return_to);
            let sep = if to.contains('?') { '&' } else { '?' };
            format!("{to}{sep}saved=1")
        },
    )
    .await
}

#[cfg(feature = "ssr")]
fn safe_return(to: &str) -> String {
    let to = crate::server::guard::safe_local_path(to, "/admin");
    if to.starts_with("/admin") {
        to
    } else {
        "/admin".into()
    }
}

#[server(endpoint = "admin/users")]
pub async fn get_users() -> Result<(Vec<UserRow>, i64), AppError> {
    let (pool, actor) = admin().await?;
    Ok((super::queries::users(&pool).await?, actor.learner_id))
}

#[server(endpoint = "admin/users/role")]
pub async fn set_role(learner_id: i64, role: String) -> Result<(), AppError> {
    act(
        async {
            let (pool, actor) = admin().await?;
            let role = crate::auth::Role::parse(&role)
                .ok_or_else(|| AppError::invalid("role", "Роль: learner, author или admin."))?;
            super::queries::set_role(&pool, actor.learner_id, learner_id, role).await
        },
        |_| "/admin/users?saved=1".into(),
    )
    .await
}

/// The author's tokens, and the one just created (shown once, then forgotten).
#[server(endpoint = "admin/tokens")]
pub async fn get_tokens() -> Result<(Vec<TokenView>, Option<String>), AppError> {
    let (pool, actor) = author().await?;
    let session = crate::auth::session::session().await?;
    let fresh = session.remove::<String>(NEW_TOKEN).await.ok().flatten();
    Ok((
        crate::auth::tokens::list(&pool, actor.learner_id).await?,
        fresh,
    ))
}

#[cfg(feature = "ssr")]
const NEW_TOKEN: &str = "new_api_token";

#[server(endpoint = "admin/tokens/create")]
pub async fn create_token(name: String) -> Result<(), AppError> {
    act(
        async {
            let (pool, actor) = author().await?;
            let token = crate::auth::tokens::create(&pool, actor.learner_id, &name).await?;
            let session = crate::auth::session::session().await?;
            session
                .insert(NEW_TOKEN, token)
                .await
                .map_err(|_| AppError::Unavailable)
        },
        |_| "/admin/tokens".into(),
    )
    .await
}

#[server(endpoint = "admin/tokens/revoke")]
pub async fn revoke_token(token_id: i64) -> Result<(), AppError> {
    act(
        async {
            let (pool, actor) = author().await?;
            crate::auth::tokens::revoke(&pool, actor.learner_id, token_id).await
        },
        |_| "/admin/tokens?revoked=1".into(),
    )
    .await
}

/// An uploaded bundle and its dry-run report.
#[server(endpoint = "admin/bundles/upload")]
pub async fn get_upload(id: i64) -> Result<UploadView, AppError> {
    let (pool, actor) = author().await?;
    super::queries::upload_view(&pool, actor.learner_id, id).await
}

/// Professions, for the export links.
#[server(endpoint = "admin/bundles/professions")]
pub async fn get_bundle_professions() -> Result<Vec<(String, String)>, AppError> {
    let (pool, _) = author().await?;
    Ok(super::queries::tree(&pool)
        .await?
        .professions
        .into_iter()
        .filter(|p| p.is_active)
        .map(|p| (p.slug, p.title))
        .collect())
}

/// «Применить»: loads the uploaded bundle for real.
#[server(endpoint = "admin/bundles/apply")]
pub async fn apply_bundle(upload_id: i64) -> Result<(), AppError> {
    act(
        async {
            let (pool, actor) = author().await?;
            super::queries::apply_upload(&pool, actor.learner_id, upload_id).await
        },
        |_| format!("/admin/bundles?upload={upload_id}"),
    )
    .await
}

#[cfg(feature = "ssr")]
fn run_key(id: i64) -> String {
    format!("task_run_{id}")
}

/// The task editor, with the output of the last «Проверить код» run of this task.
#[server(endpoint = "admin/task")]
pub async fn get_task_edit(id: i64) -> Result<TaskEdit, AppError> {
    let (pool, _) = author().await?;
    let session = crate::auth::session::session().await?;
    let last_run = session.get::<RunOutput>(&run_key(id)).await.ok().flatten();
    super::queries::task_edit(&pool, id, last_run).await
}

/// «Проверить код»: runs the saved code in the sandbox; the page shows the output.
#[server(endpoint = "admin/task/run")]
pub async fn run_task_code(id: i64) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let task = crate::authoring::core::get::<TaskRow>(&pool, id).await?;
            let sandbox = crate::server::sandbox()?;
            let output = crate::authoring::tasks::run(&sandbox, &task.code).await?;
            let session = crate::auth::session::session().await?;
            session
                .insert(&run_key(id), output)
                .await
                .map_err(|_| AppError::Unavailable)
        },
        |_| format!("/admin/tasks/{id}#run"),
    )
    .await
}

/// «Сделать ответом»: the last run's output becomes the task's answer.
#[server(endpoint = "admin/task/use-output")]
pub async fn use_task_output(id: i64, version: String) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let session = crate::auth::session::session().await?;
            let run = session
                .get::<RunOutput>(&run_key(id))
                .await
                .ok()
                .flatten()
                .ok_or_else(|| AppError::invalid("answer", "Сначала нажмите «Проверить код»."))?;
            crate::authoring::tasks::use_output_as_answer(&pool, id, &version, &run.stdout).await
        },
        |_| format!("/admin/tasks/{id}?saved=1"),
    )
    .await
}

/// The learner's view of an editor's markdown, as the author types (see
/// `MarkdownPreview`). Rendered by the same pipeline as the learner's pages.
#[server(endpoint = "admin/markdown")]
pub async fn render_markdown(text: String) -> Result<String, AppError> {
    author().await.map_err(AppError::with_status)?;
    if text.len() > 100_000 {
        return Err(AppError::invalid("text", "Текст длиннее 100 000 символов.").with_status());
    }
    Ok(crate::server::render::markdown(&text))
}

/// Pages with nothing to load still answer guests 401 and learners 403.
#[server(endpoint = "admin/me")]
pub async fn require_author() -> Result<(), AppError> {
    author().await?;
    Ok(())
}
