//! Learning reads, shared by server functions and (later) the REST API.

use sqlx::PgPool;

use std::collections::HashMap;

use super::answers::{feedback, Exercise, Key, Response};
use super::path::{is_complete, node_states};
use super::types::*;
use crate::catalog::GradeLevel;
use crate::error::AppError;
use crate::progress::mastery::percent;
use crate::progress::queries::rollup;
use crate::server::render::{case_parts, code_html, inline_markdown, markdown};

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

struct FoundTopic {
    topic_id: i64,
    module_id: i64,
    position: i32,
    view: TopicView,
}

async fn find_topic(
    pool: &PgPool,
    learner: Option<i64>,
    profession: &str,
    grade: &str,
    module: &str,
    topic: &str,
    // Feedback only from this lesson's answers, when given.
    lesson: Option<i64>,
) -> Result<FoundTopic, AppError> {
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
    profession: &str,
    grade: &str,
    module: &str,
    topic: &str,
) -> Result<TopicView, AppError> {
    let row = find_topic(pool, learner, profession, grade, module, topic, None).await?;
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

/// A topic's exercises by kind, each with the learner's latest feedback.
pub struct TopicItems {
    pub theory: Vec<ExerciseItem>,
    pub questions: Vec<ExerciseItem>,
    pub tasks: Vec<ExerciseItem>,
    pub cases: Vec<ExerciseItem>,
}

/// `ExerciseItem::for_learner` of a page shown before the visitor's first answer
/// (not empty: an empty form field reads as no field at all).
pub const NO_LEARNER_YET: &str = "none";

/// Builds the items; feedback comes from the learner's latest answer to each
/// exercise (only within `lesson`, when given). `drafts` adds unpublished
/// exercises, for an author's preview.
pub async fn topic_items(
    pool: &PgPool,
    topic_id: i64,
    learner: Option<i64>,
    lesson: Option<i64>,
    drafts: bool,
) -> Result<TopicItems, AppError> {
    let latest = sqlx::query!(
        r#"SELECT DISTINCT ON (a.kind, a.exercise_id)
                  a.kind::text AS "kind!", a.exercise_id AS "exercise_id!", a.response
           FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           WHERE a.learner_id = $1 AND e.topic_id = $2 AND ($3::bigint IS NULL OR a.lesson_id = $3)
           ORDER BY a.kind, a.exercise_id, a.answered_at DESC, a.answer_id DESC"#,
        learner,
        topic_id,
        lesson
    )
    .fetch_all(pool)
    .await?;
    let answered: HashMap<(String, i64), serde_json::Value> = latest
        .into_iter()
        .map(|a| ((a.kind, a.exercise_id), a.response))
        .collect();
    let item = |kind: &str, id: i64, body: ExerciseBody, key: Key, explanation: &str| {
        let feedback = answered.get(&(kind.to_string(), id)).and_then(|json| {
            let response = Response::from_json(kind, json)?;
            Some(feedback(
                &Exercise {
                    key,
                    explanation: explanation.to_string(),
                },
                &response,
            ))
        });
        ExerciseItem {
            kind: kind.to_string(),
            id,
            body,
            client_id: uuid::Uuid::new_v4().to_string(),
            for_learner: learner.map_or_else(|| NO_LEARNER_YET.to_string(), |l| l.to_string()),
            feedback,
        }
    };

    let theory = sqlx::query!(
        "SELECT theory_id, title, body, explanation FROM theory
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, theory_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let questions = sqlx::query!(
        r#"SELECT question_id, title, options, correct_answers, explanation
           FROM questions WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, question_id"#,
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let tasks = sqlx::query!(
        "SELECT task_id, title, code_question, correct_answer, accepted_answers, explanation FROM tasks
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, task_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;
    let cases = sqlx::query!(
        "SELECT case_id, title, code_template, correct_fields, explanation FROM cases
         WHERE topic_id = $1 AND (is_active OR $2) ORDER BY position, case_id",
        topic_id,
        drafts
    )
    .fetch_all(pool)
    .await?;

    Ok(TopicItems {
        theory: theory
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Theory {
                    title_html: inline_markdown(&x.title),
                    body_html: markdown(&x.body),
                };
                item("theory", x.theory_id, body, Key::Theory, &x.explanation)
            })
            .collect(),
        questions: questions
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Question {
                    title_html: inline_markdown(&x.title),
                    options_html: x.options.iter().map(|o| inline_markdown(o)).collect(),
                    multiple: x.correct_answers.len() > 1,
                };
                item(
                    "question",
                    x.question_id,
                    body,
                    Key::Question(x.correct_answers),
                    &x.explanation,
                )
            })
            .collect(),
        tasks: tasks
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Task {
                    title_html: inline_markdown(&x.title),
                    code_html: code_html(&x.code_question),
                };
                let key = Key::Task {
                    expected: x.correct_answer,
                    accepted: x.accepted_answers,
                };
                item("task", x.task_id, body, key, &x.explanation)
            })
            .collect(),
        cases: cases
            .into_iter()
            .map(|x| {
                let body = ExerciseBody::Case {
                    title_html: inline_markdown(&x.title),
                    parts: case_parts(&x.code_template),
                };
                item(
                    "case",
                    x.case_id,
                    body,
                    Key::Case(x.correct_fields),
                    &x.explanation,
                )
            })
            .collect(),
    })
}

