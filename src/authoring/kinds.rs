//! Each kind's queries: one `Authorable` impl per row type, every statement a
//! compile-time checked `sqlx::query!` of its own table. `authorable!` stamps an
//! impl from the kind's table, columns and SQL (the macros accept literals joined
//! by `+`); only professions, which have no parent, are written out.

use sqlx::PgPool;

use super::core::{trimmed, Authorable, Dependents};
use super::types::*;
use crate::domain::GradeLevel;
use crate::error::AppError;

/// One kind's `Authorable` impl.
/// - `Row: Input, Kind, "Noun", Dependents`: its types, `ContentKind`, the subject
///   of the stale-save message, and what deleting it must confirm.
/// - `id`/`parent`: the row's key and its parent's, as fields and as columns;
///   `parent_table`: where the parent lives.
/// - `columns`: the row's select list (the version is added); `dependents`: what
///   counts learners' answers or ticks on one row (`$1` = its id).
/// - `|input| [values]`: the input's values in placeholder order. `insert` takes
///   the parent as `$1`, then the values; `update` the id as `$1`, then the values,
///   then the version.
macro_rules! authorable {
    ($row:ident: $input_ty:ty, $kind:ident, $noun:literal, $dep:ident,
     id $id:ident = $id_col:literal, parent $parent:ident = $parent_col:literal in $parent_table:literal,
     table $table:literal, columns $columns:literal, dependents $dependents:literal,
     |$input:ident| [$($value:expr),* $(,)?],
     insert $insert:literal, update $update:literal) => {
        impl Authorable for $row {
            type Input = $input_ty;
            type Parent = i64;
            const KIND: ContentKind = ContentKind::$kind;
            const NOUN: &'static str = $noun;
            const DEPENDENTS: Dependents = Dependents::$dep;

            fn id(&self) -> i64 {
                self.$id
            }

            fn parent(&self) -> i64 {
                self.$parent
            }

            async fn fetch(pool: &PgPool, id: i64) -> sqlx::Result<Option<Self>> {
                sqlx::query_as!(
                    $row,
                    "SELECT " + $columns + ", updated_at::text AS \"version!\" FROM " + $table
                        + " WHERE " + $id_col + " = $1",
                    id
                )
                .fetch_optional(pool)
                .await
            }

            async fn children(pool: &PgPool, parent: i64) -> sqlx::Result<Vec<Self>> {
                sqlx::query_as!(
                    $row,
                    "SELECT " + $columns + ", updated_at::text AS \"version!\" FROM " + $table
                        + " WHERE " + $parent_col + " = $1 ORDER BY position, " + $id_col,
                    parent
                )
                .fetch_all(pool)
                .await
            }

            async fn parent_exists(pool: &PgPool, parent: i64) -> sqlx::Result<bool> {
                sqlx::query_scalar!(
                    "SELECT EXISTS (SELECT 1 FROM " + $parent_table + " WHERE " + $parent_col
                        + " = $1) AS \"e!\"",
                    parent
                )
                .fetch_one(pool)
                .await
            }

            async fn insert(pool: &PgPool, parent: i64, $input: &$input_ty) -> sqlx::Result<i64> {
                sqlx::query_scalar!($insert, parent, $($value),*).fetch_one(pool).await
            }

            async fn update(
                pool: &PgPool,
                id: i64,
                version: &str,
                $input: &$input_ty,
            ) -> sqlx::Result<Option<i64>> {
                sqlx::query_scalar!($update, id, $($value),*, version)
                    .fetch_optional(pool)
                    .await
            }

            async fn delete(pool: &PgPool, id: i64) -> sqlx::Result<u64> {
                let done = sqlx::query!("DELETE FROM " + $table + " WHERE " + $id_col + " = $1", id)
                    .execute(pool)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn dependents(pool: &PgPool, id: i64) -> sqlx::Result<i64> {
                sqlx::query_scalar!("SELECT count(*) AS \"n!\" " + $dependents, id)
                    .fetch_one(pool)
                    .await
            }
        }
    };
}

// Grades sit in level order (intern first), whatever order they were added in; a
// grade's slug is its level's.
authorable!(GradeRow: GradeInput, Grade, "Грейд", Answers,
    id grade_id = "grade_id", parent profession_id = "profession_id" in "professions",
    table "grades", columns "grade_id, profession_id, level AS \"level: GradeLevel\", slug, description, position, is_active",
    dependents "FROM answers a JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
        JOIN topics t ON t.topic_id = e.topic_id JOIN modules m ON m.module_id = t.module_id WHERE m.grade_id = $1",
    |input| [input.level as GradeLevel, input.level.slug(), input.description.trim(), input.is_active, input.level.position()],
    insert "INSERT INTO grades (profession_id, level, slug, description, is_active, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING grade_id",
    update "UPDATE grades SET level = $2, slug = $3, description = $4, is_active = $5, position = $6 WHERE grade_id = $1 AND updated_at::text = $7 RETURNING grade_id");

authorable!(ModuleRow: SectionInput, Module, "Модуль", Answers,
    id module_id = "module_id", parent grade_id = "grade_id" in "grades",
    table "modules", columns "module_id, grade_id, slug, title, description, position, is_active",
    dependents "FROM answers a JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
        JOIN topics t ON t.topic_id = e.topic_id WHERE t.module_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.description.trim(), input.is_active],
    insert "INSERT INTO modules (grade_id, slug, title, description, is_active, position) VALUES ($1, $2, $3, $4, $5,
        (SELECT coalesce(max(position), 0) + 1 FROM modules WHERE grade_id = $1)) RETURNING module_id",
    update "UPDATE modules SET slug = $2, title = $3, description = $4, is_active = $5 WHERE module_id = $1 AND updated_at::text = $6 RETURNING module_id");

