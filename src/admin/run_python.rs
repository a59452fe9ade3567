//! «Проверить код»: runs an author's snippet with python3 in a throwaway process —
//! an empty temporary directory, no environment, isolated mode (`-I`), CPU, memory,
//! file-size and process limits, a wall-clock timeout, no network (its own network
//! namespace when the server may create one, and an audit hook that refuses
//! sockets and subprocesses either way), and output capped.

use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;

pub use super::RunOutput;
use crate::error::AppError;

const WALL_CLOCK: Duration = Duration::from_secs(5);
const CPU_SECONDS: u64 = 3;
const MEMORY_BYTES: u64 = 256 * 1024 * 1024;
const OUTPUT_BYTES: usize = 64 * 1024;

/// Refuses what a «what does it print» snippet never needs.
const PRELUDE: &str = r#"
import sys
def _guard(event, args):
    if event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.fork", "ctypes.")):
        raise PermissionError("Grader: " + event + " is not allowed here")
sys.addaudithook(_guard)
del _guard
import runpy
runpy.run_path("snippet.py", run_name="__main__")
"#;

pub async fn run(code: &str) -> Result<RunOutput, AppError> {
    if code.trim().is_empty() {
        return Err(AppError::invalid("code", "Код пустой: нечего запускать."));
    }
    let dir = tempfile::tempdir().map_err(|_| AppError::Internal)?;
    std::fs::write(dir.path().join("snippet.py"), code).map_err(|_| AppError::Internal)?;
    let mut command = tokio::process::Command::new("python3");
    command
        .args(["-I", "-S", "-B", "-c", PRELUDE])
        .current_dir(dir.path())
        .env_clear()
        .env("PYTHONIOENCODING", "utf-8")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    // SAFETY: only async-signal-safe libc calls between fork and exec.
    unsafe {
        command.as_std_mut().pre_exec(|| {
            let limit = |resource, value: u64| {
                let l = libc::rlimit {
                    rlim_cur: value,
                    rlim_max: value,
                };
                libc::setrlimit(resource, &l);
            };
            limit(libc::RLIMIT_CPU, CPU_SECONDS);
            limit(libc::RLIMIT_AS, MEMORY_BYTES);
            limit(libc::RLIMIT_FSIZE, 1024 * 1024);
            limit(libc::RLIMIT_NOFILE, 64);
            // Its own (empty) network namespace where permitted, e.g. as root.
            libc::unshare(libc::CLONE_NEWNET);
            libc::setsid();
            Ok(())
        });
    }
    let mut child = command.spawn().map_err(|e| {
        tracing::error!(error = %e, "starting python3");
        AppError::Unavailable
    })?;
    let mut stdout = child.stdout.take().ok_or(AppError::Internal)?;
    let mut stderr = child.stderr.take().ok_or(AppError::Internal)?;
    let read = async {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let cap = OUTPUT_BYTES as u64 + 1;
        let mut stdout = (&mut stdout).take(cap);
        let mut stderr = (&mut stderr).take(cap);
        let (a, b) = tokio::join!(stdout.read_to_end(&mut out), stderr.read_to_end(&mut err));
        a.and(b).map(|_| (out, err))
    };
    let result = tokio::time::timeout(WALL_CLOCK, async {
        let streams = read.await;
        let status = child.wait().await;
        (streams, status)
    })
    .await;
    let text = |mut bytes: Vec<u8>| {
        bytes.truncate(OUTPUT_BYTES);
        String::from_utf8_lossy(&bytes).into_owned()
    };
    match result {
        Ok((Ok((out, err)), Ok(status))) => Ok(RunOutput {
            stdout: text(out),
            stderr: text(err),
            exit_code: status.code(),
            timed_out: false,
        }),
        Ok(_) => Err(AppError::Internal),
        Err(_) => Ok(RunOutput {
            stdout: String::new(),
            stderr: format!("Остановлено: дольше {} секунд.", WALL_CLOCK.as_secs()),
            exit_code: None,
            timed_out: true,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_snippet_prints_what_python_prints() {
        let out = run("print(1 + 1)\nprint('привет')").await.unwrap();
        assert_eq!(out.stdout, "2\nпривет\n");
        assert_eq!(out.exit_code, Some(0));
    }

    #[tokio::test]
    async fn an_endless_loop_is_stopped() {
        let out = run("while True:\n    pass").await.unwrap();
        assert!(out.timed_out || out.exit_code != Some(0), "{out:?}");
    }

    #[tokio::test]
    async fn sockets_subprocesses_and_big_allocations_are_refused() {
        let out = run("import socket\nsocket.socket()").await.unwrap();
        assert_ne!(out.exit_code, Some(0));
        assert!(out.stderr.contains("not allowed"), "{}", out.stderr);
        let out = run("import subprocess\nsubprocess.run(['ls'])")
            .await
            .unwrap();
        assert_ne!(out.exit_code, Some(0));
        let out = run("x = bytearray(1024 * 1024 * 1024)").await.unwrap();
        assert!(out.stderr.contains("MemoryError"), "{}", out.stderr);
    }
}
