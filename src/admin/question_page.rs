use leptos::prelude::*;

use super::form::{save_form, style, ExerciseHead, ExplanationPreview, PublishedBox, VersionInput};
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
    let options = row.options.clone();
    let correct = row.correct_answers.clone();
    view! {
        <section class=style::page>
            <ExerciseHead title="Вопрос" trail=q.trail.clone() is_active/>
            <section class=style::panel aria-labelledby="preview-title">
                <h2 id="preview-title">"Как увидит ученик (сохранённая версия)"</h2>
                <div class="prose" inner_html=q.title_html/>
                <ol>
                    {options.into_iter().enumerate().map(|(i, o)| {
                        let right = correct.contains(&(i as i32));
                        view! { <li>{o} {right.then_some(" — верный")}</li> }
                    }).collect_view()}
                </ol>
                <ExplanationPreview html=q.explanation_html/>
            </section>
            {save_form!(save, "Вопрос", "Правка", id: id, version: version, published: is_active, button: "Сохранить вопрос", {
                <QuestionFields result=save.value() question=row/>
            })}
            <DeleteSection kind=super::ContentKind::Question id is_active answers=q.answers return_to=here/>
        </section>
    }
}
