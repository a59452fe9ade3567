use leptos::prelude::*;

use crate::error::AppError;

stylance::import_style!(style, "pages.module.css");

/// Sets the HTTP status of the page being rendered on the server.
fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            axum::http::StatusCode::from_u16(_code)
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <leptos_meta::Title text="Страница не найдена"/>
        <section class=style::problem>
            <p class=style::code aria-hidden="true">"404"</p>
            <h1>"Такой страницы нет"</h1>
            <p>"Возможно, ссылка устарела или в адресе опечатка."</p>
            <a class="button" href="/">"К профессиям"</a>
        </section>
    }
}

/// The page for a failed load: 404 for unknown slugs, 503/500 otherwise.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    if error == AppError::NotFound {
        return view! { <NotFound/> }.into_any();
    }
    if error == AppError::Unauthorized {
        // Guests are sent to sign in (SsrMode::Async pages can still redirect);
        // a client that does not ask for HTML gets the 401 itself.
        set_status(401);
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/login");
        return view! { <Forbidden signed_in=false/> }.into_any();
    }
    if error == AppError::Forbidden {
        set_status(403);
        return view! { <Forbidden signed_in=true/> }.into_any();
    }
    set_status(error.status());
    let message = match error {
        AppError::Unavailable => {
            "База данных сейчас недоступна. Попробуйте обновить страницу через минуту."
        }
        AppError::Transport(_) => {
            "Не удалось связаться с сервером. Проверьте соединение и обновите страницу."
        }
        _ => "Что-то пошло не так на нашей стороне. Мы уже видим ошибку в журнале.",
    };
    view! {
        <leptos_meta::Title text="Ошибка"/>
        <section class=style::problem role="alert">
            <p class=style::code aria-hidden="true">{error.status()}</p>
            <h1>"Не получилось загрузить страницу"</h1>
            <p>{message}</p>
            <a class="button" href="/">"На главную"</a>
        </section>
    }
    .into_any()
}

/// 403 for a learner in the authors' area; a way to sign in for a guest.
#[component]
fn Forbidden(signed_in: bool) -> impl IntoView {
    view! {
        <leptos_meta::Title text="Нет доступа"/>
        <section class=style::problem role="alert">
            <p class=style::code aria-hidden="true">{if signed_in { "403" } else { "401" }}</p>
            <h1>"Раздел для авторов"</h1>
            {if signed_in {
                view! { <p>"Редактировать контент могут авторы и администраторы. Попросите администратора выдать вам роль автора."</p> }.into_any()
            } else {
                view! { <p>"Войдите в аккаунт автора, чтобы продолжить."</p> }.into_any()
            }}
            <a class="button" href=if signed_in { "/" } else { "/login" }>{if signed_in { "На главную" } else { "Войти" }}</a>
        </section>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class=style::loading aria-live="polite">"Загружаем…"</p> }
}

/// What a page shows of what it loaded: `show(data)`, or the error page (a guest
/// is sent to sign in; 403, 404, 5xx) when loading failed. Goes inside the page's
/// `<Suspense>` or `<Transition>`.
pub fn shown<T, V>(
    data: Resource<Result<T, AppError>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> Suspend<AnyView> + Send + Sync + 'static
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    Result<T, AppError>: serde::Serialize + serde::de::DeserializeOwned,
{
    move || {
        let show = show.clone();
        Suspend::new(async move {
            match data.await {
                Ok(data) => show(data).into_any(),
                Err(error) => view! { <ErrorPage error/> }.into_any(),
            }
        })
    }
}

/// Breadcrumbs: every level above the page, as plain links.
#[component]
pub fn Crumbs(links: Vec<(String, String)>) -> impl IntoView {
    view! {
        <nav aria-label="Навигация по разделам" class=style::crumbs>
            <ol>
                {links
                    .into_iter()
                    .map(|(href, label)| view! { <li><a href=href>{label}</a></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}
