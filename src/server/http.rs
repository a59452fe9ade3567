//! The HTTP router: Leptos pages and server functions, static files, health, and
//! the layers every request goes through (request log, compression).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::HeaderValue;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
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

use super::AppState;
use crate::app::{shell, App};

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
        .nest("/api/v1", crate::api::router())
        .route(
            "/admin/bundles/import",
            axum::routing::post(crate::api::bundles::upload_form).layer(
                axum::extract::DefaultBodyLimit::max(crate::seeds::MAX_BUNDLE_BYTES),
            ),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(pool.clone());
                provide_context(sandbox.clone());
                super::guard::provide_page_nonce();
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(super::guard::provide_page_nonce, shell))
        // Inside the session layer: it keeps a failed /admin form's fields.
        .layer(middleware::from_fn(crate::admin::drafts::keep_failed_form))
        .layer(CompressionLayer::new())
        // A bug that panics answers 500 instead of leaving the request hanging.
        .layer(CatchPanicLayer::new())
        .layer(sessions)
        .layer(middleware::from_fn(secure_cookies_over_https))
        // Before any handler reads a body: its size, then where it came from.
        .layer(middleware::from_fn(super::guard::body_limit))
        .layer(middleware::from_fn(super::guard::same_origin))
        .layer(middleware::from_fn(super::guard::csp_nonce))
        .layer(middleware::from_fn(super::guard::security_headers))
        .layer(middleware::from_fn(super::guard::client_ip))
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

/// The session cookie's name; over https it travels as `__Host-grader_session`.
const SESSION_COOKIE: &str = "grader_session";
const HOST_PREFIX: &str = "__Host-";

/// Over https (directly or through a proxy that says so): cookies are `Secure`,
/// and the session cookie is `__Host-` prefixed, so that no other host (a sibling
/// subdomain, a plain-http page) can set or overwrite it. Plain http://127.0.0.1
/// keeps the unprefixed name, which browsers refuse to prefix without https.
async fn secure_cookies_over_https(mut request: Request, next: Next) -> Response {
    let https = request.uri().scheme_str() == Some("https")
        || request
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    if https {
        // The session layer reads the plain name: hand it the prefixed cookie only,
        // never one that some other host may have set under the plain name.
        let cookies: Vec<String> = request
            .headers()
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .map(str::trim)
            .filter(|c| !c.starts_with(&format!("{SESSION_COOKIE}=")))
            .map(|c| match c.strip_prefix(HOST_PREFIX) {
                Some(rest) if rest.starts_with(&format!("{SESSION_COOKIE}=")) => rest.to_string(),
                _ => c.to_string(),
            })
            .collect();
        request.headers_mut().remove(COOKIE);
        if let Ok(value) = HeaderValue::from_str(&cookies.join("; ")) {
            if !cookies.is_empty() {
                request.headers_mut().insert(COOKIE, value);
            }
        }
    }
    let mut response = next.run(request).await;
    if https {
        let cookies: Vec<HeaderValue> = response
            .headers_mut()
            .get_all(SET_COOKIE)
            .iter()
            .cloned()
            .collect();
        response.headers_mut().remove(SET_COOKIE);
        for cookie in cookies {
            let text = cookie.to_str().unwrap_or_default();
            let mut value = if text.starts_with(&format!("{SESSION_COOKIE}=")) {
                format!("{HOST_PREFIX}{text}")
            } else {
                text.to_string()
            };
            if !value.to_ascii_lowercase().contains("; secure") {
                value.push_str("; Secure");
            }
            let value = HeaderValue::from_str(&value).unwrap_or(cookie.clone());
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}
