//! The web layer: cross-site requests, body sizes, throttling, headers, drafts
//! and locks. Each test checks the database, not only the status.

use sqlx::PgPool;

use crate::helpers::*;

const EVIL: &str = "http://evil.example";

/// A checklist item a learner may tick.
async fn published_item(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT project_item_id FROM published_project_items ORDER BY project_item_id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// `SELECT count(*) …` in the test's database.
async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

/// A POST as a page on another site would make it, with the victim's cookies.
async fn cross_site_form(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> u16 {
    client
        .post(app.url(endpoint))
        .header("origin", EVIL)
        .header("sec-fetch-site", "cross-site")
        .form(form)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn role_of(app: &TestApp, id: i64) -> String {
    app.scalar("SELECT role::text FROM learners WHERE learner_id = $1", id)
        .await
}

async fn learner_id(app: &TestApp, email: &str) -> i64 {
    app.scalar(
        "SELECT learner_id FROM learners WHERE lower(email) = lower($1)",
        email,
    )
    .await
}

#[sqlx::test]
async fn a_role_change_from_another_site_is_refused_and_changes_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.client_as(Who::Admin).await;
    let email = format!("victim-{}@example.ru", &uuid()[..8]);
    app.register(&new_client(), &email, "python2026").await;
    let victim = learner_id(&app, &email).await;
    let form = [("learner_id", victim.to_string()), ("role", "admin".into())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let status = cross_site_form(&app, &admin, "/api/admin/users/role", &form).await;
    assert_eq!(status, 403);
    assert_eq!(role_of(&app, victim).await, "learner");
    // The same post from Grader's own page goes through.
    let (status, body) = app
        .post_form(
            &admin,
            "admin/users/role",
            &[
                ("learner_id", victim.to_string()),
                ("role", "author".into()),
            ],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    assert_eq!(role_of(&app, victim).await, "author");
}

#[sqlx::test]
async fn a_post_with_no_origin_at_all_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let bare = reqwest::Client::new();
    let theory = app.first_topic_theory().await[0];
    let status = bare
        .post(app.url("/api/learning/answer"))
        .form(&[
            ("kind", "theory"),
            ("exercise_id", &theory.to_string()),
            ("client_id", &uuid()),
            ("understood", "yes"),
        ])
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 403);
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn login_and_answers_from_another_site_are_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let email = format!("ann-{}@example.ru", &uuid()[..8]);
    let client = new_client();
    app.register(&client, &email, "python2026").await;
    // Login CSRF: the attacker's page logs the victim into the attacker's account.
    let victim = new_client();
    let status = cross_site_form(
        &app,
        &victim,
        "/api/auth/login",
        &[("email", &email), ("password", "python2026")],
    )
    .await;
    assert_eq!(status, 403);
    let (_, page) = app.get_as(&victim, "/profile").await;
    assert!(!page.contains(&email), "the victim was logged in");
    let theory = app.first_topic_theory().await[0].to_string();
    let client_id = uuid();
    let status = cross_site_form(
        &app,
        &client,
        "/api/learning/answer",
        &[
            ("kind", "theory"),
            ("exercise_id", &theory),
            ("client_id", &client_id),
            ("understood", "yes"),
        ],
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn a_bundle_import_from_another_site_or_not_gzip_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let before = count(&app, "SELECT count(*) FROM bundle_uploads").await;
    let part = reqwest::multipart::Part::bytes(b"not really".to_vec()).file_name("x.tar.gz");
    let status = author
        .post(app.url("/admin/bundles/import"))
        .header("origin", EVIL)
        .header("sec-fetch-site", "cross-site")
        .multipart(reqwest::multipart::Form::new().part("bundle", part))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 403);
    let after = count(&app, "SELECT count(*) FROM bundle_uploads").await;
    assert_eq!(before, after);
    let response = author
        .post(app.url("/api/v1/bundles?dry_run=true"))
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);
}

#[sqlx::test]
async fn bodies_over_the_limit_get_413_before_parsing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await[0];
    let huge = "x".repeat(100 * 1024);
    let (status, body) = app
        .answer(&app.client, "task", theory, &uuid(), &[("text", huge)])
        .await;
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("Слишком большой запрос"), "{body}");
    assert_eq!(app.answers_of_all().await, 0);
    let sessions = count(&app, "SELECT count(*) FROM tower_sessions.session").await;
    assert_eq!(sessions, 0);
}

