use leptos::prelude::*;

use super::style;

/// «Установить приложение» where the browser offers installing (it fires
/// `beforeinstallprompt`), and the Share → «На экран "Домой"» steps on iPhone and
/// iPad, whose Safari has no such event. `/pwa.js` shows the part that applies;
/// installed, or without JavaScript, the card stays hidden.
#[component]
pub fn InstallCard() -> impl IntoView {
    view! {
        <section id="install-card" class=style::install aria-labelledby="install-title" hidden>
            <img src="/icons/icon-192.png" alt="" width="56" height="56"/>
            <div>
                <h2 id="install-title">"Грейдер на телефоне"</h2>
                <p>"Значок на главном экране, открытые темы без сети, ответы отправятся сами."</p>
                <button id="install-button" type="button" class="button" hidden>
                    "Установить приложение"
                </button>
                <p id="install-ios" hidden>
                    "На iPhone и iPad: нажмите «Поделиться» "
                    <svg class=style::share viewBox="0 0 24 24" role="img" aria-label="(значок квадрата со стрелкой вверх)">
                        <path d="M12 3v12M7 8l5-5 5 5M5 12v8h14v-8"/>
                    </svg>
                    " в Safari, затем «На экран \u{201c}Домой\u{201d}»."
                </p>
            </div>
        </section>
    }
}
