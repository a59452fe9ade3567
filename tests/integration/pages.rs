use sqlx::PgPool;

use crate::helpers::TestApp;

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
