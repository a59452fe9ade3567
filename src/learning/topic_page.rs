use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{get_topic, CaseView, QuestionView, TaskView, TheoryCard, TopicView};
use crate::components::{Crumbs, ErrorPage, Loading};

stylance::import_style!(style, "topic.module.css");

/// `/professions/{p}/{g}/{m}/{t}`: the topic's theory cards, questions, tasks and cases.
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
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match topic.await {
                    Ok(t) => view! { <TopicBody t/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TopicBody(t: TopicView) -> impl IntoView {
    let trail = t.trail.clone();
    let next = t
        .next_topic
        .clone()
        .map(|n| (trail.topic_href(&t.module_slug, &n.slug), n.title));
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
        </header>
        <p class=style::notice id="no-saving">
            "Пока ответы не проверяются и не сохраняются: проверка и прогресс появятся вместе с аккаунтами учеников."
        </p>

        <Section title="Теория" id="theory" count=t.theory.len()>
            {t.theory.into_iter().map(|c| view! { <Theory c/> }).collect_view()}
        </Section>
        <Section title="Вопросы" id="questions" count=t.questions.len()>
            {t.questions.into_iter().map(|q| view! { <Question q/> }).collect_view()}
        </Section>
        <Section title="Что выведет код?" id="tasks" count=t.tasks.len()>
            {t.tasks.into_iter().map(|task| view! { <Task task/> }).collect_view()}
        </Section>
        <Section title="Кейсы: заполните пропуски" id="cases" count=t.cases.len()>
            {t.cases.into_iter().map(|c| view! { <Case c/> }).collect_view()}
        </Section>

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
    count: usize,
    children: Children,
) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class=style::section aria-labelledby=labelled_by hidden=count == 0>
            <h2 id=heading>{title}<span class=style::count>{count}</span></h2>
            <div class=style::items>{children()}</div>
        </section>
    }
}

#[component]
fn Theory(c: TheoryCard) -> impl IntoView {
    view! {
        <article class=style::card>
            <details class=style::reveal>
                <summary><span inner_html=c.title_html/></summary>
                <div class="prose" inner_html=c.body_html/>
            </details>
            <div class=style::actions role="group" aria-label="Как вам карточка?">
                <button type="button" class="button" disabled aria-describedby="no-saving">"Понимаю"</button>
                <button type="button" class="button button-secondary" disabled aria-describedby="no-saving">"Не понимаю"</button>
            </div>
        </article>
    }
}

#[component]
fn Question(q: QuestionView) -> impl IntoView {
    let name = format!("question-{}", q.id);
    let kind = if q.multiple { "checkbox" } else { "radio" };
    view! {
        <article class=style::card>
            <fieldset class=style::fieldset>
                <legend inner_html=q.title_html/>
                <p class=style::hint>{if q.multiple { "Несколько верных ответов" } else { "Один верный ответ" }}</p>
                {q.options_html.into_iter().enumerate().map(|(i, option)| {
                    let id = format!("{name}-{i}");
                    let for_id = id.clone();
                    view! {
                        <label class=style::option for=for_id>
                            <input type=kind id=id name=name.clone() value=i/>
                            <span inner_html=option/>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class=style::actions>
                <button type="button" class="button" disabled aria-describedby="no-saving">"Проверить"</button>
            </div>
        </article>
    }
}

#[component]
fn Task(task: TaskView) -> impl IntoView {
    let id = format!("task-{}", task.id);
    let for_id = id.clone();
    view! {
        <article class=style::card>
            <h3 class=style::card_title inner_html=task.title_html/>
            <div inner_html=task.code_html/>
            <label class=style::label for=for_id>"Ваш ответ — точно как напечатает Python"</label>
            <textarea id=id class=style::answer rows="2" spellcheck="false" autocomplete="off"></textarea>
            <div class=style::actions>
                <button type="button" class="button" disabled aria-describedby="no-saving">"Проверить"</button>
            </div>
        </article>
    }
}

#[component]
fn Case(c: CaseView) -> impl IntoView {
    let blanks = c.parts.len().saturating_sub(1);
    let id = c.id;
    view! {
        <article class=style::card>
            <h3 class=style::card_title inner_html=c.title_html/>
            <pre class="code"><code>
                {c.parts.into_iter().enumerate().map(|(i, part)| view! {
                    {(i > 0).then(|| view! {
                        <input
                            class=style::blank
                            aria-label=format!("Пропуск {i} из {blanks}")
                            name=format!("case-{id}-{i}")
                            size="8"
                            spellcheck="false"
                            autocomplete="off"
                        />
                    })}
                    {part}
                }).collect_view()}
            </code></pre>
            <div class=style::actions>
                <button type="button" class="button" disabled aria-describedby="no-saving">"Проверить"</button>
            </div>
        </article>
    }
}
