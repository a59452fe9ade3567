//! CRUD for authors (role author or admin; by token or session), every kind
//! through the authoring core, so validation, optimistic locking and delete
//! confirmation are /admin's: PUT carries the `version` it read (409 when stale),
//! DELETE of something learners answered or ticked needs `?confirm=true`.
//!
//! `collection!` and `item!` stamp each kind's handlers with their OpenAPI
//! description; `routes()` registers them through utoipa-axum, so the router and
//! the document are built from the same list.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::Author;
use super::error::{ApiErrorBody, ApiResult, Json, Path, Query};
use crate::authoring::core;
use crate::authoring::{
    CaseInput, CaseRow, ChecklistItemInput, ChecklistItemRow, GradeInput, GradeRow, ModuleRow,
    ProjectRow, QuestionInput, QuestionRow, RunOutput, SectionInput, TaskInput, TaskRow,
    TheoryInput, TheoryRow, TopicRow,
};
use crate::server::AppState;

/// An update: the fields, and the `version` the client read (409 when stale).
#[derive(Debug, Deserialize, ToSchema)]
pub struct Versioned<T> {
    pub version: String,
    #[serde(flatten)]
    pub fields: T,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteParams {
    /// Required when learners have answered exercises inside (or ticked a checklist).
    pub confirm: Option<bool>,
}

/// GET (drafts included) and POST of the rows under one parent.
macro_rules! collection {
    ($row:ty, $input:ty, $path:tt, $parent:tt, $list:ident, $create:ident) => {
        #[utoipa::path(get, path = $path, tag = "authoring", params(($parent = i64, Path)),
                    responses((status = 200, body = Vec<$row>, description = "drafts included"),
                        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
                        (status = 404, body = ApiErrorBody)),
                    security(("bearer" = []), ("cookie" = [])))]
        pub async fn $list(
            State(s): State<AppState>,
            _: Author,
            Path(parent): Path<i64>,
        ) -> ApiResult<Json<Vec<$row>>> {
            Ok(Json(core::list::<$row>(&s.pool, parent).await?))
        }

        #[utoipa::path(post, path = $path, tag = "authoring", params(($parent = i64, Path)),
                    request_body = $input,
                    responses((status = 201, body = $row), (status = 401, body = ApiErrorBody),
                        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
                        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
                    security(("bearer" = []), ("cookie" = [])))]
        pub async fn $create(
            State(s): State<AppState>,
            _: Author,
            Path(parent): Path<i64>,
            Json(input): Json<$input>,
        ) -> ApiResult<(StatusCode, Json<$row>)> {
            let row = core::create::<$row>(&s.pool, parent, &input).await?;
            Ok((StatusCode::CREATED, Json(row)))
        }
    };
}

/// GET, PUT and DELETE of one row by id.
macro_rules! item {
    ($row:ty, $input:ty, $path:tt, $id:tt, $get:ident, $update:ident, $delete:ident) => {
        #[utoipa::path(get, path = $path, tag = "authoring", params(($id = i64, Path)),
            responses((status = 200, body = $row), (status = 401, body = ApiErrorBody),
                (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
            security(("bearer" = []), ("cookie" = [])))]
        pub async fn $get(
            State(s): State<AppState>,
            _: Author,
            Path(id): Path<i64>,
        ) -> ApiResult<Json<$row>> {
            Ok(Json(core::get::<$row>(&s.pool, id).await?))
        }

        #[utoipa::path(put, path = $path, tag = "authoring", params(($id = i64, Path)),
            request_body = Versioned<$input>,
            responses((status = 200, body = $row), (status = 401, body = ApiErrorBody),
                (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
                (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
            security(("bearer" = []), ("cookie" = [])))]
        pub async fn $update(
            State(s): State<AppState>,
            _: Author,
            Path(id): Path<i64>,
            Json(input): Json<Versioned<$input>>,
        ) -> ApiResult<Json<$row>> {
            let row = core::update::<$row>(&s.pool, id, &input.version, &input.fields).await?;
            Ok(Json(row))
        }

        #[utoipa::path(delete, path = $path, tag = "authoring", params(($id = i64, Path), DeleteParams),
            responses((status = 204, description = "deleted"), (status = 401, body = ApiErrorBody),
                (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
                (status = 409, body = ApiErrorBody)),
            security(("bearer" = []), ("cookie" = [])))]
        pub async fn $delete(
            State(s): State<AppState>,
            _: Author,
            Path(id): Path<i64>,
            Query(p): Query<DeleteParams>,
        ) -> ApiResult<StatusCode> {
            core::delete::<$row>(&s.pool, id, p.confirm.unwrap_or(false)).await?;
            Ok(StatusCode::NO_CONTENT)
        }
    };
}

