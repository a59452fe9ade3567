use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::form::style;
use super::{get_bundle_professions, get_upload, ApplyBundle, BundleReport, UploadView};
use crate::components::{ErrorPage, FormError, Loading};

/// `/admin/bundles`: export a profession or the catalog; import a bundle after a
/// dry-run report.
#[component]
pub fn BundlesPage() -> impl IntoView {
    let query = use_query_map();
    let upload = move || {
        query
            .read()
            .get("upload")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let professions = Resource::new(|| (), |_| get_bundle_professions());
    let report = Resource::new(upload, |id| async move {
        match id {
            Some(id) => get_upload(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text="Импорт и экспорт"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (professions.await, report.await) {
                    (Ok(list), Ok(upload)) => view! { <Bundles list upload/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Bundles(list: Vec<(String, String)>, upload: Option<UploadView>) -> impl IntoView {
    view! {
        <section class=style::page>
            <p><a href="/admin">"← Авторская"</a></p>
            <h1>"Импорт и экспорт"</h1>
            {upload.map(|u| view! { <UploadReport u/> })}
            <section class=style::panel aria-labelledby="import-title">
                <h2 id="import-title">"Импорт бандла"</h2>
                <p>"Бандл — архив .tar.gz в формате папки seeds/. Сначала вы увидите, что будет создано, изменено и снято с публикации; применится он только после подтверждения, одной транзакцией. Строки сопоставляются по slug, так что прогресс учеников сохраняется."</p>
                <form method="post" action="/admin/bundles/import" enctype="multipart/form-data" aria-label="Импорт бандла">
                    <div class=style::field>
                        <label for="bundle-file">"Файл бандла (.tar.gz)"</label>
                        <input id="bundle-file" type="file" name="bundle" accept=".tar.gz,.tgz,application/gzip" required/>
                    </div>
                    <button class="button" type="submit">"Проверить бандл"</button>
                </form>
            </section>
            <section class=style::panel aria-labelledby="export-title">
                <h2 id="export-title">"Экспорт"</h2>
                <p>"Опубликованный контент в формате seeds/ (черновики не входят)."</p>
                <ul>
                    <li><a href="/api/v1/bundles" download>"Весь каталог"</a></li>
                    {list.into_iter().map(|(slug, title)| view! {
                        <li><a href=format!("/api/v1/bundles/{slug}") download>{title}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        </section>
    }
}

#[component]
fn UploadReport(u: UploadView) -> impl IntoView {
    let apply = ServerAction::<ApplyBundle>::new();
    let name = if u.file_name.is_empty() {
        "бандл".to_string()
    } else {
        u.file_name.clone()
    };
    view! {
        <section class=style::panel role="status" aria-label="Отчёт об импорте">
            {match u.report {
                Err(message) => view! {
                    <h2>{format!("{name}: импорт невозможен")}</h2>
                    <p class="form-error">{message}</p>
                    <p>"Ничего не изменено. Исправьте файл и загрузите его снова."</p>
                }.into_any(),
                Ok(r) if u.applied => view! {
                    <h2>{format!("{name}: импорт применён")}</h2>
                    <ReportList r/>
                }.into_any(),
                Ok(r) => view! {
                    <h2>{format!("{name}: что изменится")}</h2>
                    <ReportList r/>
                    <ActionForm action=apply attr:aria-label="Применить импорт">
                        <input type="hidden" name="upload_id" value=u.upload_id/>
                        <FormError result=apply.value()/>
                        <button class="button" type="submit">"Применить"</button>
                    </ActionForm>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ReportList(r: BundleReport) -> impl IntoView {
    view! {
        <p>{format!(
            "В бандле: профессий {}, модулей {}, тем {}, упражнений {}.",
            r.professions, r.modules, r.topics, r.exercises
        )}</p>
        <ul>
            <li>{format!("будет создано строк: {}", r.created)}</li>
            <li>{format!("будет изменено: {}", r.updated)}</li>
            <li>{format!("будет снято с публикации: {}", r.unpublished)}</li>
        </ul>
    }
}
