use leptos::prelude::*;

use super::types::*;
use crate::error::AppError;

#[server(endpoint = "learning/grade")]
pub async fn get_grade_path(profession: String, grade: String) -> Result<GradePath, AppError> {
    let pool = crate::server::pool()?;
    super::queries::grade_path(&pool, &profession, &grade).await
}

#[server(endpoint = "learning/module")]
pub async fn get_module(
    profession: String,
    grade: String,
    module: String,
) -> Result<ModuleView, AppError> {
    let pool = crate::server::pool()?;
    super::queries::module_view(&pool, &profession, &grade, &module).await
}

#[server(endpoint = "learning/topic")]
pub async fn get_topic(
    profession: String,
    grade: String,
    module: String,
    topic: String,
) -> Result<TopicView, AppError> {
    let pool = crate::server::pool()?;
    super::queries::topic_view(&pool, &profession, &grade, &module, &topic).await
}
