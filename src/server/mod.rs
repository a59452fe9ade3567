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

/// What every request handler and server function can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
}

/// The database pool, provided to server functions through Leptos's context.
pub fn pool() -> Result<PgPool, AppError> {
    use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no PgPool in context");
        AppError::Internal
    })
}

/// Applies migrations from `migrations/` (embedded at compile time).
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    sqlx::migrate!("./migrations").run(pool).await
}
