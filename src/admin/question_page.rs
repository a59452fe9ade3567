use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{style, DraftTag, Notice, PublishedBox, VersionInput};
use super::module_page::DeleteSection;
use super::topic_page::QuestionFields;
use super::{QuestionEdit, SaveQuestion};
use crate::components::FormError;

#[component]
pub(super) fn QuestionEditor(q: QuestionEdit) -> impl IntoView {
    let save = ServerAction::<SaveQuestion>::new();
    let row = q.question;
    let (id, version, is_active) = (row.question_id, row.version.clone(), row.is_active);
    let here = format!("/admin/questions/{}", row.question_id);
    let (topic_id, topic_title) = q.trail.topic.clone().unwrap_or_default();
    let options = row.options.clone();
    let correct = row.correct_answers.clone();
    view! {
        <Title text="Вопрос"/>
        <section class=style::page>
            <p>
                <a href="/admin">"Авторская"</a> " › "
                <a href=format!("/admin/topics/{topic_id}")>{topic_title}</a>
            </p>
            <h1>"Вопрос " <DraftTag is_active/></h1>
            <Notice/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=q.title_html/>
                <ol>
                    {options.into_iter().enumerate().map(|(i, o)| {
                        let right = correct.contains(&(i as i32));
                        view! { <li>{o} {right.then_some(" — верный")}</li> }
                    }).collect_view()}
                </ol>
                <div class=style::preview>
                    <strong>"Разбор"</strong>
                    <div class="prose" inner_html=q.explanation_html/>
                </div>
            </section>
            <ActionForm action=save attr:class=style::panel attr:aria-label="Вопрос">
                <h2>"Правка"</h2>
                <input type="hidden" name="id" value=id/>
                <VersionInput value=version result=save.value()/>
                <QuestionFields result=save.value() question=row/>
                <PublishedBox checked=is_active result=save.value()/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить вопрос"</button>
            </ActionForm>
            <DeleteSection kind=super::ContentKind::Question id is_active answers=q.answers return_to=here/>
        </section>
    }
}
