use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{style, DraftTag, Field, Notice, PublishedBox, VersionInput};
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
    let (topic_id, topic_title) = c.trail.topic.clone().unwrap_or_default();
    let blanks = row.fields.clone();
    let template = row.template.clone();
    view! {
        <Title text="Кейс"/>
        <section class=style::page>
            <p>
                <a href="/admin">"Авторская"</a> " › "
                <a href=format!("/admin/topics/{topic_id}")>{topic_title}</a>
            </p>
            <h1>"Кейс: заполните пропуски " <DraftTag is_active/></h1>
            <Notice/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=c.title_html/>
                <pre class="code"><code>{template}</code></pre>
                <ol aria-label="Ответы на пропуски">
                    {blanks.into_iter().map(|b| view! { <li><code>{b}</code></li> }).collect_view()}
                </ol>
                <div class=style::preview>
                    <strong>"Разбор"</strong>
                    <div class="prose" inner_html=c.explanation_html/>
                </div>
            </section>
            <ActionForm action=save attr:class=style::panel attr:aria-label="Кейс">
                <h2>"Правка"</h2>
                <input type="hidden" name="id" value=id/>
                <VersionInput value=version result=save.value()/>
                <CaseFields result=save.value() case=row/>
                <PublishedBox checked=is_active result=save.value()/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить кейс"</button>
            </ActionForm>
            <DeleteSection kind=super::ContentKind::Case id is_active answers=c.answers return_to=here/>
        </section>
    }
}
