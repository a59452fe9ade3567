//! Form pieces shared by the authors' pages: a labelled field with its own error
//! line, the «Опубликовано» box, «Выше / Ниже» buttons and notices.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::markdown_preview::MarkdownInput;
use super::MoveItem;
use crate::components::{shown, FormError, Loading};
use crate::error::AppError;

stylance::import_style!(pub style, "admin.module.css");

/// The `:id` of an /admin route (0 when it is not a number: the page says 404).
pub fn id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    }
}

/// An /admin page of one row: loads it by the route's `:id` with `load` (a
/// server function that checks the role), then shows `show(row)`.
pub fn edit_page<T, Fut, V>(
    load: impl Fn(i64) -> Fut + Send + Sync + 'static,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
    Result<T, AppError>: serde::Serialize + serde::de::DeserializeOwned,
{
    let data = Resource::new(id_param(), load);
    view! { <Suspense fallback=Loading>{shown(data, show)}</Suspense> }
}

/// An /admin page with nothing to load by id (the tree, users, tokens). Its
/// resource has a constant source, so it is fetched once: a guest's 401 then
/// redirects to /login before the page is sent (`SsrMode::Async`).
pub fn admin_page<T, Fut, V>(
    load: impl Fn() -> Fut + Send + Sync + 'static,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    V: IntoView + 'static,
    Result<T, AppError>: serde::Serialize + serde::de::DeserializeOwned,
{
    let data = Resource::new(|| (), move |_| load());
    view! { <Suspense fallback=Loading>{shown(data, show)}</Suspense> }
}

/// An editor's «save» form: the row's id and version (optimistic locking), its
/// fields, the «Опубликовано» box, the error line and the button; `after` goes
/// under the button. A macro, not a component: `ActionForm` is generic over the
/// server function, and each editor's is its own.
macro_rules! save_form {
    ($save:ident, $label:literal, $heading:literal, id: $id:expr, version: $version:expr,
     published: $published:expr, button: $button:literal, { $($fields:tt)* } $(, after: { $($after:tt)* })?) => {
        view! {
            <ActionForm action=$save attr:class=style::panel attr:aria-label=$label>
                <h2>$heading</h2>
                <input type="hidden" name="id" value=$id/>
                <VersionInput value=$version result=$save.value()/>
                $($fields)*
                <PublishedBox checked=$published result=$save.value()/>
                <FormError result=$save.value()/>
                <button class="button" type="submit">$button</button>
                $($($after)*)?
            </ActionForm>
        }
    };
}
pub(crate) use save_form;

/// A «new row» form under a parent: the parent's id (`name`), the fields, the
/// «Опубликовано» box starting as `published`, the error line and the button.
macro_rules! create_form {
    ($create:ident, $label:literal, $parent:literal = $parent_id:expr, published: $published:expr,
     button: $button:literal, { $($fields:tt)* }) => {
        view! {
            <ActionForm action=$create attr:aria-label=$label>
                <input type="hidden" name=$parent value=$parent_id/>
                $($fields)*
                <PublishedBox checked=$published result=$create.value()/>
                <FormError result=$create.value()/>
                <button class="button" type="submit">$button</button>
            </ActionForm>
        }
    };
}
pub(crate) use create_form;

/// The head of an exercise's editor: the page title, the way back to its topic,
/// the heading with its draft tag, and the saved/deleted notice.
#[component]
pub fn ExerciseHead(
    title: &'static str,
    trail: super::AdminTrail,
    is_active: bool,
) -> impl IntoView {
    let (topic_id, topic_title) = trail.topic.unwrap_or_default();
    view! {
        <leptos_meta::Title text=title/>
        <p>
            <a href="/admin">"Авторская"</a> " › "
            <a href=format!("/admin/topics/{topic_id}")>{topic_title}</a>
        </p>
        <h1>{title} " " <DraftTag is_active/></h1>
        <Notice/>
    }
}

/// «Разбор» as the learner will read it (rendered markdown).
#[component]
pub fn ExplanationPreview(html: String) -> impl IntoView {
    view! {
        <div class=style::preview>
            <strong>"Разбор"</strong>
            <div class="prose" inner_html=html/>
        </div>
    }
}

/// Title, slug and description: the fields of a module, a topic or a project.
#[component]
pub fn SectionFields<T: Send + Sync + 'static>(
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
    title: String,
    slug: String,
    description: String,
    #[prop(default = "Описание")] description_label: &'static str,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    view! {
        <Field label="Название" name="title" value=title result required=true/>
        <Field label="Адрес (slug)" name="slug" value=slug hint="латиница, цифры и дефисы" result required=true/>
        <Field label=description_label name="description" value=description rows result/>
    }
}

