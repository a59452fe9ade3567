use leptos::prelude::*;

use super::style;

/// A strip above the page: offline, answers waiting, answers sent. Server-rendered
/// hidden; `/pwa.js` fills it in (it needs the browser's network state and the
/// service worker's queue, so there is nothing to say without JavaScript).
#[component]
pub fn NetStatus() -> impl IntoView {
    view! {
        <div id="net-status" class=style::net role="status" aria-label="Состояние сети" aria-live="polite" hidden>
            <span id="net-status-text"></span>
            <button id="net-status-reload" type="button" class="button button-secondary" hidden>
                "Показать результаты"
            </button>
        </div>
    }
}
