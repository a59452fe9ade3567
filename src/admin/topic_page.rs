use leptos::prelude::*;
use leptos_meta::Title;

use super::case_page::CaseFields;
use super::form::{
    create_form, save_form, style, DraftTag, Field, Notice, PublishedBox, RowList, SectionFields,
    VersionInput,
};
use super::module_page::DeleteSection;
use super::task_page::TaskFields;
use super::theory_page::TheoryFields;
use super::{
    CreateCase, CreateQuestion, CreateTask, CreateTheory, SaveTopic, TopicEdit, TopicPreview,
};
use crate::components::FormError;
use crate::learning::ExerciseCard;

#[component]
pub(super) fn TopicEditor(t: TopicEdit) -> impl IntoView {
    let save = ServerAction::<SaveTopic>::new();
    let create = ServerAction::<CreateQuestion>::new();
    let create_task = ServerAction::<CreateTask>::new();
    let create_theory = ServerAction::<CreateTheory>::new();
    let create_case = ServerAction::<CreateCase>::new();
    let row = t.topic;
    let here = format!("/admin/topics/{}", row.topic_id);
    let (module_id, module_title) = t.trail.module.clone().unwrap_or_default();
    view! {
        <Title text=format!("Тема: {}", row.title)/>
        <section class=style::page>
            <p>
                <a href="/admin">"Авторская"</a> " › "
                <a href=format!("/admin/modules/{module_id}")>{module_title}</a>
            </p>
            <h1>{row.title.clone()} " " <DraftTag is_active=row.is_active/></h1>
            <nav class=style::bar aria-label="Действия с темой">
                <a class="button button-secondary" href=format!("{here}/preview")>"Предпросмотр как ученик"</a>
            </nav>
            <Notice/>
            {save_form!(save, "Тема", "Тема", id: row.topic_id, version: row.version.clone(), published: row.is_active, button: "Сохранить тему", {
                <SectionFields result=save.value() title=row.title.clone() slug=row.slug.clone() description=row.description.clone()/>
            })}

            <RowList kind="theory" path="theory" heading="Теория".into() here=here.clone()
                rows=t.theory.into_iter().map(|x| (x.theory_id, x.title, x.is_active)).collect()>
                <h3>"Новая карточка"</h3>
                {create_form!(create_theory, "Новая карточка теории", "topic_id" = row.topic_id, published: false, button: "Добавить карточку", {
                    <TheoryFields result=create_theory.value()/>
                })}
            </RowList>

            <RowList kind="question" path="questions" heading="Вопросы".into() here=here.clone()
                rows=t.questions.into_iter().map(|x| (x.question_id, x.title, x.is_active)).collect()>
                <h3>"Новый вопрос"</h3>
                {create_form!(create, "Новый вопрос", "topic_id" = row.topic_id, published: false, button: "Добавить вопрос", {
                    <QuestionFields result=create.value()/>
                })}
            </RowList>

            <RowList kind="task" path="tasks" heading="Задачи «Что выведет код?»".into() here=here.clone()
                rows=t.tasks.into_iter().map(|x| (x.task_id, x.title, x.is_active)).collect()>
                <h3>"Новая задача"</h3>
                {create_form!(create_task, "Новая задача", "topic_id" = row.topic_id, published: false, button: "Добавить задачу", {
                    <TaskFields result=create_task.value()/>
                })}
            </RowList>

            <RowList kind="case" path="cases" heading="Кейсы: заполните пропуски".into() here=here.clone()
                rows=t.cases.into_iter().map(|x| (x.case_id, x.title, x.is_active)).collect()>
                <h3>"Новый кейс"</h3>
                {create_form!(create_case, "Новый кейс", "topic_id" = row.topic_id, published: false, button: "Добавить кейс", {
                    <CaseFields result=create_case.value()/>
                })}
            </RowList>

            <DeleteSection kind=super::ContentKind::Topic id=row.topic_id is_active=row.is_active answers=t.answers return_to=here.clone()/>
        </section>
    }
}

/// The fields of a question form, empty or filled from a saved question.
#[component]
pub fn QuestionFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, crate::error::AppError>>>,
    #[prop(optional)] question: Option<super::QuestionRow>,
) -> impl IntoView {
    let (slug, title, options, correct, explanation) = match question {
        Some(q) => (
            q.slug,
            q.title,
            q.options.join("\n"),
            q.correct_answers
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            q.explanation,
        ),
        None => Default::default(),
    };
    view! {
        <Field label="Вопрос" name="title" value=title rows=2 hint="markdown" result required=true markdown=true/>
        <Field label="Адрес вопроса (slug)" name="slug" value=slug hint="латиница, цифры и дефисы: what-is-none" result required=true/>
        <Field label="Варианты ответа" name="options" value=options rows=4 hint="по одному в строке, не меньше двух" result required=true/>
        <Field label="Верные варианты" name="correct" error_field="correct_answers" value=correct hint="номера через запятую: 1, 3" result required=true/>
        <Field label="Разбор" name="explanation" value=explanation rows=4 hint="markdown; ученик видит его после ответа" result markdown=true/>
    }
}

#[component]
pub(super) fn Preview(p: TopicPreview) -> impl IntoView {
    let back = format!("/admin/topics/{}", p.topic.topic_id);
    view! {
        <Title text=format!("Предпросмотр: {}", p.topic.title)/>
        <p class=style::notice role="note">
            "Предпросмотр: так тему увидит ученик, вместе с черновиками. Ответы здесь отключены. "
            <a href=back.clone()>"Вернуться к редактированию"</a>
        </p>
        <h1>{p.topic.title.clone()} " " <DraftTag is_active=p.topic.is_active/></h1>
        <p>{p.topic.description.clone()}</p>
        {p.sections.into_iter().filter(|(_, items)| !items.is_empty()).map(|(title, items)| { let label = title.clone(); view! {
            <section aria-label=label>
                <h2>{title}</h2>
                <fieldset disabled class=style::preview>
                    {items.into_iter().map(|item| view! { <ExerciseCard item return_to=back.clone()/> }).collect_view()}
                </fieldset>
            </section>
        }}).collect_view()}
    }
}
