//! /admin's server functions for professions, grades, portfolio projects and
//! checklist items, and the markdown preview of every editor. Same rules as
//! `server_fns`: the role first, native form posts, redirect on success.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::server_fns::{act, author, checked, section};
use super::types::*;
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn level(value: &str) -> Result<crate::catalog::GradeLevel, AppError> {
    crate::catalog::GradeLevel::from_db(value)
        .ok_or_else(|| AppError::invalid("level", "Выберите уровень из списка."))
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

// ---- professions -------------------------------------------------------------

#[server(endpoint = "admin/profession")]
pub async fn get_profession_edit(id: i64) -> Result<ProfessionEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::profession_edit(&pool, id).await
}

#[server(endpoint = "admin/profession/create")]
pub async fn create_profession(
    slug: String,
    title: String,
    #[server(default)] summary: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = ProfessionInput {
                slug,
                title,
                summary,
                is_active: checked(&is_active),
            };
            super::queries::create_profession(&pool, &input).await
        },
        |p| format!("/admin/professions/{}", p.profession_id),
    )
    .await
}

#[server(endpoint = "admin/profession/save")]
pub async fn save_profession(
    id: i64,
    version: String,
    slug: String,
    title: String,
    #[server(default)] summary: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = ProfessionInput {
                slug,
                title,
                summary,
                is_active: checked(&is_active),
            };
            super::queries::update_profession(&pool, id, &version, &input).await
        },
        |p| format!("/admin/professions/{}?saved=1", p.profession_id),
    )
    .await
}

#[server(endpoint = "admin/profession/delete")]
pub async fn delete_profession(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            super::queries::delete_profession(&pool, id, checked(&confirm)).await
        },
        |_| "/admin?deleted=1".into(),
    )
    .await
}

// ---- grades ------------------------------------------------------------------

#[server(endpoint = "admin/grade/edit")]
pub async fn get_grade_edit(id: i64) -> Result<GradeEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::grade_edit(&pool, id).await
}

#[server(endpoint = "admin/grade/create")]
pub async fn create_grade(
    profession_id: i64,
    level: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = GradeInput {
                level: self::level(&level)?,
                description,
                is_active: checked(&is_active),
            };
            super::queries::create_grade(&pool, profession_id, &input).await
        },
        |g| format!("/admin/grades/{}", g.grade_id),
    )
    .await
}

#[server(endpoint = "admin/grade/save")]
pub async fn save_grade(
    id: i64,
    version: String,
    level: String,
    #[server(default)] description: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = GradeInput {
                level: self::level(&level)?,
                description,
                is_active: checked(&is_active),
            };
            super::queries::update_grade(&pool, id, &version, &input).await
        },
        |g| format!("/admin/grades/{}?saved=1", g.grade_id),
    )
    .await
}

#[server(endpoint = "admin/grade/delete")]
pub async fn delete_grade(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let profession_id = super::queries::grade(&pool, id).await?.profession_id;
            super::queries::delete_grade(&pool, id, checked(&confirm)).await?;
            Ok(profession_id)
        },
        |p| format!("/admin/professions/{p}?deleted=1"),
    )
    .await
}

// ---- projects ----------------------------------------------------------------

#[server(endpoint = "admin/project")]
pub async fn get_project_edit(id: i64) -> Result<ProjectEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::project_edit(&pool, id).await
}

#[server(endpoint = "admin/project/create")]
pub async fn create_project(
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
            super::queries::create_project(&pool, grade_id, &input).await
        },
        |p| format!("/admin/projects/{}", p.project_id),
    )
    .await
}

#[server(endpoint = "admin/project/save")]
pub async fn save_project(
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
            super::queries::update_project(&pool, id, &version, &input).await
        },
        |p| format!("/admin/projects/{}?saved=1", p.project_id),
    )
    .await
}

#[server(endpoint = "admin/project/delete")]
pub async fn delete_project(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let grade_id = super::queries::project(&pool, id).await?.grade_id;
            super::queries::delete_project(&pool, id, checked(&confirm)).await?;
            Ok(grade_id)
        },
        |g| format!("/admin/grades/{g}?deleted=1"),
    )
    .await
}

// ---- checklist items ---------------------------------------------------------

#[server(endpoint = "admin/item")]
pub async fn get_checklist_item_edit(id: i64) -> Result<ChecklistItemEdit, AppError> {
    let (pool, _) = author().await?;
    super::queries::checklist_item_edit(&pool, id).await
}

#[server(endpoint = "admin/item/create")]
pub async fn create_checklist_item(
    project_id: i64,
    slug: String,
    title: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = ChecklistItemInput {
                slug,
                title,
                is_active: checked(&is_active),
            };
            super::queries::create_checklist_item(&pool, project_id, &input).await
        },
        |i| format!("/admin/projects/{}?saved=1", i.project_id),
    )
    .await
}

#[server(endpoint = "admin/item/save")]
pub async fn save_checklist_item(
    id: i64,
    version: String,
    slug: String,
    title: String,
    is_active: Option<String>,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            let input = ChecklistItemInput {
                slug,
                title,
                is_active: checked(&is_active),
            };
            super::queries::update_checklist_item(&pool, id, &version, &input).await
        },
        |i| format!("/admin/items/{}?saved=1", i.project_item_id),
    )
    .await
}

#[server(endpoint = "admin/item/delete")]
pub async fn delete_checklist_item(
    id: i64,
    /// The page's confirmation box; one line needs no server-side confirmation.
    #[server(default)]
    confirm: Option<String>,
) -> Result<(), AppError> {
    let _ = confirm;
    act(
        async {
            let (pool, _) = author().await?;
            let project_id = super::queries::checklist_item(&pool, id).await?.project_id;
            super::queries::delete_checklist_item(&pool, id).await?;
            Ok(project_id)
        },
        |p| format!("/admin/projects/{p}?deleted=1"),
    )
    .await
}
