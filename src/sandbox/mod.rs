//! The one way Grader runs untrusted Python (authors' «Проверить код» today,
//! learners' code next): python3 inside bubblewrap.
//!
//! What a run gets, and why:
//! - **Another user.** bwrap is started as `sandbox-uid` (65534, `nobody`, by
//!   default), never as the server's user: the server must run as root to switch,
//!   and when it cannot, code running is off. (Started as root, bwrap would map the
//!   sandbox's uid to root outside; see `switch_user`.)
//! - **Its own namespaces** (`--unshare-all`): pid (the host's processes, the
//!   server among them, cannot be seen or signalled), network (only an empty
//!   loopback: no database port, no internet), mount, ipc, uts, user.
//! - **Only what python3 needs**: `/usr` read-only (with the usual /bin, /lib
//!   links), a private /proc and a minimal /dev. No /etc, no host /proc, no data dir.
//!   The root and /dev are read-only; the only writable place is /tmp, a tmpfs of
//!   `DISK_BYTES` in all, however many files are written.
//! - **An empty environment** (`--clearenv`; python3 runs isolated, `-I -S -B`):
//!   inside there are only `PWD=/tmp` (bwrap's) and `LC_CTYPE=C.UTF-8` (python3's
//!   own locale coercion).
//! - **Limits**: CPU seconds, address space, open files, processes and file size
//!   (rlimits, inherited by everything inside), and a wall clock. python3 is the
//!   pid namespace's init: when it ends, the kernel kills every process left in
//!   the namespace. When time runs out bwrap is killed, and `--die-with-parent`
//!   kills python3 with it.
//! - **A bound on concurrent runs** (`sandbox-max-concurrent`): a caller waits a
//!   moment for a free slot, then gets 503 «попробуйте позже».
//!
//! At start `Sandbox::start` runs a self-test; if bwrap is missing or the test
//! fails, every run answers 503 with the reason. There is no fallback that runs
//! code without the sandbox.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Semaphore;

use crate::error::AppError;

/// Per-run limits. Generous for a «what does it print» snippet or a small
/// exercise, tight for anything that tries to hog the machine.
#[derive(Debug, Clone)]
pub struct Limits {
    pub wall: Duration,
    pub cpu_seconds: u64,
    /// Address space of each process (RLIMIT_AS).
    pub memory_bytes: u64,
    /// Processes and threads of the sandbox user (RLIMIT_NPROC).
    pub processes: u64,
    /// The whole writable /tmp (tmpfs size); also the largest single file.
    pub disk_bytes: u64,
    pub open_files: u64,
    /// What is kept of stdout and of stderr each.
    pub output_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            wall: Duration::from_secs(5),
            cpu_seconds: 3,
            memory_bytes: 256 * 1024 * 1024,
            processes: 32,
            disk_bytes: 16 * 1024 * 1024,
            open_files: 64,
            output_bytes: 64 * 1024,
        }
    }
}

/// Where the binaries are, who runs them, how many at once.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    pub bwrap: PathBuf,
    pub python: PathBuf,
    pub uid: u32,
    pub max_concurrent: usize,
    /// How long a run waits for a free slot before «занято».
    pub queue_wait: Duration,
    pub limits: Limits,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            bwrap: "/usr/bin/bwrap".into(),
            python: "/usr/bin/python3".into(),
            uid: 65534,
            max_concurrent: 4,
            queue_wait: Duration::from_secs(2),
            limits: Limits::default(),
        }
    }
}

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// None when it was killed (time, a signal).
    pub exit_code: Option<i32>,
    pub timed_out: bool,
    /// stdout or stderr was longer than `Limits::output_bytes` and was cut.
    pub truncated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SandboxError {
    /// Code running is switched off; the reason is for the page.
    #[error("{0}")]
    Off(String),
    /// Every slot is taken.
    #[error("busy")]
    Busy,
    /// bwrap could not be started or read (the cause is for the log).
    #[error("the sandbox failed: {0}")]
    Failed(String),
}

impl From<SandboxError> for AppError {
    fn from(e: SandboxError) -> Self {
        match e {
            SandboxError::Off(reason) => {
                AppError::ServiceUnavailable(format!("Запуск кода выключен: {reason}"))
            }
            SandboxError::Busy => AppError::ServiceUnavailable(
                "Сейчас проверяется слишком много кода. Попробуйте ещё раз через несколько секунд."
                    .into(),
            ),
            SandboxError::Failed(cause) => {
                tracing::error!(%cause, "the sandbox failed");
                AppError::Internal
            }
        }
    }
}

/// The sandbox: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Sandbox(Arc<Inner>);

struct Inner {
    config: SandboxConfig,
    /// None when ready; the reason when code running is off.
    off: Option<String>,
    slots: Semaphore,
}

