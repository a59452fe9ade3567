use std::net::SocketAddr;
use std::path::Path;

use grader::server::{http, AppState};
use sqlx::PgPool;

/// A running Grader on a random port, against the test's own database.
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
}

impl TestApp {
    /// Loads the project's seeds, then serves on 127.0.0.1:0.
    pub async fn spawn(pool: PgPool) -> Self {
        load_seeds(&pool).await;
        let leptos = leptos::config::get_configuration(Some("Leptos.toml"))
            .unwrap()
            .leptos_options;
        let app = http::router(AppState {
            leptos_options: leptos,
            pool,
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp { address, client }
    }

    /// GETs a page; returns its status and body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("http://{}{path}", self.address))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }
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
