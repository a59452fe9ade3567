//! One exercise, answerable in place: on the topic page and in a lesson. The form
//! posts to `submit_answer`. With JavaScript the card is part of an island: the
//! reply is shown in place and announced to the page's other islands through
//! [`last_answer`]; without it the server redirects back to the exercise.

use leptos::prelude::*;

use super::feedback::{Answered, Feedback, FeedbackDetail};
use super::{ExerciseBody, ExerciseItem, SubmitAnswer};
use crate::components::FormError;
use crate::error::AppError;

stylance::import_style!(pub style, "exercise.module.css");

thread_local! {
    static LAST_ANSWER: ArcRwSignal<Option<Answered>> = ArcRwSignal::new(None);
}

/// The latest answer stored from this page. Islands hydrate separately, so they
/// share state through this page-wide signal (only ever written in the browser).
pub fn last_answer() -> ArcRwSignal<Option<Answered>> {
    LAST_ANSWER.with(Clone::clone)
}

#[component]
pub fn ExerciseCard(
    item: ExerciseItem,
    /// Where a no-JavaScript post returns to.
    return_to: String,
    #[prop(optional)] lesson_id: Option<i64>,
) -> impl IntoView {
    let action = ServerAction::<SubmitAnswer>::new();
    let reply = move || action.value().get().and_then(Result::ok);
    let client_id = RwSignal::new(item.client_id.clone());
    Effect::new(move |_| match action.value().get() {
        Some(Ok(answered)) => {
            client_id.set(answered.next_client_id.clone());
            last_answer().set(Some(answered));
        }
        // Offline: the service worker kept the answer and handed out the next id.
        Some(Err(AppError::Queued { next_client_id })) => client_id.set(next_client_id),
        _ => {}
    });
    let queued = move || {
        action
            .value()
            .with(|v| matches!(v, Some(Err(AppError::Queued { .. }))))
    };
    let stored = item.feedback.clone();
    // What to show: the reply to an answer given here, else the stored latest answer.
    let feedback = Signal::derive(move || reply().map(|a| a.feedback).or_else(|| stored.clone()));
    let key = item.key();
    let anchor = format!("ex-{key}");
    let kind = item.kind.as_str();
    let answered = move || feedback.with(Option::is_some);
    let (item_kind, item_id) = (item.kind.as_str(), item.id);
    let for_learner = item.for_learner.clone();
    let hidden = move || {
        view! {
            <input type="hidden" name="kind" value=item_kind/>
            <input type="hidden" name="exercise_id" value=item_id/>
            <input type="hidden" name="client_id" value=client_id/>
            <input type="hidden" name="for_learner" value=for_learner.clone()/>
            <input type="hidden" name="return_to" value=return_to.clone()/>
            {lesson_id.map(|l| view! { <input type="hidden" name="lesson_id" value=l/> })}
        }
    };
    let pending = action.pending();
    let body = match item.body {
        ExerciseBody::Theory {
            title_html,
            body_html,
        } => {
            let hidden_no = hidden.clone();
            view! {
            <details class=style::reveal open=answered>
                <summary><span inner_html=title_html/></summary>
                <div class="prose" inner_html=body_html/>
            </details>
            <div class=style::actions role="group" aria-label="Как вам карточка?">
                <ActionForm action>
                    {hidden()}
                    <input type="hidden" name="understood" value="yes"/>
                    <button type="submit" class="button" disabled=pending>"Понимаю"</button>
                </ActionForm>
                <ActionForm action>
                    {hidden_no()}
                    <input type="hidden" name="understood" value="no"/>
                    <button type="submit" class="button button-secondary" disabled=pending>"Не понимаю"</button>
                </ActionForm>
            </div>
            }
            .into_any()
        }
        ExerciseBody::Question {
            title_html,
            options_html,
            multiple,
        } => {
            let name = format!("q-{}", item.id);
            view! {
                <ActionForm action>
                    {hidden()}
                    <fieldset class=style::fieldset>
                        <legend inner_html=title_html/>
                        <p class=style::hint>{if multiple { "Несколько верных ответов" } else { "Один верный ответ" }}</p>
                        {options_html.into_iter().enumerate().map(|(i, option)| {
                            let id = format!("{name}-{i}");
                            let for_id = id.clone();
                            let mark = move || feedback.with(|f| option_mark(f.as_ref(), i as i32));
                            let input = if multiple {
                                view! { <input type="checkbox" id=id name=format!("picked[{i}]") value="on"/> }.into_any()
                            } else {
                                view! { <input type="radio" id=id name="choice" value=i required/> }.into_any()
                            };
                            view! {
                                <label class=move || format!("{} {}", style::option, mark().0) for=for_id>
                                    {input}
                                    <span inner_html=option/>
                                    {move || { let tag = mark().1; (!tag.is_empty()).then(|| view! { <span class=style::tag>{tag}</span> }) }}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <FormError result=action.value() field=key.clone()/>
                    <div class=style::actions>
                        <button type="submit" class="button" disabled=pending>"Проверить"</button>
                    </div>
                </ActionForm>
            }
            .into_any()
        }
        ExerciseBody::Task {
            title_html,
            code_html,
        } => {
            let id = format!("task-{}", item.id);
            let for_id = id.clone();
            view! {
                <h3 class=style::title inner_html=title_html/>
                <div inner_html=code_html/>
                <ActionForm action>
                    {hidden()}
                    <label class=style::label for=for_id>"Ваш ответ — точно как напечатает Python"</label>
                    <textarea id=id name="text" class=style::answer rows="2" spellcheck="false" autocomplete="off" required></textarea>
                    <FormError result=action.value() field=key.clone()/>
                    <div class=style::actions>
                        <button type="submit" class="button" disabled=pending>"Проверить"</button>
                    </div>
                </ActionForm>
            }
            .into_any()
        }
        ExerciseBody::Case { title_html, parts } => {
            let blanks = parts.len().saturating_sub(1);
            view! {
                <h3 class=style::title inner_html=title_html/>
                <ActionForm action>
                    {hidden()}
                    <pre class="code"><code>
                        {parts.into_iter().enumerate().map(|(i, part)| view! {
                            {(i > 0).then(|| view! {
                                <input
                                    class=style::blank
                                    aria-label=format!("Пропуск {i} из {blanks}")
                                    name=format!("fields[{}]", i - 1)
                                    size="8"
                                    spellcheck="false"
                                    autocomplete="off"
                                />
                            })}
                            {part}
                        }).collect_view()}
                    </code></pre>
                    <FormError result=action.value() field=key.clone()/>
                    <div class=style::actions>
                        <button type="submit" class="button" disabled=pending>"Проверить"</button>
                    </div>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <article class=style::card id=anchor data-kind=kind>
            {body}
            {move || queued().then(|| view! {
                <p class=style::queued role="status">
                    "Нет сети: ответ сохранён на устройстве и отправится, когда связь вернётся. Результат появится после отправки."
                </p>
            })}
            {move || feedback.get().map(|f| view! { <FeedbackPanel f/> })}
        </article>
    }
}

/// A class and a label for an option once the question is answered.
fn option_mark(feedback: Option<&Feedback>, i: i32) -> (&'static str, &'static str) {
    match feedback.map(|f| &f.detail) {
        Some(FeedbackDetail::Question { chosen, correct }) => {
            match (chosen.contains(&i), correct.contains(&i)) {
                (true, true) => (style::chosen_right, "ваш ответ · верно"),
                (true, false) => (style::chosen_wrong, "ваш ответ · неверно"),
                (false, true) => (style::missed, "верный ответ"),
                (false, false) => ("", ""),
            }
        }
        _ => ("", ""),
    }
}

#[component]
fn FeedbackPanel(f: Feedback) -> impl IntoView {
    let class = if f.correct {
        style::right
    } else {
        style::wrong
    };
    view! {
        <section class=format!("{} {}", style::feedback, class) role="status" aria-label="Результат ответа">
            <p class=style::verdict>{f.verdict()}</p>
            {match f.detail.clone() {
                FeedbackDetail::Task { typed, expected, diff_html } => (!f.correct).then(|| view! {
                    <div class=style::compare>
                        <p>"Вы ввели:"</p>
                        <pre class="code" tabindex="0" role="region" aria-label="Ваш ответ"><code>{typed}</code></pre>
                        <p>"Ожидалось:"</p>
                        <pre class="code" tabindex="0" role="region" aria-label="Ожидаемый вывод"><code>{expected}</code></pre>
                        <p>"Разница (· — пробел, ↵ — перевод строки; зачёркнуто — лишнее, подчёркнуто — недостающее):"</p>
                        <pre class=format!("code {}", style::diff) tabindex="0" role="region" aria-label="Разница"><code inner_html=diff_html/></pre>
                    </div>
                }.into_any()),
                FeedbackDetail::Case { typed, correct, right } => Some(view! {
                    <ol class=style::blanks>
                        {correct.into_iter().enumerate().map(|(i, c)| {
                            let t = typed.get(i).cloned().unwrap_or_default();
                            let ok = right.get(i).copied().unwrap_or(false);
                            view! {
                                <li>
                                    {format!("Пропуск {}: ", i + 1)}
                                    <code>{if t.is_empty() { "—".to_string() } else { t }}</code>
                                    {if ok { " — верно".to_string() } else { format!(" — нужно: {c}") }}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()),
                _ => None,
            }}
            <div class="prose" inner_html=f.explanation_html/>
        </section>
    }
}
