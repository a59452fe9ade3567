use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    get_grade_path, CheckProjectItem, GradePath, NodeState, PathModule, ProjectItemView, Trail,
};
use crate::components::{shown, Crumbs, Loading};
use crate::domain::plural;

stylance::import_style!(style, "grade.module.css");

/// `/professions/{p}/{g}`: the grade as a Duolingo-style path of modules.
#[component]
pub fn GradePage() -> impl IntoView {
    let params = use_params_map();
    let check = ServerAction::<CheckProjectItem>::new();
    let path = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("p").unwrap_or_default(),
                p.get("g").unwrap_or_default(),
                check.version().get(),
            )
        },
        |(p, g, _)| get_grade_path(p, g),
    );
    view! {
        <Transition fallback=Loading>{shown(path, move |path| view! { <GradePathView path check/> })}</Transition>
    }
}

#[component]
fn GradePathView(path: GradePath, check: ServerAction<CheckProjectItem>) -> impl IntoView {
    let trail = path.trail.clone();
    let return_to = trail.grade_href();
    let title = format!("{} · {}", trail.level.title(), trail.profession_title);
    let empty = path.modules.is_empty();
    view! {
        <Title text=title/>
        <Crumbs links=vec![
            ("/".into(), "Профессии".into()),
            (trail.profession_href(), trail.profession_title.clone()),
        ]/>
        <section class=style::banner aria-labelledby="grade-title">
            <p class=style::kicker>{trail.profession_title.clone()}</p>
            <h1 id="grade-title">{trail.level.title()}</h1>
            <p>{path.description}</p>
        </section>
        {empty.then(|| view! {
            <p class=style::empty>"Модули этого грейда ещё пишутся. Загляните позже или начните со стажёра."</p>
        })}
        <ol class=style::path aria-label="Путь обучения">
            {path.modules.into_iter().enumerate().map(|(i, m)| {
                view! { <PathNode m index=i trail=trail.clone()/> }
            }).collect_view()}
        </ol>
        {(!path.projects.is_empty()).then(|| view! {
            <section class=style::projects aria-labelledby="projects-title">
                <h2 id="projects-title">"Проекты для портфолио"</h2>
                {path.projects.into_iter().map(|p| {
                    let done = p.items.iter().filter(|i| i.done).count();
                    let total = p.items.len();
                    view! {
                        <article class=style::project>
                            <h3>{p.title}</h3>
                            <p>{p.description}</p>
                            <p class=style::meta>{format!("Что должно быть в GitHub: готово {done} из {total}")}</p>
                            <ul class=style::checklist>
                                {p.items.into_iter().map(|item| view! { <ChecklistItem item return_to=return_to.clone() action=check/> }).collect_view()}
                            </ul>
                        </article>
                    }
                }).collect_view()}
            </section>
        })}
    }
}

/// The zig-zag: nodes sway left and right like Duolingo's path.
const SWAY: [i32; 8] = [0, 1, 2, 1, 0, -1, -2, -1];

#[component]
fn PathNode(m: PathModule, index: usize, trail: Trail) -> impl IntoView {
    let offset = SWAY[index % SWAY.len()] * 44;
    let href = trail.module_href(&m.slug);
    let pct = (m.mastery * 100.0).round() as i32;
    let (state_class, state_label) = match m.state {
        NodeState::Active => (
            style::active,
            if pct > 0 {
                "В процессе"
            } else {
                "Начать"
            },
        ),
        NodeState::Complete => (style::complete, "Пройден"),
        NodeState::Locked => (style::locked, "Закрыт"),
    };
    let topics = plural(m.topic_count, "тема", "темы", "тем");
    let next_href = m
        .next_topic_slug
        .as_deref()
        .map(|t| trail.topic_href(&m.slug, t));
    let node_label = format!(
        "Модуль {}: {} — {}",
        index + 1,
        m.title,
        state_label.to_lowercase()
    );
    view! {
        <li class=style::step style=format!("--offset:{offset}px")>
            {match m.state {
                NodeState::Locked => view! {
                    <span class=format!("{} {}", style::node, state_class) role="img" aria-label=node_label>
                        <LockIcon/>
                    </span>
                }.into_any(),
                _ => view! {
                    <a class=format!("{} {}", style::node, state_class) href=href.clone() aria-label=node_label>
                        <NodeIcon done=m.state == NodeState::Complete/>
                    </a>
                }.into_any(),
            }}
            <div class=style::caption>
                <span class=style::module_no>{format!("Модуль {}", index + 1)}</span>
                <strong>{m.title.clone()}</strong>
                <span class=style::meta>{format!("{topics} · {pct} %")}</span>
                {(m.state == NodeState::Active).then(|| view! {
                    {(pct > 0).then(|| view! { <span class=style::badge>"В процессе"</span> })}
                    <a class="button" href=next_href.unwrap_or(href)>{if pct > 0 { "Далее" } else { "Начать" }}</a>
                })}
            </div>
        </li>
    }
}

#[component]
fn NodeIcon(done: bool) -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true">
            {if done {
                view! { <path d="M5 12.5l4.5 4.5L19 7.5"/> }.into_any()
            } else {
                view! { <path d="M12 3.5l2.6 5.4 5.9.7-4.4 4 1.2 5.9L12 16.6l-5.3 2.9 1.2-5.9-4.4-4 5.9-.7z"/> }.into_any()
            }}
        </svg>
    }
}

#[component]
fn LockIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true">
            <rect x="5" y="11" width="14" height="10" rx="2"/>
            <path d="M8 11V8a4 4 0 0 1 8 0v3"/>
        </svg>
    }
}

/// One checklist item: a toggle that works with and without JavaScript.
#[component]
fn ChecklistItem(
    item: ProjectItemView,
    return_to: String,
    action: ServerAction<CheckProjectItem>,
) -> impl IntoView {
    let label = if item.done {
        format!("Снять отметку: {}", item.title)
    } else {
        format!("Отметить: {}", item.title)
    };
    view! {
        <li id=format!("project-item-{}", item.id) class=style::item>
            <ActionForm action>
                <input type="hidden" name="item_id" value=item.id/>
                <input type="hidden" name="done" value=if item.done { "no" } else { "yes" }/>
                <input type="hidden" name="return_to" value=return_to/>
                <button type="submit" class=style::tick aria-pressed=item.done.to_string() aria-label=label>
                    {if item.done { "✓" } else { "" }}
                </button>
            </ActionForm>
            <span class=if item.done { style::done } else { "" }>{item.title}</span>
        </li>
    }
}