#[sqlx::test]
async fn too_many_checkboxes_or_blanks_are_a_422(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let question: i64 =
        sqlx::query_scalar("SELECT question_id FROM questions ORDER BY question_id LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let all: Vec<i32> = (0..100).collect();
    let (status, body) = app.pick(&app.client, question, &all).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn a_failed_anonymous_admin_form_post_stores_no_session(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let visitor = new_client();
    let response = visitor
        .post(app.url("/api/admin/module/create"))
        .header("accept", "text/html")
        .form(&[
            ("grade_id", "1"),
            ("slug", "x"),
            ("title", &"я".repeat(20_000)),
        ])
        .send()
        .await
        .unwrap();
    assert!(response.status().as_u16() < 500);
    let sessions = count(&app, "SELECT count(*) FROM tower_sessions.session").await;
    assert_eq!(sessions, 0, "an anonymous failed post made a session row");
}

#[sqlx::test]
async fn failed_logins_lock_out_the_address_and_account_not_the_owner_elsewhere(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let email = format!("owner-{}@example.ru", &uuid()[..8]);
    app.register(&new_client(), &email, "python2026").await;
    let from = |ip: &'static str| {
        let client = new_client();
        (client, ip)
    };
    let login = |client: reqwest::Client, ip: &'static str, password: &'static str| {
        let app = &app;
        let email = email.clone();
        async move {
            let response = client
                .post(app.url("/api/auth/login"))
                .header("accept", "application/json")
                .header("x-forwarded-for", ip)
                .form(&[("email", email.as_str()), ("password", password)])
                .send()
                .await
                .unwrap();
            response.status().as_u16()
        }
    };
    let (attacker, ip) = from("203.0.113.9");
    for _ in 0..5 {
        assert_eq!(login(attacker.clone(), ip, "wrong-guess-1").await, 422);
    }
    // The sixth try, even with the right password, is refused from that address.
    assert_eq!(login(attacker.clone(), ip, "python2026").await, 429);
    // The owner, from home, gets in.
    let (owner, home) = from("198.51.100.20");
    assert!(login(owner, home, "python2026").await < 400);
    let rows = count(
        &app,
        "SELECT count(*) FROM throttle WHERE octet_length(key) = 32",
    )
    .await;
    assert!(rows >= 2);
    let raw: i64 = app
        .scalar(
            "SELECT count(*) FROM throttle WHERE position($1::bytea in key) > 0",
            email.as_bytes(),
        )
        .await;
    assert_eq!(raw, 0, "the e-mail is stored only as a digest");
}

#[sqlx::test]
async fn registrations_from_one_address_are_limited(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let mut statuses = Vec::new();
    for i in 0..11 {
        let response = new_client()
            .post(app.url("/api/auth/register"))
            .header("accept", "application/json")
            .header("x-forwarded-for", "203.0.113.50")
            .form(&[
                ("email", format!("bulk{i}-{}@example.ru", &uuid()[..6])),
                ("password", "python2026".into()),
                ("display_name", "Бот".into()),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert!(statuses[..10].iter().all(|s| *s < 400), "{statuses:?}");
    assert_eq!(statuses[10], 429);
    let accounts = count(
        &app,
        "SELECT count(*) FROM learners WHERE email LIKE 'bulk%'",
    )
    .await;
    assert_eq!(accounts, 10);
}

#[sqlx::test]
async fn answers_to_unpublished_content_are_404_without_the_key(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_module, _topic, question) = app.scratch_content().await;
    let (status, body) = app
        .answer(
            &app.client,
            "question",
            question,
            &uuid(),
            &[("choice", "0".into())],
        )
        .await;
    assert_eq!(status, 404, "{body}");
    assert!(
        !body.contains("correct") && !body.contains("explanation"),
        "{body}"
    );
    // A published exercise in an unpublished profession: the same.
    let theory = app.first_topic_theory().await[0];
    sqlx::query("UPDATE professions SET is_active = false WHERE slug = 'python-backend'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, body) = app.understand(&app.client, theory).await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn an_answer_in_a_locked_module_is_403(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    // The second module of the Python backend intern path, locked for a newcomer.
    let second: i64 = sqlx::query_scalar(
        "SELECT x.theory_id FROM theory x JOIN topics t USING (topic_id)
         WHERE t.module_id = (SELECT m.module_id FROM modules m
             WHERE m.grade_id = (SELECT grade_id FROM grades g JOIN professions p USING (profession_id)
                                 WHERE p.slug = 'python-backend' AND g.slug = 'intern') AND m.is_active
             ORDER BY m.position, m.module_id OFFSET 1 LIMIT 1)
           AND t.is_active AND x.is_active LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let (status, body) = app.understand(&app.client, second).await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("модуль ещё закрыт"), "{body}");
    let stored = app
        .id("SELECT count(*) FROM answers WHERE theory_id = $1", second)
        .await;
    assert_eq!(stored, 0);
}

#[sqlx::test]
async fn pages_carry_the_security_headers_and_private_ones_are_not_cached(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.fetch("/").await;
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let csp = header(&response, "content-security-policy");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        !csp.contains("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"),
        "{csp}"
    );
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    assert_eq!(
        header(&response, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    // The nonce in the header is the one on the page's inline scripts.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let page = response.text().await.unwrap();
    assert!(
        page.contains(&format!("nonce=\"{nonce}\"")),
        "the scripts carry the nonce"
    );
    let profile = app.fetch("/profile").await;
    assert_eq!(header(&profile, "cache-control"), "no-store");
    let https = app
        .client
        .get(app.url("/"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(header(&https, "strict-transport-security").starts_with("max-age="));
}

#[sqlx::test]
async fn logout_tells_the_browser_to_forget_the_device_data(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let client = app.client_as(Who::Learner).await;
    let response = client
        .post(app.url("/api/auth/logout"))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert!(response.status().as_u16() < 400);
    let clear = response
        .headers()
        .get("clear-site-data")
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(clear, "\"cache\", \"storage\"");
}

#[sqlx::test]
async fn a_return_path_off_the_site_or_with_a_line_break_goes_home(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let item = published_item(&app).await;
    for to in ["/\\evil.com", "//evil.com", "/x\ny"] {
        let response = app
            .client
            .post(app.url("/api/learning/project-item"))
            .header("accept", "text/html")
            .form(&[
                ("item_id", item.to_string()),
                ("done", "yes".into()),
                ("return_to", to.into()),
            ])
            .send()
            .await
            .unwrap();
        assert!(response.status().as_u16() < 500, "{to:?}");
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        assert!(!location.contains("evil"), "{location}");
        assert!(
            location.starts_with("/#") || location.is_empty(),
            "{location}"
        );
    }
}

/// A client with no cookie jar, as over https behind a proxy: cookies by hand.
fn https_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
    headers.insert("x-forwarded-proto", "https".parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[sqlx::test]
async fn over_https_the_session_cookie_is_host_prefixed_and_the_plain_one_is_ignored(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let client = https_client();
    let theory = app.first_topic_theory().await[0];
    let response = client
        .post(app.url("/api/learning/answer"))
        .header("accept", "application/json")
        .form(&[
            ("kind", "theory"),
            ("exercise_id", &theory.to_string()),
            ("client_id", &uuid()),
            ("understood", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        set_cookie.starts_with("__Host-grader_session="),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("; Secure") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    assert!(
        !set_cookie.to_ascii_lowercase().contains("domain="),
        "{set_cookie}"
    );
    let pair = set_cookie.split(';').next().unwrap().to_string();
    let profile = |cookie: String| {
        let client = client.clone();
        let url = app.url("/profile");
        async move {
            client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    // The prefixed cookie is the learner's session…
    assert!(profile(pair.clone())
        .await
        .contains("Гость: прогресс хранится"));
    // …and the same value under the plain name, which any host could set, is not.
    let plain = pair.trim_start_matches("__Host-").to_string();
    assert!(profile(plain).await.contains("Вы ещё не ответили"));
}

/// Registers and signs in a fresh account; returns (client, e-mail, learner id).
async fn account(app: &TestApp) -> (reqwest::Client, String, i64) {
    let email = format!("acc-{}@example.ru", &uuid()[..8]);
    let client = new_client();
    let (status, body) = app.register(&client, &email, "python2026").await;
    assert!(status < 400, "{body}");
    let id = learner_id(app, &email).await;
    (client, email, id)
}

async fn signed_in(app: &TestApp, client: &reqwest::Client, email: &str) -> bool {
    app.get_as(client, "/profile").await.1.contains(email)
}

#[sqlx::test]
async fn changing_the_password_needs_the_current_one_and_ends_the_other_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (here, email, id) = account(&app).await;
    let elsewhere = new_client();
    assert!(app.login(&elsewhere, &email, "python2026").await.0 < 400);
    assert!(signed_in(&app, &elsewhere, &email).await);
    let hash_before: String = app
        .scalar(
            "SELECT password_hash FROM learners WHERE learner_id = $1",
            id,
        )
        .await;

    let change = |current: &str, new: &str| {
        let form = [
            ("current_password", current.to_string()),
            ("new_password", new.to_string()),
        ];
        let here = here.clone();
        let app = &app;
        async move { app.post_form(&here, "auth/password", &form).await }
    };
    let (status, body) = change("wrong-2026", "newpass2027").await;
    assert_eq!(status, 422, "{body}");
    let hash_after: String = app
        .scalar(
            "SELECT password_hash FROM learners WHERE learner_id = $1",
            id,
        )
        .await;
    assert_eq!(
        hash_before, hash_after,
        "a wrong current password changes nothing"
    );
    assert!(signed_in(&app, &elsewhere, &email).await);

    let (status, body) = change("python2026", "newpass2027").await;
    assert!(status < 400, "{status} {body}");
    assert!(
        signed_in(&app, &here, &email).await,
        "this device stays signed in"
    );
    assert!(
        !signed_in(&app, &elsewhere, &email).await,
        "the other device is signed out"
    );
    assert_eq!(app.login(&new_client(), &email, "python2026").await.0, 422);
    assert!(app.login(&new_client(), &email, "newpass2027").await.0 < 400);
}

#[sqlx::test]
async fn signing_out_elsewhere_ends_every_other_session_of_the_account(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (here, email, id) = account(&app).await;
    let phone = new_client();
    assert!(app.login(&phone, &email, "python2026").await.0 < 400);
    let (status, body) = app.post_form(&here, "auth/logout-others", &[]).await;
    assert!(status < 400, "{status} {body}");
    assert!(signed_in(&app, &here, &email).await);
    assert!(!signed_in(&app, &phone, &email).await);
    let epoch: i32 = app
        .scalar(
            "SELECT session_epoch FROM learners WHERE learner_id = $1",
            id,
        )
        .await;
    assert_eq!(epoch, 1);
    // The REST API with the old session cookie sees no one either.
    let (status, _) = app
        .api(&phone, reqwest::Method::GET, "/progress", None)
        .await;
    assert!(status == 401 || status == 200);
}

#[sqlx::test]
async fn an_answer_from_a_page_shown_to_someone_else_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (client, _, id) = account(&app).await;
    let theory = app.first_topic_theory().await[0];
    // Queued on this device for another learner (who then logged out).
    let other = (id + 1000).to_string();
    let (status, body) = app
        .answer(
            &client,
            "theory",
            theory,
            &uuid(),
            &[("understood", "yes".into()), ("for_learner", other)],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    // A page shown before any answer, sent while an account is signed in: refused too.
    let (status, _) = app
        .answer(
            &client,
            "theory",
            theory,
            &uuid(),
            &[("understood", "yes".into()), ("for_learner", "none".into())],
        )
        .await;
    assert_eq!(status, 409);
    assert_eq!(app.answers_of_all().await, 0);
    let (status, body) = app
        .answer(
            &client,
            "theory",
            theory,
            &uuid(),
            &[
                ("understood", "yes".into()),
                ("for_learner", id.to_string()),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A guest's first answers from a page shown before any answer go through.
    let guest = new_client();
    for _ in 0..2 {
        let (status, body) = app
            .answer(
                &guest,
                "theory",
                theory,
                &uuid(),
                &[("understood", "yes".into()), ("for_learner", "none".into())],
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(app.answers_of_all().await, 3);
}

#[sqlx::test]
async fn new_guests_from_one_address_are_limited(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await[0].to_string();
    let mut statuses = Vec::new();
    for _ in 0..101 {
        // Each request a new visitor (no cookie), all behind one address.
        let response = new_client()
            .post(app.url("/api/learning/answer"))
            .header("accept", "application/json")
            .header("x-forwarded-for", "203.0.113.77")
            .form(&[
                ("kind", "theory"),
                ("exercise_id", theory.as_str()),
                ("client_id", &uuid()),
                ("understood", "yes"),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert!(statuses[..100].iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(statuses[100], 429);
    let guests = count(&app, "SELECT count(*) FROM learners WHERE email IS NULL").await;
    assert_eq!(guests, 100);
    // Another address still gets a guest.
    let (status, _) = app.understand(&new_client(), theory.parse().unwrap()).await;
    assert_eq!(status, 200);
}

#[sqlx::test]
async fn a_checklist_tick_on_an_unpublished_project_is_404_and_stores_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let item = published_item(&app).await;
    sqlx::query("UPDATE projects SET is_active = false WHERE project_id = (SELECT project_id FROM project_items WHERE project_item_id = $1)")
        .bind(item)
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, body) = app
        .post_form(
            &app.client,
            "learning/project-item",
            &[("item_id", item.to_string()), ("done", "yes".into())],
        )
        .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(
        count(&app, "SELECT count(*) FROM project_item_checks").await,
        0
    );
}
