//! What a learner may do: work in a module (the path's lock), tick a checklist.

use sqlx::PgPool;

use crate::error::AppError;
use crate::learning::path::node_states;
use crate::learning::types::NodeState;
use crate::progress::mastery::rollup;

/// Whether a learner may work in a module: the same rule as the grade page's
/// path (the first module is open; the next opens at 80 % of the one before).
pub async fn module_is_open(pool: &PgPool, learner: i64, module_id: i64) -> Result<bool, AppError> {
    let modules = sqlx::query_scalar!(
        "SELECT m.module_id FROM modules m
         WHERE m.grade_id = (SELECT grade_id FROM modules WHERE module_id = $1) AND m.is_active
         ORDER BY m.position, m.module_id",
        module_id
    )
    .fetch_all(pool)
    .await?;
    let mastery = rollup(pool, Some(learner)).await?;
    let masteries: Vec<f32> = modules.iter().map(|&id| mastery.module(id)).collect();
    Ok(modules
        .iter()
        .zip(node_states(&masteries))
        .any(|(&id, state)| id == module_id && state != NodeState::Locked))
}

/// Ticks a checklist item off (or back on) for a learner.
pub async fn check_project_item(
    pool: &PgPool,
    learner: i64,
    item: i64,
    done: bool,
) -> Result<(), AppError> {
    let exists = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM published_project_items WHERE project_item_id = $1) AS "e!""#,
        item
    )
    .fetch_one(pool)
    .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    if done {
        sqlx::query!(
            "INSERT INTO project_item_checks (learner_id, project_item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            learner,
            item
        )
        .execute(pool)
        .await?;
    } else {
        sqlx::query!(
            "DELETE FROM project_item_checks WHERE learner_id = $1 AND project_item_id = $2",
            learner,
            item
        )
        .execute(pool)
        .await?;
    }
    Ok(())
}
