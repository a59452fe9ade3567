use leptos::prelude::*;

pub use crate::domain::plural;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::get_profession;
use crate::components::{Crumbs, ErrorPage, Loading, Stars};

stylance::import_style!(style, "profession.module.css");

/// `/professions/{p}`: the profession's grades with descriptions and ratings.
#[component]
pub fn ProfessionPage() -> impl IntoView {
    let params = use_params_map();
    let detail = Resource::new(
        move || params.read().get("p").unwrap_or_default(),
        get_profession,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(p) => {
                        let base = format!("/professions/{}", p.slug);
                        view! {
                            <Title text=p.title.clone()/>
                            <Crumbs links=vec![("/".into(), "Профессии".into())]/>
                            <header class=style::header>
                                <h1>{p.title}</h1>
                                <p>{p.summary}</p>
                            </header>
                            <ol class=style::grades aria-label="Грейды">
                                {p.grades.into_iter().map(|g| {
                                    let count = if g.module_count == 0 {
                                        "Материалы готовятся".to_string()
                                    } else {
                                        format!("{} · {}", plural(g.module_count, "модуль", "модуля", "модулей"),
                                            plural(g.topic_count, "тема", "темы", "тем"))
                                    };
                                    view! {
                                        <li class=style::grade>
                                            <a href=format!("{base}/{}", g.slug) class=style::link>
                                                <span class=style::level>{g.level.title()}</span>
                                                <span class=style::desc>{g.description}</span>
                                                <span class=style::meta>{count}</span>
                                            </a>
                                            <Stars value=g.stars/>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
