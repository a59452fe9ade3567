//! The HTTP router: every feature's routes (Leptos pages and server functions,
//! the REST API, the PWA's files, bundle uploads), health, and the layers every
//! request goes through (request log, compression, sessions, the guards).

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tower_sessions::cookie::{time, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;
use tracing::Level;

use crate::app::{shell, App};
use crate::server::cookies::{secure_cookies_over_https, SESSION_COOKIE};
use crate::server::{guard, AppState};

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let pool = state.pool.clone();
    let sandbox = state.sandbox.clone();
    let options = state.leptos_options.clone();
    // Sessions live in PostgreSQL, so any instance can serve any request.
    let sessions = SessionManagerLayer::new(PostgresStore::new(state.pool.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(false)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(60)));
    Router::new()
        .route("/healthz", get(health))
        .route("/sw.js", get(crate::pwa::assets::service_worker))
        // Browsers ask for /favicon.ico on anything that is not our HTML (the JSON
        // API opened as a page, say); the icon is an SVG.
        .route(
            "/favicon.ico",
            get(|| async { axum::response::Redirect::permanent("/favicon.svg") }),
        )
        .route("/pwa.js", get(crate::pwa::assets::page_script))
        .merge(crate::api::router())
        .route(
            "/admin/bundles/import",
            axum::routing::post(crate::api::bundles::upload_form).layer(
                axum::extract::DefaultBodyLimit::max(crate::server::guard::MAX_BUNDLE_BYTES),
            ),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(pool.clone());
                provide_context(sandbox.clone());
                guard::provide_page_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(guard::provide_page_nonce, shell))
        // Inside the session layer: it keeps a failed /admin form's fields.
        .layer(middleware::from_fn(crate::admin::drafts::keep_failed_form))
        .layer(CompressionLayer::new())
        // A bug that panics answers 500 instead of leaving the request hanging.
        .layer(CatchPanicLayer::new())
        .layer(sessions)
        .layer(middleware::from_fn(secure_cookies_over_https))
        // Before any handler reads a body: its size, then where it came from.
        .layer(middleware::from_fn(guard::body_limit))
        .layer(middleware::from_fn(guard::same_origin))
        .layer(middleware::from_fn(guard::csp_nonce))
        .layer(middleware::from_fn(guard::security_headers))
        .layer(middleware::from_fn(guard::client_ip))
        // One line per request: method, path, status and latency.
        .layer(
            TraceLayer::new_for_http().on_response(
                DefaultOnResponse::new()
                    .level(Level::INFO)
                    .latency_unit(LatencyUnit::Micros),
            ),
        )
        .with_state(state)
}

/// 200 when the database answers, 503 when it does not.
async fn health(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let ping = tokio::time::timeout(
        Duration::from_secs(2),
        sqlx::query("SELECT 1").execute(&state.pool),
    );
    match ping.await {
        Ok(Ok(_)) => (StatusCode::OK, "ok"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}
