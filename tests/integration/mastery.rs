//! Mastery as DESIGN.md defines it, through the real pipeline: answers posted
//! like a browser posts them, percentages read from the pages.

use sqlx::PgPool;

use crate::helpers::*;

const GRADE_PAGE: &str = "/professions/python-backend/intern";

/// A published module placed first on the intern path, with one topic per entry
/// of `theory_per_topic` holding that many theory cards. Returns the module's slug
/// and each topic's (slug, theory ids).
async fn first_module(
    app: &TestApp,
    theory_per_topic: &[usize],
) -> (String, Vec<(String, Vec<i64>)>) {
    let slug = format!("first-{}", &uuid()[..8]);
    let module: i64 = sqlx::query_scalar(
        "INSERT INTO modules (grade_id, slug, title, position) VALUES ($1, $2, 'Разминка', -1)
         RETURNING module_id",
    )
    .bind(app.intern_grade().await)
    .bind(&slug)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut topics = Vec::new();
    for (t, &cards) in theory_per_topic.iter().enumerate() {
        let topic_slug = format!("topic-{t}");
        let topic: i64 = sqlx::query_scalar(
            "INSERT INTO topics (module_id, slug, title, position) VALUES ($1, $2, 'Тема', $3)
             RETURNING topic_id",
        )
        .bind(module)
        .bind(&topic_slug)
        .bind(t as i32)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        let ids: Vec<i64> = sqlx::query_scalar(
            "INSERT INTO theory (topic_id, slug, title, body, position)
             SELECT $1, 'card-' || n, 'Карточка ' || n, 'Текст.', n FROM generate_series(1, $2) n
             RETURNING theory_id",
        )
        .bind(topic)
        .bind(cards as i32)
        .fetch_all(&app.pool)
        .await
        .unwrap();
        topics.push((topic_slug, ids));
    }
    (slug, topics)
}

