//! Professions (the top: no parent) and their grades (one per level).

use sqlx::PgPool;

use super::{kind_of, table_queries};
use crate::authoring::core::{Authorable, Dependents};
use crate::authoring::types::{ContentKind, GradeInput, GradeRow, ProfessionInput, ProfessionRow};
use crate::domain::GradeLevel;

impl Authorable for ProfessionRow {
    type Input = ProfessionInput;
    type Parent = ();
    const KIND: ContentKind = ContentKind::Profession;
    const NOUN: &'static str = "Профессию";
    const DEPENDENTS: Dependents = Dependents::Answers;

    fn id(&self) -> i64 {
        self.profession_id
    }

    fn parent(&self) {}

    async fn fetch(pool: &PgPool, id: i64) -> sqlx::Result<Option<Self>> {
        sqlx::query_as!(
            ProfessionRow,
            r#"SELECT profession_id, slug, title, summary, position, is_active,
                      updated_at::text AS "version!"
               FROM professions WHERE profession_id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await
    }

    async fn children(pool: &PgPool, _: ()) -> sqlx::Result<Vec<Self>> {
        sqlx::query_as!(
            ProfessionRow,
            r#"SELECT profession_id, slug, title, summary, position, is_active,
                      updated_at::text AS "version!"
               FROM professions ORDER BY position, profession_id"#
        )
        .fetch_all(pool)
        .await
    }

    async fn parent_exists(_: &PgPool, _: ()) -> sqlx::Result<bool> {
        Ok(true)
    }

    async fn insert(pool: &PgPool, _: (), input: &ProfessionInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO professions (slug, title, summary, is_active, position)
             VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), 0) + 1 FROM professions))
             RETURNING profession_id",
            input.slug.trim(),
            input.title.trim(),
            input.summary.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &ProfessionInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE professions SET slug = $3, title = $4, summary = $5, is_active = $6
             WHERE profession_id = $1 AND updated_at::text = $2 RETURNING profession_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            input.summary.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }

    async fn delete(pool: &PgPool, id: i64) -> sqlx::Result<u64> {
        let done = sqlx::query!("DELETE FROM professions WHERE profession_id = $1", id)
            .execute(pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn dependents(pool: &PgPool, id: i64) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!" FROM answers a
               JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
               JOIN topics t ON t.topic_id = e.topic_id
               JOIN modules m ON m.module_id = t.module_id
               JOIN grades g ON g.grade_id = m.grade_id
               WHERE g.profession_id = $1"#,
            id
        )
        .fetch_one(pool)
        .await
    }
}

/// The REST API names professions by slug, as its public reads do.
pub async fn profession_id(pool: &PgPool, slug: &str) -> Result<i64, crate::error::AppError> {
    sqlx::query_scalar!(
        "SELECT profession_id FROM professions WHERE slug = $1",
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(crate::error::AppError::NotFound)
}

impl Authorable for GradeRow {
    kind_of!(input: GradeInput, kind: Grade, noun: "Грейд", dependents: Answers,
        id: grade_id, parent: profession_id);
    table_queries!(row: GradeRow, table: "grades", id: "grade_id",
        parent_table: "professions", parent: "profession_id",
        columns: "grade_id, profession_id, level AS \"level: GradeLevel\", slug, description,
                  position, is_active, updated_at::text AS \"version!\"",
        dependents: "FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           JOIN topics t ON t.topic_id = e.topic_id
           JOIN modules m ON m.module_id = t.module_id
           WHERE m.grade_id = $1");

    /// Grades sit in level order (intern first), whatever order they were added in;
    /// a grade's slug is its level's.
    async fn insert(pool: &PgPool, profession_id: i64, input: &GradeInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO grades (profession_id, level, slug, description, is_active, position)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING grade_id",
            profession_id,
            input.level as GradeLevel,
            input.level.slug(),
            input.description.trim(),
            input.is_active,
            input.level.position()
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &GradeInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE grades SET level = $3, slug = $4, description = $5, is_active = $6, position = $7
             WHERE grade_id = $1 AND updated_at::text = $2 RETURNING grade_id",
            id,
            version,
            input.level as GradeLevel,
            input.level.slug(),
            input.description.trim(),
            input.is_active,
            input.level.position()
        )
        .fetch_optional(pool)
        .await
    }
}
