//! The document shell, the routes, and the frame around every page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::admin::{
    AdminCasePage, AdminChecklistItemPage, AdminGradePage, AdminModulePage, AdminPage,
    AdminProfessionPage, AdminProjectPage, AdminQuestionPage, AdminTaskPage, AdminTheoryPage,
    AdminTopicPage, BundlesPage, NewModulePage, NewProfessionPage, TokensPage, TopicPreviewPage,
    UsersPage,
};
use crate::auth::{LoginPage, RegisterPage};
use crate::catalog::{CatalogPage, ProfessionPage};
use crate::components::{Frame, NotFound};
use crate::learning::{GradePage, LessonPage, ModulePage, TopicPage};
use crate::progress::ProfilePage;
use crate::pwa::OfflinePage;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The CSS and the page script carry this build's hash in their URLs (see
    // crate::pwa::assets), so a page never mixes two deploys' files.
    #[cfg(feature = "ssr")]
    let (css, script) = {
        let assets = crate::pwa::assets::shell_assets(&options);
        (assets.css.clone(), assets.page_script())
    };
    #[cfg(not(feature = "ssr"))]
    let (css, script) = (String::new(), String::new());
    view! {
        <!DOCTYPE html>
        <html lang="ru">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <link rel="stylesheet" id="leptos" href=css/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
                <meta name="apple-mobile-web-app-capable" content="yes"/>
                <meta name="mobile-web-app-capable" content="yes"/>
                <meta name="apple-mobile-web-app-title" content="Грейдер"/>
                <meta name="apple-mobile-web-app-status-bar-style" content="default"/>
                <script src=script defer></script>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Pages whose HTTP status depends on the data (404 for an unknown slug) render
    // fully before the first byte is sent: SsrMode::Async.
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Meta name="theme-color" content="#ffffff"/>
        <Meta name="description" content="Грейдер — тренажёр для будущих Python-разработчиков: профессии, грейды, темы и задачи."/>
        <Title formatter=|text: String| if text.is_empty() { "Грейдер".to_string() } else { format!("{text} — Грейдер") }/>
        <Router>
            <Frame>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("/professions/:p") view=ProfessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/professions/:p/:g") view=GradePage ssr=SsrMode::Async/>
                    <Route path=path!("/professions/:p/:g/:m") view=ModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/professions/:p/:g/:m/:t") view=TopicPage ssr=SsrMode::Async/>
                    <Route path=path!("/professions/:p/:g/:m/:t/lesson") view=LessonPage ssr=SsrMode::Async/>
                    <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/offline") view=OfflinePage/>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/register") view=RegisterPage/>
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/professions/new") view=NewProfessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/professions/:id") view=AdminProfessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/grades/:id") view=AdminGradePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/grades/:id/new-module") view=NewModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/projects/:id") view=AdminProjectPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/items/:id") view=AdminChecklistItemPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/modules/:id") view=AdminModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/topics/:id") view=AdminTopicPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/topics/:id/preview") view=TopicPreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/questions/:id") view=AdminQuestionPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/tasks/:id") view=AdminTaskPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/theory/:id") view=AdminTheoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/cases/:id") view=AdminCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/tokens") view=TokensPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/bundles") view=BundlesPage ssr=SsrMode::Async/>
                </Routes>
            </Frame>
        </Router>
    }
}
