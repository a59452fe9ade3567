use serde::{Deserialize, Serialize};

pub use super::feedback::{Answered, Feedback, FeedbackDetail};
use crate::domain::GradeLevel;

/// Where a page sits in the hierarchy, for breadcrumbs and links back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trail {
    pub profession_slug: String,
    pub profession_title: String,
    pub grade_slug: String,
    pub level: GradeLevel,
}

impl Trail {
    pub fn profession_href(&self) -> String {
        format!("/professions/{}", self.profession_slug)
    }
    pub fn grade_href(&self) -> String {
        format!("/professions/{}/{}", self.profession_slug, self.grade_slug)
    }
    pub fn module_href(&self, module_slug: &str) -> String {
        format!("{}/{}", self.grade_href(), module_slug)
    }
    pub fn topic_href(&self, module_slug: &str, topic_slug: &str) -> String {
        format!("{}/{}/{}", self.grade_href(), module_slug, topic_slug)
    }
}

/// `/professions/{p}/{g}`: the grade's path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradePath {
    pub trail: Trail,
    pub description: String,
    pub modules: Vec<PathModule>,
    pub projects: Vec<ProjectView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeState {
    /// Open and not yet complete: the learner's current module.
    Active,
    /// Reached 80 %: done, still open for review.
    Complete,
    /// Opens when the module before it is complete.
    Locked,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathModule {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub topic_count: i64,
    /// 0.0–1.0, mean of the module's topics.
    pub mastery: f32,
    pub state: NodeState,
    /// The first topic that is not yet mastered, where «Далее» leads.
    pub next_topic_slug: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectView {
    pub title: String,
    pub description: String,
    pub items: Vec<ProjectItemView>,
}

/// A checklist item, ticked off or not by the current learner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectItemView {
    pub id: i64,
    pub title: String,
    pub done: bool,
}

/// `/professions/{p}/{g}/{m}`: a module's topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleView {
    pub trail: Trail,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub topics: Vec<TopicRow>,
    /// Recommended reading.
    pub links: Vec<ModuleLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleLink {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicRow {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// 0–100.
    pub mastery_pct: u8,
    pub counts: ExerciseCounts,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseCounts {
    pub theory: i64,
    pub questions: i64,
    pub tasks: i64,
    pub cases: i64,
}

/// `/professions/{p}/{g}/{m}/{t}`: a topic with its exercises. Correct answers and
/// explanations appear only in `feedback`, i.e. for exercises already answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicView {
    pub trail: Trail,
    pub module_slug: String,
    pub module_title: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    /// 0–100, the current learner's mastery of the topic.
    pub mastery_pct: u8,
    pub theory: Vec<ExerciseItem>,
    pub questions: Vec<ExerciseItem>,
    pub tasks: Vec<ExerciseItem>,
    pub cases: Vec<ExerciseItem>,
    pub next_topic: Option<TopicLink>,
}

impl TopicView {
    pub fn href(&self) -> String {
        self.trail.topic_href(&self.module_slug, &self.slug)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicLink {
    pub slug: String,
    pub title: String,
}

/// One exercise as the learner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExerciseItem {
    pub kind: crate::domain::ExerciseKind,
    pub id: i64,
    pub body: ExerciseBody,
    /// A fresh id for the next submission of this form: a retried post is stored once.
    pub client_id: String,
    /// Whom the page was shown to (the learner id, `none` before a first answer):
    /// an answer queued offline is never counted for someone else.
    pub for_learner: String,
    /// The learner's latest answer, graded; None until they answer.
    pub feedback: Option<Feedback>,
}

impl ExerciseItem {
    /// `question-12`: the anchor and the form-error key of this exercise.
    pub fn key(&self) -> String {
        format!("{}-{}", self.kind, self.id)
    }

    /// The title as plain text (for lists such as «что повторить»).
    pub fn title_html(&self) -> &str {
        match &self.body {
            ExerciseBody::Theory { title_html, .. }
            | ExerciseBody::Question { title_html, .. }
            | ExerciseBody::Task { title_html, .. }
            | ExerciseBody::Case { title_html, .. } => title_html,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ExerciseBody {
    /// A question and its markdown answer (rendered, sanitised).
    Theory {
        title_html: String,
        body_html: String,
    },
    /// `multiple`: several options are correct (checkboxes instead of radios).
    Question {
        title_html: String,
        options_html: Vec<String>,
        multiple: bool,
    },
    /// The snippet, highlighted.
    Task {
        title_html: String,
        code_html: String,
    },
    /// The template cut at its blanks: blank i sits between parts i and i+1.
    Case {
        title_html: String,
        parts: Vec<String>,
    },
}

/// `…/{t}/lesson`: one exercise at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub trail: Trail,
    pub module_slug: String,
    pub topic_slug: String,
    pub topic_title: String,
    /// None before the lesson is started.
    pub lesson_id: Option<i64>,
    pub total: usize,
    /// 1-based; `total + 1` is the end screen.
    pub step: usize,
    pub answered: usize,
    pub item: Option<ExerciseItem>,
    pub summary: Option<LessonSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub answered: usize,
    pub correct: usize,
    pub accuracy_pct: u8,
    pub xp: i64,
    pub seconds: i64,
    /// Exercises to review: (title html, anchor on the topic page).
    pub review: Vec<(String, String)>,
}

/// An answer's form, as the page posts it (the same with and without JavaScript):
/// `understood` (theory: yes/no), `choice` (one option) or `picked[i]` (several),
/// `text` (task), `fields[i]` (case blanks). Numbers (the exercise, the lesson)
/// and the indexed fields are the server function's own arguments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswerForm {
    pub kind: String,
    pub client_id: String,
    pub understood: Option<String>,
    pub choice: Option<String>,
    pub text: Option<String>,
    /// Where a plain form post (no JavaScript) goes back to.
    pub return_to: Option<String>,
    /// Whom the form was shown to (see `ExerciseItem::for_learner`).
    pub for_learner: Option<String>,
}
