//! Server-only plumbing every feature may use: configuration, the state handlers
//! reach (pool, sandbox, Leptos options), the embedded PostgreSQL cluster, the
//! request guards and cookies, and rendering of markdown and code. It depends on
//! no feature; the `startup` module wires the features together.

pub mod config;
pub mod cookies;
pub mod embedded_pg;
pub mod guard;
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
            leptos_options,
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
