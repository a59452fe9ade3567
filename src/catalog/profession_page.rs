use leptos::prelude::*;
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

/// Russian plural: 1 модуль, 2 модуля, 5 модулей.
pub fn plural(n: i64, one: &str, few: &str, many: &str) -> String {
    let word = match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn russian_plurals_follow_the_last_digits() {
        assert_eq!(plural(1, "тема", "темы", "тем"), "1 тема");
        assert_eq!(plural(3, "тема", "темы", "тем"), "3 темы");
        assert_eq!(plural(11, "тема", "темы", "тем"), "11 тем");
        assert_eq!(plural(22, "тема", "темы", "тем"), "22 темы");
        assert_eq!(plural(0, "тема", "темы", "тем"), "0 тем");
    }
}
