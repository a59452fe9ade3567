use leptos::prelude::*;
use leptos_router::components::A;

use super::Logo;
use crate::pwa::NetStatus;

stylance::import_style!(style, "frame.module.css");

/// The frame of every page: a sticky sidebar on desktop, a bottom tab bar on
/// phones, and the page in between.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <div class=style::frame>
            <a class=style::skip href="#main">"К содержимому"</a>
            <aside class=style::sidebar>
                <a href="/" class=style::brand aria-label="Грейдер — на главную"><Logo/></a>
                <nav aria-label="Разделы" class=style::nav>
                    <NavLinks/>
                </nav>
            </aside>
            <header class=style::topbar>
                <a href="/" class=style::brand aria-label="Грейдер — на главную"><Logo/></a>
            </header>
            <main id="main" class=style::main><NetStatus/>{children()}</main>
            <nav aria-label="Разделы внизу" class=style::tabbar>
                <NavLinks/>
            </nav>
        </div>
    }
}

#[component]
fn NavLinks() -> impl IntoView {
    view! {
        <A href="/" exact=true attr:class=style::link>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z"/></svg>
            <span>"Профессии"</span>
        </A>
        <A href="/professions/python-backend/intern" attr:class=style::link>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 5h7a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H4zM20 5h-5a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h5z"/></svg>
            <span>"Обучение"</span>
        </A>
        <A href="/profile" attr:class=style::link>
            <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/></svg>
            <span>"Профиль"</span>
        </A>
    }
}
