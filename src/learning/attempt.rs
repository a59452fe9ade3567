//! An answer as the pipeline takes it (`Attempt`), whichever edge it came from,
//! and the edge of a page's form (`Submission`). Each kind's limits are checked
//! once, in `Response::checked`, for every edge.

use std::collections::HashMap;

use serde_json::json;
use uuid::Uuid;

use crate::domain::ExerciseKind;
use crate::error::AppError;

/// What a learner answered, by kind. Stored in `answers.response` as
/// `{"understood"}`, `{"chosen"}`, `{"text"}` or `{"fields"}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Theory(bool),
    /// 0-based option indexes, ascending, each once.
    Question(Vec<i32>),
    Task(String),
    Case(Vec<String>),
}

/// More checkboxes or blanks than any exercise has is not an answer.
const MAX_ENTRIES: usize = 64;
/// The longest «what does it print» answer kept (and diffed).
const MAX_TEXT_BYTES: usize = 10_000;
/// The longest answer to one blank.
const MAX_BLANK_BYTES: usize = 1_000;

impl Response {
    pub fn kind(&self) -> ExerciseKind {
        match self {
            Response::Theory(_) => ExerciseKind::Theory,
            Response::Question(_) => ExerciseKind::Question,
            Response::Task(_) => ExerciseKind::Task,
            Response::Case(_) => ExerciseKind::Case,
        }
    }

    pub(super) fn to_json(&self) -> serde_json::Value {
        match self {
            Response::Theory(u) => json!({ "understood": u }),
            Response::Question(c) => json!({ "chosen": c }),
            Response::Task(t) => json!({ "text": t }),
            Response::Case(f) => json!({ "fields": f }),
        }
    }

    pub(super) fn from_json(kind: ExerciseKind, v: &serde_json::Value) -> Option<Self> {
        Some(match kind {
            ExerciseKind::Theory => Response::Theory(v.get("understood")?.as_bool()?),
            ExerciseKind::Question => {
                Response::Question(serde_json::from_value(v.get("chosen")?.clone()).ok()?)
            }
            ExerciseKind::Task => Response::Task(v.get("text")?.as_str()?.to_string()),
            ExerciseKind::Case => {
                Response::Case(serde_json::from_value(v.get("fields")?.clone()).ok()?)
            }
        })
    }

    /// The limits every edge's answer meets, with the message a learner reads.
    pub fn checked(self) -> Result<Self, AppError> {
        Ok(match self {
            Response::Theory(_) => self,
            Response::Question(mut chosen) => {
                if chosen.len() > MAX_ENTRIES {
                    return Err(AppError::invalid(
                        "choice",
                        "Слишком много отмеченных вариантов.",
                    ));
                }
                if chosen.iter().any(|&c| c < 0) {
                    return Err(AppError::invalid("choice", "Неизвестный вариант ответа."));
                }
                if chosen.is_empty() {
                    return Err(AppError::invalid(
                        "choice",
                        "Выберите хотя бы один вариант.",
                    ));
                }
                chosen.sort_unstable();
                chosen.dedup();
                Response::Question(chosen)
            }
            Response::Task(text) => {
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
            Response::Case(fields) => {
                if fields.len() > MAX_ENTRIES {
                    return Err(AppError::invalid(
                        "fields",
                        "Слишком много пропусков в ответе.",
                    ));
                }
                if fields.iter().all(|f| f.trim().is_empty()) {
                    return Err(AppError::invalid("fields", "Заполните пропуски в коде."));
                }
                if fields.iter().any(|f| f.len() > MAX_BLANK_BYTES) {
                    return Err(AppError::invalid(
                        "fields",
                        "Слишком длинный ответ в пропуске.",
                    ));
                }
                Response::Case(fields)
            }
        })
    }
}

/// One answer to grade and store, whichever edge it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub exercise_id: i64,
    /// Made by the client: a retry with the same id is stored once.
    pub client_id: Uuid,
    pub lesson_id: Option<i64>,
    pub response: Response,
}

/// A client id as a form or the API sends it.
pub fn client_id(value: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(value).map_err(|_| {
        AppError::invalid(
            "client_id",
            "Форма устарела: обновите страницу и ответьте ещё раз.",
        )
    })
}

