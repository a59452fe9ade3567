use grader::catalog::queries::{list_professions, profession_detail};
use grader::catalog::GradeLevel;
use grader::error::AppError;
use grader::learning::queries::{grade_path, module_view, topic_view, TopicSlugs};
use grader::learning::NodeState;
use sqlx::PgPool;

use crate::helpers::load_seeds;

#[sqlx::test]
async fn the_catalog_lists_professions_in_file_order_with_six_grade_chips(pool: PgPool) {
    load_seeds(&pool).await;
    let list = list_professions(&pool, None).await.unwrap();
    assert_eq!(list.len(), 9);
    assert_eq!(list[0].slug, "python-backend");
    assert_eq!(list[8].slug, "postgresql-dba");
    let levels: Vec<GradeLevel> = list[0].grades.iter().map(|g| g.level).collect();
    assert_eq!(levels, GradeLevel::ALL.to_vec());
    assert!(
        list[0].grades[0].has_content,
        "python-backend intern has modules"
    );
    assert_eq!(list[0].stars, 0.0, "no answers are stored: empty stars");
}

#[sqlx::test]
async fn an_unpublished_profession_is_not_found(pool: PgPool) {
    load_seeds(&pool).await;
    sqlx::query("UPDATE professions SET is_active = false WHERE slug = 'iot'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        profession_detail(&pool, None, "iot").await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(list_professions(&pool, None).await.unwrap().len(), 8);
}

#[sqlx::test]
async fn a_grade_path_opens_the_first_module_and_locks_the_rest(pool: PgPool) {
    load_seeds(&pool).await;
    let path = grade_path(&pool, None, "python-backend", "intern")
        .await
        .unwrap();
    assert_eq!(path.trail.level, GradeLevel::Intern);
    let states: Vec<NodeState> = path.modules.iter().map(|m| m.state).collect();
    assert_eq!(states[0], NodeState::Active);
    assert!(states[1..].iter().all(|s| *s == NodeState::Locked));
    assert_eq!(path.modules[0].title, "Основы Python");
    assert_eq!(path.modules[0].topic_count, 6);
    assert_eq!(
        path.modules[0].next_topic_slug.as_deref(),
        Some("immutable-types")
    );
}

#[sqlx::test]
async fn a_module_counts_each_kind_of_exercise_per_topic(pool: PgPool) {
    load_seeds(&pool).await;
    let m = module_view(&pool, None, "python-backend", "intern", "python-basics")
        .await
        .unwrap();
    assert_eq!(m.topics.len(), 6);
    for t in &m.topics {
        assert!(t.counts.theory >= 3 && t.counts.questions >= 3, "{t:?}");
        assert!(t.counts.tasks >= 2 && t.counts.cases >= 1, "{t:?}");
        assert_eq!(t.mastery_pct, 0);
    }
    sqlx::query("UPDATE theory SET is_active = false WHERE theory_id = (SELECT theory_id FROM theory JOIN topics USING (topic_id)
          WHERE topics.slug = 'immutable-types' ORDER BY theory.position LIMIT 1)")
        .execute(&pool)
        .await
        .unwrap();
    let after = module_view(&pool, None, "python-backend", "intern", "python-basics")
        .await
        .unwrap();
    assert_eq!(
        after.topics[0].counts.theory,
        m.topics[0].counts.theory - 1,
        "drafts are not counted"
    );
}

#[sqlx::test]
async fn a_topic_carries_no_correct_answers_or_explanations(pool: PgPool) {
    load_seeds(&pool).await;
    let t = topic_view(
        &pool,
        None,
        TopicSlugs {
            profession: "python-backend",
            grade: "intern",
            module: "python-basics",
            topic: "immutable-types",
        },
    )
    .await
    .unwrap();
    assert!(
        !t.theory.is_empty()
            && !t.questions.is_empty()
            && !t.tasks.is_empty()
            && !t.cases.is_empty()
    );
    let json = serde_json::to_string(&t).unwrap();
    let secrets: Vec<(String, Vec<String>)> = sqlx::query_as(
        "SELECT explanation, correct_fields FROM cases JOIN topics USING (topic_id) WHERE topics.slug = 'immutable-types'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for (explanation, _) in &secrets {
        assert!(
            !json.contains(explanation.as_str()),
            "an explanation leaked"
        );
    }
    assert!(!json.contains("correct"), "no field about correctness");
    assert_eq!(
        t.next_topic.as_ref().map(|n| n.slug.as_str()),
        Some("variables-naming")
    );
    // Each case shows one blank per correct field, without the fields themselves.
    for (c, (_, fields)) in t.cases.iter().zip(&secrets) {
        match &c.body {
            grader::learning::ExerciseBody::Case { parts, .. } => {
                assert_eq!(parts.len() - 1, fields.len())
            }
            other => panic!("not a case: {other:?}"),
        }
        assert!(c.feedback.is_none(), "nothing answered yet");
    }
}

#[sqlx::test]
async fn unknown_slugs_at_any_level_are_not_found(pool: PgPool) {
    load_seeds(&pool).await;
    assert_eq!(
        grade_path(&pool, None, "python-backend", "wizard")
            .await
            .unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        module_view(&pool, None, "python-backend", "intern", "nope")
            .await
            .unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        topic_view(
            &pool,
            None,
            TopicSlugs {
                profession: "python-backend",
                grade: "junior",
                module: "python-basics",
                topic: "immutable-types",
            },
        )
        .await
        .unwrap_err(),
        AppError::NotFound,
        "a topic is found only under its own grade"
    );
}
