//! Untrusted Python through `POST /api/v1/tasks/{id}/run`: every snippet tries
//! to do harm and must fail, for the reason the sandbox gives; afterwards no
//! process of the sandbox's user is left alive.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use grader::sandbox::SandboxConfig;
use reqwest::Method;
use serde_json::{json, Value};
use sqlx::PgPool;

use crate::helpers::{uuid, TestApp, Who};

/// Each test's sandbox runs as a uid of its own, so that "no process left" counts
/// only that test's processes (tests run in parallel).
static NEXT_UID: AtomicU32 = AtomicU32::new(0);

fn config() -> SandboxConfig {
    let n = NEXT_UID.fetch_add(1, Ordering::SeqCst);
    SandboxConfig {
        uid: 61_000 + n,
        ..SandboxConfig::default()
    }
}

struct Lab {
    app: TestApp,
    author: reqwest::Client,
    topic: i64,
    uid: u32,
}

impl Lab {
    async fn new(pool: PgPool) -> Self {
        Self::with(pool, config()).await
    }

    async fn with(pool: PgPool, config: SandboxConfig) -> Self {
        let uid = config.uid;
        let app = TestApp::spawn_with_sandbox(pool, config).await;
        let author = app.client_as(Who::Author).await;
        let (_, topic, _) = app.scratch_content().await;
        Lab {
            app,
            author,
            topic,
            uid,
        }
    }

    /// Saves `code` as a task and presses «Проверить код»: (status, body).
    async fn run(&self, code: &str) -> (u16, Value) {
        let task = json!({"slug": format!("t-{}", &uuid()[..8]), "title": "Проверка",
            "code": code, "answer": "x"});
        let (status, body) = self
            .app
            .api(
                &self.author,
                Method::POST,
                &format!("/topics/{}/tasks", self.topic),
                Some(task),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        let id = serde_json::from_str::<Value>(&body).unwrap()["task_id"]
            .as_i64()
            .unwrap();
        let (status, body) = self
            .app
            .api(
                &self.author,
                Method::POST,
                &format!("/tasks/{id}/run"),
                None,
            )
            .await;
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// Runs `code`, expects a 200, and checks that one second after the reply
    /// nothing of the sandbox user is still running.
    async fn run_ok(&self, code: &str) -> Value {
        let (status, out) = self.run(code).await;
        assert_eq!(status, 200, "{out}");
        self.assert_nothing_left().await;
        out
    }

    async fn assert_nothing_left(&self) {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let left = processes_of(self.uid);
        assert!(left.is_empty(), "still running as {}: {left:?}", self.uid);
    }
}

/// The command lines of the processes that run as `uid`.
fn processes_of(uid: u32) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let path = entry.path();
        let Ok(status) = std::fs::read_to_string(path.join("status")) else {
            continue;
        };
        let runs_as = status
            .lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u32>().ok());
        // A zombie has ended already: it runs nothing and holds no memory.
        let zombie = status
            .lines()
            .any(|l| l.starts_with("State:") && l.contains('Z'));
        if runs_as == Some(uid) && !zombie {
            let cmdline = std::fs::read(path.join("cmdline")).unwrap_or_default();
            let field = |name: &str| {
                status
                    .lines()
                    .find(|l| l.starts_with(name))
                    .unwrap_or_default()
                    .to_string()
            };
            found.push(format!(
                "{} {} {} {}",
                path.display(),
                field("State:"),
                field("PPid:"),
                String::from_utf8_lossy(&cmdline).replace('\0', " ")
            ));
        }
    }
    found
}

fn stdout(out: &Value) -> &str {
    out["stdout"].as_str().unwrap_or_default()
}

fn server_is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The sandbox needs a root server (it switches to the sandbox user); as another
/// user code running is off, and that is tested instead.
macro_rules! root_only {
    () => {
        if !server_is_root() {
            eprintln!("skipped: the code sandbox needs the server to run as root");
            return;
        }
    };
}

#[sqlx::test]
async fn code_runs_as_the_sandbox_user_with_python_3_11_and_an_empty_environment(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let out = lab
        .run_ok(
            "import os, sys, tomllib\n\
             try:\n    raise ExceptionGroup('g', [ValueError(1)])\n\
             except* ValueError:\n    print('except* ok')\n\
             print(tomllib.loads('a = 1')['a'], os.getuid(), os.geteuid(), dict(os.environ))",
        )
        .await;
    assert_eq!(
        stdout(&out),
        format!(
            "except* ok\n1 {0} {0} {{'PWD': '/tmp', 'LC_CTYPE': 'C.UTF-8'}}\n",
            lab.uid
        ),
        "{out}"
    );
    assert_ne!(lab.uid, 0);
}

