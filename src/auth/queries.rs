//! Learner rows: guests, accounts, and merging a guest into an account.

use sqlx::PgPool;

use crate::error::AppError;

pub async fn create_guest(pool: &PgPool) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar!("INSERT INTO learners DEFAULT VALUES RETURNING learner_id")
            .fetch_one(pool)
            .await?,
    )
}

pub struct Account {
    pub learner_id: i64,
    pub password_hash: String,
}

pub async fn find_account(pool: &PgPool, email: &str) -> Result<Option<Account>, AppError> {
    Ok(sqlx::query_as!(
        Account,
        r#"SELECT learner_id, password_hash AS "password_hash!" FROM learners
           WHERE lower(email) = lower($1) AND password_hash IS NOT NULL"#,
        email
    )
    .fetch_optional(pool)
    .await?)
}

pub enum Registered {
    Ok(i64),
    EmailTaken,
}

/// Turns the guest (if any) into an account, or creates a new one.
pub async fn register(
    pool: &PgPool,
    guest: Option<i64>,
    email: &str,
    password_hash: &str,
    display_name: &str,
) -> Result<Registered, AppError> {
    let result = match guest {
        Some(id) => {
            sqlx::query_scalar!(
                "UPDATE learners SET email = $2, password_hash = $3, display_name = $4
                 WHERE learner_id = $1 AND email IS NULL RETURNING learner_id",
                id,
                email,
                password_hash,
                display_name
            )
            .fetch_optional(pool)
            .await
        }
        None => Ok(None),
    };
    let result = match result {
        Ok(Some(id)) => Ok(id),
        Ok(None) => {
            sqlx::query_scalar!(
                "INSERT INTO learners (email, password_hash, display_name) VALUES ($1, $2, $3)
                 RETURNING learner_id",
                email,
                password_hash,
                display_name
            )
            .fetch_one(pool)
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(Registered::Ok(id)),
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("learners_email_key") => {
            Ok(Registered::EmailTaken)
        }
        Err(e) => Err(e.into()),
    }
}

/// Moves a guest's answers and lessons to an account, then deletes the guest.
/// Answers keep their client ids, so nothing is doubled and nothing is lost.
pub async fn merge_guest(pool: &PgPool, guest: i64, account: i64) -> Result<(), AppError> {
    if guest == account {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    let is_guest = sqlx::query_scalar!(
        "SELECT email IS NULL AS \"g!\" FROM learners WHERE learner_id = $1 FOR UPDATE",
        guest
    )
    .fetch_optional(&mut *tx)
    .await?;
    if is_guest != Some(true) {
        return Ok(());
    }
    sqlx::query!(
        "UPDATE lessons SET learner_id = $2 WHERE learner_id = $1",
        guest,
        account
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE answers a SET learner_id = $2 WHERE a.learner_id = $1
           AND NOT EXISTS (SELECT 1 FROM answers b WHERE b.learner_id = $2 AND b.client_id = a.client_id)",
        guest,
        account
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO project_item_checks (learner_id, project_item_id, checked_at)
         SELECT $2, project_item_id, checked_at FROM project_item_checks WHERE learner_id = $1
         ON CONFLICT DO NOTHING",
        guest,
        account
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM learners WHERE learner_id = $1", guest)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
