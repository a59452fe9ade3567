//! Grading and storing answers (server only). Every attempt is appended; a retry
//! with the same client id is stored once.

use std::collections::HashMap;

use serde_json::json;
use similar::{ChangeTag, TextDiff};
use sqlx::PgPool;

use super::feedback::{Answered, Feedback, FeedbackDetail};
use super::grading;
use crate::error::AppError;
use crate::server::render::markdown;

/// An answer as it arrives from a form (the same fields with or without JavaScript).
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub kind: String,
    pub exercise_id: i64,
    pub client_id: String,
    pub lesson_id: Option<i64>,
    pub understood: Option<String>,
    pub choice: Option<String>,
    pub picked: HashMap<String, String>,
    pub text: Option<String>,
    pub fields: HashMap<String, String>,
}

/// The response as stored in `answers.response`.
pub enum Response {
    Theory(bool),
    Question(Vec<i32>),
    Task(String),
    Case(Vec<String>),
}

impl Response {
    fn to_json(&self) -> serde_json::Value {
        match self {
            Response::Theory(u) => json!({ "understood": u }),
            Response::Question(c) => json!({ "chosen": c }),
            Response::Task(t) => json!({ "text": t }),
            Response::Case(f) => json!({ "fields": f }),
        }
    }

    pub fn from_json(kind: &str, v: &serde_json::Value) -> Option<Self> {
        Some(match kind {
            "theory" => Response::Theory(v.get("understood")?.as_bool()?),
            "question" => {
                Response::Question(serde_json::from_value(v.get("chosen")?.clone()).ok()?)
            }
            "task" => Response::Task(v.get("text")?.as_str()?.to_string()),
            "case" => Response::Case(serde_json::from_value(v.get("fields")?.clone()).ok()?),
            _ => return None,
        })
    }
}

/// More checkboxes or blanks than any exercise has is not an answer.
const MAX_ENTRIES: usize = 64;
/// The longest «what does it print» answer kept (and diffed).
const MAX_TEXT_BYTES: usize = 10_000;

/// Numbered form fields (`fields[0]`, `picked[2]`) in index order.
fn indexed(map: &HashMap<String, String>) -> Vec<(usize, String)> {
    let mut v: Vec<(usize, String)> = map
        .iter()
        .filter_map(|(k, v)| k.parse().ok().map(|i| (i, v.clone())))
        .collect();
    v.sort();
    v
}

impl Submission {
    fn response(&self) -> Result<Response, AppError> {
        Ok(match self.kind.as_str() {
            "theory" => match self.understood.as_deref() {
                Some("yes") => Response::Theory(true),
                Some("no") => Response::Theory(false),
                _ => {
                    return Err(AppError::invalid(
                        "understood",
                        "Выберите «Понимаю» или «Не понимаю».",
                    ))
                }
            },
            "question" => {
                if self.picked.len() > MAX_ENTRIES {
                    return Err(AppError::invalid(
                        "choice",
                        "Слишком много отмеченных вариантов.",
                    ));
                }
                let mut chosen: Vec<i32> = indexed(&self.picked)
                    .into_iter()
                    .map(|(i, _)| i as i32)
                    .collect();
                if let Some(c) = self.choice.as_deref() {
                    chosen.push(
                        c.parse().map_err(|_| {
                            AppError::invalid("choice", "Неизвестный вариант ответа.")
                        })?,
                    );
                }
                if chosen.is_empty() {
                    return Err(AppError::invalid(
                        "choice",
                        "Выберите хотя бы один вариант.",
                    ));
                }
                chosen.sort();
                chosen.dedup();
                Response::Question(chosen)
            }
            "task" => {
                let text = self.text.clone().unwrap_or_default();
                if text.trim().is_empty() {
                    return Err(AppError::invalid(
                        "text",
                        "Введите ответ: что напечатает код?",
                    ));
                }
                if text.len() > MAX_TEXT_BYTES {
                    return Err(AppError::invalid("text", "Ответ слишком длинный."));
                }
                Response::Task(text)
            }
            "case" => {
                if self.fields.len() > MAX_ENTRIES {
                    return Err(AppError::invalid(
                        "fields",
                        "Слишком много пропусков в ответе.",
                    ));
                }
                let fields: Vec<String> =
                    indexed(&self.fields).into_iter().map(|(_, v)| v).collect();
                if fields.iter().all(|f| f.trim().is_empty()) {
                    return Err(AppError::invalid("fields", "Заполните пропуски в коде."));
                }
                if fields.iter().any(|f| f.len() > 1_000) {
                    return Err(AppError::invalid(
                        "fields",
                        "Слишком длинный ответ в пропуске.",
                    ));
                }
                Response::Case(fields)
            }
            _ => return Err(AppError::invalid("kind", "Неизвестный вид упражнения.")),
        })
    }
}

