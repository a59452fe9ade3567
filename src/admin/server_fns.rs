//! /admin's server functions. Every one checks the role first: guests get 401,
//! learners 403. Forms post here natively (no JavaScript needed); success
//! redirects to the page that shows the result.

use leptos::prelude::*;

use super::types::*;
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

#[cfg(feature = "ssr")]
pub(super) fn checked(v: &Option<String>) -> bool {
    v.as_deref()
        .is_some_and(|v| v == "on" || v == "true" || v == "yes")
}

#[cfg(feature = "ssr")]
pub(super) fn section(
    slug: String,
    title: String,
    description: String,
    is_active: Option<String>,
) -> SectionInput {
    SectionInput {
        slug,
        title,
        description,
        is_active: checked(&is_active),
    }
}

#[cfg(feature = "ssr")]
/// Options one per line; correct ones as 1-based numbers: «1, 3».
fn question_input(
    slug: String,
    title: String,
    options: String,
    correct: String,
    explanation: String,
    is_active: Option<String>,
) -> Result<QuestionInput, AppError> {
    let options: Vec<String> = options
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let mut correct_answers = Vec::new();
    for part in correct
        .split([',', ' ', ';'])
        .filter(|p| !p.trim().is_empty())
    {
        match part.trim().parse::<i32>() {
            Ok(n) => correct_answers.push(n - 1),
            Err(_) => {
                return Err(AppError::Fields(vec![crate::error::FieldError {
                    field: "correct_answers".into(),
                    message: "Номера верных вариантов — числа через запятую: 1, 3.".into(),
                }]))
            }
        }
    }
    Ok(QuestionInput {
        slug,
        title,
        options,
        correct_answers,
        explanation,
        is_active: checked(&is_active),
    })
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

#[server(endpoint = "admin/module")]
pub async fn get_module_edit(id: i64) -> Result<ModuleEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::module_edit(&pool, id).await
}

#[server(endpoint = "admin/topic")]
pub async fn get_topic_edit(id: i64) -> Result<TopicEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::topic_edit(&pool, id).await
}

#[server(endpoint = "admin/topic/preview")]
pub async fn get_topic_preview(id: i64) -> Result<TopicPreview, AppError> {
    let (pool, _) = author().await?;
    super::queries::topic_preview(&pool, id).await
}

#[server(endpoint = "admin/question")]
pub async fn get_question_edit(id: i64) -> Result<QuestionEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::question_edit(&pool, id).await
}

#[server(endpoint = "admin/module/create")]
pub async fn create_module(
    grade_id: i64,
    slug: String,
    title: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = section(slug, title, description, is_active);
            super::queries::create_module(&pool, grade_id, &input).await
        },
        |m| format!("/admin/modules/{}", m.module_id),
    )
    .await
}

#[server(endpoint = "admin/module/save")]
pub async fn save_module(
    id: i64,
    version: String,
    slug: String,
    title: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = section(slug, title, description, is_active);
            super::queries::update_module(&pool, id, &version, &input).await
        },
        |m| format!("/admin/modules/{}?saved=1", m.module_id),
    )
    .await
}

#[server(endpoint = "admin/module/delete")]
pub async fn delete_module(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            super::queries::delete_module(&pool, id, checked(&confirm)).await
        },
        |_| "/admin?deleted=1".into(),
    )
    .await
}

#[server(endpoint = "admin/topic/create")]
pub async fn create_topic(
    module_id: i64,
    slug: String,
    title: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = section(slug, title, description, is_active);
            super::queries::create_topic(&pool, module_id, &input).await
        },
        |t| format!("/admin/topics/{}", t.topic_id),
    )
    .await
}

#[server(endpoint = "admin/topic/save")]
pub async fn save_topic(
    id: i64,
    version: String,
    slug: String,
    title: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = section(slug, title, description, is_active);
            super::queries::update_topic(&pool, id, &version, &input).await
        },
        |t| format!("/admin/topics/{}?saved=1", t.topic_id),
    )
    .await
}

