//! Defences every request goes through, before any handler runs:
//! - `same_origin`: a state-changing request that a browser could send on its
//!   own (authenticated by cookie, or a login) must come from Grader's own pages.
//! - `body_limit`: per-route body sizes, 413 before anything parses the body.
//! - `security_headers`: nosniff, referrer policy, framing, HSTS over https, a
//!   default CSP, and `no-store` on private pages.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};

use crate::error::AppError;

/// Server functions, forms and answers: a few KB is plenty, 64 KB is generous
/// (the longest authored markdown fits with room to spare).
pub const BODY_LIMIT: usize = 64 * 1024;

/// True for requests that change nothing (they need no origin check).
fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Requests with `Authorization: Bearer …` carry their own credential: a page on
/// another site cannot add that header without a CORS preflight Grader never
/// grants, so they are not forgeable the way cookie requests are.
fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

/// The host the request was sent to (as the browser saw it, behind a proxy).
fn own_host(request: &Request) -> Option<String> {
    let headers = request.headers();
    headers
        .get("x-forwarded-host")
        .or_else(|| headers.get(header::HOST))
        .and_then(|v| v.to_str().ok())
        .map(|h| h.split(',').next().unwrap_or(h).trim().to_ascii_lowercase())
        .or_else(|| {
            request
                .uri()
                .authority()
                .map(|a| a.as_str().to_ascii_lowercase())
        })
}

/// Whether a state-changing request comes from Grader's own pages: `Sec-Fetch-Site`
/// (set by every current browser, unforgeable by pages) must say same-origin, and
/// `Origin` must name this host. A request with neither is refused: every browser
/// sends at least one of them on a POST.
pub fn from_own_pages(request: &Request) -> bool {
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    if fetch_site.is_none() && origin.is_none() {
        return false;
    }
    if fetch_site.is_some_and(|s| s != "same-origin") {
        return false;
    }
    match origin {
        None => true,
        Some(origin) => {
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            match (authority, own_host(request)) {
                (Some(authority), Some(host)) => authority.eq_ignore_ascii_case(&host),
                _ => false,
            }
        }
    }
}

pub async fn same_origin(request: Request, next: Next) -> Response {
    // Only the REST API takes tokens; elsewhere a bearer header proves nothing.
    let api_token = request.uri().path().starts_with("/api/v1/") && has_bearer(request.headers());
    if is_safe(request.method()) || api_token || from_own_pages(&request) {
        return next.run(request).await;
    }
    tracing::warn!(
        path = %request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        "refused a cross-site request"
    );
    refuse(&request, AppError::CrossSite)
}

/// The error in the shape the caller reads: JSON for fetch and the API, text for
/// a plain form post.
fn refuse(request: &Request, error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if wants_html {
        return (status, error.user_message()).into_response();
    }
    let body = serde_json::json!({"error": error.code(), "message": error.user_message()});
    (status, axum::Json(body)).into_response()
}

/// The address a request came from. Behind a reverse proxy on the same machine
/// (the peer is loopback), the address that proxy appended to X-Forwarded-For;
/// otherwise the peer itself, whatever the headers say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

pub fn resolve_client_ip(peer: Option<IpAddr>, headers: &HeaderMap) -> IpAddr {
    let unknown = IpAddr::from([0, 0, 0, 0]);
    match peer {
        Some(peer) if peer.is_loopback() => headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|ip| ip.trim().parse().ok())
            .unwrap_or(peer),
        Some(peer) => peer,
        None => unknown,
    }
}

pub async fn client_ip(mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let ip = resolve_client_ip(peer, request.headers());
    request.extensions_mut().insert(ClientIp(ip));
    next.run(request).await
}

/// The client's address inside a server function.
pub fn client_ip_in_context() -> IpAddr {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientIp>().copied())
        .map(|c| c.0)
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// A `return_to` that stays on this site: a path starting with one `/`, with no
/// backslash (browsers read `/\\evil.com` as `//evil.com`) and nothing outside
/// printable ASCII (a line break in a Location header would be refused). Anything
/// else is `fallback`.
pub fn safe_local_path(to: &str, fallback: &str) -> String {
    let local = to.starts_with('/')
        && !to.starts_with("//")
        && !to.contains('\\')
        && to.bytes().all(|b| (0x21..0x7f).contains(&b));
    if local {
        to.to_string()
    } else {
        fallback.to_string()
    }
}

/// Uploads larger than this are refused (the whole seeds folder packs to ~300 KB).
pub const MAX_BUNDLE_BYTES: usize = 8 * 1024 * 1024;

/// Bundles (a whole catalog as .tar.gz) are the only large bodies.
fn limit_for(method: &Method, path: &str) -> usize {
    let bundle =
        (*method == Method::POST && path == "/api/v1/bundles") || path == "/admin/bundles/import";
    if bundle {
        MAX_BUNDLE_BYTES
    } else {
        BODY_LIMIT
    }
}