impl Sandbox {
    /// Checks that the sandbox works (bwrap present, the server able to switch to
    /// the sandbox user, python3 ≥ 3.11 running as that user inside), and switches
    /// code running off with the reason if not.
    pub async fn start(config: SandboxConfig) -> Self {
        let probe = Self::build(config.clone(), None);
        let off = match probe.self_test().await {
            Ok(()) => {
                tracing::info!(uid = config.uid, "sandbox ready (bubblewrap)");
                None
            }
            Err(reason) => {
                tracing::error!(%reason, "code running is OFF: the sandbox failed its self-test");
                Some(reason)
            }
        };
        Self::build(config, off)
    }

    /// A sandbox that refuses every run with `reason` (tests, tools).
    pub fn off(reason: &str) -> Self {
        Self::build(SandboxConfig::default(), Some(reason.to_string()))
    }

    fn build(config: SandboxConfig, off: Option<String>) -> Self {
        let slots = Semaphore::new(config.max_concurrent.max(1));
        Self(Arc::new(Inner { config, off, slots }))
    }

    /// Why code running is off, if it is.
    pub fn off_reason(&self) -> Option<&str> {
        self.0.off.as_deref()
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.0.config
    }

    async fn self_test(&self) -> Result<(), String> {
        let c = &self.0.config;
        if !c.bwrap.exists() {
            return Err(format!(
                "не найден bubblewrap ({}); установите пакет bubblewrap",
                c.bwrap.display()
            ));
        }
        if !is_root() {
            return Err(
                "сервер запущен не от root и не может запускать код от отдельного \
                        пользователя песочницы"
                    .into(),
            );
        }
        if c.uid == 0 {
            return Err("sandbox-uid = 0: код нельзя запускать от root".into());
        }
        // The environment is empty but for what bwrap (PWD) and python3's own locale
        // coercion (LC_CTYPE) put there.
        let probe = "import os, sys\nprint(sys.version_info >= (3, 11), os.getuid(), \
                     sorted(os.environ) == ['LC_CTYPE', 'PWD'] or sorted(os.environ))";
        let out = self
            .run_unqueued(probe)
            .await
            .map_err(|e| format!("bubblewrap не запускается ({e})"))?;
        let expected = format!("True {} True", c.uid);
        if out.exit_code != Some(0) || out.stdout.trim() != expected {
            return Err(format!(
                "самопроверка песочницы не прошла (ожидали {expected:?}, получили {:?} {:?})",
                out.stdout.trim(),
                out.stderr.lines().last().unwrap_or_default()
            ));
        }
        Ok(())
    }

    /// Runs `code` as a python3 program inside the sandbox. The program reads its
    /// source from stdin, so its own stdin is empty.
    pub async fn run_python(&self, code: &str) -> Result<Outcome, SandboxError> {
        if let Some(reason) = &self.0.off {
            return Err(SandboxError::Off(reason.clone()));
        }
        let _slot = tokio::time::timeout(self.0.config.queue_wait, self.0.slots.acquire())
            .await
            .map_err(|_| SandboxError::Busy)?
            .map_err(|_| SandboxError::Busy)?;
        self.run_unqueued(code).await
    }

