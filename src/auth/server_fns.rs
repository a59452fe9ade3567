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
        let ip = crate::server::guard::client_ip_in_context();
        let t = &super::throttle::SIGNUPS_PER_ADDRESS;
        super::throttle::take(&pool, t, &super::throttle::address_key(ip)).await?;
        let hash = pw::hash_blocking(password).await?;
        let guest = session::current_learner(&pool).await?;
        match queries::register(&pool, guest, &email, &hash, name).await? {
            queries::Registered::EmailTaken => Err(AppError::invalid(
                "email",
                "Этот e-mail уже зарегистрирован. Войдите или укажите другой.",
            )),
            queries::Registered::Ok(id) => {
                session::bind(&pool, id).await?;
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
        use super::throttle::{self as t, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS};
        let email = email.trim().to_lowercase();
        let ip = crate::server::guard::client_ip_in_context();
        let (by_address, by_account) = (t::address_key(ip), t::account_key(ip, &email));
        // Refused before any password is checked, but only failures count.
        t::check(&pool, &LOGIN_PER_ADDRESS, &by_address).await?;
        t::check(&pool, &LOGIN_PER_ACCOUNT, &by_account).await?;
        let account = queries::find_account(&pool, &email).await?;
        let hash = account.as_ref().map(|a| a.password_hash.clone());
        let verified = pw::verify_blocking(password, hash).await;
        let Some(account) = account.filter(|_| verified) else {
            t::hit(&pool, &LOGIN_PER_ADDRESS, &by_address).await?;
            t::hit(&pool, &LOGIN_PER_ACCOUNT, &by_account).await?;
            return Err(AppError::invalid("password", "Неверный e-mail или пароль."));
        };
        t::clear(&pool, &LOGIN_PER_ACCOUNT, &by_account).await?;
        if let Some(guest) = session::current_learner(&pool).await? {
            queries::merge_guest(&pool, guest, account.learner_id).await?;
        }
        session::bind(&pool, account.learner_id).await?;
        leptos_axum::redirect("/profile");
        Ok(())
    };
    run.await.map_err(AppError::with_status)
}

/// «Сменить пароль»: the current password, then the new one. Every other session
/// of the account ends; this one stays signed in.
#[server(endpoint = "auth/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::{password as pw, session, throttle as t};
    let run = async {
        let pool = crate::server::pool()?;
        let actor = super::guard::require(&pool, super::Role::Learner).await?;
        let email = sqlx::query_scalar!(
            "SELECT email FROM learners WHERE learner_id = $1",
            actor.learner_id
        )
        .fetch_one(&pool)
        .await?
        .unwrap_or_default();
        // Guessing the current password is limited like logging in.
        let key = t::account_key(crate::server::guard::client_ip_in_context(), &email);
        t::check(&pool, &t::LOGIN_PER_ACCOUNT, &key).await?;
        let hash = super::queries::find_account(&pool, &email)
            .await?
            .map(|a| a.password_hash);
        if !pw::verify_blocking(current_password, hash).await {
            t::hit(&pool, &t::LOGIN_PER_ACCOUNT, &key).await?;
            return Err(AppError::invalid(
                "current_password",
                "Текущий пароль неверный.",
            ));
        }
        if let Some(why) = pw::weakness(&new_password) {
            return Err(AppError::invalid("new_password", why));
        }
        let hash = pw::hash_blocking(new_password).await?;
        sqlx::query!(
            "UPDATE learners SET password_hash = $2 WHERE learner_id = $1",
            actor.learner_id,
            hash
        )
        .execute(&pool)
        .await?;
        session::end_other_sessions(&pool, actor.learner_id).await?;
        leptos_axum::redirect("/profile?security=password");
        Ok(())
    };
    run.await.map_err(AppError::with_status)
}

/// «Выйти на других устройствах»: every session of the account but this one ends.
#[server(endpoint = "auth/logout-others")]
pub async fn logout_others() -> Result<(), AppError> {
    let run = async {
        let pool = crate::server::pool()?;
        let actor = super::guard::require(&pool, super::Role::Learner).await?;
        super::session::end_other_sessions(&pool, actor.learner_id).await?;
        leptos_axum::redirect("/profile?security=others");
        Ok(())
    };
    run.await.map_err(AppError::with_status)
}

#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    super::session::forget().await?;
    // The device forgets this account's pages and queued answers too.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::HeaderName::from_static("clear-site-data"),
            axum::http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
    leptos_axum::redirect("/");
    Ok(())
}
