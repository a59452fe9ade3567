use serde::{Deserialize, Serialize};

use crate::catalog::GradeLevel;

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
    pub items: Vec<String>,
}

/// `/professions/{p}/{g}/{m}`: a module's topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleView {
    pub trail: Trail,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub topics: Vec<TopicRow>,
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

/// `/professions/{p}/{g}/{m}/{t}`: a topic with its exercises. Holds no correct
/// answers and no explanations: those go out only in the response to an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicView {
    pub trail: Trail,
    pub module_slug: String,
    pub module_title: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub theory: Vec<TheoryCard>,
    pub questions: Vec<QuestionView>,
    pub tasks: Vec<TaskView>,
    pub cases: Vec<CaseView>,
    pub next_topic: Option<TopicLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicLink {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TheoryCard {
    pub id: i64,
    pub title_html: String,
    /// The card's answer, rendered and sanitised markdown.
    pub body_html: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: i64,
    pub title_html: String,
    pub options_html: Vec<String>,
    /// Several options are correct: checkboxes instead of radio buttons.
    pub multiple: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    pub id: i64,
    pub title_html: String,
    /// The snippet, highlighted (grayscale classes).
    pub code_html: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i64,
    pub title_html: String,
    /// The template's code around the blanks: blank i sits between parts i and i+1.
    pub parts: Vec<String>,
}
