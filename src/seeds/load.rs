//! Writes checked seeds to PostgreSQL in one transaction.
//!
//! Each upsert changes a row only when a value differs (`IS DISTINCT FROM`), so a
//! second run of the same files touches nothing, not even `updated_at`.

use std::path::Path;

use sqlx::{PgPool, Postgres, Transaction};

use super::format::*;
use super::upsert::*;
use super::SeedError;
use crate::domain::GradeLevel;

/// What a load did: how much content the files hold, and how many rows changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub professions: usize,
    pub modules: usize,
    pub topics: usize,
    pub exercises: usize,
    /// Rows inserted, updated or unpublished. Zero when nothing in the files changed.
    pub changed_rows: u64,
    /// Of those: new rows, rows changed in place, rows unpublished (named by no file).
    pub created: u64,
    pub updated: u64,
    pub unpublished: u64,
}

/// Which published rows a load may unpublish: everything the files do not name
/// (the whole catalog), or only inside the professions the files list (a bundle of
/// one profession leaves the others alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    WholeCatalog,
    ListedProfessions,
}

pub(super) type Tx<'a> = Transaction<'a, Postgres>;

/// Reads, checks and loads every seed file below `dir`.
pub async fn load_dir(pool: &PgPool, dir: &Path) -> Result<SeedReport, SeedError> {
    let seeds = Seeds::read(dir)?;
    load(pool, &seeds, dir, Scope::WholeCatalog, false).await
}

/// Loads checked seeds in one transaction. With `dry_run` the transaction is
/// rolled back: the report says what would change, and nothing does.
pub async fn load(
    pool: &PgPool,
    seeds: &Seeds,
    dir: &Path,
    scope: Scope,
    dry_run: bool,
) -> Result<SeedReport, SeedError> {
    let catalog_path = dir.join("catalog.toml");
    let db = |path: &Path, entry: &str| {
        let path = path.to_path_buf();
        let entry = entry.to_string();
        move |e: sqlx::Error| SeedError {
            file: path.clone(),
            entry: entry.clone(),
            field: String::new(),
            message: format!("database refused it: {e}"),
        }
    };

    let mut tx = pool.begin().await.map_err(db(dir, ""))?;
    let rows_before = content_rows(&mut tx).await.map_err(db(dir, ""))?;
    let mut report = SeedReport::default();
    let mut kept = Kept::default();

    for (position, p) in seeds.catalog.profession.iter().enumerate() {
        let entry = format!("profession \"{}\"", p.slug);
        let place = (scope == Scope::WholeCatalog).then_some(position as i32 + 1);
        let (id, changed) = upsert_profession(&mut tx, p, place)
            .await
            .map_err(db(&catalog_path, &entry))?;
        report.changed_rows += changed;
        report.professions += 1;
        kept.professions.push(id);
        for g in &p.grade {
            let level = GradeLevel::from_db(&g.level).expect("checked by Seeds::read");
            let (gid, changed) = upsert_grade(&mut tx, id, level, &g.description)
                .await
                .map_err(db(
                    &catalog_path,
                    &format!("{entry} > grade \"{}\"", g.level),
                ))?;
            report.changed_rows += changed;
            kept.grades.push(gid);
        }
    }

    for (path, m) in &seeds.modules {
        let entry = format!("module \"{}\"", m.slug);
        let (module_id, changed) = upsert_module(&mut tx, m).await.map_err(db(path, &entry))?;
        report.changed_rows += changed;
        report.modules += 1;
        kept.modules.push(module_id);
        for (position, link) in m.link.iter().enumerate() {
            let (id, changed) = upsert_link(&mut tx, module_id, link, position as i32 + 1)
                .await
                .map_err(db(path, &format!("{entry} > link {}", position + 1)))?;
            report.changed_rows += changed;
            kept.links.push(id);
        }
        for (position, t) in m.topic.iter().enumerate() {
            let entry = format!("topic \"{}\"", t.slug);
            let (topic_id, changed) = upsert_topic(&mut tx, module_id, t, position as i32 + 1)
                .await
                .map_err(db(path, &entry))?;
            report.changed_rows += changed;
            report.topics += 1;
            kept.topics.push(topic_id);
            report.changed_rows += upsert_exercises(&mut tx, topic_id, t, &mut kept)
                .await
                .map_err(db(path, &entry))?;
            report.exercises += t.theory.len() + t.question.len() + t.task.len() + t.case.len();
        }
    }

    for (path, file) in &seeds.projects {
        for (position, p) in file.project.iter().enumerate() {
            let entry = format!("project \"{}\"", p.slug);
            let (project_id, changed) = upsert_project(&mut tx, file, p, position as i32 + 1)
                .await
                .map_err(db(path, &entry))?;
            report.changed_rows += changed;
            kept.projects.push(project_id);
            for (position, item) in p.item.iter().enumerate() {
                let (id, changed) =
                    upsert_project_item(&mut tx, project_id, item, position as i32 + 1)
                        .await
                        .map_err(db(path, &format!("{entry} > item \"{}\"", item.slug)))?;
                report.changed_rows += changed;
                kept.project_items.push(id);
            }
        }
    }

    let within = match scope {
        Scope::WholeCatalog => None,
        Scope::ListedProfessions => Some(kept.professions.clone()),
    };
    report.unpublished = kept
        .unpublish_the_rest(&mut tx, within)
        .await
        .map_err(db(dir, ""))?;
    report.changed_rows += report.unpublished;
    let rows_after = content_rows(&mut tx).await.map_err(db(dir, ""))?;
    report.created = (rows_after - rows_before).max(0) as u64;
    report.updated = report.changed_rows - report.created - report.unpublished;
    if dry_run {
        tx.rollback().await.map_err(db(dir, ""))?;
    } else {
        tx.commit().await.map_err(db(dir, ""))?;
    }
    Ok(report)
}

