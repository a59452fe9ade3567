//! Personal API tokens: created in /admin, shown once, stored as SHA-256, revocable.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use super::guard::Actor;
use super::roles::Role;
use super::types::TokenView;
use crate::error::AppError;

const PREFIX: &str = "grd_";

fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new random token: `grd_` and 64 hex digits (256 bits).
fn generate() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{hex}")
}

/// Creates a token and returns it in plain text: the only time it is shown.
pub async fn create(pool: &PgPool, owner: i64, name: &str) -> Result<String, AppError> {
    let token = generate();
    sqlx::query!(
        "INSERT INTO api_tokens (learner_id, name, token_hash, prefix) VALUES ($1, $2, $3, $4)",
        owner,
        name.trim(),
        digest(&token),
        token[..PREFIX.len() + 6].to_string()
    )
    .execute(pool)
    .await?;
    Ok(token)
}

pub async fn list(pool: &PgPool, owner: i64) -> Result<Vec<TokenView>, AppError> {
    Ok(sqlx::query_as!(
        TokenView,
        r#"SELECT token_id, name, prefix,
                  to_char(created_at, 'DD.MM.YYYY HH24:MI') AS "created!",
                  to_char(last_used_at, 'DD.MM.YYYY HH24:MI') AS last_used,
                  revoked_at IS NOT NULL AS "revoked!"
           FROM api_tokens WHERE learner_id = $1 ORDER BY created_at DESC, token_id DESC"#,
        owner
    )
    .fetch_all(pool)
    .await?)
}

/// Revokes one of the owner's tokens; someone else's token is "not found".
pub async fn revoke(pool: &PgPool, owner: i64, token_id: i64) -> Result<(), AppError> {
    let done = sqlx::query!(
        "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
         WHERE token_id = $1 AND learner_id = $2",
        token_id,
        owner
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The account behind a bearer token; None when unknown or revoked. The token's
/// owner keeps their current role: demoting an author disarms their tokens too.
pub async fn actor(pool: &PgPool, token: &str) -> Result<Option<Actor>, AppError> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    Ok(sqlx::query_as!(
        Actor,
        r#"UPDATE api_tokens t SET last_used_at = now()
           FROM learners l
           WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND l.learner_id = t.learner_id
           RETURNING l.learner_id, l.role AS "role: Role""#,
        digest(token)
    )
    .fetch_optional(pool)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed_to_32_bytes() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert_eq!(a.len(), PREFIX.len() + 64);
        assert!(a.starts_with(PREFIX));
        assert_eq!(digest(&a).len(), 32);
        assert_ne!(digest(&a), digest(&b));
    }
}
