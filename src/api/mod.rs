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

use crate::server::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Grader API",
        version = "1",
        license(name = "Все права защищены"),
        description = "Грейдер: каталог профессий и тем, ответы учеников и редактирование контента. \
                       Ошибки — всегда JSON {error, message, fields?}."
    ),
    paths(
        content::professions, content::grades, content::modules, content::topics, content::exercises,
        learner::answer, learner::progress,
        catalog_authoring::create_profession, catalog_authoring::get_profession,
        catalog_authoring::update_profession, catalog_authoring::delete_profession,
        catalog_authoring::create_grade, catalog_authoring::get_grade,
        catalog_authoring::update_grade, catalog_authoring::delete_grade,
        catalog_authoring::list_projects, catalog_authoring::create_project, catalog_authoring::get_project,
        catalog_authoring::update_project, catalog_authoring::delete_project,
        catalog_authoring::list_checklist_items, catalog_authoring::create_checklist_item,
        catalog_authoring::get_checklist_item, catalog_authoring::update_checklist_item,
        catalog_authoring::delete_checklist_item,
        authoring::list_modules, authoring::create_module, authoring::get_module,
        authoring::update_module, authoring::delete_module,
        authoring::list_topics, authoring::create_topic, authoring::get_topic,
        authoring::update_topic, authoring::delete_topic,
        authoring::list_questions, authoring::create_question, authoring::get_question,
        authoring::update_question, authoring::delete_question,
        authoring::list_tasks, authoring::create_task, authoring::get_task,
        authoring::update_task, authoring::delete_task, authoring::run_task,
        authoring::list_theory_cards, authoring::create_theory_card, authoring::get_theory_card,
        authoring::update_theory_card, authoring::delete_theory_card,
        authoring::list_cases, authoring::create_case, authoring::get_case,
        authoring::update_case, authoring::delete_case,
        bundles::export_catalog, bundles::export_profession, bundles::import,
    ),
    modifiers(&Security, &CommonResponses),
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

/// The API's routes, to be nested under /api/v1 (so unknown /api/v1 paths get
/// the JSON 404 of this router's fallback).
pub fn router() -> Router<AppState> {
    use axum::routing::{get as g, post};
    Router::new()
        .route(
            "/openapi.json",
            get(|| async { axum::Json(ApiDoc::openapi()) }),
        )
        .route("/docs", get(docs::page))
        .route(
            "/professions",
            g(content::professions).post(catalog_authoring::create_profession),
        )
        .route(
            "/professions/{profession}",
            g(catalog_authoring::get_profession)
                .put(catalog_authoring::update_profession)
                .delete(catalog_authoring::delete_profession),
        )
        .route(
            "/professions/{profession}/grades",
            g(content::grades).post(catalog_authoring::create_grade),
        )
        .route(
            "/professions/{profession}/grades/{grade}/modules",
            g(content::modules),
        )
        .route(
            "/professions/{profession}/grades/{grade}/modules/{module}/topics",
            g(content::topics),
        )
        .route(
            "/professions/{profession}/grades/{grade}/modules/{module}/topics/{topic}/exercises",
            g(content::exercises),
        )
        .route("/answers", post(learner::answer))
        .route("/progress", g(learner::progress))
        .route(
            "/grades/{grade_id}",
            g(catalog_authoring::get_grade)
                .put(catalog_authoring::update_grade)
                .delete(catalog_authoring::delete_grade),
        )
        .route(
            "/grades/{grade_id}/projects",
            g(catalog_authoring::list_projects).post(catalog_authoring::create_project),
        )
        .route(
            "/projects/{project_id}",
            g(catalog_authoring::get_project)
                .put(catalog_authoring::update_project)
                .delete(catalog_authoring::delete_project),
        )
        .route(
            "/projects/{project_id}/items",
            g(catalog_authoring::list_checklist_items)
                .post(catalog_authoring::create_checklist_item),
        )
        .route(
            "/project-items/{item_id}",
            g(catalog_authoring::get_checklist_item)
                .put(catalog_authoring::update_checklist_item)
                .delete(catalog_authoring::delete_checklist_item),
        )
        .route(
            "/grades/{grade_id}/modules",
            g(authoring::list_modules).post(authoring::create_module),
        )
        .route(
            "/modules/{id}",
            g(authoring::get_module)
                .put(authoring::update_module)
                .delete(authoring::delete_module),
        )
        .route(
            "/modules/{module_id}/topics",
            g(authoring::list_topics).post(authoring::create_topic),
        )
        .route(
            "/topics/{id}",
            g(authoring::get_topic)
                .put(authoring::update_topic)
                .delete(authoring::delete_topic),
        )
        .route(
            "/topics/{topic_id}/questions",
            g(authoring::list_questions).post(authoring::create_question),
        )
        .route(
            "/questions/{id}",
            g(authoring::get_question)
                .put(authoring::update_question)
                .delete(authoring::delete_question),
        )
        .route(
            "/topics/{topic_id}/tasks",
            g(authoring::list_tasks).post(authoring::create_task),
        )
        .route(
            "/tasks/{id}",
            g(authoring::get_task)
                .put(authoring::update_task)
                .delete(authoring::delete_task),
        )
        .route("/tasks/{id}/run", post(authoring::run_task))
        .route(
            "/topics/{topic_id}/theory",
            g(authoring::list_theory_cards).post(authoring::create_theory_card),
        )
        .route(
            "/theory/{id}",
            g(authoring::get_theory_card)
                .put(authoring::update_theory_card)
                .delete(authoring::delete_theory_card),
        )
        .route(
            "/topics/{topic_id}/cases",
            g(authoring::list_cases).post(authoring::create_case),
        )
        .route(
            "/cases/{id}",
            g(authoring::get_case)
                .put(authoring::update_case)
                .delete(authoring::delete_case),
        )
        .route("/bundles", g(bundles::export_catalog).post(bundles::import))
        .route("/bundles/{profession}", g(bundles::export_profession))
        // Bundles may be large: up to the importer's own limit.
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::seeds::MAX_BUNDLE_BYTES,
        ))
        .fallback(|| async { error::ApiError(crate::error::AppError::NotFound) })
}
