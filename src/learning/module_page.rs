use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{get_module, ModuleView};
use crate::components::{shown, Crumbs, Loading};
use crate::domain::plural;

stylance::import_style!(style, "module.module.css");

/// `/professions/{p}/{g}/{m}`: the module's topics with mastery and exercise counts.
#[component]
pub fn ModulePage() -> impl IntoView {
    let params = use_params_map();
    let module = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("p").unwrap_or_default(),
                p.get("g").unwrap_or_default(),
                p.get("m").unwrap_or_default(),
            )
        },
        |(p, g, m)| get_module(p, g, m),
    );
    view! {
        <Suspense fallback=Loading>{shown(module, |m| view! { <ModuleBody m/> })}</Suspense>
    }
}

#[component]
fn ModuleBody(m: ModuleView) -> impl IntoView {
    let t = m.trail.clone();
    let module_slug = m.slug.clone();
    let links = m.links.clone();
    view! {
        <Title text=m.title.clone()/>
        <Crumbs links=vec![
            ("/".into(), "Профессии".into()),
            (t.profession_href(), t.profession_title.clone()),
            (t.grade_href(), t.level.title().into()),
        ]/>
        <header class=style::header>
            <h1>{m.title}</h1>
            <p>{m.description}</p>
        </header>
        <ol class=style::topics aria-label="Темы модуля">
            {m.topics.into_iter().enumerate().map(|(i, topic)| {
                let href = t.topic_href(&module_slug, &topic.slug);
                let c = topic.counts;
                let counts = [
                    (c.theory, ("карточка", "карточки", "карточек")),
                    (c.questions, ("вопрос", "вопроса", "вопросов")),
                    (c.tasks, ("задача", "задачи", "задач")),
                    (c.cases, ("кейс", "кейса", "кейсов")),
                ];
                view! {
                    <li class=style::topic>
                        <span class=style::number aria-hidden="true">{i + 1}</span>
                        <div class=style::body>
                            <h2><a href=href class=style::link>{topic.title}</a></h2>
                            <p>{topic.description}</p>
                            <ul class=style::counts aria-label="Упражнения">
                                {counts.into_iter().filter(|(n, _)| *n > 0).map(|(n, (one, few, many))| {
                                    view! { <li>{plural(n, one, few, many)}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                        <div class=style::mastery>
                            <span class=style::pct>{format!("{} %", topic.mastery_pct)}</span>
                            <span
                                class="progress-bar"
                                role="progressbar"
                                aria-label=format!("Освоено {} %", topic.mastery_pct)
                                aria-valuenow=topic.mastery_pct
                                aria-valuemin="0"
                                aria-valuemax="100"
                            >
                                <span style=format!("width:{}%", topic.mastery_pct)></span>
                            </span>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!links.is_empty()).then(|| view! {
            <section class=style::links aria-labelledby="links-title">
                <h2 id="links-title">"Материалы"</h2>
                <ul>
                    {links.into_iter().map(|l| view! {
                        <li><a href=l.url rel="noopener noreferrer" target="_blank">{l.title}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
