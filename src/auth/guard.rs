//! Who is acting, and whether their role allows it. Pages and server functions
//! read the session; the REST API also accepts a personal token
//! (`Authorization: Bearer`).

use sqlx::PgPool;

use super::roles::Role;
use crate::error::AppError;

/// A signed-in account (never a guest) and its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub learner_id: i64,
    pub role: Role,
}

impl Actor {
    pub fn require(self, needed: Role) -> Result<Actor, AppError> {
        if self.role >= needed {
            Ok(self)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The account of a learner id, or None for a guest.
pub async fn account(pool: &PgPool, learner_id: i64) -> Result<Option<Actor>, AppError> {
    Ok(sqlx::query_as!(
        Actor,
        r#"SELECT learner_id, role AS "role: Role" FROM learners
           WHERE learner_id = $1 AND email IS NOT NULL"#,
        learner_id
    )
    .fetch_optional(pool)
    .await?)
}

/// The session's account, if signed in.
pub async fn session_actor(pool: &PgPool) -> Result<Option<Actor>, AppError> {
    match super::session::current_learner(pool).await? {
        Some(id) => account(pool, id).await,
        None => Ok(None),
    }
}

/// The session's account with at least `needed`: 401 for guests, 403 for others.
pub async fn require(pool: &PgPool, needed: Role) -> Result<Actor, AppError> {
    // A refusal answers 401/403 in every server function, reads included (without
    // this a read's refusal went out as a 500).
    session_actor(pool)
        .await?
        .ok_or(AppError::Unauthorized)
        .and_then(|actor| actor.require(needed))
        .map_err(AppError::with_status)
}
