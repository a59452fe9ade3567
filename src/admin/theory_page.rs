use leptos::prelude::*;

use super::form::{
    save_form, style, ExerciseHead, ExplanationPreview, Field, PublishedBox, VersionInput,
};
use super::module_page::DeleteSection;
use super::{SaveTheory, TheoryEdit};
use crate::components::FormError;

/// The fields of a theory card form, empty or from a saved card.
#[component]
pub fn TheoryFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, crate::error::AppError>>>,
    #[prop(optional)] card: Option<super::TheoryRow>,
) -> impl IntoView {
    let (slug, title, body, explanation) = match card {
        Some(c) => (c.slug, c.title, c.body, c.explanation),
        None => Default::default(),
    };
    view! {
        <Field label="Вопрос карточки" name="title" value=title rows=2 hint="markdown: «Что такое None?»" result required=true markdown=true/>
        <Field label="Адрес карточки (slug)" name="slug" value=slug hint="латиница, цифры и дефисы" result required=true/>
        <Field label="Ответ" name="body" value=body rows=8 hint="markdown; ученик раскрывает его и отвечает «Понимаю» или «Не понимаю»" result required=true markdown=true/>
        <Field label="Разбор" name="explanation" value=explanation rows=3 hint="необязательно; markdown, после ответа" result markdown=true/>
    }
}

#[component]
pub(super) fn TheoryEditor(t: TheoryEdit) -> impl IntoView {
    let save = ServerAction::<SaveTheory>::new();
    let row = t.theory;
    let (id, version, is_active) = (row.theory_id, row.version.clone(), row.is_active);
    let here = format!("/admin/theory/{id}");
    view! {
        <section class=style::page>
            <ExerciseHead title="Карточка теории" trail=t.trail.clone() is_active/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=t.title_html/>
                <div class=style::preview><div class="prose" inner_html=t.body_html/></div>
                {(!row.explanation.is_empty()).then(|| view! {
                    <ExplanationPreview html=t.explanation_html.clone()/>
                })}
            </section>
            {save_form!(save, "Карточка теории", "Правка", id: id, version: version, published: is_active, button: "Сохранить карточку", {
                <TheoryFields result=save.value() card=row/>
            })}
            <DeleteSection kind=super::ContentKind::Theory id is_active answers=t.answers return_to=here/>
        </section>
    }
}