authorable!(TopicRow: SectionInput, Topic, "Тему", Answers,
    id topic_id = "topic_id", parent module_id = "module_id" in "modules",
    table "topics", columns "topic_id, module_id, slug, title, description, position, is_active",
    dependents "FROM answers a JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id WHERE e.topic_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.description.trim(), input.is_active],
    insert "INSERT INTO topics (module_id, slug, title, description, is_active, position) VALUES ($1, $2, $3, $4, $5,
        (SELECT coalesce(max(position), 0) + 1 FROM topics WHERE module_id = $1)) RETURNING topic_id",
    update "UPDATE topics SET slug = $2, title = $3, description = $4, is_active = $5 WHERE topic_id = $1 AND updated_at::text = $6 RETURNING topic_id");

authorable!(ProjectRow: SectionInput, Project, "Проект", Ticks,
    id project_id = "project_id", parent grade_id = "grade_id" in "grades",
    table "projects", columns "project_id, grade_id, slug, title, description, position, is_active",
    dependents "FROM project_item_checks c JOIN project_items i USING (project_item_id) WHERE i.project_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.description.trim(), input.is_active],
    insert "INSERT INTO projects (grade_id, slug, title, description, is_active, position) VALUES ($1, $2, $3, $4, $5,
        (SELECT coalesce(max(position), 0) + 1 FROM projects WHERE grade_id = $1)) RETURNING project_id",
    update "UPDATE projects SET slug = $2, title = $3, description = $4, is_active = $5 WHERE project_id = $1 AND updated_at::text = $6 RETURNING project_id");

// One checklist line: deleting it takes its ticks without a confirmation, as
// deleting one exercise does (the page shows how many go).
authorable!(ChecklistItemRow: ChecklistItemInput, Item, "Пункт чек-листа", Unconfirmed,
    id project_item_id = "project_item_id", parent project_id = "project_id" in "projects",
    table "project_items", columns "project_item_id, project_id, slug, title, position, is_active",
    dependents "FROM project_item_checks WHERE project_item_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.is_active],
    insert "INSERT INTO project_items (project_id, slug, title, is_active, position) VALUES ($1, $2, $3, $4,
        (SELECT coalesce(max(position), 0) + 1 FROM project_items WHERE project_id = $1)) RETURNING project_item_id",
    update "UPDATE project_items SET slug = $2, title = $3, is_active = $4 WHERE project_item_id = $1 AND updated_at::text = $5 RETURNING project_item_id");

