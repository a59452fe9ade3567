use leptos::prelude::*;

use super::types::*;
use crate::error::AppError;

#[server(endpoint = "catalog/professions")]
pub async fn get_professions() -> Result<Vec<ProfessionCard>, AppError> {
    let pool = crate::server::pool()?;
    super::queries::list_professions(&pool).await
}

#[server(endpoint = "catalog/profession")]
pub async fn get_profession(slug: String) -> Result<ProfessionDetail, AppError> {
    let pool = crate::server::pool()?;
    super::queries::profession_detail(&pool, &slug).await
}
