//! Where the features are wired into one server. `Application::build` is the one
//! way to make it: `grader serve` and the integration tests' `TestApp` both call
//! it (the zero2prod pattern), so tests run the router, layers and state a user
//! gets.

mod router;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use leptos::config::LeptosOptions;
use sqlx::PgPool;

use crate::sandbox::{Sandbox, SandboxConfig};
use crate::server::AppState;

pub use router::router;

/// A built server: its state and router, bound to an address and ready to run.
pub struct Application {
    listener: tokio::net::TcpListener,
    address: SocketAddr,
    router: axum::Router,
}

impl Application {
    /// Starts the code sandbox, builds the router over the state, and binds
    /// `addr` (port 0: any free port). The database must be migrated (`migrate`).
    pub async fn build(
        leptos: LeptosOptions,
        pool: PgPool,
        sandbox: SandboxConfig,
        addr: SocketAddr,
    ) -> anyhow::Result<Self> {
        use anyhow::Context;
        // The page shell names the hashed CSS/JS/WASM files of this build.
        let leptos = crate::pwa::assets::with_hash_file_checked(leptos);
        let sandbox = Sandbox::start(sandbox).await;
        let router = router(AppState::new(leptos, pool, sandbox));
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        let address = listener.local_addr()?;
        Ok(Self {
            listener,
            address,
            router,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    /// Each request knows its peer's address (the login and sign-up limits count
    /// per client).
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let app = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Applies migrations from `migrations/` (embedded at compile time), fills in
/// what a migration cannot compute (older answers' feedback), and creates the
/// session store's table.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::migrate!("./migrations").run(pool).await?;
    let filled = crate::learning::answers::backfill_feedback(pool)
        .await
        .map_err(|e| anyhow::anyhow!("filling in the feedback of older answers: {e:?}"))?;
    if filled > 0 {
        tracing::info!(
            filled,
            "stored feedback for answers given before it was kept"
        );
    }
    tower_sessions_sqlx_store::PostgresStore::new(pool.clone())
        .migrate()
        .await?;
    Ok(())
}

/// Background upkeep of a running server: expired sessions and old login and
/// sign-up counters are deleted hourly.
pub fn spawn_housekeeping(pool: &PgPool) {
    let store = tower_sessions_sqlx_store::PostgresStore::new(pool.clone());
    tokio::spawn(
        tower_sessions::ExpiredDeletion::continuously_delete_expired(
            store,
            tokio::time::Duration::from_secs(3600),
        ),
    );
    let pool = pool.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            if let Err(e) = crate::auth::throttle::remove_old(&pool).await {
                tracing::warn!(error = %e, "removing old throttle rows");
            }
        }
    });
}
