//! CRUD for the top of the hierarchy and the grades' portfolio projects:
//! professions (named by slug, like the public reads), grades, projects and
//! checklist items. Same rules as `authoring`: author role, `version` on PUT
//! (409 when stale), `?confirm=true` to delete what learners answered or ticked.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::authoring::{DeleteParams, Versioned};
use super::error::{ApiErrorBody, ApiResult, Json, Path, Query};
use crate::admin::queries as q;
use crate::admin::{
    ChecklistItemInput, ChecklistItemRow, GradeInput, GradeRow, ProfessionInput, ProfessionRow,
    ProjectRow, SectionInput,
};
use crate::auth::Role;
use crate::server::AppState;

/// A profession with all its grades, drafts included.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfessionWithGrades {
    pub profession: ProfessionRow,
    pub grades: Vec<GradeRow>,
}

// ---- professions ---------------------------------------------------------------

#[utoipa::path(post, path = "/api/v1/professions", tag = "authoring", request_body = ProfessionInput,
    responses((status = 201, body = ProfessionRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_profession(
    State(s): State<AppState>,
    c: Caller,
    Json(input): Json<ProfessionInput>,
) -> ApiResult<(StatusCode, Json<ProfessionRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_profession(&s.pool, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug")),
    responses((status = 200, body = ProfessionWithGrades, description = "drafts included"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_profession(
    State(s): State<AppState>,
    c: Caller,
    Path(slug): Path<String>,
) -> ApiResult<Json<ProfessionWithGrades>> {
    c.require(Role::Author)?;
    let id = q::profession_id(&s.pool, &slug).await?;
    Ok(Json(ProfessionWithGrades {
        profession: q::profession(&s.pool, id).await?,
        grades: q::grades_of_profession(&s.pool, id).await?,
    }))
}

#[utoipa::path(put, path = "/api/v1/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug")), request_body = Versioned<ProfessionInput>,
    responses((status = 200, body = ProfessionRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_profession(
    State(s): State<AppState>,
    c: Caller,
    Path(slug): Path<String>,
    Json(input): Json<Versioned<ProfessionInput>>,
) -> ApiResult<Json<ProfessionRow>> {
    c.require(Role::Author)?;
    let id = q::profession_id(&s.pool, &slug).await?;
    Ok(Json(
        q::update_profession(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug"), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_profession(
    State(s): State<AppState>,
    c: Caller,
    Path(slug): Path<String>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    let id = q::profession_id(&s.pool, &slug).await?;
    q::delete_profession(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/professions/{profession}/grades", tag = "authoring",
    params(("profession" = String, Path, description = "slug")), request_body = GradeInput,
    responses((status = 201, body = GradeRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_grade(
    State(s): State<AppState>,
    c: Caller,
    Path(slug): Path<String>,
    Json(input): Json<GradeInput>,
) -> ApiResult<(StatusCode, Json<GradeRow>)> {
    c.require(Role::Author)?;
    let id = q::profession_id(&s.pool, &slug).await?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_grade(&s.pool, id, &input).await?),
    ))
}

// ---- grades ---------------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/grades/{grade_id}", tag = "authoring", params(("grade_id" = i64, Path)),
    responses((status = 200, body = GradeRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_grade(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<GradeRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::grade(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/grades/{grade_id}", tag = "authoring", params(("grade_id" = i64, Path)),
    request_body = Versioned<GradeInput>,
    responses((status = 200, body = GradeRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_grade(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<GradeInput>>,
) -> ApiResult<Json<GradeRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_grade(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/grades/{grade_id}", tag = "authoring", params(("grade_id" = i64, Path), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_grade(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_grade(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- projects ---------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/grades/{grade_id}/projects", tag = "authoring", params(("grade_id" = i64, Path)),
    responses((status = 200, body = Vec<ProjectRow>, description = "drafts included"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_projects(
    State(s): State<AppState>,
    c: Caller,
    Path(parent): Path<i64>,
) -> ApiResult<Json<Vec<ProjectRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::projects_of_grade(&s.pool, parent).await?))
}

#[utoipa::path(post, path = "/api/v1/grades/{grade_id}/projects", tag = "authoring", params(("grade_id" = i64, Path)), request_body = SectionInput,
    responses((status = 201, body = ProjectRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_project(
    State(s): State<AppState>,
    c: Caller,
    Path(parent): Path<i64>,
    Json(input): Json<SectionInput>,
) -> ApiResult<(StatusCode, Json<ProjectRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_project(&s.pool, parent, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/projects/{project_id}", tag = "authoring", params(("project_id" = i64, Path)),
    responses((status = 200, body = ProjectRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_project(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<ProjectRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::project(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/projects/{project_id}", tag = "authoring", params(("project_id" = i64, Path)),
    request_body = Versioned<SectionInput>,
    responses((status = 200, body = ProjectRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_project(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<SectionInput>>,
) -> ApiResult<Json<ProjectRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_project(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/projects/{project_id}", tag = "authoring", params(("project_id" = i64, Path), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_project(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_project(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- checklist items ---------------------------------------------------------------

#[utoipa::path(get, path = "/api/v1/projects/{project_id}/items", tag = "authoring", params(("project_id" = i64, Path)),
    responses((status = 200, body = Vec<ChecklistItemRow>, description = "drafts included"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_checklist_items(
    State(s): State<AppState>,
    c: Caller,
    Path(parent): Path<i64>,
) -> ApiResult<Json<Vec<ChecklistItemRow>>> {
    c.require(Role::Author)?;
    Ok(Json(q::items_of_project(&s.pool, parent).await?))
}

#[utoipa::path(post, path = "/api/v1/projects/{project_id}/items", tag = "authoring", params(("project_id" = i64, Path)), request_body = ChecklistItemInput,
    responses((status = 201, body = ChecklistItemRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_checklist_item(
    State(s): State<AppState>,
    c: Caller,
    Path(parent): Path<i64>,
    Json(input): Json<ChecklistItemInput>,
) -> ApiResult<(StatusCode, Json<ChecklistItemRow>)> {
    c.require(Role::Author)?;
    Ok((
        StatusCode::CREATED,
        Json(q::create_checklist_item(&s.pool, parent, &input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/project-items/{item_id}", tag = "authoring", params(("item_id" = i64, Path)),
    responses((status = 200, body = ChecklistItemRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_checklist_item(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<ChecklistItemRow>> {
    c.require(Role::Author)?;
    Ok(Json(q::checklist_item(&s.pool, id).await?))
}

#[utoipa::path(put, path = "/api/v1/project-items/{item_id}", tag = "authoring", params(("item_id" = i64, Path)),
    request_body = Versioned<ChecklistItemInput>,
    responses((status = 200, body = ChecklistItemRow), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_checklist_item(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Json(input): Json<Versioned<ChecklistItemInput>>,
) -> ApiResult<Json<ChecklistItemRow>> {
    c.require(Role::Author)?;
    Ok(Json(
        q::update_checklist_item(&s.pool, id, &input.version, &input.fields).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/project-items/{item_id}", tag = "authoring", params(("item_id" = i64, Path), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_checklist_item(
    State(s): State<AppState>,
    c: Caller,
    Path(id): Path<i64>,
    Query(_unused): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    c.require(Role::Author)?;
    q::delete_checklist_item(&s.pool, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
