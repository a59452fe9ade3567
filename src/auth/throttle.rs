//! Attempt limits kept in PostgreSQL, so every instance counts the same attempts:
//! failed logins per address and per (address, account), sign-ups and new guests
//! per address. Keys are SHA-256 digests (a fixed 32 bytes, whatever the client
//! sends), and rows whose window is long over are deleted in the background.

use std::net::IpAddr;

use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::error::AppError;

/// At most `limit` hits per `window_seconds`, counted per key.
pub struct Rule {
    pub scope: &'static str,
    pub limit: i32,
    pub window_seconds: i32,
    pub message: &'static str,
}

/// Guessing passwords from one address, across accounts.
pub const LOGIN_PER_ADDRESS: Rule = Rule {
    scope: "login-address",
    limit: 30,
    window_seconds: 15 * 60,
    message: "Слишком много неудачных попыток входа с этого адреса. Подождите 15 минут.",
};

/// Guessing one account's password from one address. The owner, from another
/// address, is not locked out.
pub const LOGIN_PER_ACCOUNT: Rule = Rule {
    scope: "login-account",
    limit: 5,
    window_seconds: 15 * 60,
    message: "Слишком много неудачных попыток войти в этот аккаунт. Подождите 15 минут \
              или войдите с другого устройства.",
};

pub const SIGNUPS_PER_ADDRESS: Rule = Rule {
    scope: "signup-address",
    limit: 10,
    window_seconds: 60 * 60,
    message: "Слишком много регистраций с этого адреса. Попробуйте через час.",
};

/// A classroom behind one address starts many guests; a script starts thousands.
pub const GUESTS_PER_ADDRESS: Rule = Rule {
    scope: "guest-address",
    limit: 100,
    window_seconds: 60 * 60,
    message: "Слишком много новых учеников с этого адреса. Войдите в аккаунт \
              или попробуйте через час.",
};

fn key(parts: &[&str]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher.finalize().to_vec()
}

pub fn address_key(ip: IpAddr) -> Vec<u8> {
    key(&[&ip.to_string()])
}

pub fn account_key(ip: IpAddr, email: &str) -> Vec<u8> {
    key(&[&ip.to_string(), &email.trim().to_lowercase()])
}

/// 429 with the rule's message when the key has used its hits in this window.
pub async fn check(pool: &PgPool, rule: &Rule, key: &[u8]) -> Result<(), AppError> {
    let hits = sqlx::query_scalar!(
        "SELECT hits FROM throttle WHERE scope = $1 AND key = $2
           AND window_start > now() - make_interval(secs => $3)",
        rule.scope,
        key,
        f64::from(rule.window_seconds)
    )
    .fetch_optional(pool)
    .await?
    .unwrap_or(0);
    if hits >= rule.limit {
        return Err(AppError::TooManyRequests(rule.message.into()));
    }
    Ok(())
}

/// Counts one hit (a new window when the old one is over).
pub async fn hit(pool: &PgPool, rule: &Rule, key: &[u8]) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO throttle (scope, key, hits) VALUES ($1, $2, 1)
         ON CONFLICT (scope, key) DO UPDATE SET
           hits = CASE WHEN throttle.window_start <= now() - make_interval(secs => $3)
                       THEN 1 ELSE throttle.hits + 1 END,
           window_start = CASE WHEN throttle.window_start <= now() - make_interval(secs => $3)
                               THEN now() ELSE throttle.window_start END",
        rule.scope,
        key,
        f64::from(rule.window_seconds)
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// `check`, then `hit`: for actions counted whether or not they succeed.
pub async fn take(pool: &PgPool, rule: &Rule, key: &[u8]) -> Result<(), AppError> {
    check(pool, rule, key).await?;
    hit(pool, rule, key).await
}

/// Forgets a key's hits (a successful login clears its account's failures).
pub async fn clear(pool: &PgPool, rule: &Rule, key: &[u8]) -> Result<(), AppError> {
    sqlx::query!(
        "DELETE FROM throttle WHERE scope = $1 AND key = $2",
        rule.scope,
        key
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes rows whose window ended more than a day ago; returns how many.
pub async fn remove_old(pool: &PgPool) -> Result<u64, AppError> {
    Ok(
        sqlx::query!("DELETE FROM throttle WHERE window_start < now() - interval '1 day'")
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
