//! Publishing and reordering, for every kind: each kind's table, key and the
//! column its siblings share. `sqlx::query!` accepts literals joined by `+`, so
//! each kind still gets its own compile-time checked statement.

use sqlx::PgPool;

use super::types::ContentKind;
use crate::error::AppError;

/// Professions have no parent: `true` makes all of them siblings
/// (`WHERE true = (SELECT true …)` is false for a missing id).
macro_rules! with_kinds {
    ($callback:ident ! ($($args:tt)*)) => {
        $callback!($($args)*;
            Profession => "professions", "profession_id", "true";
            Grade => "grades", "grade_id", "profession_id";
            Module => "modules", "module_id", "grade_id";
            Topic => "topics", "topic_id", "module_id";
            Question => "questions", "question_id", "topic_id";
            Task => "tasks", "task_id", "topic_id";
            Theory => "theory", "theory_id", "topic_id";
            Case => "cases", "case_id", "topic_id";
            Project => "projects", "project_id", "grade_id";
            Item => "project_items", "project_item_id", "project_id")
    };
}

macro_rules! publish {
    ($pool:expr, $kind:expr, $id:expr, $on:expr; $($k:ident => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $(ContentKind::$k => sqlx::query!(
                "UPDATE " + $table + " SET is_active = $2 WHERE " + $col + " = $1",
                $id,
                $on
            )
            .execute($pool)
            .await?,)*
        }
    };
}

/// Publishes or unpublishes one row without touching the rest.
pub async fn set_published(
    pool: &PgPool,
    kind: ContentKind,
    id: i64,
    on: bool,
) -> Result<(), AppError> {
    let done = with_kinds!(publish!(pool, kind, id, on));
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

macro_rules! sibling_ids {
    ($tx:expr, $kind:expr, $id:expr; $($k:ident => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $(ContentKind::$k => sqlx::query_scalar!(
                "SELECT " + $col + " FROM " + $table + " WHERE " + $parent + " = (SELECT "
                    + $parent + " FROM " + $table + " WHERE " + $col + " = $1)
                 ORDER BY position, " + $col + " FOR UPDATE",
                $id
            )
            .fetch_all(&mut *$tx)
            .await?,)*
        }
    };
}

macro_rules! renumber {
    ($tx:expr, $kind:expr, $order:expr, $positions:expr; $($k:ident => $table:tt, $col:tt, $parent:tt);*) => {
        match $kind {
            $(ContentKind::$k => sqlx::query!(
                "UPDATE " + $table + " x SET position = o.pos
                 FROM unnest($1::bigint[], $2::int[]) AS o(id, pos)
                 WHERE x." + $col + " = o.id AND x.position <> o.pos",
                $order,
                $positions
            )
            .execute(&mut *$tx)
            .await?,)*
        }
    };
}

/// Moves a row one place up or down among its siblings.
pub async fn move_item(
    pool: &PgPool,
    kind: ContentKind,
    id: i64,
    up: bool,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    // Renumber the siblings 1..n in their current order, then swap two neighbours.
    let ids: Vec<i64> = with_kinds!(sibling_ids!(tx, kind, id));
    let Some(at) = ids.iter().position(|&x| x == id) else {
        return Err(AppError::NotFound);
    };
    let mut order = ids.clone();
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|&t| t < order.len())
    };
    let Some(to) = to else {
        return Ok(()); // already first / last
    };
    order.swap(at, to);
    let positions: Vec<i32> = (1..=order.len() as i32).collect();
    with_kinds!(renumber!(tx, kind, &order, &positions));
    tx.commit().await?;
    Ok(())
}
