//! Authoring the top of the hierarchy over the API: professions, named by slug as
//! the public reads name them, and a profession's new grades. Same rules as
//! `authoring` (the same core): author role, `version` on PUT (409 when stale),
//! `?confirm=true` to delete what learners answered.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::Author;
use super::authoring::{DeleteParams, Versioned};
use super::error::{ApiErrorBody, ApiResult, Json, Path, Query};
use crate::authoring::{core, profession_id};
use crate::authoring::{GradeInput, GradeRow, ProfessionInput, ProfessionRow};
use crate::server::AppState;

/// A profession with all its grades, drafts included.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfessionWithGrades {
    pub profession: ProfessionRow,
    pub grades: Vec<GradeRow>,
}

#[utoipa::path(post, path = "/professions", tag = "authoring", request_body = ProfessionInput,
    responses((status = 201, body = ProfessionRow), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_profession(
    State(s): State<AppState>,
    _: Author,
    Json(input): Json<ProfessionInput>,
) -> ApiResult<(StatusCode, Json<ProfessionRow>)> {
    let row = core::create::<ProfessionRow>(&s.pool, (), &input).await?;
    Ok((StatusCode::CREATED, Json(row)))
}

#[utoipa::path(get, path = "/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug")),
    responses((status = 200, body = ProfessionWithGrades, description = "drafts included"),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_profession(
    State(s): State<AppState>,
    _: Author,
    Path(slug): Path<String>,
) -> ApiResult<Json<ProfessionWithGrades>> {
    let id = profession_id(&s.pool, &slug).await?;
    Ok(Json(ProfessionWithGrades {
        profession: core::get(&s.pool, id).await?,
        grades: core::list(&s.pool, id).await?,
    }))
}

#[utoipa::path(put, path = "/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug")),
    request_body = Versioned<ProfessionInput>,
    responses((status = 200, body = ProfessionRow), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_profession(
    State(s): State<AppState>,
    _: Author,
    Path(slug): Path<String>,
    Json(input): Json<Versioned<ProfessionInput>>,
) -> ApiResult<Json<ProfessionRow>> {
    let id = profession_id(&s.pool, &slug).await?;
    let row = core::update::<ProfessionRow>(&s.pool, id, &input.version, &input.fields).await?;
    Ok(Json(row))
}

#[utoipa::path(delete, path = "/professions/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "slug"), DeleteParams),
    responses((status = 204, description = "deleted"), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn delete_profession(
    State(s): State<AppState>,
    _: Author,
    Path(slug): Path<String>,
    Query(p): Query<DeleteParams>,
) -> ApiResult<StatusCode> {
    let id = profession_id(&s.pool, &slug).await?;
    core::delete::<ProfessionRow>(&s.pool, id, p.confirm.unwrap_or(false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/professions/{profession}/grades", tag = "authoring",
    params(("profession" = String, Path, description = "slug")), request_body = GradeInput,
    responses((status = 201, body = GradeRow), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_grade(
    State(s): State<AppState>,
    _: Author,
    Path(slug): Path<String>,
    Json(input): Json<GradeInput>,
) -> ApiResult<(StatusCode, Json<GradeRow>)> {
    let id = profession_id(&s.pool, &slug).await?;
    let row = core::create::<GradeRow>(&s.pool, id, &input).await?;
    Ok((StatusCode::CREATED, Json(row)))
}

/// The public reads share these paths (`content`): GET /professions lists them,
/// GET /professions/{p}/grades reads a profession's published grades.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(super::content::professions, create_profession))
        .routes(routes!(
            get_profession,
            update_profession,
            delete_profession
        ))
        .routes(routes!(super::content::grades, create_grade))
}
