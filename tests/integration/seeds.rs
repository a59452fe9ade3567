use grader::seeds::load_dir;
use sqlx::PgPool;

use crate::helpers::*;

#[sqlx::test]
async fn loading_the_same_seeds_twice_changes_nothing_the_second_time(pool: PgPool) {
    let first = load_seeds(&pool).await;
    assert!(first.changed_rows > 0);
    let stamps: Vec<(i64, String)> =
        sqlx::query_as("SELECT theory_id, updated_at::text FROM theory ORDER BY theory_id")
            .fetch_all(&pool)
            .await
            .unwrap();

    let second = load_seeds(&pool).await;
    assert_eq!(second.changed_rows, 0, "{second:?}");
    assert_eq!(second.exercises, first.exercises);
    let again: Vec<(i64, String)> =
        sqlx::query_as("SELECT theory_id, updated_at::text FROM theory ORDER BY theory_id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(stamps, again);
}

#[sqlx::test]
async fn the_project_seeds_hold_nine_professions_and_the_intern_modules(pool: PgPool) {
    let report = load_seeds(&pool).await;
    assert_eq!(report.professions, 9);
    let grades: i64 = sqlx::query_scalar("SELECT count(*) FROM grades")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(grades, 54);
    let topics: Vec<String> = sqlx::query_scalar(
        "SELECT t.title FROM topics t JOIN modules m USING (module_id) JOIN grades g USING (grade_id)
         JOIN professions p USING (profession_id)
         WHERE p.slug = 'python-backend' AND g.level = 'intern' AND m.position = 2 ORDER BY t.position",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(topics.len(), 5);
    assert_eq!(topics[4], "Оператор match/case");
}

#[sqlx::test]
async fn editing_a_file_updates_rows_in_place_and_keeps_their_ids(pool: PgPool) {
    let dir = seed_dir(CATALOG, Some(MODULE));
    load_dir(&pool, dir.path()).await.unwrap();
    let (id, title): (i64, String) =
        sqlx::query_as("SELECT question_id, title FROM questions WHERE slug = 'q1'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(title, "Какой тип неизменяемый?");

    let edited = MODULE.replace("Какой тип неизменяемый?", "Какой из типов нельзя изменить?");
    let dir = seed_dir(CATALOG, Some(&edited));
    let report = load_dir(&pool, dir.path()).await.unwrap();
    assert_eq!(
        report.changed_rows, 1,
        "only the question changed: {report:?}"
    );
    let (same_id, new_title): (i64, String) =
        sqlx::query_as("SELECT question_id, title FROM questions WHERE slug = 'q1'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(same_id, id);
    assert_eq!(new_title, "Какой из типов нельзя изменить?");
}

#[sqlx::test]
async fn an_exercise_removed_from_its_file_is_unpublished_not_deleted(pool: PgPool) {
    let dir = seed_dir(CATALOG, Some(MODULE));
    load_dir(&pool, dir.path()).await.unwrap();
    let without_case = &MODULE[..MODULE.find("[[topic.case]]").unwrap()];
    let dir = seed_dir(CATALOG, Some(without_case));
    load_dir(&pool, dir.path()).await.unwrap();
    let active: bool = sqlx::query_scalar("SELECT is_active FROM cases WHERE slug = 'c1'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(!active);
}

#[sqlx::test]
async fn a_bad_file_names_file_entry_and_field_and_changes_nothing(pool: PgPool) {
    let dir = seed_dir(CATALOG, Some(MODULE));
    load_dir(&pool, dir.path()).await.unwrap();

    // A valid edit of the catalog together with a broken module: neither may land.
    let catalog = CATALOG.replace("Серверная часть", "Новое описание");
    let broken = MODULE.replace("correct = [1]", "correct = [7]");
    let dir = seed_dir(&catalog, Some(&broken));
    let err = load_dir(&pool, dir.path()).await.unwrap_err();
    let message = err.to_string();
    assert!(message.contains("01-m.toml"), "{message}");
    assert!(message.contains("question \"q1\""), "{message}");
    assert!(message.contains("`correct`"), "{message}");
    assert!(message.contains("out of range"), "{message}");

    let summary: String =
        sqlx::query_scalar("SELECT summary FROM professions WHERE slug = 'python-backend'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(summary, "Серверная часть");
}

#[sqlx::test]
async fn a_toml_syntax_error_is_reported_with_its_file(pool: PgPool) {
    let dir = seed_dir(
        CATALOG,
        Some("profession = \"python-backend\"\ntitle = '''unclosed"),
    );
    let err = load_dir(&pool, dir.path()).await.unwrap_err();
    assert!(err.to_string().contains("01-m.toml"), "{err}");
}

#[sqlx::test]
async fn a_case_with_fewer_answers_than_blanks_is_refused(pool: PgPool) {
    let broken = MODULE.replace(
        "template = \"x = ___\\nprint(x)\"",
        "template = \"x = ___\\nprint(x + ___)\"",
    );
    assert_ne!(broken, MODULE);
    let dir = seed_dir(CATALOG, Some(&broken));
    let err = load_dir(&pool, dir.path()).await.unwrap_err();
    assert!(err.to_string().contains("case \"c1\""), "{err}");
    assert!(err.to_string().contains("`fields`"), "{err}");
    let modules: i64 = sqlx::query_scalar("SELECT count(*) FROM modules")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(modules, 0);
}

#[sqlx::test]
async fn a_module_of_an_unknown_profession_is_refused(pool: PgPool) {
    let dir = seed_dir(
        CATALOG,
        Some(&MODULE.replace("profession = \"python-backend\"", "profession = \"nope\"")),
    );
    let err = load_dir(&pool, dir.path()).await.unwrap_err();
    assert!(err.to_string().contains("`profession`"), "{err}");
}

/// The seed files, /admin and the API apply one set of rules (authoring's): what
/// an author may save in a form may stand in a file, and what a form refuses a
/// file refuses too, on the same field.
#[sqlx::test]
async fn seed_files_follow_the_rules_of_the_authors_forms(pool: PgPool) {
    // An explanation is optional in a form, so it is in a file.
    let unexplained = MODULE.replace("explanation = \"Сложение.\"", "explanation = \"\"");
    let dir = seed_dir(CATALOG, Some(&unexplained));
    load_dir(&pool, dir.path()).await.unwrap();

    // An option listed twice is refused in both.
    let twice = MODULE.replace(r#"["list", "tuple"]"#, r#"["tuple", "tuple "]"#);
    let dir = seed_dir(CATALOG, Some(&twice));
    let message = load_dir(&pool, dir.path()).await.unwrap_err().to_string();
    assert!(message.contains("`options`"), "{message}");
    assert!(message.contains("listed twice"), "{message}");
    let app = TestApp::spawn(pool).await;
    let author = app.client_as(Who::Author).await;
    let (_, topic, _) = app.scratch_content().await;
    let (status, body) = app
        .post_form(
            &author,
            "admin/question/create",
            &[
                ("topic_id", topic.to_string()),
                ("slug", "twice".into()),
                ("title", "Какой тип неизменяемый?".into()),
                ("options", "tuple\ntuple ".into()),
                ("correct", "1".into()),
            ],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("options") && body.contains("дважды"),
        "{body}"
    );
}