/// An answer as it arrives from a page's form (the same fields with or without
/// JavaScript): `understood` (yes/no), `choice` (one option) or `picked[i]`
/// (several), `text`, `fields[i]`.
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
    /// The form's fields read once, by the kind they name.
    pub fn attempt(self) -> Result<Attempt, AppError> {
        let client_id = client_id(&self.client_id)?;
        let kind = ExerciseKind::parse(&self.kind)
            .ok_or_else(|| AppError::invalid("kind", "Неизвестный вид упражнения."))?;
        let response =
            match kind {
                ExerciseKind::Theory => match self.understood.as_deref() {
                    Some("yes") => Response::Theory(true),
                    Some("no") => Response::Theory(false),
                    _ => {
                        return Err(AppError::invalid(
                            "understood",
                            "Выберите «Понимаю» или «Не понимаю».",
                        ))
                    }
                },
                ExerciseKind::Question => {
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
                        chosen.push(c.parse().map_err(|_| {
                            AppError::invalid("choice", "Неизвестный вариант ответа.")
                        })?);
                    }
                    Response::Question(chosen)
                }
                ExerciseKind::Task => Response::Task(self.text.unwrap_or_default()),
                ExerciseKind::Case => {
                    if self.fields.len() > MAX_ENTRIES {
                        return Err(AppError::invalid(
                            "fields",
                            "Слишком много пропусков в ответе.",
                        ));
                    }
                    Response::Case(indexed(&self.fields).into_iter().map(|(_, v)| v).collect())
                }
            };
        Ok(Attempt {
            exercise_id: self.exercise_id,
            client_id,
            lesson_id: self.lesson_id,
            response: response.checked()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str) -> Submission {
        Submission {
            kind: kind.into(),
            client_id: Uuid::new_v4().to_string(),
            ..Default::default()
        }
    }

    #[test]
    fn checkboxes_and_blanks_are_read_in_index_order() {
        let mut s = form("case");
        s.fields.insert("1".into(), "b".into());
        s.fields.insert("0".into(), "a".into());
        match s.attempt().unwrap().response {
            Response::Case(f) => assert_eq!(f, vec!["a", "b"]),
            _ => unreachable!(),
        }
        let mut q = form("question");
        q.picked.insert("2".into(), "on".into());
        q.picked.insert("0".into(), "on".into());
        match q.attempt().unwrap().response {
            Response::Question(c) => assert_eq!(c, vec![0, 2]),
            _ => unreachable!(),
        }
    }

    #[test]
    fn empty_answers_are_refused_with_a_message() {
        let q = form("question");
        assert!(matches!(q.attempt(), Err(AppError::Invalid { .. })));
        let t = Submission {
            text: Some("  ".into()),
            ..form("task")
        };
        assert!(matches!(t.attempt(), Err(AppError::Invalid { .. })));
    }

    #[test]
    fn a_form_names_an_existing_kind_and_a_uuid_before_anything_is_read() {
        let mut bad_id = form("theory");
        bad_id.client_id = "not-a-uuid".into();
        let err = bad_id.attempt().unwrap_err();
        assert!(err.message_for("client_id").is_some(), "{err:?}");
        let unknown = Submission {
            understood: Some("yes".into()),
            ..form("code")
        };
        let err = unknown.attempt().unwrap_err();
        assert!(err.message_for("kind").is_some(), "{err:?}");
    }

    #[test]
    fn every_edge_meets_the_same_limits() {
        assert!(Response::Question(vec![-1]).checked().is_err());
        assert!(Response::Question(vec![]).checked().is_err());
        assert_eq!(
            Response::Question(vec![2, 0, 2]).checked().unwrap(),
            Response::Question(vec![0, 2])
        );
        assert!(Response::Task("x".repeat(MAX_TEXT_BYTES + 1))
            .checked()
            .is_err());
        assert!(Response::Case(vec![" ".into()]).checked().is_err());
        assert!(Response::Case(vec!["a".repeat(MAX_BLANK_BYTES + 1)])
            .checked()
            .is_err());
        assert!(Response::Case(vec!["a".into(), "".into()])
            .checked()
            .is_ok());
    }
}
