//! Answering and progress through the API, by the same rules as the pages: the
//! server grades, answers are append-only, a repeated `client_id` is stored once.

use std::collections::HashMap;

use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::error::{ApiErrorBody, ApiResult, Json};
use crate::learning::answers::{submit, Submission};
use crate::learning::Answered;
use crate::progress::ProfileView;
use crate::server::AppState;

/// One answer. Fill the field of the exercise's kind.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerInput {
    /// theory | question | task | case
    #[schema(pattern = "^(theory|question|task|case)$")]
    pub kind: String,
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

#[utoipa::path(post, path = "/api/v1/answers", tag = "learning", request_body = AnswerInput,
    responses(
        (status = 200, body = Answered, description = "graded and stored (or the stored reply to a retry)"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security((), ("bearer" = [])))]
pub async fn answer(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<AnswerInput>,
) -> ApiResult<Json<Answered>> {
    let learner = caller.ensure_learner(&s.pool).await?;
    let index_map = |v: Vec<String>| -> HashMap<String, String> {
        v.into_iter()
            .enumerate()
            .map(|(i, x)| (i.to_string(), x))
            .collect()
    };
    let submission = Submission {
        kind: input.kind,
        exercise_id: input.exercise_id,
        client_id: input.client_id,
        lesson_id: None,
        understood: input
            .understood
            .map(|u| if u { "yes" } else { "no" }.to_string()),
        choice: None,
        picked: input
            .chosen
            .unwrap_or_default()
            .into_iter()
            .map(|i| (i.to_string(), "on".to_string()))
            .collect(),
        text: input.text,
        fields: index_map(input.fields.unwrap_or_default()),
    };
    Ok(Json(submit(&s.pool, learner, &submission).await?))
}

/// The caller's progress: XP, streaks, the week and mastery per profession and grade.
#[utoipa::path(get, path = "/api/v1/progress", tag = "learning",
    responses((status = 200, body = ProfileView), (status = 401, body = ApiErrorBody)),
    security((), ("bearer" = [])))]
pub async fn progress(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<ProfileView>> {
    let learner = caller.learner(&s.pool).await?;
    Ok(Json(
        crate::progress::queries::profile(&s.pool, learner).await?,
    ))
}
