//! Professions, grades, portfolio projects and their checklist items: the top of
//! the hierarchy and the grade's projects, with the same rules as modules and
//! topics (validation, optimistic locking, confirmation before deleting what
//! learners have answered or ticked).

use sqlx::PgPool;

use super::{found, needs_confirmation, saved, trail};
use crate::admin::types::*;
use crate::admin::validate;
use crate::catalog::GradeLevel;
use crate::error::AppError;

// ---- professions -----------------------------------------------------------

pub async fn profession(pool: &PgPool, id: i64) -> Result<ProfessionRow, AppError> {
    sqlx::query_as!(
        ProfessionRow,
        r#"SELECT profession_id, slug, title, summary, position, is_active,
                  updated_at::text AS "version!"
           FROM professions WHERE profession_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// The REST API names professions by slug, as its public reads do.
pub async fn profession_id(pool: &PgPool, slug: &str) -> Result<i64, AppError> {
    sqlx::query_scalar!(
        "SELECT profession_id FROM professions WHERE slug = $1",
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn profession_answers(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           JOIN topics t ON t.topic_id = e.topic_id
           JOIN modules m ON m.module_id = t.module_id
           JOIN grades g ON g.grade_id = m.grade_id
           WHERE g.profession_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn profession_edit(pool: &PgPool, id: i64) -> Result<ProfessionEdit, AppError> {
    let profession = profession(pool, id).await?;
    let grades = grades_of_profession(pool, id).await?;
    let free_levels = GradeLevel::ALL
        .into_iter()
        .filter(|l| grades.iter().all(|g| g.level != *l))
        .collect();
    Ok(ProfessionEdit {
        answers: profession_answers(pool, id).await?,
        profession,
        grades,
        free_levels,
    })
}

pub async fn create_profession(
    pool: &PgPool,
    input: &ProfessionInput,
) -> Result<ProfessionRow, AppError> {
    validate::profession(input)?;
    let id = sqlx::query_scalar!(
        "INSERT INTO professions (slug, title, summary, is_active, position)
         VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), 0) + 1 FROM professions))
         RETURNING profession_id",
        input.slug.trim(),
        input.title.trim(),
        input.summary.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    profession(pool, id).await
}

pub async fn update_profession(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &ProfessionInput,
) -> Result<ProfessionRow, AppError> {
    validate::profession(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE professions SET slug = $3, title = $4, summary = $5, is_active = $6
         WHERE profession_id = $1 AND updated_at::text = $2 RETURNING profession_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.summary.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, profession(pool, id), "Профессию").await
}

/// Deletes a profession with everything in it. Learners' answers inside need
/// `confirmed`, as for modules.
pub async fn delete_profession(pool: &PgPool, id: i64, confirmed: bool) -> Result<(), AppError> {
    let answers = profession_answers(pool, id).await?;
    if answers > 0 && !confirmed {
        return Err(needs_confirmation(answers));
    }
    let done = sqlx::query!("DELETE FROM professions WHERE profession_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

// ---- grades ----------------------------------------------------------------

pub async fn grade(pool: &PgPool, id: i64) -> Result<GradeRow, AppError> {
    sqlx::query_as!(
        GradeRow,
        r#"SELECT grade_id, profession_id, level AS "level: GradeLevel", slug, description,
                  position, is_active, updated_at::text AS "version!"
           FROM grades WHERE grade_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn grades_of_profession(
    pool: &PgPool,
    profession_id: i64,
) -> Result<Vec<GradeRow>, AppError> {
    Ok(sqlx::query_as!(
        GradeRow,
        r#"SELECT grade_id, profession_id, level AS "level: GradeLevel", slug, description,
                  position, is_active, updated_at::text AS "version!"
           FROM grades WHERE profession_id = $1 ORDER BY position, grade_id"#,
        profession_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn grade_answers(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           JOIN topics t ON t.topic_id = e.topic_id
           JOIN modules m ON m.module_id = t.module_id
           WHERE m.grade_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn grade_edit(pool: &PgPool, id: i64) -> Result<GradeEdit, AppError> {
    let grade = grade(pool, id).await?;
    let siblings = grades_of_profession(pool, grade.profession_id).await?;
    let levels = GradeLevel::ALL
        .into_iter()
        .filter(|l| *l == grade.level || siblings.iter().all(|g| g.level != *l))
        .collect();
    let modules = super::modules_of_grade(pool, id)
        .await?
        .into_iter()
        .map(|m| TreeNode {
            id: m.module_id,
            slug: m.slug,
            title: m.title,
            is_active: m.is_active,
            children: vec![],
        })
        .collect();
    Ok(GradeEdit {
        trail: trail(pool, id, None, None).await?,
        projects: projects_of_grade(pool, id).await?,
        answers: grade_answers(pool, id).await?,
        modules,
        levels,
        grade,
    })
}

pub async fn create_grade(
    pool: &PgPool,
    profession_id: i64,
    input: &GradeInput,
) -> Result<GradeRow, AppError> {
    validate::grade(input)?;
    profession(pool, profession_id).await?;
    // Grades sit in level order (intern first), whatever order they were added in.
    let id = sqlx::query_scalar!(
        "INSERT INTO grades (profession_id, level, slug, description, is_active, position)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING grade_id",
        profession_id,
        input.level as GradeLevel,
        input.level.slug(),
        input.description.trim(),
        input.is_active,
        input.level.position()
    )
    .fetch_one(pool)
    .await?;
    grade(pool, id).await
}

pub async fn update_grade(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &GradeInput,
) -> Result<GradeRow, AppError> {
    validate::grade(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE grades SET level = $3, slug = $4, description = $5, is_active = $6, position = $7
         WHERE grade_id = $1 AND updated_at::text = $2 RETURNING grade_id",
        id,
        version,
        input.level as GradeLevel,
        input.level.slug(),
        input.description.trim(),
        input.is_active,
        input.level.position()
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, grade(pool, id), "Грейд").await
}

pub async fn delete_grade(pool: &PgPool, id: i64, confirmed: bool) -> Result<(), AppError> {
    let answers = grade_answers(pool, id).await?;
    if answers > 0 && !confirmed {
        return Err(needs_confirmation(answers));
    }
    let done = sqlx::query!("DELETE FROM grades WHERE grade_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

// ---- projects --------------------------------------------------------------

pub async fn project(pool: &PgPool, id: i64) -> Result<ProjectRow, AppError> {
    sqlx::query_as!(
        ProjectRow,
        r#"SELECT project_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM projects WHERE project_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn projects_of_grade(pool: &PgPool, grade_id: i64) -> Result<Vec<ProjectRow>, AppError> {
    Ok(sqlx::query_as!(
        ProjectRow,
        r#"SELECT project_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS "version!"
           FROM projects WHERE grade_id = $1 ORDER BY position, project_id"#,
        grade_id
    )
    .fetch_all(pool)
    .await?)
}

/// Learners' ticks on the project's checklist.
pub async fn project_checks(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM project_item_checks c
           JOIN project_items i USING (project_item_id) WHERE i.project_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn project_edit(pool: &PgPool, id: i64) -> Result<ProjectEdit, AppError> {
    let project = project(pool, id).await?;
    Ok(ProjectEdit {
        trail: trail(pool, project.grade_id, None, None).await?,
        items: items_of_project(pool, id).await?,
        checks: project_checks(pool, id).await?,
        project,
    })
}

pub async fn create_project(
    pool: &PgPool,
    grade_id: i64,
    input: &SectionInput,
) -> Result<ProjectRow, AppError> {
    validate::section(input)?;
    grade(pool, grade_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO projects (grade_id, slug, title, description, is_active, position)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT coalesce(max(position), 0) + 1 FROM projects WHERE grade_id = $1))
         RETURNING project_id",
        grade_id,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    project(pool, id).await
}

pub async fn update_project(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &SectionInput,
) -> Result<ProjectRow, AppError> {
    validate::section(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE projects SET slug = $3, title = $4, description = $5, is_active = $6
         WHERE project_id = $1 AND updated_at::text = $2 RETURNING project_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.description.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, project(pool, id), "Проект").await
}

/// Deletes a project and its checklist; learners' ticks need `confirmed`.
pub async fn delete_project(pool: &PgPool, id: i64, confirmed: bool) -> Result<(), AppError> {
    let checks = project_checks(pool, id).await?;
    if checks > 0 && !confirmed {
        return Err(ticks_need_confirmation(checks));
    }
    let done = sqlx::query!("DELETE FROM projects WHERE project_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}

fn ticks_need_confirmation(checks: i64) -> AppError {
    AppError::Conflict(format!(
        "Ученики отметили пункты этого чек-листа: {checks}. Отметки будут удалены. \
         Можно снять с публикации — отметки сохранятся. Чтобы удалить, подтвердите."
    ))
}

// ---- checklist items -------------------------------------------------------

pub async fn checklist_item(pool: &PgPool, id: i64) -> Result<ChecklistItemRow, AppError> {
    sqlx::query_as!(
        ChecklistItemRow,
        r#"SELECT project_item_id, project_id, slug, title, position, is_active,
                  updated_at::text AS "version!"
           FROM project_items WHERE project_item_id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn items_of_project(
    pool: &PgPool,
    project_id: i64,
) -> Result<Vec<ChecklistItemRow>, AppError> {
    Ok(sqlx::query_as!(
        ChecklistItemRow,
        r#"SELECT project_item_id, project_id, slug, title, position, is_active,
                  updated_at::text AS "version!"
           FROM project_items WHERE project_id = $1 ORDER BY position, project_item_id"#,
        project_id
    )
    .fetch_all(pool)
    .await?)
}

pub async fn item_checks(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM project_item_checks WHERE project_item_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn checklist_item_edit(pool: &PgPool, id: i64) -> Result<ChecklistItemEdit, AppError> {
    let item = checklist_item(pool, id).await?;
    let p = project(pool, item.project_id).await?;
    Ok(ChecklistItemEdit {
        trail: trail(pool, p.grade_id, None, None).await?,
        project: (p.project_id, p.title),
        checks: item_checks(pool, id).await?,
        item,
    })
}

pub async fn create_checklist_item(
    pool: &PgPool,
    project_id: i64,
    input: &ChecklistItemInput,
) -> Result<ChecklistItemRow, AppError> {
    validate::checklist_item(input)?;
    project(pool, project_id).await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO project_items (project_id, slug, title, is_active, position)
         VALUES ($1, $2, $3, $4,
                 (SELECT coalesce(max(position), 0) + 1 FROM project_items WHERE project_id = $1))
         RETURNING project_item_id",
        project_id,
        input.slug.trim(),
        input.title.trim(),
        input.is_active
    )
    .fetch_one(pool)
    .await?;
    checklist_item(pool, id).await
}

pub async fn update_checklist_item(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &ChecklistItemInput,
) -> Result<ChecklistItemRow, AppError> {
    validate::checklist_item(input)?;
    let updated = sqlx::query_scalar!(
        "UPDATE project_items SET slug = $3, title = $4, is_active = $5
         WHERE project_item_id = $1 AND updated_at::text = $2 RETURNING project_item_id",
        id,
        version,
        input.slug.trim(),
        input.title.trim(),
        input.is_active
    )
    .fetch_optional(pool)
    .await?;
    saved(updated, checklist_item(pool, id), "Пункт чек-листа").await
}

/// Deletes one checklist item with its ticks (one line: no confirmation, as for
/// one exercise; the page shows how many ticks go with it).
pub async fn delete_checklist_item(pool: &PgPool, id: i64) -> Result<(), AppError> {
    let done = sqlx::query!("DELETE FROM project_items WHERE project_item_id = $1", id)
        .execute(pool)
        .await?;
    found(done)
}
