//! «Проверить код»: an author's snippet, run in the code sandbox (`crate::sandbox`).

pub use super::RunOutput;
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
