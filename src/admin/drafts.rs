//! Keeps what an author typed when a plain form post (no JavaScript) fails.
//!
//! Leptos answers a failed form post with a redirect back to the page and the
//! error in the URL; the page then renders the saved row again, and the typed
//! text would be gone. So a middleware keeps the posted fields in the session
//! when the answer is such an error redirect, and hands them to the very next
//! /admin page; its fields show them instead of the saved values, but only in
//! the form whose action failed (the one whose `ServerAction` holds the error).

use serde::{Deserialize, Serialize};

/// The fields of the form post that just failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormDraft(pub Vec<(String, String)>);

impl FormDraft {
    /// The posted value of a field (the first, for repeated names).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The failed form's fields when this page render follows one (server only:
/// the /admin pages are rendered on the server).
pub fn current() -> Option<FormDraft> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<axum::http::request::Parts>()?
            .extensions
            .get::<FormDraft>()
            .cloned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// What a field shows: the typed value after its form failed, else the saved one.
pub fn value_of<T>(
    failed: &Option<Result<T, crate::error::AppError>>,
    name: &str,
    saved: String,
) -> String {
    if matches!(failed, Some(Err(_))) {
        if let Some(typed) = current().as_ref().and_then(|d| d.get(name)) {
            return typed.to_string();
        }
    }
    saved
}

/// Whether a checkbox is ticked: as posted after its form failed, else as saved.
pub fn checked_of<T>(
    failed: &Option<Result<T, crate::error::AppError>>,
    name: &str,
    saved: bool,
) -> bool {
    if matches!(failed, Some(Err(_))) {
        if let Some(draft) = current() {
            return draft.get(name).is_some();
        }
    }
    saved
}

#[cfg(feature = "ssr")]
pub use middleware::keep_failed_form;

#[cfg(feature = "ssr")]
mod middleware {
    use axum::body::Body;
    use axum::extract::Request;
    use axum::http::{header, Method, StatusCode};
    use axum::middleware::Next;
    use axum::response::{IntoResponse, Response};
    use tower_sessions::Session;

    use super::FormDraft;

    const KEY: &str = "form_draft";
    /// The body limit of every form post (`server::guard`).
    const LIMIT: usize = crate::server::guard::BODY_LIMIT;

    pub async fn keep_failed_form(session: Session, mut request: Request, next: Next) -> Response {
        // In a block: a borrow of the request (not `Sync`) must not live across an await.
        let (is_get, admin_page, plain_form) = {
            let path = request.uri().path();
            let header = |name| {
                request
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
            };
            (
                request.method() == Method::GET,
                path.starts_with("/admin"),
                // Only a browser's own form post to an /admin server function.
                request.method() == Method::POST
                    && path.starts_with("/api/admin/")
                    && header(header::CONTENT_TYPE)
                        .starts_with("application/x-www-form-urlencoded")
                    && header(header::ACCEPT).contains("text/html"),
            )
        };
        if is_get && admin_page {
            if let Ok(Some(draft)) = session.remove::<FormDraft>(KEY).await {
                request.extensions_mut().insert(draft);
            }
            return next.run(request).await;
        }
        if !plain_form {
            return next.run(request).await;
        }
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, LIMIT).await else {
            return (StatusCode::PAYLOAD_TOO_LARGE, "Форма слишком большая.").into_response();
        };
        let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
        let response = next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
        let failed = response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.contains("__err="));
        // Only a signed-in session keeps a draft: an anonymous post must not make
        // a session row (the post was refused anyway).
        if failed && crate::auth::session::has_learner(&session).await {
            if let Err(error) = session.insert(KEY, FormDraft(fields)).await {
                tracing::warn!(%error, "could not keep a failed form's fields");
            }
        }
        response
    }
}