#[server(endpoint = "admin/topic/delete")]
pub async fn delete_topic(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let module_id = super::queries::topic(&pool, id).await?.module_id;
            super::queries::delete_topic(&pool, id, checked(&confirm)).await?;
            Ok(module_id)
        },
        |m| format!("/admin/modules/{m}?deleted=1"),
    )
    .await
}

#[server(endpoint = "admin/question/create")]
pub async fn create_question(
    topic_id: i64,
    slug: String,
    title: String,
    options: String,
    correct: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = question_input(slug, title, options, correct, explanation, is_active)?;
            super::queries::create_question(&pool, topic_id, &input).await
        },
        |q| {
            format!(
                "/admin/topics/{}?saved=1#question-{}",
                q.topic_id, q.question_id
            )
        },
    )
    .await
}

#[server(endpoint = "admin/question/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_question(
    id: i64,
    version: String,
    slug: String,
    title: String,
    options: String,
    correct: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = question_input(slug, title, options, correct, explanation, is_active)?;
            super::queries::update_question(&pool, id, &version, &input).await
        },
        |q| format!("/admin/questions/{}?saved=1", q.question_id),
    )
    .await
}

#[server(endpoint = "admin/question/delete")]
pub async fn delete_question(
    id: i64,
    /// The page's «Да, удалить вместе с ответами» box; deleting one exercise needs no
    /// server-side confirmation (only modules and topics do).
    #[server(default)]
    confirm: Option<String>,
) -> Result<(), AppError> {
    let _ = confirm;
    act(
        async {
            let (pool, _) = author().await?;
            let topic_id = super::queries::question(&pool, id).await?.topic_id;
            super::queries::delete_question(&pool, id).await?;
            Ok(topic_id)
        },
        |t| format!("/admin/topics/{t}?deleted=1"),
    )
    .await
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
            super::queries::move_item(&pool, &kind, id, direction == "up").await
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
            super::queries::set_published(&pool, &kind, id, publish == "yes").await
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
#[allow(clippy::too_many_arguments)]
fn task_input(
    slug: String,
    title: String,
    code: String,
    answer: String,
    accepted: String,
    explanation: String,
    is_active: Option<String>,
) -> TaskInput {
    TaskInput {
        slug,
        title,
        code: code.replace("\r\n", "\n"),
        answer: answer.replace("\r\n", "\n"),
        accepted: accepted
            .replace("\r\n", "\n")
            .split("\n---\n")
            .map(str::trim_end)
            .filter(|a| !a.trim().is_empty())
            .map(String::from)
            .collect(),
        explanation,
        is_active: checked(&is_active),
    }
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

#[server(endpoint = "admin/task/create")]
#[allow(clippy::too_many_arguments)]
pub async fn create_task(
    topic_id: i64,
    slug: String,
    title: String,
    code: String,
    answer: String,
    #[server(default)] accepted: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = task_input(slug, title, code, answer, accepted, explanation, is_active);
            super::queries::create_task(&pool, topic_id, &input).await
        },
        |t| format!("/admin/tasks/{}", t.task_id),
    )
    .await
}

#[server(endpoint = "admin/task/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_task(
    id: i64,
    version: String,
    slug: String,
    title: String,
    code: String,
    answer: String,
    #[server(default)] accepted: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = task_input(slug, title, code, answer, accepted, explanation, is_active);
            super::queries::update_task(&pool, id, &version, &input).await
        },
        |t| format!("/admin/tasks/{}?saved=1", t.task_id),
    )
    .await
}

#[server(endpoint = "admin/task/delete")]
pub async fn delete_task(
    id: i64,
    /// The page's «Да, удалить вместе с ответами» box; deleting one exercise needs no
    /// server-side confirmation (only modules and topics do).
    #[server(default)]
    confirm: Option<String>,
) -> Result<(), AppError> {
    let _ = confirm;
    act(
        async {
            let (pool, _) = author().await?;
            let topic_id = super::queries::task(&pool, id).await?.topic_id;
            super::queries::delete_task(&pool, id).await?;
            Ok(topic_id)
        },
        |t| format!("/admin/topics/{t}?deleted=1"),
    )
    .await
}

