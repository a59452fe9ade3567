//! The seed files' shape, and the checks made before anything reaches the database.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::SeedError;
use crate::authoring::types::{CaseInput, QuestionInput, TaskInput, TheoryInput};
use crate::domain::BLANK;

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    pub profession: Vec<ProfessionSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfessionSeed {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grade: Vec<GradeSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GradeSeed {
    pub level: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFile {
    pub profession: String,
    pub grade: String,
    pub slug: String,
    pub position: i32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub link: Vec<LinkSeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topic: Vec<TopicSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LinkSeed {
    pub title: String,
    pub url: String,
}

/// `<profession>/<grade>/projects.toml`: a grade's portfolio projects.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectsFile {
    pub profession: String,
    pub grade: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project: Vec<ProjectSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectSeed {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ProjectItemSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectItemSeed {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSeed {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theory: Vec<TheorySeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub question: Vec<QuestionSeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task: Vec<TaskSeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case: Vec<CaseSeed>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TheorySeed {
    pub slug: String,
    pub title: String,
    pub body: String,
    pub explanation: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSeed {
    pub slug: String,
    pub title: String,
    pub options: Vec<String>,
    pub correct: Vec<i32>,
    pub explanation: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSeed {
    pub slug: String,
    pub title: String,
    pub code: String,
    pub answer: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    pub explanation: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSeed {
    pub slug: String,
    pub title: String,
    pub template: String,
    pub fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    pub explanation: String,
}

/// Every file of a seeds folder, parsed and checked.
#[derive(Debug)]
pub struct Seeds {
    pub catalog: CatalogFile,
    pub modules: Vec<(PathBuf, ModuleFile)>,
    pub projects: Vec<(PathBuf, ProjectsFile)>,
}

impl Seeds {
    /// Reads `catalog.toml` and every other `*.toml` below `dir`.
    pub fn read(dir: &Path) -> Result<Self, SeedError> {
        let mut paths = Vec::new();
        collect_toml(dir, &mut paths).map_err(|e| file_error(dir, e.to_string()))?;
        let mut files = Vec::new();
        for path in paths {
            let text =
                std::fs::read_to_string(&path).map_err(|e| file_error(&path, e.to_string()))?;
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            files.push((relative, text));
        }
        Self::from_files(files).map_err(|mut e| {
            e.file = dir.join(&e.file);
            e
        })
    }

    /// Parses and checks a seeds folder given as (relative path, text) pairs: the
    /// files of `seeds/`, or of an uploaded bundle.
    pub fn from_files(mut files: Vec<(PathBuf, String)>) -> Result<Self, SeedError> {
        let catalog_path = PathBuf::from("catalog.toml");
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let catalog_text = files
            .iter()
            .find(|(p, _)| p == &catalog_path)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| {
                file_error(
                    &catalog_path,
                    "missing: every bundle starts with catalog.toml".into(),
                )
            })?;
        let catalog: CatalogFile = parse(&catalog_path, &catalog_text)?;
        super::checks::check_catalog(&catalog_path, &catalog)?;

        let mut modules: Vec<(PathBuf, ModuleFile)> = Vec::new();
        let mut projects: Vec<(PathBuf, ProjectsFile)> = Vec::new();
        let mut seen = HashSet::new();
        let mut seen_project_grades = HashSet::new();
        for (path, text) in files {
            if path == catalog_path {
                continue;
            }
            if path.file_name().is_some_and(|n| n == "projects.toml") {
                let file: ProjectsFile = parse(&path, &text)?;
                super::checks::check_grade_exists(&path, &file.profession, &file.grade, &catalog)?;
                if !seen_project_grades.insert((file.profession.clone(), file.grade.clone())) {
                    return Err(err(
                        &path,
                        "",
                        "grade",
                        "another projects.toml already lists this grade's projects",
                    ));
                }
                super::checks::check_projects(&path, &file)?;
                projects.push((path, file));
                continue;
            }
            let module: ModuleFile = parse(&path, &text)?;
            super::checks::check_module(&path, &module, &catalog)?;
            if !seen.insert((
                module.profession.clone(),
                module.grade.clone(),
                module.slug.clone(),
            )) {
                return Err(err(
                    &path,
                    "",
                    "slug",
                    format!(
                        "another file already defines module \"{}\" in {}/{}",
                        module.slug, module.profession, module.grade
                    ),
                ));
            }
            modules.push((path, module));
        }
        Ok(Seeds {
            catalog,
            modules,
            projects,
        })
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<T, SeedError> {
    toml::from_str(text).map_err(|e| file_error(path, e.to_string().trim_end().to_string()))
}

fn file_error(path: &Path, message: String) -> SeedError {
    err(path, "", "", message)
}

pub(super) fn err(path: &Path, entry: &str, field: &str, message: impl Into<String>) -> SeedError {
    SeedError {
        file: path.to_path_buf(),
        entry: entry.to_string(),
        field: field.to_string(),
        message: message.into(),
    }
}

/// Each exercise seed as the input /admin and the API would submit: the same
/// rules check both.
impl TheorySeed {
    pub fn input(&self) -> TheoryInput {
        TheoryInput {
            slug: self.slug.clone(),
            title: self.title.clone(),
            body: self.body.clone(),
            explanation: self.explanation.clone(),
            is_active: true,
        }
    }
}

impl QuestionSeed {
    pub fn input(&self) -> QuestionInput {
        QuestionInput {
            slug: self.slug.clone(),
            title: self.title.clone(),
            options: self.options.clone(),
            correct_answers: self.correct.clone(),
            explanation: self.explanation.clone(),
            is_active: true,
        }
    }
}

impl TaskSeed {
    pub fn input(&self) -> TaskInput {
        TaskInput {
            slug: self.slug.clone(),
            title: self.title.clone(),
            code: self.code.clone(),
            answer: self.answer.clone(),
            accepted: self.accepted.clone(),
            explanation: self.explanation.clone(),
            is_active: true,
        }
    }
}

impl CaseSeed {
    pub fn input(&self) -> CaseInput {
        CaseInput {
            slug: self.slug.clone(),
            title: self.title.clone(),
            template: self.template.clone(),
            fields: self.fields.clone(),
            explanation: self.explanation.clone(),
            is_active: true,
        }
    }

    /// The template with every blank filled by its correct answer.
    pub fn filled(&self) -> String {
        let mut out = String::new();
        let mut fields = self.fields.iter();
        for (i, part) in self.template.split(BLANK).enumerate() {
            if i > 0 {
                out.push_str(fields.next().map(String::as_str).unwrap_or(""));
            }
            out.push_str(part);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_filled_in_blank_order() {
        let c = CaseSeed {
            slug: "c".into(),
            title: "t".into(),
            template: "x = ___\nprint(x + ___)".into(),
            fields: vec!["1".into(), "2".into()],
            output: None,
            explanation: "e".into(),
        };
        assert_eq!(c.filled(), "x = 1\nprint(x + 2)");
    }
}
