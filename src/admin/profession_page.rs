use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{create_form, style, DraftTag, Field, Notice, PublishedBox, VersionInput};
use super::module_page::DeleteSection;
use super::{CreateGrade, CreateProfession, ProfessionEdit, SaveProfession};
use crate::components::{ErrorPage, FormError, Loading};
use crate::domain::GradeLevel;
use crate::error::AppError;

/// The fields of a profession form, empty or from a saved one.
#[component]
fn ProfessionFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
    #[prop(optional)] row: Option<super::ProfessionRow>,
) -> impl IntoView {
    let (slug, title, summary, is_active) = match row {
        Some(r) => (r.slug, r.title, r.summary, r.is_active),
        None => Default::default(),
    };
    view! {
        <Field label="Название" name="title" value=title hint="как в каталоге: «Python-бэкенд»" result required=true/>
        <Field label="Адрес (slug)" name="slug" value=slug hint="латиница, цифры и дефисы: python-backend" result required=true/>
        <Field label="Кратко" name="summary" value=summary rows=2 hint="одна-две фразы под названием в каталоге" result/>
        <PublishedBox checked=is_active result/>
    }
}

#[component]
pub(super) fn ProfessionEditor(p: ProfessionEdit) -> impl IntoView {
    let save = ServerAction::<SaveProfession>::new();
    let create = ServerAction::<CreateGrade>::new();
    let row = p.profession;
    let (id, is_active) = (row.profession_id, row.is_active);
    let here = format!("/admin/professions/{id}");
    let learner_href = format!("/professions/{}", row.slug);
    view! {
        <Title text=format!("Профессия: {}", row.title)/>
        <section class=style::page>
            <p><a href="/admin">"← Авторская"</a></p>
            <h1>{row.title.clone()} " " <DraftTag is_active/></h1>
            <Notice/>
            <ActionForm action=save attr:class=style::panel attr:aria-label="Профессия">
                <h2>"Профессия"</h2>
                <input type="hidden" name="id" value=id/>
                <VersionInput value=row.version.clone() result=save.value()/>
                <ProfessionFields result=save.value() row=row.clone()/>
                <FormError result=save.value()/>
                <button class="button" type="submit">"Сохранить профессию"</button>
                " "
                {is_active.then(|| view! { <a href=learner_href>"Открыть как ученик"</a> })}
            </ActionForm>

            <section class=style::panel aria-labelledby="grades-title">
                <h2 id="grades-title">{format!("Грейды ({})", p.grades.len())}</h2>
                <ul class=style::tree>
                    {p.grades.into_iter().map(|g| view! {
                        <li class=style::row>
                            <a href=format!("/admin/grades/{}", g.grade_id)>{g.level.title()}</a>
                            <DraftTag is_active=g.is_active/>
                        </li>
                    }).collect_view()}
                </ul>
                <h3>"Новый грейд"</h3>
                {if p.free_levels.is_empty() {
                    view! { <p>"У профессии уже есть все уровни."</p> }.into_any()
                } else {
                    view! {
                        {create_form!(create, "Новый грейд", "profession_id" = id, published: false, button: "Добавить грейд", {
                            <LevelSelect levels=p.free_levels.clone() result=create.value()/>
                            <Field label="Описание грейда" name="description" rows=2 result=create.value()/>
                        })}
                    }.into_any()
                }}
            </section>

            <DeleteSection kind=super::ContentKind::Profession id is_active answers=p.answers return_to=here/>
        </section>
    }
}

/// The level of a grade: the ones the profession does not have yet.
#[component]
pub fn LevelSelect<T: Send + Sync + 'static>(
    levels: Vec<GradeLevel>,
    #[prop(optional)] selected: Option<GradeLevel>,
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    let selected = result.with_untracked(|r| {
        super::drafts::value_of(
            r,
            "level",
            selected.map(|l| l.as_db().to_string()).unwrap_or_default(),
        )
    });
    let id = format!("level-{}", levels.len());
    view! {
        <div class=style::field>
            <label for=id.clone()>"Уровень"</label>
            <select id=id name="level" required>
                {levels.into_iter().map(|l| view! {
                    <option value=l.as_db() selected=l.as_db() == selected>{l.title()}</option>
                }).collect_view()}
            </select>
            <FormError result field="level".to_string()/>
        </div>
    }
}

/// `/admin/professions/new`: a draft profession.
#[component]
pub fn NewProfessionPage() -> impl IntoView {
    let allowed = Resource::new(|| (), |_| super::require_author());
    let create = ServerAction::<CreateProfession>::new();
    view! {
        <Title text="Новая профессия"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match allowed.await {
                    Ok(()) => view! {
                        <section class=style::page>
                            <p><a href="/admin">"← Авторская"</a></p>
                            <h1>"Новая профессия"</h1>
                            <ActionForm action=create attr:class=style::panel attr:aria-label="Новая профессия">
                                <ProfessionFields result=create.value()/>
                                <FormError result=create.value()/>
                                <button class="button" type="submit">"Создать профессию"</button>
                            </ActionForm>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
