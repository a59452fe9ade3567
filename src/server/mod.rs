//! Server-only plumbing: configuration, the database, the embedded PostgreSQL
//! cluster, the HTTP router, and rendering of markdown and code.

pub mod config;
pub mod embedded_pg;
pub mod guard;
pub mod http;
pub mod render;

use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;

use crate::error::AppError;

/// What every request handler and server function can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub sandbox: crate::sandbox::Sandbox,
}

impl AppState {
    pub fn new(
        leptos_options: LeptosOptions,
        pool: PgPool,
        sandbox: crate::sandbox::Sandbox,
    ) -> Self {
        Self {
            leptos_options: crate::pwa::assets::with_hash_file_checked(leptos_options),
            pool,
            sandbox,
        }
    }
}

/// The code sandbox, provided to server functions through Leptos's context.
pub fn sandbox() -> Result<crate::sandbox::Sandbox, AppError> {
    use_context::<crate::sandbox::Sandbox>().ok_or_else(|| {
        tracing::error!("no Sandbox in context");
        AppError::Internal
    })
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
