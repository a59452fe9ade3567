//! The authorization matrix: every mutating route of the REST API and of /admin's
//! server functions, and every route that carries answer keys or e-mails, for a
//! guest, a learner, an author, an admin, and (on the REST API) an author's token
//! and a demoted author's token. Each cell runs against fresh rows and reads the
//! database before and after: an allowed write changed it, a refused one did not,
//! and a read changes nothing for anyone.

use reqwest::Method;
use serde_json::{json, Value};
use sqlx::PgPool;

use crate::helpers::*;

/// Fresh rows for one cell, with the versions an editor would have read.
pub struct Fixture {
    pub grade: i64,
    pub module: i64,
    pub topic: i64,
    pub question: i64,
    pub module_version: String,
    pub topic_version: String,
    pub question_version: String,
    pub task: i64,
    pub task_version: String,
    pub theory: i64,
    pub theory_version: String,
    pub case: i64,
    pub case_version: String,
    /// Some account, for role changes.
    pub account: i64,
    /// A fresh draft profession with an intern grade, a project and one item.
    pub profession: String,
    pub profession_id: i64,
    pub profession_version: String,
    pub own_grade: i64,
    pub own_grade_version: String,
    pub project: i64,
    pub project_version: String,
    pub item: i64,
    pub item_version: String,
    /// A bundle upload of the account that acts in the cell (retitles the IoT profession).
    pub upload: i64,
}