/// What grading needs to know about an exercise: its key and explanation.
pub enum Key {
    Theory,
    Question(Vec<i32>),
    Task {
        expected: String,
        accepted: Vec<String>,
    },
    Case(Vec<String>),
}

pub struct Exercise {
    pub key: Key,
    pub explanation: String,
}

/// Loads a published exercise's answer key: the exercise, its topic, module,
/// grade and profession all published (`published_topics`), else 404.
/// Returns it with its module, whose lock the caller checks.
pub async fn exercise(pool: &PgPool, kind: &str, id: i64) -> Result<(Exercise, i64), AppError> {
    let found = match kind {
        "theory" => sqlx::query!(
            r#"SELECT x.explanation, p.module_id AS "module_id!" FROM theory x
               JOIN published_topics p USING (topic_id) WHERE x.theory_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Theory, explanation: r.explanation }, r.module_id)),
        "question" => sqlx::query!(
            r#"SELECT x.correct_answers, x.explanation, p.module_id AS "module_id!" FROM questions x
               JOIN published_topics p USING (topic_id) WHERE x.question_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Question(r.correct_answers), explanation: r.explanation }, r.module_id)),
        "task" => sqlx::query!(
            r#"SELECT x.correct_answer, x.accepted_answers, x.explanation, p.module_id AS "module_id!"
               FROM tasks x JOIN published_topics p USING (topic_id) WHERE x.task_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| {
            let key = Key::Task { expected: r.correct_answer, accepted: r.accepted_answers };
            (Exercise { key, explanation: r.explanation }, r.module_id)
        }),
        "case" => sqlx::query!(
            r#"SELECT x.correct_fields, x.explanation, p.module_id AS "module_id!" FROM cases x
               JOIN published_topics p USING (topic_id) WHERE x.case_id = $1 AND x.is_active"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (Exercise { key: Key::Case(r.correct_fields), explanation: r.explanation }, r.module_id)),
        _ => None,
    };
    found.ok_or(AppError::NotFound)
}

/// Grades a response against an exercise and says what to show.
pub fn feedback(exercise: &Exercise, response: &Response) -> Feedback {
    let (score, detail) = match (&exercise.key, response) {
        (Key::Theory, Response::Theory(u)) => (
            if *u { 1.0 } else { 0.0 },
            FeedbackDetail::Theory { understood: *u },
        ),
        (Key::Question(correct), Response::Question(chosen)) => (
            grading::grade_question(chosen, correct),
            FeedbackDetail::Question {
                chosen: chosen.clone(),
                correct: correct.clone(),
            },
        ),
        (Key::Task { expected, accepted }, Response::Task(typed)) => (
            grading::grade_task(typed, expected, accepted),
            FeedbackDetail::Task {
                typed: typed.clone(),
                expected: expected.clone(),
                diff_html: diff_html(&grading::normalize(typed), &grading::normalize(expected)),
            },
        ),
        (Key::Case(correct), Response::Case(typed)) => (
            grading::grade_case(typed, correct),
            FeedbackDetail::Case {
                typed: typed.clone(),
                correct: correct.clone(),
                right: grading::case_blanks(typed, correct),
            },
        ),
        _ => (0.0, FeedbackDetail::Theory { understood: false }),
    };
    Feedback {
        score,
        correct: score >= 1.0,
        explanation_html: markdown(&exercise.explanation),
        detail,
    }
}

