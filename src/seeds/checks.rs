//! What makes seed files valid beyond their format: each entry meets authoring's
//! rule for its kind (the one /admin and the API apply), slugs and titles are
//! unique among siblings, grades exist, links are web addresses.

use std::collections::HashSet;
use std::path::Path;

use super::format::{err, CatalogFile, ModuleFile, ProjectsFile};
use super::SeedError;
use crate::authoring::types::{ChecklistItemInput, GradeInput, ProfessionInput, SectionInput};
use crate::authoring::validate::{self, Problems};
use crate::domain::GradeLevel;

/// Checks shared by every entry: a valid slug unique among its siblings, a title.
struct Siblings<'a> {
    path: &'a Path,
    slugs: HashSet<String>,
    titles: HashSet<String>,
}

impl<'a> Siblings<'a> {
    fn new(path: &'a Path) -> Self {
        Self {
            path,
            slugs: HashSet::new(),
            titles: HashSet::new(),
        }
    }

    /// A slug and a title unique among the siblings (the rules of each one alone
    /// are authoring's: see `rules`).
    fn check(&mut self, entry: &str, slug: &str, title: &str) -> Result<(), SeedError> {
        if !self.slugs.insert(slug.to_string()) {
            return Err(err(
                self.path,
                entry,
                "slug",
                format!("\"{slug}\" is used twice in the same parent"),
            ));
        }
        if !self.titles.insert(title.trim().to_string()) {
            return Err(err(
                self.path,
                entry,
                "title",
                format!("\"{title}\" is used twice in the same parent"),
            ));
        }
        Ok(())
    }
}

/// One entry against authoring's rule for its kind (`crate::authoring::validate`,
/// the rules /admin and the API apply): its first problem, in English, on the
/// seed file's name for the field.
fn rules(path: &Path, entry: &str, problems: Problems) -> Result<(), SeedError> {
    match problems.0.into_iter().next() {
        None => Ok(()),
        Some(p) => {
            let field = match p.field {
                "correct_answers" => "correct",
                other => other,
            };
            Err(err(path, entry, field, p.en))
        }
    }
}

/// A section (module, topic, project) as authoring checks it.
fn section(slug: &str, title: &str, description: &str) -> Problems {
    validate::section_problems(&SectionInput {
        slug: slug.into(),
        title: title.into(),
        description: description.into(),
        is_active: true,
    })
}

fn not_blank(path: &Path, entry: &str, field: &str, value: &str) -> Result<(), SeedError> {
    if value.trim().is_empty() {
        return Err(err(path, entry, field, "must not be empty"));
    }
    Ok(())
}

