use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{style, DraftTag, Field, Notice, PublishedBox, VersionInput};
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
    let (topic_id, topic_title) = t.trail.topic.clone().unwrap_or_default();
    view! {
        <Title text="Карточка теории"/>
        <section class=style::page>
            <p>
                <a href="/admin">"Авторская"</a> " › "
                <a href=format!("/admin/topics/{topic_id}")>{topic_title}</a>
            </p>
            <h1>"Карточка теории " <DraftTag is_active/></h1>
            <Notice/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=t.title_html/>
                <div class=style::preview><div class="prose" inner_html=t.body_html/></div>
                {(!row.explanation.is_empty()).then(|| view! {
                    <div class=style::preview>
                        <strong>"Разбор"</strong>
                        <div class="prose" inner_html=t.explanation_html.clone()/>
                    </div>
                })}
            </section>
            <ActionForm action=save attr:class=style::panel attr:aria-label="Карточка теории">
                <h2>"Правка"</h2>
                <input type="hidden" name="id" value=id/>
                <VersionInput value=version result=save.value()/>
                <TheoryFields result=save.value() card=row/>
                <PublishedBox checked=is_active result=save.value()/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить карточку"</button>
            </ActionForm>
            <DeleteSection kind=super::ContentKind::Theory id is_active answers=t.answers return_to=here/>
        </section>
    }
}
