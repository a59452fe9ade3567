//! `/profile`: the name and time zone a learner edits, and the streak counted in
//! that time zone.

use sqlx::PgPool;

use crate::helpers::*;

/// The learner's own progress as the API reports it (the same query as /profile).
async fn progress(app: &TestApp) -> serde_json::Value {
    let response = app.fetch("/api/v1/progress").await;
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.unwrap()
}

async fn update_profile(app: &TestApp, name: &str, zone: &str) -> (u16, String) {
    app.post_form(
        &app.client,
        "progress/update-profile",
        &[("display_name", name.into()), ("time_zone", zone.into())],
    )
    .await
}

async fn stored_profile(app: &TestApp, email: &str) -> (String, String) {
    sqlx::query_as("SELECT display_name, time_zone FROM learners WHERE email = $1")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test]
async fn a_learner_renames_themselves_and_picks_a_time_zone_and_the_profile_shows_both(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    let (status, body) = app
        .register(&app.client, "vera@example.ru", "python2026")
        .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = update_profile(&app, "  Вера Павловна ", "Asia/Novosibirsk").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        stored_profile(&app, "vera@example.ru").await,
        ("Вера Павловна".to_string(), "Asia/Novosibirsk".to_string()),
        "stored trimmed"
    );
    let (status, page) = app.get("/profile").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1>Вера Павловна</h1>"),
        "the heading names the learner"
    );
    assert!(
        page.contains(r#"name="time_zone" value="Asia/Novosibirsk""#),
        "the form shows the zone in use"
    );
    assert_eq!(progress(&app).await["time_zone"], "Asia/Novosibirsk");
}

#[sqlx::test]
async fn an_unknown_time_zone_or_a_blank_name_is_refused_and_the_saved_profile_stays(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.register(&app.client, "vera@example.ru", "python2026")
        .await;
    update_profile(&app, "Вера", "Europe/Samara").await;

    let (status, body) = update_profile(&app, "Вера П.", "Mars/Olympus").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Неизвестный часовой пояс"), "{body}");
    let (status, body) = update_profile(&app, "   ", "Europe/Moscow").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("от 1 до 60 символов"), "{body}");
    let (status, body) = update_profile(&app, &"я".repeat(61), "Europe/Moscow").await;
    assert_eq!(status, 422, "{body}");

    assert_eq!(
        stored_profile(&app, "vera@example.ru").await,
        ("Вера".to_string(), "Europe/Samara".to_string()),
        "a refused change loses nothing already saved"
    );
}

/// Moves the learner's answers to these local times of the day before yesterday
/// and yesterday in `zone`, as timestamps (so the test does not depend on the hour
/// it runs at).
async fn answered_around_midnight(app: &TestApp, zone: &str) {
    sqlx::query(
        "WITH local_midnight AS (
             SELECT date_trunc('day', now() AT TIME ZONE $1) - interval '1 day' AS yesterday),
         stamped AS (
             SELECT answer_id, row_number() OVER (ORDER BY answer_id) AS n FROM answers)
         UPDATE answers a SET answered_at = CASE s.n
             WHEN 1 THEN (m.yesterday - interval '10 minutes') AT TIME ZONE $1
             ELSE (m.yesterday + interval '10 minutes') AT TIME ZONE $1 END
         FROM stamped s, local_midnight m WHERE a.answer_id = s.answer_id",
    )
    .bind(zone)
    .execute(&app.pool)
    .await
    .unwrap();
}

#[sqlx::test]
async fn the_streak_counts_days_in_the_learners_time_zone_across_midnight(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let theory = app.first_topic_theory().await;
    app.understand(&app.client, theory[0]).await;
    app.understand(&app.client, theory[1]).await;
    // 23:50 and 00:10 in Vladivostok (UTC+10): two local days, one UTC day
    // (13:50 and 14:10 UTC).
    answered_around_midnight(&app, "Asia/Vladivostok").await;

    let (status, body) = update_profile(&app, "Гость", "Asia/Vladivostok").await;
    assert_eq!(status, 200, "{body}");
    let local = progress(&app).await;
    assert_eq!(local["streak_longest"], 2, "{local}");
    assert_eq!(
        local["streak_current"], 2,
        "a run that ended yesterday still counts: {local}"
    );
    let (_, page) = app.get("/profile").await;
    assert!(
        page.contains("<strong>2</strong><span>дней подряд</span>"),
        "the profile shows the streak"
    );

    // The same two answers fall on one day in UTC.
    update_profile(&app, "Гость", "UTC").await;
    let utc = progress(&app).await;
    assert_eq!(utc["streak_longest"], 1, "{utc}");
    assert!(utc["streak_current"].as_u64().unwrap() <= 1, "{utc}");
}
