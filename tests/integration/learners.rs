use sqlx::PgPool;

use crate::helpers::*;
use grader::components::format_rating;

const TOPIC: &str = "/professions/python-backend/intern/python-basics/immutable-types";

#[sqlx::test]
async fn a_guests_answer_raises_the_topic_percent_and_another_browser_sees_zero(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, before) = app.get(TOPIC).await;
    assert_eq!(topic_percent(&before), 0);

    let theory = app.first_topic_theory().await;
    let (status, body) = app.understand(&app.client, theory[0]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"correct\":true"), "{body}");

    let (_, after) = app.get(TOPIC).await;
    assert!(topic_percent(&after) > 0, "the topic percent rose");
    let (_, other) = app.get_as(&new_client(), TOPIC).await;
    assert_eq!(topic_percent(&other), 0, "another learner starts at 0 %");
}

#[sqlx::test]
async fn an_answers_reply_carries_the_topic_percent_the_page_shows_and_a_fresh_client_id(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    let client_id = uuid();
    let (status, body) = app
        .answer(
            &app.client,
            "theory",
            theory[0],
            &client_id,
            &[("understood", "yes".into())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let reply: grader::learning::Answered = read(&body);
    let (_, page) = app.get(TOPIC).await;
    assert_eq!(reply.topic_pct, topic_percent(&page), "{body}");
    assert!(topic_percent(&page) > 0);
    let next = reply.next_client_id.as_str();
    assert_ne!(next, client_id);
    assert!(uuid::Uuid::parse_str(next).is_ok(), "{next}");
}

/// The cookie a first answer sets, over https (as a proxy reports it) or plain http.
async fn first_cookie(app: &TestApp, https: bool) -> String {
    let theory = app.first_topic_theory().await;
    let mut request = new_client()
        .post(app.url("/api/learning/answer"))
        .header("content-type", "application/x-www-form-urlencoded");
    if https {
        request = request.header("x-forwarded-proto", "https");
    }
    let response = request
        .body(format!(
            "kind=theory&exercise_id={}&client_id={}&understood=yes",
            theory[0],
            uuid()
        ))
        .send()
        .await
        .unwrap();
    response
        .headers()
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_string()
}

#[sqlx::test]
async fn the_session_cookie_is_http_only_same_site_lax_and_secure_only_over_https(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let cookie = first_cookie(&app, true).await;
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        cookie.contains("; Secure"),
        "over https the cookie is Secure: {cookie}"
    );
    assert!(cookie.starts_with("__Host-"), "{cookie}");

    // Plain http (a laptop on 127.0.0.1): a Secure cookie would never come back.
    let cookie = first_cookie(&app, false).await;
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.to_lowercase().contains("secure"),
        "no Secure over http: {cookie}"
    );
    assert!(!cookie.starts_with("__Host-"), "{cookie}");
}

#[sqlx::test]
async fn a_duplicate_submission_is_stored_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    let id = uuid();
    for _ in 0..3 {
        let (status, _) = app
            .answer(
                &app.client,
                "theory",
                theory[0],
                &id,
                &[("understood", "yes".into())],
            )
            .await;
        assert_eq!(status, 200);
    }
    assert_eq!(app.answers_of_all().await, 1);
}

#[sqlx::test]
async fn every_attempt_is_kept_and_the_latest_counts(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    app.understand(&app.client, theory[0]).await;
    let (_, page) = app.get(TOPIC).await;
    let high = topic_percent(&page);
    app.answer(
        &app.client,
        "theory",
        theory[0],
        &uuid(),
        &[("understood", "no".into())],
    )
    .await;
    let (_, page) = app.get(TOPIC).await;
    assert_eq!(
        topic_percent(&page),
        0,
        "the latest answer («Не понимаю») counts"
    );
    assert!(high > 0);
    assert_eq!(app.answers_of_all().await, 2);
}

