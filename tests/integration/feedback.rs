//! What a learner is shown about an answer is what was stored with it: an author
//! editing the key afterwards changes neither the verdict nor the mastery of
//! answers already given.

use sqlx::PgPool;

use super::helpers::*;

/// The topic page of `open_scratch_content`'s topic.
async fn scratch_topic_page(app: &TestApp, module: i64) -> String {
    let slug: String = app
        .scalar("SELECT slug FROM modules WHERE module_id = $1", module)
        .await;
    format!("/professions/python-backend/intern/{slug}/t")
}

async fn choose(app: &TestApp, client: &reqwest::Client, question: i64, option: usize) {
    let (status, body) = app
        .answer(
            client,
            "question",
            question,
            &uuid(),
            &[("choice", option.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

async fn make_option_correct(app: &TestApp, question: i64, option: i32) {
    sqlx::query("UPDATE questions SET correct_answers = ARRAY[$2] WHERE question_id = $1")
        .bind(question)
        .bind(option)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[sqlx::test]
async fn an_edited_key_changes_neither_the_verdict_nor_the_mastery_of_an_answer_given(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let (module, _, question) = app.open_scratch_content().await;
    let learner = new_client();
    choose(&app, &learner, question, 0).await; // «да»: right when answered
    let page = scratch_topic_page(&app, module).await;
    let (_, before) = app.get_as(&learner, &page).await;
    assert!(before.contains("Верно!"), "{before}");
    assert_eq!(topic_percent(&before), 100);

    make_option_correct(&app, question, 1).await;
    let (_, after) = app.get_as(&learner, &page).await;
    assert!(after.contains("Верно!"), "the verdict as graded: {after}");
    assert!(!after.contains("Неверно"), "not graded again: {after}");
    assert_eq!(topic_percent(&after), 100, "the mastery agrees with it");

    // A new answer is graded against the key as it is now.
    choose(&app, &learner, question, 0).await;
    let (_, again) = app.get_as(&learner, &page).await;
    assert!(again.contains("Неверно"), "{again}");
    assert_eq!(topic_percent(&again), 0);
}

#[sqlx::test]
async fn answers_stored_before_feedback_was_kept_get_theirs_once_at_start(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (module, _, question) = app.open_scratch_content().await;
    let learner = new_client();
    choose(&app, &learner, question, 1).await; // «нет»: wrong
    sqlx::query("UPDATE answers SET feedback = NULL")
        .execute(&app.pool)
        .await
        .unwrap();

    grader::startup::migrate(&app.pool).await.unwrap();
    let stored: serde_json::Value = app
        .scalar(
            "SELECT feedback FROM answers WHERE question_id = $1",
            question,
        )
        .await;
    assert_eq!(
        stored,
        serde_json::json!({"Question": {"chosen": [1], "correct": [0]}})
    );
    let (_, page) = app
        .get_as(&learner, &scratch_topic_page(&app, module).await)
        .await;
    assert!(page.contains("Неверно"), "{page}");

    // Filled once: a key edited later does not reach it.
    make_option_correct(&app, question, 1).await;
    grader::startup::migrate(&app.pool).await.unwrap();
    let (_, page) = app
        .get_as(&learner, &scratch_topic_page(&app, module).await)
        .await;
    assert!(page.contains("Неверно"), "{page}");
}

#[sqlx::test]
async fn a_retry_gets_the_stored_reply_even_after_the_key_changed(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, _, question) = app.open_scratch_content().await;
    let learner = new_client();
    let id = uuid();
    let first = app
        .answer(
            &learner,
            "question",
            question,
            &id,
            &[("choice", "0".into())],
        )
        .await;
    make_option_correct(&app, question, 1).await;
    let retry = app
        .answer(
            &learner,
            "question",
            question,
            &id,
            &[("choice", "0".into())],
        )
        .await;
    assert_eq!(first.0, 200);
    let verdict = |body: &str| {
        let a: grader::learning::Answered = read(body);
        (a.feedback.correct, a.feedback.detail)
    };
    assert_eq!(verdict(&retry.1), verdict(&first.1));
    assert_eq!(app.answers_of_all().await, 1);
}
