//! Each kind's queries: one `Authorable` impl per row type. What every kind does
//! the same way (read one, list a parent's, check the parent, delete, count what
//! learners left on it) is stamped by `table_queries!` from the kind's table and
//! columns; inserts and updates, which differ by kind, are written out. Every
//! statement stays a compile-time checked `sqlx::query!` of its own (the macros
//! accept literals joined by `+`).

mod catalog;
pub use catalog::profession_id;
mod exercises;
mod projects;
mod sections;

/// The reads, the parent check and the delete of one kind.
/// `table`/`id`: its table and key; `parent_table`/`parent`: the parent's table
/// and the key both share (`true` for professions, which have no parent);
/// `columns`: the row's select list; `dependents`: counts what learners left on
/// one row (`$1` = the row's id).
macro_rules! table_queries {
    (row: $row:ident, table: $table:tt, id: $id:tt, parent_table: $parent_table:tt,
     parent: $parent:tt, columns: $columns:tt, dependents: $dependents:tt) => {
        async fn fetch(pool: &sqlx::PgPool, id: i64) -> sqlx::Result<Option<Self>> {
            sqlx::query_as!(
                $row,
                "SELECT " + $columns + " FROM " + $table + " WHERE " + $id + " = $1",
                id
            )
            .fetch_optional(pool)
            .await
        }

        async fn children(pool: &sqlx::PgPool, parent: i64) -> sqlx::Result<Vec<Self>> {
            sqlx::query_as!(
                $row,
                "SELECT "
                    + $columns
                    + " FROM "
                    + $table
                    + " WHERE "
                    + $parent
                    + " = $1 ORDER BY position, "
                    + $id,
                parent
            )
            .fetch_all(pool)
            .await
        }

        async fn parent_exists(pool: &sqlx::PgPool, parent: i64) -> sqlx::Result<bool> {
            sqlx::query_scalar!(
                "SELECT EXISTS (SELECT 1 FROM "
                    + $parent_table
                    + " WHERE "
                    + $parent
                    + " = $1) AS \"e!\"",
                parent
            )
            .fetch_one(pool)
            .await
        }

        async fn delete(pool: &sqlx::PgPool, id: i64) -> sqlx::Result<u64> {
            let done = sqlx::query!("DELETE FROM " + $table + " WHERE " + $id + " = $1", id)
                .execute(pool)
                .await?;
            Ok(done.rows_affected())
        }

        async fn dependents(pool: &sqlx::PgPool, id: i64) -> sqlx::Result<i64> {
            sqlx::query_scalar!("SELECT count(*) AS \"n!\" " + $dependents, id)
                .fetch_one(pool)
                .await
        }
    };
}

/// Insert and update of the kinds whose fields are a section's (slug, title,
/// description, published): modules, topics and projects.
macro_rules! section_writes {
    (table: $table:tt, id: $id:tt, parent: $parent:tt) => {
        async fn insert(
            pool: &sqlx::PgPool,
            parent: i64,
            input: &crate::authoring::types::SectionInput,
        ) -> sqlx::Result<i64> {
            sqlx::query_scalar!(
                "INSERT INTO "
                    + $table
                    + " ("
                    + $parent
                    + ", slug, title, description, is_active, position)
                 VALUES ($1, $2, $3, $4, $5,
                         (SELECT coalesce(max(position), 0) + 1 FROM "
                    + $table
                    + " WHERE "
                    + $parent
                    + " = $1))
                 RETURNING "
                    + $id,
                parent,
                input.slug.trim(),
                input.title.trim(),
                input.description.trim(),
                input.is_active
            )
            .fetch_one(pool)
            .await
        }

        async fn update(
            pool: &sqlx::PgPool,
            id: i64,
            version: &str,
            input: &crate::authoring::types::SectionInput,
        ) -> sqlx::Result<Option<i64>> {
            sqlx::query_scalar!(
                "UPDATE "
                    + $table
                    + " SET slug = $3, title = $4, description = $5, is_active = $6
                 WHERE "
                    + $id
                    + " = $1 AND updated_at::text = $2 RETURNING "
                    + $id,
                id,
                version,
                input.slug.trim(),
                input.title.trim(),
                input.description.trim(),
                input.is_active
            )
            .fetch_optional(pool)
            .await
        }
    };
}

/// The `Authorable` items every kind names: its types, kind, noun and keys.
macro_rules! kind_of {
    (input: $input:ty, kind: $kind:ident, noun: $noun:literal, dependents: $dep:ident,
     id: $id:ident, parent: $parent:ident) => {
        type Input = $input;
        type Parent = i64;
        const KIND: crate::authoring::types::ContentKind =
            crate::authoring::types::ContentKind::$kind;
        const NOUN: &'static str = $noun;
        const DEPENDENTS: crate::authoring::core::Dependents =
            crate::authoring::core::Dependents::$dep;

        fn id(&self) -> i64 {
            self.$id
        }

        fn parent(&self) -> i64 {
            self.$parent
        }
    };
}

pub(crate) use {kind_of, section_writes, table_queries};
