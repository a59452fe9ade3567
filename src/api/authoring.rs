//! CRUD for authors (role author or admin; by token or session). The queries are
//! /admin's own, so validation, optimistic locking and delete confirmation are the
//! same here: PUT carries the `version` it read, DELETE of something learners
//! answered needs `?confirm=true`.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::error::{ApiErrorBody, ApiResult, Json, Path, Query};
use crate::admin::queries as q;
use crate::admin::{
    CaseInput, CaseRow, ModuleRow, QuestionInput, QuestionRow, RunOutput, SectionInput, TaskInput,
    TaskRow, TheoryInput, TheoryRow, TopicRow,
};
use crate::auth::Role;
use crate::server::AppState;

/// An update: the fields, and the `version` the client read (409 when stale).
#[derive(Debug, Deserialize, ToSchema)]
pub struct Versioned<T> {
    pub version: String,
    #[serde(flatten)]
    pub fields: T,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteParams {
    /// Required when learners have answered exercises inside.
    pub confirm: Option<bool>,
}

// ---- modules ---------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/grades/{grade_id}/modules", tag = "authoring",
    params(("grade_id" = i64, Path)),
    responses((status = 200, body = Vec<ModuleRow>, description = "drafts included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_modules(
    State(s): State<AppState>,
    c: Caller,
    Path(grade_id): Path<i64>,
) -> ApiResult<Json<Vec<ModuleRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::modules_of_grade(&s.pool, grade_id).await?))
}

