use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{
    create_form, save_form, style, DraftTag, Field, Notice, PublishedBox, RowList, SectionFields,
    VersionInput,
};
use super::module_page::DeleteSection;
use super::{
    AdminTrail, ChecklistItemEdit, CreateChecklistItem, ProjectEdit, SaveChecklistItem, SaveProject,
};
use crate::components::FormError;

/// Авторская › profession › grade.
#[component]
fn GradeCrumbs(trail: AdminTrail) -> impl IntoView {
    view! {
        <a href="/admin">"Авторская"</a> " › "
        {trail.profession_title} " › "
        <a href=format!("/admin/grades/{}", trail.grade_id)>{trail.level.title()}</a>
    }
}

#[component]
pub(super) fn ProjectEditor(p: ProjectEdit) -> impl IntoView {
    let save = ServerAction::<SaveProject>::new();
    let create = ServerAction::<CreateChecklistItem>::new();
    let row = p.project;
    let (id, is_active) = (row.project_id, row.is_active);
    let here = format!("/admin/projects/{id}");
    view! {
        <Title text=format!("Проект: {}", row.title)/>
        <section class=style::page>
            <p><GradeCrumbs trail=p.trail/></p>
            <h1>{row.title.clone()} " " <DraftTag is_active/></h1>
            <Notice/>
            {save_form!(save, "Проект", "Проект", id: id, version: row.version.clone(), published: is_active, button: "Сохранить проект", {
                <SectionFields result=save.value() title=row.title.clone() slug=row.slug.clone() description=row.description.clone() description_label="Что сделать" rows=4/>
            })}

            <RowList kind="item" path="items" heading="Чек-лист: что должно быть в GitHub".into() here=here.clone()
                rows=p.items.into_iter().map(|i| (i.project_item_id, i.title, i.is_active)).collect()>
                <h3>"Новый пункт"</h3>
                {create_form!(create, "Новый пункт чек-листа", "project_id" = id, published: true, button: "Добавить пункт", {
                    <Field label="Пункт" name="title" hint="проверяемо: «README с инструкцией запуска»" result=create.value() required=true/>
                    <Field label="Адрес пункта (slug)" name="slug" hint="латиница, цифры и дефисы: readme" result=create.value() required=true/>
                })}
            </RowList>

            <DeleteSection kind=super::ContentKind::Project id is_active answers=p.checks return_to=here/>
        </section>
    }
}

#[component]
pub(super) fn ItemEditor(i: ChecklistItemEdit) -> impl IntoView {
    let save = ServerAction::<SaveChecklistItem>::new();
    let row = i.item;
    let (id, is_active) = (row.project_item_id, row.is_active);
    let (project_id, project_title) = i.project;
    view! {
        <Title text="Пункт чек-листа"/>
        <section class=style::page>
            <p>
                <GradeCrumbs trail=i.trail/> " › "
                <a href=format!("/admin/projects/{project_id}")>{project_title}</a>
            </p>
            <h1>"Пункт чек-листа " <DraftTag is_active/></h1>
            <Notice/>
            <ActionForm action=save attr:class=style::panel attr:aria-label="Пункт чек-листа">
                <input type="hidden" name="id" value=id/>
                <VersionInput value=row.version.clone() result=save.value()/>
                <Field label="Пункт" name="title" value=row.title.clone() result=save.value() required=true/>
                <Field label="Адрес (slug)" name="slug" value=row.slug.clone() hint="латиница, цифры и дефисы" result=save.value() required=true/>
                <PublishedBox checked=is_active result=save.value()/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить пункт"</button>
            </ActionForm>
            <DeleteSection kind=super::ContentKind::Item id is_active answers=i.checks return_to=format!("/admin/items/{id}")/>
        </section>
    }
}
