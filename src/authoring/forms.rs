//! The fields of /admin's forms, as a browser posts them without JavaScript: text
//! for everything, a checkbox that is there or not, lists one entry per line.
//! Each becomes its kind's input (`FormInput`), which the core then validates.
//! Server functions take one of these (`#[server(flatten)]`), so a form's field
//! names are the struct's.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::error::{AppError, FieldError};

/// A posted form turned into what the authoring core takes.
pub trait FormInput {
    type Input;
    fn into_input(self) -> Result<Self::Input, AppError>;
}

/// A checkbox posts `on` when ticked and nothing otherwise.
pub fn checked(v: &Option<String>) -> bool {
    v.as_deref()
        .is_some_and(|v| v == "on" || v == "true" || v == "yes")
}

/// Browsers post line breaks as CRLF; the content stores LF.
fn lf(text: String) -> String {
    text.replace("\r\n", "\n")
}

/// One entry per non-blank line, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A module, a topic or a project.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SectionForm {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub is_active: Option<String>,
}

impl FormInput for SectionForm {
    type Input = SectionInput;
    fn into_input(self) -> Result<SectionInput, AppError> {
        Ok(SectionInput {
            slug: self.slug,
            title: self.title,
            description: self.description,
            is_active: checked(&self.is_active),
        })
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfessionForm {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub is_active: Option<String>,
}

impl FormInput for ProfessionForm {
    type Input = ProfessionInput;
    fn into_input(self) -> Result<ProfessionInput, AppError> {
        Ok(ProfessionInput {
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            is_active: checked(&self.is_active),
        })
    }
}

/// `level` is a `<select>` of the levels still free.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GradeForm {
    pub level: String,
    #[serde(default)]
    pub description: String,
    pub is_active: Option<String>,
}

impl FormInput for GradeForm {
    type Input = GradeInput;
    fn into_input(self) -> Result<GradeInput, AppError> {
        let level = crate::domain::GradeLevel::from_db(&self.level)
            .ok_or_else(|| AppError::invalid("level", "Выберите уровень из списка."))?;
        Ok(GradeInput {
            level,
            description: self.description,
            is_active: checked(&self.is_active),
        })
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ChecklistItemForm {
    pub slug: String,
    pub title: String,
    pub is_active: Option<String>,
}

impl FormInput for ChecklistItemForm {
    type Input = ChecklistItemInput;
    fn into_input(self) -> Result<ChecklistItemInput, AppError> {
        Ok(ChecklistItemInput {
            slug: self.slug,
            title: self.title,
            is_active: checked(&self.is_active),
        })
    }
}

/// Options one per line; the correct ones as 1-based numbers: «1, 3».
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuestionForm {
    pub slug: String,
    pub title: String,
    pub options: String,
    pub correct: String,
    #[serde(default)]
    pub explanation: String,
    pub is_active: Option<String>,
}

impl FormInput for QuestionForm {
    type Input = QuestionInput;
    fn into_input(self) -> Result<QuestionInput, AppError> {
        let mut correct_answers = Vec::new();
        for part in self
            .correct
            .split([',', ' ', ';'])
            .filter(|p| !p.trim().is_empty())
        {
            match part.trim().parse::<i32>() {
                Ok(n) => correct_answers.push(n - 1),
                Err(_) => {
                    return Err(AppError::Fields(vec![FieldError {
                        field: "correct_answers".into(),
                        message: "Номера верных вариантов — числа через запятую: 1, 3.".into(),
                    }]))
                }
            }
        }
        Ok(QuestionInput {
            slug: self.slug,
            title: self.title,
            options: lines(&self.options),
            correct_answers,
            explanation: self.explanation,
            is_active: checked(&self.is_active),
        })
    }
}

/// Other accepted outputs are separated by a line `---`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TaskForm {
    pub slug: String,
    pub title: String,
    pub code: String,
    pub answer: String,
    #[serde(default)]
    pub accepted: String,
    #[serde(default)]
    pub explanation: String,
    pub is_active: Option<String>,
}

impl FormInput for TaskForm {
    type Input = TaskInput;
    fn into_input(self) -> Result<TaskInput, AppError> {
        Ok(TaskInput {
            slug: self.slug,
            title: self.title,
            code: lf(self.code),
            answer: lf(self.answer),
            accepted: lf(self.accepted)
                .split("\n---\n")
                .map(str::trim_end)
                .filter(|a| !a.trim().is_empty())
                .map(String::from)
                .collect(),
            explanation: self.explanation,
            is_active: checked(&self.is_active),
        })
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TheoryForm {
    pub slug: String,
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub explanation: String,
    pub is_active: Option<String>,
}

impl FormInput for TheoryForm {
    type Input = TheoryInput;
    fn into_input(self) -> Result<TheoryInput, AppError> {
        Ok(TheoryInput {
            slug: self.slug,
            title: self.title,
            body: lf(self.body),
            explanation: self.explanation,
            is_active: checked(&self.is_active),
        })
    }
}

/// The answers to the template's blanks, one per line, in order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CaseForm {
    pub slug: String,
    pub title: String,
    pub template: String,
    #[serde(default)]
    pub fields: String,
    #[serde(default)]
    pub explanation: String,
    pub is_active: Option<String>,
}

impl FormInput for CaseForm {
    type Input = CaseInput;
    fn into_input(self) -> Result<CaseInput, AppError> {
        Ok(CaseInput {
            slug: self.slug,
            title: self.title,
            template: lf(self.template),
            fields: lines(&self.fields),
            explanation: self.explanation,
            is_active: checked(&self.is_active),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_form_reads_one_option_per_line_and_numbers_from_one() {
        let q = QuestionForm {
            slug: "q".into(),
            title: "?".into(),
            options: "да\r\n\r\n нет \n".into(),
            correct: "2; 1".into(),
            is_active: Some("on".into()),
            ..Default::default()
        }
        .into_input()
        .unwrap();
        assert_eq!(q.options, ["да", "нет"]);
        assert_eq!(q.correct_answers, [1, 0]);
        assert!(q.is_active);
        let bad = QuestionForm {
            correct: "первый".into(),
            ..Default::default()
        };
        assert!(matches!(bad.into_input(), Err(AppError::Fields(_))));
    }

    #[test]
    fn a_task_form_splits_accepted_outputs_on_dashes_and_keeps_lf() {
        let t = TaskForm {
            code: "print(1)\r\nprint(2)".into(),
            accepted: "1\r\n---\r\n1.0\r\n---\r\n  ".into(),
            ..Default::default()
        }
        .into_input()
        .unwrap();
        assert_eq!(t.code, "print(1)\nprint(2)");
        assert_eq!(t.accepted, ["1", "1.0"]);
        assert!(!t.is_active);
    }
}
