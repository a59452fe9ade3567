use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::form::{style, DraftTag, Notice, PublishedBox};
use super::topic_page::QuestionFields;
use super::{get_question_edit, DeleteQuestion, QuestionEdit, SaveQuestion, SetPublished};
use crate::components::{ErrorPage, FormError, Loading};

/// `/admin/questions/{id}`: edit a question, with its markdown rendered as the
/// learner will see it.
#[component]
pub fn AdminQuestionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let data = Resource::new(id, get_question_edit);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(q) => view! { <QuestionEditor q/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QuestionEditor(q: QuestionEdit) -> impl IntoView {
    let save = ServerAction::<SaveQuestion>::new();
    let delete = ServerAction::<DeleteQuestion>::new();
    let publish = ServerAction::<SetPublished>::new();
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
                <input type="hidden" name="version" value=version/>
                <QuestionFields result=save.value() question=row/>
                <PublishedBox checked=is_active/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить вопрос"</button>
            </ActionForm>
            <section class=style::panel aria-labelledby="delete-title">
                <h2 id="delete-title">"Снять с публикации или удалить"</h2>
                <p>{format!("Ответов учеников на этот вопрос: {}.", q.answers)}</p>
                <ActionForm action=publish>
                    <input type="hidden" name="kind" value="question"/>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="publish" value=if is_active { "no" } else { "yes" }/>
                    <input type="hidden" name="return_to" value=here/>
                    <button class="button" type="submit">{if is_active { "Снять с публикации" } else { "Опубликовать" }}</button>
                </ActionForm>
                <ActionForm action=delete>
                    <input type="hidden" name="id" value=id/>
                    {(q.answers > 0).then(|| view! {
                        <label class=style::check>
                            <input type="checkbox" name="confirm" required/>
                            {format!("Да, удалить вместе с {} ответами", q.answers)}
                        </label>
                    })}
                    <FormError result=delete.value()/>
                    <button class="button button-secondary" type="submit">"Удалить вопрос"</button>
                </ActionForm>
            </section>
        </section>
    }
}
