//! The REST API: public reads without answers, tokens, errors in one JSON shape,
//! optimistic locking, delete confirmation, and the OpenAPI document.

use reqwest::Method;
use serde_json::{json, Value};
use sqlx::PgPool;

use grader::authoring::{
    CaseRow, ChecklistItemRow, GradeRow, ModuleRow, ProjectRow, RunOutput, TaskRow, TheoryRow,
};
use grader::learning::Answered;

use crate::helpers::*;

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[sqlx::test]
async fn lists_are_paginated_with_a_total_and_bad_paging_is_a_422(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, body) = app
        .api(
            &app.client,
            Method::GET,
            "/professions?limit=2&offset=1",
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let page = parse(&body);
    assert_eq!(page["total"], 9);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(page["items"][0]["slug"], "data-analyst");

    let (status, body) = app
        .api(&app.client, Method::GET, "/professions?limit=500", None)
        .await;
    assert_eq!(status, 422);
    let error = parse(&body);
    assert_eq!(error["error"], "invalid");
    assert_eq!(error["fields"][0]["field"], "limit");

    let (status, body) = app
        .api(&app.client, Method::GET, "/professions?limit=abc", None)
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(read::<ErrorBody>(&body).error, "bad_request");
}

#[sqlx::test]
async fn a_topics_exercises_never_carry_correct_answers_or_explanations(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let path = "/professions/python-backend/grades/intern/modules/python-basics/topics/immutable-types/exercises?limit=100";
    let (status, body) = app.api(&app.client, Method::GET, path, None).await;
    assert_eq!(status, 200, "{body}");
    let page = parse(&body);
    assert!(page["total"].as_i64().unwrap() >= 11);
    assert!(
        !body.contains("correct"),
        "no correctness fields before answering"
    );
    let explanation: String = sqlx::query_scalar(
        "SELECT explanation FROM questions JOIN topics USING (topic_id) WHERE topics.slug = 'immutable-types' LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let start: String = explanation.chars().take(30).collect();
    assert!(
        !body.contains(&start),
        "the explanation is not sent before answering"
    );
}

#[sqlx::test]
async fn unknown_slugs_and_paths_are_json_404s(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for path in ["/professions/nope/grades", "/no-such-thing"] {
        let (status, body) = app.api(&app.client, Method::GET, path, None).await;
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(read::<ErrorBody>(&body).error, "not_found");
    }
}

#[sqlx::test]
async fn drafts_are_hidden_from_learners_until_published(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let grade = app.intern_grade().await;
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/grades/{grade}/modules"),
            Some(json!({"slug": "drafty", "title": "Черновик", "is_active": false})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let module: ModuleRow = read(&body);
    assert!(!module.is_active);
    let list = "/professions/python-backend/grades/intern/modules?limit=100";
    let (_, body) = app.api(&app.client, Method::GET, list, None).await;
    assert!(!body.contains("drafty"), "a draft is not public");

    let update =
        json!({"version": module.version, "slug": "drafty", "title": "Готово", "is_active": true});
    let (status, body) = app
        .api(
            &author,
            Method::PUT,
            &format!("/modules/{}", module.module_id),
            Some(update.clone()),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = app.api(&app.client, Method::GET, list, None).await;
    assert!(body.contains("drafty"), "published now");

    // The same version again is stale: someone (we) saved in between.
    let (status, body) = app
        .api(
            &author,
            Method::PUT,
            &format!("/modules/{}", module.module_id),
            Some(update),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(read::<ErrorBody>(&body).error, "conflict");
}

#[sqlx::test]
async fn invalid_content_gets_every_field_message_in_russian(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.scratch_content().await;
    let bad =
        json!({"slug": "Bad Slug", "title": " ", "options": ["один"], "correct_answers": [3]});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/topics/{topic}/questions"),
            Some(bad),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<String> = parse(&body)["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["slug", "title", "options", "correct_answers"]);

    // A slug taken by a sibling is a field message too, not a 500.
    let taken = json!({"slug": "q", "title": "Ещё", "options": ["1", "2"], "correct_answers": [0]});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/topics/{topic}/questions"),
            Some(taken),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(read::<ErrorBody>(&body).fields[0].field, "slug");
}

#[sqlx::test]
async fn deleting_a_topic_with_answers_needs_confirmation(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, question) = app.open_scratch_content().await;
    let answer =
        json!({"kind": "question", "exercise_id": question, "client_id": uuid(), "chosen": [0]});
    let (status, body) = app
        .api(&app.client, Method::POST, "/answers", Some(answer))
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(read::<Answered>(&body).feedback.correct);

    let (status, body) = app
        .api(&author, Method::DELETE, &format!("/topics/{topic}"), None)
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(read::<ErrorBody>(&body).message.contains("1"), "{body}");
    let (status, _) = app
        .api(
            &author,
            Method::DELETE,
            &format!("/topics/{topic}?confirm=true"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.answers_of_all().await, 0);
}

#[sqlx::test]
async fn a_personal_token_authenticates_until_it_is_revoked(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    // Shown once: the tokens page reads it from the session, then forgets it.
    let token = new_token(&app, &author).await;
    let (_, again) = app.get_as(&author, "/admin/tokens").await;
    assert!(!again.contains(&token), "shown only once");
    let (hash_matches, raw_anywhere): (bool, bool) = sqlx::query_as(
        "SELECT token_hash = sha256(convert_to($1, 'UTF8')),
                strpos(t::text, $1) > 0 OR strpos(t::text, substr($1, 5)) > 0
                  OR strpos(t::text, encode(convert_to($1, 'UTF8'), 'hex')) > 0
         FROM api_tokens t",
    )
    .bind(&token)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(hash_matches, "token_hash = sha256(token)");
    assert!(!raw_anywhere, "the raw token is stored nowhere in the row");

    let bearer = new_client();
    let grade = app.intern_grade().await;
    let call = |t: &str| {
        bearer
            .get(app.url(&format!("/api/v1/grades/{grade}/modules")))
            .header("authorization", format!("Bearer {t}"))
            .send()
    };
    assert_eq!(call(&token).await.unwrap().status(), 200);
    assert_eq!(call("grd_wrong").await.unwrap().status(), 401);

    let id: i64 = sqlx::query_scalar("SELECT token_id FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app.post_form(
        &author,
        "admin/tokens/revoke",
        &[("token_id", id.to_string())],
    )
    .await;
    let revoked = call(&token).await.unwrap();
    assert_eq!(revoked.status(), 401);
    assert_eq!(
        parse(&revoked.text().await.unwrap())["error"],
        "unauthorized"
    );
}

#[sqlx::test]
async fn the_openapi_document_is_3_1_and_matches_the_router(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (status, body) = app
        .api(&app.client, Method::GET, "/openapi.json", None)
        .await;
    assert_eq!(status, 200);
    let doc = parse(&body);
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["components"]["securitySchemes"].get("bearer").is_some());
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 20, "{} paths", paths.len());
    // Request schemas state the server's own rules, so generated bodies follow them.
    use grader::authoring::validate::{MAX_SLUG_CHARS, MAX_TITLE_CHARS, SLUG_PATTERN};
    for input in [
        "SectionInput",
        "QuestionInput",
        "TaskInput",
        "ProfessionInput",
    ] {
        let fields = &doc["components"]["schemas"][input]["properties"];
        assert_eq!(fields["slug"]["pattern"], SLUG_PATTERN, "{input}");
        assert_eq!(fields["slug"]["maxLength"], MAX_SLUG_CHARS, "{input}");
        assert_eq!(fields["title"]["maxLength"], MAX_TITLE_CHARS, "{input}");
    }
    // And what refuses a request before its handler: a malformed body is a 400,
    // an oversized one a 413, on every operation that takes one.
    let put = &paths["/api/v1/modules/{id}"]["put"]["responses"];
    assert!(
        put.get("400").is_some() && put.get("413").is_some(),
        "{put}"
    );
    // Each documented path and method is routed: an unknown path falls through to
    // the JSON 404 (not 405), and a method the router lacks is a 405.
    let client = new_client();
    for (path, item) in paths {
        let url = path
            .split('/')
            .map(|part| if part.starts_with('{') { "0" } else { part })
            .collect::<Vec<_>>()
            .join("/");
        let response = client.patch(app.url(&url)).send().await.unwrap();
        assert_eq!(
            response.status(),
            405,
            "{path} is routed (PATCH is not a method of any)"
        );
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let response = client
                .request(method.clone(), app.url(&url))
                .send()
                .await
                .unwrap();
            assert_ne!(response.status(), 405, "{method} {path} is routed");
        }
    }
    // And nothing routed is missing from the document: handlers are registered
    // with their descriptions (utoipa-axum's `routes!`), so the only routes added
    // without one, in any API source file, are the document and its page.
    let sources = [
        include_str!("../../src/api/mod.rs"),
        include_str!("../../src/api/authoring.rs"),
        include_str!("../../src/api/catalog_authoring.rs"),
        include_str!("../../src/api/bundles.rs"),
        include_str!("../../src/api/content.rs"),
        include_str!("../../src/api/learner.rs"),
    ];
    let undocumented: Vec<&str> = sources
        .iter()
        .flat_map(|source| source.split(".route(").skip(1))
        .filter_map(|r| r.trim_start().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(undocumented, ["/openapi.json", "/docs"]);
    let registered: usize = sources
        .iter()
        .map(|source| source.matches(".routes(routes!(").count())
        .sum();
    assert!(registered >= 20, "{registered} registrations");
    let (status, page) = app.get("/api/v1/docs").await;
    assert_eq!(status, 200);
    assert!(page.contains("/api/v1/topics/{id}"));
    assert!(!page.contains("cdn"), "no CDN");
}

/// A new personal token of the signed-in author, read from the page that shows it once.
async fn new_token(app: &TestApp, author: &reqwest::Client) -> String {
    let (status, body) = app
        .post_form(author, "admin/tokens/create", &[("name", "CI".into())])
        .await;
    assert!(status < 400, "{status} {body}");
    let (_, page) = app.get_as(author, "/admin/tokens").await;
    page.split("grd_")
        .nth(1)
        .map(|rest| format!("grd_{}", &rest[..64]))
        .expect("the new token on the page")
}

/// Creates a draft module with a bearer token (no cookies, no Origin): the status.
async fn create_module_with_token(app: &TestApp, token: &str, slug: &str) -> u16 {
    let grade = app.intern_grade().await;
    reqwest::Client::new()
        .post(app.url(&format!("/api/v1/grades/{grade}/modules")))
        .bearer_auth(token)
        .json(&json!({"slug": slug, "title": "Через токен", "is_active": false}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn modules_named(app: &TestApp, slug: &str) -> i64 {
    app.scalar("SELECT count(*) FROM modules WHERE slug = $1", slug)
        .await
}

/// An admin's «Роль» form on /admin/users.
async fn set_role(
    app: &TestApp,
    admin: &reqwest::Client,
    learner: i64,
    role: &str,
) -> (u16, String) {
    app.post_form(
        admin,
        "admin/users/role",
        &[("learner_id", learner.to_string()), ("role", role.into())],
    )
    .await
}

async fn role_of(app: &TestApp, email: &str) -> String {
    app.scalar(
        "SELECT role::text FROM learners WHERE lower(email) = lower($1)",
        email,
    )
    .await
}

#[sqlx::test]
async fn the_first_admin_command_makes_an_admin_whose_grants_give_real_rights_and_take_them_back(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let hash = grader::auth::password::hash("boss-pass-2026").unwrap();
    let created = grader::admin::queries::ensure_admin(&app.pool, "boss@example.ru", &hash, "Босс")
        .await
        .unwrap();
    assert!(created);
    let again = grader::admin::queries::ensure_admin(&app.pool, "BOSS@example.ru", &hash, "Босс")
        .await
        .unwrap();
    assert!(!again, "an existing account is promoted, not duplicated");
    assert_eq!(role_of(&app, "boss@example.ru").await, "admin");

    let boss = new_client();
    let (status, body) = app.login(&boss, "boss@example.ru", "boss-pass-2026").await;
    assert!(status < 400, "the admin signs in: {status} {body}");
    let anna = new_client();
    app.register(&anna, "anna@example.ru", "python2026").await;
    let anna_id: i64 =
        sqlx::query_scalar("SELECT learner_id FROM learners WHERE email = 'anna@example.ru'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let (status, _) = app.get_as(&anna, "/admin/tokens").await;
    assert_eq!(status, 403, "a learner has no authoring");

    let (status, body) = set_role(&app, &boss, anna_id, "author").await;
    assert!(status < 400, "{status} {body}");
    assert_eq!(role_of(&app, "anna@example.ru").await, "author");

    // The granted role acts: Anna, in the session she already had, makes a token
    // and creates a module with it.
    let token = new_token(&app, &anna).await;
    assert_eq!(
        create_module_with_token(&app, &token, "by-token").await,
        201
    );
    assert_eq!(modules_named(&app, "by-token").await, 1);

    // Demoted, her token loses its rights at once.
    let (status, body) = set_role(&app, &boss, anna_id, "learner").await;
    assert!(status < 400, "{status} {body}");
    assert_eq!(
        create_module_with_token(&app, &token, "after-demotion").await,
        403
    );
    assert_eq!(
        modules_named(&app, "after-demotion").await,
        0,
        "nothing was created"
    );
    let (status, _) = app.get_as(&anna, "/admin/tokens").await;
    assert_eq!(status, 403, "nor does her session author anything");

    // The last admin cannot demote themselves: the role stays.
    let boss_id: i64 =
        sqlx::query_scalar("SELECT learner_id FROM learners WHERE email = 'boss@example.ru'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let (status, body) = set_role(&app, &boss, boss_id, "author").await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("единственный администратор"), "{body}");
    assert_eq!(role_of(&app, "boss@example.ru").await, "admin");
    // With a second admin, they can.
    set_role(&app, &boss, anna_id, "admin").await;
    let (status, body) = set_role(&app, &boss, boss_id, "author").await;
    assert!(status < 400, "{status} {body}");
    assert_eq!(role_of(&app, "boss@example.ru").await, "author");
}

/// Two admins demoting each other at the same moment: one change goes through,
/// the other finds its actor no longer an admin. Someone can always grant roles.
#[sqlx::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin(pool: PgPool) {
    use grader::admin::queries::set_role as change;
    use grader::auth::Role;
    for round in 0..20 {
        let mut ids = Vec::new();
        for who in ["a", "b"] {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO learners (email, password_hash, display_name, role)
                 VALUES ($1, 'not-a-hash', 'Админ', 'admin') RETURNING learner_id",
            )
            .bind(format!("{who}-{round}@example.ru"))
            .fetch_one(&pool)
            .await
            .unwrap();
            ids.push(id);
        }
        // Only these two are admins in this round.
        sqlx::query(
            "UPDATE learners SET role = 'learner' WHERE role = 'admin' AND learner_id <> ALL($1)",
        )
        .bind(&ids)
        .execute(&pool)
        .await
        .unwrap();
        let (first, second) = tokio::join!(
            change(&pool, ids[0], ids[1], Role::Learner),
            change(&pool, ids[1], ids[0], Role::Learner),
        );
        let admins: i64 = sqlx::query_scalar("SELECT count(*) FROM learners WHERE role = 'admin'")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(admins, 1, "round {round}: {first:?} {second:?}");
        assert!(
            first.is_ok() != second.is_ok(),
            "exactly one change went through: {first:?} {second:?}"
        );
        let refused = first.err().or(second.err()).unwrap();
        assert_eq!(refused.status(), 403, "the loser is no longer an admin");
    }
}

async fn bundle_of(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<u8> {
    let response = client
        .get(app.url(&format!("/api/v1/bundles{path}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/gzip");
    response.bytes().await.unwrap().to_vec()
}

async fn import(
    app: &TestApp,
    client: &reqwest::Client,
    bytes: Vec<u8>,
    dry_run: bool,
) -> (u16, Value) {
    let response = client
        .post(app.url(&format!("/api/v1/bundles?dry_run={dry_run}")))
        .header("content-type", "application/gzip")
        .body(bytes)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, parse(&response.text().await.unwrap()))
}

#[sqlx::test]
async fn an_exported_profession_reimports_as_no_change_and_an_edit_is_reported_before_it_applies(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let bytes = bundle_of(&app, &author, "/iot").await;

    let (status, report) = import(&app, &author, bytes.clone(), true).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["professions"], 1);
    assert_eq!(
        (
            report["created"].as_u64(),
            report["updated"].as_u64(),
            report["unpublished"].as_u64()
        ),
        (Some(0), Some(0), Some(0)),
        "{report}"
    );

    // Rename one topic inside the bundle.
    let mut files = grader::seeds::unpack(&bytes).unwrap();
    let (_, text) = files
        .iter_mut()
        .find(|(p, _)| p.to_string_lossy().contains("raspberry-pi-gpio"))
        .unwrap();
    let old_title: String = sqlx::query_scalar(
        "SELECT t.title FROM topics t JOIN modules m USING (module_id) WHERE m.slug = 'raspberry-pi-gpio' ORDER BY t.position LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    *text = text.replacen(&old_title, "Переименованная тема", 1);
    let edited = grader::seeds::pack(&files).unwrap();

    let (_, dry) = import(&app, &author, edited.clone(), true).await;
    assert_eq!(dry["updated"], 1, "{dry}");
    assert_eq!(dry["applied"], false);
    let still: i64 =
        sqlx::query_scalar("SELECT count(*) FROM topics WHERE title = 'Переименованная тема'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(still, 0, "a dry run changes nothing");

    let (_, applied) = import(&app, &author, edited, false).await;
    assert_eq!(applied["applied"], true);
    let now: i64 =
        sqlx::query_scalar("SELECT count(*) FROM topics WHERE title = 'Переименованная тема'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(now, 1);
    let others: i64 = sqlx::query_scalar("SELECT count(*) FROM professions WHERE is_active")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        others, 9,
        "a one-profession bundle leaves the other professions alone"
    );
}

#[sqlx::test]
async fn a_broken_bundle_is_a_422_that_names_the_file_and_changes_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let before = content_fingerprint(&app.pool).await;
    let (status, body) = import(&app, &author, b"not a tarball".to_vec(), false).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(content_fingerprint(&app.pool).await, before);

    let bytes = bundle_of(&app, &author, "").await;
    let mut files = grader::seeds::unpack(&bytes).unwrap();
    let (path, text) = files
        .iter_mut()
        .find(|(p, _)| p.to_string_lossy().ends_with(".toml") && p.to_string_lossy().contains('/'))
        .unwrap();
    let name = path.to_string_lossy().to_string();
    *text = text.replacen("title = ", "titel = ", 1);
    // A valid edit in another file of the same bundle is not applied either.
    if let Some((_, other)) = files
        .iter_mut()
        .find(|(p, t)| p.to_string_lossy() != name && t.contains("title = \""))
    {
        *other = other.replacen("title = \"", "title = \"Изменено ", 1);
    }
    let (status, body) = import(&app, &author, grader::seeds::pack(&files).unwrap(), false).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["message"].as_str().unwrap().contains(&name), "{body}");
    assert_eq!(
        content_fingerprint(&app.pool).await,
        before,
        "nothing changed"
    );
}

#[sqlx::test]
async fn check_code_runs_the_snippet_and_its_output_becomes_the_answer(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.scratch_content().await;
    let new = json!({"slug": "sum", "title": "Что выведет?", "code": "print(sum([1, 2, 3]))", "answer": "5"});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/topics/{topic}/tasks"),
            Some(new),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let task: TaskRow = read(&body);
    let id = task.task_id;

    let (status, body) = app
        .api(&author, Method::POST, &format!("/tasks/{id}/run"), None)
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(read::<RunOutput>(&body).stdout, "6\n");

    // In /admin: run, then «Сделать ответом».
    let (status, _) = app
        .post_form(&author, "admin/task/run", &[("id", id.to_string())])
        .await;
    assert!(status < 400);
    let (status, body) = app
        .post_form(
            &author,
            "admin/task/use-output",
            &[("id", id.to_string()), ("version", task.version.clone())],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    let answer: String = app
        .scalar("SELECT correct_answer FROM tasks WHERE task_id = $1", id)
        .await;
    assert_eq!(answer, "6");

    // An empty answer is refused with a field message.
    let bad =
        json!({"version": "x", "slug": "sum", "title": "Т", "code": "print(1)", "answer": "  "});
    let (status, body) = app
        .api(&author, Method::PUT, &format!("/tasks/{id}"), Some(bad))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(read::<ErrorBody>(&body).fields[0].field, "answer");
}

#[sqlx::test]
async fn text_the_database_cannot_store_is_a_400_not_a_500(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.scratch_content().await;
    let nul = json!({"slug": "nul", "title": "Т", "code": "print(1)\u{0000}", "answer": "1"});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/topics/{topic}/tasks"),
            Some(nul),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(read::<ErrorBody>(&body).error, "bad_request");
}

#[sqlx::test]
async fn a_case_needs_one_answer_per_blank_and_once_published_learners_can_fill_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.open_scratch_content().await;
    let path = format!("/topics/{topic}/cases");
    let short = json!({"slug": "sum", "title": "Допишите", "template": "a = ___\nprint(a + ___)", "fields": ["1"]});
    let (status, body) = app.api(&author, Method::POST, &path, Some(short)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(read::<ErrorBody>(&body).fields[0].field, "fields");
    assert!(read::<ErrorBody>(&body).fields[0]
        .message
        .contains("Пропусков в шаблоне: 2"));

    let good = json!({"slug": "sum", "title": "Допишите", "template": "a = ___\nprint(a + ___)",
                      "fields": ["1", "2"], "is_active": true});
    let (status, body) = app.api(&author, Method::POST, &path, Some(good)).await;
    assert_eq!(status, 201, "{body}");
    let case: CaseRow = read(&body);
    let id = case.case_id;
    assert_eq!(case.fields, ["1", "2"]);

    let answer =
        json!({"kind": "case", "exercise_id": id, "client_id": uuid(), "fields": ["1", "3"]});
    let (status, body) = app
        .api(&app.client, Method::POST, "/answers", Some(answer))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(read::<Answered>(&body).feedback.score, 0.5);

    // A stale save is refused; the current version is accepted.
    let edit = json!({"slug": "sum", "title": "Допишите сумму", "template": "print(___)", "fields": ["3"],
                      "is_active": true, "version": case.version});
    let (status, body) = app
        .api(
            &author,
            Method::PUT,
            &format!("/cases/{id}"),
            Some(edit.clone()),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app
        .api(&author, Method::PUT, &format!("/cases/{id}"), Some(edit))
        .await;
    assert_eq!(status, 409);
}

#[sqlx::test]
async fn a_theory_card_is_created_as_a_draft_and_hidden_until_published(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.open_scratch_content().await;
    let card =
        json!({"slug": "what-is-none", "title": "Что такое None?", "body": "Значение «ничего»."});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/topics/{topic}/theory"),
            Some(card),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let id = read::<TheoryRow>(&body).theory_id;
    let answer =
        json!({"kind": "theory", "exercise_id": id, "client_id": uuid(), "understood": true});
    let (status, _) = app
        .api(&app.client, Method::POST, "/answers", Some(answer.clone()))
        .await;
    assert_eq!(status, 404, "a draft cannot be answered");

    let (status, body) = app
        .post_form(
            &author,
            "admin/publish",
            &[
                ("kind", "theory".into()),
                ("id", id.to_string()),
                ("publish", "yes".into()),
                ("return_to", "/admin".into()),
            ],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    let (status, body) = app
        .api(&app.client, Method::POST, "/answers", Some(answer))
        .await;
    assert_eq!(status, 200, "{body}");
}

#[sqlx::test]
async fn an_author_builds_a_profession_grade_and_project_checklist_that_learners_see_and_tick(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let profession = json!({"slug": "rust-backend", "title": "Rust-бэкенд", "summary": "Сервисы на Rust", "is_active": true});
    let (status, body) = app
        .api(&author, Method::POST, "/professions", Some(profession))
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            "/professions/rust-backend/grades",
            Some(json!({"level": "intern", "is_active": true})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let created: GradeRow = read(&body);
    let grade = created.grade_id;
    assert_eq!(created.slug, "intern");

    // One grade per level.
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            "/professions/rust-backend/grades",
            Some(json!({"level": "intern"})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(read::<ErrorBody>(&body).fields[0].field, "level");

    let project = json!({"slug": "todo-api", "title": "Todo API", "description": "REST на axum", "is_active": true});
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/grades/{grade}/projects"),
            Some(project),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let project = read::<ProjectRow>(&body).project_id;
    let (status, body) = app
        .api(
            &author,
            Method::POST,
            &format!("/projects/{project}/items"),
            Some(json!({"slug": "readme", "title": "README с запуском", "is_active": true})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let item_id = read::<ChecklistItemRow>(&body).project_item_id;

    // Learners see it all in the catalog and on the grade's page, and tick the item.
    let (_, list) = app
        .api(&app.client, Method::GET, "/professions?limit=100", None)
        .await;
    assert!(list.contains("Rust-бэкенд"), "{list}");
    let (status, page) = app.get("/professions/rust-backend/intern").await;
    assert_eq!(status, 200);
    assert!(page.contains("Todo API") && page.contains("README с запуском"));
    let learner = app.client_as(Who::Learner).await;
    let (status, body) = app
        .post_form(
            &learner,
            "learning/project-item",
            &[
                ("item_id", item_id.to_string()),
                ("done", "yes".into()),
                ("return_to", "/professions/rust-backend/intern".into()),
            ],
        )
        .await;
    assert!(status < 400, "{status} {body}");

    // A stale save is refused; the project with a tick needs confirmation to go.
    let stale = json!({"slug": "readme", "title": "README", "version": "2000-01-01 00:00:00+00"});
    let (status, _) = app
        .api(
            &author,
            Method::PUT,
            &format!("/project-items/{item_id}"),
            Some(stale),
        )
        .await;
    assert_eq!(status, 409);
    let (status, body) = app
        .api(
            &author,
            Method::DELETE,
            &format!("/projects/{project}"),
            None,
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(read::<ErrorBody>(&body).message.contains('1'));
    let (status, _) = app
        .api(
            &author,
            Method::DELETE,
            &format!("/projects/{project}?confirm=true"),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(&author, Method::DELETE, "/professions/rust-backend", None)
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(&author, Method::GET, "/professions/rust-backend", None)
        .await;
    assert_eq!(status, 404);
}

#[sqlx::test]
async fn a_renamed_grade_level_moves_its_url_and_unpublishing_a_profession_hides_it(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (status, body) = app
        .api(&author, Method::GET, "/professions/iot", None)
        .await;
    assert_eq!(status, 200, "{body}");
    let doc = parse(&body);
    let grade = |slug: &str| {
        doc["grades"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["slug"] == slug)
            .unwrap()
            .clone()
    };
    // The empty senior+ grade goes; middle+ takes its level and its URL.
    let senior = grade("senior-plus")["grade_id"].as_i64().unwrap();
    let (status, body) = app
        .api(&author, Method::DELETE, &format!("/grades/{senior}"), None)
        .await;
    assert_eq!(status, 204, "{body}");
    let middle = grade("middle-plus");
    let id = middle["grade_id"].as_i64().unwrap();
    let moved = json!({"level": "senior_plus", "description": "", "is_active": true, "version": middle["version"]});
    let (status, body) = app
        .api(&author, Method::PUT, &format!("/grades/{id}"), Some(moved))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(read::<GradeRow>(&body).slug, "senior-plus");
    assert_eq!(app.get("/professions/iot/senior-plus").await.0, 200);
    assert_eq!(app.get("/professions/iot/middle-plus").await.0, 404);

    let p = &doc["profession"];
    let hidden = json!({"slug": "iot", "title": p["title"], "summary": p["summary"], "is_active": false, "version": p["version"]});
    let (status, body) = app
        .api(&author, Method::PUT, "/professions/iot", Some(hidden))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app
        .api(&app.client, Method::GET, "/professions?limit=100", None)
        .await;
    assert!(!list.contains("\"iot\""), "{list}");
}

#[sqlx::test]
async fn lists_under_a_missing_parent_are_404s_and_under_an_empty_one_are_empty(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    for path in [
        "/grades/999999/modules",
        "/grades/999999/projects",
        "/modules/999999/topics",
        "/topics/999999/questions",
        "/topics/999999/tasks",
        "/topics/999999/theory",
        "/topics/999999/cases",
        "/projects/999999/items",
    ] {
        let (status, body) = app.api(&author, Method::GET, path, None).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    let (_, topic, _) = app.scratch_content().await;
    let (status, body) = app
        .api(
            &author,
            Method::GET,
            &format!("/topics/{topic}/cases"),
            None,
        )
        .await;
    assert_eq!((status, body.as_str()), (200, "[]"));
}
