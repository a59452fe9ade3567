//! Public reads of published content. Drafts are invisible here, and exercises
//! never carry correct answers (feedback appears only for the caller's own answers).

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::error::{ApiErrorBody, ApiResult, Json, Path, Query};
use crate::domain::GradeLevel;
use crate::error::AppError;
use crate::learning::ExerciseItem;
use crate::server::AppState;

/// A page of a list, and how many there are in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// 1–100, default 20.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0, maximum = 9_223_372_036_854_775_807_i64)]
    pub offset: Option<i64>,
}

impl Paging {
    fn bounds(&self) -> Result<(i64, i64), AppError> {
        let limit = self.limit.unwrap_or(20);
        let offset = self.offset.unwrap_or(0);
        if !(1..=100).contains(&limit) {
            return Err(AppError::invalid("limit", "limit — от 1 до 100."));
        }
        if offset < 0 {
            return Err(AppError::invalid(
                "offset",
                "offset не может быть отрицательным.",
            ));
        }
        Ok((limit, offset))
    }

    fn page<T>(&self, all: Vec<T>) -> Result<Page<T>, AppError> {
        let (limit, offset) = self.bounds()?;
        let total = all.len() as i64;
        let items = all
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize)
            .collect();
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Profession {
    pub slug: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Grade {
    pub slug: String,
    pub level: GradeLevel,
    pub title: String,
    pub description: String,
}

/// A module or a topic.
#[derive(Debug, Serialize, ToSchema)]
pub struct Section {
    pub slug: String,
    pub title: String,
    pub description: String,
}

#[utoipa::path(get, path = "/professions", tag = "content", params(Paging),
    responses((status = 200, body = Page<Profession>), (status = 422, body = ApiErrorBody)))]
pub async fn professions(
    State(s): State<AppState>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<Profession>>> {
    let (limit, offset) = p.bounds()?;
    let rows = sqlx::query!(
        r#"SELECT slug, title, summary, count(*) OVER () AS "total!" FROM professions WHERE is_active
           ORDER BY position, profession_id LIMIT $1 OFFSET $2"#,
        limit,
        offset
    )
    .fetch_all(&s.pool)
    .await
    .map_err(AppError::from)?;
    let total = match rows.first() {
        Some(r) => r.total,
        None => sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM professions WHERE is_active"#)
            .fetch_one(&s.pool)
            .await
            .map_err(AppError::from)?,
    };
    Ok(Json(Page {
        items: rows
            .into_iter()
            .map(|r| Profession {
                slug: r.slug,
                title: r.title,
                summary: r.summary,
            })
            .collect(),
        total,
        limit,
        offset,
    }))
}

async fn profession_id(pool: &PgPool, slug: &str) -> Result<i64, AppError> {
    sqlx::query_scalar!(
        "SELECT profession_id FROM professions WHERE slug = $1 AND is_active",
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

async fn grade_id(pool: &PgPool, p: &str, g: &str) -> Result<i64, AppError> {
    sqlx::query_scalar!(
        "SELECT grade_id FROM grades JOIN professions USING (profession_id)
         WHERE professions.slug = $1 AND professions.is_active AND grades.slug = $2 AND grades.is_active",
        p,
        g
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

async fn module_id(pool: &PgPool, p: &str, g: &str, m: &str) -> Result<i64, AppError> {
    let grade = grade_id(pool, p, g).await?;
    sqlx::query_scalar!(
        "SELECT module_id FROM modules WHERE grade_id = $1 AND slug = $2 AND is_active",
        grade,
        m
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

async fn topic_id(pool: &PgPool, p: &str, g: &str, m: &str, t: &str) -> Result<i64, AppError> {
    let module = module_id(pool, p, g, m).await?;
    sqlx::query_scalar!(
        "SELECT topic_id FROM topics WHERE module_id = $1 AND slug = $2 AND is_active",
        module,
        t
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

#[utoipa::path(get, path = "/professions/{profession}/grades", tag = "content",
    params(("profession" = String, Path, description = "profession slug"), Paging),
    responses((status = 200, body = Page<Grade>), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn grades(
    State(s): State<AppState>,
    Path(profession): Path<String>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<Grade>>> {
    p.bounds()?;
    let id = profession_id(&s.pool, &profession).await?;
    let rows = sqlx::query!(
        r#"SELECT slug, level AS "level: GradeLevel", description FROM grades
           WHERE profession_id = $1 AND is_active ORDER BY position, grade_id"#,
        id
    )
    .fetch_all(&s.pool)
    .await
    .map_err(AppError::from)?;
    let all = rows
        .into_iter()
        .map(|r| Grade {
            slug: r.slug,
            level: r.level,
            title: r.level.title().into(),
            description: r.description,
        })
        .collect();
    Ok(Json(p.page(all)?))
}

#[utoipa::path(get, path = "/professions/{profession}/grades/{grade}/modules", tag = "content",
    params(("profession" = String, Path), ("grade" = String, Path, description = "grade slug: intern, junior, junior-plus…"), Paging),
    responses((status = 200, body = Page<Section>), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn modules(
    State(s): State<AppState>,
    Path((profession, grade)): Path<(String, String)>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<Section>>> {
    p.bounds()?;
    let id = grade_id(&s.pool, &profession, &grade).await?;
    let all = sqlx::query_as!(
        Section,
        "SELECT slug, title, description FROM modules WHERE grade_id = $1 AND is_active
         ORDER BY position, module_id",
        id
    )
    .fetch_all(&s.pool)
    .await
    .map_err(AppError::from)?;
    Ok(Json(p.page(all)?))
}

#[utoipa::path(get, path = "/professions/{profession}/grades/{grade}/modules/{module}/topics", tag = "content",
    params(("profession" = String, Path), ("grade" = String, Path), ("module" = String, Path), Paging),
    responses((status = 200, body = Page<Section>), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn topics(
    State(s): State<AppState>,
    Path((profession, grade, module)): Path<(String, String, String)>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<Section>>> {
    p.bounds()?;
    let id = module_id(&s.pool, &profession, &grade, &module).await?;
    let all = sqlx::query_as!(
        Section,
        "SELECT slug, title, description FROM topics WHERE module_id = $1 AND is_active
         ORDER BY position, topic_id",
        id
    )
    .fetch_all(&s.pool)
    .await
    .map_err(AppError::from)?;
    Ok(Json(p.page(all)?))
}

/// A topic's published exercises: theory, questions, tasks, cases, in that order.
/// `feedback` is present only for exercises the caller has answered.
#[utoipa::path(get, path = "/professions/{profession}/grades/{grade}/modules/{module}/topics/{topic}/exercises", tag = "content",
    params(("profession" = String, Path), ("grade" = String, Path), ("module" = String, Path), ("topic" = String, Path), Paging),
    responses((status = 200, body = Page<ExerciseItem>), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn exercises(
    State(s): State<AppState>,
    caller: Caller,
    Path((profession, grade, module, topic)): Path<(String, String, String, String)>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<ExerciseItem>>> {
    p.bounds()?;
    let id = topic_id(&s.pool, &profession, &grade, &module, &topic).await?;
    let learner = caller.learner(&s.pool).await?;
    let items = crate::learning::queries::topic_items(&s.pool, id, learner, None, false).await?;
    let all = [items.theory, items.questions, items.tasks, items.cases].concat();
    Ok(Json(p.page(all)?))
}
