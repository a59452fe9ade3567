//! Modules (under a grade) and topics (under a module): the path's sections.

use super::{kind_of, section_writes, table_queries};
use crate::authoring::core::Authorable;
use crate::authoring::types::{ModuleRow, SectionInput, TopicRow};

impl Authorable for ModuleRow {
    kind_of!(input: SectionInput, kind: Module, noun: "Модуль", dependents: Answers,
        id: module_id, parent: grade_id);
    table_queries!(row: ModuleRow, table: "modules", id: "module_id",
        parent_table: "grades", parent: "grade_id",
        columns: "module_id, grade_id, slug, title, description, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           JOIN topics t ON t.topic_id = e.topic_id
           WHERE t.module_id = $1");
    section_writes!(table: "modules", id: "module_id", parent: "grade_id");
}

impl Authorable for TopicRow {
    kind_of!(input: SectionInput, kind: Topic, noun: "Тему", dependents: Answers,
        id: topic_id, parent: module_id);
    table_queries!(row: TopicRow, table: "topics", id: "topic_id",
        parent_table: "modules", parent: "module_id",
        columns: "topic_id, module_id, slug, title, description, position, is_active,
                  updated_at::text AS \"version!\"",
        dependents: "FROM answers a
           JOIN exercises e ON e.kind = a.kind AND e.exercise_id = a.exercise_id
           WHERE e.topic_id = $1");
    section_writes!(table: "topics", id: "topic_id", parent: "module_id");
}