#[sqlx::test]
async fn fifty_concurrent_submissions_are_all_stored(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    app.understand(&app.client, theory[0]).await; // one learner, one session
    let before = app.answers_of_all().await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let client = app.client.clone();
        let url = app.url("/api/learning/answer");
        let id = theory[i % theory.len()];
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!(
                    "kind=theory&exercise_id={id}&client_id={}&understood=yes",
                    uuid()
                ))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200);
    }
    assert_eq!(app.answers_of_all().await - before, 50);
    let learners: i64 = sqlx::query_scalar("SELECT count(*) FROM learners")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(learners, 1, "all fifty belong to the same learner");
}

/// A first visit that fires several answers before any reply has set a cookie:
/// each request makes its own guest, none fails, every answer is stored once with
/// the guest its reply names, and the browser goes on as the guest of the cookie
/// it kept.
#[sqlx::test]
async fn concurrent_first_answers_from_a_client_without_a_cookie_each_land_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    let browser = new_client(); // no cookie yet
    let ids: Vec<String> = (0..8).map(|_| uuid()).collect();
    let mut sent = Vec::new();
    for (i, client_id) in ids.iter().enumerate() {
        let client = browser.clone();
        let url = app.url("/api/learning/answer");
        let body = format!(
            "kind=theory&exercise_id={}&client_id={client_id}&understood=yes",
            theory[i % theory.len()]
        );
        sent.push(tokio::spawn(async move {
            post_encoded(&client, url, body).await
        }));
    }
    for t in sent {
        let (status, body) = t.await.unwrap();
        assert_eq!(status, 200, "{body}");
    }

    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT client_id::text, learner_id FROM answers ORDER BY answer_id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let mut stored: Vec<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
    stored.sort_unstable();
    let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(stored, expected, "each answer stored exactly once");
    let guests: i64 = sqlx::query_scalar("SELECT count(*) FROM learners WHERE email IS NULL")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let owners: std::collections::BTreeSet<i64> = rows.iter().map(|(_, l)| *l).collect();
    assert_eq!(
        guests as usize,
        owners.len(),
        "no guest without an answer was left behind"
    );

    // The browser kept one cookie: its learner is one of those guests, with one
    // answer, and a further answer joins that guest instead of making another.
    let (status, body) = app.understand(&browser, theory[0]).await;
    assert_eq!(status, 200, "{body}");
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM learners")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(after, guests, "the kept cookie names an existing guest");
}

#[sqlx::test]
async fn two_learners_are_isolated(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    let other = new_client();
    app.understand(&app.client, theory[0]).await;
    app.answer(
        &other,
        "theory",
        theory[0],
        &uuid(),
        &[("understood", "no".into())],
    )
    .await;
    let (_, mine) = app.get(TOPIC).await;
    let (_, theirs) = app.get_as(&other, TOPIC).await;
    assert!(topic_percent(&mine) > 0);
    assert_eq!(topic_percent(&theirs), 0);
}

#[sqlx::test]
async fn registering_as_a_guest_keeps_the_answers(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    app.understand(&app.client, theory[0]).await;
    let (_, before) = app.get(TOPIC).await;

    let (status, body) = app
        .register(&app.client, "anya@example.ru", "python2026")
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, after) = app.get(TOPIC).await;
    assert_eq!(topic_percent(&after), topic_percent(&before));
    assert_eq!(app.answers_of_all().await, 1);

    // Logging in from a fresh browser that answered as a guest merges, nothing doubled.
    let laptop = new_client();
    app.understand(&laptop, theory[1]).await;
    let (status, body) = app.login(&laptop, "ANYA@example.ru", "python2026").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.answers_of_all().await, 2);
    let learners: i64 = sqlx::query_scalar("SELECT count(*) FROM learners")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        learners, 1,
        "the laptop's guest was merged into the account"
    );
    let (_, page) = app.get_as(&laptop, TOPIC).await;
    assert!(topic_percent(&page) > topic_percent(&before));
}

