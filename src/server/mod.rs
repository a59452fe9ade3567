//! Server-only plumbing: configuration, the database, the embedded PostgreSQL
//! cluster, the HTTP router, and rendering of markdown and code.

pub mod config;
pub mod embedded_pg;
pub mod http;
pub mod render;

use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;

use crate::error::AppError;

/// Login attempts per e-mail: a few a minute, then «wait».
pub type LoginLimiter = std::sync::Arc<governor::DefaultKeyedRateLimiter<String>>;

pub fn login_limiter() -> LoginLimiter {
    let quota = governor::Quota::per_minute(std::num::NonZeroU32::new(5).expect("non-zero"));
    std::sync::Arc::new(governor::RateLimiter::keyed(quota))
}

/// What every request handler and server function can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub login_limiter: LoginLimiter,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: PgPool) -> Self {
        Self {
            leptos_options: crate::pwa::assets::with_hash_file_checked(leptos_options),
            pool,
            login_limiter: login_limiter(),
        }
    }
}

/// The database pool, provided to server functions through Leptos's context.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no PgPool in context");
        AppError::Internal
    })
}

/// Applies migrations from `migrations/` (embedded at compile time), and creates
/// the session store's table.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("./migrations").run(pool).await?;
    tower_sessions_sqlx_store::PostgresStore::new(pool.clone())
        .migrate()
        .await?;
    Ok(())
}
