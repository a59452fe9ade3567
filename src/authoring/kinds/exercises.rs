//! A topic's exercises: questions, «what does it print» tasks, theory cards and
//! fill-the-blanks cases. Deleting one needs no confirmation (its page shows how
//! many answers go with it).

use sqlx::PgPool;

use super::{kind_of, table_queries};
use crate::authoring::core::{trimmed, Authorable};
use crate::authoring::types::{
    CaseInput, CaseRow, QuestionInput, QuestionRow, TaskInput, TaskRow, TheoryInput, TheoryRow,
};

impl Authorable for QuestionRow {
    kind_of!(input: QuestionInput, kind: Question, noun: "Вопрос", dependents: Unconfirmed,
        id: question_id, parent: topic_id);
    table_queries!(row: QuestionRow, table: "questions", id: "question_id",
        parent_table: "topics", parent: "topic_id",
        columns: "question_id, topic_id, slug, title, options, correct_answers, explanation,
                  position, is_active, updated_at::text AS \"version!\"",
        dependents: "FROM answers WHERE question_id = $1");

    async fn insert(pool: &PgPool, topic_id: i64, input: &QuestionInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO questions (topic_id, slug, title, options, correct_answers, explanation,
                                    is_active, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7,
                     (SELECT coalesce(max(position), 0) + 1 FROM questions WHERE topic_id = $1))
             RETURNING question_id",
            topic_id,
            input.slug.trim(),
            input.title.trim(),
            &trimmed(&input.options),
            &input.correct_answers,
            input.explanation.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &QuestionInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE questions SET slug = $3, title = $4, options = $5, correct_answers = $6,
                    explanation = $7, is_active = $8
             WHERE question_id = $1 AND updated_at::text = $2 RETURNING question_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            &trimmed(&input.options),
            &input.correct_answers,
            input.explanation.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }
}

impl Authorable for TaskRow {
    kind_of!(input: TaskInput, kind: Task, noun: "Задачу", dependents: Unconfirmed,
        id: task_id, parent: topic_id);
    table_queries!(row: TaskRow, table: "tasks", id: "task_id",
        parent_table: "topics", parent: "topic_id",
        columns: "task_id, topic_id, slug, title, code_question AS code, correct_answer AS answer,
                  accepted_answers AS accepted, explanation, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM answers WHERE task_id = $1");

    async fn insert(pool: &PgPool, topic_id: i64, input: &TaskInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer,
                                accepted_answers, explanation, is_active, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                     (SELECT coalesce(max(position), 0) + 1 FROM tasks WHERE topic_id = $1))
             RETURNING task_id",
            topic_id,
            input.slug.trim(),
            input.title.trim(),
            input.code.trim_end(),
            input.answer.trim_end(),
            &input.accepted,
            input.explanation.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &TaskInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE tasks SET slug = $3, title = $4, code_question = $5, correct_answer = $6,
                    accepted_answers = $7, explanation = $8, is_active = $9
             WHERE task_id = $1 AND updated_at::text = $2 RETURNING task_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            input.code.trim_end(),
            input.answer.trim_end(),
            &input.accepted,
            input.explanation.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }
}

impl Authorable for TheoryRow {
    kind_of!(input: TheoryInput, kind: Theory, noun: "Карточку", dependents: Unconfirmed,
        id: theory_id, parent: topic_id);
    table_queries!(row: TheoryRow, table: "theory", id: "theory_id",
        parent_table: "topics", parent: "topic_id",
        columns: "theory_id, topic_id, slug, title, body, explanation, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM answers WHERE theory_id = $1");

    async fn insert(pool: &PgPool, topic_id: i64, input: &TheoryInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO theory (topic_id, slug, title, body, explanation, is_active, position)
             VALUES ($1, $2, $3, $4, $5, $6,
                     (SELECT coalesce(max(position), 0) + 1 FROM theory WHERE topic_id = $1))
             RETURNING theory_id",
            topic_id,
            input.slug.trim(),
            input.title.trim(),
            input.body.trim(),
            input.explanation.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &TheoryInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE theory SET slug = $3, title = $4, body = $5, explanation = $6, is_active = $7
             WHERE theory_id = $1 AND updated_at::text = $2 RETURNING theory_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            input.body.trim(),
            input.explanation.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }
}

impl Authorable for CaseRow {
    kind_of!(input: CaseInput, kind: Case, noun: "Кейс", dependents: Unconfirmed,
        id: case_id, parent: topic_id);
    table_queries!(row: CaseRow, table: "cases", id: "case_id",
        parent_table: "topics", parent: "topic_id",
        columns: "case_id, topic_id, slug, title, code_template AS template,
                  correct_fields AS fields, explanation, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM answers WHERE case_id = $1");

    async fn insert(pool: &PgPool, topic_id: i64, input: &CaseInput) -> sqlx::Result<i64> {
        sqlx::query_scalar!(
            "INSERT INTO cases (topic_id, slug, title, code_template, correct_fields, explanation,
                                is_active, position)
             VALUES ($1, $2, $3, $4, $5, $6, $7,
                     (SELECT coalesce(max(position), 0) + 1 FROM cases WHERE topic_id = $1))
             RETURNING case_id",
            topic_id,
            input.slug.trim(),
            input.title.trim(),
            input.template.trim_end(),
            &trimmed(&input.fields),
            input.explanation.trim(),
            input.is_active
        )
        .fetch_one(pool)
        .await
    }

    async fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &CaseInput,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar!(
            "UPDATE cases SET slug = $3, title = $4, code_template = $5, correct_fields = $6,
                    explanation = $7, is_active = $8
             WHERE case_id = $1 AND updated_at::text = $2 RETURNING case_id",
            id,
            version,
            input.slug.trim(),
            input.title.trim(),
            input.template.trim_end(),
            &trimmed(&input.fields),
            input.explanation.trim(),
            input.is_active
        )
        .fetch_optional(pool)
        .await
    }
}
