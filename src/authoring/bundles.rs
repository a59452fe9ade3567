//! Bundles authors upload on /admin/bundles, kept until applied. Importing one
//! is the seeds loader's (`seeds::import_bundle`).

use sqlx::PgPool;

use crate::error::AppError;

/// Keeps an author's upload (from /admin/bundles) until they apply it.
pub async fn save_upload(
    pool: &PgPool,
    owner: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "INSERT INTO bundle_uploads (learner_id, file_name, bytes) VALUES ($1, $2, $3) RETURNING upload_id",
        owner,
        file_name,
        bytes
    )
    .fetch_one(pool)
    .await?)
}
