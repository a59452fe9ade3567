use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{
    create_form, save_form, style, DraftTag, Field, Notice, PublishedBox, RowList, VersionInput,
};
use super::module_page::DeleteSection;
use super::profession_page::LevelSelect;
use super::{CreateProject, GradeEdit, SaveGrade};
use crate::components::FormError;

#[component]
pub(super) fn GradeEditor(g: GradeEdit) -> impl IntoView {
    let save = ServerAction::<SaveGrade>::new();
    let create = ServerAction::<CreateProject>::new();
    let row = g.grade;
    let (id, is_active) = (row.grade_id, row.is_active);
    let here = format!("/admin/grades/{id}");
    let title = format!("{} · {}", row.level.title(), g.trail.profession_title);
    let learner_href = format!("/professions/{}/{}", g.trail.profession_slug, row.slug);
    view! {
        <Title text=format!("Грейд: {title}")/>
        <section class=style::page>
            <p>
                <a href="/admin">"Авторская"</a> " › "
                <a href=format!("/admin/professions/{}", row.profession_id)>{g.trail.profession_title.clone()}</a>
            </p>
            <h1>{title.clone()} " " <DraftTag is_active/></h1>
            <Notice/>
            {save_form!(save, "Грейд", "Грейд", id: id, version: row.version.clone(), published: is_active, button: "Сохранить грейд", {
                <LevelSelect levels=g.levels.clone() selected=row.level result=save.value()/>
                <Field label="Описание" name="description" value=row.description.clone() rows=3 result=save.value()/>
            }, after: {
                " "
                {is_active.then(|| view! { <a href=learner_href>"Открыть как ученик"</a> })}
            })}

            <RowList kind="module" path="modules" heading="Модули".into() here=here.clone()
                rows=g.modules.into_iter().map(|m| (m.id, m.title, m.is_active)).collect()>
                <p><a class="button button-secondary" href=format!("/admin/grades/{id}/new-module")>"+ Новый модуль"</a></p>
            </RowList>

            <RowList kind="project" path="projects" heading="Проекты для портфолио".into() here=here.clone()
                rows=g.projects.into_iter().map(|p| (p.project_id, p.title, p.is_active)).collect()>
                <h3>"Новый проект"</h3>
                {create_form!(create, "Новый проект", "grade_id" = id, published: false, button: "Добавить проект", {
                    <Field label="Название проекта" name="title" result=create.value() required=true/>
                    <Field label="Адрес проекта (slug)" name="slug" hint="латиница, цифры и дефисы: todo-api" result=create.value() required=true/>
                    <Field label="Что сделать" name="description" rows=3 hint="задание проекта, как его прочтёт ученик" result=create.value()/>
                })}
            </RowList>

            <DeleteSection kind=super::ContentKind::Grade id is_active answers=g.answers return_to=here/>
        </section>
    }
}
