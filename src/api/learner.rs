//! Answering and progress through the API, by the same rules as the pages: the
//! server grades, answers are append-only, a repeated `client_id` is stored once.

use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::error::{ApiErrorBody, ApiResult, Json};
use crate::domain::ExerciseKind;
use crate::error::AppError;
use crate::learning::answers::{client_id, submit, Attempt, Response};
use crate::learning::Answered;
use crate::progress::ProfileView;
use crate::server::AppState;

/// One answer. Fill the field of the exercise's kind.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerInput {
    pub kind: ExerciseKind,
    #[schema(minimum = 1)]
    pub exercise_id: i64,
    /// A UUID made by the client; a retry with the same id is stored once.
    #[schema(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub client_id: String,
    /// theory: true for «Понимаю», false for «Не понимаю».
    pub understood: Option<bool>,
    /// question: 0-based indexes of the chosen options.
    pub chosen: Option<Vec<i32>>,
    /// task: what the code prints.
    pub text: Option<String>,
    /// case: the blanks in order.
    pub fields: Option<Vec<String>>,
}

impl AnswerInput {
    /// The JSON's fields read by the kind it names (the API's edge of the pipeline).
    fn attempt(self) -> Result<Attempt, AppError> {
        let client_id = client_id(&self.client_id)?;
        let response = match self.kind {
            ExerciseKind::Theory => Response::Theory(self.understood.ok_or_else(|| {
                AppError::invalid("understood", "Выберите «Понимаю» или «Не понимаю».")
            })?),
            ExerciseKind::Question => Response::Question(self.chosen.unwrap_or_default()),
            ExerciseKind::Task => Response::Task(self.text.unwrap_or_default()),
            ExerciseKind::Case => Response::Case(self.fields.unwrap_or_default()),
        };
        Ok(Attempt {
            exercise_id: self.exercise_id,
            client_id,
            lesson_id: None,
            response: response.checked()?,
        })
    }
}

#[utoipa::path(post, path = "/answers", tag = "learning", request_body = AnswerInput,
    responses(
        (status = 200, body = Answered, description = "graded and stored (or the stored reply to a retry)"),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody, description = "the module is still locked"),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security((), ("bearer" = [])))]
pub async fn answer(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<AnswerInput>,
) -> ApiResult<Json<Answered>> {
    let learner = caller.ensure_learner(&s.pool).await?;
    Ok(Json(submit(&s.pool, learner, &input.attempt()?).await?))
}

/// The caller's progress: XP, streaks, the week and mastery per profession and grade.
#[utoipa::path(get, path = "/progress", tag = "learning",
    responses((status = 200, body = ProfileView), (status = 401, body = ApiErrorBody)),
    security((), ("bearer" = [])))]
pub async fn progress(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<ProfileView>> {
    let learner = caller.learner(&s.pool).await?;
    Ok(Json(
        crate::progress::queries::profile(&s.pool, learner).await?,
    ))
}
