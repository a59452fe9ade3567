//! What only «what does this code print» tasks have: «Проверить код» runs the
//! author's snippet in the code sandbox (`crate::sandbox`), and «Сделать ответом»
//! makes its output the task's answer.

use sqlx::PgPool;

use super::core::stale;
use super::types::RunOutput;
use crate::error::AppError;
use crate::sandbox::Sandbox;

pub async fn run(sandbox: &Sandbox, code: &str) -> Result<RunOutput, AppError> {
    if code.trim().is_empty() {
        return Err(AppError::invalid("code", "Код пустой: нечего запускать."));
    }
    let out = sandbox.run_python(code).await?;
    let mut stderr = out.stderr;
    if out.truncated {
        stderr.push_str("\n[Вывод обрезан: программа напечатала слишком много.]");
    }
    Ok(RunOutput {
        stdout: out.stdout,
        stderr,
        exit_code: out.exit_code,
        timed_out: out.timed_out,
    })
}

/// Sets a task's answer to what its code printed, if the task is still the
/// version that was run.
pub async fn use_output_as_answer(
    pool: &PgPool,
    id: i64,
    version: &str,
    output: &str,
) -> Result<(), AppError> {
    let answer = output.trim_end();
    if answer.trim().is_empty() {
        return Err(AppError::invalid(
            "answer",
            "Код ничего не напечатал: такой ответ не подойдёт.",
        ));
    }
    let done = sqlx::query!(
        "UPDATE tasks SET correct_answer = $3 WHERE task_id = $1 AND updated_at::text = $2",
        id,
        version,
        answer
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        super::core::get::<super::types::TaskRow>(pool, id).await?;
        return Err(stale("Задачу"));
    }
    Ok(())
}