#[utoipa::path(post, path = "/api/v1/grades/{grade_id}/modules", tag = "authoring",
    params(("grade_id" = i64, Path)), request_body = SectionInput,
    responses((status = 201, body = ModuleRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_module(
    State(s): State<AppState>,
    c: Caller,
    Path(grade_id): Path<i64>,
    Json(input): Json<SectionInput>,
) -> ApiResult<(StatusCode, Json<ModuleRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_module(&s.pool, grade_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/modules/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = ModuleRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_module(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<ModuleRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::module(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/modules/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<SectionInput>,
    responses((status = 200, body = ModuleRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_module(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<SectionInput>>,
) -> ApiResult<Json<ModuleRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_module(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/modules/{id}", tag = "authoring", params(("id" = i64, Path), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_module(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_module(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- topics ----------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/modules/{module_id}/topics", tag = "authoring",
    params(("module_id" = i64, Path)),
    responses((status = 200, body = Vec<TopicRow>, description = "drafts included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_topics(
    State(s): State<AppState>,
    c: Caller,
    Path(module_id): Path<i64>,
) -> ApiResult<Json<Vec<TopicRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::topics_of_module(&s.pool, module_id).await?))
}

#[utoipa::path(post, path = "/api/v1/modules/{module_id}/topics", tag = "authoring",
    params(("module_id" = i64, Path)), request_body = SectionInput,
    responses((status = 201, body = TopicRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_topic(
    State(s): State<AppState>,
    c: Caller,
    Path(module_id): Path<i64>,
    Json(input): Json<SectionInput>,
) -> ApiResult<(StatusCode, Json<TopicRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_topic(&s.pool, module_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/topics/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = TopicRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_topic(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<TopicRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::topic(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/topics/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<SectionInput>,
    responses((status = 200, body = TopicRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_topic(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<SectionInput>>,
) -> ApiResult<Json<TopicRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_topic(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/topics/{id}", tag = "authoring", params(("id" = i64, Path), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_topic(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_topic(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- questions -------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/topics/{topic_id}/questions", tag = "authoring",
    params(("topic_id" = i64, Path)),
    responses((status = 200, body = Vec<QuestionRow>, description = "drafts and correct answers included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_questions(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
) -> ApiResult<Json<Vec<QuestionRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::questions_of_topic(&s.pool, topic_id).await?))
}

#[utoipa::path(post, path = "/api/v1/topics/{topic_id}/questions", tag = "authoring",
    params(("topic_id" = i64, Path)), request_body = QuestionInput,
    responses((status = 201, body = QuestionRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_question(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
    Json(input): Json<QuestionInput>,
) -> ApiResult<(StatusCode, Json<QuestionRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_question(&s.pool, topic_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/questions/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = QuestionRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_question(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<QuestionRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::question(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/questions/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<QuestionInput>,
    responses((status = 200, body = QuestionRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_question(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<QuestionInput>>,
) -> ApiResult<Json<QuestionRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_question(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/questions/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_question(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_question(&s.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- tasks -----------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/topics/{topic_id}/tasks", tag = "authoring",
    params(("topic_id" = i64, Path)),
    responses((status = 200, body = Vec<TaskRow>, description = "drafts and answers included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_tasks(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
) -> ApiResult<Json<Vec<TaskRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::tasks_of_topic(&s.pool, topic_id).await?))
}

#[utoipa::path(post, path = "/api/v1/topics/{topic_id}/tasks", tag = "authoring",
    params(("topic_id" = i64, Path)), request_body = TaskInput,
    responses((status = 201, body = TaskRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_task(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
    Json(input): Json<TaskInput>,
) -> ApiResult<(StatusCode, Json<TaskRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_task(&s.pool, topic_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/tasks/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = TaskRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_task(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<TaskRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::task(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/tasks/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<TaskInput>,
    responses((status = 200, body = TaskRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_task(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<TaskInput>>,
) -> ApiResult<Json<TaskRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_task(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/tasks/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_task(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_task(&s.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- theory cards -------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/topics/{topic_id}/theory", tag = "authoring",
    params(("topic_id" = i64, Path)),
    responses((status = 200, body = Vec<TheoryRow>, description = "drafts and answers included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_theory_cards(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
) -> ApiResult<Json<Vec<TheoryRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::theory_of_topic(&s.pool, topic_id).await?))
}

#[utoipa::path(post, path = "/api/v1/topics/{topic_id}/theory", tag = "authoring",
    params(("topic_id" = i64, Path)), request_body = TheoryInput,
    responses((status = 201, body = TheoryRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_theory_card(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
    Json(input): Json<TheoryInput>,
) -> ApiResult<(StatusCode, Json<TheoryRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_theory(&s.pool, topic_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/theory/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = TheoryRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_theory_card(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<TheoryRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::theory(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/theory/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<TheoryInput>,
    responses((status = 200, body = TheoryRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_theory_card(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<TheoryInput>>,
) -> ApiResult<Json<TheoryRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_theory(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/theory/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_theory_card(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_theory(&s.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- cases --------------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/topics/{topic_id}/cases", tag = "authoring",
    params(("topic_id" = i64, Path)),
    responses((status = 200, body = Vec<CaseRow>, description = "drafts and answers included"),
        (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_cases(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
) -> ApiResult<Json<Vec<CaseRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::cases_of_topic(&s.pool, topic_id).await?))
}

#[utoipa::path(post, path = "/api/v1/topics/{topic_id}/cases", tag = "authoring",
    params(("topic_id" = i64, Path)), request_body = CaseInput,
    responses((status = 201, body = CaseRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_case(
    State(s): State<AppState>,
    c: Caller,
    Path(topic_id): Path<i64>,
    Json(input): Json<CaseInput>,
) -> ApiResult<(StatusCode, Json<CaseRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_case(&s.pool, topic_id, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = CaseRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_case(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::case(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/cases/{id}", tag = "authoring", params(("id" = i64, Path)),
    request_body = Versioned<CaseInput>,
    responses((status = 200, body = CaseRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_case(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<CaseInput>>,
) -> ApiResult<Json<CaseRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_case(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/cases/{id}", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_case(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_case(&s.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// «Проверить код»: runs the task's saved code with python3 in the bubblewrap
/// sandbox (no network, 5 s, 256 MB) and returns what it printed; 503 when code
/// running is off or every slot is busy.
#[utoipa::path(post, path = "/api/v1/tasks/{id}/run", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = RunOutput), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 503, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn run_task(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<RunOutput>> {
    c.require(Role::Author)?;
    let task = q::task(&s.pool, id).await?;
    Ok(Json(
        crate::admin::run_python::run(&s.sandbox, &task.code).await?,
    ))
}
