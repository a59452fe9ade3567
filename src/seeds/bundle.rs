//! Bundles: a profession, or the whole catalog, as a seeds folder packed into a
//! `.tar.gz` — the same files `seeds/` holds, so a bundle can be edited by hand,
//! unpacked into `seeds/`, or imported into another Grader.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Component, PathBuf};

use sqlx::PgPool;

use super::format::*;
use crate::authoring::BundleReport;
use crate::domain::GradeLevel;
use crate::error::AppError;

pub use crate::server::guard::MAX_BUNDLE_BYTES;

/// The published content of one profession (by slug) or of all, as seeds files.
pub async fn export(
    pool: &PgPool,
    profession: Option<&str>,
) -> Result<Vec<(PathBuf, String)>, AppError> {
    let professions = sqlx::query!(
        "SELECT profession_id, slug, title, summary FROM professions
         WHERE is_active AND ($1::text IS NULL OR slug = $1) ORDER BY position, profession_id",
        profession
    )
    .fetch_all(pool)
    .await?;
    if professions.is_empty() {
        return Err(AppError::NotFound);
    }
    let ids: Vec<i64> = professions.iter().map(|p| p.profession_id).collect();
    let grades = sqlx::query!(
        r#"SELECT grade_id, profession_id, level AS "level: GradeLevel", slug, description FROM grades
           WHERE is_active AND profession_id = ANY($1) ORDER BY position, grade_id"#,
        &ids
    )
    .fetch_all(pool)
    .await?;
    let modules = sqlx::query!(
        "SELECT m.module_id, m.grade_id, m.slug, m.title, m.description, m.position FROM modules m
         JOIN grades g USING (grade_id)
         WHERE m.is_active AND g.is_active AND g.profession_id = ANY($1) ORDER BY m.position, m.module_id",
        &ids
    )
    .fetch_all(pool)
    .await?;
    let module_ids: Vec<i64> = modules.iter().map(|m| m.module_id).collect();
    let links = sqlx::query!(
        "SELECT module_id, title, url FROM module_links WHERE is_active AND module_id = ANY($1)
         ORDER BY position, module_link_id",
        &module_ids
    )
    .fetch_all(pool)
    .await?;
    let topics = sqlx::query!(
        "SELECT topic_id, module_id, slug, title, description FROM topics
         WHERE is_active AND module_id = ANY($1) ORDER BY position, topic_id",
        &module_ids
    )
    .fetch_all(pool)
    .await?;
    let topic_ids: Vec<i64> = topics.iter().map(|t| t.topic_id).collect();
    let theory = sqlx::query!(
        "SELECT topic_id, slug, title, body, explanation FROM theory
         WHERE is_active AND topic_id = ANY($1) ORDER BY position, theory_id",
        &topic_ids
    )
    .fetch_all(pool)
    .await?;
    let questions = sqlx::query!(
        "SELECT topic_id, slug, title, options, correct_answers, explanation FROM questions
         WHERE is_active AND topic_id = ANY($1) ORDER BY position, question_id",
        &topic_ids
    )
    .fetch_all(pool)
    .await?;
    let tasks = sqlx::query!(
        "SELECT topic_id, slug, title, code_question, correct_answer, accepted_answers, explanation FROM tasks
         WHERE is_active AND topic_id = ANY($1) ORDER BY position, task_id",
        &topic_ids
    )
    .fetch_all(pool)
    .await?;
    let cases = sqlx::query!(
        "SELECT topic_id, slug, title, code_template, correct_fields, expected_output, explanation FROM cases
         WHERE is_active AND topic_id = ANY($1) ORDER BY position, case_id",
        &topic_ids
    )
    .fetch_all(pool)
    .await?;
    let projects = sqlx::query!(
        "SELECT project_id, grade_id, slug, title, description FROM projects
         WHERE is_active AND grade_id IN (SELECT grade_id FROM grades WHERE profession_id = ANY($1))
         ORDER BY position, project_id",
        &ids
    )
    .fetch_all(pool)
    .await?;
    let project_ids: Vec<i64> = projects.iter().map(|p| p.project_id).collect();
    let items = sqlx::query!(
        "SELECT project_id, slug, title FROM project_items WHERE is_active AND project_id = ANY($1)
         ORDER BY position, project_item_id",
        &project_ids
    )
    .fetch_all(pool)
    .await?;

    let mut grade_of: HashMap<i64, (String, String, GradeLevel)> = HashMap::new();
    let catalog = CatalogFile {
        profession: professions
            .iter()
            .map(|p| ProfessionSeed {
                slug: p.slug.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                grade: grades
                    .iter()
                    .filter(|g| g.profession_id == p.profession_id)
                    .map(|g| {
                        grade_of.insert(g.grade_id, (p.slug.clone(), g.slug.clone(), g.level));
                        GradeSeed {
                            level: g.level.as_db().into(),
                            description: g.description.clone(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut files = vec![(PathBuf::from("catalog.toml"), to_toml(&catalog)?)];

    let mut numbered: HashMap<i64, usize> = HashMap::new();
    for m in &modules {
        let Some((p, g, level)) = grade_of.get(&m.grade_id) else {
            continue;
        };
        let n = numbered.entry(m.grade_id).or_default();
        *n += 1;
        let file = ModuleFile {
            profession: p.clone(),
            grade: level.as_db().into(),
            slug: m.slug.clone(),
            position: m.position,
            title: m.title.clone(),
            description: m.description.clone(),
            link: links
                .iter()
                .filter(|l| l.module_id == m.module_id)
                .map(|l| LinkSeed {
                    title: l.title.clone(),
                    url: l.url.clone(),
                })
                .collect(),
            topic: topics
                .iter()
                .filter(|t| t.module_id == m.module_id)
                .map(|t| TopicSeed {
                    slug: t.slug.clone(),
                    title: t.title.clone(),
                    description: t.description.clone(),
                    theory: theory
                        .iter()
                        .filter(|x| x.topic_id == t.topic_id)
                        .map(|x| TheorySeed {
                            slug: x.slug.clone(),
                            title: x.title.clone(),
                            body: x.body.clone(),
                            explanation: x.explanation.clone(),
                        })
                        .collect(),
                    question: questions
                        .iter()
                        .filter(|x| x.topic_id == t.topic_id)
                        .map(|x| QuestionSeed {
                            slug: x.slug.clone(),
                            title: x.title.clone(),
                            options: x.options.clone(),
                            correct: x.correct_answers.clone(),
                            explanation: x.explanation.clone(),
                        })
                        .collect(),
                    task: tasks
                        .iter()
                        .filter(|x| x.topic_id == t.topic_id)
                        .map(|x| TaskSeed {
                            slug: x.slug.clone(),
                            title: x.title.clone(),
                            code: x.code_question.clone(),
                            answer: x.correct_answer.clone(),
                            accepted: x.accepted_answers.clone(),
                            explanation: x.explanation.clone(),
                        })
                        .collect(),
                    case: cases
                        .iter()
                        .filter(|x| x.topic_id == t.topic_id)
                        .map(|x| CaseSeed {
                            slug: x.slug.clone(),
                            title: x.title.clone(),
                            template: x.code_template.clone(),
                            fields: x.correct_fields.clone(),
                            output: x.expected_output.clone(),
                            explanation: x.explanation.clone(),
                        })
                        .collect(),
                })
                .collect(),
        };
        let path = PathBuf::from(format!("{p}/{g}/{:02}-{}.toml", *n, m.slug));
        files.push((path, to_toml(&file)?));
    }

    for (grade_id, (p, g, level)) in &grade_of {
        let list: Vec<ProjectSeed> = projects
            .iter()
            .filter(|x| x.grade_id == *grade_id)
            .map(|x| ProjectSeed {
                slug: x.slug.clone(),
                title: x.title.clone(),
                description: x.description.clone(),
                item: items
                    .iter()
                    .filter(|i| i.project_id == x.project_id)
                    .map(|i| ProjectItemSeed {
                        slug: i.slug.clone(),
                        title: i.title.clone(),
                    })
                    .collect(),
            })
            .collect();
        if !list.is_empty() {
            let file = ProjectsFile {
                profession: p.clone(),
                grade: level.as_db().into(),
                project: list,
            };
            files.push((
                PathBuf::from(format!("{p}/{g}/projects.toml")),
                to_toml(&file)?,
            ));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn to_toml<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    toml::to_string_pretty(value).map_err(|e| {
        tracing::error!(error = %e, "writing a bundle file");
        AppError::Internal
    })
}

/// Packs files into a `.tar.gz`.
pub fn pack(files: &[(PathBuf, String)]) -> Result<Vec<u8>, AppError> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (path, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_cksum();
        tar.append_data(&mut header, path, text.as_bytes())
            .map_err(|_| AppError::Internal)?;
    }
    let gz = tar.into_inner().map_err(|_| AppError::Internal)?;
    gz.finish().map_err(|_| AppError::Internal)
}

/// Unpacks an uploaded `.tar.gz`: only `*.toml` files with plain relative paths
/// (no `..`, no absolute paths, no links), UTF-8, and not too big in all.
pub fn unpack(bytes: &[u8]) -> Result<Vec<(PathBuf, String)>, AppError> {
    let bad = |m: &str| AppError::invalid("bundle", format!("Архив не подходит: {m}"));
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(bad("больше 8 МБ"));
    }
    let gz = flate2::read::GzDecoder::new(bytes);
    let mut archive = tar::Archive::new(gz.take(4 * MAX_BUNDLE_BYTES as u64));
    let mut files = Vec::new();
    let entries = archive.entries().map_err(|_| bad("это не .tar.gz"))?;
    for entry in entries {
        let mut entry = entry.map_err(|_| bad("это не .tar.gz или он повреждён"))?;
        let kind = entry.header().entry_type();
        if kind.is_dir() {
            continue;
        }
        let path = entry
            .path()
            .map_err(|_| bad("неверное имя файла"))?
            .into_owned();
        let plain = path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !kind.is_file() || !plain {
            return Err(bad(&format!("лишний элемент {}", path.display())));
        }
        let path: PathBuf = path
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect();
        if path.extension().is_none_or(|e| e != "toml") {
            continue; // README.md and the like
        }
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|_| bad(&format!("{} — не текст в UTF-8", path.display())))?;
        files.push((path, text));
    }
    if files.is_empty() {
        return Err(bad("в нём нет файлов .toml"));
    }
    Ok(files)
}

/// Checks a `.tar.gz` bundle (from /admin's uploads or the REST API) and loads
/// it in one transaction; `dry_run` rolls back and only reports. Rows match by
/// slug, so learners' progress stays attached. `whole_catalog`: also unpublish
/// professions the bundle does not list.
pub async fn import_bundle(
    pool: &PgPool,
    bytes: &[u8],
    whole_catalog: bool,
    dry_run: bool,
) -> Result<BundleReport, AppError> {
    use super::{load, Scope, Seeds};
    let files = unpack(bytes)?;
    let seeds = Seeds::from_files(files).map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    let scope = if whole_catalog {
        Scope::WholeCatalog
    } else {
        Scope::ListedProfessions
    };
    let r = load(pool, &seeds, std::path::Path::new(""), scope, dry_run)
        .await
        .map_err(|e| AppError::invalid("bundle", e.to_string()))?;
    Ok(BundleReport {
        professions: r.professions,
        modules: r.modules,
        topics: r.topics,
        exercises: r.exercises,
        created: r.created,
        updated: r.updated,
        unpublished: r.unpublished,
        applied: !dry_run,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_bundle_unpacks_to_the_same_files() {
        let files = vec![
            (
                PathBuf::from("catalog.toml"),
                "[[profession]]\nslug = \"p\"\ntitle = \"П\"\n".to_string(),
            ),
            (PathBuf::from("p/intern/01-m.toml"), "x = 1\n".to_string()),
        ];
        assert_eq!(unpack(&pack(&files).unwrap()).unwrap(), files);
    }

    #[test]
    fn garbage_and_escaping_paths_are_refused_with_a_message() {
        assert!(matches!(
            unpack(b"not a tarball"),
            Err(AppError::Invalid { .. })
        ));
        let evil = [(PathBuf::from("../etc/x.toml"), "a = 1".to_string())];
        // tar refuses to write `..` itself, so build the header by hand.
        let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        let mut header = tar::Header::new_gnu();
        header.as_gnu_mut().unwrap().name[..13].copy_from_slice(b"../etc/x.toml");
        header.set_size(5);
        header.set_cksum();
        tar.append(&header, evil[0].1.as_bytes()).unwrap();
        let bytes = tar.into_inner().unwrap().finish().unwrap();
        assert!(matches!(unpack(&bytes), Err(AppError::Invalid { .. })));
    }
}
