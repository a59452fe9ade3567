//! The rows authors edit and the inputs they submit, shared by /admin's pages,
//! the REST API and the seeds. `version` is the row's `updated_at` as text: a save
//! carries the version it was opened at, and a newer row refuses it.

use serde::{Deserialize, Serialize};

use crate::domain::GradeLevel;

pub use super::inputs::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModuleRow {
    pub module_id: i64,
    pub grade_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TopicRow {
    pub topic_id: i64,
    pub module_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionRow {
    pub question_id: i64,
    pub topic_id: i64,
    pub slug: String,
    pub title: String,
    pub options: Vec<String>,
    /// 0-based indexes into `options`.
    pub correct_answers: Vec<i32>,
    pub explanation: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// What importing a bundle did, or would do (dry run).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BundleReport {
    pub professions: usize,
    pub modules: usize,
    pub topics: usize,
    pub exercises: usize,
    pub created: u64,
    pub updated: u64,
    pub unpublished: u64,
    /// False for a dry run: nothing was changed.
    pub applied: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TaskRow {
    pub task_id: i64,
    pub topic_id: i64,
    pub slug: String,
    pub title: String,
    /// The Python code the learner reads.
    pub code: String,
    /// Exactly what the code prints.
    pub answer: String,
    /// Other outputs graded as correct.
    pub accepted: Vec<String>,
    pub explanation: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// What «Проверить код» saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RunOutput {
    /// What the snippet printed (stdout), as a learner's answer is compared.
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
    pub timed_out: bool,
}

/// A theory card: a question title and a markdown answer; the learner says
/// «Понимаю» or «Не понимаю».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TheoryRow {
    pub theory_id: i64,
    pub topic_id: i64,
    pub slug: String,
    pub title: String,
    /// Markdown: the answer the card reveals.
    pub body: String,
    pub explanation: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// A fill-the-blanks code case: a Python template with `___` blanks and the
/// correct text of each blank, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseRow {
    pub case_id: i64,
    pub topic_id: i64,
    pub slug: String,
    pub title: String,
    pub template: String,
    /// One per `___` in `template`, in order.
    pub fields: Vec<String>,
    pub explanation: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfessionRow {
    pub profession_id: i64,
    pub slug: String,
    pub title: String,
    /// One line under the title in the catalog.
    pub summary: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// A grade of a profession; its slug is its level's URL form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradeRow {
    pub grade_id: i64,
    pub profession_id: i64,
    pub level: GradeLevel,
    pub slug: String,
    pub description: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// A portfolio project of a grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProjectRow {
    pub project_id: i64,
    pub grade_id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// A line of a project's checklist, ticked by each learner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChecklistItemRow {
    pub project_item_id: i64,
    pub project_id: i64,
    pub slug: String,
    pub title: String,
    pub position: i32,
    pub is_active: bool,
    pub version: String,
}

/// Every kind of row authors edit, publish, reorder and delete. A closed set: a
/// match over it is where a new kind must be handled, so none falls through to
/// another kind's form or query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    Profession,
    Grade,
    Project,
    Item,
    Module,
    Topic,
    Question,
    Task,
    Theory,
    Case,
}

impl ContentKind {
    pub const ALL: [ContentKind; 10] = [
        ContentKind::Profession,
        ContentKind::Grade,
        ContentKind::Project,
        ContentKind::Item,
        ContentKind::Module,
        ContentKind::Topic,
        ContentKind::Question,
        ContentKind::Task,
        ContentKind::Theory,
        ContentKind::Case,
    ];

    /// The kind a form names (`kind=topic`); an unknown one is a 422.
    pub fn parse(value: &str) -> Result<Self, crate::error::AppError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .ok_or_else(|| crate::error::AppError::invalid("kind", "Такого вида содержимого нет."))
    }

    /// The `kind` the publish and move server functions take.
    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::Profession => "profession",
            ContentKind::Grade => "grade",
            ContentKind::Project => "project",
            ContentKind::Item => "item",
            ContentKind::Module => "module",
            ContentKind::Topic => "topic",
            ContentKind::Question => "question",
            ContentKind::Task => "task",
            ContentKind::Theory => "theory",
            ContentKind::Case => "case",
        }
    }

    /// «Удалить …»: the noun in the accusative.
    pub fn accusative(self) -> &'static str {
        match self {
            ContentKind::Profession => "профессию",
            ContentKind::Grade => "грейд",
            ContentKind::Project => "проект",
            ContentKind::Item => "пункт",
            ContentKind::Module => "модуль",
            ContentKind::Topic => "тему",
            ContentKind::Question => "вопрос",
            ContentKind::Task => "задачу",
            ContentKind::Theory => "карточку",
            ContentKind::Case => "кейс",
        }
    }

    /// The kind a row of this kind hangs under.
    pub fn parent(self) -> Option<ContentKind> {
        use ContentKind::*;
        match self {
            Profession => None,
            Grade => Some(Profession),
            Project | Module => Some(Grade),
            Item => Some(Project),
            Topic => Some(Module),
            Question | Task | Theory | Case => Some(Topic),
        }
    }

    /// Where a row's editor lives in /admin.
    pub fn admin_path(self, id: i64) -> String {
        let section = match self {
            ContentKind::Profession => "professions",
            ContentKind::Grade => "grades",
            ContentKind::Project => "projects",
            ContentKind::Item => "items",
            ContentKind::Module => "modules",
            ContentKind::Topic => "topics",
            ContentKind::Question => "questions",
            ContentKind::Task => "tasks",
            ContentKind::Theory => "theory",
            ContentKind::Case => "cases",
        };
        format!("/admin/{section}/{id}")
    }

    /// Where a row's parent is edited (the tree, for a profession).
    pub fn parent_admin_path(self, parent: Option<i64>) -> String {
        match (self.parent(), parent) {
            (Some(kind), Some(id)) => kind.admin_path(id),
            _ => "/admin".into(),
        }
    }

    /// Learners tick checklists; they answer everything else.
    pub fn holds_ticks(self) -> bool {
        matches!(self, ContentKind::Project | ContentKind::Item)
    }
}
