use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{admin_page, id_param, style, DraftTag, Field, MoveButtons, Notice};
use super::{get_admin_tree, get_grade_trail, AdminTree, CreateModule, TreeGrade};
use crate::components::{ErrorPage, Loading};

/// `/admin`: the whole hierarchy as a tree, drafts included.
#[component]
pub fn AdminPage() -> impl IntoView {
    view! {
        <Title text="Авторская"/>
        {admin_page(get_admin_tree, |tree| view! { <TreeView tree/> })}
    }
}

#[component]
fn TreeView(tree: AdminTree) -> impl IntoView {
    view! {
        <section class=style::page>
            <h1>"Авторская"</h1>
            <nav class=style::bar aria-label="Разделы авторской">
                <a class="button" href="/admin/professions/new">"+ Новая профессия"</a>
                <a class="button button-secondary" href="/admin/tokens">"API-токены"</a>
                <a class="button button-secondary" href="/admin/users">"Пользователи и роли"</a>
                <a class="button button-secondary" href="/admin/bundles">"Импорт и экспорт"</a>
                <a class="button button-secondary" href="/api/v1/docs">"Документация API"</a>
            </nav>
            <Notice/>
            <ul class=style::tree aria-label="Профессии">
                {tree.professions.into_iter().map(|p| {
                    let title = p.title.clone();
                    view! {
                    <li>
                        <details>
                            <summary>{p.title} " " <DraftTag is_active=p.is_active/></summary>
                            <div class=style::row>
                                <a href=format!("/admin/professions/{}", p.id)>{format!("Профессия «{title}»: правка и грейды")}</a>
                                {view! { <MoveButtons kind="profession" id=p.id return_to="/admin".into() title/> }.into_any()}
                            </div>
                            <ul>
                                {p.grades.into_iter().map(|g| view! { <GradeBranch g/> }.into_any()).collect_view()}
                            </ul>
                        </details>
                    </li>
                }}).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn GradeBranch(g: TreeGrade) -> impl IntoView {
    let count = g.modules.len();
    view! {
        <li>
            <details>
                <summary>{g.level.title()} {format!(" · модулей: {count}")} " " <DraftTag is_active=g.is_active/></summary>
                <ul>
                    <li class=style::row>
                        <a href=format!("/admin/grades/{}", g.id)>"Грейд: правка и проекты"</a>
                    </li>
                    {g.modules.into_iter().map(|m| {
                        let title = m.title.clone();
                        view! {
                            <li>
                                <div class=style::row>
                                    <a href=format!("/admin/modules/{}", m.id)>{m.title}</a>
                                    <DraftTag is_active=m.is_active/>
                                    <span>{format!("тем: {}", m.children.len())}</span>
                                    {view! { <MoveButtons kind="module" id=m.id return_to="/admin".into() title/> }.into_any()}
                                </div>
                                <ul>
                                    {m.children.into_iter().map(|t| view! {
                                        <li class=style::row>
                                            <a href=format!("/admin/topics/{}", t.id)>{t.title}</a>
                                            <DraftTag is_active=t.is_active/>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }
                    }).collect_view()}
                    <li class=style::row>
                        <a href=format!("/admin/grades/{}/new-module", g.id)>"+ Новый модуль"</a>
                    </li>
                </ul>
            </details>
        </li>
    }
}

/// `/admin/grades/{id}/new-module`: a draft module in a grade.
#[component]
pub fn NewModulePage() -> impl IntoView {
    let id = id_param();
    let trail = Resource::new(id, get_grade_trail);
    let create = ServerAction::<CreateModule>::new();
    view! {
        <Title text="Новый модуль"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match trail.await {
                    Ok(t) => view! {
                        <section class=style::page>
                            <p><a href="/admin">"← Авторская"</a></p>
                            <h1>"Новый модуль"</h1>
                            <p>{format!("{} · {}", t.profession_title, t.level.title())}</p>
                            <ActionForm action=create attr:class=style::panel attr:aria-label="Новый модуль">
                                <input type="hidden" name="grade_id" value=t.grade_id/>
                                <Field label="Название" name="title" result=create.value() required=true/>
                                <Field label="Адрес (slug)" name="slug" hint="латиница, цифры и дефисы: python-basics" result=create.value() required=true/>
                                <Field label="Описание" name="description" rows=3 result=create.value()/>
                                <button class="button" type="submit">"Создать черновик"</button>
                            </ActionForm>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