#[sqlx::test]
async fn spawned_processes_see_no_host_files_environ_or_processes(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let server = std::process::id();
    // The audit-hook bypass: _posixsubprocess.fork_exec starts /bin/sh unseen.
    let code = format!(
        "import multiprocessing.util, os, subprocess, time\n\
         r, w = os.pipe()\n\
         multiprocessing.util.spawnv_passfds(b'/bin/sh', [b'sh', b'-c', \
           b'cat /etc/shadow /proc/{server}/environ; ls /root /home /etc; kill -9 {server}; echo shell done'], [])\n\
         time.sleep(0.5)\n\
         print(os.system('cat /etc/passwd'))\n\
         print(subprocess.run(['id', '-u'], capture_output=True, text=True).stdout.strip())\n\
         print(sorted(os.listdir('/proc'))[:3], os.getppid())"
    );
    let out = lab.run_ok(&code).await;
    let text = format!("{}{}", stdout(&out), out["stderr"].as_str().unwrap());
    assert!(text.contains("shell done"), "{out}");
    assert!(!text.contains("root:"), "a host file leaked: {out}");
    assert!(
        !text.contains("DATABASE_URL"),
        "the server's environment leaked: {out}"
    );
    assert!(text.contains("/etc/shadow: No such file"), "{out}");
    assert!(
        text.contains(&format!("/proc/{server}/environ: No such file")),
        "{out}"
    );
    // `id -u` answers the sandbox's uid; the server's pid does not exist inside.
    assert!(stdout(&out).contains(&format!("\n{}\n", lab.uid)), "{out}");
    assert!(
        text.contains("No such process"),
        "kill reached something: {out}"
    );
    // The server (this process) is alive and still answers.
    let (status, _) = lab.app.get("/healthz").await;
    assert_eq!(status, 200);
}

#[sqlx::test]
async fn signalling_the_server_or_every_process_fails(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let code = format!(
        "import os, signal\n\
         try:\n\
         \x20   os.kill({server}, signal.SIGKILL); print('killed the server')\n\
         except OSError as e:\n\
         \x20   print(type(e).__name__)\n\
         try:\n\
         \x20   os.kill(-1, signal.SIGKILL); print('killed everything')\n\
         except OSError as e:\n\
         \x20   print(type(e).__name__)\n\
         print('alive', os.getpid(), os.getppid())\n",
        server = std::process::id()
    );
    let out = lab.run_ok(&code).await;
    // The server's pid does not exist in the sandbox's pid namespace, and «every
    // process» (-1) is only the sandbox's own: the code is its init, pid 1.
    assert_eq!(
        stdout(&out),
        "ProcessLookupError\nProcessLookupError\nalive 1 0\n",
        "{out}"
    );
    let (status, _) = lab.app.get("/healthz").await;
    assert_eq!(status, 200);
}

