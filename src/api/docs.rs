//! /api/v1/docs: the OpenAPI document as a readable page, rendered on the server
//! from the same document as openapi.json (so it cannot drift), in Grader's style.

use axum::response::Html;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{RefOr, Required};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn operation(method: &str, path: &str, op: &Operation) -> String {
    let mut html = format!(
        "<section class=\"api-op\"><h3><code>{method} {}</code></h3>",
        esc(path)
    );
    if let Some(text) = op.summary.as_ref().or(op.description.as_ref()) {
        html += &format!("<p>{}</p>", esc(text));
    }
    if let Some(params) = &op.parameters {
        html += "<ul>";
        for p in params {
            let required = matches!(p.required, Required::True);
            html += &format!(
                "<li><code>{}</code> ({}{}){}</li>",
                esc(&p.name),
                match p.parameter_in {
                    ParameterIn::Path => "в пути",
                    ParameterIn::Query => "в запросе",
                    ParameterIn::Header => "заголовок",
                    ParameterIn::Cookie => "cookie",
                },
                if required {
                    ", обязательный"
                } else {
                    ""
                },
                p.description
                    .as_deref()
                    .map(|d| format!(" — {}", esc(d)))
                    .unwrap_or_default()
            );
        }
        html += "</ul>";
    }
    if let Some(body) = &op.request_body {
        for (media, content) in &body.content {
            html += &format!(
                "<p>Тело: <code>{}</code> {}</p>",
                esc(media),
                schema_name(&content.schema)
            );
        }
    }
    html += "<p>Ответы: ";
    let codes: Vec<String> = op
        .responses
        .responses
        .iter()
        .map(|(code, r)| match r {
            RefOr::T(resp) => {
                let schema = resp
                    .content
                    .values()
                    .next()
                    .map(|c| schema_name(&c.schema))
                    .unwrap_or_default();
                format!("<code>{}</code> {}", esc(code), schema)
            }
            RefOr::Ref(_) => format!("<code>{}</code>", esc(code)),
        })
        .collect();
    html += &codes.join(", ");
    html += "</p></section>";
    html
}

fn schema_name(schema: &Option<RefOr<utoipa::openapi::schema::Schema>>) -> String {
    match schema {
        Some(RefOr::Ref(r)) => esc(r.ref_location.rsplit('/').next().unwrap_or_default()),
        Some(RefOr::T(_)) => "(схема в openapi.json)".into(),
        None => String::new(),
    }
}

pub async fn page(
    axum::extract::State(state): axum::extract::State<crate::server::AppState>,
) -> Html<String> {
    let css = &crate::pwa::assets::shell_assets(&state.leptos_options).css;
    let doc = super::document();
    let mut body = String::new();
    for (path, item) in &doc.paths.paths {
        for (method, op) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ] {
            if let Some(op) = op {
                body += &operation(method, path, op);
            }
        }
    }
    Html(format!(
        r#"<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API — Грейдер</title><link rel="stylesheet" href="{css}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body><main class="api-docs">
<p><a href="/">Грейдер</a> · <a href="/admin">Авторская</a></p>
<h1>{title} <small>v{version}</small></h1>
<p>{description}</p>
<p>Документ OpenAPI {openapi}: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
Авторизация: cookie сессии (после входа на сайте) или личный токен
<code>Authorization: Bearer grd_…</code> из <a href="/admin/tokens">/admin/tokens</a>.
Списки принимают <code>limit</code> (1–100) и <code>offset</code> и возвращают <code>total</code>.
Ошибки: <code>{{"error", "message", "fields"?}}</code> со статусами 400, 401, 403, 404, 409, 422.</p>
{body}
</main></body></html>"#,
        title = esc(&doc.info.title),
        version = esc(&doc.info.version),
        description = esc(doc.info.description.as_deref().unwrap_or_default()),
        openapi = "3.1",
    ))
}
