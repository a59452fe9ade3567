//! The route components of the edit pages: each loads its row by the route's
//! `:id` (a server function that checks the role) and shows its editor.

use leptos::prelude::*;

use super::form::edit_page;
use super::*;

macro_rules! edit_pages {
    ($($(#[$doc:meta])* $page:ident: $load:ident => $module:ident::$editor:ident($prop:ident);)*) => {
        $(
            $(#[$doc])*
            #[component]
            pub fn $page() -> impl IntoView {
                use super::$module::$editor;
                edit_page($load, |$prop| view! { <$editor $prop/> })
            }
        )*
    };
}

edit_pages! {
    /// `/admin/cases/{id}`: a fill-the-blanks code case.
    AdminCasePage: get_case_edit => case_page::CaseEditor(c);
    /// `/admin/grades/{id}`: a grade, its modules and its portfolio projects.
    AdminGradePage: get_grade_edit => grade_page::GradeEditor(g);
    /// `/admin/modules/{id}`: edit a module, order and add its topics, delete it.
    AdminModulePage: get_module_edit => module_page::ModuleEditor(m);
    /// `/admin/professions/{id}`: a profession and its grades.
    AdminProfessionPage: get_profession_edit => profession_page::ProfessionEditor(p);
    /// `/admin/projects/{id}`: a portfolio project and its checklist.
    AdminProjectPage: get_project_edit => project_page::ProjectEditor(p);
    /// `/admin/items/{id}`: one line of a project's checklist.
    AdminChecklistItemPage: get_checklist_item_edit => project_page::ItemEditor(i);
    /// `/admin/questions/{id}`: edit a question, with its markdown rendered as the learner will see it.
    AdminQuestionPage: get_question_edit => question_page::QuestionEditor(q);
    /// `/admin/tasks/{id}`: a «what does this code print» task, with «Проверить код».
    AdminTaskPage: get_task_edit => task_page::TaskEditor(t);
    /// `/admin/theory/{id}`: a theory card, with its markdown as the learner sees it.
    AdminTheoryPage: get_theory_edit => theory_page::TheoryEditor(t);
    /// `/admin/topics/{id}`: edit a topic and list, order and add its exercises of every kind: theory cards, questions, tasks and cases.
    AdminTopicPage: get_topic_edit => topic_page::TopicEditor(t);
    /// `/admin/topics/{id}/preview`: the topic as a learner would see it, with its drafts; read-only (the forms are disabled).
    TopicPreviewPage: get_topic_preview => topic_page::Preview(p);
}
