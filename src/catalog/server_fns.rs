use leptos::prelude::*;

use super::types::*;
use crate::error::AppError;

#[server(endpoint = "catalog/professions")]
pub async fn get_professions() -> Result<Vec<ProfessionCard>, AppError> {
    let pool = crate::server::pool()?;
    let learner = crate::auth::session::current_learner(&pool).await?;
    super::queries::list_professions(&pool, learner).await
}

#[server(endpoint = "catalog/profession")]
pub async fn get_profession(slug: String) -> Result<ProfessionDetail, AppError> {
    let pool = crate::server::pool()?;
    let learner = crate::auth::session::current_learner(&pool).await?;
    super::queries::profession_detail(&pool, learner, &slug).await
}
