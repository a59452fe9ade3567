//! Catalog reads. Server functions and (later) the REST API share these.

use std::collections::BTreeMap;

use sqlx::PgPool;

use super::types::*;
use crate::domain::stars;
use crate::error::AppError;
use crate::progress::mastery::rollup;

pub async fn list_professions(
    pool: &PgPool,
    learner: Option<i64>,
) -> Result<Vec<ProfessionCard>, AppError> {
    let mastery = rollup(pool, learner).await?;
    let professions = sqlx::query!(
        r#"SELECT profession_id, slug, title, summary
           FROM professions WHERE is_active ORDER BY position, profession_id"#
    )
    .fetch_all(pool)
    .await?;

    let grades = sqlx::query!(
        r#"SELECT g.profession_id, g.slug, g.level AS "level: GradeLevel",
                  EXISTS (SELECT 1 FROM modules m WHERE m.grade_id = g.grade_id AND m.is_active)
                      AS "has_content!"
           FROM grades g WHERE g.is_active ORDER BY g.level"#
    )
    .fetch_all(pool)
    .await?;

    let mut chips: BTreeMap<i64, Vec<GradeChip>> = BTreeMap::new();
    for g in grades {
        chips.entry(g.profession_id).or_default().push(GradeChip {
            slug: g.slug,
            level: g.level,
            has_content: g.has_content,
        });
    }

    Ok(professions
        .into_iter()
        .map(|p| ProfessionCard {
            grades: chips.remove(&p.profession_id).unwrap_or_default(),
            slug: p.slug,
            title: p.title,
            summary: p.summary,
            stars: stars(mastery.profession(p.profession_id)),
        })
        .collect())
}

pub async fn profession_detail(
    pool: &PgPool,
    learner: Option<i64>,
    slug: &str,
) -> Result<ProfessionDetail, AppError> {
    let mastery = rollup(pool, learner).await?;
    let p = sqlx::query!(
        r#"SELECT profession_id, slug, title, summary
           FROM professions WHERE slug = $1 AND is_active"#,
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;

    let grades = sqlx::query!(
        r#"SELECT g.grade_id, g.slug, g.level AS "level: GradeLevel", g.description,
                  count(DISTINCT m.module_id) AS "module_count!",
                  count(t.topic_id) AS "topic_count!"
           FROM grades g
           LEFT JOIN modules m ON m.grade_id = g.grade_id AND m.is_active
           LEFT JOIN topics t ON t.module_id = m.module_id AND t.is_active
           WHERE g.profession_id = $1 AND g.is_active
           GROUP BY g.grade_id
           ORDER BY g.level"#,
        p.profession_id
    )
    .fetch_all(pool)
    .await?;

    Ok(ProfessionDetail {
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        grades: grades
            .into_iter()
            .map(|g| GradeCard {
                slug: g.slug,
                level: g.level,
                description: g.description,
                module_count: g.module_count,
                topic_count: g.topic_count,
                stars: stars(mastery.grade(g.grade_id)),
            })
            .collect(),
    })
}
