//! /admin's server functions for every kind of content: read an edit page,
//! create, save, delete. Each kind's are stamped by `crud!` and `edit_pages!` from
//! the generic helpers below, which check the role, turn the form into the kind's
//! input and call the authoring core; on success they redirect to the page that
//! shows the result. Forms post natively (no JavaScript needed).

use leptos::prelude::*;

use super::types::*;
use crate::authoring::forms::*;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use {
    super::server_fns::{act, author},
    crate::authoring::core::{self, Authorable, ParentKey},
    crate::authoring::forms::FormInput,
};

/// After creating: the new row's editor; a question goes back to its topic's list
/// and a checklist line to its project, where authors add the next one.
#[cfg(feature = "ssr")]
fn created_path<K: Authorable>(row: &K) -> String {
    let parent = row.parent().key();
    match K::KIND {
        ContentKind::Question => format!(
            "{}?saved=1#question-{}",
            K::KIND.parent_admin_path(parent),
            row.id()
        ),
        ContentKind::Item => format!("{}?saved=1", K::KIND.parent_admin_path(parent)),
        kind => kind.admin_path(row.id()),
    }
}

#[cfg(feature = "ssr")]
async fn create<K: Authorable, F: FormInput<Input = K::Input>>(
    parent: K::Parent,
    form: F,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            core::create::<K>(&pool, parent, &form.into_input()?).await
        },
        created_path,
    )
    .await
}

#[cfg(feature = "ssr")]
async fn save<K: Authorable, F: FormInput<Input = K::Input>>(
    id: i64,
    version: String,
    form: F,
) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            core::update::<K>(&pool, id, &version, &form.into_input()?).await
        },
        |row: &K| format!("{}?saved=1", K::KIND.admin_path(row.id())),
    )
    .await
}

/// `confirm` is the page's «Да, удалить вместе с …» box.
#[cfg(feature = "ssr")]
async fn delete<K: Authorable>(id: i64, confirm: Option<String>) -> Result<(), AppError> {
    act(
        async {
            let (pool, _) = author().await?;
            core::delete::<K>(&pool, id, checked(&confirm)).await
        },
        |row: &K| {
            format!(
                "{}?deleted=1",
                K::KIND.parent_admin_path(row.parent().key())
            )
        },
    )
    .await
}

/// Create (under the parent named `parent`), save and delete for one kind.
macro_rules! crud {
    ($row:ty, $form:ty, parent: $parent:ident,
     $create:ident = $create_at:tt, $save:ident = $save_at:tt, $delete:ident = $delete_at:tt) => {
        #[server(endpoint = $create_at)]
        pub async fn $create($parent: i64, #[server(flatten)] form: $form) -> Result<(), AppError> {
            create::<$row, _>($parent, form).await
        }

        #[server(endpoint = $save_at)]
        pub async fn $save(
            id: i64,
            version: String,
            #[server(flatten)] form: $form,
        ) -> Result<(), AppError> {
            save::<$row, _>(id, version, form).await
        }

        #[server(endpoint = $delete_at)]
        pub async fn $delete(
            id: i64,
            #[server(default)] confirm: Option<String>,
        ) -> Result<(), AppError> {
            delete::<$row>(id, confirm).await
        }
    };
}

crud!(GradeRow, GradeForm, parent: profession_id,
    create_grade = "admin/grade/create", save_grade = "admin/grade/save",
    delete_grade = "admin/grade/delete");
crud!(ProjectRow, SectionForm, parent: grade_id,
    create_project = "admin/project/create", save_project = "admin/project/save",
    delete_project = "admin/project/delete");
crud!(ChecklistItemRow, ChecklistItemForm, parent: project_id,
    create_checklist_item = "admin/item/create", save_checklist_item = "admin/item/save",
    delete_checklist_item = "admin/item/delete");
crud!(ModuleRow, SectionForm, parent: grade_id,
    create_module = "admin/module/create", save_module = "admin/module/save",
    delete_module = "admin/module/delete");
crud!(TopicRow, SectionForm, parent: module_id,
    create_topic = "admin/topic/create", save_topic = "admin/topic/save",
    delete_topic = "admin/topic/delete");
crud!(QuestionRow, QuestionForm, parent: topic_id,
    create_question = "admin/question/create", save_question = "admin/question/save",
    delete_question = "admin/question/delete");
crud!(TaskRow, TaskForm, parent: topic_id,
    create_task = "admin/task/create", save_task = "admin/task/save",
    delete_task = "admin/task/delete");
crud!(TheoryRow, TheoryForm, parent: topic_id,
    create_theory = "admin/theory/create", save_theory = "admin/theory/save",
    delete_theory = "admin/theory/delete");
crud!(CaseRow, CaseForm, parent: topic_id,
    create_case = "admin/case/create", save_case = "admin/case/save",
    delete_case = "admin/case/delete");

/// Professions are the top: created under nothing.
#[server(endpoint = "admin/profession/create")]
pub async fn create_profession(#[server(flatten)] form: ProfessionForm) -> Result<(), AppError> {
    create::<ProfessionRow, _>((), form).await
}

#[server(endpoint = "admin/profession/save")]
pub async fn save_profession(
    id: i64,
    version: String,
    #[server(flatten)] form: ProfessionForm,
) -> Result<(), AppError> {
    save::<ProfessionRow, _>(id, version, form).await
}

#[server(endpoint = "admin/profession/delete")]
pub async fn delete_profession(
    id: i64,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    delete::<ProfessionRow>(id, confirm).await
}

/// The edit page of one row: `$load` in `admin::queries`, for authors only.
macro_rules! edit_pages {
    ($($name:ident = $at:tt => $load:ident -> $view:ty;)*) => {
        $(
            #[server(endpoint = $at)]
            pub async fn $name(id: i64) -> Result<$view, AppError> {
                let (pool, _) = author().await?;
                super::queries::$load(&pool, id).await
            }
        )*
    };
}

edit_pages! {
    get_profession_edit = "admin/profession" => profession_edit -> ProfessionEdit;
    get_grade_edit = "admin/grade/edit" => grade_edit -> GradeEdit;
    get_project_edit = "admin/project" => project_edit -> ProjectEdit;
    get_checklist_item_edit = "admin/item" => checklist_item_edit -> ChecklistItemEdit;
    get_module_edit = "admin/module" => module_edit -> ModuleEdit;
    get_topic_edit = "admin/topic" => topic_edit -> TopicEdit;
    get_topic_preview = "admin/topic/preview" => topic_preview -> TopicPreview;
    get_question_edit = "admin/question" => question_edit -> QuestionEdit;
    get_theory_edit = "admin/theory" => theory_edit -> TheoryEdit;
    get_case_edit = "admin/case" => case_edit -> CaseEdit;
}
