use leptos::prelude::*;
use leptos_meta::Title;

use super::style;

/// What the service worker shows for a page it has not saved while there is no
/// network. Precached with the app shell; `/pwa.js` lists the saved pages.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <Title text="Нет сети"/>
        <section class=style::offline aria-labelledby="offline-title">
            <svg class=style::cloud viewBox="0 0 64 64" aria-hidden="true">
                <path d="M20 48h26a10 10 0 0 0 1-20 14 14 0 0 0-27-3 11 11 0 0 0 0 23z"/>
                <path d="M12 12l40 40"/>
            </svg>
            <h1 id="offline-title">"Нет подключения к интернету"</h1>
            <p>
                "Эту страницу вы ещё не открывали, поэтому её нет на устройстве. "
                "Темы, которые вы уже открывали, доступны и без сети, а ответы сохранятся и отправятся, когда связь вернётся."
            </p>
            <div id="offline-saved" hidden>
                <h2>"Сохранено на устройстве"</h2>
                <ul id="offline-saved-list" class=style::saved></ul>
            </div>
            <a class="button" href="/">"На главную"</a>
        </section>
    }
}
