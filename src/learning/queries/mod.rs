//! Learning reads: the grade path, a module, a topic with its items (`items`),
//! lessons (`lessons`) and what a learner may open or tick (`access`).

use sqlx::PgPool;

use super::path::{is_complete, node_states};
use super::types::*;
use crate::domain::GradeLevel;
use crate::error::AppError;
use crate::progress::mastery::{percent, rollup};

mod access;
mod items;
mod lessons;
pub use access::*;
pub use items::*;
pub use lessons::*;

struct GradeRow {
    grade_id: i64,
    trail: Trail,
    description: String,
}

async fn find_grade(pool: &PgPool, profession: &str, grade: &str) -> Result<GradeRow, AppError> {
    let row = sqlx::query!(
        r#"SELECT g.grade_id, g.slug, g.level AS "level: GradeLevel", g.description,
                  p.slug AS profession_slug, p.title AS profession_title
           FROM grades g JOIN professions p USING (profession_id)
           WHERE p.slug = $1 AND g.slug = $2 AND p.is_active AND g.is_active"#,
        profession,
        grade
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(GradeRow {
        grade_id: row.grade_id,
        description: row.description,
        trail: Trail {
            profession_slug: row.profession_slug,
            profession_title: row.profession_title,
            grade_slug: row.slug,
            level: row.level,
        },
    })
}

pub async fn grade_path(
    pool: &PgPool,
    learner: Option<i64>,
    profession: &str,
    grade: &str,
) -> Result<GradePath, AppError> {
    let g = find_grade(pool, profession, grade).await?;
    let mastery = rollup(pool, learner).await?;

    let modules = sqlx::query!(
        r#"SELECT m.module_id, m.slug, m.title, m.description,
                  coalesce(array_agg(t.topic_id ORDER BY t.position, t.topic_id)
                      FILTER (WHERE t.topic_id IS NOT NULL), '{}') AS "topic_ids!",
                  coalesce(array_agg(t.slug ORDER BY t.position, t.topic_id)
                      FILTER (WHERE t.topic_id IS NOT NULL), '{}') AS "topic_slugs!"
           FROM modules m
           LEFT JOIN topics t ON t.module_id = m.module_id AND t.is_active
           WHERE m.grade_id = $1 AND m.is_active
           GROUP BY m.module_id
           ORDER BY m.position, m.module_id"#,
        g.grade_id
    )
    .fetch_all(pool)
    .await?;

    let masteries: Vec<f32> = modules
        .iter()
        .map(|m| mastery.module(m.module_id))
        .collect();
    let states = node_states(&masteries);

    let projects = sqlx::query!(
        "SELECT project_id, title, description FROM projects
         WHERE grade_id = $1 AND is_active ORDER BY position, project_id",
        g.grade_id
    )
    .fetch_all(pool)
    .await?;
    let items = sqlx::query!(
        r#"SELECT i.project_item_id, i.project_id, i.title,
                  EXISTS (SELECT 1 FROM project_item_checks c
                          WHERE c.project_item_id = i.project_item_id AND c.learner_id = $2) AS "done!"
           FROM project_items i JOIN projects p USING (project_id)
           WHERE p.grade_id = $1 AND i.is_active
           ORDER BY i.position, i.project_item_id"#,
        g.grade_id,
        learner
    )
    .fetch_all(pool)
    .await?;

    Ok(GradePath {
        trail: g.trail,
        description: g.description,
        modules: modules
            .into_iter()
            .zip(masteries.into_iter().zip(states))
            .map(|(m, (module_mastery, state))| {
                // «Далее» leads to the first topic not yet mastered.
                let next = m
                    .topic_ids
                    .iter()
                    .zip(&m.topic_slugs)
                    .find(|(id, _)| !is_complete(mastery.topic(**id)))
                    .or_else(|| m.topic_ids.iter().zip(&m.topic_slugs).next())
                    .map(|(_, slug)| slug.clone());
                PathModule {
                    slug: m.slug,
                    title: m.title,
                    description: m.description,
                    topic_count: m.topic_ids.len() as i64,
                    mastery: module_mastery,
                    state,
                    next_topic_slug: next,
                }
            })
            .collect(),
        projects: projects
            .into_iter()
            .map(|p| ProjectView {
                title: p.title,
                description: p.description,
                items: items
                    .iter()
                    .filter(|i| i.project_id == p.project_id)
                    .map(|i| ProjectItemView {
                        id: i.project_item_id,
                        title: i.title.clone(),
                        done: i.done,
                    })
                    .collect(),
            })
            .collect(),
    })
}

pub async fn module_view(
    pool: &PgPool,
    learner: Option<i64>,
    profession: &str,
    grade: &str,
    module: &str,
) -> Result<ModuleView, AppError> {
    let g = find_grade(pool, profession, grade).await?;
    let m = sqlx::query!(
        r#"SELECT module_id, slug, title, description FROM modules
           WHERE grade_id = $1 AND slug = $2 AND is_active"#,
        g.grade_id,
        module
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;

    let mastery = rollup(pool, learner).await?;
    let topics = sqlx::query!(
        r#"SELECT t.topic_id, t.slug, t.title, t.description,
                  (SELECT count(*) FROM theory x WHERE x.topic_id = t.topic_id AND x.is_active) AS "theory!",
                  (SELECT count(*) FROM questions x WHERE x.topic_id = t.topic_id AND x.is_active) AS "questions!",
                  (SELECT count(*) FROM tasks x WHERE x.topic_id = t.topic_id AND x.is_active) AS "tasks!",
                  (SELECT count(*) FROM cases x WHERE x.topic_id = t.topic_id AND x.is_active) AS "cases!"
           FROM topics t
           WHERE t.module_id = $1 AND t.is_active
           ORDER BY t.position, t.topic_id"#,
        m.module_id
    )
    .fetch_all(pool)
    .await?;

    let links = sqlx::query_as!(
        ModuleLink,
        "SELECT title, url FROM module_links WHERE module_id = $1 AND is_active
         ORDER BY position, module_link_id",
        m.module_id
    )
    .fetch_all(pool)
    .await?;

    Ok(ModuleView {
        links,
        trail: g.trail,
        slug: m.slug,
        title: m.title,
        description: m.description,
        topics: topics
            .into_iter()
            .map(|t| TopicRow {
                slug: t.slug,
                title: t.title,
                description: t.description,
                mastery_pct: percent(mastery.topic(t.topic_id)),
                counts: ExerciseCounts {
                    theory: t.theory,
                    questions: t.questions,
                    tasks: t.tasks,
                    cases: t.cases,
                },
            })
            .collect(),
    })
}

pub(super) struct FoundTopic {
    pub topic_id: i64,
    pub module_id: i64,
    pub position: i32,
    pub view: TopicView,
}

/// A topic's address: the slugs of its profession, grade, module and topic.
#[derive(Debug, Clone, Copy)]
pub struct TopicSlugs<'a> {
    pub profession: &'a str,
    pub grade: &'a str,
    pub module: &'a str,
    pub topic: &'a str,
}

impl<'a> TopicSlugs<'a> {
    pub fn new(profession: &'a str, grade: &'a str, module: &'a str, topic: &'a str) -> Self {
        Self {
            profession,
            grade,
            module,
            topic,
        }
    }
}

/// A published topic with its items; feedback only from `lesson`'s answers, when given.
pub(super) async fn find_topic(
    pool: &PgPool,
    learner: Option<i64>,
    at: TopicSlugs<'_>,
    lesson: Option<i64>,
) -> Result<FoundTopic, AppError> {
    let g = find_grade(pool, at.profession, at.grade).await?;
    let t = sqlx::query!(
        r#"SELECT t.topic_id, t.slug, t.title, t.description, t.position,
                  m.module_id, m.slug AS module_slug, m.title AS module_title
           FROM topics t JOIN modules m USING (module_id)
           WHERE m.grade_id = $1 AND m.slug = $2 AND t.slug = $3
             AND m.is_active AND t.is_active"#,
        g.grade_id,
        at.module,
        at.topic
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let items = topic_items(pool, t.topic_id, learner, lesson, false).await?;
    let mastery = rollup(pool, learner).await?;
    Ok(FoundTopic {
        topic_id: t.topic_id,
        module_id: t.module_id,
        position: t.position,
        view: TopicView {
            trail: g.trail,
            module_slug: t.module_slug,
            module_title: t.module_title,
            slug: t.slug,
            title: t.title,
            description: t.description,
            mastery_pct: percent(mastery.topic(t.topic_id)),
            theory: items.theory,
            questions: items.questions,
            tasks: items.tasks,
            cases: items.cases,
            next_topic: None,
        },
    })
}

pub async fn topic_view(
    pool: &PgPool,
    learner: Option<i64>,
    at: TopicSlugs<'_>,
) -> Result<TopicView, AppError> {
    let row = find_topic(pool, learner, at, None).await?;
    let next_topic = sqlx::query_as!(
        TopicLink,
        "SELECT slug, title FROM topics
         WHERE module_id = $1 AND is_active AND (position, topic_id) > ($2, $3)
         ORDER BY position, topic_id LIMIT 1",
        row.module_id,
        row.position,
        row.topic_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(TopicView {
        next_topic,
        ..row.view
    })
}
