use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{get_lesson, last_answer, ExerciseCard, ExerciseItem, LessonView, StartLesson};
use crate::components::{shown, Loading};

stylance::import_style!(style, "lesson.module.css");

/// `…/{t}/lesson?id=N&step=K`: one exercise at a time — «Проверить» → feedback
/// → «Далее» — and an end screen. The state is in the URL and the database, so it
/// works the same without JavaScript.
#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let lesson = Resource::new(
        move || {
            let p = params.read();
            let q = query.read();
            (
                p.get("p").unwrap_or_default(),
                p.get("g").unwrap_or_default(),
                p.get("m").unwrap_or_default(),
                p.get("t").unwrap_or_default(),
                q.get("id").and_then(|v| v.parse::<i64>().ok()),
                q.get("step").and_then(|v| v.parse::<usize>().ok()),
            )
        },
        |(p, g, m, t, id, step)| get_lesson(p, g, m, t, id, step),
    );
    view! {
        <Transition fallback=Loading>{shown(lesson, |l| view! { <LessonBody l/> })}</Transition>
    }
}

#[component]
fn LessonBody(l: LessonView) -> impl IntoView {
    let topic_href = l.trail.topic_href(&l.module_slug, &l.topic_slug);
    let lesson_href = format!("{topic_href}/lesson");
    let progress = (l.answered * 100).checked_div(l.total).unwrap_or(0);
    let title = format!("Урок: {}", l.topic_title);
    let Some(id) = l.lesson_id else {
        let start = ServerAction::<StartLesson>::new();
        return view! {
            <Title text=title.clone()/>
            <section class=style::intro>
                <h1>{title}</h1>
                <p>{format!("{} упражнений по одному: ответьте, посмотрите разбор и идите дальше.", l.total)}</p>
                <ActionForm action=start>
                    <input type="hidden" name="profession" value=l.trail.profession_slug.clone()/>
                    <input type="hidden" name="grade" value=l.trail.grade_slug.clone()/>
                    <input type="hidden" name="module" value=l.module_slug.clone()/>
                    <input type="hidden" name="topic" value=l.topic_slug.clone()/>
                    <button class="button" type="submit" disabled=l.total == 0>"Начать урок"</button>
                </ActionForm>
                <a href=topic_href>"Вернуться к теме"</a>
            </section>
        }
        .into_any();
    };
    if let Some(s) = l.summary {
        let minutes = s.seconds / 60;
        let seconds = s.seconds % 60;
        return view! {
            <Title text=title/>
            <LessonBar topic_href=topic_href.clone() progress/>
            <section class=style::end aria-labelledby="end-title">
                <h1 id="end-title">"Урок завершён!"</h1>
                <ul class=style::stats>
                    <li><strong>{format!("{} %", s.accuracy_pct)}</strong><span>"точность"</span></li>
                    <li><strong>{format!("+{}", s.xp)}</strong><span>"XP"</span></li>
                    <li><strong>{format!("{minutes}:{seconds:02}")}</strong><span>"время"</span></li>
                </ul>
                <p>{format!("Верно {} из {} отвеченных.", s.correct, s.answered)}</p>
                {(!s.review.is_empty()).then(|| view! {
                    <h2>"Что повторить"</h2>
                    <ul class=style::review>
                        {s.review.into_iter().map(|(title, href)| view! {
                            <li><a href=href inner_html=title/></li>
                        }).collect_view()}
                    </ul>
                })}
                <a class="button" href=topic_href>"Вернуться к теме"</a>
            </section>
        }
        .into_any();
    }
    view! {
        <Title text=title/>
        <LessonStep
            item=l.item
            step=l.step
            total=l.total
            answered=l.answered
            lesson_id=id
            topic_href
            lesson_href
        />
    }
    .into_any()
}

/// The close link and the lesson's progress bar.
#[component]
fn LessonBar(topic_href: String, #[prop(into)] progress: Signal<usize>) -> impl IntoView {
    view! {
        <div class=style::top>
            <a class=style::close href=topic_href aria-label="Закрыть урок">"×"</a>
            <span class="progress-bar" role="progressbar" aria-label="Прогресс урока"
                aria-valuenow=progress aria-valuemin="0" aria-valuemax="100">
                <span style=move || format!("width:{}%", progress.get())></span>
            </span>
        </div>
    }
}

/// One step of a lesson. An island: answering updates the bar and turns
/// «Пропустить» into «Далее» in place.
#[island]
fn LessonStep(
    item: Option<ExerciseItem>,
    step: usize,
    total: usize,
    answered: usize,
    lesson_id: i64,
    topic_href: String,
    lesson_href: String,
) -> impl IntoView {
    let step_href = move |step: usize| format!("{lesson_href}?id={lesson_id}&step={step}");
    let was_answered = item.as_ref().is_some_and(|i| i.feedback.is_some());
    let last = last_answer();
    let done = Signal::derive(move || was_answered || last.with(Option::is_some));
    let progress = Signal::derive(move || {
        let answered = answered + usize::from(done.get() && !was_answered);
        (answered * 100).checked_div(total).unwrap_or(0)
    });
    let last_step = step >= total;
    let next_label = move || match (done.get(), last_step) {
        (false, _) => "Пропустить",
        (true, true) => "Завершить",
        (true, false) => "Далее",
    };
    view! {
        <LessonBar topic_href progress/>
        <p class=style::counter>{format!("Упражнение {step} из {total}")}</p>
        {item.map(|item| view! {
            <ExerciseCard item return_to=step_href(step) lesson_id/>
        })}
        <nav class=style::nav aria-label="Шаги урока">
            {(step > 1).then(|| view! { <a class="button button-secondary" href=step_href(step - 1)>"Назад"</a> })}
            <a class=move || if done.get() { "button" } else { "button button-secondary" } href=step_href(step + 1)>
                {next_label}
            </a>
        </nav>
    }
}
