use leptos::prelude::*;
use leptos_meta::Title;

use super::{get_professions, ProfessionCard};
use crate::components::{ErrorPage, Loading, Stars};
use crate::pwa::InstallCard;

stylance::import_style!(style, "catalog.module.css");

/// `/`: every profession as a card with its grades and rating.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let professions = Resource::new(|| (), |_| get_professions());
    view! {
        <Title text="Профессии"/>
        <section class=style::hero>
            <h1>"Кем вы хотите стать?"</h1>
            <p>"Выберите профессию и грейд — от стажёра до синьора — и проходите темы: теория, вопросы, задачи на код."</p>
        </section>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match professions.await {
                    Ok(list) => view! {
                        <ul class=style::grid aria-label="Профессии">
                            {list.into_iter().map(|p| view! { <ProfessionItem p/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
        <InstallCard/>
    }
}

#[component]
fn ProfessionItem(p: ProfessionCard) -> impl IntoView {
    let href = format!("/professions/{}", p.slug);
    view! {
        <li class=style::card>
            <h2 class=style::title><a href=href.clone() class=style::stretched>{p.title}</a></h2>
            <p class=style::summary>{p.summary}</p>
            <Stars value=p.stars/>
            <ul class=style::chips aria-label="Грейды">
                {p.grades.into_iter().map(|g| {
                    let class = if g.has_content { style::chip } else { style::chip_empty };
                    view! {
                        <li><a class=class href=format!("{href}/{}", g.slug)>{g.level.title()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
