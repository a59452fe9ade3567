//! The profile's reads: the learner, totals, streaks, the week and mastery per
//! profession and grade (from `mastery`).

use sqlx::PgPool;

use super::mastery::{percent, rollup};
use super::types::*;
use crate::auth::Role;
use crate::domain::stars;
use crate::domain::GradeLevel;
use crate::error::AppError;

/// The learner's profile; a visitor who never answered gets an empty one.
pub async fn profile(pool: &PgPool, learner: Option<i64>) -> Result<ProfileView, AppError> {
    let me = match learner {
        Some(id) => sqlx::query!(
            r#"SELECT display_name, email, time_zone, role AS "role: Role" FROM learners WHERE learner_id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await?
        .map(|r| (r.display_name, r.email, r.time_zone, r.role)),
        None => None,
    };
    let has_learner = me.is_some();
    let (display_name, email, time_zone, role) = me.unwrap_or_else(|| {
        (
            "Гость".to_string(),
            None,
            "Europe/Moscow".to_string(),
            Role::Learner,
        )
    });

    let totals = sqlx::query!(
        r#"SELECT count(*) AS "answers!", count(*) FILTER (WHERE is_correct) AS "correct!"
           FROM answers WHERE learner_id = $1"#,
        learner
    )
    .fetch_one(pool)
    .await?;

    let days = sqlx::query_scalar!(
        r#"SELECT DISTINCT ((answered_at AT TIME ZONE $2)::date - DATE '2000-01-01') AS "day!"
           FROM answers WHERE learner_id = $1 ORDER BY 1"#,
        learner,
        time_zone
    )
    .fetch_all(pool)
    .await?;
    let today = sqlx::query_scalar!(
        r#"SELECT ((now() AT TIME ZONE $1)::date - DATE '2000-01-01') AS "today!""#,
        time_zone
    )
    .fetch_one(pool)
    .await?;
    let (streak_current, streak_longest) = super::streak::streaks(&days, today);

    let week = sqlx::query!(
        r#"SELECT to_char(d, 'DD.MM') AS "date!", extract(isodow FROM d)::int AS "dow!",
                  (SELECT count(*) FROM answers a
                   WHERE a.learner_id = $1 AND (a.answered_at AT TIME ZONE $2)::date = d::date) AS "answers!"
           FROM generate_series((now() AT TIME ZONE $2)::date - 6, (now() AT TIME ZONE $2)::date,
                                interval '1 day') AS d
           ORDER BY d"#,
        learner,
        time_zone
    )
    .fetch_all(pool)
    .await?;
    const WEEKDAYS: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

    let mastery = rollup(pool, learner).await?;
    let grades = sqlx::query!(
        r#"SELECT p.profession_id, p.slug AS profession_slug, p.title, g.grade_id, g.slug,
                  g.level AS "level: GradeLevel"
           FROM grades g JOIN professions p USING (profession_id)
           WHERE g.is_active AND p.is_active
             AND EXISTS (SELECT 1 FROM modules m WHERE m.grade_id = g.grade_id AND m.is_active)
           ORDER BY p.position, p.profession_id, g.level"#
    )
    .fetch_all(pool)
    .await?;
    let mut professions: Vec<ProfessionProgress> = Vec::new();
    for g in grades {
        if professions
            .last()
            .is_none_or(|p| p.slug != g.profession_slug)
        {
            professions.push(ProfessionProgress {
                slug: g.profession_slug.clone(),
                title: g.title.clone(),
                stars: stars(mastery.profession(g.profession_id)),
                grades: Vec::new(),
            });
        }
        let m = mastery.grade(g.grade_id);
        if let Some(p) = professions.last_mut() {
            p.grades.push(GradeProgress {
                slug: g.slug,
                level: g.level,
                stars: stars(m),
                percent: percent(m),
            });
        }
    }

    Ok(ProfileView {
        has_learner,
        display_name,
        email,
        role,
        time_zone,
        xp: totals.correct * super::XP_PER_CORRECT,
        answers: totals.answers,
        streak_current,
        streak_longest,
        week: week
            .into_iter()
            .map(|d| DayActivity {
                weekday: WEEKDAYS[(d.dow.clamp(1, 7) - 1) as usize].to_string(),
                date: d.date,
                answers: d.answers,
            })
            .collect(),
        professions,
    })
}

pub async fn is_time_zone(pool: &PgPool, name: &str) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS "e!""#,
        name
    )
    .fetch_one(pool)
    .await?)
}

pub async fn update_profile(
    pool: &PgPool,
    learner: i64,
    name: &str,
    time_zone: &str,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE learners SET display_name = $2, time_zone = $3 WHERE learner_id = $1",
        learner,
        name,
        time_zone
    )
    .execute(pool)
    .await?;
    Ok(())
}