pub async fn body_limit(request: Request, next: Next) -> Response {
    let limit = limit_for(request.method(), request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return refuse(&request, AppError::TooLarge(limit));
    }
    // A body without a length (chunked) is cut off at the limit as it streams.
    let (parts, body) = request.into_parts();
    let limited = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}

/// Pages and API answers that belong to one person: never kept by a browser or a
/// proxy cache.
fn is_private(path: &str) -> bool {
    path == "/profile"
        || path.starts_with("/profile/")
        || path == "/admin"
        || path.starts_with("/admin/")
        || path.starts_with("/api/v1/progress")
        || path.starts_with("/api/auth/")
        || path.starts_with("/api/admin/")
}

/// The policy of responses that are not HTML pages (pages carry their own, with
/// the nonce of their hydration scripts: see `csp_nonce`).
pub const DEFAULT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The page policy with a nonce for Leptos's inline hydration scripts. Inline
/// `style` attributes (progress bars) stay allowed: they run no code.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// A fresh nonce for every request, known before anything renders: Leptos puts it
/// on its inline hydration scripts (`provide_page_nonce`), and an HTML response
/// gets the page policy naming it. Set here rather than while the page renders, so
/// that no HTML response can go out with a policy that does not name its nonce.
pub async fn csp_nonce(mut request: Request, next: Next) -> Response {
    let nonce = leptos::nonce::Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        if let Ok(value) = HeaderValue::from_str(&page_csp(&nonce)) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// In a Leptos render: this request's nonce (from `csp_nonce`) replaces the one
/// leptos_axum made up, so the scripts carry the nonce the header names.
pub fn provide_page_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<leptos::nonce::Nonce>().cloned())
    {
        provide_context(nonce);
    }
}

pub async fn security_headers(request: Request, next: Next) -> Response {
    let https = request.uri().scheme_str() == Some("https")
        || request
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let private = is_private(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        headers,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(headers, header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    }
    if https {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    if private {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder()
            .method(Method::POST)
            .uri("/api/learning/answer")
            .header(header::HOST, "grader.example:3000");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn a_post_from_its_own_origin_passes_and_any_other_is_refused() {
        assert!(from_own_pages(&post(&[(
            "origin",
            "http://grader.example:3000"
        )])));
        assert!(from_own_pages(&post(&[(
            "origin",
            "https://grader.example:3000"
        )])));
        assert!(from_own_pages(&post(&[("sec-fetch-site", "same-origin")])));
        assert!(!from_own_pages(&post(&[("origin", "http://evil.example")])));
        assert!(!from_own_pages(&post(&[(
            "origin",
            "http://grader.example:3000.evil.example"
        )])));
        assert!(!from_own_pages(&post(&[("origin", "null")])));
        assert!(!from_own_pages(&post(&[("sec-fetch-site", "same-site")])));
        assert!(!from_own_pages(&post(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://grader.example:3000")
        ])));
        assert!(!from_own_pages(&post(&[])));
    }

    #[test]
    fn forwarded_for_counts_only_behind_a_local_proxy() {
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", "1.1.1.1, 203.0.113.7".parse().unwrap());
        let (local, remote) = (
            IpAddr::from([127, 0, 0, 1]),
            IpAddr::from([198, 51, 100, 2]),
        );
        assert_eq!(
            resolve_client_ip(Some(local), &headers),
            IpAddr::from([203, 0, 113, 7])
        );
        assert_eq!(resolve_client_ip(Some(remote), &headers), remote);
        assert_eq!(resolve_client_ip(Some(local), &HeaderMap::new()), local);
    }

    #[test]
    fn return_paths_stay_on_the_site() {
        let safe = |to| safe_local_path(to, "/");
        assert_eq!(
            safe("/professions/python?x=1#ex-2"),
            "/professions/python?x=1#ex-2"
        );
        for bad in [
            "//evil.com",
            "/\\evil.com",
            "/\\/evil.com",
            "https://evil.com",
            "evil",
            "/a%0A",
            "/a\nb",
            "/a b",
            "",
        ] {
            let bad = bad.replace("%0A", "\n");
            assert_eq!(safe_local_path(&bad, "/"), "/", "{bad:?}");
        }
    }

    #[test]
    fn only_bundle_uploads_may_be_large() {
        assert_eq!(limit_for(&Method::POST, "/api/learning/answer"), BODY_LIMIT);
        assert_eq!(limit_for(&Method::PUT, "/api/v1/bundles"), BODY_LIMIT);
        assert!(limit_for(&Method::POST, "/api/v1/bundles") > BODY_LIMIT);
        assert!(limit_for(&Method::POST, "/admin/bundles/import") > BODY_LIMIT);
    }
}