/// «Проверить код»: runs the saved code in the sandbox; the page shows the output.
#[server(endpoint = "admin/task/run")]
pub async fn run_task_code(id: i64) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let task = super::queries::task(&pool, id).await?;
            let sandbox = crate::server::sandbox()?;
            let output = super::run_python::run(&sandbox, &task.code).await?;
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
            super::queries::use_output_as_answer(&pool, id, &version, &run.stdout).await
        },
        |_| format!("/admin/tasks/{id}?saved=1"),
    )
    .await
}

// ---- theory cards and cases ------------------------------------------------

#[cfg(feature = "ssr")]
fn theory_input(
    slug: String,
    title: String,
    body: String,
    explanation: String,
    is_active: Option<String>,
) -> TheoryInput {
    TheoryInput {
        slug,
        title,
        body: body.replace("\r\n", "\n"),
        explanation,
        is_active: checked(&is_active),
    }
}

/// The answers to a case's blanks, one per line, in order.
#[cfg(feature = "ssr")]
fn case_input(
    slug: String,
    title: String,
    template: String,
    fields: String,
    explanation: String,
    is_active: Option<String>,
) -> CaseInput {
    CaseInput {
        slug,
        title,
        template: template.replace("\r\n", "\n"),
        fields: fields
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        explanation,
        is_active: checked(&is_active),
    }
}

#[server(endpoint = "admin/theory")]
pub async fn get_theory_edit(id: i64) -> Result<TheoryEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::theory_edit(&pool, id).await
}

#[server(endpoint = "admin/theory/create")]
pub async fn create_theory(
    topic_id: i64,
    slug: String,
    title: String,
    body: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = theory_input(slug, title, body, explanation, is_active);
            super::queries::create_theory(&pool, topic_id, &input).await
        },
        |t| format!("/admin/theory/{}", t.theory_id),
    )
    .await
}

#[server(endpoint = "admin/theory/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_theory(
    id: i64,
    version: String,
    slug: String,
    title: String,
    body: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = theory_input(slug, title, body, explanation, is_active);
            super::queries::update_theory(&pool, id, &version, &input).await
        },
        |t| format!("/admin/theory/{}?saved=1", t.theory_id),
    )
    .await
}

#[server(endpoint = "admin/theory/delete")]
pub async fn delete_theory(
    id: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    let _ = confirm;
    act(
        async {
            let (pool, _) = author().await?;
            let topic_id = super::queries::theory(&pool, id).await?.topic_id;
            super::queries::delete_theory(&pool, id).await?;
            Ok(topic_id)
        },
        |t| format!("/admin/topics/{t}?deleted=1"),
    )
    .await
}

#[server(endpoint = "admin/case")]
pub async fn get_case_edit(id: i64) -> Result<CaseEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::case_edit(&pool, id).await
}

#[server(endpoint = "admin/case/create")]
#[allow(clippy::too_many_arguments)]
pub async fn create_case(
    topic_id: i64,
    slug: String,
    title: String,
    template: String,
    #[server(default)] fields: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = case_input(slug, title, template, fields, explanation, is_active);
            super::queries::create_case(&pool, topic_id, &input).await
        },
        |c| format!("/admin/cases/{}", c.case_id),
    )
    .await
}

#[server(endpoint = "admin/case/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_case(
    id: i64,
    version: String,
    slug: String,
    title: String,
    template: String,
    #[server(default)] fields: String,
    #[server(default)] explanation: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = case_input(slug, title, template, fields, explanation, is_active);
            super::queries::update_case(&pool, id, &version, &input).await
        },
        |c| format!("/admin/cases/{}?saved=1", c.case_id),
    )
    .await
}

#[server(endpoint = "admin/case/delete")]
pub async fn delete_case(
    id: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    let _ = confirm;
    act(
        async {
            let (pool, _) = author().await?;
            let topic_id = super::queries::case(&pool, id).await?.topic_id;
            super::queries::delete_case(&pool, id).await?;
            Ok(topic_id)
        },
        |t| format!("/admin/topics/{t}?deleted=1"),
    )
    .await
}
