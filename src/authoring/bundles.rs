//! Importing a `.tar.gz` of content files (the seeds format), from /admin's
//! uploads or the REST API: checked, then loaded in one transaction. Rows match by
//! slug, so learners' progress stays attached.

use sqlx::PgPool;

use super::types::BundleReport;
use crate::error::AppError;

/// Checks a bundle and loads it; `dry_run` rolls back and only reports.
/// `whole_catalog`: also unpublish professions the bundle does not list.
pub async fn import_bundle(
    pool: &PgPool,
    bytes: &[u8],
    whole_catalog: bool,
    dry_run: bool,
) -> Result<BundleReport, AppError> {
    use crate::seeds::{load, unpack, Scope, Seeds};
    let files = unpack(bytes)?;
    let seeds = Seeds::from_files(files).map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    let scope = if whole_catalog {
        Scope::WholeCatalog
    } else {
        Scope::ListedProfessions
    };
    let r = load(pool, &seeds, std::path::Path::new(""), scope, dry_run)
        .await
        .map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    Ok(BundleReport {
        professions: r.professions,
        modules: r.modules,
        topics: r.topics,
        exercises: r.exercises,
        created: r.created,
        updated: r.updated,
        unpublished: r.unpublished,
        applied: !dry_run,
    })
}

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
