//! The session cookie over https: `Secure` and `__Host-` prefixed.

use axum::extract::Request;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// The session cookie's name; over https it travels as `__Host-grader_session`.
pub const SESSION_COOKIE: &str = "grader_session";
const HOST_PREFIX: &str = "__Host-";

/// Over https (directly or through a proxy that says so): cookies are `Secure`,
/// and the session cookie is `__Host-` prefixed, so that no other host (a sibling
/// subdomain, a plain-http page) can set or overwrite it. Plain http://127.0.0.1
/// keeps the unprefixed name, which browsers refuse to prefix without https.
pub async fn secure_cookies_over_https(mut request: Request, next: Next) -> Response {
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
