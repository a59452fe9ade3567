//! What /admin's pages read: the tree, where a row sits, the edit pages, users
//! and uploads. Writes go through the authoring core (`crate::authoring::core`),
//! shared with the REST API.

use sqlx::PgPool;

use super::types::*;
use crate::domain::GradeLevel;
use crate::error::AppError;

mod pages;
mod uploads;
mod users;
pub use pages::*;
pub use uploads::*;
pub use users::*;

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