    async fn run_unqueued(&self, code: &str) -> Result<Outcome, SandboxError> {
        let c = &self.0.config;
        let limits = c.limits.clone();
        let mut command = tokio::process::Command::new(&c.bwrap);
        command
            // --as-pid-1: python3 is the namespace's init, so bwrap waits for it
            // directly (bwrap's own reaper would outlive bwrap as a zombie of the
            // host's init, and zombies count against the sandbox user's processes).
            .args([
                "--unshare-all",
                "--die-with-parent",
                "--as-pid-1",
                "--new-session",
            ])
            .args(["--cap-drop", "ALL", "--hostname", "sandbox"])
            .args(["--ro-bind", "/usr", "/usr"])
            .args(["--symlink", "usr/bin", "/bin"])
            .args(["--symlink", "usr/lib", "/lib"])
            .args(["--symlink", "usr/lib64", "/lib64"])
            .args(["--proc", "/proc", "--dev", "/dev"])
            .args(["--size", &limits.disk_bytes.to_string(), "--tmpfs", "/tmp"])
            .args(["--remount-ro", "/dev", "--remount-ro", "/"])
            .args(["--chdir", "/tmp", "--clearenv", "--"])
            .arg(&c.python)
            .args(["-I", "-S", "-B", "-"])
            // The sandbox user may not read the server's working directory.
            .current_dir("/")
            // bwrap itself (and so the namespace's init) sees no environment either.
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let uid = c.uid;
        // SAFETY: only async-signal-safe libc calls between fork and exec.
        unsafe {
            command.as_std_mut().pre_exec(move || {
                set_limits(&limits);
                switch_user(uid)
            });
        }
        let mut child = command
            .spawn()
            .map_err(|e| SandboxError::Failed(format!("starting bwrap: {e}")))?;
        let pipe = || SandboxError::Failed("no pipe to bwrap".into());
        let mut stdin = child.stdin.take().ok_or_else(pipe)?;
        let mut stdout = child.stdout.take().ok_or_else(pipe)?;
        let mut stderr = child.stderr.take().ok_or_else(pipe)?;
        let source = code.as_bytes().to_vec();
        let cap = c.limits.output_bytes;
        let exchange = async {
            let write = async {
                // A program that never reads the rest of its source is fine.
                let _ = stdin.write_all(&source).await;
                drop(stdin);
            };
            let ((), out, err) = tokio::join!(
                write,
                read_capped(&mut stdout, cap),
                read_capped(&mut stderr, cap)
            );
            (out, err)
        };
        let run = async {
            let (out, err) = exchange.await;
            let truncated = out.len() > cap || err.len() > cap;
            if truncated {
                // Still printing: stop it rather than let it fill a pipe forever.
                let _ = child.start_kill();
            }
            (out, err, truncated, child.wait().await)
        };
        let outcome = match tokio::time::timeout(c.limits.wall, run).await {
            Ok((out, err, truncated, status)) => {
                let status =
                    status.map_err(|e| SandboxError::Failed(format!("waiting for bwrap: {e}")))?;
                let mut outcome = Outcome {
                    stdout: text(out, cap),
                    stderr: text(err, cap),
                    exit_code: status.code(),
                    timed_out: false,
                    truncated,
                };
                // bwrap exits with 128 + N when the program was killed by signal N.
                if let Some(signal) = status.code().and_then(|c| c.checked_sub(128)) {
                    if signal > 0 && !truncated {
                        outcome.exit_code = None;
                        // Nothing but the CPU limit sends SIGKILL to a run that
                        // is still within its wall time.
                        outcome.timed_out = signal == libc::SIGXCPU || signal == libc::SIGKILL;
                        outcome.stderr.push_str(&if outcome.timed_out {
                            format!(
                                "\nОстановлено: программа заняла процессор дольше {} секунд.",
                                c.limits.cpu_seconds
                            )
                        } else {
                            format!("\nПрограмма остановлена сигналом {signal}.")
                        });
                    }
                }
                outcome
            }
            Err(_) => {
                // SIGKILL to bwrap: its init dies with it (--die-with-parent), and the
                // kernel kills whatever was left in the pid namespace. Reap it.
                let _ = child.start_kill();
                let _ = child.wait().await;
                Outcome {
                    stdout: String::new(),
                    stderr: format!(
                        "Остановлено: программа работала дольше {} секунд.",
                        c.limits.wall.as_secs()
                    ),
                    exit_code: None,
                    timed_out: true,
                    truncated: false,
                }
            }
        };
        Ok(outcome)
    }
}

/// Up to `cap + 1` bytes: one more than is kept tells that it was cut.
async fn read_capped(stream: &mut (impl tokio::io::AsyncRead + Unpin), cap: usize) -> Vec<u8> {
    let mut buffer = Vec::new();
    let _ = stream.take(cap as u64 + 1).read_to_end(&mut buffer).await;
    buffer
}

fn text(mut bytes: Vec<u8>, cap: usize) -> String {
    bytes.truncate(cap);
    String::from_utf8_lossy(&bytes).into_owned()
}

fn set_limits(l: &Limits) {
    let set = |resource, value: u64| {
        let limit = libc::rlimit {
            rlim_cur: value,
            rlim_max: value,
        };
        // SAFETY: setrlimit is async-signal-safe; a failure leaves the old limit,
        // and the self-test and the tests check that the limits hold.
        unsafe { libc::setrlimit(resource, &limit) };
    };
    // The kernel's SIGKILL at the limit: python3 is its namespace's init, which
    // would ignore a SIGXCPU it has no handler for.
    set(libc::RLIMIT_CPU, l.cpu_seconds);
    set(libc::RLIMIT_AS, l.memory_bytes);
    set(libc::RLIMIT_NPROC, l.processes);
    set(libc::RLIMIT_FSIZE, l.disk_bytes);
    set(libc::RLIMIT_NOFILE, l.open_files);
    set(libc::RLIMIT_CORE, 0);
}

/// Becomes the sandbox user before bwrap starts. bwrap then maps that user into
/// its own user namespace, so the code runs as `uid` both inside and outside. (As
/// root, bwrap would map the sandbox's uid to root outside: files root owns would
/// be the code's own.)
fn switch_user(uid: u32) -> std::io::Result<()> {
    // SAFETY: setgroups/setresgid/setresuid are async-signal-safe.
    unsafe {
        if libc::setgroups(0, std::ptr::null()) != 0
            || libc::setresgid(uid, uid, uid) != 0
            || libc::setresuid(uid, uid, uid) != 0
        {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(test)]
mod tests;
