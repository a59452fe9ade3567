//! The installable app's server side: the generated service worker, the versioned
//! page script, the manifest and the offline page.

use sqlx::PgPool;

use crate::helpers::TestApp;

/// The version baked into `/sw.js`.
fn worker_version(sw: &str) -> String {
    let start = sw.find("const VERSION = '").expect("a VERSION line") + 17;
    sw[start..start + 16].to_string()
}

#[sqlx::test]
async fn the_service_worker_precaches_the_shell_this_build_links(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.fetch("/sw.js").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let sw = response.text().await.unwrap();
    let version = worker_version(&sw);
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    assert!(!sw.contains("__PRECACHE__") && !sw.contains("__VERSION__"));

    let (_, home) = app.get("/").await;
    let link = r#"rel="stylesheet" id="leptos" href=""#;
    let css_at = home.find(link).unwrap() + link.len();
    let css = &home[css_at..css_at + home[css_at..].find('"').unwrap()];
    for url in [
        css,
        "/offline",
        "/manifest.webmanifest",
        "/icons/icon-512.png",
    ] {
        assert!(sw.contains(&format!("\"{url}\"")), "{url} is precached");
    }
    // The page's script is the one of the same version.
    assert!(home.contains(&format!("/pwa.js?v={version}")));
    assert!(sw.contains(&format!("\"/pwa.js?v={version}\"")));
}

#[sqlx::test]
async fn every_page_links_the_manifest_and_the_touch_icon(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for path in ["/", "/professions/python-backend", "/login", "/offline"] {
        let (_, html) = app.get(path).await;
        assert!(
            html.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#),
            "{path}"
        );
        assert!(html.contains(r#"rel="apple-touch-icon" href="/icons/apple-touch-icon.png""#));
    }
    let response = app.fetch("/manifest.webmanifest").await;
    assert_eq!(
        response.headers()["content-type"],
        "application/manifest+json"
    );
    let manifest: serde_json::Value = response.json().await.unwrap();
    assert_eq!(manifest["name"], "Grader");
    assert_eq!(manifest["display"], "standalone");
}

#[sqlx::test]
async fn the_current_page_script_is_cached_for_good_and_an_old_one_is_not(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let sw = app.get("/sw.js").await.1;
    let version = worker_version(&sw);
    let current = app.fetch(&format!("/pwa.js?v={version}")).await;
    assert_eq!(current.status(), 200);
    assert!(current.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let old = app.fetch("/pwa.js?v=0000").await;
    assert_eq!(old.headers()["cache-control"], "no-cache");
    assert!(old.text().await.unwrap().contains("serviceWorker"));
}

#[sqlx::test]
async fn the_offline_page_is_a_page_of_grader(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, html) = app.get("/offline").await;
    assert_eq!(status, 200);
    assert!(html.contains("Нет подключения к интернету"));
    assert!(html.contains("<title>Нет сети — Грейдер</title>"));
    assert!(html.contains(r#"href="/">На главную"#));
}

#[sqlx::test]
async fn an_answer_replayed_by_the_service_worker_is_stored_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory_id: i64 = sqlx::query_scalar(
        "SELECT theory_id FROM theory WHERE is_active ORDER BY theory_id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let form = [
        ("kind", "theory".to_string()),
        ("exercise_id", theory_id.to_string()),
        (
            "client_id",
            "6f1c1f55-3b0e-4f7e-9a53-4b7f0e1f2a10".to_string(),
        ),
        ("understood", "yes".to_string()),
    ];
    // The queue sends what it stored; a lost reply means the same body once more.
    for _ in 0..3 {
        let (status, _) = app.post_form(&app.client, "learning/answer", &form).await;
        assert_eq!(status, 200);
    }
    let rows: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM answers WHERE client_id = '6f1c1f55-3b0e-4f7e-9a53-4b7f0e1f2a10'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(rows, 1);
}