#[sqlx::test]
async fn registration_and_login_explain_what_is_wrong(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, body) = app.register(&app.client, "anya@example.ru", "short1").await;
    assert_eq!(status, 422);
    assert!(body.contains("короткий"), "{body}");
    let (status, body) = app
        .register(&app.client, "anya@example.ru", "onlyletters")
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("простой"), "{body}");
    let (status, _) = app
        .register(&app.client, "anya@example.ru", "python2026")
        .await;
    assert_eq!(status, 200);
    let (status, body) = app
        .register(&new_client(), "Anya@Example.ru", "python2027")
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("уже зарегистрирован"), "{body}");
    let (status, body) = app
        .login(&new_client(), "anya@example.ru", "wrong-pass1")
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("Неверный e-mail или пароль"), "{body}");
}

#[sqlx::test]
async fn the_sixth_wrong_password_for_an_account_is_refused_until_the_window_passes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for email in ["anna@example.ru", "boris@example.ru"] {
        let (status, body) = app.register(&new_client(), email, "python2026").await;
        assert!(status < 400, "{body}");
    }
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(
            app.login(&new_client(), "anna@example.ru", "wrong-pass1")
                .await
                .0,
        );
    }
    assert_eq!(statuses, [422; 5], "five wrong passwords are answered");
    let (status, body) = app
        .login(&new_client(), "anna@example.ru", "wrong-pass1")
        .await;
    assert_eq!(status, 429, "the 6th is refused: {body}");
    assert!(body.contains("Подождите 15 минут"), "{body}");
    let (status, _) = app
        .login(&new_client(), "anna@example.ru", "python2026")
        .await;
    assert_eq!(
        status, 429,
        "even the right password waits: the limit is not an oracle"
    );

    let (status, body) = app
        .login(&new_client(), "boris@example.ru", "python2026")
        .await;
    assert!(
        status < 400,
        "another account from the same address signs in: {status} {body}"
    );

    // The limiter's clock is the database's now(): move the window 15 minutes back.
    sqlx::query("UPDATE throttle SET window_start = window_start - interval '15 minutes 1 second'")
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, body) = app
        .login(&new_client(), "anna@example.ru", "python2026")
        .await;
    assert!(
        status < 400,
        "after the window the owner signs in: {status} {body}"
    );
}