/// Typed vs expected, character by character: `<del>` what should not be there,
/// `<ins>` what is missing. Spaces, tabs and line breaks are drawn (·, →, ↵).
pub fn diff_html(typed: &str, expected: &str) -> String {
    fn visible(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                ' ' => out.push('·'),
                '\t' => out.push('→'),
                '\n' => out.push_str("↵\n"),
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out
    }
    // A deadline: past it the diff is coarser, never slow (texts are ≤ 10 KB).
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(50))
        .diff_chars(typed, expected);
    let mut html = String::new();
    for change in diff.iter_all_changes() {
        let text = visible(change.value());
        match change.tag() {
            ChangeTag::Equal => html.push_str(&text),
            ChangeTag::Delete => html.push_str(&format!("<del>{text}</del>")),
            ChangeTag::Insert => html.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    html
}

/// Grades and appends an answer, and says where the topic's mastery now stands.
pub async fn submit(pool: &PgPool, learner_id: i64, s: &Submission) -> Result<Answered, AppError> {
    let feedback = store(pool, learner_id, s).await?;
    let topic_pct =
        crate::progress::queries::exercise_topic_percent(pool, learner_id, &s.kind, s.exercise_id)
            .await?;
    Ok(Answered {
        feedback,
        topic_pct,
        next_client_id: uuid::Uuid::new_v4().to_string(),
    })
}

/// Grades and appends an answer. A retry with the same client id returns the
/// stored answer's feedback and stores nothing new.
async fn store(pool: &PgPool, learner_id: i64, s: &Submission) -> Result<Feedback, AppError> {
    let client_id = uuid::Uuid::parse_str(&s.client_id).map_err(|_| {
        AppError::invalid(
            "client_id",
            "Форма устарела: обновите страницу и ответьте ещё раз.",
        )
    })?;
    let response = s.response()?;
    let (ex, module_id) = exercise(pool, &s.kind, s.exercise_id).await?;
    // The path's lock holds on the server too, not only on the page.
    if !super::queries::module_is_open(pool, learner_id, module_id).await? {
        return Err(AppError::Locked(
            "Этот модуль ещё закрыт: сначала пройдите предыдущий модуль хотя бы на 80 %.".into(),
        ));
    }
    if let Some(lesson) = s.lesson_id {
        let mine = sqlx::query_scalar!(
            "SELECT EXISTS (SELECT 1 FROM lessons WHERE lesson_id = $1 AND learner_id = $2) AS \"m!\"",
            lesson,
            learner_id
        )
        .fetch_one(pool)
        .await?;
        if !mine {
            return Err(AppError::NotFound);
        }
    }
    let fb = feedback(&ex, &response);
    let id = s.exercise_id;
    let (theory, question, task, case) = match s.kind.as_str() {
        "theory" => (Some(id), None, None, None),
        "question" => (None, Some(id), None, None),
        "task" => (None, None, Some(id), None),
        _ => (None, None, None, Some(id)),
    };
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO answers (learner_id, client_id, kind, theory_id, question_id, task_id, case_id,
                                lesson_id, response, score, is_correct)
           VALUES ($1, $2, $3::text::exercise_kind, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (learner_id, client_id) DO NOTHING
           RETURNING answer_id"#,
        learner_id,
        client_id,
        s.kind,
        theory,
        question,
        task,
        case,
        s.lesson_id,
        response.to_json(),
        fb.score,
        fb.correct
    )
    .fetch_optional(pool)
    .await?;
    if inserted.is_some() {
        return Ok(fb);
    }
    // A retry: answer with what was stored the first time.
    let stored = sqlx::query!(
        "SELECT kind::text AS \"kind!\", exercise_id AS \"exercise_id!\", response FROM answers
         WHERE learner_id = $1 AND client_id = $2",
        learner_id,
        client_id
    )
    .fetch_one(pool)
    .await?;
    let (first, _) = exercise(pool, &stored.kind, stored.exercise_id).await?;
    let response = Response::from_json(&stored.kind, &stored.response).ok_or(AppError::Internal)?;
    Ok(feedback(&first, &response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_marks_extra_and_missing_text_and_shows_whitespace() {
        assert_eq!(diff_html("a b", "a b"), "a·b");
        let html = diff_html("1 2", "1\n2");
        assert!(html.contains("<del>·</del>"), "{html}");
        assert!(html.contains("<ins>↵\n</ins>"), "{html}");
        assert_eq!(diff_html("<", "<"), "&lt;");
    }

    #[test]
    fn checkboxes_and_blanks_are_read_in_index_order() {
        let mut s = Submission {
            kind: "case".into(),
            ..Default::default()
        };
        s.fields.insert("1".into(), "b".into());
        s.fields.insert("0".into(), "a".into());
        match s.response().unwrap() {
            Response::Case(f) => assert_eq!(f, vec!["a", "b"]),
            _ => unreachable!(),
        }
        let mut q = Submission {
            kind: "question".into(),
            ..Default::default()
        };
        q.picked.insert("2".into(), "on".into());
        q.picked.insert("0".into(), "on".into());
        match q.response().unwrap() {
            Response::Question(c) => assert_eq!(c, vec![0, 2]),
            _ => unreachable!(),
        }
    }

    #[test]
    fn empty_answers_are_refused_with_a_message() {
        let q = Submission {
            kind: "question".into(),
            ..Default::default()
        };
        assert!(matches!(q.response(), Err(AppError::Invalid { .. })));
        let t = Submission {
            kind: "task".into(),
            text: Some("  ".into()),
            ..Default::default()
        };
        assert!(matches!(t.response(), Err(AppError::Invalid { .. })));
    }
}
