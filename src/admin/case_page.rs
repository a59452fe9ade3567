use leptos::prelude::*;

use super::form::{
    save_form, style, ExerciseHead, ExplanationPreview, Field, PublishedBox, VersionInput,
};
use super::module_page::DeleteSection;
use super::{CaseEdit, SaveCase};
use crate::components::FormError;

/// The fields of a case form, empty or from a saved case.
#[component]
pub fn CaseFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, crate::error::AppError>>>,
    #[prop(optional)] case: Option<super::CaseRow>,
) -> impl IntoView {
    let (slug, title, template, fields, explanation) = match case {
        Some(c) => (
            c.slug,
            c.title,
            c.template,
            c.fields.join("\n"),
            c.explanation,
        ),
        None => Default::default(),
    };
    view! {
        <Field label="Задание кейса" name="title" value=title rows=2 hint="markdown: «Допишите функцию»" result required=true markdown=true/>
        <Field label="Адрес кейса (slug)" name="slug" value=slug hint="латиница, цифры и дефисы" result required=true/>
        <Field label="Шаблон кода" name="template" value=template rows=8 hint="Python 3; каждый пропуск — три подчёркивания ___" result required=true/>
        <Field label="Ответы на пропуски" name="fields" value=fields rows=3 hint="по одному в строке, в порядке пропусков" result required=true/>
        <Field label="Разбор" name="explanation" value=explanation rows=3 hint="markdown; ученик видит его после ответа" result markdown=true/>
    }
}

#[component]
pub(super) fn CaseEditor(c: CaseEdit) -> impl IntoView {
    let save = ServerAction::<SaveCase>::new();
    let row = c.case;
    let (id, version, is_active) = (row.case_id, row.version.clone(), row.is_active);
    let here = format!("/admin/cases/{id}");
    let blanks = row.fields.clone();
    let template = row.template.clone();
    view! {
        <section class=style::page>
            <ExerciseHead title="Кейс: заполните пропуски" trail=c.trail.clone() is_active/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=c.title_html/>
                <pre class="code"><code>{template}</code></pre>
                <ol aria-label="Ответы на пропуски">
                    {blanks.into_iter().map(|b| view! { <li><code>{b}</code></li> }).collect_view()}
                </ol>
                <ExplanationPreview html=c.explanation_html/>
            </section>
            {save_form!(save, "Кейс", "Правка", id: id, version: version, published: is_active, button: "Сохранить кейс", {
                <CaseFields result=save.value() case=row/>
            })}
            <DeleteSection kind=super::ContentKind::Case id is_active answers=c.answers return_to=here/>
        </section>
    }
}
