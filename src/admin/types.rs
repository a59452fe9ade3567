//! What the authors' area shows: the tree, the edit pages (a row with where it
//! sits and how many learner answers hang on it), users and uploads.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
pub use crate::authoring::types::*;
use crate::domain::GradeLevel;

/// The whole hierarchy down to topics, drafts included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminTree {
    pub professions: Vec<TreeProfession>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeProfession {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub is_active: bool,
    pub grades: Vec<TreeGrade>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeGrade {
    pub id: i64,
    pub slug: String,
    pub level: GradeLevel,
    pub is_active: bool,
    pub modules: Vec<TreeNode>,
}

/// A module (with its topics as `children`) or a topic (with none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub is_active: bool,
    pub children: Vec<TreeNode>,
}

/// Where an edited row sits: links back up the tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminTrail {
    pub profession_slug: String,
    pub profession_title: String,
    pub grade_id: i64,
    pub grade_slug: String,
    pub level: GradeLevel,
    pub module: Option<(i64, String)>,
    pub topic: Option<(i64, String)>,
}

/// The module edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleEdit {
    pub trail: AdminTrail,
    pub module: ModuleRow,
    pub topics: Vec<TreeNode>,
    pub answers: i64,
}

/// The topic edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicEdit {
    pub trail: AdminTrail,
    pub topic: TopicRow,
    pub questions: Vec<QuestionRow>,
    pub tasks: Vec<TaskRow>,
    pub theory: Vec<TheoryRow>,
    pub cases: Vec<CaseRow>,
    pub answers: i64,
}

/// The question edit page; `*_html` are the learner's view of the markdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionEdit {
    pub trail: AdminTrail,
    pub question: QuestionRow,
    pub title_html: String,
    pub explanation_html: String,
    pub answers: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub learner_id: i64,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub created: String,
}

/// «Предпросмотр как ученик»: the topic with its drafts, read-only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicPreview {
    pub topic: TopicRow,
    pub sections: Vec<(String, Vec<crate::learning::ExerciseItem>)>,
}

/// An uploaded bundle on /admin/bundles: its name and the dry-run report, or why
/// it cannot be imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadView {
    pub upload_id: i64,
    pub file_name: String,
    pub applied: bool,
    pub report: Result<BundleReport, String>,
}

/// The task edit page, with the last «Проверить код» run, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskEdit {
    pub trail: AdminTrail,
    pub task: TaskRow,
    pub code_html: String,
    pub explanation_html: String,
    pub answers: i64,
    pub last_run: Option<RunOutput>,
}

/// The theory card edit page; `*_html` are the learner's view of the markdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TheoryEdit {
    pub trail: AdminTrail,
    pub theory: TheoryRow,
    pub title_html: String,
    pub body_html: String,
    pub explanation_html: String,
    pub answers: i64,
}

/// The case edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEdit {
    pub trail: AdminTrail,
    pub case: CaseRow,
    pub title_html: String,
    pub explanation_html: String,
    pub answers: i64,
}

/// The profession edit page: the profession, its grades and the levels still free.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionEdit {
    pub profession: ProfessionRow,
    pub grades: Vec<GradeRow>,
    pub free_levels: Vec<GradeLevel>,
    pub answers: i64,
}

/// The grade edit page: its modules and projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeEdit {
    pub trail: AdminTrail,
    pub grade: GradeRow,
    pub modules: Vec<TreeNode>,
    pub projects: Vec<ProjectRow>,
    /// Levels this grade may move to: its own and the ones still free.
    pub levels: Vec<GradeLevel>,
    pub answers: i64,
}

/// The project edit page with its checklist; `checks` counts learners' ticks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectEdit {
    pub trail: AdminTrail,
    pub project: ProjectRow,
    pub items: Vec<ChecklistItemRow>,
    pub checks: i64,
}

/// The checklist item edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItemEdit {
    pub trail: AdminTrail,
    pub project: (i64, String),
    pub item: ChecklistItemRow,
    pub checks: i64,
}