/// A draft profession of its own, so deleting it touches nothing else.
async fn scratch_profession(app: &TestApp) -> (String, i64, i64, i64, i64) {
    let slug = format!("prof-{}", &uuid()[..8]);
    let profession = app
        .id(
            "INSERT INTO professions (slug, title, is_active) VALUES ($1, 'Профессия', false)
         RETURNING profession_id",
            &slug,
        )
        .await;
    let grade = app.id("INSERT INTO grades (profession_id, level, slug) VALUES ($1, 'intern', 'intern') RETURNING grade_id", profession).await;
    let project = app.id("INSERT INTO projects (grade_id, slug, title) VALUES ($1, 'todo', 'Todo') RETURNING project_id", grade).await;
    let item = app.id("INSERT INTO project_items (project_id, slug, title, position) VALUES ($1, 'readme', 'README', 0)
         RETURNING project_item_id", project).await;
    // A second item, so that moving the first one changes something.
    sqlx::query(
        "INSERT INTO project_items (project_id, slug, title, position) VALUES ($1, 'ci', 'CI', 1)",
    )
    .bind(project)
    .execute(&app.pool)
    .await
    .unwrap();
    (slug, profession, grade, project, item)
}

/// The IoT profession's bundle with its title changed: applying it changes a row.
async fn retitled_bundle(app: &TestApp) -> Vec<u8> {
    let mut files = grader::seeds::export(&app.pool, Some("iot")).await.unwrap();
    let (_, catalog) = files
        .iter_mut()
        .find(|(p, _)| p.to_string_lossy() == "catalog.toml")
        .expect("a catalog in the bundle");
    *catalog = catalog.replacen("title = \"", &format!("title = \"{} ", &uuid()[..6]), 1);
    grader::seeds::pack(&files).unwrap()
}

/// The account that acts in a cell: the newest one with an e-mail (a guest has none,
/// so the upload belongs to a stranger).
async fn acting_account(app: &TestApp) -> i64 {
    let newest: Option<i64> =
        sqlx::query_scalar("SELECT max(learner_id) FROM learners WHERE email IS NOT NULL")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    match newest {
        Some(id) => id,
        None => sqlx::query_scalar(
            "INSERT INTO learners (email, password_hash) VALUES ($1, 'not-a-login') RETURNING learner_id",
        )
        .bind(format!("stranger-{}@example.ru", uuid()))
        .fetch_one(&app.pool)
        .await
        .unwrap(),
    }
}

async fn fixture(app: &TestApp, who: Who) -> Fixture {
    let owner = if who == Who::Guest {
        sqlx::query_scalar(
            "INSERT INTO learners (email, password_hash) VALUES ($1, 'not-a-login') RETURNING learner_id",
        )
        .bind(format!("stranger-{}@example.ru", uuid()))
        .fetch_one(&app.pool)
        .await
        .unwrap()
    } else {
        acting_account(app).await
    };
    let upload: i64 = sqlx::query_scalar(
        "INSERT INTO bundle_uploads (learner_id, file_name, bytes) VALUES ($1, 'iot.tar.gz', $2)
         RETURNING upload_id",
    )
    .bind(owner)
    .bind(retitled_bundle(app).await)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let (module, topic, question) = app.scratch_content().await;
    // A second topic, so that moving the first one changes something.
    sqlx::query(
        "INSERT INTO topics (module_id, slug, title, position) VALUES ($1, 't2', 'Тема 2', 1)",
    )
    .bind(module)
    .execute(&app.pool)
    .await
    .unwrap();
    // Its code prints something other than its answer: «Сделать ответом» changes it.
    let task = app
        .id(
            "INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer)
         VALUES ($1, 't', 'Что выведет?', 'print(7)', '1') RETURNING task_id",
            topic,
        )
        .await;
    let theory = app.id("INSERT INTO theory (topic_id, slug, title, body) VALUES ($1, 'th', 'Что такое None?', 'Ничего.')
         RETURNING theory_id", topic).await;
    let case = app
        .id(
            "INSERT INTO cases (topic_id, slug, title, code_template, correct_fields)
         VALUES ($1, 'c', 'Допишите', 'x = ___', '{1}') RETURNING case_id",
            topic,
        )
        .await;
    let (profession, profession_id, own_grade, project, item) = scratch_profession(app).await;
    Fixture {
        upload,
        profession_version: app.version("professions", profession_id).await,
        own_grade_version: app.version("grades", own_grade).await,
        project_version: app.version("projects", project).await,
        item_version: app.version("project_items", item).await,
        profession,
        profession_id,
        own_grade,
        project,
        item,
        theory,
        theory_version: app.version("theory", theory).await,
        case,
        case_version: app.version("cases", case).await,
        task,
        task_version: app.scalar("SELECT updated_at::text FROM tasks WHERE task_id = $1", task).await,
        grade: app.intern_grade().await,
        module,
        topic,
        question,
        module_version: app.version("modules", module).await,
        topic_version: app.version("topics", topic).await,
        question_version: app.version("questions", question).await,
        account: sqlx::query_scalar(
            "INSERT INTO learners (email, password_hash) VALUES ($1, 'not-a-login') RETURNING learner_id",
        )
        .bind(format!("someone-{}@example.ru", uuid()))
        .fetch_one(&app.pool)
        .await
        .unwrap(),
    }
}

/// What a role should get: guests 401, learners 403, the rest succeed.
fn expected(who: Who, admins_only: bool) -> &'static str {
    match who {
        Who::Guest => "401",
        Who::Learner => "403",
        Who::Author if admins_only => "403",
        Who::Author | Who::Admin => "ok",
    }
}

fn outcome(status: u16) -> &'static str {
    match status {
        200..=399 => "ok",
        401 => "401",
        403 => "403",
        _ => "other",
    }
}

/// Everything a cell could change: content, roles, tokens and bundle uploads.
async fn database_state(app: &TestApp) -> String {
    let rest: String = sqlx::query_scalar(
        "SELECT md5(coalesce(string_agg(row, '|' ORDER BY row), '')) FROM (
             SELECT learner_id || ':' || role::text AS row FROM learners WHERE email IS NOT NULL
             UNION ALL SELECT token_id || ':' || learner_id || ':' || coalesce(revoked_at::text, '') FROM api_tokens
             UNION ALL SELECT upload_id || ':' || coalesce(applied_at::text, '') FROM bundle_uploads
         ) rows",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    format!("{}{rest}", content_fingerprint(&app.pool).await)
}

/// What an allowed call does to the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    Writes,
    ReadsOnly,
}

/// The status class, and that the database agrees with it.
async fn assert_cell(
    app: &TestApp,
    what: &str,
    want: &str,
    effect: Effect,
    status: u16,
    text: &str,
    before: String,
) {
    assert_eq!(outcome(status), want, "{what}: {status} {text}");
    let changed = database_state(app).await != before;
    let should_change = want == "ok" && effect == Effect::Writes;
    assert_eq!(
        changed,
        should_change,
        "{what}: the database {} ({status} {text})",
        if changed { "changed" } else { "did not change" }
    );
}

