use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Who is learning: for the frame and the profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub display_name: String,
    /// None for a guest.
    pub email: Option<String>,
}

#[server(endpoint = "auth/me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    let pool = crate::server::pool()?;
    let Some(id) = super::session::current_learner(&pool).await? else {
        return Ok(None);
    };
    Ok(sqlx::query_as!(
        Me,
        "SELECT display_name, email FROM learners WHERE learner_id = $1",
        id
    )
    .fetch_optional(&pool)
    .await?)
}

#[server(endpoint = "auth/register")]
pub async fn register(
    email: String,
    password: String,
    display_name: String,
) -> Result<(), AppError> {
    use super::{password as pw, queries, session};
    let run = async {
        let pool = crate::server::pool()?;
        let email = email.trim().to_string();
        if !pw::is_email(&email) {
            return Err(AppError::invalid(
                "email",
                "Проверьте e-mail: он должен выглядеть как name@example.ru.",
            ));
        }
        if let Some(why) = pw::weakness(&password) {
            return Err(AppError::invalid("password", why));
        }
        let name = display_name.trim();
        let name = if name.is_empty() {
            "Ученик"
        } else {
            name
        };
        if name.chars().count() > 60 {
            return Err(AppError::invalid(
                "display_name",
                "Имя слишком длинное: не больше 60 символов.",
            ));
        }
        let hash = pw::hash(&password).map_err(|_| AppError::Internal)?;
        let guest = session::current_learner(&pool).await?;
        match queries::register(&pool, guest, &email, &hash, name).await? {
            queries::Registered::EmailTaken => Err(AppError::invalid(
                "email",
                "Этот e-mail уже зарегистрирован. Войдите или укажите другой.",
            )),
            queries::Registered::Ok(id) => {
                session::bind(id).await?;
                leptos_axum::redirect("/profile");
                Ok(())
            }
        }
    };
    run.await.map_err(AppError::with_status)
}

#[server(endpoint = "auth/login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use super::{password as pw, queries, session};
    let run = async {
        let pool = crate::server::pool()?;
        let limiter = use_context::<crate::server::LoginLimiter>().ok_or(AppError::Internal)?;
        let email = email.trim().to_lowercase();
        if limiter.check_key(&email).is_err() {
            return Err(AppError::TooManyRequests(
                "Слишком много попыток входа. Подождите минуту и попробуйте снова.".into(),
            ));
        }
        let account = queries::find_account(&pool, &email).await?;
        let Some(account) = account.filter(|a| pw::verify(&password, &a.password_hash)) else {
            return Err(AppError::invalid("password", "Неверный e-mail или пароль."));
        };
        if let Some(guest) = session::current_learner(&pool).await? {
            queries::merge_guest(&pool, guest, account.learner_id).await?;
        }
        session::bind(account.learner_id).await?;
        leptos_axum::redirect("/profile");
        Ok(())
    };
    run.await.map_err(AppError::with_status)
}

#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    super::session::forget().await?;
    leptos_axum::redirect("/");
    Ok(())
}
