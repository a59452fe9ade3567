//! The one implementation of authoring's rules, for every kind: validate, then
//! write; 404 when the row or its parent is gone; 409 when a save carries an older
//! version than the row's; confirmation before deleting what learners answered or
//! ticked. A kind brings only its queries (`Authorable`), each a compile-time
//! checked `sqlx::query!` of its own table.

use std::future::Future;

use serde::Serialize;
use sqlx::PgPool;

use super::types::ContentKind;
use crate::error::AppError;

/// What an author submits for a kind: it checks itself and names every problem
/// at once (`validate`).
pub trait Input: Send + Sync {
    fn validate(&self) -> Result<(), AppError>;
}

/// What deleting a row takes along that learners made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dependents {
    /// Answers to exercises inside: deleting them needs `confirm`.
    Answers,
    /// Ticks on a project's checklist: deleting them needs `confirm`.
    Ticks,
    /// One exercise or checklist line: the page says how many answers go with it,
    /// and deleting needs no server-side confirmation.
    Unconfirmed,
}

/// The key of a row's parent: an id, or `()` at the top (professions).
pub trait ParentKey: Copy + Send + Sync {
    fn key(self) -> Option<i64>;
}

impl ParentKey for i64 {
    fn key(self) -> Option<i64> {
        Some(self)
    }
}

impl ParentKey for () {
    fn key(self) -> Option<i64> {
        None
    }
}

/// One authorable kind: its row, what an author submits, where it hangs, and the
/// queries of its table. `Parent` is `()` for professions (the top) and the
/// parent row's id for everything else.
pub trait Authorable: Serialize + Send + Sync + Sized + 'static {
    type Input: Input;
    type Parent: ParentKey;
    const KIND: ContentKind;
    /// The subject of «… изменили после того, как вы открыли форму».
    const NOUN: &'static str;
    const DEPENDENTS: Dependents;

    fn id(&self) -> i64;
    fn parent(&self) -> Self::Parent;

    fn fetch(pool: &PgPool, id: i64) -> impl Future<Output = sqlx::Result<Option<Self>>> + Send;
    /// Every row under `parent`, drafts included, in the authors' order.
    fn children(
        pool: &PgPool,
        parent: Self::Parent,
    ) -> impl Future<Output = sqlx::Result<Vec<Self>>> + Send;
    fn parent_exists(
        pool: &PgPool,
        parent: Self::Parent,
    ) -> impl Future<Output = sqlx::Result<bool>> + Send;
    /// Adds the row last among its siblings; returns its id.
    fn insert(
        pool: &PgPool,
        parent: Self::Parent,
        input: &Self::Input,
    ) -> impl Future<Output = sqlx::Result<i64>> + Send;
    /// Updates the row if it still has `version`; `None` when it does not (or is gone).
    fn update(
        pool: &PgPool,
        id: i64,
        version: &str,
        input: &Self::Input,
    ) -> impl Future<Output = sqlx::Result<Option<i64>>> + Send;
    /// Deletes the row; how many rows went (0 or 1).
    fn delete(pool: &PgPool, id: i64) -> impl Future<Output = sqlx::Result<u64>> + Send;
    /// How many learner answers (or ticks) hang on the row.
    fn dependents(pool: &PgPool, id: i64) -> impl Future<Output = sqlx::Result<i64>> + Send;
}

/// A database error with what was being done, logged once here; constraint
/// violations become the author's 4xx (see `AppError::from`).
fn failed<K: Authorable>(
    action: &'static str,
    id: Option<i64>,
) -> impl FnOnce(sqlx::Error) -> AppError {
    move |err| AppError::from_db(err, format_args!("{action} {} {id:?}", K::KIND.as_str()))
}

pub async fn get<K: Authorable>(pool: &PgPool, id: i64) -> Result<K, AppError> {
    K::fetch(pool, id)
        .await
        .map_err(failed::<K>("get", Some(id)))?
        .ok_or(AppError::NotFound)
}

/// The rows under `parent`; 404 when the parent itself is missing.
pub async fn list<K: Authorable>(pool: &PgPool, parent: K::Parent) -> Result<Vec<K>, AppError> {
    let rows = K::children(pool, parent)
        .await
        .map_err(failed::<K>("list", None))?;
    if rows.is_empty()
        && !K::parent_exists(pool, parent)
            .await
            .map_err(failed::<K>("list", None))?
    {
        return Err(AppError::NotFound);
    }
    Ok(rows)
}

pub async fn dependents<K: Authorable>(pool: &PgPool, id: i64) -> Result<i64, AppError> {
    K::dependents(pool, id)
        .await
        .map_err(failed::<K>("count dependents of", Some(id)))
}

pub async fn create<K: Authorable>(
    pool: &PgPool,
    parent: K::Parent,
    input: &K::Input,
) -> Result<K, AppError> {
    input.validate()?;
    if !K::parent_exists(pool, parent)
        .await
        .map_err(failed::<K>("create", None))?
    {
        return Err(AppError::NotFound);
    }
    let id = K::insert(pool, parent, input)
        .await
        .map_err(failed::<K>("create", None))?;
    get(pool, id).await
}

/// Saves over `version`: the row as saved; 404 when it is gone; 409 when someone
/// saved it since the author opened the form.
pub async fn update<K: Authorable>(
    pool: &PgPool,
    id: i64,
    version: &str,
    input: &K::Input,
) -> Result<K, AppError> {
    input.validate()?;
    let updated = K::update(pool, id, version, input)
        .await
        .map_err(failed::<K>("update", Some(id)))?;
    let row = get::<K>(pool, id).await?;
    match updated {
        Some(_) => Ok(row),
        None => Err(stale(K::NOUN)),
    }
}

/// Deletes a row and what hangs on it; returns the row as it was. Learners'
/// answers or ticks inside need `confirmed`: the page has shown how many go.
pub async fn delete<K: Authorable>(pool: &PgPool, id: i64, confirmed: bool) -> Result<K, AppError> {
    let row = get::<K>(pool, id).await?;
    if !confirmed && K::DEPENDENTS != Dependents::Unconfirmed {
        let n = dependents::<K>(pool, id).await?;
        if n > 0 {
            return Err(needs_confirmation(K::DEPENDENTS, n));
        }
    }
    let gone = K::delete(pool, id)
        .await
        .map_err(failed::<K>("delete", Some(id)))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// A save over a newer version: 409 with a message that says what to do.
pub fn stale(what: &str) -> AppError {
    AppError::Conflict(format!(
        "{what} изменили после того, как вы открыли форму. Обновите страницу: \
         вы увидите новую версию и сможете внести правки снова."
    ))
}

fn needs_confirmation(dependents: Dependents, n: i64) -> AppError {
    AppError::Conflict(match dependents {
        Dependents::Ticks => format!(
            "Ученики отметили пункты этого чек-листа: {n}. Отметки будут удалены. \
             Можно снять с публикации — отметки сохранятся. Чтобы удалить, подтвердите."
        ),
        _ => format!(
            "С этим связано ответов учеников: {n}. Они будут удалены вместе с ним. \
             Можно снять с публикации — ответы сохранятся. Чтобы удалить, подтвердите."
        ),
    })
}

/// Trims what authors type around a list's entries.
pub fn trimmed(items: &[String]) -> Vec<String> {
    items.iter().map(|o| o.trim().to_string()).collect()
}