// A topic's exercises: deleting one needs no confirmation (its page shows how
// many answers go with it).
authorable!(QuestionRow: QuestionInput, Question, "Вопрос", Unconfirmed,
    id question_id = "question_id", parent topic_id = "topic_id" in "topics",
    table "questions", columns "question_id, topic_id, slug, title, options, correct_answers, explanation, position, is_active",
    dependents "FROM answers WHERE question_id = $1",
    |input| [input.slug.trim(), input.title.trim(), &trimmed(&input.options), &input.correct_answers, input.explanation.trim(), input.is_active],
    insert "INSERT INTO questions (topic_id, slug, title, options, correct_answers, explanation, is_active, position) VALUES ($1, $2, $3, $4, $5, $6, $7,
        (SELECT coalesce(max(position), 0) + 1 FROM questions WHERE topic_id = $1)) RETURNING question_id",
    update "UPDATE questions SET slug = $2, title = $3, options = $4, correct_answers = $5, explanation = $6, is_active = $7
        WHERE question_id = $1 AND updated_at::text = $8 RETURNING question_id");

authorable!(TaskRow: TaskInput, Task, "Задачу", Unconfirmed,
    id task_id = "task_id", parent topic_id = "topic_id" in "topics",
    table "tasks", columns "task_id, topic_id, slug, title, code_question AS code, correct_answer AS answer, accepted_answers AS accepted, explanation, position, is_active",
    dependents "FROM answers WHERE task_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.code.trim_end(), input.answer.trim_end(), &input.accepted, input.explanation.trim(), input.is_active],
    insert "INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer, accepted_answers, explanation, is_active, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
        (SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE topic_id = $1)) RETURNING task_id",
    update "UPDATE tasks SET slug = $2, title = $3, code_question = $4, correct_answer = $5, accepted_answers = $6, explanation = $7, is_active = $8
        WHERE task_id = $1 AND updated_at::text = $9 RETURNING task_id");

authorable!(TheoryRow: TheoryInput, Theory, "Карточку", Unconfirmed,
    id theory_id = "theory_id", parent topic_id = "topic_id" in "topics",
    table "theory", columns "theory_id, topic_id, slug, title, body, explanation, position, is_active",
    dependents "FROM answers WHERE theory_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.body.trim(), input.explanation.trim(), input.is_active],
    insert "INSERT INTO theory (topic_id, slug, title, body, explanation, is_active, position) VALUES ($1, $2, $3, $4, $5, $6,
        (SELECT coalesce(max(position), 0) + 1 FROM theory WHERE topic_id = $1)) RETURNING theory_id",
    update "UPDATE theory SET slug = $2, title = $3, body = $4, explanation = $5, is_active = $6
        WHERE theory_id = $1 AND updated_at::text = $7 RETURNING theory_id");

authorable!(CaseRow: CaseInput, Case, "Кейс", Unconfirmed,
    id case_id = "case_id", parent topic_id = "topic_id" in "topics",
    table "cases", columns "case_id, topic_id, slug, title, code_template AS template, correct_fields AS fields, explanation, position, is_active",
    dependents "FROM answers WHERE case_id = $1",
    |input| [input.slug.trim(), input.title.trim(), input.template.trim_end(), &trimmed(&input.fields), input.explanation.trim(), input.is_active],
    insert "INSERT INTO cases (topic_id, slug, title, code_template, correct_fields, explanation, is_active, position) VALUES ($1, $2, $3, $4, $5, $6, $7,
        (SELECT coalesce(max(position), 0) + 1 FROM cases WHERE topic_id = $1)) RETURNING case_id",
    update "UPDATE cases SET slug = $2, title = $3, code_template = $4, correct_fields = $5, explanation = $6, is_active = $7
        WHERE case_id = $1 AND updated_at::text = $8 RETURNING case_id");

/// Professions are the top of the hierarchy: no parent, all of them siblings.
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
pub async fn profession_id(pool: &PgPool, slug: &str) -> Result<i64, AppError> {
    sqlx::query_scalar!(
        "SELECT profession_id FROM professions WHERE slug = $1",
        slug
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}
