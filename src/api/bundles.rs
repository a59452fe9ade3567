//! Bundles over the API: export a profession or the whole catalog as `.tar.gz`
//! in the seeds format; import one with a dry run first. Authors only.

use axum::body::Bytes;
use axum::extract::{Multipart, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use super::auth::Author;
use super::error::{ApiError, ApiErrorBody, ApiResult, Json, Path, Query};
use crate::authoring::BundleReport;
use crate::error::AppError;
use crate::seeds::import_bundle;
use crate::seeds::{export, pack};
use crate::server::AppState;

fn tarball(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/gzip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[utoipa::path(get, path = "/bundles", tag = "authoring",
    responses((status = 200, description = "the published catalog as seeds files in a .tar.gz", content_type = "application/gzip", body = Vec<u8>),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn export_catalog(State(s): State<AppState>, _: Author) -> ApiResult<Response> {
    let files = export(&s.pool, None).await?;
    Ok(tarball("grader-catalog.tar.gz", pack(&files)?))
}

#[utoipa::path(get, path = "/bundles/{profession}", tag = "authoring",
    params(("profession" = String, Path, description = "profession slug")),
    responses((status = 200, description = "one profession as seeds files in a .tar.gz", content_type = "application/gzip", body = Vec<u8>),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn export_profession(
    State(s): State<AppState>,
    _: Author,
    Path(profession): Path<String>,
) -> ApiResult<Response> {
    let files = export(&s.pool, Some(&profession)).await?;
    Ok(tarball(
        &format!("grader-{profession}.tar.gz"),
        pack(&files)?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// true: only report what would change (default true — apply with false).
    pub dry_run: Option<bool>,
    /// true: also unpublish professions the bundle does not list.
    pub whole_catalog: Option<bool>,
}

pub fn routes() -> utoipa_axum::router::OpenApiRouter<AppState> {
    use utoipa_axum::routes;
    utoipa_axum::router::OpenApiRouter::new()
        .routes(routes!(export_catalog, import))
        .routes(routes!(export_profession))
}

/// Imports a `.tar.gz` bundle (seeds format) in one transaction, matching rows by
/// slug. A dry run (the default) reports what would be created, updated and
/// unpublished, and changes nothing.
#[utoipa::path(post, path = "/bundles", tag = "authoring", params(ImportParams),
    request_body(content = Vec<u8>, description = "a .tar.gz, sent as application/gzip", content_type = "application/gzip"),
    responses((status = 200, body = BundleReport), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 415, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn import(
    State(s): State<AppState>,
    _: Author,
    Query(p): Query<ImportParams>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> ApiResult<Json<BundleReport>> {
    // Only a gzip body: no HTML form can send this type across sites.
    let gzip = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .is_some_and(|v| v == "application/gzip" || v == "application/x-gzip");
    if !gzip {
        return Err(AppError::UnsupportedMediaType(
            "Бандл отправляется как application/gzip (файл .tar.gz).".into(),
        )
        .into());
    }
    let report = import_bundle(
        &s.pool,
        &body,
        p.whole_catalog.unwrap_or(false),
        p.dry_run.unwrap_or(true),
    )
    .await?;
    Ok(Json(report))
}

/// /admin/bundles's upload form (multipart): keeps the file, then shows its
/// dry-run report on the page.
pub async fn upload_form(
    State(s): State<AppState>,
    Author(actor): Author,
    mut form: Multipart,
) -> Result<Redirect, ApiError> {
    let bad = || AppError::invalid("bundle", "Выберите файл .tar.gz с бандлом.");
    while let Some(field) = form.next_field().await.map_err(|_| bad())? {
        if field.name() == Some("bundle") {
            let name = field.file_name().unwrap_or_default().to_string();
            let bytes = field.bytes().await.map_err(|_| bad())?;
            if bytes.is_empty() {
                return Err(bad().into());
            }
            let id =
                crate::authoring::bundles::save_upload(&s.pool, actor.learner_id, &name, &bytes)
                    .await?;
            return Ok(Redirect::to(&format!("/admin/bundles?upload={id}")));
        }
    }
    Err(bad().into())
}