/// All content rows, for counting what a load created.
async fn content_rows(tx: &mut Tx<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT (SELECT count(*) FROM professions) + (SELECT count(*) FROM grades)
                + (SELECT count(*) FROM modules) + (SELECT count(*) FROM topics)
                + (SELECT count(*) FROM theory) + (SELECT count(*) FROM questions)
                + (SELECT count(*) FROM tasks) + (SELECT count(*) FROM cases)
                + (SELECT count(*) FROM module_links) + (SELECT count(*) FROM projects)
                + (SELECT count(*) FROM project_items) AS "n!""#
    )
    .fetch_one(&mut **tx)
    .await
}

/// Ids of the rows the files name; every other row gets unpublished.
#[derive(Default)]
pub(super) struct Kept {
    pub(super) professions: Vec<i64>,
    pub(super) grades: Vec<i64>,
    pub(super) modules: Vec<i64>,
    pub(super) topics: Vec<i64>,
    pub(super) theory: Vec<i64>,
    pub(super) questions: Vec<i64>,
    pub(super) tasks: Vec<i64>,
    pub(super) cases: Vec<i64>,
    pub(super) links: Vec<i64>,
    pub(super) projects: Vec<i64>,
    pub(super) project_items: Vec<i64>,
}

impl Kept {
    /// `within`: only rows of these professions (None: anywhere).
    async fn unpublish_the_rest(
        &self,
        tx: &mut Tx<'_>,
        within: Option<Vec<i64>>,
    ) -> Result<u64, sqlx::Error> {
        let mut n = 0;
        n += sqlx::query!(
            "UPDATE professions SET is_active = false WHERE is_active AND profession_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR profession_id = ANY($2))",
            &self.professions,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE grades SET is_active = false WHERE is_active AND grade_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR profession_id = ANY($2))",
            &self.grades,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE modules SET is_active = false WHERE is_active AND module_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR grade_id IN (SELECT grade_id FROM grades WHERE profession_id = ANY($2)))",
            &self.modules,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE topics SET is_active = false WHERE is_active AND topic_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR module_id IN (SELECT module_id FROM modules JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.topics,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE theory SET is_active = false WHERE is_active AND theory_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR topic_id IN (SELECT topic_id FROM topics JOIN modules USING (module_id) JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.theory,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE questions SET is_active = false WHERE is_active AND question_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR topic_id IN (SELECT topic_id FROM topics JOIN modules USING (module_id) JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.questions,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE tasks SET is_active = false WHERE is_active AND task_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR topic_id IN (SELECT topic_id FROM topics JOIN modules USING (module_id) JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.tasks,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE cases SET is_active = false WHERE is_active AND case_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR topic_id IN (SELECT topic_id FROM topics JOIN modules USING (module_id) JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.cases,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE module_links SET is_active = false WHERE is_active AND module_link_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR module_id IN (SELECT module_id FROM modules JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.links,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE projects SET is_active = false WHERE is_active AND project_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR grade_id IN (SELECT grade_id FROM grades WHERE profession_id = ANY($2)))",
            &self.projects,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        n += sqlx::query!(
            "UPDATE project_items SET is_active = false WHERE is_active AND project_item_id <> ALL($1)
             AND ($2::bigint[] IS NULL OR project_id IN (SELECT project_id FROM projects JOIN grades USING (grade_id) WHERE profession_id = ANY($2)))",
            &self.project_items,
            within.as_deref()
        )
        .execute(&mut **tx)
        .await?
        .rows_affected();
        Ok(n)
    }
}