type ApiCell = fn(&Fixture) -> (Method, String, Option<Value>);

/// A client that sends a bearer token and no cookies (a script, CI).
fn bearer(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "authorization",
        reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn check_api(pool: PgPool, effect: Effect, cell: ApiCell) {
    let app = TestApp::spawn(pool).await;
    for who in EVERYONE {
        let client = app.client_as(who).await;
        let f = fixture(&app, who).await;
        let (method, path, body) = cell(&f);
        let before = database_state(&app).await;
        let (status, text) = app.api(&client, method.clone(), &path, body).await;
        let what = format!("{method} {path} as {who:?}");
        assert_cell(
            &app,
            &what,
            expected(who, false),
            effect,
            status,
            &text,
            before,
        )
        .await;
    }
    // An author's personal token acts as the author; once the author is demoted,
    // the same token is refused.
    for demoted in [false, true] {
        app.client_as(Who::Author).await;
        let author = acting_account(&app).await;
        let f = fixture(&app, Who::Author).await;
        let token = grader::auth::tokens::create(&app.pool, author, "CI")
            .await
            .unwrap();
        if demoted {
            sqlx::query("UPDATE learners SET role = 'learner' WHERE learner_id = $1")
                .bind(author)
                .execute(&app.pool)
                .await
                .unwrap();
        }
        let (method, path, body) = cell(&f);
        let before = database_state(&app).await;
        let (status, text) = app.api(&bearer(&token), method.clone(), &path, body).await;
        let what = format!("{method} {path} with a token (demoted: {demoted})");
        let want = if demoted { "403" } else { "ok" };
        assert_cell(&app, &what, want, effect, status, &text, before).await;
    }
}

type FormCell = fn(&Fixture) -> Vec<(&'static str, String)>;

async fn check_server_fn(
    pool: PgPool,
    endpoint: &str,
    admins_only: bool,
    effect: Effect,
    cell: FormCell,
) {
    let app = TestApp::spawn(pool).await;
    for who in EVERYONE {
        let client = app.client_as(who).await;
        let f = fixture(&app, who).await;
        if endpoint == "admin/task/use-output" {
            // «Сделать ответом» takes the output of this session's «Проверить код».
            app.post_form(&client, "admin/task/run", &[("id", f.task.to_string())])
                .await;
        }
        let before = database_state(&app).await;
        let (status, text) = app.post_form(&client, endpoint, &cell(&f)).await;
        let what = format!("{endpoint} as {who:?}");
        assert_cell(
            &app,
            &what,
            expected(who, admins_only),
            effect,
            status,
            &text,
            before,
        )
        .await;
    }
}

fn section(slug: &str) -> Value {
    json!({"slug": slug, "title": "Новое", "description": "", "is_active": false})
}

fn question() -> Value {
    json!({"slug": "new-q", "title": "Сколько?", "options": ["1", "2"], "correct_answers": [1]})
}

fn task() -> Value {
    json!({"slug": "new-t", "title": "Что выведет?", "code": "print(2 + 2)", "answer": "4"})
}

fn theory() -> Value {
    json!({"slug": "new-th", "title": "Что такое str?", "body": "Строка."})
}

fn case() -> Value {
    json!({"slug": "new-c", "title": "Допишите", "template": "print(___)", "fields": ["1"]})
}

fn profession(slug: &str) -> Value {
    json!({"slug": slug, "title": "Профессия", "summary": "", "is_active": false})
}

fn versioned(mut v: Value, version: &str) -> Value {
    v["version"] = json!(version);
    v
}

macro_rules! api_cells {
    ($effect:expr; $($name:ident => $cell:expr;)*) => {$(
        #[sqlx::test]
        async fn $name(pool: PgPool) {
            check_api(pool, $effect, $cell).await;
        }
    )*};
}

macro_rules! server_fn_cells {
    ($effect:expr; $($name:ident => ($endpoint:expr, $admins_only:expr, $cell:expr);)*) => {$(
        #[sqlx::test]
        async fn $name(pool: PgPool) {
            check_server_fn(pool, $endpoint, $admins_only, $effect, $cell).await;
        }
    )*};
}

api_cells! { Effect::Writes;
    api_post_modules_needs_an_author => |f| (Method::POST, format!("/grades/{}/modules", f.grade), Some(section(&format!("api-module-{}", f.module))));
    api_put_module_needs_an_author => |f| (Method::PUT, format!("/modules/{}", f.module), Some(versioned(section(&format!("renamed-{}", f.module)), &f.module_version)));
    api_delete_module_needs_an_author => |f| (Method::DELETE, format!("/modules/{}", f.module), None);
    api_post_topics_needs_an_author => |f| (Method::POST, format!("/modules/{}/topics", f.module), Some(section("api-topic")));
    api_put_topic_needs_an_author => |f| (Method::PUT, format!("/topics/{}", f.topic), Some(versioned(section("renamed"), &f.topic_version)));
    api_delete_topic_needs_an_author => |f| (Method::DELETE, format!("/topics/{}", f.topic), None);
    api_post_questions_needs_an_author => |f| (Method::POST, format!("/topics/{}/questions", f.topic), Some(question()));
    api_put_question_needs_an_author => |f| (Method::PUT, format!("/questions/{}", f.question), Some(versioned(question(), &f.question_version)));
    api_delete_question_needs_an_author => |f| (Method::DELETE, format!("/questions/{}", f.question), None);
    api_post_tasks_needs_an_author => |f| (Method::POST, format!("/topics/{}/tasks", f.topic), Some(task()));
    api_put_task_needs_an_author => |f| (Method::PUT, format!("/tasks/{}", f.task), Some(versioned(task(), &f.task_version)));
    api_delete_task_needs_an_author => |f| (Method::DELETE, format!("/tasks/{}", f.task), None);
    api_post_theory_needs_an_author => |f| (Method::POST, format!("/topics/{}/theory", f.topic), Some(theory()));
    api_put_theory_needs_an_author => |f| (Method::PUT, format!("/theory/{}", f.theory), Some(versioned(theory(), &f.theory_version)));
    api_delete_theory_needs_an_author => |f| (Method::DELETE, format!("/theory/{}", f.theory), None);
    api_post_cases_needs_an_author => |f| (Method::POST, format!("/topics/{}/cases", f.topic), Some(case()));
    api_put_case_needs_an_author => |f| (Method::PUT, format!("/cases/{}", f.case), Some(versioned(case(), &f.case_version)));
    api_delete_case_needs_an_author => |f| (Method::DELETE, format!("/cases/{}", f.case), None);
    api_post_professions_needs_an_author => |f| (Method::POST, "/professions".into(), Some(profession(&format!("new-{}", f.profession))));
    api_put_profession_needs_an_author => |f| (Method::PUT, format!("/professions/{}", f.profession), Some(versioned(profession(&f.profession), &f.profession_version)));
    api_delete_profession_needs_an_author => |f| (Method::DELETE, format!("/professions/{}", f.profession), None);
    api_post_grades_needs_an_author => |f| (Method::POST, format!("/professions/{}/grades", f.profession), Some(json!({"level": "junior"})));
    api_put_grade_needs_an_author => |f| (Method::PUT, format!("/grades/{}", f.own_grade), Some(versioned(json!({"level": "intern", "description": "Старт"}), &f.own_grade_version)));
    api_delete_grade_needs_an_author => |f| (Method::DELETE, format!("/grades/{}", f.own_grade), None);
    api_post_projects_needs_an_author => |f| (Method::POST, format!("/grades/{}/projects", f.own_grade), Some(section("blog")));
    api_put_project_needs_an_author => |f| (Method::PUT, format!("/projects/{}", f.project), Some(versioned(section("todo-api"), &f.project_version)));
    api_delete_project_needs_an_author => |f| (Method::DELETE, format!("/projects/{}", f.project), None);
    api_post_checklist_items_needs_an_author => |f| (Method::POST, format!("/projects/{}/items", f.project), Some(json!({"slug": "tests", "title": "Тесты"})));
    api_put_checklist_item_needs_an_author => |f| (Method::PUT, format!("/project-items/{}", f.item), Some(versioned(json!({"slug": "readme", "title": "README.md"}), &f.item_version)));
    api_delete_checklist_item_needs_an_author => |f| (Method::DELETE, format!("/project-items/{}", f.item), None);
}

// Reads that carry answer keys or unpublished content; running code stores nothing.
api_cells! { Effect::ReadsOnly;
    api_run_task_needs_an_author => |f| (Method::POST, format!("/tasks/{}/run", f.task), None);
    api_export_bundle_needs_an_author => |_| (Method::GET, "/bundles/iot".to_string(), None);
    api_get_question_with_its_answer_key_needs_an_author => |f| (Method::GET, format!("/questions/{}", f.question), None);
    api_get_task_with_its_answer_needs_an_author => |f| (Method::GET, format!("/tasks/{}", f.task), None);
}

fn s(v: impl ToString) -> String {
    v.to_string()
}

server_fn_cells! { Effect::Writes;
    admin_create_module_needs_an_author => ("admin/module/create", false, |f| vec![
        ("grade_id", s(f.grade)), ("slug", format!("form-module-{}", f.module)), ("title", s("Модуль"))]);
    admin_save_module_needs_an_author => ("admin/module/save", false, |f| vec![
        ("id", s(f.module)), ("version", f.module_version.clone()), ("slug", format!("renamed-{}", f.module)), ("title", s("Модуль"))]);
    admin_delete_module_needs_an_author => ("admin/module/delete", false, |f| vec![("id", s(f.module))]);
    admin_create_topic_needs_an_author => ("admin/topic/create", false, |f| vec![
        ("module_id", s(f.module)), ("slug", s("form-topic")), ("title", s("Тема"))]);
    admin_save_topic_needs_an_author => ("admin/topic/save", false, |f| vec![
        ("id", s(f.topic)), ("version", f.topic_version.clone()), ("slug", s("renamed")), ("title", s("Тема"))]);
    admin_delete_topic_needs_an_author => ("admin/topic/delete", false, |f| vec![("id", s(f.topic))]);
    admin_create_question_needs_an_author => ("admin/question/create", false, |f| vec![
        ("topic_id", s(f.topic)), ("slug", s("form-q")), ("title", s("Вопрос?")),
        ("options", s("да\nнет")), ("correct", s("1"))]);
    admin_save_question_needs_an_author => ("admin/question/save", false, |f| vec![
        ("id", s(f.question)), ("version", f.question_version.clone()), ("slug", s("q")), ("title", s("Вопрос?")),
        ("options", s("да\nнет")), ("correct", s("2"))]);
    admin_delete_question_needs_an_author => ("admin/question/delete", false, |f| vec![("id", s(f.question))]);
    admin_create_task_needs_an_author => ("admin/task/create", false, |f| vec![
        ("topic_id", s(f.topic)), ("slug", s("form-t")), ("title", s("Что выведет?")),
        ("code", s("print(3)")), ("answer", s("3"))]);
    admin_save_task_needs_an_author => ("admin/task/save", false, |f| vec![
        ("id", s(f.task)), ("version", f.task_version.clone()), ("slug", s("t")), ("title", s("Что выведет?")),
        ("code", s("print(5)")), ("answer", s("5"))]);
    admin_delete_task_needs_an_author => ("admin/task/delete", false, |f| vec![("id", s(f.task))]);
    admin_create_theory_needs_an_author => ("admin/theory/create", false, |f| vec![
        ("topic_id", s(f.topic)), ("slug", s("form-th")), ("title", s("Что такое int?")), ("body", s("Целое."))]);
    admin_save_theory_needs_an_author => ("admin/theory/save", false, |f| vec![
        ("id", s(f.theory)), ("version", f.theory_version.clone()), ("slug", s("th")), ("title", s("Что такое None?")),
        ("body", s("Пусто."))]);
    admin_delete_theory_needs_an_author => ("admin/theory/delete", false, |f| vec![("id", s(f.theory))]);
    admin_create_case_needs_an_author => ("admin/case/create", false, |f| vec![
        ("topic_id", s(f.topic)), ("slug", s("form-c")), ("title", s("Допишите")),
        ("template", s("a = ___\nb = ___")), ("fields", s("1\n2"))]);
    admin_save_case_needs_an_author => ("admin/case/save", false, |f| vec![
        ("id", s(f.case)), ("version", f.case_version.clone()), ("slug", s("c")), ("title", s("Допишите")),
        ("template", s("y = ___")), ("fields", s("2"))]);
    admin_delete_case_needs_an_author => ("admin/case/delete", false, |f| vec![("id", s(f.case))]);
    admin_publish_a_case_needs_an_author => ("admin/publish", false, |f| vec![
        ("kind", s("case")), ("id", s(f.case)), ("publish", s("no")), ("return_to", s("/admin"))]);
    admin_move_needs_an_author => ("admin/move", false, |f| vec![
        ("kind", s("topic")), ("id", s(f.topic)), ("direction", s("down")), ("return_to", s("/admin"))]);
    admin_publish_needs_an_author => ("admin/publish", false, |f| vec![
        ("kind", s("module")), ("id", s(f.module)), ("publish", s("yes")), ("return_to", s("/admin"))]);
    admin_create_profession_needs_an_author => ("admin/profession/create", false, |f| vec![
        ("slug", format!("form-{}", f.profession)), ("title", s("Профессия"))]);
    admin_save_profession_needs_an_author => ("admin/profession/save", false, |f| vec![
        ("id", s(f.profession_id)), ("version", f.profession_version.clone()), ("slug", f.profession.clone()), ("title", s("Новое имя"))]);
    admin_delete_profession_needs_an_author => ("admin/profession/delete", false, |f| vec![("id", s(f.profession_id))]);
    admin_create_grade_needs_an_author => ("admin/grade/create", false, |f| vec![
        ("profession_id", s(f.profession_id)), ("level", s("middle"))]);
    admin_save_grade_needs_an_author => ("admin/grade/save", false, |f| vec![
        ("id", s(f.own_grade)), ("version", f.own_grade_version.clone()), ("level", s("intern")), ("description", s("Старт"))]);
    admin_delete_grade_needs_an_author => ("admin/grade/delete", false, |f| vec![("id", s(f.own_grade))]);
    admin_create_project_needs_an_author => ("admin/project/create", false, |f| vec![
        ("grade_id", s(f.own_grade)), ("slug", s("blog")), ("title", s("Блог"))]);
    admin_save_project_needs_an_author => ("admin/project/save", false, |f| vec![
        ("id", s(f.project)), ("version", f.project_version.clone()), ("slug", s("todo")), ("title", s("Todo API"))]);
    admin_delete_project_needs_an_author => ("admin/project/delete", false, |f| vec![("id", s(f.project))]);
    admin_create_checklist_item_needs_an_author => ("admin/item/create", false, |f| vec![
        ("project_id", s(f.project)), ("slug", s("tests")), ("title", s("Тесты"))]);
    admin_save_checklist_item_needs_an_author => ("admin/item/save", false, |f| vec![
        ("id", s(f.item)), ("version", f.item_version.clone()), ("slug", s("readme")), ("title", s("README.md"))]);
    admin_delete_checklist_item_needs_an_author => ("admin/item/delete", false, |f| vec![("id", s(f.item))]);
    admin_publish_a_profession_needs_an_author => ("admin/publish", false, |f| vec![
        ("kind", s("profession")), ("id", s(f.profession_id)), ("publish", s("yes")), ("return_to", s("/admin"))]);
    admin_move_a_checklist_item_needs_an_author => ("admin/move", false, |f| vec![
        ("kind", s("item")), ("id", s(f.item)), ("direction", s("down")), ("return_to", s("/admin"))]);
    admin_create_token_needs_an_author => ("admin/tokens/create", false, |_| vec![("name", s("CI"))]);
    admin_set_role_needs_an_admin => ("admin/users/role", true, |f| vec![
        ("learner_id", s(f.account)), ("role", s("author"))]);
    admin_use_output_as_answer_needs_an_author => ("admin/task/use-output", false, |f| vec![
        ("id", s(f.task)), ("version", f.task_version.clone())]);
    admin_apply_own_bundle_needs_an_author => ("admin/bundles/apply", false, |f| vec![("upload_id", s(f.upload))]);
}

// Reads: answer keys, drafts, e-mails; running code and previews store nothing.
server_fn_cells! { Effect::ReadsOnly;
    admin_run_task_code_needs_an_author => ("admin/task/run", false, |f| vec![("id", s(f.task))]);
    admin_markdown_preview_needs_an_author => ("admin/markdown", false, |_| vec![("text", s("**жирный**"))]);
    admin_users_with_emails_need_an_admin => ("admin/users", true, |_| vec![]);
    admin_topic_preview_with_answers_needs_an_author => ("admin/topic/preview", false, |f| vec![("id", s(f.topic))]);
    admin_bundle_upload_report_needs_an_author => ("admin/bundles/upload", false, |f| vec![("id", s(f.upload))]);
    admin_question_with_its_key_needs_an_author => ("admin/question", false, |f| vec![("id", s(f.question))]);
}

#[sqlx::test]
async fn admin_revoke_token_needs_an_author_and_only_reaches_their_own_tokens(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let owner = app.client_as(Who::Author).await;
    app.post_form(&owner, "admin/tokens/create", &[("name", "CI".into())])
        .await;
    let token: i64 = sqlx::query_scalar("SELECT max(token_id) FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for (who, want) in [
        (Who::Guest, 401),
        (Who::Learner, 403),
        (Who::Author, 404),
        (Who::Admin, 404),
    ] {
        let client = app.client_as(who).await;
        let (status, body) = app
            .post_form(
                &client,
                "admin/tokens/revoke",
                &[("token_id", token.to_string())],
            )
            .await;
        assert_eq!(status, want, "{who:?}: {body}");
    }
    let (status, body) = app
        .post_form(
            &owner,
            "admin/tokens/revoke",
            &[("token_id", token.to_string())],
        )
        .await;
    assert!(status < 400, "the owner revokes it: {status} {body}");
}

#[sqlx::test]
async fn api_import_bundle_needs_an_author(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for who in EVERYONE {
        let client = app.client_as(who).await;
        let before = database_state(&app).await;
        let response = client
            .post(app.url("/api/v1/bundles?dry_run=false"))
            .header("content-type", "application/gzip")
            .body(retitled_bundle(&app).await)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        let what = format!("POST /bundles as {who:?}");
        assert_cell(
            &app,
            &what,
            expected(who, false),
            Effect::Writes,
            status,
            &text,
            before,
        )
        .await;
    }
}

/// Each learner's `column`, as text, by id.
async fn learners_column(app: &TestApp, column: &str) -> Vec<(i64, String)> {
    sqlx::query_as(&format!(
        "SELECT learner_id, {column}::text FROM learners ORDER BY learner_id"
    ))
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

/// A route for any signed-in account, whatever its role: a guest gets 401 and no
/// row changes; every role changes its own row's `column` and no other row.
async fn check_account_fn(pool: PgPool, endpoint: &str, form: &[(&str, String)], column: &str) {
    let app = TestApp::spawn(pool).await;
    for who in EVERYONE {
        let client = app.client_as(who).await;
        let me: Option<i64> = match who {
            Who::Guest => None,
            _ => sqlx::query_scalar("SELECT max(learner_id) FROM learners WHERE email IS NOT NULL")
                .fetch_one(&app.pool)
                .await
                .unwrap(),
        };
        let before = learners_column(&app, column).await;
        let (status, text) = app.post_form(&client, endpoint, form).await;
        let after = learners_column(&app, column).await;
        let changed: Vec<i64> = after
            .iter()
            .filter(|row| !before.contains(row))
            .map(|(id, _)| *id)
            .collect();
        let wanted = if who == Who::Guest { "401" } else { "ok" };
        assert_eq!(
            outcome(status),
            wanted,
            "{endpoint} as {who:?}: {status} {text}"
        );
        assert_eq!(
            changed,
            me.into_iter().collect::<Vec<_>>(),
            "{endpoint} as {who:?}"
        );
    }
}

#[sqlx::test]
async fn changing_the_password_needs_an_account_and_changes_only_its_own(pool: PgPool) {
    let form = [
        ("current_password", s("python2026")),
        ("new_password", s("python2027")),
    ];
    check_account_fn(pool, "auth/password", &form, "password_hash").await;
}

#[sqlx::test]
async fn signing_out_elsewhere_needs_an_account_and_ends_only_its_own_sessions(pool: PgPool) {
    check_account_fn(pool, "auth/logout-others", &[], "session_epoch").await;
}
