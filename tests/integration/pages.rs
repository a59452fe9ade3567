use sqlx::PgPool;

use crate::helpers::{TestApp, Who};

#[sqlx::test]
async fn the_catalog_page_is_server_rendered_with_every_profession(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, html) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"ru\""), "Russian document");
    assert!(html.contains("Бэкендер / Веб-разработчик"));
    assert!(html.contains("PostgreSQL для системных инженеров"));
    assert!(html.contains("aria-label=\"Рейтинг 0 из 5\""));
    assert!(html.contains("href=\"/professions/python-backend/intern\""));
    assert!(
        html.contains(r#"<link rel="modulepreload" href="/pkg/grader"#),
        "hydration scripts are linked"
    );
}

#[sqlx::test]
async fn the_walk_from_profession_to_topic_renders_each_level(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, html) = app.get("/professions/python-backend").await;
    assert_eq!(status, 200);
    assert!(html.contains("Стажёр") && html.contains("Синьор+"));

    let (status, html) = app.get("/professions/python-backend/intern").await;
    assert_eq!(status, 200);
    assert!(html.contains("Основы Python") && html.contains("Управляющие конструкции"));
    assert!(html.contains("Начать"));
    assert!(html.contains("закрыт"), "the second module is locked");

    let (status, html) = app
        .get("/professions/python-backend/intern/python-basics")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Простые неизменяемые типы данных"));
    assert!(html.contains("0 %"));

    let (status, html) = app
        .get("/professions/python-backend/intern/python-basics/immutable-types")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("Понимаю") && html.contains("Не понимаю"));
    assert!(html.contains("hl-"), "task code is highlighted");
}

#[sqlx::test]
async fn unknown_slugs_get_a_404_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for path in [
        "/professions/astronaut",
        "/professions/python-backend/wizard",
        "/professions/python-backend/intern/nope",
        "/professions/python-backend/intern/python-basics/nope",
        "/no/such/page",
    ] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Такой страницы нет"), "{path}");
    }
}

#[sqlx::test]
async fn favicon_ico_leads_to_the_svg_icon_that_exists(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.fetch("/favicon.ico").await;
    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers()["location"], "/favicon.svg");
    let (status, svg) = app.get("/favicon.svg").await;
    assert_eq!(status, 200);
    assert!(svg.contains("<svg"), "{svg}");
}

#[sqlx::test]
async fn a_database_failure_gets_an_error_page_without_details(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    pool.close().await;
    let (status, html) = app.get("/professions/python-backend").await;
    assert!(status == 503 || status == 500, "{status}");
    assert!(html.contains("Не получилось загрузить страницу"));
    assert!(
        !html.contains("PoolClosed") && !html.contains("sqlx"),
        "no internals in the page"
    );
    let (status, _) = app.get("/healthz").await;
    assert_eq!(status, 503);
}

#[sqlx::test]
async fn a_failed_save_without_javascript_shows_what_was_typed_and_saves_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (module, _, _) = app.scratch_content().await;
    let page = format!("/admin/modules/{module}");
    let version = app.version("modules", module).await;
    let typed = "Описание, которое автор набирал десять минут";
    // A browser's own form post: Accept text/html and a Referer, as without JavaScript.
    let response = author
        .post(app.url("/api/admin/module/save"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", app.url(&page))
        .form(&[
            ("id", module.to_string()),
            ("version", version),
            ("slug", "Не Slug".into()),
            ("title", "Черновик".into()),
            ("description", typed.into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    let back = response.headers()["location"].to_str().unwrap().to_string();
    assert!(back.contains("__err="), "{back}");

    let html = author
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(typed),
        "the typed description is back in the form"
    );
    assert!(html.contains("Не Slug"), "and the rejected slug, to fix");
    assert!(html.contains("латинские буквы"), "with the slug's message");
    let saved: String = app
        .scalar(
            "SELECT description FROM modules WHERE module_id = $1",
            module,
        )
        .await;
    assert_eq!(saved, "", "nothing was saved");

    // Shown once: the next visit shows the saved module.
    let (_, html) = app.get_as(&author, &page).await;
    assert!(!html.contains(typed));
}

#[sqlx::test]
async fn the_markdown_preview_renders_as_learners_see_it_for_authors_only(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let text = [("text", "**жирный** <script>alert(1)</script>".to_string())];
    let (status, body) = app.post_form(&author, "admin/markdown", &text).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<strong>жирный</strong>"), "{body}");
    assert!(!body.contains("<script>"), "sanitised: {body}");
    let (status, _) = app.post_form(&app.client, "admin/markdown", &text).await;
    assert_eq!(status, 401);
}

#[sqlx::test]
async fn a_stale_form_comes_back_with_the_typing_and_still_carries_the_old_version(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (module, _, _) = app.scratch_content().await;
    let page = format!("/admin/modules/{module}");
    let opened = app.version("modules", module).await;
    // Someone else saves first.
    sqlx::query("UPDATE modules SET description = 'чужая правка' WHERE module_id = $1")
        .bind(module)
        .execute(&app.pool)
        .await
        .unwrap();
    let slug: String = app
        .scalar("SELECT slug FROM modules WHERE module_id = $1", module)
        .await;
    let response = author
        .post(app.url("/api/admin/module/save"))
        .header("accept", "text/html")
        .header("referer", app.url(&page))
        .form(&[
            ("id", module.to_string()),
            ("version", opened.clone()),
            ("slug", slug),
            ("title", "Черновик".into()),
            ("description", "моя правка".into()),
        ])
        .send()
        .await
        .unwrap();
    let back = response.headers()["location"].to_str().unwrap().to_string();
    let html = author
        .get(&back)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("изменили после того, как вы"),
        "the stale message"
    );
    assert!(html.contains("моя правка"), "the typing is back");
    assert!(
        html.contains(&format!("value=\"{opened}\"")),
        "the version opened, so saving again is refused until a reload"
    );
}
