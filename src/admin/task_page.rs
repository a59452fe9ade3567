use leptos::prelude::*;

use super::form::{save_form, style, ExerciseHead, Field, PublishedBox, VersionInput};
use super::module_page::DeleteSection;
use super::{RunTaskCode, SaveTask, TaskEdit, UseTaskOutput};
use crate::components::FormError;

/// The fields of a task form, empty or from a saved task.
#[component]
pub fn TaskFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, crate::error::AppError>>>,
    #[prop(optional)] task: Option<super::TaskRow>,
) -> impl IntoView {
    let (slug, title, code, answer, accepted, explanation) = match task {
        Some(t) => (
            t.slug,
            t.title,
            t.code,
            t.answer,
            t.accepted.join("\n---\n"),
            t.explanation,
        ),
        None => Default::default(),
    };
    view! {
        <Field label="Задание" name="title" value=title hint="markdown: «Что выведет код?»" result required=true markdown=true/>
        <Field label="Адрес задачи (slug)" name="slug" value=slug hint="латиница, цифры и дефисы" result required=true/>
        <Field label="Код" name="code" value=code rows=8 hint="Python 3; ученик видит его с подсветкой" result required=true/>
        <Field label="Ответ" name="answer" value=answer rows=3 hint="ровно то, что напечатает код" result required=true/>
        <Field label="Другие верные ответы" name="accepted" value=accepted rows=2 hint="необязательно; несколько — через строку ---" result/>
        <Field label="Разбор" name="explanation" value=explanation rows=4 hint="markdown; ученик видит его после ответа" result markdown=true/>
    }
}

#[component]
pub(super) fn TaskEditor(t: TaskEdit) -> impl IntoView {
    let save = ServerAction::<SaveTask>::new();
    let run = ServerAction::<RunTaskCode>::new();
    let use_output = ServerAction::<UseTaskOutput>::new();
    let row = t.task;
    let (id, version, is_active) = (row.task_id, row.version.clone(), row.is_active);
    let here = format!("/admin/tasks/{id}");
    let answer = row.answer.clone();
    view! {
        <section class=style::page>
            <ExerciseHead title="Задача «Что выведет код?»" trail=t.trail.clone() is_active/>
            <section class=style::panel id="run" aria-labelledby="run-title">
                <h2 id="run-title">"Проверить код"</h2>
                <div inner_html=t.code_html/>
                <p>"Код запускается в песочнице (bubblewrap): от отдельного пользователя, без сети и без доступа к серверу, до 5 секунд и 256 МБ памяти."</p>
                <ActionForm action=run attr:aria-label="Проверить код">
                    <input type="hidden" name="id" value=id/>
                    <FormError result=run.value()/>
                    <button class="button" type="submit">"Проверить код"</button>
                </ActionForm>
                {t.last_run.map(|r| {
                    let same = r.stdout.trim_end() == answer.trim_end();
                    let version = version.clone();
                    view! {
                        <div class=style::preview role="status" aria-label="Вывод кода">
                            <p><strong>{if r.timed_out { "Код не успел завершиться".to_string() } else { format!("Код завершился с кодом {}", r.exit_code.unwrap_or(-1)) }}</strong></p>
                            <p>"Напечатал:"</p>
                            <pre class="code"><code>{r.stdout.clone()}</code></pre>
                            {(!r.stderr.is_empty()).then(|| view! { <p>"Ошибки:"</p><pre class="code"><code>{r.stderr.clone()}</code></pre> })}
                            {if same {
                                view! { <p>"Совпадает с ответом задачи."</p> }.into_any()
                            } else {
                                view! {
                                    <p>"Не совпадает с ответом задачи."</p>
                                    <ActionForm action=use_output>
                                        <input type="hidden" name="id" value=id/>
                                        <input type="hidden" name="version" value=version/>
                                        <FormError result=use_output.value()/>
                                        <button class="button button-secondary" type="submit">"Сделать ответом"</button>
                                    </ActionForm>
                                }.into_any()
                            }}
                        </div>
                    }
                })}
            </section>
            {save_form!(save, "Задача", "Правка", id: id, version: version.clone(), published: is_active, button: "Сохранить задачу", {
                <TaskFields result=save.value() task=row/>
            })}
            <DeleteSection kind=super::ContentKind::Task id is_active answers=t.answers return_to=here/>
        </section>
    }
}
