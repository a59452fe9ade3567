use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{
    save_form, style, DraftTag, Field, Notice, PublishedBox, RowList, SectionFields, VersionInput,
};
use super::{CreateTopic, DeleteModule, ModuleEdit, SaveModule, SetPublished};
use crate::components::FormError;

#[component]
pub(super) fn ModuleEditor(m: ModuleEdit) -> impl IntoView {
    let save = ServerAction::<SaveModule>::new();
    let create = ServerAction::<CreateTopic>::new();
    let row = m.module;
    let here = format!("/admin/modules/{}", row.module_id);
    let learner_href = format!(
        "/professions/{}/{}/{}",
        m.trail.profession_slug, m.trail.grade_slug, row.slug
    );
    view! {
        <Title text=format!("Модуль: {}", row.title)/>
        <section class=style::page>
            <p><a href="/admin">"← Авторская"</a> " · " {m.trail.profession_title.clone()} " · " {m.trail.level.title()}</p>
            <h1>{row.title.clone()} " " <DraftTag is_active=row.is_active/></h1>
            <Notice/>
            {save_form!(save, "Модуль", "Модуль", id: row.module_id, version: row.version.clone(), published: row.is_active, button: "Сохранить модуль", {
                <SectionFields result=save.value() title=row.title.clone() slug=row.slug.clone() description=row.description.clone()/>
            }, after: {
                " "
                {row.is_active.then(|| view! { <a href=learner_href>"Открыть как ученик"</a> })}
            })}

            <RowList kind="topic" path="topics" heading="Темы".into() here=here.clone()
                rows=m.topics.into_iter().map(|t| (t.id, t.title, t.is_active)).collect()>
                <h3>"Новая тема"</h3>
                <ActionForm action=create attr:aria-label="Новая тема">
                    <input type="hidden" name="module_id" value=row.module_id/>
                    <Field label="Название темы" name="title" result=create.value() required=true/>
                    <Field label="Адрес темы (slug)" name="slug" hint="латиница, цифры и дефисы: for-loops" result=create.value() required=true/>
                    <Field label="Описание темы" name="description" rows=2 result=create.value()/>
                    <FormError result=create.value()/>
                    <button class="button" type="submit">"Создать тему (черновик)"</button>
                </ActionForm>
            </RowList>

            <DeleteSection kind=super::ContentKind::Module id=row.module_id is_active=row.is_active answers=m.answers return_to=here.clone()/>
        </section>
    }
}

/// Deleting asks first: it says how many learner answers (for a project or a
/// checklist item: ticks) go with the row and offers unpublishing, which keeps them.
#[component]
pub fn DeleteSection(
    kind: super::ContentKind,
    id: i64,
    is_active: bool,
    answers: i64,
    return_to: String,
) -> impl IntoView {
    let publish = ServerAction::<SetPublished>::new();
    use super::ContentKind;
    let what = kind.accusative();
    let ticks = kind.holds_ticks();
    // One form per server function: each ServerAction has its own type.
    macro_rules! delete_form {
        ($action:ty) => {{
            let action = ServerAction::<$action>::new();
            view! {
                <ActionForm action>
                    <input type="hidden" name="id" value=id/>
                    <ConfirmBox answers ticks/>
                    <FormError result=action.value()/>
                    <button class="button button-secondary" type="submit">{format!("Удалить {what}")}</button>
                </ActionForm>
            }
            .into_any()
        }};
    }
    let delete_form = match kind {
        ContentKind::Profession => delete_form!(super::DeleteProfession),
        ContentKind::Grade => delete_form!(super::DeleteGrade),
        ContentKind::Project => delete_form!(super::DeleteProject),
        ContentKind::Item => delete_form!(super::DeleteChecklistItem),
        ContentKind::Module => delete_form!(DeleteModule),
        ContentKind::Topic => delete_form!(super::DeleteTopic),
        ContentKind::Question => delete_form!(super::DeleteQuestion),
        ContentKind::Task => delete_form!(super::DeleteTask),
        ContentKind::Theory => delete_form!(super::DeleteTheory),
        ContentKind::Case => delete_form!(super::DeleteCase),
    };
    view! {
        <section class=style::panel aria-labelledby="delete-title">
            <h2 id="delete-title">"Снять с публикации или удалить"</h2>
            <p>{match (answers > 0, ticks) {
                (true, false) => format!("Ответов учеников на упражнения здесь: {answers}. Удаление сотрёт их и прогресс учеников. Снятие с публикации скроет {what} и сохранит ответы."),
                (true, true) => format!("Отметок учеников в чек-листе: {answers}. Удаление сотрёт их. Снятие с публикации скроет {what} и сохранит отметки."),
                (false, false) => "Ответов учеников здесь нет.".to_string(),
                (false, true) => "Отметок учеников здесь нет.".to_string(),
            }}</p>
            <ActionForm action=publish>
                <input type="hidden" name="kind" value=kind.as_str()/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="publish" value=if is_active { "no" } else { "yes" }/>
                <input type="hidden" name="return_to" value=return_to/>
                <FormError result=publish.value()/>
                <button class="button" type="submit">{if is_active { "Снять с публикации" } else { "Опубликовать" }}</button>
            </ActionForm>
            {delete_form}
        </section>
    }
}

#[component]
fn ConfirmBox(answers: i64, ticks: bool) -> impl IntoView {
    let what = if ticks {
        "отметками"
    } else {
        "ответами"
    };
    (answers > 0).then(|| {
        view! {
            <label class=style::check>
                <input type="checkbox" name="confirm" required/>
                {format!("Да, удалить вместе с {answers} {what} учеников")}
            </label>
        }
    })
}
