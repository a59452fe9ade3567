//! What authors submit for each kind, through a form, the API or a seed file. The
//! OpenAPI schemas state the rules of `validate`, from the same constants.

use serde::{Deserialize, Serialize};

use crate::domain::GradeLevel;

/// The OpenAPI schemas of the fields every authored row shares, from the same
/// limits `validate` applies, so generated requests follow the server's rules.
#[cfg(feature = "ssr")]
mod schemas {
    use utoipa::openapi::{ObjectBuilder, Type};

    pub fn slug() -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(super::super::validate::SLUG_PATTERN))
            .min_length(Some(1))
            .max_length(Some(super::super::validate::MAX_SLUG_CHARS))
    }

    /// Not blank: at least one non-space character.
    pub fn title() -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("\\S"))
            .min_length(Some(1))
            .max_length(Some(super::super::validate::MAX_TITLE_CHARS))
    }
}

/// Fields of a module or a topic as an author submits them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SectionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub description: String,
    /// Published (true) or a draft (false).
    #[serde(default)]
    pub is_active: bool,
}

/// A question as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 2, max_items = 64))]
    pub options: Vec<String>,
    /// 0-based indexes into `options`.
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 64))]
    pub correct_answers: Vec<i32>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A «what does this code print» task as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TaskInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 20000)
    )]
    pub code: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 10000)
    )]
    pub answer: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_items = 64))]
    pub accepted: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A theory card as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TheoryInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "\\S", min_length = 1, max_length = 20000)
    )]
    pub body: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A case as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "___", max_length = 20000))]
    pub template: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 64))]
    pub fields: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 20000))]
    pub explanation: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A profession as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfessionInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 500))]
    pub summary: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A grade as an author submits it. One grade per level in a profession.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradeInput {
    pub level: GradeLevel,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub description: String,
    #[serde(default)]
    pub is_active: bool,
}

/// A checklist item as an author submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChecklistItemInput {
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::slug))]
    pub slug: String,
    #[cfg_attr(feature = "ssr", schema(schema_with = schemas::title))]
    pub title: String,
    #[serde(default)]
    pub is_active: bool,
}
