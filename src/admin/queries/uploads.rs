//! Bundles an author uploaded on /admin/bundles: kept with their dry-run report
//! until applied.

use sqlx::PgPool;

use crate::admin::types::{BundleReport, UploadView};
use crate::error::AppError;

/// An author's upload with its dry-run report.
pub async fn upload_view(pool: &PgPool, owner: i64, id: i64) -> Result<UploadView, AppError> {
    let row = sqlx::query!(
        "SELECT file_name, bytes, applied_at IS NOT NULL AS \"applied!\" FROM bundle_uploads
         WHERE upload_id = $1 AND learner_id = $2",
        id,
        owner
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let report = match crate::seeds::import_bundle(pool, &row.bytes, false, true).await {
        Ok(r) => Ok(r),
        Err(e @ AppError::Invalid { .. }) => Err(e.user_message()),
        Err(e) => return Err(e),
    };
    Ok(UploadView {
        upload_id: id,
        file_name: row.file_name,
        applied: row.applied,
        report,
    })
}

pub async fn apply_upload(pool: &PgPool, owner: i64, id: i64) -> Result<BundleReport, AppError> {
    let bytes = sqlx::query_scalar!(
        "SELECT bytes FROM bundle_uploads WHERE upload_id = $1 AND learner_id = $2 AND applied_at IS NULL",
        id,
        owner
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let report = crate::seeds::import_bundle(pool, &bytes, false, false).await?;
    sqlx::query!(
        "UPDATE bundle_uploads SET applied_at = now() WHERE upload_id = $1",
        id
    )
    .execute(pool)
    .await?;
    Ok(report)
}