/// An input (or a textarea with `rows`) with a label, a hint and its error.
#[component]
pub fn Field<T: Send + Sync + 'static>(
    label: &'static str,
    name: &'static str,
    #[prop(into, optional)] value: String,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] rows: u32,
    #[prop(optional)] required: bool,
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
    /// The field name in errors when it differs from the input's name.
    #[prop(optional)]
    error_field: &'static str,
    /// Markdown: a textarea with a live preview (see `MarkdownInput`).
    #[prop(optional)]
    markdown: bool,
) -> impl IntoView {
    // After a failed post of this form, what the author typed (see `drafts`).
    let value = result.with_untracked(|r| super::drafts::value_of(r, name, value));
    let error_field = if error_field.is_empty() {
        name
    } else {
        error_field
    };
    // Unique ids: the same field name appears in several forms of one page. These
    // pages are server-rendered only (no island), so ids need not be stable.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let id = format!(
        "f-{name}-{}",
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let input = if markdown {
        #[cfg(feature = "ssr")]
        let html = crate::server::render::markdown(&value);
        #[cfg(not(feature = "ssr"))]
        let html = String::new();
        let rows = rows.max(2);
        view! { <MarkdownInput id=id.clone() name=name.to_string() value rows required label=label.to_string() html/> }
            .into_any()
    } else if rows > 0 {
        view! { <textarea id=id.clone() name=name rows=rows required=required>{value}</textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() name=name value=value required=required autocomplete="off"/> }
            .into_any()
    };
    view! {
        <div class=style::field>
            <label for=id>{label}</label>
            {input}
            {(!hint.is_empty()).then(|| view! { <small>{hint}</small> })}
            <FormError result field=error_field.to_string()/>
        </div>
    }
}

#[component]
pub fn PublishedBox<T: Send + Sync + 'static>(
    checked: bool,
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    let checked = result.with_untracked(|r| super::drafts::checked_of(r, "is_active", checked));
    view! {
        <label class=style::check>
            <input type="checkbox" name="is_active" checked=checked/>
            "Опубликовано (иначе — черновик, ученики его не видят)"
        </label>
    }
}

#[component]
pub fn DraftTag(is_active: bool) -> impl IntoView {
    (!is_active).then(|| view! { <span class=style::draft>"черновик"</span> })
}

/// Two small forms: move a row up or down among its siblings.
#[component]
pub fn MoveButtons(kind: &'static str, id: i64, return_to: String, title: String) -> impl IntoView {
    let action = ServerAction::<MoveItem>::new();
    let form = move |direction: &'static str, label: &'static str, aria: String| {
        let return_to = return_to.clone();
        view! {
            <ActionForm action>
                <input type="hidden" name="kind" value=kind/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="direction" value=direction/>
                <input type="hidden" name="return_to" value=return_to/>
                <button class=style::small type="submit" aria-label=aria>{label}</button>
            </ActionForm>
        }
    };
    view! {
        {form("up", "↑", format!("Выше: {title}"))}
        {form("down", "↓", format!("Ниже: {title}"))}
    }
    .into_any()
}

/// «Сохранено» / «Удалено» after a redirect (`?saved=1`, `?deleted=1`).
#[component]
pub fn Notice() -> impl IntoView {
    let query = use_query_map();
    let text = move || {
        let q = query.read();
        if q.get("saved").is_some() {
            Some("Сохранено.")
        } else if q.get("deleted").is_some() {
            Some("Удалено.")
        } else if q.get("revoked").is_some() {
            Some("Токен отозван.")
        } else {
            None
        }
    };
    move || text().map(|t| view! { <p class=style::notice role="status">{t}</p> })
}

/// A row in a `RowList`: id, title, published.
pub type ListedRow = (i64, String, bool);

/// A panel listing the children of one kind (topics of a module, checklist items
/// of a project…) in order, each with «↑ / ↓», and what follows (the form that
/// adds one) as children.
#[component]
pub fn RowList(
    /// The kind `MoveItem` knows (`topic`, `item`…); also the rows' anchor ids.
    kind: &'static str,
    /// Where a row is edited: `/admin/{path}/{id}`.
    path: &'static str,
    heading: String,
    rows: Vec<ListedRow>,
    /// The page, to come back to after a move.
    here: String,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{kind}-list");
    view! {
        <section class=style::panel aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("{heading} ({})", rows.len())}</h2>
            <ul class=style::tree>
                {rows.into_iter().map(|(id, title, is_active)| view! {
                    <li class=style::row id=format!("{kind}-{id}")>
                        <a href=format!("/admin/{path}/{id}")>{title.clone()}</a>
                        <DraftTag is_active/>
                        <MoveButtons kind id return_to=here.clone() title/>
                    </li>
                }).collect_view()}
            </ul>
            {children()}
        </section>
    }
}

/// The version the form was opened at. After a failed save it stays the version
/// that was posted, so a stale form that came back with the author's typing is
/// still refused (409) until they reload and see the newer row.
#[component]
pub fn VersionInput<T: Send + Sync + 'static>(
    value: String,
    #[prop(into)] result: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    let value = result.with_untracked(|r| super::drafts::value_of(r, "version", value));
    view! { <input type="hidden" name="version" value=value/> }
}