item!(
    GradeRow,
    GradeInput,
    "/grades/{grade_id}",
    "grade_id",
    get_grade,
    update_grade,
    delete_grade
);
collection!(
    ProjectRow,
    SectionInput,
    "/grades/{grade_id}/projects",
    "grade_id",
    list_projects,
    create_project
);
item!(
    ProjectRow,
    SectionInput,
    "/projects/{project_id}",
    "project_id",
    get_project,
    update_project,
    delete_project
);
collection!(
    ChecklistItemRow,
    ChecklistItemInput,
    "/projects/{project_id}/items",
    "project_id",
    list_checklist_items,
    create_checklist_item
);
item!(
    ChecklistItemRow,
    ChecklistItemInput,
    "/project-items/{item_id}",
    "item_id",
    get_checklist_item,
    update_checklist_item,
    delete_checklist_item
);
collection!(
    ModuleRow,
    SectionInput,
    "/grades/{grade_id}/modules",
    "grade_id",
    list_modules,
    create_module
);
item!(
    ModuleRow,
    SectionInput,
    "/modules/{id}",
    "id",
    get_module,
    update_module,
    delete_module
);
collection!(
    TopicRow,
    SectionInput,
    "/modules/{module_id}/topics",
    "module_id",
    list_topics,
    create_topic
);
item!(
    TopicRow,
    SectionInput,
    "/topics/{id}",
    "id",
    get_topic,
    update_topic,
    delete_topic
);
collection!(
    QuestionRow,
    QuestionInput,
    "/topics/{topic_id}/questions",
    "topic_id",
    list_questions,
    create_question
);
item!(
    QuestionRow,
    QuestionInput,
    "/questions/{id}",
    "id",
    get_question,
    update_question,
    delete_question
);
collection!(
    TaskRow,
    TaskInput,
    "/topics/{topic_id}/tasks",
    "topic_id",
    list_tasks,
    create_task
);
item!(
    TaskRow,
    TaskInput,
    "/tasks/{id}",
    "id",
    get_task,
    update_task,
    delete_task
);
collection!(
    TheoryRow,
    TheoryInput,
    "/topics/{topic_id}/theory",
    "topic_id",
    list_theory_cards,
    create_theory_card
);
item!(
    TheoryRow,
    TheoryInput,
    "/theory/{id}",
    "id",
    get_theory_card,
    update_theory_card,
    delete_theory_card
);
collection!(
    CaseRow,
    CaseInput,
    "/topics/{topic_id}/cases",
    "topic_id",
    list_cases,
    create_case
);
item!(
    CaseRow,
    CaseInput,
    "/cases/{id}",
    "id",
    get_case,
    update_case,
    delete_case
);

/// «Проверить код»: runs the task's saved code with python3 in the bubblewrap
/// sandbox (no network, 5 s, 256 MB) and returns what it printed; 503 when code
/// running is off or every slot is busy.
#[utoipa::path(post, path = "/tasks/{id}/run", tag = "authoring", params(("id" = i64, Path)),
    responses((status = 200, body = RunOutput), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 503, body = ApiErrorBody)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn run_task(
    State(s): State<AppState>,
    _: Author,
    Path(id): Path<i64>,
) -> ApiResult<Json<RunOutput>> {
    let task = core::get::<TaskRow>(&s.pool, id).await?;
    Ok(Json(
        crate::authoring::tasks::run(&s.sandbox, &task.code).await?,
    ))
}

/// Every kind's routes. A new kind adds its `collection!`/`item!` lines above and
/// one line here.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_grade, update_grade, delete_grade))
        .routes(routes!(list_projects, create_project))
        .routes(routes!(get_project, update_project, delete_project))
        .routes(routes!(list_checklist_items, create_checklist_item))
        .routes(routes!(
            get_checklist_item,
            update_checklist_item,
            delete_checklist_item
        ))
        .routes(routes!(list_modules, create_module))
        .routes(routes!(get_module, update_module, delete_module))
        .routes(routes!(list_topics, create_topic))
        .routes(routes!(get_topic, update_topic, delete_topic))
        .routes(routes!(list_questions, create_question))
        .routes(routes!(get_question, update_question, delete_question))
        .routes(routes!(list_tasks, create_task))
        .routes(routes!(get_task, update_task, delete_task))
        .routes(routes!(run_task))
        .routes(routes!(list_theory_cards, create_theory_card))
        .routes(routes!(
            get_theory_card,
            update_theory_card,
            delete_theory_card
        ))
        .routes(routes!(list_cases, create_case))
        .routes(routes!(get_case, update_case, delete_case))
}
