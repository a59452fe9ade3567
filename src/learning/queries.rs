//! Learning reads, shared by server functions and (later) the REST API.

use sqlx::PgPool;

use super::path::node_states;
use super::types::*;
use crate::catalog::GradeLevel;
use crate::error::AppError;
use crate::server::render::{case_parts, code_html, inline_markdown, markdown};

/// Mastery comes from learners' stored answers; none are stored yet, so every
/// topic is at 0 % for every visitor.
const NO_ANSWERS_YET: f32 = 0.0;

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
    profession: &str,
    grade: &str,
) -> Result<GradePath, AppError> {
    let g = find_grade(pool, profession, grade).await?;

    let modules = sqlx::query!(
        r#"SELECT m.slug, m.title, m.description,
                  count(t.topic_id) AS "topic_count!",
                  (array_agg(t.slug ORDER BY t.position, t.topic_id)
                      FILTER (WHERE t.topic_id IS NOT NULL))[1] AS first_topic
           FROM modules m
           LEFT JOIN topics t ON t.module_id = m.module_id AND t.is_active
           WHERE m.grade_id = $1 AND m.is_active
           GROUP BY m.module_id
           ORDER BY m.position, m.module_id"#,
        g.grade_id
    )
    .fetch_all(pool)
    .await?;

    let masteries: Vec<f32> = modules.iter().map(|_| NO_ANSWERS_YET).collect();
    let states = node_states(&masteries);

    let projects = sqlx::query!(
        r#"SELECT pr.title, pr.description,
                  coalesce(array_agg(i.title ORDER BY i.position, i.project_item_id)
                      FILTER (WHERE i.project_item_id IS NOT NULL), '{}') AS "items!"
           FROM projects pr
           LEFT JOIN project_items i ON i.project_id = pr.project_id AND i.is_active
           WHERE pr.grade_id = $1 AND pr.is_active
           GROUP BY pr.project_id
           ORDER BY pr.position, pr.project_id"#,
        g.grade_id
    )
    .fetch_all(pool)
    .await?;

    Ok(GradePath {
        trail: g.trail,
        description: g.description,
        modules: modules
            .into_iter()
            .zip(masteries.into_iter().zip(states))
            .map(|(m, (mastery, state))| PathModule {
                slug: m.slug,
                title: m.title,
                description: m.description,
                topic_count: m.topic_count,
                mastery,
                state,
                next_topic_slug: m.first_topic,
            })
            .collect(),
        projects: projects
            .into_iter()
            .map(|p| ProjectView {
                title: p.title,
                description: p.description,
                items: p.items,
            })
            .collect(),
    })
}

pub async fn module_view(
    pool: &PgPool,
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

    let topics = sqlx::query!(
        r#"SELECT t.slug, t.title, t.description,
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

    Ok(ModuleView {
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
                mastery_pct: (NO_ANSWERS_YET * 100.0).round() as u8,
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

pub async fn topic_view(
    pool: &PgPool,
    profession: &str,
    grade: &str,
    module: &str,
    topic: &str,
) -> Result<TopicView, AppError> {
    let g = find_grade(pool, profession, grade).await?;
    let t = sqlx::query!(
        r#"SELECT t.topic_id, t.slug, t.title, t.description, t.position,
                  m.module_id, m.slug AS module_slug, m.title AS module_title
           FROM topics t JOIN modules m USING (module_id)
           WHERE m.grade_id = $1 AND m.slug = $2 AND t.slug = $3
             AND m.is_active AND t.is_active"#,
        g.grade_id,
        module,
        topic
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;

    let theory = sqlx::query!(
        "SELECT theory_id, title, body FROM theory
         WHERE topic_id = $1 AND is_active ORDER BY position, theory_id",
        t.topic_id
    )
    .fetch_all(pool)
    .await?;
    let questions = sqlx::query!(
        r#"SELECT question_id, title, options, cardinality(correct_answers) > 1 AS "multiple!"
           FROM questions WHERE topic_id = $1 AND is_active ORDER BY position, question_id"#,
        t.topic_id
    )
    .fetch_all(pool)
    .await?;
    let tasks = sqlx::query!(
        "SELECT task_id, title, code_question FROM tasks
         WHERE topic_id = $1 AND is_active ORDER BY position, task_id",
        t.topic_id
    )
    .fetch_all(pool)
    .await?;
    let cases = sqlx::query!(
        "SELECT case_id, title, code_template FROM cases
         WHERE topic_id = $1 AND is_active ORDER BY position, case_id",
        t.topic_id
    )
    .fetch_all(pool)
    .await?;
    let next_topic = sqlx::query_as!(
        TopicLink,
        "SELECT slug, title FROM topics
         WHERE module_id = $1 AND is_active AND (position, topic_id) > ($2, $3)
         ORDER BY position, topic_id LIMIT 1",
        t.module_id,
        t.position,
        t.topic_id
    )
    .fetch_optional(pool)
    .await?;

    Ok(TopicView {
        trail: g.trail,
        module_slug: t.module_slug,
        module_title: t.module_title,
        slug: t.slug,
        title: t.title,
        description: t.description,
        theory: theory
            .into_iter()
            .map(|x| TheoryCard {
                id: x.theory_id,
                title_html: inline_markdown(&x.title),
                body_html: markdown(&x.body),
            })
            .collect(),
        questions: questions
            .into_iter()
            .map(|x| QuestionView {
                id: x.question_id,
                title_html: inline_markdown(&x.title),
                options_html: x.options.iter().map(|o| inline_markdown(o)).collect(),
                multiple: x.multiple,
            })
            .collect(),
        tasks: tasks
            .into_iter()
            .map(|x| TaskView {
                id: x.task_id,
                title_html: inline_markdown(&x.title),
                code_html: code_html(&x.code_question),
            })
            .collect(),
        cases: cases
            .into_iter()
            .map(|x| CaseView {
                id: x.case_id,
                title_html: inline_markdown(&x.title),
                parts: case_parts(&x.code_template),
            })
            .collect(),
        next_topic,
    })
}