#[sqlx::test]
async fn the_session_id_changes_at_login(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.register(&app.client, "anya@example.ru", "python2026")
        .await;
    let client = new_client();
    let theory = app.first_topic_theory().await;
    let first = client
        .post(app.url("/api/learning/answer"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "kind=theory&exercise_id={}&client_id={}&understood=yes",
            theory[0],
            uuid()
        ))
        .send()
        .await
        .unwrap();
    let guest_cookie = cookie_set_by(&first);
    let login = client
        .post(app.url("/api/auth/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=anya%40example.ru&password=python2026")
        .send()
        .await
        .unwrap();
    let account_cookie = cookie_set_by(&login);
    assert_ne!(guest_cookie, account_cookie);
}

#[sqlx::test]
async fn each_kind_is_graded_by_the_rules(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (qid, correct): (i64, Vec<i32>) = sqlx::query_as(
        "SELECT question_id, correct_answers FROM questions WHERE cardinality(correct_answers) > 1 LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let (status, body) = app.pick(&app.client, qid, &correct).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("\"correct\":true"),
        "all correct options chosen: {body}"
    );
    let (_, body) = app.pick(&app.client, qid, &correct[..1]).await;
    assert!(
        body.contains("\"correct\":false"),
        "a subset is wrong: {body}"
    );

    let (tid, answer): (i64, String) =
        sqlx::query_as("SELECT task_id, correct_answer FROM tasks LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let (_, body) = app
        .answer(
            &app.client,
            "task",
            tid,
            &uuid(),
            &[("text", format!("{answer}  \r\n"))],
        )
        .await;
    assert!(
        body.contains("\"correct\":true"),
        "trailing spaces and CRLF do not count: {body}"
    );
    let (_, body) = app
        .answer(
            &app.client,
            "task",
            tid,
            &uuid(),
            &[("text", format!("x{answer}"))],
        )
        .await;
    assert!(body.contains("diff_html"), "{body}");

    let (cid, fields): (i64, Vec<String>) = sqlx::query_as(
        "SELECT case_id, correct_fields FROM cases WHERE cardinality(correct_fields) >= 2 LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut typed = vec!["wrong".to_string(); fields.len()];
    typed[0] = fields[0].clone();
    let (_, body) = app.fill(&app.client, cid, &typed).await;
    let expected = format!("\"score\":{}", 1.0_f32 / fields.len() as f32);
    assert!(
        body.contains(&expected),
        "partial credit {expected}: {body}"
    );
}

#[sqlx::test]
async fn bad_answers_get_a_clear_4xx_and_store_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    let (status, body) = app
        .answer(
            &app.client,
            "theory",
            theory[0],
            "not-a-uuid",
            &[("understood", "yes".into())],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = app
        .answer(
            &app.client,
            "theory",
            999_999,
            &uuid(),
            &[("understood", "yes".into())],
        )
        .await;
    assert_eq!(status, 404);
    let (status, body) = app.answer(&app.client, "question", 1, &uuid(), &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Выберите"), "{body}");
    let (status, _) = app.answer(&app.client, "spell", 1, &uuid(), &[]).await;
    assert_eq!(status, 422);
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn a_page_shows_no_answer_key_until_the_learner_answers(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let explanation: String = sqlx::query_scalar(
        "SELECT explanation FROM tasks JOIN topics USING (topic_id) WHERE topics.slug = 'immutable-types' LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let first_words: String = explanation
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let (_, page) = app.get(TOPIC).await;
    assert!(
        !page.contains(&first_words),
        "explanation leaked before answering"
    );
}

/// Answers every published exercise of a module correctly, through the API.
async fn master_module(app: &TestApp, module: &str) {
    let theory: Vec<i64> = sqlx::query_scalar(
        "SELECT theory_id FROM theory JOIN topics USING (topic_id) JOIN modules m USING (module_id) WHERE m.slug = $1",
    )
    .bind(module)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for id in theory {
        app.understand(&app.client, id).await;
    }
    let questions: Vec<(i64, Vec<i32>)> = sqlx::query_as(
        "SELECT question_id, correct_answers FROM questions JOIN topics USING (topic_id) JOIN modules m USING (module_id)
         WHERE m.slug = $1",
    )
    .bind(module)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for (id, correct) in questions {
        let (status, body) = if correct.len() > 1 {
            app.pick(&app.client, id, &correct).await
        } else {
            let choice = [("choice", correct[0].to_string())];
            app.answer(&app.client, "question", id, &uuid(), &choice)
                .await
        };
        assert!(body.contains("\"correct\":true"), "{status} {body}");
    }
    let tasks: Vec<(i64, String)> = sqlx::query_as(
        "SELECT task_id, correct_answer FROM tasks JOIN topics USING (topic_id) JOIN modules m USING (module_id)
         WHERE m.slug = $1",
    )
    .bind(module)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for (id, answer) in tasks {
        app.answer(&app.client, "task", id, &uuid(), &[("text", answer)])
            .await;
    }
    let cases: Vec<(i64, Vec<String>)> = sqlx::query_as(
        "SELECT case_id, correct_fields FROM cases JOIN topics USING (topic_id) JOIN modules m USING (module_id)
         WHERE m.slug = $1",
    )
    .bind(module)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for (id, fields) in cases {
        app.fill(&app.client, id, &fields).await;
    }
}

#[sqlx::test]
async fn mastering_a_module_opens_the_next_and_fills_stars_and_the_profile(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, path) = app.get("/professions/python-backend/intern").await;
    assert!(path.contains("Модуль 2: Управляющие конструкции — закрыт"));

    master_module(&app, "python-basics").await;

    let (_, path) = app.get("/professions/python-backend/intern").await;
    assert!(
        path.contains("Модуль 1: Основы Python — пройден"),
        "module 1 complete"
    );
    assert!(
        !path.contains("Модуль 2: Управляющие конструкции — закрыт"),
        "module 2 opened"
    );
    assert!(
        path.contains("/professions/python-backend/intern/control-flow/if-elif-else"),
        "«Далее» leads to its first topic"
    );

    let (_, module) = app
        .get("/professions/python-backend/intern/python-basics")
        .await;
    assert!(module.contains("Освоено 100 %"));
    // Stars for a known mastery: module 1 at 100 %, the rest of the grade at 0.
    let (modules, grades): (i64, i64) = sqlx::query_as(
        "SELECT count(DISTINCT module_id) FILTER (WHERE grade_id = $1), count(DISTINCT grade_id)
         FROM published_topics
         WHERE profession_id = (SELECT profession_id FROM grades WHERE grade_id = $1)",
    )
    .bind(app.intern_grade().await)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let grade_mastery = 1.0 / modules as f32;
    let intern_stars = format_rating(5.0 * grade_mastery);
    let profession_stars = format_rating(5.0 * grade_mastery / grades as f32);
    assert_ne!(intern_stars, "0");
    let (_, profession) = app.get("/professions/python-backend").await;
    let intern_label = profession
        .split("Стажёр")
        .nth(1)
        .and_then(|rest| rest.split("Рейтинг ").nth(1))
        .and_then(|r| r.split(" из 5").next())
        .unwrap();
    assert_eq!(intern_label, intern_stars, "the intern grade's stars");
    let (_, catalog) = app.get("/").await;
    let card = catalog
        .split("/professions/python-backend\"")
        .nth(1)
        .expect("the profession's card");
    let card_label = card
        .split("Рейтинг ")
        .nth(1)
        .and_then(|r| r.split(" из 5").next());
    assert_eq!(
        card_label,
        Some(profession_stars.as_str()),
        "the catalog card's stars"
    );

    let (_, profile) = app.get("/profile").await;
    let answered: i64 = sqlx::query_scalar("SELECT count(*) FROM answers WHERE is_correct")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(
        profile.contains(&format!(
            "<strong>{}</strong><span>XP</span>",
            answered * 10
        )),
        "XP is 10 per correct answer"
    );
    assert!(
        profile.contains("<strong>1</strong><span>дней подряд</span>"),
        "answered today: a one-day streak"
    );
}

#[sqlx::test]
async fn a_learner_ticks_off_portfolio_items_and_keeps_them_after_registering(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let item: i64 = sqlx::query_scalar(
        "SELECT project_item_id FROM project_items JOIN projects USING (project_id) JOIN grades USING (grade_id)
         WHERE grades.slug = 'junior' ORDER BY project_items.position LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let page = "/professions/python-backend/junior";
    let (_, html) = app.get(page).await;
    assert!(html.contains("готово 0 из"), "nothing ticked yet");
    let (status, body) = app
        .post_form(
            &app.client,
            "learning/project-item",
            &[("item_id", item.to_string()), ("done", "yes".into())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, html) = app.get(page).await;
    assert!(html.contains("готово 1 из"), "one item ticked");
    let (_, other) = app.get_as(&new_client(), page).await;
    assert!(!other.contains("готово 1 из"), "per learner");

    app.register(&app.client, "pm@example.ru", "python2026")
        .await;
    let (_, html) = app.get(page).await;
    assert!(html.contains("готово 1 из"), "kept after registering");

    let (status, _) = app
        .post_form(
            &app.client,
            "learning/project-item",
            &[("item_id", item.to_string()), ("done", "no".into())],
        )
        .await;
    assert_eq!(status, 200);
    let (_, html) = app.get(page).await;
    assert!(!html.contains("готово 1 из"), "unticked");
    let (status, _) = app
        .post_form(
            &app.client,
            "learning/project-item",
            &[("item_id", "0".into()), ("done", "yes".into())],
        )
        .await;
    assert_eq!(status, 404);
}
