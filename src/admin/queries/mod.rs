//! Authoring reads and writes, shared by /admin's server functions and the REST
//! API. Every update carries the version the author opened (optimistic locking).

use sqlx::PgPool;

use super::types::*;
use super::validate;
use crate::auth::Role;
use crate::catalog::GradeLevel;
use crate::error::AppError;

mod catalog;
pub use catalog::*;

/// A save over a newer version: 409 with a message that says what to do.
fn stale(what: &str) -> AppError {
    AppError::Conflict(format!(
        "{what} изменили после того, как вы открыли форму. Обновите страницу: \
         вы увидите новую версию и сможете внести правки снова."
    ))
}

/// The end of an optimistic-locking UPDATE (`… AND updated_at::text = $version
/// RETURNING id`): the row as saved; 404 when it is gone; 409 when it is there
/// but newer than the form.
async fn saved<T>(
    updated: Option<i64>,
    load: impl std::future::Future<Output = Result<T, AppError>>,
    what: &str,
) -> Result<T, AppError> {
    let row = load.await?;
    match updated {
        Some(_) => Ok(row),
        None => Err(stale(what)),
    }
}

/// A DELETE or UPDATE by id that touched nothing: there was no such row.
fn found(done: sqlx::postgres::PgQueryResult) -> Result<(), AppError> {
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Where an exercise sits: grade, module and topic, for its editor's links.
async fn topic_trail(pool: &PgPool, topic_id: i64) -> Result<AdminTrail, AppError> {
    let t = topic(pool, topic_id).await?;
    let m = module(pool, t.module_id).await?;
    trail(
        pool,
        m.grade_id,
        Some((m.module_id, m.title)),
        Some((t.topic_id, t.title)),
    )
    .await
}

pub async fn tree(pool: &PgPool) -> Result<AdminTree, AppError> {
    let professions = sqlx::query!(
        "SELECT profession_id, slug, title, is_active FROM professions ORDER BY position, profession_id"
    )
    .fetch_all(pool)
    .await?;
    let grades = sqlx::query!(
        r#"SELECT grade_id, profession_id, slug, level AS "level: GradeLevel", is_active
           FROM grades ORDER BY position, grade_id"#
    )
    .fetch_all(pool)
    .await?;
    let modules = sqlx::query!(
        "SELECT module_id, grade_id, slug, title, is_active FROM modules ORDER BY position, module_id"
    )
    .fetch_all(pool)
    .await?;
    let topics = sqlx::query!(
        "SELECT topic_id, module_id, slug, title, is_active FROM topics ORDER BY position, topic_id"
    )
    .fetch_all(pool)
    .await?;
    let professions = professions
        .into_iter()
        .map(|p| TreeProfession {
            id: p.profession_id,
            slug: p.slug,
            title: p.title,
            is_active: p.is_active,
            grades: grades
                .iter()
                .filter(|g| g.profession_id == p.profession_id)
                .map(|g| TreeGrade {
                    id: g.grade_id,
                    slug: g.slug.clone(),
                    level: g.level,
                    is_active: g.is_active,
                    modules: modules
                        .iter()
                        .filter(|m| m.grade_id == g.grade_id)
                        .map(|m| TreeNode {
                            id: m.module_id,
                            slug: m.slug.clone(),
                            title: m.title.clone(),
                            is_active: m.is_active,
                            children: topics
                                .iter()
                                .filter(|t| t.module_id == m.module_id)
                                .map(|t| TreeNode {
                                    id: t.topic_id,
                                    slug: t.slug.clone(),
                                    title: t.title.clone(),
                                    is_active: t.is_active,
                                    children: vec![],
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Ok(AdminTree { professions })
}

/// The trail of a grade, optionally down to a module and a topic.
pub async fn trail(
    pool: &PgPool,
    grade_id: i64,
    module: Option<(i64, String)>,
    topic: Option<(i64, String)>,
) -> Result<AdminTrail, AppError> {
    let g = sqlx::query!(
        r#"SELECT p.slug AS profession_slug, p.title AS profession_title, g.slug,
                  g.level AS "level: GradeLevel"
           FROM grades g JOIN professions p USING (profession_id) WHERE g.grade_id = $1"#,
        grade_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(AdminTrail {
        profession_slug: g.profession_slug,
        profession_title: g.profession_title,
        grade_id,
        grade_slug: g.slug,
        level: g.level,
        module,
        topic,
    })
}

// ---- modules -------------------------------------------------------------

pub async fn module(pool: &PgPool, id: i64) -> Result<ModuleRow, AppError> {
    sqlx::query_as!(
        ModuleRow,
        r#"SELECT module_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM modules WHERE module_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn modules_of_grade(pool: &PgPool, grade_id: i64) -> Result<Vec<ModuleRow>, AppError> {
    Ok(sqlx::query_as!(
        ModuleRow,
        r#"SELECT module_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM modules WHERE grade_id = $1 ORDER BY position, module_id"#,
        grade_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn module_answers(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           JOIN topics t ON t.topic_id = e.topic_id
           WHERE t.module_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn module_edit(pool: &PgPool, id: i64) -> Result<ModuleEdit, AppError> {
    let module = module(pool, id).await?;
    let topics = topics_of_module(pool, id)
        .await?
        .into_iter()
        .map(|t| TreeNode {
            id: t.topic_id,
            slug: t.slug,
            title: t.title,
            is_active: t.is_active,
            children: vec![],
        })
        .collect();
    Ok(ModuleEdit {
        trail: trail(pool, module.grade_id, None, None).await?,
        answers: module_answers(pool, id).await?,
        module,
        topics,
    })
}

pub async fn create_module(
    pool: &PgPool,
    grade_id: i64,
    input: &SectionInput,
) -> Result<ModuleRow, AppError> {
    validate::section(input)?;
    trail(pool, grade_id, None, None).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO modules (grade_id, slug, title, description, is_active, position)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT coalesce(max(position), 0) + 1 FROM modules WHERE grade_id = $1))
         RETURNING module_id",
        grade_id,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    module(pool, id).await
}

pub async fn update_module(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &SectionInput,
) -> Result<ModuleRow, AppError> {
    validate::section(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE modules SET slug = $3, title = $4, description = $5, is_active = $6
         WHERE module_id = $1 AND updated_at::text = $2 RETURNING module_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, module(pool, id), "Модуль").await
}

/// Deletes a module. With learner answers under it, `confirmed` must be set:
/// the caller has shown how many answers go with it.
pub async fn delete_module(pool: &PgPool, id: i64, confirmed: bool) -> Result<(), AppError> {
    let answers = module_answers(pool, id).await?;
    if answers > 0 && !confirmed {
        return Err(needs_confirmation(answers));
    }
    let done = sqlx::query!("DELETE FROM modules WHERE module_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

fn needs_confirmation(answers: i64) -> AppError {
    AppError::Conflict(format!(
        "С этим связано ответов учеников: {answers}. Они будут удалены вместе с ним. \
         Можно снять с публикации — ответы сохранятся. Чтобы удалить, подтвердите."
    ))
}

// ---- topics --------------------------------------------------------------

pub async fn topic(pool: &PgPool, id: i64) -> Result<TopicRow, AppError> {
    sqlx::query_as!(
        TopicRow,
        r#"SELECT topic_id, module_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM topics WHERE topic_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn topics_of_module(pool: &PgPool, module_id: i64) -> Result<Vec<TopicRow>, AppError> {
    Ok(sqlx::query_as!(
        TopicRow,
        r#"SELECT topic_id, module_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM topics WHERE module_id = $1 ORDER BY position, topic_id"#,
        module_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn topic_answers(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           WHERE e.topic_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn topic_edit(pool: &PgPool, id: i64) -> Result<TopicEdit, AppError> {
    let topic = topic(pool, id).await?;
    let m = module(pool, topic.module_id).await?;
    Ok(TopicEdit {
        trail: trail(pool, m.grade_id, Some((m.module_id, m.title)), None).await?,
        questions: questions_of_topic(pool, id).await?,
        tasks: tasks_of_topic(pool, id).await?,
        theory: theory_of_topic(pool, id).await?,
        cases: cases_of_topic(pool, id).await?,
        answers: topic_answers(pool, id).await?,
        topic,
    })
}

pub async fn create_topic(
    pool: &PgPool,
    module_id: i64,
    input: &SectionInput,
) -> Result<TopicRow, AppError> {
    validate::section(input)?;
    module(pool, module_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO topics (module_id, slug, title, description, is_active, position)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT coalesce(max(position), 0) + 1 FROM topics WHERE module_id = $1))
         RETURNING topic_id",
        module_id,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    topic(pool, id).await
}

pub async fn update_topic(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &SectionInput,
) -> Result<TopicRow, AppError> {
    validate::section(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE topics SET slug = $3, title = $4, description = $5, is_active = $6
         WHERE topic_id = $1 AND updated_at::text = $2 RETURNING topic_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, topic(pool, id), "Тему").await
}

pub async fn delete_topic(pool: &PgPool, id: i64, confirmed: bool) -> Result<(), AppError> {
    let answers = topic_answers(pool, id).await?;
    if answers > 0 && !confirmed {
        return Err(needs_confirmation(answers));
    }
    let done = sqlx::query!("DELETE FROM topics WHERE topic_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

pub async fn topic_preview(pool: &PgPool, id: i64) -> Result<TopicPreview, AppError> {
    let topic = topic(pool, id).await?;
    let items = crate::learning::queries::topic_items(pool, id, None, None, true).await?;
    Ok(TopicPreview {
        topic,
        sections: vec![
            ("Теория".into(), items.theory),
            ("Вопросы".into(), items.questions),
            ("Что выведет код?".into(), items.tasks),
            ("Кейсы: заполните пропуски".into(), items.cases),
        ],
    })
}

// ---- questions -----------------------------------------------------------

pub async fn question(pool: &PgPool, id: i64) -> Result<QuestionRow, AppError> {
    sqlx::query_as!(
        QuestionRow,
        r#"SELECT question_id, topic_id, slug, title, options, correct_answers, explanation,
                  position, is_active, updated_at::text AS "version!"
           FROM questions WHERE question_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn questions_of_topic(
    pool: &PgPool,
    topic_id: i64,
) -> Result<Vec<QuestionRow>, AppError> {
    Ok(sqlx::query_as!(
        QuestionRow,
        r#"SELECT question_id, topic_id, slug, title, options, correct_answers, explanation,
                  position, is_active, updated_at::text AS "version!"
           FROM questions WHERE topic_id = $1 ORDER BY position, question_id"#,
        topic_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn question_answers(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE question_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn question_edit(pool: &PgPool, id: i64) -> Result<QuestionEdit, AppError> {
    use crate::server::render::markdown;
    let question = question(pool, id).await?;
    Ok(QuestionEdit {
        trail: topic_trail(pool, question.topic_id).await?,
        title_html: markdown(&question.title),
        explanation_html: markdown(&question.explanation),
        answers: question_answers(pool, id).await?,
        question,
    })
}

pub async fn create_question(
    pool: &PgPool,
    topic_id: i64,
    input: &QuestionInput,
) -> Result<QuestionRow, AppError> {
    validate::question(input)?;
    topic(pool, topic_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO questions (topic_id, slug, title, options, correct_answers, explanation, is_active, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                 (SELECT coalesce(max(position), 0) + 1 FROM questions WHERE topic_id = $1))
         RETURNING question_id",
        topic_id,
        input.slug.trim(),
        input.title.trim(),
        &trimmed(&input.options),
        &input.correct_answers,
        input.explanation.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    question(pool, id).await
}

pub async fn update_question(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &QuestionInput,
) -> Result<QuestionRow, AppError> {
    validate::question(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE questions SET slug = $3, title = $4, options = $5, correct_answers = $6,
                explanation = $7, is_active = $8
         WHERE question_id = $1 AND updated_at::text = $2 RETURNING question_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        &trimmed(&input.options),
        &input.correct_answers,
        input.explanation.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, question(pool, id), "Вопрос").await
}

pub async fn delete_question(pool: &PgPool, id: i64) -> Result<(), AppError> {
    let done = sqlx::query!("DELETE FROM questions WHERE question_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

// ---- tasks ---------------------------------------------------------------

pub async fn task(pool: &PgPool, id: i64) -> Result<TaskRow, AppError> {
    sqlx::query_as!(
        TaskRow,
        r#"SELECT task_id, topic_id, slug, title, code_question AS code, correct_answer AS answer,
                  accepted_answers AS accepted, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM tasks WHERE task_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn tasks_of_topic(pool: &PgPool, topic_id: i64) -> Result<Vec<TaskRow>, AppError> {
    Ok(sqlx::query_as!(
        TaskRow,
        r#"SELECT task_id, topic_id, slug, title, code_question AS code, correct_answer AS answer,
                  accepted_answers AS accepted, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM tasks WHERE topic_id = $1 ORDER BY position, task_id"#,
        topic_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn task_edit(
    pool: &PgPool,
    id: i64,
    last_run: Option<RunOutput>,
) -> Result<TaskEdit, AppError> {
    use crate::server::render::{code_html, markdown};
    let task = task(pool, id).await?;
    let answers = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE task_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(TaskEdit {
        trail: topic_trail(pool, task.topic_id).await?,
        code_html: code_html(&task.code),
        explanation_html: markdown(&task.explanation),
        answers,
        last_run,
        task,
    })
}

pub async fn create_task(
    pool: &PgPool,
    topic_id: i64,
    input: &TaskInput,
) -> Result<TaskRow, AppError> {
    validate::task(input)?;
    topic(pool, topic_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer, accepted_answers,
                            explanation, is_active, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 (SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE topic_id = $1))
         RETURNING task_id",
        topic_id,
        input.slug.trim(),
        input.title.trim(),
        input.code.trim_end(),
        input.answer.trim_end(),
        &input.accepted,
        input.explanation.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    task(pool, id).await
}

pub async fn update_task(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &TaskInput,
) -> Result<TaskRow, AppError> {
    validate::task(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE tasks SET slug = $3, title = $4, code_question = $5, correct_answer = $6,
                accepted_answers = $7, explanation = $8, is_active = $9
         WHERE task_id = $1 AND updated_at::text = $2 RETURNING task_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.code.trim_end(),
        input.answer.trim_end(),
        &input.accepted,
        input.explanation.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, task(pool, id), "Задачу").await
}

/// Sets a task's answer to what its code printed, if the task is still the
/// version that was run.
pub async fn use_output_as_answer(
    pool: &PgPool,
    id: i64,
    version: &str,
    output: &str,
) -> Result<(), AppError> {
    let answer = output.trim_end();
    if answer.trim().is_empty() {
        return Err(AppError::invalid(
            "answer",
            "Код ничего не напечатал: такой ответ не подойдёт.",
        ));
    }
    let done = sqlx::query!(
        "UPDATE tasks SET correct_answer = $3 WHERE task_id = $1 AND updated_at::text = $2",
        id,
        version,
        answer
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        task(pool, id).await?;
        return Err(stale("Задачу"));
    }
    Ok(())
}

pub async fn delete_task(pool: &PgPool, id: i64) -> Result<(), AppError> {
    let done = sqlx::query!("DELETE FROM tasks WHERE task_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

fn trimmed(options: &[String]) -> Vec<String> {
    options.iter().map(|o| o.trim().to_string()).collect()
}

/// Every kind of row authors publish and reorder: its table, id column and the
/// column its siblings share. Professions have no parent: `true` makes all of
/// them siblings (`WHERE true = (SELECT true …)` is false for a missing id).
/// `sqlx::query!` accepts literals joined by `+`, so each kind still gets its own
/// compile-time checked statement.
macro_rules! with_kinds {
    ($callback:ident ! ($($args:tt)*)) => {
        $callback!($($args)*;
            "profession" => "professions", "profession_id", "true";
            "grade" => "grades", "grade_id", "profession_id";
            "module" => "modules", "module_id", "grade_id";
            "topic" => "topics", "topic_id", "module_id";
            "question" => "questions", "question_id", "topic_id";
            "task" => "tasks", "task_id", "topic_id";
            "theory" => "theory", "theory_id", "topic_id";
            "case" => "cases", "case_id", "topic_id";
            "project" => "projects", "project_id", "grade_id";
            "item" => "project_items", "project_item_id", "project_id")
    };
}

macro_rules! publish {
    ($pool:expr, $kind:expr, $id:expr, $on:expr; $($k:literal => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $($k => sqlx::query!(
                "UPDATE " + $table + " SET is_active = $2 WHERE " + $col + " = $1",
                $id,
                $on
            )
            .execute($pool)
            .await?,)*
            _ => return Err(AppError::invalid("kind", "Такого вида содержимого нет.")),
        }
    };
}

/// Publishes or unpublishes one row without touching the rest.
pub async fn set_published(pool: &PgPool, kind: &str, id: i64, on: bool) -> Result<(), AppError> {
    let done = with_kinds!(publish!(pool, kind, id, on));
    found(done)
}

// ---- theory cards --------------------------------------------------------

pub async fn theory(pool: &PgPool, id: i64) -> Result<TheoryRow, AppError> {
    sqlx::query_as!(
        TheoryRow,
        r#"SELECT theory_id, topic_id, slug, title, body, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM theory WHERE theory_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn theory_of_topic(pool: &PgPool, topic_id: i64) -> Result<Vec<TheoryRow>, AppError> {
    Ok(sqlx::query_as!(
        TheoryRow,
        r#"SELECT theory_id, topic_id, slug, title, body, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM theory WHERE topic_id = $1 ORDER BY position, theory_id"#,
        topic_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn theory_edit(pool: &PgPool, id: i64) -> Result<TheoryEdit, AppError> {
    use crate::server::render::markdown;
    let theory = theory(pool, id).await?;
    let answers = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE theory_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(TheoryEdit {
        trail: topic_trail(pool, theory.topic_id).await?,
        title_html: markdown(&theory.title),
        body_html: markdown(&theory.body),
        explanation_html: markdown(&theory.explanation),
        answers,
        theory,
    })
}

pub async fn create_theory(
    pool: &PgPool,
    topic_id: i64,
    input: &TheoryInput,
) -> Result<TheoryRow, AppError> {
    validate::theory(input)?;
    topic(pool, topic_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO theory (topic_id, slug, title, body, explanation, is_active, position)
         VALUES ($1, $2, $3, $4, $5, $6,
                 (SELECT coalesce(max(position), 0) + 1 FROM theory WHERE topic_id = $1))
         RETURNING theory_id",
        topic_id,
        input.slug.trim(),
        input.title.trim(),
        input.body.trim(),
        input.explanation.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    theory(pool, id).await
}

pub async fn update_theory(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &TheoryInput,
) -> Result<TheoryRow, AppError> {
    validate::theory(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE theory SET slug = $3, title = $4, body = $5, explanation = $6, is_active = $7
         WHERE theory_id = $1 AND updated_at::text = $2 RETURNING theory_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.body.trim(),
        input.explanation.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, theory(pool, id), "Карточку").await
}

pub async fn delete_theory(pool: &PgPool, id: i64) -> Result<(), AppError> {
    let done = sqlx::query!("DELETE FROM theory WHERE theory_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

// ---- cases ---------------------------------------------------------------

pub async fn case(pool: &PgPool, id: i64) -> Result<CaseRow, AppError> {
    sqlx::query_as!(
        CaseRow,
        r#"SELECT case_id, topic_id, slug, title, code_template AS template,
                  correct_fields AS fields, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM cases WHERE case_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn cases_of_topic(pool: &PgPool, topic_id: i64) -> Result<Vec<CaseRow>, AppError> {
    Ok(sqlx::query_as!(
        CaseRow,
        r#"SELECT case_id, topic_id, slug, title, code_template AS template,
                  correct_fields AS fields, explanation, position, is_active,
                  updated_at::text AS "version!"
           FROM cases WHERE topic_id = $1 ORDER BY position, case_id"#,
        topic_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn case_edit(pool: &PgPool, id: i64) -> Result<CaseEdit, AppError> {
    use crate::server::render::markdown;
    let case = case(pool, id).await?;
    let answers = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE case_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(CaseEdit {
        trail: topic_trail(pool, case.topic_id).await?,
        title_html: markdown(&case.title),
        explanation_html: markdown(&case.explanation),
        answers,
        case,
    })
}

pub async fn create_case(
    pool: &PgPool,
    topic_id: i64,
    input: &CaseInput,
) -> Result<CaseRow, AppError> {
    validate::case(input)?;
    topic(pool, topic_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO cases (topic_id, slug, title, code_template, correct_fields, explanation,
                            is_active, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                 (SELECT coalesce(max(position), 0) + 1 FROM cases WHERE topic_id = $1))
         RETURNING case_id",
        topic_id,
        input.slug.trim(),
        input.title.trim(),
        input.template.trim_end(),
        &trimmed(&input.fields),
        input.explanation.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    case(pool, id).await
}

pub async fn update_case(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &CaseInput,
) -> Result<CaseRow, AppError> {
    validate::case(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE cases SET slug = $3, title = $4, code_template = $5, correct_fields = $6,
                explanation = $7, is_active = $8
         WHERE case_id = $1 AND updated_at::text = $2 RETURNING case_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.template.trim_end(),
        &trimmed(&input.fields),
        input.explanation.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, case(pool, id), "Кейс").await
}

pub async fn delete_case(pool: &PgPool, id: i64) -> Result<(), AppError> {
    let done = sqlx::query!("DELETE FROM cases WHERE case_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

// ---- order ---------------------------------------------------------------

macro_rules! sibling_ids {
    ($tx:expr, $kind:expr, $id:expr; $($k:literal => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $($k => sqlx::query_scalar!(
                "SELECT " + $col + " FROM " + $table + " WHERE " + $parent + " = (SELECT "
                    + $parent + " FROM " + $table + " WHERE " + $col + " = $1)
                 ORDER BY position, " + $col + " FOR UPDATE",
                $id
            )
            .fetch_all(&mut *$tx)
            .await?,)*
            _ => return Err(AppError::invalid("kind", "Такого вида содержимого нет.")),
        }
    };
}

macro_rules! renumber {
    ($tx:expr, $kind:expr, $order:expr, $positions:expr; $($k:literal => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $($k => sqlx::query!(
                "UPDATE " + $table + " x SET position = o.pos
                 FROM unnest($1::bigint[], $2::int[]) AS o(id, pos)
                 WHERE x." + $col + " = o.id AND x.position <> o.pos",
                $order,
                $positions
            )
            .execute(&mut *$tx)
            .await?,)*
            _ => return Err(AppError::invalid("kind", "Такого вида содержимого нет.")),
        }
    };
}

/// Moves a row one place up or down among its siblings.
pub async fn move_item(pool: &PgPool, kind: &str, id: i64, up: bool) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    // Renumber the siblings 1..n in their current order, then swap two neighbours.
    let ids: Vec<i64> = with_kinds!(sibling_ids!(tx, kind, id));
    let Some(at) = ids.iter().position(|&x| x == id) else {
        return Err(AppError::NotFound);
    };
    let mut order = ids.clone();
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|&t| t < order.len())
    };
    let Some(to) = to else {
        return Ok(()); // already first / last
    };
    order.swap(at, to);
    let positions: Vec<i32> = (1..=order.len() as i32).collect();
    with_kinds!(renumber!(tx, kind, &order, &positions));
    tx.commit().await?;
    Ok(())
}

// ---- users ---------------------------------------------------------------

pub async fn users(pool: &PgPool) -> Result<Vec<UserRow>, AppError> {
    Ok(sqlx::query_as!(
        UserRow,
        r#"SELECT learner_id, display_name, email AS "email!", role AS "role: Role",
                  to_char(created_at, 'DD.MM.YYYY') AS "created!"
           FROM learners WHERE email IS NOT NULL ORDER BY role DESC, created_at, learner_id"#
    )
    .fetch_all(pool)
    .await?)
}

/// Grants a role. The last admin cannot demote themselves: someone must remain
/// who can grant roles.
///
/// Role changes are serialized on the admins' rows: two admins demoting each
/// other (or themselves) at the same moment would otherwise each see the other
/// still in place and leave nobody. Under the lock the actor must still be an
/// admin, and the change must leave one.
pub async fn set_role(
    pool: &PgPool,
    actor: i64,
    learner_id: i64,
    role: Role,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let admins = sqlx::query_scalar!(
        "SELECT learner_id FROM learners WHERE role = 'admin' ORDER BY learner_id FOR UPDATE"
    )
    .fetch_all(&mut *tx)
    .await?;
    if !admins.contains(&actor) {
        return Err(AppError::Forbidden);
    }
    let leaves_none = role != Role::Admin && admins.iter().all(|&a| a == learner_id);
    if leaves_none {
        return Err(AppError::Conflict(
            "Вы единственный администратор: сначала назначьте другого.".into(),
        ));
    }
    let done = sqlx::query!(
        "UPDATE learners SET role = $2 WHERE learner_id = $1 AND email IS NOT NULL",
        learner_id,
        role as Role
    )
    .execute(&mut *tx)
    .await?;
    found(done)?;
    tx.commit().await?;
    Ok(())
}

/// `grader create-admin`: makes an account an admin, creating it when needed.
pub async fn ensure_admin(
    pool: &PgPool,
    email: &str,
    password_hash: &str,
    name: &str,
) -> Result<bool, AppError> {
    let created = sqlx::query_scalar!(
        r#"INSERT INTO learners (email, password_hash, display_name, role)
           VALUES ($1, $2, $3, 'admin')
           ON CONFLICT ((lower(email))) DO UPDATE SET role = 'admin'
           RETURNING (xmax = 0) AS "created!""#,
        email,
        password_hash,
        name
    )
    .fetch_one(pool)
    .await?;
    Ok(created)
}

// ---- bundles ---------------------------------------------------------------

/// Checks a `.tar.gz` bundle and loads it in one transaction; `dry_run` rolls back
/// and only reports. Rows match by slug, so learners' progress stays attached.
/// `whole_catalog`: also unpublish professions the bundle does not list.
pub async fn import_bundle(
    pool: &PgPool,
    bytes: &[u8],
    whole_catalog: bool,
    dry_run: bool,
) -> Result<BundleReport, AppError> {
    use crate::seeds::{load, unpack, Scope, Seeds};
    let files = unpack(bytes)?;
    let seeds = Seeds::from_files(files).map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    let scope = if whole_catalog {
        Scope::WholeCatalog
    } else {
        Scope::ListedProfessions
    };
    let r = load(pool, &seeds, std::path::Path::new(""), scope, dry_run)
        .await
        .map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    Ok(BundleReport {
        professions: r.professions,
        modules: r.modules,
        topics: r.topics,
        exercises: r.exercises,
        created: r.created,
        updated: r.updated,
        unpublished: r.unpublished,
        applied: !dry_run,
    })
}

pub async fn save_upload(
    pool: &PgPool,
    owner: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "INSERT INTO bundle_uploads (learner_id, file_name, bytes) VALUES ($1, $2, $3) RETURNING upload_id",
        owner,
        file_name,
        bytes
    )
    .fetch_one(pool)
    .await?)
}

/// An author's upload with its dry-run report.
pub async fn upload_view(pool: &PgPool, owner: i64, id: i64) -> Result<UploadView, AppError> {
    let row = sqlx::query!(
        "SELECT file_name, bytes, applied_at IS NOT NULL AS \"applied!\" FROM bundle_uploads
         WHERE upload_id = $1 AND learner_id = $2",
        id,
        owner
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let report = match import_bundle(pool, &row.bytes, false, true).await {
        Ok(r) => Ok(r),
        Err(e @ AppError::Invalid { .. }) => Err(e.user_message()),
        Err(e) => return Err(e),
    };
    Ok(UploadView {
        upload_id: id,
        file_name: row.file_name,
        applied: row.applied,
        report,
    })
}

pub async fn apply_upload(pool: &PgPool, owner: i64, id: i64) -> Result<BundleReport, AppError> {
    let bytes = sqlx::query_scalar!(
        "SELECT bytes FROM bundle_uploads WHERE upload_id = $1 AND learner_id = $2 AND applied_at IS NULL",
        id,
        owner
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let report = import_bundle(pool, &bytes, false, false).await?;
    sqlx::query!(
        "UPDATE bundle_uploads SET applied_at = now() WHERE upload_id = $1",
        id
    )
    .execute(pool)
    .await?;
    Ok(report)
}
