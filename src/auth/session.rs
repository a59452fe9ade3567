//! The learner of the current request, kept in the session (tower-sessions,
//! stored in PostgreSQL so any instance can serve any request).

use sqlx::PgPool;
use tower_sessions::Session;

use crate::error::AppError;

const LEARNER: &str = "learner_id";
const EPOCH: &str = "session_epoch";

/// Whether a session belongs to someone (a guest or an account): only then may
/// it keep anything, so an anonymous request never creates a session row.
pub async fn has_learner(s: &Session) -> bool {
    matches!(s.get::<i64>(LEARNER).await, Ok(Some(_)))
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = %e, "no session layer");
        AppError::Internal
    })
}

fn session_error(e: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %e, "session store");
    AppError::Unavailable
}

/// The learner bound to this session, if any (a visitor who never answered has none).
pub async fn current_learner(pool: &PgPool) -> Result<Option<i64>, AppError> {
    learner_of(&session().await?, pool).await
}

/// The learner bound to a session (for handlers outside Leptos, like the API).
pub async fn learner_of(s: &Session, pool: &PgPool) -> Result<Option<i64>, AppError> {
    let Some(id) = s.get::<i64>(LEARNER).await.map_err(session_error)? else {
        return Ok(None);
    };
    let epoch = s
        .get::<i32>(EPOCH)
        .await
        .map_err(session_error)?
        .unwrap_or(0);
    // The row may be gone (merged into an account, or deleted), or its sessions
    // ended elsewhere (a newer epoch): forget it.
    let current = sqlx::query_scalar!(
        "SELECT session_epoch FROM learners WHERE learner_id = $1",
        id
    )
    .fetch_optional(pool)
    .await?;
    if current == Some(epoch) {
        Ok(Some(id))
    } else {
        s.remove::<i64>(LEARNER).await.map_err(session_error)?;
        s.remove::<i32>(EPOCH).await.map_err(session_error)?;
        Ok(None)
    }
}

/// Ends every session of a learner but this one: the epoch goes up, and this
/// session is bound again under the new one (with a new id).
pub async fn end_other_sessions(pool: &PgPool, learner_id: i64) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE learners SET session_epoch = session_epoch + 1 WHERE learner_id = $1",
        learner_id
    )
    .execute(pool)
    .await?;
    bind_session(&session().await?, pool, learner_id).await
}

/// The current learner, creating a guest on the first answer.
pub async fn ensure_learner(pool: &PgPool) -> Result<i64, AppError> {
    let ip = crate::server::guard::client_ip_in_context();
    ensure_learner_of(&session().await?, pool, ip).await
}

/// `ensure_learner` for a given session; new guests are limited per address.
pub async fn ensure_learner_of(
    s: &Session,
    pool: &PgPool,
    ip: std::net::IpAddr,
) -> Result<i64, AppError> {
    if let Some(id) = learner_of(s, pool).await? {
        return Ok(id);
    }
    use super::throttle::{address_key, take, GUESTS_PER_ADDRESS};
    take(pool, &GUESTS_PER_ADDRESS, &address_key(ip)).await?;
    let id = super::queries::create_guest(pool).await?;
    bind_session(s, pool, id).await?;
    Ok(id)
}

/// Binds the session to a learner under a new session id (no fixation).
pub async fn bind(pool: &PgPool, learner_id: i64) -> Result<(), AppError> {
    bind_session(&session().await?, pool, learner_id).await
}

async fn bind_session(s: &Session, pool: &PgPool, learner_id: i64) -> Result<(), AppError> {
    let epoch = sqlx::query_scalar!(
        "SELECT session_epoch FROM learners WHERE learner_id = $1",
        learner_id
    )
    .fetch_one(pool)
    .await?;
    s.cycle_id().await.map_err(session_error)?;
    s.insert(LEARNER, learner_id).await.map_err(session_error)?;
    s.insert(EPOCH, epoch).await.map_err(session_error)
}

pub async fn forget() -> Result<(), AppError> {
    session().await?.flush().await.map_err(session_error)
}