#[sqlx::test]
async fn a_fork_loop_is_bounded_and_leaves_nothing_behind(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let started = Instant::now();
    let out = lab
        .run_ok(
            "import os\n\
             n = 0\n\
             try:\n\
             \x20   while True:\n\
             \x20       if os.fork() == 0:\n\
             \x20           import time; time.sleep(60)\n\
             \x20       n += 1\n\
             except OSError as e:\n\
             \x20   print('stopped after', n, type(e).__name__, flush=True)\n",
        )
        .await;
    assert!(stdout(&out).starts_with("stopped after"), "{out}");
    let forked: u32 = stdout(&out)
        .split_whitespace()
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    assert!(forked < 64, "the process limit held: {out}");
    // The sleeping children die with the namespace when the program ends.
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[sqlx::test]
async fn the_database_port_and_other_addresses_cannot_be_reached(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let url = std::env::var("DATABASE_URL").unwrap();
    let port: u16 = url
        .rsplit(':')
        .next()
        .and_then(|p| p.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or(5432);
    // 192.0.2.1 is TEST-NET-1: the sandbox has no route at all, so nothing is sent.
    let code = format!(
        "import socket\n\
         for host, port in (('127.0.0.1', {port}), ('127.0.0.1', {app}), ('192.0.2.1', 80)):\n\
         \x20   try:\n\
         \x20       socket.create_connection((host, port), timeout=2); print('connected', host)\n\
         \x20   except OSError as e:\n\
         \x20       print(e.errno)\n",
        app = lab.app.address.port()
    );
    let out = lab.run_ok(&code).await;
    // ECONNREFUSED twice (the sandbox's own empty loopback), ENETUNREACH once.
    assert_eq!(stdout(&out), "111\n111\n101\n", "{out}");
}

#[sqlx::test]
async fn writing_a_hundred_one_megabyte_files_stops_at_the_disk_limit(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let out = lab
        .run_ok(
            "import os\n\
             n = 0\n\
             try:\n\
             \x20   for i in range(100):\n\
             \x20       with open(f'f{i}', 'wb') as f: f.write(b'x' * 1024 * 1024)\n\
             \x20       n += 1\n\
             except OSError as e:\n\
             \x20   print(n, e.strerror)\n\
             for path in ('/x', '/usr/x', '/dev/shm/x'):\n\
             \x20   try:\n\
             \x20       open(path, 'w'); print('wrote', path)\n\
             \x20   except OSError as e:\n\
             \x20       print(e.strerror)\n",
        )
        .await;
    let lines: Vec<&str> = stdout(&out).lines().collect();
    let written: u32 = lines[0].split_whitespace().next().unwrap().parse().unwrap();
    assert!(written < 20, "{out}");
    assert!(lines[0].ends_with("No space left on device"), "{out}");
    assert_eq!(&lines[1..], ["Read-only file system"; 3], "{out}");
}

#[sqlx::test]
async fn an_endless_loop_is_stopped_by_the_cpu_or_wall_clock_limit(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let started = Instant::now();
    let out = lab.run_ok("while True:\n    pass\n").await;
    assert_eq!(out["timed_out"], true, "{out}");
    assert_eq!(out["exit_code"], Value::Null, "{out}");
    assert!(
        out["stderr"].as_str().unwrap().contains("Остановлено"),
        "{out}"
    );
    assert!(started.elapsed() < Duration::from_secs(9));
}

#[sqlx::test]
async fn sleeping_past_the_wall_clock_is_stopped_with_its_children(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let started = Instant::now();
    let out = lab
        .run_ok("import os, time\nif os.fork() == 0:\n    os.setsid()\ntime.sleep(60)\n")
        .await;
    assert_eq!(out["timed_out"], true, "{out}");
    assert!(
        out["stderr"].as_str().unwrap().contains("дольше 5 секунд"),
        "{out}"
    );
    assert!(started.elapsed() < Duration::from_secs(9));
}

#[sqlx::test]
async fn a_memory_hog_gets_a_memory_error(pool: PgPool) {
    root_only!();
    let lab = Lab::new(pool).await;
    let out = lab.run_ok("x = bytearray(1024 * 1024 * 1024)").await;
    assert!(
        out["stderr"].as_str().unwrap().contains("MemoryError"),
        "{out}"
    );
    assert_eq!(out["exit_code"], 1);
}

#[sqlx::test]
async fn when_every_slot_is_busy_a_run_gets_503_with_a_russian_message(pool: PgPool) {
    root_only!();
    let config = SandboxConfig {
        max_concurrent: 1,
        queue_wait: Duration::from_millis(300),
        ..config()
    };
    let lab = Lab::with(pool, config).await;
    let slow = lab.run("import time\ntime.sleep(3)\nprint('slow done')");
    let quick = async {
        tokio::time::sleep(Duration::from_millis(1200)).await;
        lab.run("print('quick')").await
    };
    let ((slow_status, slow_out), (quick_status, quick_out)) = tokio::join!(slow, quick);
    assert_eq!(slow_status, 200);
    assert_eq!(stdout(&slow_out), "slow done\n");
    assert_eq!(quick_status, 503, "{quick_out}");
    assert!(
        quick_out["message"]
            .as_str()
            .unwrap()
            .contains("слишком много кода"),
        "{quick_out}"
    );
    // Once the slot is free, runs go through again.
    let (status, out) = lab.run("print('again')").await;
    assert_eq!((status, stdout(&out)), (200, "again\n"));
}

#[sqlx::test]
async fn with_the_sandbox_broken_code_running_is_off_and_never_unsandboxed(pool: PgPool) {
    let config = SandboxConfig {
        bwrap: "/nonexistent/bwrap".into(),
        ..config()
    };
    let lab = Lab::with(pool, config).await;
    let (status, out) = lab.run("print('ran')").await;
    assert_eq!(status, 503, "{out}");
    let message = out["message"].as_str().unwrap();
    assert!(message.contains("Запуск кода выключен"), "{message}");
    assert!(message.contains("bubblewrap"), "{message}");
}
