//! What a learner sees after answering. Built only from a stored answer, so correct
//! answers and explanations never reach a page before the learner has answered.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Feedback {
    /// 0.0–1.0 (cases earn partial credit).
    pub score: f32,
    pub correct: bool,
    pub explanation_html: String,
    pub detail: FeedbackDetail,
}

/// The reply to a stored answer: what to show, and what changed because of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Answered {
    pub feedback: Feedback,
    /// The topic's mastery after this answer, 0–100, for the page's progress bar.
    pub topic_pct: u8,
    /// A fresh client id for the form's next submission (a re-answer is a new row;
    /// a retry of this one reuses the old id and is stored once).
    pub next_client_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum FeedbackDetail {
    Theory {
        understood: bool,
    },
    Question {
        chosen: Vec<i32>,
        correct: Vec<i32>,
    },
    /// `diff_html` marks what was typed against what was expected, whitespace shown.
    Task {
        typed: String,
        expected: String,
        diff_html: String,
    },
    Case {
        typed: Vec<String>,
        correct: Vec<String>,
        right: Vec<bool>,
    },
}

impl Feedback {
    /// The headline: «Верно!», «Неверно» or «Частично верно: 2 из 3».
    pub fn verdict(&self) -> String {
        match &self.detail {
            FeedbackDetail::Theory { understood: true } => "Отлично, идём дальше!".into(),
            FeedbackDetail::Theory { understood: false } => {
                "Ничего страшного — прочитайте разбор ниже.".into()
            }
            FeedbackDetail::Case { right, .. } if !self.correct && right.iter().any(|r| *r) => {
                format!(
                    "Частично верно: {} из {}",
                    right.iter().filter(|r| **r).count(),
                    right.len()
                )
            }
            _ if self.correct => "Верно!".into(),
            _ => "Неверно".into(),
        }
    }
}
