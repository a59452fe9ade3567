//! The edit pages: a row (through the authoring core), where it sits, what hangs
//! under it, and how many learner answers or ticks go with it.

use sqlx::PgPool;

use super::trail;
use crate::admin::types::*;
use crate::authoring::core::{dependents, get, list, Authorable};
use crate::domain::GradeLevel;
use crate::error::AppError;
use crate::server::render::{code_html, markdown};

/// Where an exercise sits: grade, module and topic, for its editor's links.
async fn topic_trail(pool: &PgPool, topic_id: i64) -> Result<AdminTrail, AppError> {
    let t = get::<TopicRow>(pool, topic_id).await?;
    let m = get::<ModuleRow>(pool, t.module_id).await?;
    trail(
        pool,
        m.grade_id,
        Some((m.module_id, m.title)),
        Some((t.topic_id, t.title)),
    )
    .await
}

/// A row for its edit page, with the answers (or ticks) that hang on it.
async fn with_dependents<K: Authorable>(pool: &PgPool, id: i64) -> Result<(K, i64), AppError> {
    let row = get::<K>(pool, id).await?;
    Ok((row, dependents::<K>(pool, id).await?))
}

fn node(id: i64, slug: String, title: String, is_active: bool) -> TreeNode {
    TreeNode {
        id,
        slug,
        title,
        is_active,
        children: vec![],
    }
}

pub async fn profession_edit(pool: &PgPool, id: i64) -> Result<ProfessionEdit, AppError> {
    let (profession, answers) = with_dependents::<ProfessionRow>(pool, id).await?;
    let grades = list::<GradeRow>(pool, id).await?;
    let free_levels = GradeLevel::ALL
        .into_iter()
        .filter(|l| grades.iter().all(|g| g.level != *l))
        .collect();
    Ok(ProfessionEdit {
        answers,
        profession,
        grades,
        free_levels,
    })
}

pub async fn grade_edit(pool: &PgPool, id: i64) -> Result<GradeEdit, AppError> {
    let (grade, answers) = with_dependents::<GradeRow>(pool, id).await?;
    let siblings = list::<GradeRow>(pool, grade.profession_id).await?;
    let levels = GradeLevel::ALL
        .into_iter()
        .filter(|l| *l == grade.level || siblings.iter().all(|g| g.level != *l))
        .collect();
    let modules = list::<ModuleRow>(pool, id)
        .await?
        .into_iter()
        .map(|m| node(m.module_id, m.slug, m.title, m.is_active))
        .collect();
    Ok(GradeEdit {
        trail: trail(pool, id, None, None).await?,
        projects: list::<ProjectRow>(pool, id).await?,
        answers,
        modules,
        levels,
        grade,
    })
}

pub async fn module_edit(pool: &PgPool, id: i64) -> Result<ModuleEdit, AppError> {
    let (module, answers) = with_dependents::<ModuleRow>(pool, id).await?;
    let topics = list::<TopicRow>(pool, id)
        .await?
        .into_iter()
        .map(|t| node(t.topic_id, t.slug, t.title, t.is_active))
        .collect();
    Ok(ModuleEdit {
        trail: trail(pool, module.grade_id, None, None).await?,
        answers,
        module,
        topics,
    })
}

pub async fn topic_edit(pool: &PgPool, id: i64) -> Result<TopicEdit, AppError> {
    let (topic, answers) = with_dependents::<TopicRow>(pool, id).await?;
    let m = get::<ModuleRow>(pool, topic.module_id).await?;
    Ok(TopicEdit {
        trail: trail(pool, m.grade_id, Some((m.module_id, m.title)), None).await?,
        questions: list(pool, id).await?,
        tasks: list(pool, id).await?,
        theory: list(pool, id).await?,
        cases: list(pool, id).await?,
        answers,
        topic,
    })
}

pub async fn topic_preview(pool: &PgPool, id: i64) -> Result<TopicPreview, AppError> {
    let topic = get::<TopicRow>(pool, id).await?;
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

pub async fn question_edit(pool: &PgPool, id: i64) -> Result<QuestionEdit, AppError> {
    let (question, answers) = with_dependents::<QuestionRow>(pool, id).await?;
    Ok(QuestionEdit {
        trail: topic_trail(pool, question.topic_id).await?,
        title_html: markdown(&question.title),
        explanation_html: markdown(&question.explanation),
        answers,
        question,
    })
}

pub async fn task_edit(
    pool: &PgPool,
    id: i64,
    last_run: Option<RunOutput>,
) -> Result<TaskEdit, AppError> {
    let (task, answers) = with_dependents::<TaskRow>(pool, id).await?;
    Ok(TaskEdit {
        trail: topic_trail(pool, task.topic_id).await?,
        code_html: code_html(&task.code),
        explanation_html: markdown(&task.explanation),
        answers,
        last_run,
        task,
    })
}

pub async fn theory_edit(pool: &PgPool, id: i64) -> Result<TheoryEdit, AppError> {
    let (theory, answers) = with_dependents::<TheoryRow>(pool, id).await?;
    Ok(TheoryEdit {
        trail: topic_trail(pool, theory.topic_id).await?,
        title_html: markdown(&theory.title),
        body_html: markdown(&theory.body),
        explanation_html: markdown(&theory.explanation),
        answers,
        theory,
    })
}

pub async fn case_edit(pool: &PgPool, id: i64) -> Result<CaseEdit, AppError> {
    let (case, answers) = with_dependents::<CaseRow>(pool, id).await?;
    Ok(CaseEdit {
        trail: topic_trail(pool, case.topic_id).await?,
        title_html: markdown(&case.title),
        explanation_html: markdown(&case.explanation),
        answers,
        case,
    })
}

pub async fn project_edit(pool: &PgPool, id: i64) -> Result<ProjectEdit, AppError> {
    let (project, checks) = with_dependents::<ProjectRow>(pool, id).await?;
    Ok(ProjectEdit {
        trail: trail(pool, project.grade_id, None, None).await?,
        items: list(pool, id).await?,
        checks,
        project,
    })
}

pub async fn checklist_item_edit(pool: &PgPool, id: i64) -> Result<ChecklistItemEdit, AppError> {
    let (item, checks) = with_dependents::<ChecklistItemRow>(pool, id).await?;
    let p = get::<ProjectRow>(pool, item.project_id).await?;
    Ok(ChecklistItemEdit {
        trail: trail(pool, p.grade_id, None, None).await?,
        project: (p.project_id, p.title),
        checks,
        item,
    })
}