async fn theory_answer(app: &TestApp, id: i64, understood: bool) {
    let value = if understood { "yes" } else { "no" };
    let (status, body) = app
        .answer(
            &app.client,
            "theory",
            id,
            &uuid(),
            &[("understood", value.into())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// A question of the seeded module that now comes second on the path.
async fn a_question_of(app: &TestApp, module: &str) -> (i64, i32) {
    sqlx::query_as(
        "SELECT question_id, correct_answers[1] FROM questions JOIN topics USING (topic_id)
         JOIN modules m USING (module_id) WHERE m.slug = $1 AND questions.is_active LIMIT 1",
    )
    .bind(module)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[sqlx::test]
async fn topics_at_70_and_90_percent_make_a_module_of_80_percent_that_opens_the_next(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (slug, topics) = first_module(&app, &[10, 10]).await;
    let (question, correct) = a_question_of(&app, "python-basics").await;
    let choice = [("choice", correct.to_string())];

    let (status, body) = app
        .answer(&app.client, "question", question, &uuid(), &choice)
        .await;
    assert_eq!(status, 403, "the second module is locked at first: {body}");

    for (cards, understood) in topics.iter().map(|(_, ids)| ids).zip([7, 9]) {
        for (i, &id) in cards.iter().enumerate() {
            theory_answer(&app, id, i < understood).await;
        }
    }
    let topic_page = |t: &str| format!("{GRADE_PAGE}/{slug}/{t}");
    assert_eq!(
        topic_percent(&app.get(&topic_page(&topics[0].0)).await.1),
        70
    );
    assert_eq!(
        topic_percent(&app.get(&topic_page(&topics[1].0)).await.1),
        90
    );
    let (_, path) = app.get(GRADE_PAGE).await;
    assert!(
        path.contains("2 темы · 80 %"),
        "the path shows the module at 80 %"
    );
    assert!(
        path.contains("Модуль 1: Разминка — пройден"),
        "complete at 80 %"
    );
    assert!(
        !path.contains("Модуль 2: Основы Python — закрыт"),
        "the next module opened"
    );
    let (status, body) = app
        .answer(&app.client, "question", question, &uuid(), &choice)
        .await;
    assert_eq!(
        status, 200,
        "the server's lock agrees with the page: {body}"
    );
}

#[sqlx::test]
async fn a_module_one_answer_short_of_80_percent_keeps_the_next_locked(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (_, topics) = first_module(&app, &[10, 10]).await;
    for (cards, understood) in topics.iter().map(|(_, ids)| ids).zip([7, 8]) {
        for (i, &id) in cards.iter().enumerate() {
            theory_answer(&app, id, i < understood).await;
        }
    }
    let (_, path) = app.get(GRADE_PAGE).await;
    assert!(path.contains("2 темы · 75 %"), "75 %");
    assert!(path.contains("Модуль 2: Основы Python — закрыт"));
    let (question, correct) = a_question_of(&app, "python-basics").await;
    let (status, _) = app
        .answer(
            &app.client,
            "question",
            question,
            &uuid(),
            &[("choice", correct.to_string())],
        )
        .await;
    assert_eq!(status, 403);
}

/// Topic % = 100 × sum of scores / number of active exercises, unanswered = 0,
/// a case scoring the fraction of its blanks filled right, drafts not counted.
#[sqlx::test]
async fn the_topic_percent_sums_partial_scores_over_the_active_exercises(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (slug, topics) = first_module(&app, &[3]).await;
    let (topic_slug, cards) = &topics[0];
    let topic = app
        .id(
            "SELECT topic_id FROM topics JOIN modules m USING (module_id) WHERE m.slug = $1",
            &slug,
        )
        .await;
    let question = app
        .id(
            "INSERT INTO questions (topic_id, slug, title, options, correct_answers)
         VALUES ($1, 'q', 'Вопрос?', ARRAY['да', 'нет'], ARRAY[0]) RETURNING question_id",
            topic,
        )
        .await;
    let task = app
        .id(
            "INSERT INTO tasks (topic_id, slug, title, code_question, correct_answer)
         VALUES ($1, 'k', 'Что выведет?', 'print(5)', '5') RETURNING task_id",
            topic,
        )
        .await;
    let case = app.id("INSERT INTO cases (topic_id, slug, title, code_template, correct_fields)
         VALUES ($1, 'c', 'Допишите', 'a = ___\nb = ___\nprint(___)', ARRAY['1', '2', 'a']) RETURNING case_id", topic).await;
    // A draft in the same topic does not count (it would make 7 exercises).
    sqlx::query(
        "INSERT INTO questions (topic_id, slug, title, options, correct_answers, is_active)
         VALUES ($1, 'draft', 'Черновик?', ARRAY['да', 'нет'], ARRAY[0], false)",
    )
    .bind(topic)
    .execute(&app.pool)
    .await
    .unwrap();

    theory_answer(&app, cards[0], true).await; // 1
    theory_answer(&app, cards[1], false).await; // 0; cards[2] unanswered: 0
    app.answer(
        &app.client,
        "question",
        question,
        &uuid(),
        &[("choice", "1".into())],
    )
    .await; // wrong: 0
    app.answer(&app.client, "task", task, &uuid(), &[("text", "5".into())])
        .await; // 1
    let (status, body) = app
        .answer(
            &app.client,
            "case",
            case,
            &uuid(),
            &[
                ("fields[0]", "1".into()),
                ("fields[1]", "3".into()),
                ("fields[2]", "a".into()),
            ],
        )
        .await; // 2 of 3 blanks
    assert_eq!(status, 200, "{body}");
    // (1 + 0 + 0 + 0 + 1 + 2/3) / 6 = 44.4 %.
    assert_eq!(
        read::<grader::learning::Answered>(&body).topic_pct,
        44,
        "{body}"
    );
    let (_, page) = app.get(&format!("{GRADE_PAGE}/{slug}/{topic_slug}")).await;
    assert_eq!(topic_percent(&page), 44);
    assert!(
        !page.contains("Черновик?"),
        "the draft is not on the topic page"
    );
}