pub(super) fn check_catalog(path: &Path, catalog: &CatalogFile) -> Result<(), SeedError> {
    let mut professions = Siblings::new(path);
    for p in &catalog.profession {
        let entry = format!("profession \"{}\"", p.slug);
        let input = ProfessionInput {
            slug: p.slug.clone(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            is_active: true,
        };
        rules(path, &entry, validate::profession_problems(&input))?;
        professions.check(&entry, &p.slug, &p.title)?;
        let mut levels = HashSet::new();
        for g in &p.grade {
            let entry = format!("{entry} > grade \"{}\"", g.level);
            let level = GradeLevel::from_db(&g.level).ok_or_else(|| {
                err(
                    path,
                    &entry,
                    "level",
                    "must be one of intern, junior, junior_plus, middle, middle_plus, senior_plus",
                )
            })?;
            if !levels.insert(level) {
                return Err(err(path, &entry, "level", "this grade is listed twice"));
            }
            let input = GradeInput {
                level,
                description: g.description.clone(),
                is_active: true,
            };
            rules(path, &entry, validate::grade_problems(&input))?;
        }
    }
    Ok(())
}

pub(super) fn check_grade_exists(
    path: &Path,
    profession: &str,
    grade: &str,
    catalog: &CatalogFile,
) -> Result<(), SeedError> {
    let p = catalog
        .profession
        .iter()
        .find(|p| p.slug == profession)
        .ok_or_else(|| {
            err(
                path,
                "",
                "profession",
                format!("no profession \"{profession}\" in catalog.toml"),
            )
        })?;
    if !p.grade.iter().any(|g| g.level == grade) {
        return Err(err(
            path,
            "",
            "grade",
            format!("profession \"{profession}\" has no grade \"{grade}\" in catalog.toml"),
        ));
    }
    Ok(())
}

pub(super) fn check_projects(path: &Path, file: &ProjectsFile) -> Result<(), SeedError> {
    let mut projects = Siblings::new(path);
    for p in &file.project {
        let entry = format!("project \"{}\"", p.slug);
        rules(path, &entry, section(&p.slug, &p.title, &p.description))?;
        projects.check(&entry, &p.slug, &p.title)?;
        let mut items = Siblings::new(path);
        for i in &p.item {
            let item = format!("{entry} > item \"{}\"", i.slug);
            let input = ChecklistItemInput {
                slug: i.slug.clone(),
                title: i.title.clone(),
                is_active: true,
            };
            rules(path, &item, validate::checklist_item_problems(&input))?;
            items.check(&item, &i.slug, &i.title)?;
        }
    }
    Ok(())
}

pub(super) fn check_module(
    path: &Path,
    m: &ModuleFile,
    catalog: &CatalogFile,
) -> Result<(), SeedError> {
    check_grade_exists(path, &m.profession, &m.grade, catalog)?;
    let module = format!("module \"{}\"", m.slug);
    rules(path, &module, section(&m.slug, &m.title, &m.description))?;
    let mut urls = HashSet::new();
    for (i, l) in m.link.iter().enumerate() {
        let entry = format!("{module} > link {}", i + 1);
        not_blank(path, &entry, "title", &l.title)?;
        let web = (l.url.starts_with("https://") || l.url.starts_with("http://"))
            && !l.url.contains(char::is_whitespace);
        if !web {
            return Err(err(
                path,
                &entry,
                "url",
                format!("\"{}\" is not an http(s) address", l.url),
            ));
        }
        if !urls.insert(l.url.as_str()) {
            return Err(err(
                path,
                &entry,
                "url",
                format!("\"{}\" is listed twice", l.url),
            ));
        }
    }

    let mut topics = Siblings::new(path);
    for t in &m.topic {
        let topic = format!("topic \"{}\"", t.slug);
        rules(path, &topic, section(&t.slug, &t.title, &t.description))?;
        topics.check(&topic, &t.slug, &t.title)?;
        // Titles are unique across all kinds within a topic; slugs within each kind.
        let mut titles = HashSet::new();
        let mut entry = |kind: &str, slugs: &mut Siblings, slug: &str, title: &str| {
            let entry = format!("{topic} > {kind} \"{slug}\"");
            slugs.check(&entry, slug, title)?;
            if !titles.insert(title.trim().to_string()) {
                return Err(err(
                    path,
                    &entry,
                    "title",
                    format!("\"{title}\" is used twice in the topic"),
                ));
            }
            Ok::<String, SeedError>(entry)
        };
        let mut slugs = Siblings::new(path);
        for x in &t.theory {
            let at = entry("theory", &mut slugs, &x.slug, &x.title)?;
            rules(path, &at, validate::theory_problems(&x.input()))?;
        }
        let mut slugs = Siblings::new(path);
        for x in &t.question {
            let at = entry("question", &mut slugs, &x.slug, &x.title)?;
            rules(path, &at, validate::question_problems(&x.input()))?;
        }
        let mut slugs = Siblings::new(path);
        for x in &t.task {
            let at = entry("task", &mut slugs, &x.slug, &x.title)?;
            rules(path, &at, validate::task_problems(&x.input()))?;
        }
        let mut slugs = Siblings::new(path);
        for x in &t.case {
            let at = entry("case", &mut slugs, &x.slug, &x.title)?;
            rules(path, &at, validate::case_problems(&x.input()))?;
        }
    }
    Ok(())
}