/// Starts a lesson on a topic for a learner; returns its id.
pub async fn start_lesson(
    pool: &PgPool,
    learner: i64,
    profession: &str,
    grade: &str,
    module: &str,
    topic: &str,
) -> Result<i64, AppError> {
    let row = find_topic(pool, Some(learner), profession, grade, module, topic, None).await?;
    Ok(sqlx::query_scalar!(
        "INSERT INTO lessons (learner_id, topic_id) VALUES ($1, $2) RETURNING lesson_id",
        learner,
        row.topic_id
    )
    .fetch_one(pool)
    .await?)
}

/// A lesson's screen: the intro (no lesson yet), step N, or the end screen.
#[allow(clippy::too_many_arguments)]
pub async fn lesson_view(
    pool: &PgPool,
    learner: Option<i64>,
    profession: &str,
    grade: &str,
    module: &str,
    topic: &str,
    lesson: Option<i64>,
    step: usize,
) -> Result<LessonView, AppError> {
    let lesson = lesson.filter(|_| learner.is_some());
    let row = find_topic(pool, learner, profession, grade, module, topic, lesson).await?;
    let t = row.view;
    let mut view = LessonView {
        module_slug: t.module_slug.clone(),
        topic_slug: t.slug.clone(),
        topic_title: t.title.clone(),
        trail: t.trail.clone(),
        lesson_id: None,
        total: t.theory.len() + t.questions.len() + t.tasks.len() + t.cases.len(),
        step: 0,
        answered: 0,
        item: None,
        summary: None,
    };
    let (Some(lesson), Some(learner)) = (lesson, learner) else {
        return Ok(view);
    };
    let started = sqlx::query!(
        r#"SELECT extract(epoch FROM (
                  coalesce((SELECT max(answered_at) FROM answers WHERE lesson_id = $1), started_at)
                  - started_at))::bigint AS "seconds!"
           FROM lessons WHERE lesson_id = $1 AND learner_id = $2 AND topic_id = $3"#,
        lesson,
        learner,
        row.topic_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    // find_topic already scoped the feedback to this lesson.
    let items: Vec<ExerciseItem> = [t.theory, t.questions, t.tasks, t.cases]
        .into_iter()
        .flatten()
        .collect();
    view.lesson_id = Some(lesson);
    view.answered = items.iter().filter(|i| i.feedback.is_some()).count();
    view.step = step.clamp(1, view.total + 1);
    if view.step <= view.total {
        view.item = items.into_iter().nth(view.step - 1);
        return Ok(view);
    }
    let xp = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM answers WHERE lesson_id = $1 AND is_correct"#,
        lesson
    )
    .fetch_one(pool)
    .await?;
    let topic_href = t.trail.topic_href(&t.module_slug, &t.slug);
    let correct = items
        .iter()
        .filter(|i| i.feedback.as_ref().is_some_and(|f| f.correct))
        .count();
    let review = items
        .iter()
        .filter(|i| !i.feedback.as_ref().is_some_and(|f| f.correct))
        .map(|i| {
            (
                i.title_html().to_string(),
                format!("{topic_href}#ex-{}", i.key()),
            )
        })
        .collect();
    view.summary = Some(LessonSummary {
        answered: view.answered,
        correct,
        accuracy_pct: if view.answered == 0 {
            0
        } else {
            (correct * 100 / view.answered) as u8
        },
        xp: xp * crate::progress::XP_PER_CORRECT,
        seconds: started.seconds.max(0),
        review,
    });
    Ok(view)
}

/// Whether a learner may work in a module: the same rule as the grade page's
/// path (the first module is open; the next opens at 80 % of the one before).
pub async fn module_is_open(pool: &PgPool, learner: i64, module_id: i64) -> Result<bool, AppError> {
    let modules = sqlx::query_scalar!(
        "SELECT m.module_id FROM modules m
         WHERE m.grade_id = (SELECT grade_id FROM modules WHERE module_id = $1) AND m.is_active
         ORDER BY m.position, m.module_id",
        module_id
    )
    .fetch_all(pool)
    .await?;
    let mastery = rollup(pool, Some(learner)).await?;
    let masteries: Vec<f32> = modules.iter().map(|&id| mastery.module(id)).collect();
    Ok(modules
        .iter()
        .zip(node_states(&masteries))
        .any(|(&id, state)| id == module_id && state != NodeState::Locked))
}

/// Ticks a checklist item off (or back on) for a learner.
pub async fn check_project_item(
    pool: &PgPool,
    learner: i64,
    item: i64,
    done: bool,
) -> Result<(), AppError> {
    let exists = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM published_project_items WHERE project_item_id = $1) AS "e!""#,
        item
    )
    .fetch_one(pool)
    .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    if done {
        sqlx::query!(
            "INSERT INTO project_item_checks (learner_id, project_item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            learner,
            item
        )
        .execute(pool)
        .await?;
    } else {
        sqlx::query!(
            "DELETE FROM project_item_checks WHERE learner_id = $1 AND project_item_id = $2",
            learner,
            item
        )
        .execute(pool)
        .await?;
    }
    Ok(())
}
