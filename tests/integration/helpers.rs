use std::net::SocketAddr;
use std::path::Path;

use grader::startup::Application;
use sqlx::PgPool;

/// A running Grader on a random port, against the test's own database.
pub struct TestApp {
    pub address: SocketAddr,
    pub pool: PgPool,
    /// A browser-like client with its own cookie jar: one learner.
    pub client: reqwest::Client,
}

/// A new cookie jar: another browser, another learner.
pub fn new_client() -> reqwest::Client {
    // What a browser adds to a request from Grader's own page (the CSRF check
    // refuses state-changing requests without it or a matching Origin).
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "sec-fetch-site",
        reqwest::header::HeaderValue::from_static("same-origin"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

impl TestApp {
    /// Loads the project's seeds, then serves on 127.0.0.1:0.
    pub async fn spawn(pool: PgPool) -> Self {
        Self::spawn_with_sandbox(pool, grader::sandbox::SandboxConfig::default()).await
    }

    /// The same, with the code sandbox configured by the test (its own uid, say).
    pub async fn spawn_with_sandbox(pool: PgPool, sandbox: grader::sandbox::SandboxConfig) -> Self {
        load_seeds(&pool).await;
        grader::startup::migrate(&pool).await.unwrap();
        let leptos = leptos::config::get_configuration(Some("Leptos.toml"))
            .unwrap()
            .leptos_options;
        let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let app = Application::build(leptos, pool.clone(), sandbox, addr)
            .await
            .unwrap();
        let address = app.address();
        tokio::spawn(app.run_until(std::future::pending()));
        TestApp {
            address,
            pool,
            client: new_client(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// GETs a page; returns its status and body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        self.get_as(&self.client, path).await
    }

    pub async fn get_as(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = client.get(self.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// POSTs a form to a server function, as a fetch call would (JSON back).
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, String)],
    ) -> (u16, String) {
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        post_encoded(client, self.url(&format!("/api/{endpoint}")), body).await
    }

    /// Answers a theory card «Понимаю» with a new client id.
    pub async fn understand(&self, client: &reqwest::Client, theory_id: i64) -> (u16, String) {
        self.answer(
            client,
            "theory",
            theory_id,
            &uuid(),
            &[("understood", "yes".into())],
        )
        .await
    }

    pub async fn answer(
        &self,
        client: &reqwest::Client,
        kind: &str,
        id: i64,
        client_id: &str,
        extra: &[(&str, String)],
    ) -> (u16, String) {
        let mut form = vec![
            ("kind", kind.to_string()),
            ("exercise_id", id.to_string()),
            ("client_id", client_id.to_string()),
        ];
        form.extend(extra.iter().cloned());
        self.post_form(client, "learning/answer", &form).await
    }

    /// Answers a question with several options ticked (`picked[i]`).
    pub async fn pick(
        &self,
        client: &reqwest::Client,
        question: i64,
        options: &[i32],
    ) -> (u16, String) {
        let names: Vec<String> = options.iter().map(|i| format!("picked[{i}]")).collect();
        let form: Vec<(&str, String)> = names.iter().map(|n| (n.as_str(), "on".into())).collect();
        self.answer(client, "question", question, &uuid(), &form)
            .await
    }

    /// Answers a case with its blanks filled in order (`fields[i]`).
    pub async fn fill(
        &self,
        client: &reqwest::Client,
        case: i64,
        fields: &[String],
    ) -> (u16, String) {
        let names: Vec<String> = (0..fields.len()).map(|i| format!("fields[{i}]")).collect();
        let form: Vec<(&str, String)> = names
            .iter()
            .map(String::as_str)
            .zip(fields.iter().cloned())
            .collect();
        self.answer(client, "case", case, &uuid(), &form).await
    }

    pub async fn register(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> (u16, String) {
        let form = [
            ("email", email.to_string()),
            ("password", password.to_string()),
            ("display_name", "Аня".to_string()),
        ];
        self.post_form(client, "auth/register", &form).await
    }

    pub async fn login(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> (u16, String) {
        self.post_form(
            client,
            "auth/login",
            &[
                ("email", email.to_string()),
                ("password", password.to_string()),
            ],
        )
        .await
    }

    /// The first topic's ids, for answering.
    pub async fn first_topic_theory(&self) -> Vec<i64> {
        sqlx::query_scalar(
            "SELECT theory_id FROM theory JOIN topics USING (topic_id) WHERE topics.slug = 'immutable-types'
             ORDER BY theory.position",
        )
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    pub async fn answers_of_all(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM answers")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

/// A JSON body read as the type the server sends (a row, `Answered`, …), so a
/// change of shape fails the test where it reads the body.
pub fn read<T: serde::de::DeserializeOwned>(body: &str) -> T {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not the expected JSON ({e}): {body}"))
}

/// The API's error shape, `{error, message, fields?}`.
#[derive(Debug, serde::Deserialize)]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldProblem>,
}

#[derive(Debug, serde::Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// `name=value` of the first cookie a response sets.
pub fn cookie_set_by(response: &reqwest::Response) -> String {
    let header = response.headers().get("set-cookie").expect("a cookie");
    let cookie = header.to_str().unwrap().split(';').next().unwrap();
    cookie.to_string()
}

/// POSTs an urlencoded body as a page's fetch does (JSON back): status and body.
pub async fn post_encoded(client: &reqwest::Client, url: String, body: String) -> (u16, String) {
    let response = client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The topic page's mastery, read from its progress bar.
pub fn topic_percent(html: &str) -> u8 {
    let marker = "aria-label=\"Освоено ";
    let start = html.find(marker).expect("a mastery bar") + marker.len();
    html[start..].split(' ').next().unwrap().parse().unwrap()
}

pub async fn load_seeds(pool: &PgPool) -> grader::seeds::SeedReport {
    grader::seeds::load_dir(pool, Path::new("seeds"))
        .await
        .expect("the project's seeds load")
}

/// Writes seed files into a temporary folder: the catalog and one module file.
pub fn seed_dir(catalog: &str, module: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), catalog).unwrap();
    if let Some(module) = module {
        std::fs::create_dir_all(dir.path().join("p/intern")).unwrap();
        std::fs::write(dir.path().join("p/intern/01-m.toml"), module).unwrap();
    }
    dir
}

pub const CATALOG: &str = r#"
[[profession]]
slug = "python-backend"
title = "Бэкендер"
summary = "Серверная часть"

[[profession.grade]]
level = "intern"
description = "Основы языка"

[[profession.grade]]
level = "junior"
description = "ООП"
"#;

pub const MODULE: &str = r#"
profession = "python-backend"
grade = "intern"
slug = "basics"
position = 1
title = "Основы"

[[topic]]
slug = "types"
title = "Типы"

[[topic.theory]]
slug = "t1"
title = "Что такое int?"
body = "Целое число."
explanation = "Запомните."

[[topic.question]]
slug = "q1"
title = "Какой тип неизменяемый?"
options = ["list", "tuple"]
correct = [1]
explanation = "tuple нельзя изменить."

[[topic.task]]
slug = "k1"
title = "Что выведет код?"
code = "print(2 + 3)"
answer = "5"
explanation = "Сложение."

[[topic.case]]
slug = "c1"
title = "Допишите"
template = "x = ___\nprint(x)"
fields = ["1"]
explanation = "Присваивание."
"#;

/// Who makes a request in the authorization tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Guest,
    Learner,
    Author,
    Admin,
}

pub const EVERYONE: [Who; 4] = [Who::Guest, Who::Learner, Who::Author, Who::Admin];

impl TestApp {
    /// A client signed in with that role (a guest has a cookie jar and nothing else).
    pub async fn client_as(&self, who: Who) -> reqwest::Client {
        let client = new_client();
        let role = match who {
            Who::Guest => return client,
            Who::Learner => "learner",
            Who::Author => "author",
            Who::Admin => "admin",
        };
        let email = format!("{role}-{}@example.ru", uuid());
        let (status, body) = self.register(&client, &email, "python2026").await;
        assert!(status < 400, "register: {status} {body}");
        sqlx::query(
            "UPDATE learners SET role = $2::text::account_role WHERE lower(email) = lower($1)",
        )
        .bind(&email)
        .bind(role)
        .execute(&self.pool)
        .await
        .unwrap();
        client
    }

    /// A JSON request to the REST API; returns status and body.
    pub async fn api(
        &self,
        client: &reqwest::Client,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, String) {
        let mut request = client.request(method, self.url(&format!("/api/v1{path}")));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// The seeded Python backend intern grade.
    pub async fn intern_grade(&self) -> i64 {
        sqlx::query_scalar(
            "SELECT grade_id FROM grades JOIN professions USING (profession_id)
             WHERE professions.slug = 'python-backend' AND grades.slug = 'intern'",
        )
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }

    /// A fresh draft module with one topic holding one question: (module, topic, question).
    pub async fn scratch_content(&self) -> (i64, i64, i64) {
        self.scratch(false).await
    }

    /// The same, published, and first on the intern path (so open to anyone):
    /// learners can answer what an author publishes in it.
    pub async fn open_scratch_content(&self) -> (i64, i64, i64) {
        self.scratch(true).await
    }

    async fn scratch(&self, published: bool) -> (i64, i64, i64) {
        let grade = self.intern_grade().await;
        let slug = format!("scratch-{}", &uuid()[..8]);
        let module: i64 = sqlx::query_scalar(
            "INSERT INTO modules (grade_id, slug, title, is_active, position)
             VALUES ($1, $2, 'Черновик', $3, CASE WHEN $3 THEN -1 ELSE 99 END)
             RETURNING module_id",
        )
        .bind(grade)
        .bind(&slug)
        .bind(published)
        .fetch_one(&self.pool)
        .await
        .unwrap();
        let topic = self.id("INSERT INTO topics (module_id, slug, title) VALUES ($1, 't', 'Тема') RETURNING topic_id", module).await;
        let question = self
            .id(
                "INSERT INTO questions (topic_id, slug, title, options, correct_answers)
             VALUES ($1, 'q', 'Вопрос?', ARRAY['да', 'нет'], ARRAY[0]) RETURNING question_id",
                topic,
            )
            .await;
        (module, topic, question)
    }

    /// One bigint from `sql` with `param` bound as $1: the id an INSERT … RETURNING
    /// gives, say.
    pub async fn id<P>(&self, sql: &str, param: P) -> i64
    where
        P: for<'q> sqlx::Encode<'q, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send,
    {
        sqlx::query_scalar(sql)
            .bind(param)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// One value from `sql` with `param` bound as $1.
    pub async fn scalar<T, P>(&self, sql: &str, param: P) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin,
        P: for<'q> sqlx::Encode<'q, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send,
    {
        sqlx::query_scalar(sql)
            .bind(param)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// GETs `path` with the app's own client (no account), whatever the status.
    pub async fn fetch(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// The `updated_at::text` version of a row, as the API hands it out.
    pub async fn version(&self, table: &str, id: i64) -> String {
        let key = match table {
            "modules" => "module_id",
            "topics" => "topic_id",
            "theory" => "theory_id",
            "cases" => "case_id",
            "professions" => "profession_id",
            "grades" => "grade_id",
            "projects" => "project_id",
            "project_items" => "project_item_id",
            "questions" => "question_id",
            "tasks" => "task_id",
            other => panic!("version(): no id column known for table {other}"),
        };
        sqlx::query_scalar(&format!(
            "SELECT updated_at::text FROM {table} WHERE {key} = $1"
        ))
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .unwrap()
    }
}

/// Every content row, as one digest: equal before and after means nothing changed.
pub async fn content_fingerprint(pool: &PgPool) -> String {
    sqlx::query_scalar(
        "SELECT md5(string_agg(row, '|' ORDER BY row)) FROM (
             SELECT p::text AS row FROM professions p UNION ALL SELECT g::text FROM grades g
             UNION ALL SELECT m::text FROM modules m UNION ALL SELECT t::text FROM topics t
             UNION ALL SELECT x::text FROM theory x UNION ALL SELECT q::text FROM questions q
             UNION ALL SELECT k::text FROM tasks k UNION ALL SELECT c::text FROM cases c
             UNION ALL SELECT j::text FROM projects j UNION ALL SELECT i::text FROM project_items i
         ) rows",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}
