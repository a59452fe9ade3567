//! A grade's portfolio projects and their checklists, which learners tick.

use sqlx::PgPool;

use super::{kind_of, section_writes, table_queries};
use crate::authoring::core::Authorable;
use crate::authoring::types::{ChecklistItemInput, ChecklistItemRow, ProjectRow, SectionInput};

impl Authorable for ProjectRow {
    kind_of!(input: SectionInput, kind: Project, noun: "Проект", dependents: Ticks,
        id: project_id, parent: grade_id);
    table_queries!(row: ProjectRow, table: "projects", id: "project_id",
        parent_table: "grades", parent: "grade_id",
        columns: "project_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM project_item_checks c
           JOIN project_items i USING (project_item_id) WHERE i.project_id = $1");
    section_writes!(table: "projects", id: "project_id", parent: "grade_id");
}

/// One checklist line: deleting it takes its ticks without a confirmation, as
/// deleting one exercise does (the page shows how many go).
impl Authorable for ChecklistItemRow {
    kind_of!(input: ChecklistItemInput, kind: Item, noun: "Пункт чек-листа",
        dependents: Unconfirmed, id: project_item_id, parent: project_id);
    table_queries!(row: ChecklistItemRow, table: "project_items", id: "project_item_id",
        parent_table: "projects", parent: "project_id",
        columns: "project_item_id, project_id, slug, title, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM project_item_checks WHERE project_item_id = $1");

    async fn insert(
        pool: &PgPool,
        project_id: i64,
        input: &ChecklistItemInput,
    ) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO project_items (project_id, slug, title, is_active, position)
             VALUES ($1, $2, $3, $4,
                     (SELECT coalesce(max(position), 0) + 1 FROM project_items WHERE project_id = $1))
             RETURNING project_item_id",
            project_id,
            input.slug.trim(),
            input.title.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &ChecklistItemInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE project_items SET slug = $3, title = $4, is_active = $5
             WHERE project_item_id = $1 AND updated_at::text = $2 RETURNING project_item_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }
}
