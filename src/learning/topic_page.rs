use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{get_topic, last_answer, ExerciseCard, ExerciseItem, TopicView};
use crate::components::{shown, Crumbs, Loading};

stylance::import_style!(style, "topic.module.css");

/// `/professions/{p}/{g}/{m}/{t}`: the topic's theory cards, questions, tasks and
/// cases, answerable in place.
#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let topic = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("p").unwrap_or_default(),
                p.get("g").unwrap_or_default(),
                p.get("m").unwrap_or_default(),
                p.get("t").unwrap_or_default(),
            )
        },
        |(p, g, m, t)| get_topic(p, g, m, t),
    );
    view! {
        <Transition fallback=Loading>{shown(topic, |t| view! { <TopicBody t/> })}</Transition>
    }
}

#[component]
fn TopicBody(t: TopicView) -> impl IntoView {
    let trail = t.trail.clone();
    let href = t.href();
    let next = t
        .next_topic
        .clone()
        .map(|n| (trail.topic_href(&t.module_slug, &n.slug), n.title));
    let pct = t.mastery_pct;
    view! {
        <Title text=t.title.clone()/>
        <Crumbs links=vec![
            ("/".into(), "Профессии".into()),
            (trail.profession_href(), trail.profession_title.clone()),
            (trail.grade_href(), trail.level.title().into()),
            (trail.module_href(&t.module_slug), t.module_title.clone()),
        ]/>
        <header class=style::header>
            <h1>{t.title}</h1>
            <p>{t.description}</p>
            <TopicMastery pct/>
            <a class="button" href=format!("{href}/lesson")>"Урок: по одному упражнению"</a>
        </header>

        <Section title="Теория" id="theory" items=t.theory href=href.clone()/>
        <Section title="Вопросы" id="questions" items=t.questions href=href.clone()/>
        <Section title="Что выведет код?" id="tasks" items=t.tasks href=href.clone()/>
        <Section title="Кейсы: заполните пропуски" id="cases" items=t.cases href=href.clone()/>

        <nav class=style::next aria-label="Дальше">
            <a class="button button-secondary" href=trail.module_href(&t.module_slug)>"К темам модуля"</a>
            {next.map(|(href, title)| view! {
                <a class="button" href=href>{format!("Следующая тема: {title}")}</a>
            })}
        </nav>
    }
}

#[component]
fn Section(
    title: &'static str,
    id: &'static str,
    items: Vec<ExerciseItem>,
    href: String,
) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    let count = items.len();
    view! {
        <section class=style::section aria-labelledby=labelled_by hidden=count == 0>
            <h2 id=heading>{title}<span class=style::count>{count}</span></h2>
            <div class=style::items>
                {items.into_iter().map(|item| view! { <TopicExercise item return_to=href.clone()/> }).collect_view()}
            </div>
        </section>
    }
}

/// The topic's mastery bar; it follows answers given on this page.
#[island]
fn TopicMastery(pct: u8) -> impl IntoView {
    let last = last_answer();
    let pct = Signal::derive(move || last.with(|a| a.as_ref().map_or(pct, |a| a.topic_pct)));
    view! {
        <div class=style::mastery>
            <span
                class="progress-bar"
                role="progressbar"
                aria-label=move || format!("Освоено {} %", pct.get())
                aria-valuenow=pct
                aria-valuemin="0"
                aria-valuemax="100"
            >
                <span style=move || format!("width:{}%", pct.get())></span>
            </span>
            <strong>{move || format!("{} %", pct.get())}</strong>
        </div>
    }
}

/// One exercise of the topic page, answerable in place with JavaScript.
#[island]
fn TopicExercise(item: ExerciseItem, return_to: String) -> impl IntoView {
    view! { <ExerciseCard item return_to/> }
}
