//! The REST API, /api/v1 (JSON): public reads of published content, CRUD for
//! authors, answers and progress for learners. Its OpenAPI 3.1 document is
//! generated from the handlers by utoipa and served at /api/v1/openapi.json, with
//! a docs page rendered by the app itself (no CDN, no bundled UI).

pub mod auth;
mod authoring;
pub mod bundles;
mod catalog_authoring;
mod content;
mod docs;
pub mod error;
mod learner;

use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::server::AppState;

/// The document's header; its paths and schemas come from the routes
/// (`router`), registered through utoipa-axum.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Grader API",
        version = "1",
        license(name = "Все права защищены"),
        description = "Грейдер: каталог профессий и тем, ответы учеников и редактирование контента. \
                       Ошибки — всегда JSON {error, message, fields?}."
    ),
    modifiers(&Security),
    tags(
        (name = "content", description = "Опубликованный контент, без верных ответов"),
        (name = "learning", description = "Ответы и прогресс текущего ученика"),
        (name = "authoring", description = "Редактирование: роли author и admin"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("grader_session"))),
        );
    }
}

/// Statuses any operation can answer before its handler runs, documented on each
/// so that a client (and schemathesis's status-code check) knows them: 400 for a
/// malformed path, query or body, 413 for a body over the limit, 429 when the
/// caller is throttled and 503 while the server is overloaded or stopping.
struct CommonResponses;

impl CommonResponses {
    fn error(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ApiErrorBody")))
                    .build(),
            )
            .into()
    }
}

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                let takes_input = op.request_body.is_some()
                    || op.parameters.as_ref().is_some_and(|p| !p.is_empty());
                let mut add = |status: &str, description: &str| {
                    op.responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| Self::error(description));
                };
                if takes_input {
                    add("400", "malformed path, query or body");
                }
                if op.request_body.is_some() {
                    add("413", "body over the size limit");
                }
                add("429", "too many requests from this caller");
                add("503", "overloaded or shutting down: retry later");
            }
        }
    }
}

/// Every documented route, relative to /api/v1.
fn documented() -> OpenApiRouter<AppState> {
    use utoipa_axum::routes;
    OpenApiRouter::new()
        .routes(routes!(content::modules))
        .routes(routes!(content::topics))
        .routes(routes!(content::exercises))
        .routes(routes!(learner::answer))
        .routes(routes!(learner::progress))
        .merge(catalog_authoring::routes())
        .merge(authoring::routes())
        .merge(bundles::routes())
}

/// Routes under /api/v1, and the document of what `api` documents.
fn under_prefix(api: OpenApiRouter<AppState>) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", api)
        .split_for_parts();
    CommonResponses.modify(&mut doc);
    (router, doc)
}

/// The OpenAPI document, built once from the routes.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOC: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOC.get_or_init(|| under_prefix(documented()).1)
}

/// The API at /api/v1: its documented routes, the document and its page, and a
/// JSON 404 for any other /api/v1 path.
pub fn router() -> Router<AppState> {
    let api = documented()
        .route("/openapi.json", get(|| async { axum::Json(document()) }))
        .route("/docs", get(docs::page))
        // Bundles may be large: up to the importer's own limit.
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::server::guard::MAX_BUNDLE_BYTES,
        ))
        .fallback(|| async { error::ApiError(crate::error::AppError::NotFound) });
    under_prefix(api).0
}
