use leptos::prelude::*;

use super::types::ProfileView;
use crate::error::AppError;

#[server(endpoint = "progress/profile")]
pub async fn get_profile() -> Result<ProfileView, AppError> {
    let pool = crate::server::pool()?;
    let learner = crate::auth::session::current_learner(&pool).await?;
    super::queries::profile(&pool, learner).await
}

/// Changes the display name and the time zone streaks are counted in.
#[server(endpoint = "progress/update-profile")]
pub async fn update_profile(display_name: String, time_zone: String) -> Result<(), AppError> {
    let run = async {
        let pool = crate::server::pool()?;
        let name = display_name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            return Err(AppError::invalid(
                "display_name",
                "Имя должно быть от 1 до 60 символов.",
            ));
        }
        let zone = time_zone.trim();
        if !super::queries::is_time_zone(&pool, zone).await? {
            return Err(AppError::invalid(
                "time_zone",
                "Неизвестный часовой пояс: укажите его как Europe/Moscow или Asia/Novosibirsk.",
            ));
        }
        let learner = crate::auth::session::ensure_learner(&pool).await?;
        super::queries::update_profile(&pool, learner, name, zone).await
    };
    run.await.map_err(AppError::with_status)
}
