//! What the authors' area shows and edits. `version` is the row's `updated_at` as
//! text: a save carries the version it was opened at, and a newer row refuses it.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::catalog::GradeLevel;

/// The OpenAPI schemas of the fields every authored row shares, from the same
/// limits `validate` applies, so generated requests follow the server's rules.
#[cfg(feature = "ssr")]
mod schemas {
    use utoipa::openapi::{ObjectBuilder, Type};

    pub fn slug() -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(super::super::validate::SLUG_PATTERN))
            .min_length(Some(1))
            .max_length(Some(super::super::validate::MAX_SLUG_CHARS))
    }

    /// Not blank: at least one non-space character.
    pub fn title() -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("\\S"))
            .min_length(Some(1))
            .max_length(Some(super::super::validate::MAX_TITLE_CHARS))
    }
}

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

/// Fields of a module or a topic as an author submits them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SectionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub description: String,
    /// Published (true) or a draft (false).
    #[serde(default)]
    pub is_active: bool,
}

/// A question as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 2, max_items = 64))]
    pub options: Vec<String>,
    /// 0-based indexes into `options`.
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 64))]
    pub correct_answers: Vec<i32>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenView {
    pub token_id: i64,
    pub name: String,
    pub prefix: String,
    pub created: String,
    pub last_used: Option<String>,
    pub revoked: bool,
}

/// «Предпросмотр как ученик»: the topic with its drafts, read-only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicPreview {
    pub topic: TopicRow,
    pub sections: Vec<(String, Vec<crate::learning::ExerciseItem>)>,
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

/// An uploaded bundle on /admin/bundles: its name and the dry-run report, or why
/// it cannot be imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadView {
    pub upload_id: i64,
    pub file_name: String,
    pub applied: bool,
    pub report: Result<BundleReport, String>,
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

/// A «what does this code print» task as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TaskInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 20000)
    )]
    pub code: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 10000)
    )]
    pub answer: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_items = 64))]
    pub accepted: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
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

/// A theory card as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TheoryInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 20000)
    )]
    pub body: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
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

/// A case as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "___", max_length = 20000))]
    pub template: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 64))]
    pub fields: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
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

// ---- professions, grades, projects and their checklists -------------------

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

/// A profession as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfessionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub summary: String,
    #[serde(default)]
    pub is_active: bool,
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

/// A grade as an author submits it. One grade per level in a profession.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradeInput {
    pub level: GradeLevel,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub description: String,
    #[serde(default)]
    pub is_active: bool,
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

/// A checklist item as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChecklistItemInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    pub is_active: bool,
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

/// What the «Снять с публикации или удалить» panel acts on. A closed set, so
/// that a new kind cannot fall through to another kind's delete form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
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

impl Section {
    /// The `kind` the publish server function takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Profession => "profession",
            Section::Grade => "grade",
            Section::Project => "project",
            Section::Item => "item",
            Section::Module => "module",
            Section::Topic => "topic",
            Section::Question => "question",
            Section::Task => "task",
            Section::Theory => "theory",
            Section::Case => "case",
        }
    }

    /// «Удалить …»: the noun in the accusative.
    pub fn accusative(self) -> &'static str {
        match self {
            Section::Profession => "профессию",
            Section::Grade => "грейд",
            Section::Project => "проект",
            Section::Item => "пункт",
            Section::Module => "модуль",
            Section::Topic => "тему",
            Section::Question => "вопрос",
            Section::Task => "задачу",
            Section::Theory => "карточку",
            Section::Case => "кейс",
        }
    }

    /// Learners tick checklists; they answer everything else.
    pub fn holds_ticks(self) -> bool {
        matches!(self, Section::Project | Section::Item)
    }
}
