//! One upsert per kind of seed row, matching by slug. Each changes a row only
//! when a value differs (`IS DISTINCT FROM`) and returns the row's id and whether
//! it changed.

use super::format::*;
use super::load::{Kept, Tx};
use crate::domain::GradeLevel;

/// The id of the row an upsert wrote, or of the unchanged row it matched.
fn id_and_change(written: Option<i64>, existing: Option<i64>) -> Result<(i64, u64), sqlx::Error> {
    match (written, existing) {
        (Some(id), _) => Ok((id, 1)),
        (None, Some(id)) => Ok((id, 0)),
        (None, None) => Err(sqlx::Error::RowNotFound),
    }
}

/// `position`: None keeps an existing profession's place (a bundle of some
/// professions does not know the catalog's order) and puts a new one last.
pub(super) async fn upsert_profession(
    tx: &mut Tx<'_>,
    p: &ProfessionSeed,
    position: Option<i32>,
) -> Result<(i64, u64), sqlx::Error> {
    let written = sqlx::query_scalar!(
        r#"INSERT INTO professions (slug, title, summary, position)
           VALUES ($1, $2, $3, coalesce($4, (SELECT coalesce(max(position), 0) + 1 FROM professions)))
           ON CONFLICT (slug) DO UPDATE
           SET title = EXCLUDED.title, summary = EXCLUDED.summary,
               position = coalesce($4, professions.position), is_active = true
           WHERE (professions.title, professions.summary, professions.position, professions.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.summary, coalesce($4, professions.position), true)
           RETURNING profession_id"#,
        p.slug, p.title.trim(), p.summary.trim(), position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT profession_id FROM professions WHERE slug = $1",
                p.slug
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

pub(super) async fn upsert_grade(
    tx: &mut Tx<'_>,
    profession_id: i64,
    level: GradeLevel,
    description: &str,
) -> Result<(i64, u64), sqlx::Error> {
    let written = sqlx::query_scalar!(
        r#"INSERT INTO grades (profession_id, level, slug, description, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (profession_id, level) DO UPDATE
           SET description = EXCLUDED.description, position = EXCLUDED.position, is_active = true
           WHERE (grades.description, grades.position, grades.is_active)
                 IS DISTINCT FROM (EXCLUDED.description, EXCLUDED.position, true)
           RETURNING grade_id"#,
        profession_id, level as GradeLevel, level.slug(), description.trim(), level.position()
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT grade_id FROM grades WHERE profession_id = $1 AND level = $2",
                profession_id,
                level as GradeLevel
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

pub(super) async fn upsert_module(
    tx: &mut Tx<'_>,
    m: &ModuleFile,
) -> Result<(i64, u64), sqlx::Error> {
    let grade_id = sqlx::query_scalar!(
        "SELECT grade_id FROM grades JOIN professions USING (profession_id)
         WHERE professions.slug = $1 AND grades.level::text = $2",
        m.profession,
        m.grade
    )
    .fetch_one(&mut **tx)
    .await?;
    let written = sqlx::query_scalar!(
        r#"INSERT INTO modules (grade_id, slug, title, description, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (grade_id, slug) DO UPDATE
           SET title = EXCLUDED.title, description = EXCLUDED.description, position = EXCLUDED.position, is_active = true
           WHERE (modules.title, modules.description, modules.position, modules.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.position, true)
           RETURNING module_id"#,
        grade_id, m.slug, m.title.trim(), m.description.trim(), m.position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT module_id FROM modules WHERE grade_id = $1 AND slug = $2",
                grade_id,
                m.slug
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

pub(super) async fn upsert_topic(
    tx: &mut Tx<'_>,
    module_id: i64,
    t: &TopicSeed,
    position: i32,
) -> Result<(i64, u64), sqlx::Error> {
    let written = sqlx::query_scalar!(
        r#"INSERT INTO topics (module_id, slug, title, description, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (module_id, slug) DO UPDATE
           SET title = EXCLUDED.title, description = EXCLUDED.description, position = EXCLUDED.position, is_active = true
           WHERE (topics.title, topics.description, topics.position, topics.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.position, true)
           RETURNING topic_id"#,
        module_id, t.slug, t.title.trim(), t.description.trim(), position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT topic_id FROM topics WHERE module_id = $1 AND slug = $2",
                module_id,
                t.slug
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

/// Upserts a topic's four kinds of exercises; returns the number of rows changed.
pub(super) async fn upsert_exercises(
    tx: &mut Tx<'_>,
    topic_id: i64,
    t: &TopicSeed,
    kept: &mut Kept,
) -> Result<u64, sqlx::Error> {
    let mut changed = 0;
    for (i, x) in t.theory.iter().enumerate() {
        let written = sqlx::query_scalar!(
            r#"INSERT INTO theory (topic_id, slug, title, body, explanation, position) VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (topic_id, slug) DO UPDATE
               SET title = EXCLUDED.title, body = EXCLUDED.body, explanation = EXCLUDED.explanation,
                   position = EXCLUDED.position, is_active = true
               WHERE (theory.title, theory.body, theory.explanation, theory.position, theory.is_active)
                     IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.body, EXCLUDED.explanation, EXCLUDED.position, true)
               RETURNING theory_id"#,
            topic_id, x.slug, x.title.trim(), x.body.trim(), x.explanation.trim(), i as i32 + 1
        )
        .fetch_optional(&mut **tx)
        .await?;
        let existing = match written {
            Some(_) => None,
            None => {
                sqlx::query_scalar!(
                    "SELECT theory_id FROM theory WHERE topic_id = $1 AND slug = $2",
                    topic_id,
                    x.slug
                )
                .fetch_optional(&mut **tx)
                .await?
            }
        };
        let (id, c) = id_and_change(written, existing)?;
        kept.theory.push(id);
        changed += c;
    }
    for (i, q) in t.question.iter().enumerate() {
        let options: Vec<String> = q.options.iter().map(|o| o.trim().to_string()).collect();
        let written = sqlx::query_scalar!(
            r#"INSERT INTO questions (topic_id, slug, title, options, correct_answers, explanation, position)
               VALUES ($1, $2, $3, $4, $5, $6, $7)
               ON CONFLICT (topic_id, slug) DO UPDATE
               SET title = EXCLUDED.title, options = EXCLUDED.options, correct_answers = EXCLUDED.correct_answers,
                   explanation = EXCLUDED.explanation, position = EXCLUDED.position, is_active = true
               WHERE (questions.title, questions.options, questions.correct_answers, questions.explanation,
                      questions.position, questions.is_active)
                     IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.options, EXCLUDED.correct_answers,
                      EXCLUDED.explanation, EXCLUDED.position, true)
               RETURNING question_id"#,
            topic_id, q.slug, q.title.trim(), &options, &q.correct, q.explanation.trim(), i as i32 + 1
        )
        .fetch_optional(&mut **tx)
        .await?;
        let existing = match written {
            Some(_) => None,
            None => {
                sqlx::query_scalar!(
                    "SELECT question_id FROM questions WHERE topic_id = $1 AND slug = $2",
                    topic_id,
                    q.slug
                )
                .fetch_optional(&mut **tx)
                .await?
            }
        };
        let (id, c) = id_and_change(written, existing)?;
        kept.questions.push(id);
        changed += c;
    }
    for (i, x) in t.task.iter().enumerate() {
        let written = sqlx::query_scalar!(
            r#"INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer, accepted_answers, explanation, position)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (topic_id, slug) DO UPDATE
               SET title = EXCLUDED.title, code_question = EXCLUDED.code_question,
                   correct_answer = EXCLUDED.correct_answer, accepted_answers = EXCLUDED.accepted_answers,
                   explanation = EXCLUDED.explanation, position = EXCLUDED.position, is_active = true
               WHERE (tasks.title, tasks.code_question, tasks.correct_answer, tasks.accepted_answers,
                      tasks.explanation, tasks.position, tasks.is_active)
                     IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.code_question, EXCLUDED.correct_answer,
                      EXCLUDED.accepted_answers, EXCLUDED.explanation, EXCLUDED.position, true)
               RETURNING task_id"#,
            topic_id, x.slug, x.title.trim(), x.code.trim_end(), x.answer.trim(), &x.accepted,
            x.explanation.trim(), i as i32 + 1
        )
        .fetch_optional(&mut **tx)
        .await?;
        let existing = match written {
            Some(_) => None,
            None => {
                sqlx::query_scalar!(
                    "SELECT task_id FROM tasks WHERE topic_id = $1 AND slug = $2",
                    topic_id,
                    x.slug
                )
                .fetch_optional(&mut **tx)
                .await?
            }
        };
        let (id, c) = id_and_change(written, existing)?;
        kept.tasks.push(id);
        changed += c;
    }
    for (i, x) in t.case.iter().enumerate() {
        let output = x.output.as_deref().map(str::trim);
        let written = sqlx::query_scalar!(
            r#"INSERT INTO cases (topic_id, slug, title, code_template, correct_fields, expected_output, explanation, position)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (topic_id, slug) DO UPDATE
               SET title = EXCLUDED.title, code_template = EXCLUDED.code_template,
                   correct_fields = EXCLUDED.correct_fields, expected_output = EXCLUDED.expected_output,
                   explanation = EXCLUDED.explanation, position = EXCLUDED.position, is_active = true
               WHERE (cases.title, cases.code_template, cases.correct_fields, cases.expected_output,
                      cases.explanation, cases.position, cases.is_active)
                     IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.code_template, EXCLUDED.correct_fields,
                      EXCLUDED.expected_output, EXCLUDED.explanation, EXCLUDED.position, true)
               RETURNING case_id"#,
            topic_id, x.slug, x.title.trim(), x.template.trim_end(), &x.fields, output,
            x.explanation.trim(), i as i32 + 1
        )
        .fetch_optional(&mut **tx)
        .await?;
        let existing = match written {
            Some(_) => None,
            None => {
                sqlx::query_scalar!(
                    "SELECT case_id FROM cases WHERE topic_id = $1 AND slug = $2",
                    topic_id,
                    x.slug
                )
                .fetch_optional(&mut **tx)
                .await?
            }
        };
        let (id, c) = id_and_change(written, existing)?;
        kept.cases.push(id);
        changed += c;
    }
    Ok(changed)
}

pub(super) async fn upsert_link(
    tx: &mut Tx<'_>,
    module_id: i64,
    l: &LinkSeed,
    position: i32,
) -> Result<(i64, u64), sqlx::Error> {
    let written = sqlx::query_scalar!(
        r#"INSERT INTO module_links (module_id, title, url, position) VALUES ($1, $2, $3, $4)
           ON CONFLICT (module_id, url) DO UPDATE
           SET title = EXCLUDED.title, position = EXCLUDED.position, is_active = true
           WHERE (module_links.title, module_links.position, module_links.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.position, true)
           RETURNING module_link_id"#,
        module_id,
        l.title.trim(),
        l.url.trim(),
        position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT module_link_id FROM module_links WHERE module_id = $1 AND url = $2",
                module_id,
                l.url.trim()
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

pub(super) async fn upsert_project(
    tx: &mut Tx<'_>,
    file: &ProjectsFile,
    p: &ProjectSeed,
    position: i32,
) -> Result<(i64, u64), sqlx::Error> {
    let grade_id = sqlx::query_scalar!(
        "SELECT grade_id FROM grades JOIN professions USING (profession_id)
         WHERE professions.slug = $1 AND grades.level::text = $2",
        file.profession,
        file.grade
    )
    .fetch_one(&mut **tx)
    .await?;
    let written = sqlx::query_scalar!(
        r#"INSERT INTO projects (grade_id, slug, title, description, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (grade_id, slug) DO UPDATE
           SET title = EXCLUDED.title, description = EXCLUDED.description, position = EXCLUDED.position,
               is_active = true
           WHERE (projects.title, projects.description, projects.position, projects.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.position, true)
           RETURNING project_id"#,
        grade_id,
        p.slug,
        p.title.trim(),
        p.description.trim(),
        position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT project_id FROM projects WHERE grade_id = $1 AND slug = $2",
                grade_id,
                p.slug
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}

pub(super) async fn upsert_project_item(
    tx: &mut Tx<'_>,
    project_id: i64,
    item: &ProjectItemSeed,
    position: i32,
) -> Result<(i64, u64), sqlx::Error> {
    let written = sqlx::query_scalar!(
        r#"INSERT INTO project_items (project_id, slug, title, position) VALUES ($1, $2, $3, $4)
           ON CONFLICT (project_id, slug) DO UPDATE
           SET title = EXCLUDED.title, position = EXCLUDED.position, is_active = true
           WHERE (project_items.title, project_items.position, project_items.is_active)
                 IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.position, true)
           RETURNING project_item_id"#,
        project_id,
        item.slug,
        item.title.trim(),
        position
    )
    .fetch_optional(&mut **tx)
    .await?;
    let existing = match written {
        Some(_) => None,
        None => {
            sqlx::query_scalar!(
                "SELECT project_item_id FROM project_items WHERE project_id = $1 AND slug = $2",
                project_id,
                item.slug
            )
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    id_and_change(written, existing)
}
