//! Accounts and roles, for admins.

use sqlx::PgPool;

use crate::admin::types::UserRow;
use crate::auth::Role;
use crate::error::AppError;

pub async fn users(pool: &PgPool) -> Result<Vec<UserRow>, AppError> {
    Ok(sqlx::query_as!(
        UserRow,
        r#"SELECT learner_id, display_name, email AS "email!", role AS "role: Role",
                  to_char(created_at, 'DD.MM.YYYY') AS "created!"
           FROM learners WHERE email IS NOT NULL ORDER BY role DESC, created_at, learner_id"#
    )
    .fetch_all(pool)
    .await?)
}

/// Grants a role. The last admin cannot demote themselves: someone must remain
/// who can grant roles.
///
/// Role changes are serialized on the admins' rows: two admins demoting each
/// other (or themselves) at the same moment would otherwise each see the other
/// still in place and leave nobody. Under the lock the actor must still be an
/// admin, and the change must leave one.
pub async fn set_role(
    pool: &PgPool,
    actor: i64,
    learner_id: i64,
    role: Role,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let admins = sqlx::query_scalar!(
        "SELECT learner_id FROM learners WHERE role = 'admin' ORDER BY learner_id FOR UPDATE"
    )
    .fetch_all(&mut *tx)
    .await?;
    if !admins.contains(&actor) {
        return Err(AppError::Forbidden);
    }
    let leaves_none = role != Role::Admin && admins.iter().all(|&a| a == learner_id);
    if leaves_none {
        return Err(AppError::Conflict(
            "Вы единственный администратор: сначала назначьте другого.".into(),
        ));
    }
    let done = sqlx::query!(
        "UPDATE learners SET role = $2 WHERE learner_id = $1 AND email IS NOT NULL",
        learner_id,
        role as Role
    )
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// `grader create-admin`: makes an account an admin, creating it when needed.
pub async fn ensure_admin(
    pool: &PgPool,
    email: &str,
    password_hash: &str,
    name: &str,
) -> Result<bool, AppError> {
    let created = sqlx::query_scalar!(
        r#"INSERT INTO learners (email, password_hash, display_name, role)
           VALUES ($1, $2, $3, 'admin')
           ON CONFLICT ((lower(email))) DO UPDATE SET role = 'admin'
           RETURNING (xmax = 0) AS "created!""#,
        email,
        password_hash,
        name
    )
    .fetch_one(pool)
    .await?;
    Ok(created)
}
